"""The embedded hub: with no server configured, the app runs the reference hub itself on
127.0.0.1 (SQLite in the data dir, the seed catalogue on first start) and signs into a local
account on its own, so a new user browses a real marketplace offline from the first minute.

`EmbeddedHub.start()` blocks until the server answers; call it from a worker (it may seed for a
while on first run, reporting progress through the Task). uvicorn serves on its own daemon thread.
Lives here rather than in desktop/services/ because desktop/services.py already is a module.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import re
import secrets
import socket
import threading
import time
from pathlib import Path

import uvicorn

from core import secrets as keyring_store
from core.errors import PotStudioError
from core.paths import data_dir
from core.tasks import NULL_TASK, Phrase, Task
from hub.app import create_app
from hub.cli import signing_secret
from hub.config import HubConfig
from hub.seed import seed_if_empty
from sync_client.client import HubClient
from sync_client.errors import HubError, NotSignedIn
from sync_client.models import User

log = logging.getLogger(__name__)
PREFERRED_PORT = 48765  # stable, so the HTTP cache and the keyring entry (keyed by URL) survive restarts
PASSWORD_KEY = "embedded-hub-password:{0}"
START_TIMEOUT_S = 30.0


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError:
        sock.close()
        raise
    return sock


class EmbeddedHub:
    def __init__(self, root: Path | None = None, port: int = PREFERRED_PORT, seed_count: int = 240) -> None:
        self.root = root or data_dir() / "hub"
        self.port = port
        self.seed_count = seed_count
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, task: Task = NULL_TASK) -> str:
        if self.running:
            return self.url
        try:
            sock = _bind(self.port)
        except OSError:  # taken (another copy of the app?): any free port will do
            sock = _bind(0)
        port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.root.mkdir(parents=True, exist_ok=True)
        config = HubConfig(database_url=f"sqlite:///{self.root / 'hub.db'}", blob_dir=self.root / "blobs",
                           jwt_secret=signing_secret(), public_url=self.url,
                           payments="test")  # a hub on this computer sells through a checkout that charges nothing
        try:
            app = create_app(config)
            task.progress(0.0, Phrase("Preparing the marketplace catalogue"))
            created = seed_if_empty(app.state.hub, count=self.seed_count, task=task)
            if created:
                log.info("embedded hub seeded with %d listings", created)
        except BaseException:
            sock.close()
            raise
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2))
        self._server, self._socket = server, sock
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="embedded-hub",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise PotStudioError("The built-in marketplace server did not start; see the log for details.")
            time.sleep(0.05)
        log.info("embedded hub at %s", self.url)
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
            if self._thread.is_alive():
                log.warning("the embedded hub did not stop within 10 s")
        if self._socket is not None:
            self._socket.close()
        self._server = self._socket = None
        self._thread = None


def open_embedded(hub: EmbeddedHub, state_dir: Path | None = None, task: Task = NULL_TASK) -> HubClient:
    """Everything "no server configured" means, in one call for a worker: start the built-in hub
    (seeding it on first run), connect, and sign into the local account."""
    url = hub.start(task)
    client = HubClient(url, state_dir=state_dir)
    try:
        sign_in_locally(client)
    except BaseException:
        client.close()
        raise
    return client


def local_username() -> str:
    """The computer's user name, made into a valid hub username."""
    with contextlib.suppress(Exception):
        name = re.sub(r"[^a-z0-9_.-]", "", getpass.getuser().lower())
        if re.fullmatch(r"[a-z0-9][a-z0-9_.-]{2,39}", name):
            return name
    return "designer"


def sign_in_locally(client: HubClient, username: str | None = None) -> User:
    """Sign into the embedded hub's local account, creating it on first use (or after the hub's
    database was reset). Its password is random and lives in the OS keyring only."""
    if client.session.signed_in:
        with contextlib.suppress(NotSignedIn):
            return client.me()
    base = username or local_username()
    for name in (base, f"{base[:32]}.studio"):
        key = PASSWORD_KEY.format(name)
        password = keyring_store.get_secret(key) or secrets.token_urlsafe(24)
        try:
            client.register(name, password, display_name=name)
        except HubError as exc:
            if exc.status != 409:
                raise
        keyring_store.set_secret(key, password)
        try:
            client.session.sign_in_password(name, password)
        except NotSignedIn:
            continue  # the name belongs to someone else on this hub (a seed creator): try the next
        return client.me()
    raise NotSignedIn("Could not sign into a local account on the built-in marketplace.")
