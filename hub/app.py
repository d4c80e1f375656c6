"""Composition root of the hub: builds the state once and mounts the routers.

`create_app(config)` is all a caller needs — the CLI, the embedded hub in the desktop app and the
tests use it the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Callable
from types import FrameType
from typing import Any

from fastapi import FastAPI

from core.errors import PotStudioError
from core.limits import MAX_JSON_BYTES
from hub import errors, health, metrics
from hub.config import HubConfig
from hub.contract import declare_contract
from hub.db import make_engine, migrate, session_factory
from hub.health import schema_gap
from hub.limits import BodyLimit, declare_body_limit
from hub.logs import RequestContext
from hub.metrics import Instrument, watch_pool
from hub.routers import auth, buying, listings, mentions, project_sync, projects, share_links, social, uploads
from hub.security import declare_sign_in
from hub.shared import Shared, shared_state
from hub.state import HubState
from hub.storage import BlobStore, PartStore
from hub.streams import project_heads, watch_changes

API_VERSION = "1.0.0"
TUS_PATHS = ("/uploads",)  # tus bodies have their own limits (Upload-Length, max_upload_bytes), not the JSON one


log = logging.getLogger(__name__)
DRAIN_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def create_app(config: HubConfig) -> FastAPI:
    engine = make_engine(config.database_url, config.db_pool_size)
    if config.migrate_on_start:
        migrate(engine)
    elif gap := schema_gap(engine):
        raise PotStudioError(f"{gap.capitalize()}: run `potstudio hub migrate --db URL` once before the workers start.")
    watch_pool(engine)
    sessions = session_factory(engine)
    shared = shared_state(config, heads=project_heads(sessions))
    watch_changes(sessions, shared.fanout)
    state = HubState(
        config=config, engine=engine, sessions=sessions, **_stores(config, shared),
        limiter=shared.limiter, fanout=shared.fanout, streams=shared.streams, results=shared.results,
        redis=shared.redis,
        replica=make_engine(config.db_replica_url, config.db_pool_size) if config.db_replica_url else None,
    )
    app = FastAPI(title="3D Pot hub", version=API_VERSION, lifespan=_lifespan(state, shared),
                  description="Marketplace and collaboration API of 3D Pot Studio.")
    app.state.hub = state
    app.state.shared = shared
    app.include_router(health.router)
    app.add_route("/metrics", metrics.metrics, include_in_schema=False)
    errors.install(app)
    for module in (auth, listings, uploads, social, buying, projects, mentions, share_links, project_sync):
        app.include_router(declare_sign_in(module.router))
    app.add_middleware(BodyLimit, limit=MAX_JSON_BYTES, exempt=TUS_PATHS)
    app.add_middleware(Instrument)
    app.add_middleware(RequestContext)
    declare_body_limit(app, MAX_JSON_BYTES, exempt=TUS_PATHS)
    declare_contract(app, state)
    return app


def _stores(config: HubConfig, shared: Shared) -> dict[str, Any]:
    """Blobs and unfinished uploads: a local directory, or S3-compatible storage shared by every machine
    (its upload locks live in Redis, which the hosted profile requires)."""
    if not config.s3_url:
        blobs = BlobStore(config.blob_dir)
        return {"blobs": blobs, "parts": PartStore(config.upload_dir, blobs)}
    from hub.storage_s3 import S3BlobStore, S3Location, S3PartStore

    if shared.redis is None:
        raise PotStudioError("Object storage (--s3-url) needs --redis-url too: uploads are locked across machines "
                             "through Redis.")
    s3_blobs = S3BlobStore(S3Location.parse(config.s3_url), config.s3_region, config.s3_public_url)
    try:
        s3_blobs.ensure_bucket()
    except Exception as exc:
        raise PotStudioError(f"The object store {config.s3_url} cannot be used: {exc}") from None
    return {"blobs": s3_blobs, "parts": S3PartStore(s3_blobs, shared.redis, config.upload_dir)}


def _lifespan(state: HubState, shared: Shared) -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]:
    """Sweep expired uploads on a timer; drain on SIGTERM/SIGINT, leave Redis on the way out.

    uvicorn handles those signals by closing its sockets and waiting (up to its graceful timeout) for
    open responses to end; live-update streams never end on their own, so without a word they would
    be cut at the timeout and clients would notice only when their read timed out. Chained in front of
    uvicorn's handler, `drain` first marks the process not ready and ends every stream with a
    `reconnect` event, then lets uvicorn shut down as it would. (Signal handlers can only be set from
    the main thread: the desktop's embedded hub, served from a thread, stops by its own call instead.)
    """

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        # the handler only schedules: drain takes locks the interrupted code may be holding
        restore = _chain_signals(lambda: loop.call_soon_threadsafe(drain, state))
        sweeper = asyncio.create_task(uploads.sweep_periodically(state))
        try:
            yield
        finally:
            sweeper.cancel()
            drain(state)
            restore()
            shared.close()

    return lifespan


def drain(state: HubState) -> None:
    if not state.draining.is_set():
        log.info("shutting down: ending live-update streams with a reconnect hint")
        state.draining.set()
    state.fanout.drain()


def _chain_signals(action: Callable[[], object]) -> Callable[[], None]:
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        action()
        before = previous.get(signum)
        if callable(before):
            before(signum, frame)

    try:
        for sig in DRAIN_SIGNALS:
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not the main thread
        pass

    def restore() -> None:
        for sig, before in previous.items():
            if signal.getsignal(sig) is handler:
                signal.signal(sig, before)

    return restore
