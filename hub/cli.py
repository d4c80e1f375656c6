"""`potstudio hub`: serve the reference hub (optionally filling an empty one with the seed catalogue).

The token-signing secret of a server comes from POTSTUDIO_HUB_SECRET (containers, secret managers)
or else from a file it creates, mode 0600, in its data directory on first start: a server has no OS
keyring (no desktop session), and the secret must outlive restarts. A group- or world-readable file is
refused, the way ssh refuses a readable private key. The hub inside the desktop app keeps its secret
in the OS keyring instead (signing_secret), like every other desktop secret.

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
SECRET_FILE = "signing-secret"
MIN_SECRET_LENGTH = 32
DEFAULT_PORT = 8765
CONFIG_ENV = "POTSTUDIO_HUB_CONFIG"  # how the parent hands its settings to worker processes


def _secret_from_environment() -> str | None:
    value = os.environ.get(SECRET_ENV)
    if value and len(value) < MIN_SECRET_LENGTH:
        raise PotStudioError(f"{SECRET_ENV} must be at least {MIN_SECRET_LENGTH} characters long.")
    return value or None


def server_secret(folder: Path) -> str:
    """`potstudio hub`'s secret: the environment's, else FOLDER/signing-secret (created 0600 if absent)."""
    from_env = _secret_from_environment()
    if from_env:
        return from_env
    path = folder / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret_file(path)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(secrets.token_urlsafe(48) + "\n")
    log.info("created the hub's signing secret file %s (mode 0600)", path)
    return _read_secret_file(path)


def _read_secret_file(path: Path) -> str:
    mode = path.stat().st_mode & 0o777
    if os.name == "posix" and mode & 0o077:  # elsewhere the file inherits the data folder's ACL
        raise PotStudioError(f"The hub's signing secret {path} can be read by other users (mode {mode:04o}); "
                             f"run `chmod 600 {path}` (and check who has read it), or set {SECRET_ENV}.")
    try:
        value = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise PotStudioError(f"Cannot read the hub's signing secret {path}: {exc}.") from None
    if len(value) < MIN_SECRET_LENGTH:
        raise PotStudioError(f"The hub's signing secret {path} must hold at least {MIN_SECRET_LENGTH} "
                             f"characters; delete it to have a new one made (signed-in apps then refresh).")
    return value


def signing_secret() -> str:
    """The desktop's embedded hub: the environment's secret, else one kept in the OS keyring."""
    from_env = _secret_from_environment()
    if from_env:
        return from_env
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
    return HubConfig(database_url=url, blob_dir=root / "blobs", jwt_secret=server_secret(root), public_url=public,
                     payments=args.payments, **stream_limits(args), **upload_limits(args))


def stream_limits(args: argparse.Namespace) -> dict[str, Any]:
    """The live-update stream settings of the command line, as HubConfig fields."""
    return {"max_streams_per_user": args.max_streams_per_user, "max_streams": args.max_streams,
            "stream_recheck_seconds": args.stream_recheck}


def upload_limits(args: argparse.Namespace) -> dict[str, Any]:
    """The allowance of unfinished uploads of the command line, as HubConfig fields."""
    return {"max_pending_uploads": args.max_pending_uploads,
            "max_pending_upload_bytes": args.max_pending_upload_mb * 1024 * 1024,
            "upload_expiry_seconds": args.upload_expiry_hours * 3600}


EPILOG = f"""\
database (--db):
  sqlite:////srv/potstudio/hub.db                        one file (the default: DIR/hub.db)
  postgresql://USER:PASSWORD@HOST:5432/DBNAME            PostgreSQL (pip install "psycopg[binary]");
  postgresql://USER@HOST/DBNAME?sslmode=verify-full      ?sslmode=... for TLS to a remote server
  The schema is created and migrated on start.

token-signing secret:
  ${SECRET_ENV} if set ({MIN_SECRET_LENGTH}+ characters, the same on every restart), else the file
  DIR/{SECRET_FILE}, created with mode 0600 on first start; a group- or world-readable one is
  refused. No OS keyring is needed.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir; "
                                                    "PostgreSQL: see below)")
    parser.add_argument("--data", metavar="DIR", help="where the SQLite file, blobs (models, thumbnails) and the "
                                                      "signing secret live (default: the app's data dir/hub)")
    parser.add_argument("--public-url", metavar="URL", help="address clients reach the hub at")
    parser.add_argument("--payments", choices=PROVIDERS, default="",
                        help="sell paid listings through this payment provider (default: none, paid listings "
                             "cannot be bought); 'test' is a checkout where nothing is charged, for trying it out")
    parser.add_argument("--seed", action="store_true", help="fill an empty hub with the seed catalogue")
    parser.add_argument("--seed-count", type=int, default=240, help="listings the seed creates (default 240)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (default 1; one per CPU core "
                                                               "for a busy self-hosted hub)")
    parser.add_argument("--max-streams-per-user", type=int, default=HubConfig.max_streams_per_user, metavar="N",
                        help="live-update connections one account may hold open per process (default %(default)s)")
    parser.add_argument("--max-streams", type=int, default=HubConfig.max_streams, metavar="N",
                        help="live-update connections one process serves at once (default %(default)s)")
    parser.add_argument("--stream-recheck", type=float, default=HubConfig.stream_recheck_seconds, metavar="SECONDS",
                        help="how often a live-update connection rechecks that its user may still see the project, "
                             "for removals made through another worker (default %(default)s)")
    parser.add_argument("--max-pending-uploads", type=int, default=HubConfig.max_pending_uploads, metavar="N",
                        help="unfinished uploads one account may hold (default %(default)s)")
    parser.add_argument("--max-pending-upload-mb", type=int, metavar="MIB",
                        default=HubConfig.max_pending_upload_bytes // (1024 * 1024),
                        help="MiB one account's unfinished uploads may add up to (default %(default)s)")
    parser.add_argument("--upload-expiry-hours", type=float, default=HubConfig.upload_expiry_seconds / 3600,
                        metavar="HOURS", help="an unfinished upload untouched this long is deleted (default "
                                              "%(default)s)")


def app_from_environment() -> Any:
    """uvicorn's app factory in each worker process: the parent's settings, from the environment."""
    from hub.app import create_app

    settings = json.loads(os.environ[CONFIG_ENV])
    blobs = Path(settings["blob_dir"])
    return create_app(HubConfig(database_url=settings["database_url"], blob_dir=blobs,
                                jwt_secret=server_secret(blobs.parent), public_url=settings["public_url"],
                                payments=settings["payments"], **settings["streams"], **settings["uploads"]))


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
                                         "public_url": config.public_url, "payments": config.payments,
                                         "streams": stream_limits(args), "uploads": upload_limits(args)})
    os.environ[SECRET_ENV] = config.jwt_secret  # the workers' environment only, never a file
    uvicorn.run("hub.cli:app_from_environment", factory=True, workers=args.workers, **options)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("hub", help="run the reference marketplace/collaboration hub")
    add_arguments(parser)
    parser.set_defaults(func=run)
