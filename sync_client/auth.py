"""Signing in to a hub and keeping the session alive.

The access token (15 min) lives in memory only; the opaque refresh token lives only in the OS
keyring (core.secrets), keyed by hub URL. Refreshing is serialised: when several calls find the token
expired at once, one refreshes and the others reuse its result — two parallel refreshes would spend
the same refresh token twice, which the hub treats as theft and answers by revoking the session.

Sign-in flows: authorization code + PKCE with a loopback redirect for the desktop app (RFC 8252),
the device authorization grant for the command line (RFC 8628).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.server
import logging
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from core import secrets as keyring_store
from core.secrets import SecretStoreError
from core.tasks import NULL_TASK, Task
from sync_client.errors import BadResponse, HubError, HubUnavailable, NotSignedIn
from sync_client.transport import decode_json, error_from, read_capped

log = logging.getLogger(__name__)
DESKTOP_CLIENT = "potstudio-desktop"
CLI_CLIENT = "potstudio-cli"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
EXPIRY_MARGIN = 30.0
WAIT_STEP_S = 0.2


@dataclass(frozen=True)
class DeviceCode:
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_in: int
    interval: int


def _pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


class _Callback(http.server.BaseHTTPRequestHandler):
    """Loopback redirect target: records the query of the first /callback request."""

    server: _LoopbackServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/callback":
            self.send_error(404)
            return
        self.server.result = {k: v[0] for k, v in parse_qs(parts.query).items()}
        body = b"<!doctype html><title>3D Pot</title><p>Signed in. You can close this tab and return to the app.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.done.set()

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the stdlib's stderr access log."""


class _LoopbackServer(http.server.HTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Callback)
        self.result: dict[str, str] = {}
        self.done = threading.Event()


class Session:
    """Tokens for one hub; implements transport.TokenSource."""

    def __init__(self, base_url: str, http: httpx.Client | None = None, profile: str = "default") -> None:
        self.base_url = base_url.rstrip("/")
        self.profile = profile
        self.http = http or httpx.Client(timeout=20.0)
        self._access: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self.username: str | None = None

    @property
    def keyring_key(self) -> str:
        return f"hub-refresh:{self.profile}@{self.base_url}"

    @property
    def signed_in(self) -> bool:
        return self._access is not None or self.stored_refresh_token() is not None

    def _saved(self) -> tuple[str, str] | None:
        """(client id, refresh token) from the keyring: a token only works for the client it was issued to.

        Where no keyring can be used (a server, a container) no session can have been kept, so the
        client is anonymous there: searching and downloading free models need no account. Signing in
        is what needs the keyring, and it says so (_store raises SecretStoreError)."""
        try:
            value = keyring_store.get_secret(self.keyring_key)
        except SecretStoreError as exc:
            log.info("no stored session for %s, continuing signed out: %s", self.base_url, exc)
            return None
        if not value or " " not in value:
            return None
        client_id, _, token = value.partition(" ")
        return client_id, token

    def stored_refresh_token(self) -> str | None:
        saved = self._saved()
        return saved[1] if saved else None

    # --- token endpoint ------------------------------------------------------------------------
    def _token_request(self, form: dict[str, str]) -> dict[str, Any]:
        try:
            response = self.http.send(self.http.build_request("POST", f"{self.base_url}/oauth/token", data=form),
                                      stream=True)
        except httpx.TransportError as exc:
            raise HubUnavailable(f"Cannot reach the hub at {self.base_url} ({type(exc).__name__}).") from None
        try:
            body = read_capped(response, 64 * 1024)
        finally:
            response.close()
        if response.status_code != 200:
            raise error_from(response, body)
        data = decode_json(body)
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise BadResponse("The hub's token answer has no access token.")
        return data

    def _store(self, data: dict[str, Any], client_id: str) -> None:
        refresh = data.get("refresh_token")
        if not isinstance(refresh, str):
            raise BadResponse("The hub's token answer has no refresh token.")
        expires = data.get("expires_in")
        self._access = data["access_token"]
        self._expires_at = time.monotonic() + (float(expires) if isinstance(expires, int | float) else 900.0)
        keyring_store.set_secret(self.keyring_key, f"{client_id} {refresh}")

    # --- TokenSource -----------------------------------------------------------------------------
    def access_token(self) -> str | None:
        if self._access is not None and time.monotonic() < self._expires_at - EXPIRY_MARGIN:
            return self._access
        with self._lock:
            if self._access is not None and time.monotonic() < self._expires_at - EXPIRY_MARGIN:
                return self._access
            return self._refresh_locked()

    def refresh_after_rejection(self, rejected: str) -> str | None:
        with self._lock:
            if self._access is not None and self._access != rejected:
                return self._access  # another thread already refreshed
            self._access = None
            return self._refresh_locked()

    def _refresh_locked(self) -> str | None:
        saved = self._saved()
        if saved is None:
            return None
        client_id, refresh = saved
        try:
            data = self._token_request({"grant_type": "refresh_token", "refresh_token": refresh,
                                        "client_id": client_id})
        except HubError as exc:
            if exc.status in (400, 401):
                keyring_store.delete_secret(self.keyring_key)
                self._access = None
                raise NotSignedIn("Your session with the hub has ended; please sign in again.",
                                  exc.status, exc.code) from None
            raise
        self._store(data, client_id)
        return self._access

    # --- sign-in flows -------------------------------------------------------------------------
    def _require_keyring(self) -> None:
        """A session lives on in the keyring: where there is none, say so before the person signs in
        rather than after."""
        try:
            keyring_store.get_secret(self.keyring_key)
        except SecretStoreError as exc:
            reason = str(exc).rstrip(".")
            raise SecretStoreError(f"Signing in keeps the session in the OS keyring, which cannot be used here "
                                   f"({reason}). Searching and downloading free models work without signing in.") \
                from None

    def sign_in_browser(self, open_url: Callable[[str], object] = webbrowser.open, timeout: float = 300.0,
                        task: Task = NULL_TASK) -> None:
        """Authorization code + PKCE: open the hub's sign-in page, catch the redirect on 127.0.0.1.

        The wait for the browser can last minutes; cancelling `task` ends it within WAIT_STEP_S
        (CancelledError) and closes the loopback port, so a later redirect finds nobody listening."""
        self._require_keyring()
        verifier, challenge = _pkce_pair()
        state = secrets.token_urlsafe(16)
        server = _LoopbackServer()
        redirect = f"http://127.0.0.1:{server.server_address[1]}/callback"
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        thread.start()
        try:
            query = urlencode({"response_type": "code", "client_id": DESKTOP_CLIENT, "redirect_uri": redirect,
                               "state": state, "code_challenge": challenge, "code_challenge_method": "S256"})
            open_url(f"{self.base_url}/oauth/authorize?{query}")
            deadline = time.monotonic() + timeout
            while not server.done.wait(WAIT_STEP_S):
                task.check()
                if time.monotonic() > deadline:
                    raise NotSignedIn("Sign-in was not completed in the browser in time.")
        finally:
            server.shutdown()
            server.server_close()
        result = server.result
        if result.get("state") != state:
            raise NotSignedIn("The sign-in answer did not match this request; please try again.")
        if "code" not in result:
            raise NotSignedIn(f"Sign-in was refused: {result.get('error_description') or result.get('error')}.")
        self._store(self._token_request({"grant_type": "authorization_code", "code": result["code"],
                                         "redirect_uri": redirect, "client_id": DESKTOP_CLIENT,
                                         "code_verifier": verifier}), DESKTOP_CLIENT)

    def sign_in_password(self, username: str, password: str) -> None:
        """The browser flow driven by this process (the embedded hub's local account)."""

        def submit(url: str) -> None:
            page = self.http.get(url)
            if page.status_code != 200:
                raise error_from(page, page.content)
            params = dict(parse_qs(urlsplit(url).query))
            form = {k: v[0] for k, v in params.items()} | {"username": username, "password": password}
            answer = self.http.post(f"{self.base_url}/oauth/authorize", data=form)
            if answer.status_code != 302:
                raise NotSignedIn("Wrong username or password." if answer.status_code == 401
                                  else f"Sign-in failed ({answer.status_code}).", answer.status_code)
            self.http.get(answer.headers["location"])

        self.sign_in_browser(submit, timeout=30.0)

    def start_device_sign_in(self) -> tuple[DeviceCode, str]:
        self._require_keyring()
        data = self._post_form("/oauth/device_authorization", {"client_id": CLI_CLIENT})
        try:
            code = DeviceCode(str(data["user_code"]), str(data["verification_uri"]),
                              str(data.get("verification_uri_complete", data["verification_uri"])),
                              int(data["expires_in"]), int(data.get("interval", 5)))
            return code, str(data["device_code"])
        except (KeyError, TypeError, ValueError):
            raise BadResponse("The hub's device authorization answer is malformed.") from None

    def finish_device_sign_in(self, code: DeviceCode, device_code: str,
                              sleep: Callable[[float], None] = time.sleep) -> None:
        """Poll the token endpoint at the hub's pace until the user approves, denies or time runs out."""
        interval = float(code.interval)
        deadline = time.monotonic() + code.expires_in
        while time.monotonic() < deadline:
            sleep(interval)
            try:
                data = self._token_request({"grant_type": DEVICE_GRANT, "device_code": device_code,
                                            "client_id": CLI_CLIENT})
            except HubError as exc:
                if exc.code == "authorization_pending":
                    continue
                if exc.code == "slow_down":
                    interval += 5.0
                    continue
                raise NotSignedIn(f"Device sign-in failed: {exc}", exc.status, exc.code) from None
            self._store(data, CLI_CLIENT)
            return
        raise NotSignedIn("The device code expired before it was approved.")

    def _post_form(self, path: str, form: dict[str, str]) -> dict[str, Any]:
        try:
            response = self.http.post(f"{self.base_url}{path}", data=form)
        except httpx.TransportError as exc:
            raise HubUnavailable(f"Cannot reach the hub at {self.base_url} ({type(exc).__name__}).") from None
        if response.status_code != 200:
            raise error_from(response, response.content[:65536])
        data = decode_json(response.content[:65536])
        if not isinstance(data, dict):
            raise BadResponse("The hub's answer is not an object.")
        return data

    def sign_out(self) -> None:
        refresh = self.stored_refresh_token()
        self._access = None
        if refresh is not None:
            # offline: the local session still ends; the hub's refresh token then expires on its own
            with contextlib.suppress(httpx.TransportError):
                self.http.post(f"{self.base_url}/oauth/revoke", data={"token": refresh})
            keyring_store.delete_secret(self.keyring_key)
