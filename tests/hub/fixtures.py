"""Fixtures shared by tests/hub and tests/sync_client: a hub per test module, on SQLite and on
PostgreSQL, and signed-in clients with their own keyring entries and outboxes."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sync_client.client import HubClient
from sync_client.transport import RetryPolicy
from tests.hub.services import HubProcess, Postgres, Redis, S3Server

PASSWORD = "correct horse battery"


def signed_in_token(hub: HubProcess, folder: Path) -> str:
    """A new account's access token, for module-scoped fixtures (the per-test keyring is not set up yet there)."""
    name = f"fuzz{uuid.uuid4().hex[:8]}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        env.setenv("XDG_DATA_HOME", str(folder / "xdg"))
        client = HubClient(hub.url, state_dir=folder / "client", profile=name)
        client.register(name, PASSWORD)
        client.session.sign_in_password(name, PASSWORD)
        token = client.session.access_token() or ""
        client.close()
    return token
FAST_RETRY = RetryPolicy(attempts=4, base=0.05, cap=0.5)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    root = Path(tempfile.mkdtemp(prefix="potstudio-pg-"))
    server = Postgres(root).start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def redis_server() -> Iterator[Redis]:
    """A Redis of the module's own: one Redis serves one hub deployment (keys are not per database)."""
    root = Path(tempfile.mkdtemp(prefix="potstudio-redis-"))
    server = Redis(root).start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    server = S3Server(tmp_path_factory.mktemp("moto")).start()
    yield server
    server.stop()


def _database_url(kind: str, request: pytest.FixtureRequest, folder: Path) -> str:
    if kind == "postgresql":
        pg: Postgres = request.getfixturevalue("postgres")
        return pg.create_database()
    return f"sqlite:///{folder / 'hub.db'}"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    folder = tmp_path_factory.mktemp(f"hub-{request.param}")
    process = HubProcess(_database_url(request.param, request, folder), folder, extra=["--payments", "test"]).start()
    yield process
    process.stop()


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[HubProcess]:
    """A hub of this test's own (for tests that kill or restart it)."""
    process = HubProcess(f"sqlite:///{tmp_path / 'own-hub.db'}", tmp_path / "own-hub").start()
    yield process
    process.stop()


MakeClient = Callable[..., HubClient]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[MakeClient]:
    """make_client(hub, sign_in=True) -> a HubClient for a fresh user (username in client.username)."""
    made: list[HubClient] = []

    def make(hub: HubProcess, sign_in: bool = True, name: str | None = None, **kwargs: object) -> HubClient:
        username = name or f"u{uuid.uuid4().hex[:10]}"
        client = HubClient(hub.url, state_dir=tmp_path / username, profile=username,
                           retry=kwargs.pop("retry", FAST_RETRY), **kwargs)  # type: ignore[arg-type]
        made.append(client)
        if sign_in:
            client.register(username, PASSWORD)
            client.session.sign_in_password(username, PASSWORD)
        client.username = username  # type: ignore[attr-defined]
        return client

    yield make
    for client in made:
        client.close()
