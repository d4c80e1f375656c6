"""Hub search under load: 10k listings, 200 concurrent clients searching for ~15 s, on SQLite and
PostgreSQL. Reports p50/p95/p99 latency and throughput (the seed's bar: p95 < 100 ms).

Each client behaves like a person typing in the search box: a query, then a pause of 0.5–1.5 s
before the next (about 200 requests/s offered in total). Without pauses, 200 clients in a closed
loop measure only queueing (latency = clients / throughput by Little's law), not search speed.

The hub runs as its own uvicorn process (one worker, as `potstudio hub` starts it); the 200 clients
are asyncio tasks in this process. On a shared 2-core machine the load generator competes with the
hub for CPU, so these figures are pessimistic for a real server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, text

from hub.db import make_engine, migrate, utcnow
from hub.models import Listing, ListingTag, User
from tests.hub.services import HubProcess, Postgres

log = logging.getLogger(__name__)
LISTINGS = 10_000
CLIENTS = 200
SECONDS = 15.0
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


async def _load(base: str) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as http:
        deadline = time.perf_counter() + SECONDS

        async def client(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            await asyncio.sleep(rng.uniform(0.0, 1.0))  # people do not all press Enter at once
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    response = await http.get("/listings", params=_query(rng) | {"limit": 24})
                except httpx.TransportError as exc:
                    log.warning("request failed: %r", exc)
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1
                await asyncio.sleep(rng.uniform(0.5, 1.5))

        began = time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(CLIENTS)))
        elapsed = time.perf_counter() - began
    return latencies, errors, elapsed


def _measure(kind: str, url: str, folder: Path) -> list[dict[str, Any]]:
    _fill(url)
    hub = HubProcess(url, folder / "data").start()
    try:
        httpx.get(f"{hub.url}/listings", params={"q": "pot"})  # warm the caches once
        latencies, errors, elapsed = asyncio.run(_load(hub.url))
    finally:
        hub.stop()
    load = os.getloadavg()[0]
    ms = sorted(x * 1000 for x in latencies)
    p50, p95, p99 = (ms[int(len(ms) * q) - 1] for q in (0.50, 0.95, 0.99))
    note = (f"{LISTINGS} listings, {CLIENTS} concurrent clients, {SECONDS:.0f} s, {len(ms)} requests, "
            f"{errors} errors; machine load average {load:.1f} on {os.cpu_count()} cores")
    log.info("%s: p50 %.1f p95 %.1f p99 %.1f ms, %.0f req/s", kind, p50, p95, p99, len(ms) / elapsed)
    return [
        {"name": f"search p50 ({kind})", "value": p50, "unit": "ms", "note": note},
        {"name": f"search p95 ({kind})", "value": p95, "unit": "ms", "target": "p95 < 100 ms", "ok": p95 < 100},
        {"name": f"search p99 ({kind})", "value": p99, "unit": "ms"},
        {"name": f"search throughput ({kind})", "value": len(ms) / elapsed, "unit": "req/s",
         "note": f"mean {statistics.fmean(ms):.1f} ms"},
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
