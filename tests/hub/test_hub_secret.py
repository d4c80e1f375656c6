"""`potstudio hub` on a server with no OS keyring: the signing secret comes from the environment or a 0600
file in the data directory, made on first start and kept across restarts."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest

from tests.hub.fixtures import PASSWORD
from tests.hub.services import REPO, free_port

NO_KEYRING = "keyring.backends.fail.Keyring"


class Potstudio:
    """`potstudio hub --seed` as a self-hoster starts it: no secret in the environment unless given."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "core.cli.main", "hub", "--seed", "--seed-count", "2", "--host", "127.0.0.1",
                "--port", str(self.port), "--data", str(self.data)]

    def environment(self, secret: str | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "POTSTUDIO_HUB_SECRET"}
        env |= {"PYTHON_KEYRING_BACKEND": NO_KEYRING, "POTSTUDIO_HOME": str(self.data.parent / "home")}
        return env | ({"POTSTUDIO_HUB_SECRET": secret} if secret else {})

    def start(self, secret: str | None = None) -> Potstudio:
        log = self.data.parent / "potstudio-hub.log"
        with log.open("a") as output:
            self.proc = subprocess.Popen(self.command(), cwd=REPO, env=self.environment(secret), stdout=output,
                                         stderr=subprocess.STDOUT)
        while self.proc.poll() is None:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/categories", timeout=1.0).status_code == 200:
                    return self
            time.sleep(0.1)
        raise AssertionError(f"potstudio hub exited with {self.proc.returncode}: {log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Potstudio]:
    hub = Potstudio(tmp_path / "hub-data")
    yield hub
    hub.stop()


def _access_token(url: str, username: str) -> str:
    """Sign in the way the desktop app does (authorization code + PKCE), without a keyring of our own."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    redirect = "http://127.0.0.1:50999/callback"
    signed = httpx.post(f"{url}/oauth/authorize", data={
        "response_type": "code", "client_id": "potstudio-desktop", "redirect_uri": redirect, "state": "s",
        "code_challenge": challenge, "code_challenge_method": "S256", "username": username, "password": PASSWORD})
    code = parse_qs(urlsplit(signed.headers["location"]).query)["code"][0]
    token = httpx.post(f"{url}/oauth/token", data={"grant_type": "authorization_code", "code": code,
                                                   "redirect_uri": redirect, "client_id": "potstudio-desktop",
                                                   "code_verifier": verifier})
    return str(token.json()["access_token"])


def _me(url: str, token: str) -> int:
    return httpx.get(f"{url}/me", headers={"Authorization": f"Bearer {token}"}).status_code


def _signed_with(token: str, secret: str) -> bool:
    try:
        jwt.decode(token, secret, algorithms=["HS256"], options={"verify_iss": False})
    except jwt.InvalidSignatureError:
        return False
    return True


def test_hub_starts_with_no_keyring_and_keeps_its_secret_in_a_private_file(server: Potstudio) -> None:
    server.start()
    listings = httpx.get(f"{server.url}/listings").json()
    assert listings["total"] == 2  # seeded and serving
    secret_file = server.data / "signing-secret"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert httpx.post(f"{server.url}/users", json={"username": "ana", "password": PASSWORD}).status_code == 201
    token = _access_token(server.url, "ana")
    assert _me(server.url, token) == 200 and _signed_with(token, secret_file.read_text().strip())

    server.stop()
    server.start()  # a restart reads the same secret: the app's 15-minute token still works
    assert _me(server.url, token) == 200

    server.stop()
    from_env = "env-secret-" + secrets.token_urlsafe(32)
    server.start(secret=from_env)  # the environment wins over the file
    assert _me(server.url, token) == 401
    assert _signed_with(_access_token(server.url, "ana"), from_env)


def test_hub_refuses_a_signing_secret_other_users_can_read(server: Potstudio) -> None:
    server.data.mkdir(parents=True)
    secret_file = server.data / "signing-secret"
    secret_file.write_text(secrets.token_urlsafe(48))
    secret_file.chmod(0o644)
    run = subprocess.run(server.command(), cwd=REPO, env=server.environment(None), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2
    assert f"{secret_file} can be read by other users (mode 0644)" in run.stderr and "chmod 600" in run.stderr
    assert "Traceback" not in run.stderr
