"""schemathesis hooks for the hub's contract run: a tus PATCH body (application/offset+octet-stream,
RFC-less but what tus 1.0 requires) is raw bytes, sent the way application/octet-stream is."""

from __future__ import annotations

import schemathesis

schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
