"""`potstudio hub`: serve the reference hub (optionally filling an empty one with the seed catalogue).

The token-signing secret comes from POTSTUDIO_HUB_SECRET (servers, containers) or else the OS
keyring through core.secrets (the embedded hub on a desktop); it is never written to a file.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
from pathlib import Path

from core.errors import PotStudioError
from core.paths import data_dir
from hub.config import HubConfig

log = logging.getLogger(__name__)
SECRET_ENV = "POTSTUDIO_HUB_SECRET"
SECRET_KEY = "hub.jwt_secret"
DEFAULT_PORT = 8765


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
    return HubConfig(database_url=url, blob_dir=root / "blobs", jwt_secret=signing_secret(), public_url=public)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir); "
                                                    "postgresql://user@host/db for PostgreSQL")
    parser.add_argument("--data", metavar="DIR", help="where blobs (models, thumbnails) live")
    parser.add_argument("--public-url", metavar="URL", help="address clients reach the hub at")
    parser.add_argument("--seed", action="store_true", help="fill an empty hub with the seed catalogue")
    parser.add_argument("--seed-count", type=int, default=240, help="listings the seed creates (default 240)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.app import create_app

    config = config_from(args)
    app = create_app(config)
    if args.seed:
        from hub.seed import seed_if_empty

        created = seed_if_empty(app.state.hub, count=args.seed_count)
        print(f"seeded {created} listings" if created else "the hub already has listings; seed skipped")
    print(f"hub listening on {config.public_url}", flush=True)
    # live-update streams never end on their own; give them a short grace period on shutdown
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=2)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("hub", help="run the reference marketplace/collaboration hub")
    add_arguments(parser)
    parser.set_defaults(func=run)
