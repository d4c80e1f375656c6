"""Redirect URIs an attacker sends to /oauth/authorize, over real HTTP against the hub under uvicorn.

The hub sends the authorization code to whatever host a *browser* reads from the redirect URI, so any
URI that Python's urllib and a WHATWG parser (every browser) read differently, or that is not the one
canonical loopback spelling RFC 8252 §7.3 allows (http, 127.0.0.1 or [::1], any port, the registered
path), must get no sign-in page and no code.

SOURCES of the hostile set (each row names its source by key):
  ISSUE  issue 11 item 1 of this project: the backslash-userinfo URI that took over an account.
  ORANGE Orange Tsai, "A New Era of SSRF - Exploiting URL Parser in Trending Programming Languages!",
         Black Hat USA 2017: `http://1.1.1.1 &@2.2.2.2# @3.3.3.3/`, `http://127.0.0.1:11211:80/`,
         `http://google.com#@evil.com/`, tab/%09/CR-LF inside hosts, full-width Unicode hosts.
  PS     PortSwigger, "URL validation bypass cheat sheet" (2024) and the Web Security Academy OAuth
         topic ("Flawed redirect_uri validation"): userinfo `@` tricks, `localhost.evil-user.net`,
         IPv4 in decimal/hex/octal/short forms, IPv4-mapped IPv6, `%00` in userinfo, parameter pollution.
  WHATWG The URL Standard's own test data, web-platform-tests url/resources/urltestdata.json:
         `http://example.com\\foo\\bar` (backslash is a slash), `http://%30%78%63%30%2e%30%32%35%30.01`
         (percent-encoded IPv4), `http://[::127.0.0.1]`, `http://０Ｘｃ０．０２５０．０１` (full-width),
         tab/newline removal, leading C0/space stripping, `http:\\www.google.com\foo`, `http:/example.com/`.
  CLAROTY Claroty Team82 and Snyk, "Exploiting URL Parsing Confusion" (2022): scheme confusion
         (`http:/host`, `http:///host`), slash and backslash confusion, URL-encoded confusion.
  RFC    RFC 6749 §3.1/§3.1.2 (no fragment, no repeated parameters), RFC 8252 §7.3/§8.3 (loopback by IP
         literal, any port, `localhost` not recommended), RFC 9700 §2.1/§4.1.3 (exact matching),
         RFC 7636 §4.2/§4.3 (S256; a missing method means `plain`), RFC 6874 (IPv6 zone ids).
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import secrets
import threading
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from ada_url import URL

from tests.hub.fixtures import PASSWORD
from tests.hub.services import HubProcess

CLIENT = "potstudio-desktop"
PORT = 52817  # the port a desktop app's loopback listener happened to get
# (template, source, what the trick is); {p} is the loopback port
HOSTILE: list[tuple[str, str, str]] = [
    ("http://evil.example\\@127.0.0.1:{p}/callback", "ISSUE", "urllib: host 127.0.0.1; browsers: evil.example"),
    ("http://127.0.0.1:{p}\\@evil.example/callback", "WHATWG", "backslash before userinfo"),
    ("http://evil.example@127.0.0.1:{p}/callback", "PS", "userinfo naming another host"),
    ("http://user:pass@127.0.0.1:{p}/callback", "WHATWG", "userinfo with a password"),
    ("http://evil.example%00@127.0.0.1:{p}/callback", "PS", "NUL in userinfo"),
    ("http://127.0.0.1:{p}@evil.example/callback", "PS", "loopback as userinfo of another host"),
    ("http://127.0.0.1:{p}#@evil.example/callback", "ORANGE", "fragment hiding the real authority"),
    ("http://127.0.0.1 &@evil.example# @127.0.0.1:{p}/callback", "ORANGE", "three parsers, three hosts"),
    ("http://127.0.0.1:{p}/callback#frag", "RFC", "fragment"),
    ("http://127.0.0.1:{p}/callback#", "RFC", "empty fragment"),
    ("http://127.0.0.1:{p}/callback?", "RFC", "empty query (not the registered URI)"),
    ("http://127.0.0.1:{p}/callback?next=http://evil.example/", "PS", "query smuggling a next hop"),
    ("http://127.0.0.1:{p}/callback?code=attacker", "PS", "query pre-filling the code"),
    ("http://evil.example/callback", "RFC", "another host"),
    ("https://127.0.0.1:{p}/callback", "RFC", "another scheme"),
    ("HTTP://127.0.0.1:{p}/callback", "WHATWG", "scheme spelt differently from the registered one"),
    ("javascript://127.0.0.1:{p}/callback%0aalert(1)", "PS", "script scheme"),
    ("//127.0.0.1:{p}/callback", "PS", "scheme-relative"),
    ("http:/127.0.0.1:{p}/callback", "CLAROTY", "one slash: urllib has no host, browsers do"),
    ("http:///127.0.0.1:{p}/callback", "CLAROTY", "three slashes"),
    ("http:\\\\127.0.0.1:{p}\\callback", "WHATWG", "backslashes as slashes"),
    ("http://localhost:{p}/callback", "RFC", "localhost (RFC 8252 §8.3), resolvable elsewhere"),
    ("http://localhost.evil.example:{p}/callback", "PS", "lookalike host"),
    ("http://127.0.0.1.evil.example:{p}/callback", "PS", "loopback as a subdomain"),
    ("http://127.1:{p}/callback", "PS", "short IPv4"),
    ("http://2130706433:{p}/callback", "PS", "decimal IPv4"),
    ("http://0x7f000001:{p}/callback", "PS", "hex IPv4"),
    ("http://0177.0.0.1:{p}/callback", "PS", "octal IPv4"),
    ("http://127.000.000.001:{p}/callback", "PS", "zero-padded IPv4"),
    ("http://%31%32%37.0.0.1:{p}/callback", "WHATWG", "percent-encoded IPv4"),
    ("http://１２７.０.０.１:{p}/callback", "WHATWG", "full-width digits"),
    ("http://127.0.0.1%09evil.example:{p}/callback", "ORANGE", "encoded tab in the host"),
    ("http://1\t27.0.0.1:{p}/callback", "WHATWG", "raw tab removed by both parsers"),
    ("http://127.0.0.1:{p}/call\nback", "ORANGE", "raw newline (header injection)"),
    (" http://127.0.0.1:{p}/callback", "WHATWG", "leading space stripped by both parsers"),
    ("http://[::ffff:127.0.0.1]:{p}/callback", "PS", "IPv4-mapped IPv6"),
    ("http://[0:0:0:0:0:0:0:1]:{p}/callback", "PS", "uncompressed ::1"),
    ("http://[::127.0.0.1]:{p}/callback", "WHATWG", "IPv4-compatible IPv6"),
    ("http://[::1%25lo]:{p}/callback", "RFC", "IPv6 zone id (RFC 6874)"),
    ("http://127.0.0.2:{p}/callback", "RFC", "another loopback address than the registered literal"),
    ("http://0.0.0.0:{p}/callback", "PS", "any-address"),
    ("http://127.0.0.1:{p}:80/callback", "ORANGE", "two ports"),
    ("http://127.0.0.1:99999/callback", "ORANGE", "port out of range"),
    ("http://127.0.0.1:0/callback", "RFC", "port 0"),
    ("http://127.0.0.1:0{p}/callback", "WHATWG", "zero-padded port"),
    ("http://127.0.0.1:{p}/callback/../callback", "WHATWG", "dot segments"),
    ("http://127.0.0.1:{p}/%63allback", "WHATWG", "percent-encoded path"),
    ("http://127.0.0.1:{p}/callback/", "RFC", "trailing slash"),
    ("http://127.0.0.1:{p}/CALLBACK", "RFC", "path case"),
]
LOOPBACK = ["http://127.0.0.1:{p}/callback", "http://[::1]:{p}/callback"]


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


def _query(redirect_uri: str, challenge: str, **extra: str) -> dict[str, str]:
    return {"response_type": "code", "client_id": CLIENT, "redirect_uri": redirect_uri, "state": "s1",
            "code_challenge": challenge, "code_challenge_method": "S256", **extra}


@pytest.fixture
def victim(hub: HubProcess) -> str:
    name = f"v{uuid.uuid4().hex[:10]}"
    assert httpx.post(f"{hub.url}/users", json={"username": name, "password": PASSWORD}).status_code == 201
    return name


def _answers(hub: HubProcess, form: dict[str, str], username: str) -> tuple[httpx.Response, httpx.Response]:
    """What a browser gets for the authorize link, and after the person signs in on that page."""
    page = httpx.get(f"{hub.url}/oauth/authorize", params=form)
    signed = httpx.post(f"{hub.url}/oauth/authorize", data=form | {"username": username, "password": PASSWORD})
    return page, signed


def test_only_canonical_loopback_redirects_get_a_code(hub: HubProcess, victim: str) -> None:
    _, challenge = _pkce()
    accepted = []
    for template, source, trick in HOSTILE:
        uri = template.format(p=PORT)
        page, signed = _answers(hub, _query(uri, challenge), victim)
        if page.status_code != 400 or signed.status_code != 400 or "location" in signed.headers:
            accepted.append(f"{uri!r} ({source}: {trick}) -> {page.status_code}/{signed.status_code}")
        else:
            assert page.json()["error"]["code"] == "invalid_request", uri
            assert "Sign in" not in page.text
    assert accepted == []
    for template in LOOPBACK:  # while the app's own loopback redirect, on any port, still works
        for port in (PORT, 1024, 65535):
            uri = template.format(p=port)
            page, signed = _answers(hub, _query(uri, challenge), victim)
            assert page.status_code == 200 and "Sign in to 3D Pot" in page.text
            assert signed.status_code == 302 and signed.headers["location"].startswith(uri + "?code=")
    problem = httpx.get(f"{hub.url}/oauth/authorize", params=_query(HOSTILE[0][0].format(p=PORT), challenge))
    assert "backslash" in problem.json()["error"]["message"]  # the developer learns what is wrong


class _Attacker(http.server.HTTPServer):
    """The attacker's web server: keeps whatever query reaches it."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.2", 0), _Loot)
        self.loot: list[dict[str, str]] = []


class _Loot(http.server.BaseHTTPRequestHandler):
    server: _Attacker

    def do_GET(self) -> None:
        self.server.loot.append({k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def attacker() -> Iterator[_Attacker]:
    server = _Attacker()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_backslash_redirect_takeover_gets_the_attacker_nothing(hub: HubProcess, victim: str,
                                                               attacker: _Attacker) -> None:
    """The whole attack of issue 11: a link with the attacker's PKCE pair and a redirect URI that urllib
    reads as loopback but a browser reads as the attacker's host; the victim signs in on the real hub."""
    verifier, challenge = _pkce()
    host, port = attacker.server_address[:2]
    hostile = f"http://{host}:{port}\\@127.0.0.1:{PORT}/callback"
    link = f"{hub.url}/oauth/authorize?{urlencode(_query(hostile, challenge))}"

    with httpx.Client() as browser:  # the victim's browser, which resolves URLs the WHATWG way
        page = browser.get(link)
        form = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
        signed = browser.post(f"{hub.url}/oauth/authorize", data=form | {"username": victim, "password": PASSWORD})
        if signed.status_code == 302:
            browser.get(URL(signed.headers["location"]).href)

    tokens = [httpx.post(f"{hub.url}/oauth/token", data={
        "grant_type": "authorization_code", "code": loot.get("code", ""), "redirect_uri": hostile,
        "client_id": CLIENT, "code_verifier": verifier}) for loot in attacker.loot]
    stolen = [t.json()["access_token"] for t in tokens if t.status_code == 200]
    assert attacker.loot == [] and stolen == []
    assert page.status_code == 400 and signed.status_code == 400 and "location" not in signed.headers
    assert "Sign in to 3D Pot" not in page.text  # the victim is never asked for a password for this link


@pytest.mark.parametrize(("change", "message"), [
    ({"code_challenge": "", "code_challenge_method": ""}, "code_challenge"),  # a client that skips PKCE
    ({"code_challenge_method": "plain"}, "S256"),
    ({"code_challenge_method": ""}, "S256"),  # RFC 7636 §4.3: no method means plain
])
def test_authorization_without_s256_pkce_is_refused(hub: HubProcess, victim: str, change: dict[str, str],
                                                    message: str) -> None:
    _, challenge = _pkce()
    form = {k: v for k, v in (_query(LOOPBACK[0].format(p=PORT), challenge) | change).items() if v}
    page, signed = _answers(hub, form, victim)
    assert page.status_code == 400 and message in page.json()["error"]["message"]
    assert signed.status_code == 400 and "location" not in signed.headers


@pytest.mark.parametrize("name", ["redirect_uri", "code_challenge", "client_id"])
def test_repeated_authorization_parameters_are_refused(hub: HubProcess, victim: str, name: str) -> None:
    """Parameter pollution (RFC 6749 §3.1: "MUST NOT be included more than once"): a second
    redirect_uri must not slip past the check made on the first."""
    _, challenge = _pkce()
    good = _query(LOOPBACK[0].format(p=PORT), challenge)
    second = {"redirect_uri": "http://evil.example/callback", "code_challenge": challenge,
              "client_id": "potstudio-cli"}[name]
    params = [*good.items(), (name, second)]
    page = httpx.get(f"{hub.url}/oauth/authorize", params=params)
    signed = httpx.post(f"{hub.url}/oauth/authorize", params=[(name, second)],
                        data=good | {"username": victim, "password": PASSWORD})
    assert page.status_code == 400 and name in page.json()["error"]["message"]
    assert signed.status_code == 400 and "location" not in signed.headers
