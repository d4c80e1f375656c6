"""Composition root of the hub: builds the state once and mounts the routers.

`create_app(config)` is all a caller needs — the CLI, the embedded hub in the desktop app and the
tests use it the same way.
"""

from __future__ import annotations

from fastapi import FastAPI

from core.limits import MAX_JSON_BYTES
from hub import errors
from hub.config import HubConfig
from hub.db import make_engine, migrate, session_factory
from hub.fanout import LocalFanout
from hub.limits import BodyLimit, LoginLimiter, StreamGate, declare_body_limit
from hub.routers import auth, buying, listings, project_sync, projects, social, uploads
from hub.security import declare_sign_in
from hub.state import HubState
from hub.storage import BlobStore
from hub.streams import project_heads, watch_access

API_VERSION = "1.0.0"
TUS_PATHS = ("/uploads",)  # tus bodies have their own limits (Upload-Length, max_upload_bytes), not the JSON one


def create_app(config: HubConfig) -> FastAPI:
    engine = make_engine(config.database_url)
    migrate(engine)
    sessions = session_factory(engine)
    fanout = LocalFanout(heads=project_heads(sessions))
    watch_access(sessions, fanout)
    state = HubState(
        config=config, engine=engine, sessions=sessions, blobs=BlobStore(config.blob_dir),
        limiter=LoginLimiter(config.login_failures_allowed, config.login_window_seconds),
        fanout=fanout, streams=StreamGate(config.max_streams_per_user, config.max_streams),
    )
    app = FastAPI(title="3D Pot hub", version=API_VERSION,
                  description="Marketplace and collaboration API of 3D Pot Studio.")
    app.state.hub = state
    errors.install(app)
    for module in (auth, listings, uploads, social, buying, projects, project_sync):
        app.include_router(declare_sign_in(module.router))
    app.add_middleware(BodyLimit, limit=MAX_JSON_BYTES, exempt=TUS_PATHS)
    declare_body_limit(app, MAX_JSON_BYTES, exempt=TUS_PATHS)
    return app
