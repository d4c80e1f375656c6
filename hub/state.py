"""What every request handler needs, built once by create_app and hung on `app.state.hub`."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hub.config import HubConfig
from hub.limits import LoginLimiter
from hub.results_cache import ResultCache
from hub.storage import BlobStore


class FeedBell:
    """Wakes server-sent-event streams when a project gets a new revision, instead of busy polling."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heads: dict[int, int] = {}

    def ring(self, project_id: int, rev: int) -> None:
        with self._cond:
            self._heads[project_id] = rev
            self._cond.notify_all()

    def wait(self, project_id: int, after_rev: int, timeout: float) -> bool:
        """True when the project moved past after_rev (as far as this process knows) within timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._heads.get(project_id, -1) > after_rev, timeout)


@dataclass
class HubState:
    config: HubConfig
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore
    limiter: LoginLimiter
    bell: FeedBell = field(default_factory=FeedBell)
    results: ResultCache = field(default_factory=ResultCache)


def hub_of(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state
