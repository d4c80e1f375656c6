"""The hub inside the desktop app: when no server is configured, the app runs this on 127.0.0.1 with
its SQLite file in the data dir, so a new user browses a (seeded) marketplace on first start and
signs into a local account without typing anything.

The server runs on a background thread; seeding runs on another so the window opens at once and the
catalogue fills in behind it. The local account's password is random and lives in the OS keyring.
"""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time
from pathlib import Path

import uvicorn
from sqlalchemy import select

from core.errors import PotStudioError
from core.paths import data_dir
from core.secrets import get_secret, set_secret
from hub.app import create_app
from hub.cli import signing_secret
from hub.config import HubConfig
from hub.models import User
from hub.security import hash_password
from hub.seed import seed_if_empty
from hub.state import HubState

log = logging.getLogger(__name__)
LOCAL_USER = "local"
LOCAL_PASSWORD_KEY = "hub.local_password"


class EmbeddedHub:
    def __init__(self, folder: Path | None = None, port: int = 0, seed_count: int = 240) -> None:
        self.folder = folder or data_dir() / "hub"
        self.port = port
        self.seed_count = seed_count
        self.url = ""
        self.seeded = threading.Event()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._state: HubState | None = None

    def start(self, timeout: float = 30.0) -> str:
        """Start serving; returns the hub's URL (http://127.0.0.1:PORT)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        config = HubConfig(database_url=f"sqlite:///{self.folder / 'hub.db'}", blob_dir=self.folder / "blobs",
                           jwt_secret=signing_secret(), public_url=self.url,
                           payments="test")  # a hub on this computer sells through a checkout that charges nothing
        app = create_app(config)
        self._state = app.state.hub
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, name="embedded-hub",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise PotStudioError("The built-in marketplace could not start.")
            time.sleep(0.05)
        threading.Thread(target=self._seed, name="embedded-hub-seed", daemon=True).start()
        return self.url

    def _seed(self) -> None:
        assert self._state is not None
        try:
            created = seed_if_empty(self._state, self.seed_count)
            if created:
                self._state.results.clear()
                log.info("embedded hub: seeded %d listings", created)
        except PotStudioError:
            log.exception("embedded hub: the seed catalogue could not be created")
        finally:
            self.seeded.set()

    def local_credentials(self) -> tuple[str, str]:
        """The local account (created on first use) to sign in with sync_client's password flow."""
        assert self._state is not None, "start() the hub first"
        password = get_secret(LOCAL_PASSWORD_KEY)
        with self._state.sessions() as db:
            user = db.scalar(select(User).where(User.username == LOCAL_USER))
            if user is None or password is None:
                password = secrets.token_urlsafe(24)
                set_secret(LOCAL_PASSWORD_KEY, password)
                if user is None:
                    user = User(username=LOCAL_USER, display_name="Me")
                    db.add(user)
                user.password_hash = hash_password(password)
                db.commit()
        return LOCAL_USER, password

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        if self._state is not None:
            self._state.engine.dispose()
