"""Webhook signatures in the scheme Stripe publishes (docs.stripe.com/webhooks#verify-manually).

The header reads `t=<unix time>,v1=<hex>`; v1 is HMAC-SHA256 of `<t>.<raw body>` keyed with the
endpoint secret's text (`whsec_...`). The receiver recomputes it over the bytes it received (never
re-serialised JSON), compares in constant time against every v1 given (several during a secret rotation), and refuses a
timestamp outside the tolerance, so a captured request cannot be replayed later; replays inside
the window are caught by the event id (hub.routers.buying).
"""

from __future__ import annotations

import hashlib
import hmac

from hub.payments.provider import BadWebhook

TOLERANCE_SECONDS = 300  # Stripe's default


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> str:
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(secret: str, body: bytes, header: str | None, now: float, tolerance: int = TOLERANCE_SECONDS) -> int:
    """The signed timestamp when `header` signs `body` within `tolerance` seconds of `now`.

    Stripe only refuses old timestamps; a far-future one is refused too, since a clock that far
    ahead would let a captured request live past its window.
    """
    if not header:
        raise BadWebhook("The webhook has no signature header.")
    timestamp: int | None = None
    signatures: list[str] = []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isascii() and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value)
    if timestamp is None or not signatures:
        raise BadWebhook("The webhook signature header has no timestamp or no v1 signature.")
    expected = _digest(secret, timestamp, body)
    if not any(hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")) for given in signatures):
        raise BadWebhook("The webhook signature does not match its body.")
    if abs(now - timestamp) > tolerance:
        raise BadWebhook(f"The webhook timestamp is more than {tolerance} s away from the hub's clock.")
    return timestamp
