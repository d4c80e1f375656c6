"""Hub settings, passed into create_app (no globals) so tests and the embedded hub run side by side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ACCESS_TOKEN_SECONDS = 15 * 60
REFRESH_TOKEN_DAYS = 60
DESKTOP_CLIENT_ID = "potstudio-desktop"
CLI_CLIENT_ID = "potstudio-cli"


@dataclass(frozen=True)
class HubConfig:
    """Where the hub keeps its data and how it signs tokens.

    `jwt_secret` signs the 15-minute access tokens; it never reaches SQLite. `potstudio hub` reads it
    from the environment or its own 0600 file (a server has no keyring), the desktop's embedded hub
    from the OS keyring (hub.cli).
    """

    database_url: str
    blob_dir: Path
    jwt_secret: str
    public_url: str = "http://127.0.0.1:8765"
    max_upload_bytes: int = 512 * 1024 * 1024
    # what one account may hold in unfinished uploads, and how long an untouched one is kept
    max_pending_uploads: int = 20
    max_pending_upload_bytes: int = 2 * 1024 * 1024 * 1024
    upload_expiry_seconds: float = 24 * 3600.0
    login_failures_allowed: int = 5
    login_window_seconds: float = 300.0
    device_poll_interval: int = 5
    # the payment provider paid listings are sold through (hub.payments); "" sells nothing, so a hub
    # never hands out paid files unpaid; "test" is the embedded hub's checkout where nothing is charged
    payments: str = ""
    # live-update streams: caps per user and per process (429 past them), and how often an open stream
    # rechecks on its own that its user is still a member (changes made through this process end it at once)
    max_streams_per_user: int = 20
    max_streams: int = 1000
    stream_recheck_seconds: float = 30.0
    # a hosted hub (several workers or machines): sign-in limits, stream caps, the search cache and the
    # live-update fan-out shared through Redis (hub.shared); "" keeps them in this process's memory
    redis_url: str = ""
    # database connections each worker process keeps (and may add as many again under a burst); read-only
    # queries go to `db_replica_url` when set (a PostgreSQL streaming replica)
    db_pool_size: int = 20
    db_replica_url: str = ""
    # the hosted profile migrates once with `potstudio hub migrate`; its workers only check the schema
    migrate_on_start: bool = True
    json_logs: bool = False
    # blobs and unfinished uploads in S3-compatible storage (hub.storage_s3): http(s)://HOST[:PORT]/BUCKET,
    # keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; "" keeps them under blob_dir. Download links are
    # signed for `s3_public_url` when clients reach the store at another address than the hub does
    s3_url: str = ""
    s3_public_url: str = ""
    s3_region: str = "us-east-1"

    @property
    def upload_dir(self) -> Path:
        return self.blob_dir / "uploads"
