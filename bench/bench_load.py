"""The hub under a realistic mix, driven by locust (headless, bounded in time): 10,000 listings, 50, 200
and 1,000 simulated users, 1 vs 2 worker processes, the standalone hub (SQLite, local files, limits and
caches in memory) vs the hosted profile (PostgreSQL, Redis, S3 via moto's server). The mix is in
bench/locust_hub.py: searches with filters and cursor pages, listing pages, thumbnails, downloads, op
pushes, token refreshes, and open live-update streams (outside the statistics). Interactive sign-in is
not in the mix (it is argon2 by design: it would measure the hash); refresh tokens are minted up front.

Each hub configuration is warmed first (a short run whose figures are dropped: caches and the page cache
filled), then measured. Reported per run: requests/s answered, p50/p95/p99 over every request (ramp-up
included), errors by kind, hub CPU ms per request (user+system of all hub processes / requests), the
machine's load average. A search-only run at 50 users gives the hub's CPU per search on its own.
Ratios: throughput 2 workers / 1 worker per profile and user count, hosted / standalone.

The load generator (one locust process) shares the 2-core machine with the hub: the figures are
pessimistic, the ratios of one run are what to read.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select, update

from bench.bench_hub import ADJECTIVES, LISTINGS, NOUNS, _cpu_seconds, _fill
from bench.bench_streams import _projects, _token
from hub.config import CLI_CLIENT_ID
from hub.db import make_engine
from hub.models import Listing, ListingFile, Project, RefreshToken
from hub.oauth import token_hash
from tests.hub.services import REPO, HubProcess, Postgres, Redis, S3Server
from tests.sync_client.samples import png_file, stl_file

log = logging.getLogger(__name__)
USERS = (50, 200, 1000)
WORKERS = (1, 2)
SECONDS = 25
WARM_SECONDS = 8
SEARCH_USERS, SEARCH_SECONDS = 50, 15
SEARCH_MISSES = 1200  # distinct searches asked for _search_cpu
MIX = ("Browser", "Designer", "Refresher", "Watcher")
SESSIONS = 1200  # refresh tokens minted per hub start: one per refreshing user, each rotated as it is used
SPAWN_RATE = 200  # users started per second (1,000 users: 5 s of ramp-up inside the run)
FREE_WITH_FILES = 2000
UNLIMITED_STREAMS = ["--max-streams-per-user", "100000", "--max-streams", "100000"]


def _files(url: str, folder: Path, put: Any) -> None:
    """One model and one thumbnail blob, referenced by every listing (content-addressed: stored once)."""
    stl_sha = put(stl_file(folder).read_bytes())
    png = png_file(folder).read_bytes()
    png_sha = put(png)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(update(Listing).values(thumbnail_sha=png_sha))
        conn.execute(update(Listing).where(Listing.id <= FREE_WITH_FILES).values(price_cents=0))
        conn.execute(insert(ListingFile), [
            {"id": i, "listing_id": i, "name": "model.stl", "kind": "stl", "size": len(stl_file(folder).read_bytes()),
             "sha256": stl_sha} for i in range(1, FREE_WITH_FILES + 1)])
    engine.dispose()


def _locust(hub: HubProcess, users: int, fixture: Path, out: Path, seconds: int = SECONDS,
            classes: tuple[str, ...] = MIX) -> dict[str, Any]:
    prefix = out / f"u{users}"
    subprocess.run([str(Path(sys.executable).parent / "locust"), "-f", str(REPO / "bench" / "locust_hub.py"),
                    "--headless", "-u", str(users), "-r", str(SPAWN_RATE), "-t", f"{seconds}s", "--host", hub.url,
                    "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "2", *classes],
                   cwd=REPO, env={**os.environ, "BENCH_LOAD_FIXTURE": str(fixture)}, check=False,
                   capture_output=True, timeout=seconds + 120)
    with (prefix.parent / f"{prefix.name}_stats.csv").open() as fh:
        total = next(row for row in csv.DictReader(fh) if row["Name"] == "Aggregated")
    with (prefix.parent / f"{prefix.name}_failures.csv").open() as fh:
        kinds = [f"{row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error'][:80]}"
                 for row in csv.DictReader(fh)]
    return {"requests": float(total["Request Count"]), "failures": float(total["Failure Count"]), "kinds": kinds,
            # answered per second of the bounded run (locust's own Requests/s divides by a shorter span)
            "rps": float(total["Request Count"]) / seconds, "p50": _ms(total["50%"]), "p95": _ms(total["95%"]),
            "p99": _ms(total["99%"])}


def _ms(figure: str) -> float:
    """Locust writes N/A for a percentile when no request was answered in the run: infinitely slow."""
    return float("inf") if figure == "N/A" else float(figure)


def _sessions(url: str) -> list[str]:
    """Refresh tokens of the watchers' accounts for the CLI client (the hub registers it at start)."""
    tokens = [uuid.uuid4().hex for _ in range(SESSIONS)]
    engine = make_engine(url)
    with engine.begin() as conn:
        owners = [row[0] for row in conn.execute(select(Project.owner_id))]
        conn.execute(insert(RefreshToken), [
            {"token_hash": token_hash(token), "family": uuid.uuid4().hex, "client_id": CLI_CLIENT_ID,
             "user_id": owners[i % len(owners)], "scope": "", "expires_at": time.time() + 86400}
            for i, token in enumerate(tokens)])
    engine.dispose()
    return tokens


def _fixture(path: Path, url: str, designers: list[list[Any]]) -> Path:
    """The locust run's fixture with unused refresh tokens: a token rotated in an earlier run is spent, and
    offering it again is a replay the hub must refuse (400, and its family revoked)."""
    path.write_text(json.dumps({"listings": LISTINGS, "free_listings": FREE_WITH_FILES, "client_id": CLI_CLIENT_ID,
                                "sessions": _sessions(url), "designers": designers}))
    return path


def _measured(hub: HubProcess, users: int, fixture: Path, out: Path, seconds: int = SECONDS,
              classes: tuple[str, ...] = MIX) -> dict[str, Any]:
    assert hub.proc is not None
    load = os.getloadavg()[0]
    cpu_before = _cpu_seconds(hub.proc.pid)
    figures = _locust(hub, users, fixture, out, seconds, classes)
    cpu_ms = 1000 * (_cpu_seconds(hub.proc.pid) - cpu_before) / max(1.0, figures["requests"])
    return {**figures, "cpu_ms": cpu_ms, "load": max(load, os.getloadavg()[0])}


def _search_cpu(hub: HubProcess) -> dict[str, float]:
    """Hub CPU of one search the result cache has not seen, of one it has, and of /healthz, from one
    keep-alive client asking one at a time (a request's own work, no queue). Each batch of distinct
    searches is asked twice in a row, the second time from the cache (its TTL is 5 s)."""
    assert hub.proc is not None
    sorts = ("relevance", "newest", "popular")
    queries = [{"q": f"{adjective} {noun}", "sort": sort} for adjective in ADJECTIVES for noun in NOUNS
               for sort in sorts][:SEARCH_MISSES]
    spent = {"miss": 0.0, "hit": 0.0, "healthz": 0.0}
    with httpx.Client(base_url=hub.url, timeout=30) as client:
        for start in range(0, len(queries), 100):
            for kind in ("miss", "hit"):
                before = _cpu_seconds(hub.proc.pid)
                for params in queries[start:start + 100]:
                    client.get("/listings", params=params).raise_for_status()
                spent[kind] += _cpu_seconds(hub.proc.pid) - before
            before = _cpu_seconds(hub.proc.pid)
            for _ in range(100):
                client.get("/healthz").raise_for_status()
            spent["healthz"] += _cpu_seconds(hub.proc.pid) - before
    return {kind: 1000 * seconds / len(queries) for kind, seconds in spent.items()}


def _profile(kind: str, url: str, folder: Path, extra: list[str], env: dict[str, str],
             put: Any) -> list[dict[str, Any]]:
    _fill(url)
    _files(url, folder / "files", put)
    owners = _projects(url)
    results: list[dict[str, Any]] = []
    for workers in WORKERS:
        hub = HubProcess(url, folder / "data", env=env,
                         extra=[*extra, "--workers", str(workers), *UNLIMITED_STREAMS]).start()
        try:
            fixture = folder / "fixture.json"
            designers = [[project, _token(hub, user_id, name)] for project, user_id, name in owners]
            plural = "s" if workers > 1 else ""
            if workers == 1:
                results.append({"kind": kind, "search_cpu": _search_cpu(hub), "load": os.getloadavg()[0]})
            _locust(hub, 50, _fixture(fixture, url, designers), folder, WARM_SECONDS)  # warm-up: dropped
            # searches alone first, on a hub with no backlog: after 1,000 users a single worker is still
            # answering their queue, and a search run then measures that queue, not a search
            search = _measured(hub, SEARCH_USERS, _fixture(fixture, url, designers), folder, SEARCH_SECONDS,
                               ("Searcher",))
            log.info("%s search only: %s", kind, search)
            results.append({"kind": kind, "workers": workers, "users": SEARCH_USERS, "search_only": True,
                            "label": f"{kind}, {workers} worker{plural}, search only, {SEARCH_USERS} users", **search})
            for users in USERS:
                figures = _measured(hub, users, _fixture(fixture, url, designers), folder)
                label = f"{kind}, {workers} worker{plural}, {users} users"
                log.info("%s: %s", label, figures)
                results.append({"kind": kind, "workers": workers, "users": users, "label": label, **figures})
        finally:
            hub.stop()
    return results


def _rows(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cores = os.cpu_count()
    for run in runs:
        if "search_cpu" in run:
            rows += _search_cpu_rows(run)
            continue
        kinds = "; ".join(run["kinds"][:3])
        note = (f"{int(run['requests'])} requests, {int(run['failures'])} errors{' (' + kinds + ')' if kinds else ''} "
                f"in {SEARCH_SECONDS if run.get('search_only') else SECONDS} s; p50 {run['p50']:.0f} / p99 "
                f"{run['p99']:.0f} ms; hub CPU {run['cpu_ms']:.2f} ms/request; machine load {run['load']:.1f} on "
                f"{cores} cores")
        if run.get("search_only"):
            rows.append({"name": f"hub CPU per search ({run['label']})", "value": run["cpu_ms"], "unit": "ms",
                         "target": "≤ 1.5 ms", "ok": run["cpu_ms"] <= 1.5, "note": note})
            continue
        rows.append({"name": f"throughput ({run['label']})", "value": run["rps"], "unit": "req/s", "note": note})
        rows.append({"name": f"p95 ({run['label']})", "value": run["p95"], "unit": "ms", "target": "p95 < 100 ms",
                     "ok": run["p95"] < 100})
    by_key = {(r["kind"], r["workers"], r["users"]): r for r in runs if "users" in r and not r.get("search_only")}
    for kind in ("standalone", "hosted"):
        for users in USERS:
            one, two = by_key.get((kind, 1, users)), by_key.get((kind, 2, users))
            if one and two:
                rows.append({"name": f"throughput 2 workers / 1 worker ({kind}, {users} users)",
                             "value": two["rps"] / max(one["rps"], 1e-9), "unit": "×", "target": "≥ 1.7×",
                             "ok": two["rps"] >= 1.7 * one["rps"]})
    for workers in WORKERS:
        for users in USERS:
            local, hosted = by_key.get(("standalone", workers, users)), by_key.get(("hosted", workers, users))
            if local and hosted:
                rows.append({"name": f"throughput hosted / standalone ({workers} workers, {users} users)",
                             "value": hosted["rps"] / max(local["rps"], 1e-9), "unit": "×"})
    return rows


def _search_cpu_rows(run: dict[str, Any]) -> list[dict[str, Any]]:
    cpu = run["search_cpu"]
    note = (f"1 worker, one keep-alive client, {SEARCH_MISSES} distinct searches (two words, three sorts) each asked "
            f"twice; /healthz costs {cpu['healthz']:.2f} ms; machine load {run['load']:.1f} on {os.cpu_count()} cores")
    return [{"name": f"hub CPU per search, not cached ({run['kind']})", "value": cpu["miss"], "unit": "ms",
             "target": "≤ 1.5 ms", "ok": cpu["miss"] <= 1.5, "note": note},
            {"name": f"hub CPU per search, cached ({run['kind']})", "value": cpu["hit"], "unit": "ms",
             "target": "≤ 1.5 ms", "ok": cpu["hit"] <= 1.5}]


def run() -> list[dict[str, Any]]:
    from hub.storage import BlobStore
    from hub.storage_s3 import S3BlobStore, S3Location

    runs: list[dict[str, Any]] = []
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        local = folder / "standalone"
        blobs = BlobStore(local / "data" / "blobs")
        runs += _profile("standalone", f"sqlite:///{folder / 'hub.db'}", local, [], {}, blobs.put_bytes)

        pg_root = Path(tempfile.mkdtemp(prefix="bench-load-pg-"))  # its own: the postgres user must reach it
        pg, redis, s3 = Postgres(pg_root), Redis(folder / "redis"), S3Server(folder / "s3")
        pg.start()
        redis.start()
        s3.start()
        try:
            os.environ.update(S3Server.ENV)
            bucket = s3.bucket_url("bench")
            store = S3BlobStore(S3Location.parse(bucket))
            store.ensure_bucket()
            runs += _profile("hosted", pg.create_database(), folder / "hosted",
                             ["--profile", "hosted", "--redis-url", redis.url, "--s3-url", bucket],
                             S3Server.ENV, store.put_bytes)
        finally:
            s3.stop()
            redis.stop()
            pg.stop()
            shutil.rmtree(pg_root, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _rows(runs)
