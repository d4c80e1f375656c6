"""Share links as people pass them around: `<hub>/join/<token>`. The hub only knows the token; the link
also names the hub, so opening a link meant for another hub says so instead of a puzzling "not found"."""

from __future__ import annotations

import re

from sync_client.errors import HubError

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
JOIN = "/join/"


class BadLink(HubError):
    """What was pasted is not a share link of this hub; nothing was sent."""


def link_for(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{JOIN}{token}"


def hub_of(link: str) -> str | None:
    """The hub a link names (None for a bare token): the terminal talks to it unless told otherwise."""
    text = link.strip()
    if JOIN not in text:
        return None
    return text.rpartition(JOIN)[0].rstrip("/") or None


def token_from(link: str, base_url: str) -> str:
    """The token of a pasted link (or of a bare token), checked against the hub this client talks to."""
    text = link.strip()
    if JOIN in text:
        hub, _, token = text.rpartition(JOIN)
        if hub.rstrip("/") != base_url.rstrip("/"):
            raise BadLink(f"This link is for the hub at {hub}; you are signed in to {base_url}.", code="other_hub",
                          detail={"hub": hub})
    else:
        token = text
    token = token.strip("/")
    if not TOKEN.match(token):
        raise BadLink("This is not a 3D Pot share link; copy the whole link you were sent.", code="bad_link")
    return token
