"""Structured logs of a hosted hub: one JSON object per line, each carrying the request id.

A log collector (Loki, journald, CloudWatch...) reads fields, not prose; and with requests spread
over workers and machines, the request id is what ties a client's report ("request id 3f2a...") to
every line written while answering it. The id comes from the client or the proxy (X-Request-ID,
when it is a sane token) or is made here, and is sent back in the response's X-Request-ID.

Each request also writes one access line (method, route template, status, duration, bytes out),
so uvicorn's own access log is left off.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = b"x-request-id"
_SANE_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")  # a proxy's or client's id, not whatever a header holds
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
access = logging.getLogger("hub.access")


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, any `extra=` fields, and the traceback if any."""

    _RESERVED = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage(),
        }
        if rid := request_id.get():
            entry["request_id"] = rid
        entry.update({k: v for k, v in record.__dict__.items() if k not in self._RESERVED and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_json(level: int = logging.INFO) -> None:
    """Send every log record to stderr as JSON (called in each worker process)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def _incoming_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER and _SANE_ID.match(value):
            return value.decode("ascii")
    return uuid.uuid4().hex


class RequestContext:
    """ASGI middleware: the request id (context variable and response header) and the access line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming_id(scope)
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500
        sent = 0

        async def tagged_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (REQUEST_ID_HEADER, rid.encode("ascii"))]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, tagged_send)
        finally:
            if access.isEnabledFor(logging.INFO):
                self._log(scope, status, sent, started)
            request_id.reset(token)

    @staticmethod
    def _log(scope: Scope, status: int, sent: int, started: float) -> None:
        route = getattr(scope.get("route"), "path", None)
        access.info("%s %s %d", scope["method"], route or scope["path"], status, extra={
            "method": scope["method"], "route": route, "status": status, "bytes": sent,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "client": (scope.get("client") or ("?",))[0]})
