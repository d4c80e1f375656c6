"""Which redirect URIs get an authorization code: the app's loopback listener, spelt one way only.

The code goes wherever a *browser* takes the Location header, and browsers read URLs by the WHATWG URL
Standard while Python reads them with urllib (RFC 3986). Where the two disagree, a check made with one
approves an address the other visits: `http://evil.example\\@127.0.0.1:5555/callback` is 127.0.0.1 to
urllib and evil.example to a browser. So, beyond RFC 8252 §7.3 (loopback IP literal, any port) and RFC
9700 §2.1 (exact match otherwise), a URI is accepted only when it is already in the canonical form a
WHATWG parser would write back (nothing normalised away: no `127.1`, `HTTP:`, tabs, `%31`, dot
segments) and urllib reads the same scheme, host, port and path from it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlsplit

from ada_url import URL

LOOPBACK_HOSTS = {"127.0.0.1": "127.0.0.1", "[::1]": "::1"}  # WHATWG hostname -> urllib hostname
_PRINTABLE = re.compile(r"[!-~]+")  # ASCII without space or control characters


def redirect_uri_problem(uri: str, registered_paths: Collection[str]) -> str | None:
    """Why `uri` may not receive a code for a client registered with these loopback paths; None if it may.

    The reason is printable ASCII without quotes or backslashes, as RFC 6749 §5.2 requires of an
    error_description (Authlib enforces it)."""
    if not _PRINTABLE.fullmatch(uri):
        return "The redirect URI must be plain ASCII with no spaces or control characters."
    if "\\" in uri:
        return "The redirect URI must not contain a backslash (browsers read it as a slash)."
    if "#" in uri:
        return "The redirect URI must not have a fragment (RFC 6749 section 3.1.2)."
    if "@" in uri:
        return "The redirect URI must not carry user information ('@')."
    if "?" in uri:
        return "The redirect URI must be exactly the registered one, without a query."
    try:
        browser = URL(uri)
        python = urlsplit(uri)
        python_port = python.port
    except ValueError:
        return "The redirect URI is not a valid URL."
    if browser.href != uri:
        return f"The redirect URI must be written in its canonical form ({browser.href})."
    if browser.protocol != "http:" or browser.hostname not in LOOPBACK_HOSTS:
        return ("The redirect URI must be a loopback one: http://127.0.0.1:PORT/callback or "
                "http://[::1]:PORT/callback (RFC 8252 section 7.3).")
    if (python.scheme, python.hostname, "" if python_port is None else str(python_port), python.path) != (
            "http", LOOPBACK_HOSTS[browser.hostname], browser.port, browser.pathname):
        return "The redirect URI is read differently by browsers and by the hub; it cannot be used."
    if not browser.port or browser.port == "0":
        return "The redirect URI must name the port the app listens on."
    if browser.pathname not in registered_paths:
        return "The redirect URI's path is not registered for this client."
    return None
