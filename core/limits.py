"""Wire limits the hub and its client must agree on.

One number on both sides: if the client accepted documents the hub refuses (or the reverse), one
editor could push a project nobody else can open. The hub enforces it before reading a body (413)
and declares it in its OpenAPI document; sync_client refuses to send more and to read more.
"""

from __future__ import annotations

MAX_JSON_BYTES = 8 * 1024 * 1024
"""Largest JSON body either side sends or accepts: a project document, an op, a listing."""


def megabytes(size: int) -> str:
    """A size as people read it in a message ("8 MB", "12.3 MB"): decimal-free when whole."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
