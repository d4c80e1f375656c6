"""Stream soak: what 200 open live-update streams cost one hub process. 50 clients search (open loop,
each about once a second) first with no streams, then with 200 SSE streams open on the same process
while their projects receive an op a second. Reports search p95 and hub RSS with streams against
without, as ratios (targets: < 2x, < 1.5x).

Load generation and the search mix are bench_hub's (10k listings, its minimal keep-alive connection
pool), so both benchmarks measure the same searches. The streams are raw sockets read by one asyncio
task each, draining keep-alives and ops as a client would; their tokens are minted with the test
signing secret, so no sign-in (and no OS keyring) is involved.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import psutil
from sqlalchemy.orm import Session

from bench.bench_hub import _Connections, _fill, _query
from hub.config import CLI_CLIENT_ID
from hub.db import make_engine
from hub.models import Member, Project, User
from hub.security import issue_access_token
from tests.hub.services import SECRET, HubProcess
from tests.sync_client.samples import planter_json

log = logging.getLogger(__name__)
STREAMS = 200
PROJECTS = 10  # 20 watchers each
CLIENTS = 50
RATE = 50.0  # searches per second, all clients together
SECONDS = 12.0


def _projects(url: str) -> list[tuple[int, int, str]]:
    """A project per group of watchers, each owned by its watcher: (project id, user id, username); each
    owner then holds 20 streams, the default per-user cap."""
    engine = make_engine(url)
    made: list[tuple[int, int, str]] = []
    with Session(engine) as db:
        for i in range(PROJECTS):
            user = User(username=f"watcher{i}", password_hash="!")
            db.add(user)
            db.flush()
            project = Project(owner_id=user.id, name=f"Soak {i}", document=planter_json(), head_rev=0,
                              meta_version=1)
            db.add(project)
            db.flush()
            db.add(Member(project_id=project.id, user_id=user.id, role="owner"))
            made.append((project.id, user.id, user.username))
        db.commit()
    engine.dispose()
    return made


def _token(hub: HubProcess, user_id: int, username: str) -> str:
    return issue_access_token(SECRET, hub.url, User(id=user_id, username=username), CLI_CLIENT_ID, "")


async def _search(base: str) -> tuple[list[float], int]:
    """Open-loop searches at RATE for SECONDS over at most CLIENTS connections; latency from schedule."""
    rng = random.Random(5)
    connections = _Connections(base, CLIENTS)
    offsets: list[float] = []
    at = rng.expovariate(RATE)
    while at < SECONDS:
        offsets.append(at)
        at += rng.expovariate(RATE)
    latencies: list[float] = []
    errors = 0
    began = time.perf_counter()

    async def one(offset: float, params: dict[str, Any]) -> None:
        nonlocal errors
        due = began + offset
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            status = await connections.get(f"/listings?{urlencode(params)}")
        except (OSError, asyncio.IncompleteReadError):
            status = 0
        if status != 200:
            errors += 1
            return
        latencies.append(time.perf_counter() - due)

    try:
        await asyncio.gather(*(one(offset, _query(rng) | {"limit": 24}) for offset in offsets))
    finally:
        connections.close()
    return latencies, errors


async def _stream(hub: HubProcess, owner: tuple[int, int, str], opened: asyncio.Event, counts: list[int]) -> None:
    project_id, user_id, username = owner
    token = _token(hub, user_id, username)
    reader, writer = await asyncio.open_connection("127.0.0.1", hub.port)
    try:
        writer.write(f"GET /projects/{project_id}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(f"stream refused: {head[:60]!r}")
        counts[0] += 1
        if counts[0] == STREAMS:
            opened.set()
        while chunk := await reader.read(65536):
            counts[1] += chunk.count(b"event: op")
    finally:
        writer.close()


async def _edit(hub: HubProcess, owners: list[tuple[int, int, str]], stop: asyncio.Event) -> int:
    """An op a second, round robin over the projects, as people editing would send."""
    sent = 0
    async with httpx.AsyncClient(base_url=hub.url, timeout=30) as http:
        while not stop.is_set():
            project_id, user_id, username = owners[sent % len(owners)]
            head = (await http.get(f"/projects/{project_id}/document",
                                   headers={"Authorization": f"Bearer {_token(hub, user_id, username)}"})).json()
            await http.post(f"/projects/{project_id}/ops", json={
                "base_rev": head["rev"], "kind": "set_param", "args": {"name": "width", "value": 100 + sent % 50}},
                headers={"Authorization": f"Bearer {_token(hub, user_id, username)}",
                         "Idempotency-Key": uuid.uuid4().hex})
            sent += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)
    return sent


async def _with_streams(hub: HubProcess, owners: list[tuple[int, int, str]],
                        rss: psutil.Process) -> tuple[list[float], int, int, int, int]:
    opened, stop = asyncio.Event(), asyncio.Event()
    counts = [0, 0]  # streams open, op events received
    tasks = [asyncio.create_task(_stream(hub, owners[i % PROJECTS], opened, counts)) for i in range(STREAMS)]
    await asyncio.wait_for(opened.wait(), 60)
    editing = asyncio.create_task(_edit(hub, owners, stop))
    latencies, errors = await _search(hub.url)
    stop.set()
    sent = await editing
    await asyncio.sleep(1.0)  # let the last op reach its watchers
    memory = rss.memory_info().rss
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return latencies, errors, memory, sent, counts[1]


def _p95(latencies: list[float]) -> float:
    ms = sorted(x * 1000 for x in latencies)
    return ms[max(0, int(len(ms) * 0.95) - 1)]


def run() -> list[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-streams-"))
    url = f"sqlite:///{folder / 'hub.db'}"
    try:
        _fill(url)
        owners = _projects(url)
        hub = HubProcess(url, folder / "data").start()
        try:
            assert hub.proc is not None
            process = psutil.Process(hub.proc.pid)
            httpx.get(f"{hub.url}/listings", params={"q": "pot"})  # warm the caches once
            alone, alone_errors = asyncio.run(_search(hub.url))
            rss_alone = process.memory_info().rss
            loaded, loaded_errors, rss_loaded, sent, heard = asyncio.run(_with_streams(hub, owners, process))
        finally:
            hub.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    base, with_streams = _p95(alone), _p95(loaded)
    p95_ratio, rss_ratio = with_streams / base, rss_loaded / rss_alone
    note = (f"one hub process (SQLite, 10k listings); {CLIENTS} clients searching at {RATE:.0f} req/s for "
            f"{SECONDS:.0f} s; {STREAMS} streams over {PROJECTS} projects, {sent} ops sent during the run, "
            f"{heard} op events delivered; search errors {alone_errors} alone, {loaded_errors} with streams; "
            f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    log.info("search p95 %.1f ms alone, %.1f ms with %d streams; RSS %.0f -> %.0f MB", base, with_streams, STREAMS,
             rss_alone / 2**20, rss_loaded / 2**20)
    return [
        {"name": f"search p95 with {STREAMS} open streams", "value": with_streams, "unit": "ms", "baseline": base,
         "ratio": p95_ratio, "target": "< 2×", "ok": p95_ratio < 2 and not loaded_errors, "note": note},
        {"name": f"hub RSS with {STREAMS} open streams", "value": rss_loaded / 2**20, "unit": "MB",
         "baseline": rss_alone / 2**20, "ratio": rss_ratio, "target": "< 1.5×", "ok": rss_ratio < 1.5,
         "note": "resident set of the hub process after the searches, without and with the streams"},
    ]
