"""Hub search under load: 10k listings, 200 concurrent clients, on SQLite and PostgreSQL. Reports
p50/p95/p99 latency, the offered and achieved request rates and the hub's CPU time per request
(the seed's bar: p95 < 100 ms).

Open loop: searches arrive as a Poisson process at a stated rate (200 people each searching about
once a second: OFFERED_RATE req/s) whatever the hub's speed, over at most CLIENTS connections, and
latency is counted from each request's scheduled time — a slow answer cannot hold back the next
arrivals and so cannot hide itself (no coordinated omission). A closed loop would measure only
queueing (latency = clients / throughput, Little's law). Achieved throughput below the offered
rate means the hub (or the machine) could not keep up.

The hub runs as its own uvicorn processes with WORKERS workers — what a self-hoster would start
on a 2-core box (`potstudio hub --workers 2`). The load generator is this process, on the same
machine: on a shared machine both compete for CPU, so the figures are pessimistic for a server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import re
import shutil
import statistics
import tempfile
import time
from collections import deque
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
from sqlalchemy import insert, text

from hub.db import make_engine, migrate, utcnow
from hub.models import Listing, ListingTag, User
from tests.hub.services import HubProcess, Postgres

log = logging.getLogger(__name__)
LISTINGS = 10_000
CLIENTS = 200
OFFERED_RATE = float(os.environ.get("BENCH_HUB_RATE", "200"))  # searches per second, all clients together
SECONDS = 15.0
WORKERS = 2
CONTENT_LENGTH = re.compile(rb"(?i)\r\ncontent-length: *(\d+)")
NOUNS = ["planter", "pot", "vase", "hook", "bracket", "box", "lid", "stand", "holder", "clip", "gear", "tray",
         "organiser", "coaster", "tag", "enclosure", "spool", "shelf", "cup", "drawer", "bin", "knob", "mount"]
ADJECTIVES = ["round", "square", "tall", "slim", "hexagonal", "modular", "stackable", "minimal", "sturdy", "tiny",
              "large", "wall", "desk", "kitchen", "garden", "herb", "cable", "phone", "pen", "parametric"]
CATEGORIES = ["planters", "vases", "kitchen", "storage", "organisers", "brackets", "stands", "gears", "enclosures",
              "art", "toys", "education", "other"]
LICENCES = ["CC0", "CC-BY", "CC-BY-SA", "CC-BY-NC", "CC-BY-ND", "GPL-3.0", "standard-digital-file"]


def _fill(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    rng = random.Random(7)
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(insert(User), [{"username": f"maker{i}", "display_name": f"Maker {i}", "password_hash": "!",
                                     "created_at": now} for i in range(50)])
        rows: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        for i in range(1, LISTINGS + 1):
            words = [*rng.sample(ADJECTIVES, 2), rng.choice(NOUNS)]
            tag_list = sorted({rng.choice(NOUNS), rng.choice(ADJECTIVES)})
            rows.append({
                "id": i, "slug": f"l-{i}", "title": " ".join(words).capitalize(),
                "description": f"A {' '.join(words)} for your {rng.choice(NOUNS)}; prints without supports.",
                "creator_id": rng.randint(1, 50), "category": rng.choice(CATEGORIES),
                "licence": rng.choice(LICENCES), "price_cents": rng.choice([0] * 6 + [299, 499]),
                "tags_text": " ".join(tag_list), "has_parameters": rng.random() < 0.5, "images": [],
                "downloads": rng.randint(0, 5000), "likes": rng.randint(0, 800), "makes": rng.randint(0, 50),
                "created_at": now - timedelta(minutes=i), "updated_at": now,
            })
            tags += [{"listing_id": i, "tag": t} for t in tag_list]
        conn.execute(insert(Listing), rows)
        conn.execute(insert(ListingTag), tags)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # fresh planner statistics, as a long-running hub would have
    engine.dispose()


def _query(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    words = " ".join(rng.sample(NOUNS + ADJECTIVES, rng.randint(1, 2)))
    if roll < 0.6:
        return {"q": words}
    if roll < 0.8:
        return {"q": rng.choice(NOUNS), "category": rng.choice(["home", "tools", "planters", "gadgets"])}
    if roll < 0.9:
        return {"sort": "newest", "price": "free"}
    return {"tag": rng.choice(NOUNS), "sort": "popular"}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of the hub's process and its worker processes (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0.0
    for proc in [pid, *map(int, children)]:
        fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


class _Connections:
    """At most CLIENTS keep-alive HTTP/1.1 connections to the hub, used in turn (like 200 apps each
    searching about once a second, so none idles into the server's keep-alive timeout). Deliberately
    minimal: httpx's async client spends ~5 ms of CPU per request here, more than the hub itself, so
    with it the load generator — not the hub — was what the benchmark measured."""

    def __init__(self, base: str, size: int) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._idle: deque[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = deque()
        self._slots = asyncio.Semaphore(size)

    async def get(self, target: str) -> int:
        async with self._slots:
            if self._idle:
                try:
                    return await self._exchange(self._idle.popleft(), target)
                except asyncio.IncompleteReadError as exc:
                    if exc.partial:
                        raise
                    # the hub closed this idle connection just as we reused it: one retry, as HTTP clients do
            return await self._exchange(await asyncio.open_connection(self.host, self.port), target)

    async def _exchange(self, conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], target: str) -> int:
        reader, writer = conn
        try:
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = CONTENT_LENGTH.search(head)
            await reader.readexactly(int(length.group(1)) if length else 0)
        except BaseException:
            writer.close()
            raise
        self._idle.append(conn)
        return int(head[9:12])

    def close(self) -> None:
        for _, writer in self._idle:
            writer.close()


async def _load(base: str) -> tuple[list[float], int, float]:
    """Send the scheduled searches; latencies are measured from each one's scheduled start."""
    rng = random.Random(11)
    schedule: list[float] = []
    at = rng.expovariate(OFFERED_RATE)
    while at < SECONDS:
        schedule.append(at)
        at += rng.expovariate(OFFERED_RATE)
    latencies: list[float] = []
    errors = 0
    connections = _Connections(base, CLIENTS)
    began = time.perf_counter()

    async def search(offset: float, params: dict[str, Any]) -> None:
        nonlocal errors
        due = began + offset
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            status = await connections.get(f"/listings?{urlencode(params)}")
        except (OSError, asyncio.IncompleteReadError) as exc:
            log.warning("request failed: %r", exc)
            errors += 1
            return
        if status != 200:
            errors += 1
            return
        latencies.append(time.perf_counter() - due)

    try:
        await asyncio.gather(*(search(offset, _query(rng) | {"limit": 24}) for offset in schedule))
    finally:
        connections.close()
    return latencies, errors, time.perf_counter() - began


def _measure(kind: str, url: str, folder: Path) -> list[dict[str, Any]]:
    _fill(url)
    hub = HubProcess(url, folder / "data", extra=["--workers", str(WORKERS)]).start()
    try:
        httpx.get(f"{hub.url}/listings", params={"q": "pot"})  # warm the caches once
        assert hub.proc is not None
        cpu_before = _cpu_seconds(hub.proc.pid)
        latencies, errors, elapsed = asyncio.run(_load(hub.url))
        cpu = _cpu_seconds(hub.proc.pid) - cpu_before
    finally:
        hub.stop()
    load = os.getloadavg()[0]
    ms = sorted(x * 1000 for x in latencies)
    p50, p95, p99 = (ms[max(0, int(len(ms) * q) - 1)] for q in (0.50, 0.95, 0.99))
    achieved = len(ms) / elapsed
    note = (f"{LISTINGS} listings, {CLIENTS} clients, open loop at {OFFERED_RATE:.0f} req/s offered for "
            f"{SECONDS:.0f} s, {WORKERS} hub workers: {len(ms)} answered, {errors} errors; machine load average "
            f"{load:.1f} on {os.cpu_count()} cores")
    log.info("%s: p50 %.1f p95 %.1f p99 %.1f ms, %.0f of %.0f req/s", kind, p50, p95, p99, achieved, OFFERED_RATE)
    return [
        {"name": f"search p50 ({kind})", "value": p50, "unit": "ms", "note": note},
        {"name": f"search p95 ({kind})", "value": p95, "unit": "ms", "target": "p95 < 100 ms", "ok": p95 < 100},
        {"name": f"search p99 ({kind})", "value": p99, "unit": "ms"},
        {"name": f"search throughput achieved ({kind})", "value": achieved, "unit": "req/s",
         "target": f"≈ {OFFERED_RATE:.0f} req/s offered", "ok": achieved >= 0.95 * OFFERED_RATE and not errors,
         "note": f"mean latency {statistics.fmean(ms):.1f} ms"},
        {"name": f"hub CPU per search ({kind})", "value": 1000 * cpu / max(1, len(ms)), "unit": "ms",
         "note": "user+system CPU of all hub processes / answered searches (result-cache hits included)"},
    ]


def run() -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    folder = Path(tempfile.mkdtemp(prefix="bench-hub-"))
    try:
        results += _measure("SQLite", f"sqlite:///{folder / 'hub.db'}", folder / "sqlite")
        pg_root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        pg = Postgres(pg_root).start()
        try:
            results += _measure("PostgreSQL", pg.create_database(), folder / "pg")
        finally:
            pg.stop()
            shutil.rmtree(pg_root, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results
