"""Prometheus metrics of the hub, served at /metrics (prometheus-client's text format).

What an operator watches: requests by route template (never the raw path, which would make a time
series per listing id) with their latency, open live-update streams, database connections in use,
tus bytes received and how often the search cache answers. Latency histograms leave out event
streams, whose "latency" is their lifetime.

With several worker processes on one port (`--workers N`), a scrape reaches any one of them; the CLI
then sets PROMETHEUS_MULTIPROC_DIR before the workers start and /metrics adds up every worker's
figures (prometheus-client's multiprocess mode; gauges are summed over live processes).
"""

from __future__ import annotations

import os
import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess as prometheus_multiprocess
from sqlalchemy import Engine, event
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
UNMATCHED = "(unmatched)"
TUS_PATCH_ROUTE = "/uploads/{upload_id}"

REQUESTS = Counter("hub_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram("hub_http_request_duration_seconds", "Time to answer a request (event streams excluded)",
                    ["method", "route"],
                    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
STREAMS_OPEN = Gauge("hub_sse_streams_open", "Live-update (server-sent event) streams open",
                     multiprocess_mode="livesum")
DB_CONNECTIONS = Gauge("hub_db_connections_in_use", "Database connections checked out of the pool",
                       multiprocess_mode="livesum")
DB_POOL_SIZE = Gauge("hub_db_pool_size", "Connections the pool keeps open (per process, summed)",
                     multiprocess_mode="livesum")
TUS_BYTES = Counter("hub_tus_bytes_received_total", "Bytes received in tus PATCH bodies")
SEARCH_CACHE = Counter("hub_search_cache_lookups_total", "Search result cache lookups", ["result"])


def watch_pool(engine: Engine) -> None:
    """Count connections in use from the pool's own checkout/checkin events."""
    size = getattr(engine.pool, "size", None)
    if callable(size):
        DB_POOL_SIZE.inc(size())
    event.listen(engine, "checkout", lambda *_: DB_CONNECTIONS.inc())
    event.listen(engine, "checkin", lambda *_: DB_CONNECTIONS.dec())


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


class Instrument:
    """ASGI middleware recording each request under its route template."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        streaming = False
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
            return message

        async def watching_send(message: Message) -> None:
            nonlocal status, streaming
            if message["type"] == "http.response.start":
                status = message["status"]
                streaming = any(name == b"content-type" and value.startswith(b"text/event-stream")
                                for name, value in message.get("headers", ()))
                if streaming:
                    STREAMS_OPEN.inc()
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        finally:
            route, method = _route_of(scope), scope["method"]
            if streaming:
                STREAMS_OPEN.dec()
            else:
                LATENCY.labels(method, route).observe(time.perf_counter() - started)
            REQUESTS.labels(method, route, str(status)).inc()
            if method == "PATCH" and route == TUS_PATCH_ROUTE:
                TUS_BYTES.inc(received)


def _registry() -> Any:
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        prometheus_multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY


async def metrics(_request: Request) -> Response:
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


def forget_process(pid: int) -> None:
    """Multiprocess mode: drop a finished worker's live gauges."""
    if os.environ.get(MULTIPROC_ENV):
        prometheus_multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
