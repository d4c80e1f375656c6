"""The pages where a person types a password cannot be framed, run nothing foreign and leak nothing onwards."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

import httpx

from tests.hub.services import HubProcess


def _csp(response: httpx.Response) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    return {name: values for name, *values in (d.split() for d in policy.split(";") if d.strip())}


def test_sign_in_and_device_pages_send_framing_and_content_policies(sqlite_hub: HubProcess) -> None:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    query = {"response_type": "code", "client_id": "potstudio-desktop", "state": "s",
             "redirect_uri": "http://127.0.0.1:50123/callback", "code_challenge": challenge,
             "code_challenge_method": "S256"}
    pages = [
        httpx.get(f"{sqlite_hub.url}/oauth/authorize", params=query),
        httpx.post(f"{sqlite_hub.url}/oauth/authorize", data=query | {"username": "nobody", "password": "wrong"}),
        httpx.get(f"{sqlite_hub.url}/device"),
    ]
    assert [p.status_code for p in pages] == [200, 401, 200]
    for page in pages:
        csp = _csp(page)
        assert csp["frame-ancestors"] == ["'none'"] and page.headers["x-frame-options"] == "DENY"
        assert csp["default-src"] == ["'none'"] and "script-src" not in csp  # nothing runs, nothing loads
        style = re.search(r"<style>(.*?)</style>", page.text, re.S)
        assert style is not None  # ...but the page's own style, allowed by its hash, so it still looks right
        digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
        assert csp["style-src"] == [f"'sha256-{digest}'"]
        assert page.headers["referrer-policy"] == "no-referrer"  # the code_challenge/state stay here
        assert page.headers["cache-control"] == "no-store"
