"""`potstudio hub`: serve the reference hub (optionally filling an empty one with the seed catalogue).

The token-signing secret comes from POTSTUDIO_HUB_SECRET (servers, containers) or else the OS
keyring through core.secrets (the embedded hub on a desktop); it is never written to a file.

`--workers N` runs N uvicorn processes (one per core is what a self-hoster wants: Python serves
one request at a time per process). They share the database; what each keeps in memory stays
per process: the search-result cache (a few seconds stale at most), the sign-in rate limit (so N
times the attempts) and live-update presence (watchers on other processes are not listed; their
ops still arrive, within one heartbeat).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Any

from core.errors import PotStudioError
from core.paths import data_dir
from hub.config import HubConfig
from hub.payments import PROVIDERS

log = logging.getLogger(__name__)
SECRET_ENV = "POTSTUDIO_HUB_SECRET"
SECRET_KEY = "hub.jwt_secret"
DEFAULT_PORT = 8765
CONFIG_ENV = "POTSTUDIO_HUB_CONFIG"  # how the parent hands its settings to worker processes


def signing_secret() -> str:
    value = os.environ.get(SECRET_ENV)
    if value:
        if len(value) < 32:
            raise PotStudioError(f"{SECRET_ENV} must be at least 32 characters long.")
        return value
    from core.secrets import SecretStoreError, get_secret, set_secret

    try:
        stored = get_secret(SECRET_KEY)
        if stored:
            return stored
        fresh = secrets.token_urlsafe(48)
        set_secret(SECRET_KEY, fresh)
        return fresh
    except SecretStoreError as exc:
        raise PotStudioError(f"{exc} Or set {SECRET_ENV} to a random string of 32+ characters.") from None


def config_from(args: argparse.Namespace) -> HubConfig:
    root = Path(args.data) if args.data else data_dir() / "hub"
    root.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{root / 'hub.db'}"
    public = args.public_url or f"http://{args.host}:{args.port}"
    return HubConfig(database_url=url, blob_dir=root / "blobs", jwt_secret=signing_secret(), public_url=public,
                     payments=args.payments)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir); "
                                                    "postgresql://user@host/db for PostgreSQL")
    parser.add_argument("--data", metavar="DIR", help="where blobs (models, thumbnails) live")
    parser.add_argument("--public-url", metavar="URL", help="address clients reach the hub at")
    parser.add_argument("--payments", choices=PROVIDERS, default="",
                        help="sell paid listings through this payment provider (default: none, paid listings "
                             "cannot be bought); 'test' is a checkout where nothing is charged, for trying it out")
    parser.add_argument("--seed", action="store_true", help="fill an empty hub with the seed catalogue")
    parser.add_argument("--seed-count", type=int, default=240, help="listings the seed creates (default 240)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (default 1; one per CPU core "
                                                               "for a busy self-hosted hub)")


def app_from_environment() -> Any:
    """uvicorn's app factory in each worker process: the parent's settings, from the environment."""
    from hub.app import create_app

    settings = json.loads(os.environ[CONFIG_ENV])
    return create_app(HubConfig(database_url=settings["database_url"], blob_dir=Path(settings["blob_dir"]),
                                jwt_secret=signing_secret(), public_url=settings["public_url"],
                                payments=settings["payments"]))


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.app import create_app

    if args.workers < 1:
        raise PotStudioError("--workers must be at least 1.")
    config = config_from(args)
    app = create_app(config)  # migrates and seeds once, before any worker starts
    if args.seed:
        from hub.seed import seed_if_empty

        created = seed_if_empty(app.state.hub, count=args.seed_count)
        print(f"seeded {created} listings" if created else "the hub already has listings; seed skipped")
    print(f"hub listening on {config.public_url}", flush=True)
    # live-update streams never end on their own; give them a short grace period on shutdown
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": "warning",
                               "timeout_graceful_shutdown": 2}
    if args.workers == 1:
        uvicorn.run(app, **options)
        return 0
    app.state.hub.engine.dispose()
    os.environ[CONFIG_ENV] = json.dumps({"database_url": config.database_url, "blob_dir": str(config.blob_dir),
                                         "public_url": config.public_url, "payments": config.payments})
    os.environ[SECRET_ENV] = config.jwt_secret  # the workers' environment only, never a file
    uvicorn.run("hub.cli:app_from_environment", factory=True, workers=args.workers, **options)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("hub", help="run the reference marketplace/collaboration hub")
    add_arguments(parser)
    parser.set_defaults(func=run)
