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

`--profile hosted` is the hub on shared, distributed parts (see hub/README.md and deploy/): several
workers on several machines behind a proxy, PostgreSQL, Redis for what the processes share (limits,
search cache, live updates) and JSON logs. Its schema is migrated once, by `potstudio hub migrate`,
before the workers start; a worker finding an older schema refuses to start instead of racing the
others to migrate it. Every option can also come from the environment (POTSTUDIO_HUB_<OPTION>), which
is how the compose file and the systemd units set them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import secrets
import shutil
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


HOSTED = "hosted"
PROFILES = ("standalone", HOSTED)


def _data_root(args: argparse.Namespace) -> Path:
    root = Path(args.data) if args.data else data_dir() / "hub"
    root.mkdir(parents=True, exist_ok=True)
    return root


def config_from(args: argparse.Namespace) -> HubConfig:
    root = _data_root(args)
    url = args.db or f"sqlite:///{root / 'hub.db'}"
    public = args.public_url or f"http://{args.host}:{args.port}"
    hosted = args.profile == HOSTED
    if hosted:
        _check_hosted(args)
    return HubConfig(database_url=url, blob_dir=root / "blobs", jwt_secret=server_secret(root), public_url=public,
                     payments=args.payments, redis_url=args.redis_url or "", db_pool_size=args.db_pool_size,
                     db_replica_url=args.db_replica_url or "", migrate_on_start=not hosted,
                     s3_url=args.s3_url or "", s3_public_url=args.s3_public_url or "", s3_region=args.s3_region,
                     json_logs=hosted or args.json_logs, **stream_limits(args), **upload_limits(args))


def _check_hosted(args: argparse.Namespace) -> None:
    """The hosted profile is for shared parts only: one machine's SQLite file or memory cannot be shared."""
    if not (args.db or "").startswith("postgresql"):
        raise PotStudioError("--profile hosted needs --db postgresql://... (SQLite is one machine's file).")
    if not args.redis_url:
        raise PotStudioError("--profile hosted needs --redis-url redis://HOST:6379/0 (what workers share).")
    if not args.s3_url:
        raise PotStudioError("--profile hosted needs --s3-url https://HOST[:PORT]/BUCKET (files every machine "
                             "reaches; keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).")


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

hosted profile (several workers/machines; see hub/README.md):
  potstudio hub migrate --db postgresql://...             once, before the workers start
  potstudio hub --profile hosted --db URL --redis-url URL --s3-url URL --workers N
  Every option may come from the environment instead: --redis-url is POTSTUDIO_HUB_REDIS_URL, etc.

token-signing secret:
  ${SECRET_ENV} if set ({MIN_SECRET_LENGTH}+ characters, the same on every restart), else the file
  DIR/{SECRET_FILE}, created with mode 0600 on first start; a group- or world-readable one is
  refused. No OS keyring is needed.
"""


ENV_PREFIX = "POTSTUDIO_HUB_"


def _from_environment(parser: argparse.ArgumentParser) -> None:
    """Defaults from POTSTUDIO_HUB_<OPTION> (--redis-url: POTSTUDIO_HUB_REDIS_URL), checked like the option."""
    wrong: list[str] = []
    for action in parser._actions:
        if not action.option_strings or action.dest in ("help", "seed"):
            continue
        value = os.environ.get(ENV_PREFIX + action.dest.upper())
        if value is None:
            continue
        if action.choices is not None and value not in action.choices:  # argparse checks no default's choice
            wrong.append(f"{ENV_PREFIX}{action.dest.upper()}={value!r} (choose from {', '.join(action.choices)})")
            continue
        if isinstance(action, argparse._StoreTrueAction):
            action.default = value.lower() in ("1", "true", "yes", "on")
        else:
            action.default = value  # a string default goes through the option's type like typed text
    parser.set_defaults(environment_errors=wrong)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("--profile", choices=PROFILES, default="standalone",
                        help="standalone (default): one machine, limits and caches in memory; hosted: workers on "
                             "shared PostgreSQL and Redis, JSON logs, schema migrated by `potstudio hub migrate`")
    parser.add_argument("--redis-url", metavar="URL", help="Redis shared by the hosted hub's processes "
                                                           "(redis://[:PASSWORD@]HOST:6379/0, rediss:// for TLS)")
    parser.add_argument("--db-pool-size", type=int, default=HubConfig.db_pool_size, metavar="N",
                        help="database connections each worker keeps (as many again under bursts; "
                             "default %(default)s); workers x machines x 2N must fit PostgreSQL's max_connections")
    parser.add_argument("--db-replica-url", metavar="URL", help="a read-only PostgreSQL replica for searches "
                                                                "(default: the primary)")
    parser.add_argument("--s3-url", metavar="URL", help="keep models, images and unfinished uploads in "
                                                        "S3-compatible storage: https://HOST[:PORT]/BUCKET (MinIO, "
                                                        "AWS...); keys from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
    parser.add_argument("--s3-public-url", metavar="URL", help="the object store's address as clients reach it, "
                                                               "when not the same as --s3-url's (download links are "
                                                               "signed for it)")
    parser.add_argument("--s3-region", default=HubConfig.s3_region, help="the store's region (default %(default)s)")
    parser.add_argument("--forwarded-allow-ips", default="127.0.0.1", metavar="ADDRESSES",
                        help="proxies whose X-Forwarded-For/-Proto are believed (comma-separated, default "
                             "%(default)s): behind nginx on another host, its address, so sign-in limits count "
                             "the real client")
    parser.add_argument("--json-logs", action="store_true", help="log one JSON object per line with the request id "
                                                                 "(always on in the hosted profile)")
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
    commands = parser.add_subparsers(dest="hub_command", metavar="[migrate]")
    migrate = commands.add_parser("migrate", help="bring the database to this version's schema, then exit "
                                                  "(the hosted profile's workers do not migrate on their own)")
    migrate.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    migrate.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help="data dir (SQLite default)")
    _from_environment(parser)


def app_from_environment() -> Any:
    """uvicorn's app factory in each worker process: the parent's settings, from the environment."""
    from hub.app import create_app

    settings = json.loads(os.environ[CONFIG_ENV])
    blobs = Path(settings.pop("blob_dir"))
    config = HubConfig(**settings, blob_dir=blobs, jwt_secret=server_secret(blobs.parent))
    if config.json_logs:
        from hub.logs import configure_json

        configure_json()
    return create_app(config)


def migrate_database(args: argparse.Namespace) -> int:
    """`potstudio hub migrate`: the one schema migration of a (hosted) hub, before its workers start."""
    from hub.db import make_engine, migrate
    from hub.health import schema_gap

    url = args.db or f"sqlite:///{_data_root(args) / 'hub.db'}"
    engine = make_engine(url)
    try:
        gap = schema_gap(engine)
        migrate(engine)
    finally:
        engine.dispose()
    print(f"migrated: {gap}" if gap else "the database schema is already current", flush=True)
    return 0


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.app import create_app

    if args.environment_errors:
        raise PotStudioError("Invalid setting in the environment: " + "; ".join(args.environment_errors) + ".")
    if getattr(args, "hub_command", None) == "migrate":
        return migrate_database(args)
    if args.workers < 1:
        raise PotStudioError("--workers must be at least 1.")
    config = config_from(args)
    if config.json_logs:
        from hub.logs import configure_json

        configure_json()
    if args.workers > 1:
        _share_metrics(config.blob_dir.parent / "metrics")
    app = create_app(config)  # migrates (or checks the schema) and seeds once, before any worker starts
    if args.seed:
        from hub.seed import seed_if_empty

        created = seed_if_empty(app.state.hub, count=args.seed_count)
        print(f"seeded {created} listings" if created else "the hub already has listings; seed skipped")
    print(f"hub listening on {config.public_url}", flush=True)
    # live-update streams never end on their own; give them a short grace period on shutdown
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": "warning",
                               "timeout_graceful_shutdown": 2, "proxy_headers": True,
                               "forwarded_allow_ips": args.forwarded_allow_ips}
    if config.json_logs:
        options["log_config"] = None  # uvicorn's own lines go through the JSON handler too
    if args.workers == 1:
        uvicorn.run(app, **options)
        return 0
    app.state.shared.close()
    app.state.hub.engine.dispose()
    settings = {k: v for k, v in dataclasses.asdict(config).items() if k != "jwt_secret"}
    os.environ[CONFIG_ENV] = json.dumps({**settings, "blob_dir": str(config.blob_dir)})
    os.environ[SECRET_ENV] = config.jwt_secret  # the workers' environment only, never a file
    uvicorn.run("hub.cli:app_from_environment", factory=True, workers=args.workers, **options)
    return 0


def _share_metrics(folder: Path) -> None:
    """Several workers on one port: each writes its metrics to `folder`, and /metrics adds them up.
    The folder is emptied first: figures of a previous run's processes must not be counted."""
    from hub.metrics import MULTIPROC_ENV

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ[MULTIPROC_ENV] = str(folder)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("hub", help="run the reference marketplace/collaboration hub")
    add_arguments(parser)
    parser.set_defaults(func=run)
