"""What every request handler needs, built once by create_app and hung on `app.state.hub`."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hub.config import HubConfig
from hub.limits import LoginLimiter
from hub.results_cache import ResultCache
from hub.storage import BlobStore


class FeedBell:
    """Wakes server-sent-event streams when a project changes (a new revision, someone joining or
    leaving), instead of busy polling, and knows who is watching each project (presence)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._generation: dict[int, int] = {}
        self._present: dict[int, Counter[str]] = {}

    def _bump(self, project_id: int) -> None:
        self._generation[project_id] = self._generation.get(project_id, 0) + 1
        self._cond.notify_all()

    def ring(self, project_id: int) -> None:
        with self._cond:
            self._bump(project_id)

    def join(self, project_id: int, username: str) -> None:
        with self._cond:
            self._present.setdefault(project_id, Counter())[username] += 1
            self._bump(project_id)

    def leave(self, project_id: int, username: str) -> None:
        with self._cond:
            present = self._present.get(project_id, Counter())
            present[username] -= 1
            if present[username] <= 0:
                del present[username]
            self._bump(project_id)

    def present(self, project_id: int) -> list[str]:
        with self._cond:
            return sorted(self._present.get(project_id, Counter()))

    def generation(self, project_id: int) -> int:
        with self._cond:
            return self._generation.get(project_id, 0)

    def wait(self, project_id: int, seen: int, timeout: float) -> bool:
        """True when the project changed since generation `seen` (in this process) within timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._generation.get(project_id, 0) != seen, timeout)


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
