"""HTTP with the hub: retries, size limits, error mapping and transparent token refresh.

Retries use full-jitter exponential backoff (sleep = uniform(0, min(cap, base * 2**attempt))) and
honour Retry-After; they happen on network errors, 408, 429 and 5xx, never on other 4xx, which a
retry cannot fix. A request that is not idempotent (POST without an Idempotency-Key) is retried only
when it provably never reached the hub (connect errors) or the hub refused it unprocessed (429/503).
Bodies are read with a hard cap so a hostile or broken hub cannot exhaust memory, and JSON bodies over
the limit the hub shares with us (core.limits) are refused before anything is sent (TooLarge).
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import httpx

from core.limits import MAX_JSON_BYTES
from sync_client.errors import BY_STATUS, BadResponse, HubError, HubUnavailable, Rejected, TooLarge

log = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
UNPROCESSED = frozenset({429, 503})
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class TokenSource(Protocol):
    def access_token(self) -> str | None: ...

    def refresh_after_rejection(self, rejected: str) -> str | None: ...


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base: float = 0.25
    cap: float = 8.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), 60.0)
        return random.uniform(0.0, min(self.cap, self.base * 2**attempt))


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def read_capped(response: httpx.Response, limit: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        response.close()
        raise BadResponse(f"The hub sent {int(declared)} bytes where at most {limit} were expected.")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            response.close()
            raise BadResponse(f"The hub's answer is larger than {limit} bytes; it was not read.")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise BadResponse("The hub's answer is not valid JSON.") from None


def encode_body(payload: Any) -> bytes:
    """JSON exactly as httpx would send it, refused (TooLarge) past the hub's limit so a change that
    the hub would answer 413 never leaves the machine."""
    try:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    except ValueError as exc:  # NaN or infinity: not JSON, the hub could not read it either
        raise Rejected(f"This change cannot be sent: {exc}.") from None
    if len(data) > MAX_JSON_BYTES:
        raise TooLarge(detail={"size": len(data), "limit": MAX_JSON_BYTES})
    return data


def error_from(response: httpx.Response, body: bytes) -> HubError:
    status = response.status_code
    code, message, detail = "", "", {}
    try:
        data = json.loads(body) if body else None
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        err = data["error"]
        code = str(err.get("code", ""))[:80]
        message = str(err.get("message", ""))[:500]
        detail = {k: v for k, v in err.items() if k not in ("code", "message")}
    if not message:
        message = f"The hub answered {status} {response.reason_phrase}."
    kind = BY_STATUS.get(status) or (HubUnavailable if status >= 500 else Rejected)
    return kind(message, status, code, detail)


class Transport:
    """One httpx client plus the policies above; every API call of sync_client goes through `send`."""

    def __init__(
        self, base_url: str, tokens: TokenSource | None = None, *, http: httpx.Client | None = None,
        retry: RetryPolicy | None = None, sleep: Callable[[float], None] = time.sleep, timeout: float = 20.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.http = http or httpx.Client(timeout=timeout)
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.language = ""
        """Sent as Accept-Language (a BCP 47 tag, e.g. "pt-BR"), so what the hub words itself (category
        names) comes in the app's language; set by the app when its language changes."""

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else f"{self.base_url}{path}"

    def send(
        self, method: str, path: str, *, json_body: Any = None, headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None, content: bytes | None = None, auth: bool = True,
        limit: int = MAX_JSON_BYTES, expect: tuple[int, ...] = (),
    ) -> tuple[httpx.Response, bytes]:
        """Send with retries; return the response and its (capped) body, or raise a HubError."""
        hdrs = dict(headers or {})
        if json_body is not None:
            content = encode_body(json_body)
            hdrs.setdefault("Content-Type", "application/json")
        if self.language:
            hdrs.setdefault("Accept-Language", self.language)
        idempotent = method in IDEMPOTENT or "Idempotency-Key" in hdrs
        refreshed = False
        attempt = 0
        while True:
            token = self.tokens.access_token() if (auth and self.tokens) else None
            if token:
                hdrs["Authorization"] = f"Bearer {token}"
            try:
                request = self.http.build_request(method, self.url(path), headers=hdrs, params=params,
                                                  content=content)
                # a hosted hub answers file and image GETs with a redirect to its object store
                response = self.http.send(request, stream=True, follow_redirects=method == "GET")
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if (idempotent or never_sent) and attempt + 1 < self.retry.attempts:
                    self.sleep(self.retry.delay(attempt, None))
                    attempt += 1
                    continue
                raise HubUnavailable(f"Cannot reach the hub at {self.base_url} ({type(exc).__name__}).") from None
            try:
                status = response.status_code
                if status == 401 and token and not refreshed and self.tokens is not None:
                    response.close()
                    refreshed = True
                    if self.tokens.refresh_after_rejection(token):
                        continue
                if status in RETRY_STATUSES and (idempotent or status in UNPROCESSED) \
                        and attempt + 1 < self.retry.attempts:
                    wait = self.retry.delay(attempt, _retry_after(response))
                    response.close()
                    log.debug("%s %s -> %s, retrying in %.2fs", method, path, status, wait)
                    self.sleep(wait)
                    attempt += 1
                    continue
                body = read_capped(response, limit)
            finally:
                response.close()
            if status >= 400 and status not in expect:
                raise error_from(response, body)
            return response, body

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        _, body = self.send(method, path, **kwargs)
        return decode_json(body) if body else None

    def close(self) -> None:
        self.http.close()
