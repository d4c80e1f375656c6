"""Signing in against a real hub on 127.0.0.1: PKCE loopback, device grant, refresh rotation."""

from __future__ import annotations

import base64
import hashlib
import threading
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from core.errors import CancelledError
from core.secrets import get_secret
from core.tasks import Task
from sync_client.errors import NotSignedIn
from tests.hub.fixtures import PASSWORD, MakeClient
from tests.hub.services import HubProcess


def _browser(username: str, password: str, seen: dict[str, object]) -> object:
    """The test plays the person in front of the browser the app opened."""

    def open_url(url: str) -> None:
        with httpx.Client() as browser:
            page = browser.get(url)
            seen["page"] = page.text
            fields = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
            wrong = browser.post(url.split("?")[0], data=fields | {"username": username, "password": "nope-nope"})
            seen["wrong_status"] = wrong.status_code
            seen["wrong_page"] = wrong.text
            ok = browser.post(url.split("?")[0], data=fields | {"username": username, "password": password})
            seen["redirect"] = ok.headers.get("location", "")
            browser.get(ok.headers["location"])

    return open_url


def test_pkce_loopback_sign_in(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    client.register(client.username, PASSWORD)
    seen: dict[str, object] = {}
    client.session.sign_in_browser(_browser(client.username, PASSWORD, seen), timeout=20)

    assert "Sign in to 3D Pot" in str(seen["page"])
    assert seen["wrong_status"] == 401 and "Wrong username or password" in str(seen["wrong_page"])
    redirect = urlsplit(str(seen["redirect"]))
    assert redirect.hostname == "127.0.0.1" and redirect.path == "/callback" and "code=" in redirect.query
    assert client.me().username == client.username
    refresh = client.session.stored_refresh_token()
    stored = get_secret(client.session.keyring_key) or ""
    assert refresh and refresh in stored  # the refresh token lives in the keyring...
    assert client.session.access_token() not in stored  # ...and the access token only in memory


def test_browser_sign_in_can_be_cancelled_while_waiting(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    client.register(client.username, PASSWORD)
    task = Task()
    opened: list[str] = []
    failure: list[BaseException] = []

    def wait_for_browser() -> None:
        try:
            client.session.sign_in_browser(opened.append, timeout=120, task=task)
        except BaseException as exc:  # handed to the test thread
            failure.append(exc)

    waiter = threading.Thread(target=wait_for_browser, daemon=True)
    waiter.start()
    while not opened and waiter.is_alive():
        waiter.join(0.05)
    task.cancel()  # the person closed the browser tab and pressed Cancel in the app
    waiter.join(10)
    assert not waiter.is_alive() and isinstance(failure[0], CancelledError)
    assert not client.session.signed_in
    redirect = parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]
    with pytest.raises(httpx.ConnectError):  # the loopback port is closed again
        httpx.get(redirect, params={"code": "late", "state": "late"}, timeout=2)


def test_authorize_refuses_foreign_redirect_and_plain_pkce(hub: HubProcess) -> None:
    base = {"response_type": "code", "client_id": "potstudio-desktop", "state": "s"}
    evil = httpx.get(f"{hub.url}/oauth/authorize?" + urlencode(
        base | {"redirect_uri": "http://evil.example/callback", "code_challenge": "x" * 43,
                "code_challenge_method": "S256"}))
    assert evil.status_code == 400 and evil.json()["error"]["code"] == "invalid_request"
    plain = httpx.get(f"{hub.url}/oauth/authorize?" + urlencode(
        base | {"redirect_uri": "http://127.0.0.1:9/callback", "code_challenge": "x" * 43,
                "code_challenge_method": "plain"}))
    assert plain.status_code == 400 and "code_challenge_method" in plain.json()["error"]["message"]


def test_code_cannot_be_redeemed_without_the_verifier(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    client.register(client.username, PASSWORD)
    verifier = "v" * 64
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    redirect = "http://127.0.0.1:9/callback"
    fields = {"response_type": "code", "client_id": "potstudio-desktop", "redirect_uri": redirect,
              "code_challenge": challenge, "code_challenge_method": "S256", "state": "s"}
    answer = httpx.post(f"{hub.url}/oauth/authorize",
                        data=fields | {"username": client.username, "password": PASSWORD})
    code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
    stolen = httpx.post(f"{hub.url}/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
        "client_id": "potstudio-desktop", "code_verifier": "w" * 64})
    assert stolen.status_code == 400 and stolen.json()["error"]["code"] == "invalid_grant"


def test_device_grant(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    client.register(client.username, PASSWORD)
    code, device_code = client.session.start_device_sign_in()
    assert code.verification_uri == f"{hub.url}/device"

    pending = httpx.post(f"{hub.url}/oauth/token", data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device_code,
        "client_id": "potstudio-cli"})
    assert pending.status_code == 400 and pending.json()["error"]["code"] == "authorization_pending"

    page = httpx.get(code.verification_uri_complete)
    assert code.user_code in page.text
    approved = httpx.post(f"{hub.url}/device", data={"user_code": code.user_code, "username": client.username,
                                                     "password": PASSWORD, "decision": "approve"})
    assert approved.status_code == 200 and "Signed in" in approved.text
    client.session.finish_device_sign_in(code, device_code, sleep=lambda _s: None)
    assert client.me().username == client.username

    replay = httpx.post(f"{hub.url}/oauth/token", data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device_code,
        "client_id": "potstudio-cli"})
    assert replay.status_code == 400  # a device code buys one session only


def test_refresh_rotation_and_reuse_revokes_the_family(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub)
    first = client.session.stored_refresh_token()
    client.session._access = None  # the 15-minute token expired
    assert client.me().username == client.username
    second = client.session.stored_refresh_token()
    assert first and second and first != second

    # someone replays the spent token: the hub refuses it and revokes every token of that sign-in
    replay = httpx.post(f"{hub.url}/oauth/token", data={"grant_type": "refresh_token", "refresh_token": first,
                                                        "client_id": "potstudio-desktop"})
    assert replay.status_code == 400 and replay.json()["error"]["code"] == "invalid_grant"
    client.session._access = None
    with pytest.raises(NotSignedIn, match="sign in again"):
        client.me()
    assert get_secret(client.session.keyring_key) is None


def test_parallel_callers_share_one_refresh(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub)
    client.session._access = None
    tokens: list[str | None] = []
    threads = [threading.Thread(target=lambda: tokens.append(client.session.access_token())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(tokens)) == 1 and tokens[0]
    assert client.me().username == client.username  # a double refresh would have revoked the session


def test_sign_in_is_rate_limited(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    client.register(client.username, PASSWORD)
    fields = {"response_type": "code", "client_id": "potstudio-desktop", "state": "s",
              "redirect_uri": "http://127.0.0.1:9/callback", "code_challenge": "c" * 43,
              "code_challenge_method": "S256", "username": client.username, "password": "wrong-password"}
    statuses = [httpx.post(f"{hub.url}/oauth/authorize", data=fields).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    right = httpx.post(f"{hub.url}/oauth/authorize", data=fields | {"password": PASSWORD})
    assert right.status_code == 429  # even the right password waits out the window
    assert "try again in" in right.text


def test_sign_out_ends_the_session_on_the_hub(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub)
    refresh = client.session.stored_refresh_token()
    client.session.sign_out()
    assert get_secret(client.session.keyring_key) is None
    again = httpx.post(f"{hub.url}/oauth/token", data={"grant_type": "refresh_token", "refresh_token": refresh,
                                                       "client_id": "potstudio-desktop"})
    assert again.status_code == 400


def test_writes_need_a_valid_token(hub: HubProcess) -> None:
    anonymous = httpx.post(f"{hub.url}/projects", json={"name": "x", "document": {}})
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthorized"
    forged = httpx.post(f"{hub.url}/listings", json={}, headers={"Authorization": "Bearer not.a.jwt"})
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "invalid_token"


def test_a_rejected_access_token_is_refreshed_transparently(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub)
    client.session._access = "eyJhbGciOiJIUzI1NiJ9.e30.forged"  # looks valid locally, the hub says 401
    assert client.me().username == client.username  # one refresh, then the call goes through
    assert client.session._access != "eyJhbGciOiJIUzI1NiJ9.e30.forged"
