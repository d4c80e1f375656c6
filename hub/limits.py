"""What keeps one client from exhausting the hub: sign-in attempts, open live-update streams and
request body sizes.

Here sign-in failures and stream counts are kept in process memory: the embedded hub and a one-process
hub need nothing else, and a restart forgetting them only gives an attacker a few more guesses against
argon2 or a few more idle streams. A hosted hub (several workers or machines) keeps them in Redis
instead (hub.limits_redis), behind the same methods, so the limits hold across all of its processes.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from typing import Any, Protocol

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.limits import megabytes
from hub.errors import ApiError
from hub.http import PROBLEM_SCHEMA, problem


class LoginLimits(Protocol):
    """Sign-in attempts per (address, username): `check` raises 429 once they are used up."""

    def check(self, address: str, username: str) -> None: ...

    def failed(self, address: str, username: str) -> None: ...

    def succeeded(self, address: str, username: str) -> None: ...


class StreamCaps(Protocol):
    """Open live-update streams: `admit` raises 429 past a cap; each admitted one is `release`d once."""

    def admit(self, user_id: int) -> None: ...

    def release(self, user_id: int) -> None: ...

    def open_streams(self) -> int: ...


def too_many_attempts(retry: int) -> ApiError:
    return ApiError(429, "too_many_attempts", f"Too many failed sign-ins; try again in {retry} seconds.",
                    headers={"Retry-After": str(retry)})


class LoginLimiter:
    """Sign-in rate limiting: a sliding window of failures per (address, username)."""

    def __init__(self, allowed: int, window_seconds: float) -> None:
        self.allowed = allowed
        self.window = window_seconds
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, address: str, username: str) -> None:
        """Raise 429 with Retry-After while this address has used up its attempts for this name."""
        now = time.monotonic()
        with self._lock:
            failures = self._failures[(address, username.lower())]
            while failures and failures[0] < now - self.window:
                failures.popleft()
            if len(failures) >= self.allowed:
                raise too_many_attempts(int(failures[0] + self.window - now) + 1)

    def failed(self, address: str, username: str) -> None:
        with self._lock:
            self._failures[(address, username.lower())].append(time.monotonic())

    def succeeded(self, address: str, username: str) -> None:
        with self._lock:
            self._failures.pop((address, username.lower()), None)


STREAM_RETRY_SECONDS = 15
"""Retry-After of a refused stream: streams end only when someone leaves, so there is no exact time."""


def too_many_streams(per_user: int) -> ApiError:
    return ApiError(429, "too_many_streams", f"You already have {per_user} live connections open to this hub; "
                                             "close one (or wait a little) and try again.",
                    headers={"Retry-After": str(STREAM_RETRY_SECONDS)})


class StreamGate:
    """Caps the live-update streams open at once, per user and per process. Each stream costs little
    while idle, but a client opening thousands (or a bug reconnecting in a loop without closing) would
    still pin memory and a socket each."""

    def __init__(self, per_user: int, total: int) -> None:
        self.per_user = per_user
        self.total = total
        self._open: Counter[int] = Counter()
        self._lock = threading.Lock()

    def admit(self, user_id: int) -> None:
        """Count a new stream of `user_id`, or raise 429 with Retry-After when a cap is reached.
        Every admitted stream must be `release`d exactly once."""
        with self._lock:
            if self._open[user_id] >= self.per_user:
                raise too_many_streams(self.per_user)
            if self._open.total() >= self.total:
                raise ApiError(429, "hub_busy", "The hub is serving as many live connections as it can; try again "
                                                "shortly.", headers={"Retry-After": str(STREAM_RETRY_SECONDS)})
            self._open[user_id] += 1

    def release(self, user_id: int) -> None:
        with self._lock:
            self._open[user_id] -= 1
            if self._open[user_id] <= 0:
                del self._open[user_id]

    def open_streams(self) -> int:
        with self._lock:
            return self._open.total()


class _BodyTooLarge(Exception):
    """Raised into the app from `receive` when a streamed (chunked) body passes the limit."""


def too_large(size: int | None, limit: int) -> ApiError:
    """The 413 error; `size` is the declared Content-Length, None when a chunked body just ran over."""
    shown = megabytes(size) if size is not None else f"more than {megabytes(limit)}"
    return ApiError(413, "too_large", f"This request is too large ({shown}; the limit is {megabytes(limit)}).",
                    extra={"limit": limit, **({"size": size} if size is not None else {})})


class BodyLimit:
    """ASGI middleware: refuse any request body over `limit` bytes with a 413 problem, before reading it.

    A Content-Length over the limit is answered at once, without calling the app or reading a byte of
    the body. A chunked body is counted as the app receives it; past the limit the app's read fails and
    whatever the app answers to that failed read is replaced by the 413. Paths under `exempt` (the tus
    upload routes, which have their own per-upload limits) pass untouched.

    Starlette's own RequestBodyLimitMiddleware (and FastAPI's `max_body_size`) answer 413 in their own
    shapes and cannot exempt a router, hence this small one.
    """

    def __init__(self, app: ASGIApp, limit: int, exempt: Iterable[str] = ()) -> None:
        self.app = app
        self.limit = limit
        self.exempt = tuple(exempt)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _under(scope["path"], self.exempt):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await problem(too_large(declared, self.limit))(scope, receive, send)
            return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # the app's answer to the read we broke off (FastAPI makes it a 400): the 413 replaces it
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(_BodyTooLarge):
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not started:
            await problem(too_large(None, self.limit))(scope, receive, send)


def _under(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == p or path.startswith(p + "/") for p in prefixes)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def declare_body_limit(app: FastAPI, limit: int, exempt: Iterable[str] = ()) -> None:
    """Say in the OpenAPI document what BodyLimit enforces: every operation that takes a body gets
    `x-max-body` on its requestBody and a 413 problem response. Wraps whatever `app.openapi` is set
    (FastAPI's own or another wrapper), so several such declarations compose."""
    prefixes = tuple(exempt)
    previous = app.openapi

    def openapi() -> dict[str, Any]:
        schema = previous()
        for path, operations in schema.get("paths", {}).items():
            if _under(path, prefixes):
                continue
            for operation in operations.values():
                if isinstance(operation, dict) and "requestBody" in operation:
                    operation["requestBody"]["x-max-body"] = limit
                    operation.setdefault("responses", {}).setdefault(
                        "413", {**PROBLEM_SCHEMA, "description": f"The body is over {limit} bytes"})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
