"""Liveness and readiness for load balancers and orchestrators, and the schema check of hosted workers.

`/healthz` answers while the process can answer at all (restart it when it stops). `/readyz` answers
200 only when this worker can serve: the database (at the schema this code needs), the object store
and Redis (when configured) reachable, and the process not shutting down; otherwise 503 with what is
wrong, so the balancer sends the traffic elsewhere while it lasts. Neither is in the API's OpenAPI
document: they are for the operator's machines, not for apps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text

from hub.db import MIGRATIONS
from hub.state import HubState, hub_of

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


def schema_gap(engine: Engine) -> str:
    """'' when the database is at the newest schema revision, else what `potstudio hub migrate` would do."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return ""
    return f"the database schema is at {current or 'nothing'}, this hub needs {head}"


def _check(name: str, probe: Callable[[], str], results: dict[str, str]) -> None:
    try:
        results[name] = probe() or "ok"
    except Exception as exc:
        log.warning("readiness: %s is not reachable", name, exc_info=True)
        results[name] = f"unreachable: {type(exc).__name__}: {exc}"[:300]


def _probe_all(hub: HubState) -> dict[str, str]:
    results: dict[str, str] = {}

    def database() -> str:
        with hub.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return schema_gap(hub.engine)

    _check("database", database, results)
    _check("object_store", hub.blobs.check, results)
    if hub.redis is not None:
        redis_link = hub.redis
        _check("redis", lambda: "" if redis_link.ping() else "no PONG", results)
    return results


@router.get("/healthz")
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    hub = hub_of(request)
    checks = await run_in_threadpool(_probe_all, hub)
    if hub.draining.is_set():
        checks["process"] = "shutting down"
    ready = all(value == "ok" for value in checks.values())
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                        status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})
