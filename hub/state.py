"""What every request handler needs, built once by create_app and hung on `app.state.hub`."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hub.config import HubConfig
from hub.fanout import Fanout
from hub.limits import LoginLimits, StreamCaps
from hub.results_cache import ResultCache, ResultsCache
from hub.storage import BlobStore, PartStore

if TYPE_CHECKING:  # redis is only installed for a hosted hub (the `hosted` extra)
    from hub.redis_link import RedisLink
    from hub.storage_s3 import S3BlobStore, S3PartStore


@dataclass
class HubState:
    config: HubConfig
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore | S3BlobStore
    parts: PartStore | S3PartStore
    limiter: LoginLimits
    fanout: Fanout
    streams: StreamCaps
    # live-update streams read the op log on these few threads, so a burst of wakes cannot take the
    # request handlers' thread pool
    stream_readers: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="stream-read"))
    results: ResultsCache = field(default_factory=ResultCache)
    # read-only queries (searches, listing pages) may go to a replica (HubConfig.db_replica_url)
    replica: Engine | None = None
    # a hosted hub's shared memory (hub.shared); None for the embedded and one-process hub
    redis: RedisLink | None = None
    # set when the process starts shutting down: /readyz says so, streams end with a reconnect hint
    draining: threading.Event = field(default_factory=threading.Event)

    def read_only(self) -> Engine:
        """For queries that write nothing and may be a moment behind (a replica's lag)."""
        return self.replica or self.engine


def hub_of(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state
