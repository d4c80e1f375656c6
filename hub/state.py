"""What every request handler needs, built once by create_app and hung on `app.state.hub`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hub.config import HubConfig
from hub.fanout import Fanout
from hub.limits import LoginLimiter, StreamGate
from hub.results_cache import ResultCache
from hub.storage import BlobStore


@dataclass
class HubState:
    config: HubConfig
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore
    limiter: LoginLimiter
    fanout: Fanout
    streams: StreamGate
    # live-update streams read the op log on these few threads, so a burst of wakes cannot take the
    # request handlers' thread pool
    stream_readers: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="stream-read"))
    results: ResultCache = field(default_factory=ResultCache)


def hub_of(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state
