"""The two HTML pages a person sees: sign-in for the authorization code flow and device approval.

Plain server-rendered forms: they must work in any browser the OS opens, with no script. Where a
password is typed, the headers shut out the usual attacks on such a page: no framing (clickjacking,
CSP frame-ancestors plus X-Frame-Options for older browsers), nothing loaded or run but the page's own
style (CSP by hash), no Referer carrying the authorization request onwards, no caching. CSP has no
form-action: browsers apply it to the redirect after sign-in too, and that goes to the app's
loopback port, which CSP cannot name for [::1].
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from html import escape

from starlette.responses import HTMLResponse

_STYLE = """body{font:16px sans-serif;max-width:26em;margin:3em auto}
input{display:block;width:100%;margin:.3em 0 1em;padding:.4em}.err{color:#b00}"""
_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width"><style>{style}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
HEADERS = {
    "Content-Security-Policy": f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def _page(title: str, body: str, status: int) -> HTMLResponse:
    return HTMLResponse(_PAGE.format(title=title, style=_STYLE, body=body), status, headers=HEADERS)


def _hidden(fields: Mapping[str, str]) -> str:
    return "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in fields.items())


def sign_in_page(action: str, fields: Mapping[str, str], client_name: str, error: str = "",
                 status: int = 200) -> HTMLResponse:
    err = f'<p class="err">{escape(error)}</p>' if error else ""
    body = (f"<p>{escape(client_name)} wants to use your 3D Pot account.</p>{err}"
            f'<form method="post" action="{escape(action)}">{_hidden(fields)}'
            '<label>Username<input name="username" autocomplete="username" required></label>'
            '<label>Password<input name="password" type="password" autocomplete="current-password" required>'
            '</label><button type="submit">Sign in</button></form>')
    return _page("Sign in to 3D Pot", body, status)


def device_page(user_code: str, error: str = "", done: str = "", status: int = 200) -> HTMLResponse:
    if done:
        return _page("3D Pot device sign-in", f"<p>{escape(done)}</p>", status)
    err = f'<p class="err">{escape(error)}</p>' if error else ""
    body = (f"<p>Enter the code shown by the command line and sign in.</p>{err}"
            '<form method="post" action="/device">'
            f'<label>Code<input name="user_code" value="{escape(user_code)}" required></label>'
            '<label>Username<input name="username" required></label>'
            '<label>Password<input name="password" type="password" required></label>'
            '<button name="decision" value="approve">Allow</button> '
            '<button name="decision" value="deny">Deny</button></form>')
    return _page("3D Pot device sign-in", body, status)
