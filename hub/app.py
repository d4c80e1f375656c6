"""Composition root of the hub: builds the state once and mounts the routers.

`create_app(config)` is all a caller needs — the CLI, the embedded hub in the desktop app and the
tests use it the same way.
"""

from __future__ import annotations

from fastapi import FastAPI

from hub import errors
from hub.config import HubConfig
from hub.db import make_engine, migrate, session_factory
from hub.limits import LoginLimiter
from hub.routers import auth, buying, listings, project_sync, projects, social, uploads
from hub.security import declare_sign_in
from hub.state import HubState
from hub.storage import BlobStore

API_VERSION = "1.0.0"


def create_app(config: HubConfig) -> FastAPI:
    engine = make_engine(config.database_url)
    migrate(engine)
    state = HubState(
        config=config, engine=engine, sessions=session_factory(engine), blobs=BlobStore(config.blob_dir),
        limiter=LoginLimiter(config.login_failures_allowed, config.login_window_seconds),
    )
    app = FastAPI(title="3D Pot hub", version=API_VERSION,
                  description="Marketplace and collaboration API of 3D Pot Studio.")
    app.state.hub = state
    errors.install(app)
    for module in (auth, listings, uploads, social, buying, projects, project_sync):
        app.include_router(declare_sign_in(module.router))
    return app
