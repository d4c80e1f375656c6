"""Concurrent PATCHes to one upload on a hub of two worker processes (`--workers 2`) leave the stored
file byte for byte what was sent: a lock held only inside one process let two workers append the same
chunk twice (issue 11, item 6)."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import httpx
import pytest

from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess, Postgres
from tests.hub.tus import auth, create, patch, stored_bytes

SIZE = 600_000
SENDERS = 6


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_concurrent_patches_on_two_workers_store_the_exact_file(
        database: str, request: pytest.FixtureRequest, tmp_path: Path, make_client: MakeClient) -> None:
    if database == "postgresql":
        pg: Postgres = request.getfixturevalue("postgres")
        url = pg.create_database()
    else:
        url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(url, tmp_path / "data", extra=["--workers", "2"]).start()
    try:
        token = make_client(hub).session.access_token()
        data = os.urandom(SIZE)
        # no sha256 in Upload-Metadata: the hub must get the bytes right on its own, not by refusing the result
        upload = create(hub, token, SIZE).headers["location"]
        answers: list[int] = []
        failures: list[str] = []
        together = threading.Barrier(SENDERS)  # every round, all senders PATCH the same offset at once

        def send(seed: int) -> None:
            rng = random.Random(seed)
            try:
                while not failures:
                    head = httpx.head(upload, headers=auth(token), timeout=60)
                    if head.status_code != 200:
                        failures.append(f"HEAD {head.status_code}")
                        return
                    offset = int(head.headers["upload-offset"])
                    if offset == SIZE:
                        return
                    size = rng.choice([20_000, 33_333, 50_000, 65_536])  # chunks that overlap when doubled
                    together.wait(timeout=120)
                    answer = patch(upload, token, offset, data[offset:offset + size])
                    answers.append(answer.status_code)
                    if answer.status_code not in (204, 409):
                        failures.append(f"{answer.status_code} {answer.text}")
            except threading.BrokenBarrierError:
                return
            finally:
                together.abort()  # a round cannot fill up once a sender has left: the others stop too

        senders = [threading.Thread(target=send, args=(seed,)) for seed in range(SENDERS)]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join()
        assert failures == [], (hub.log.read_text()[-3000:])
        assert 204 in answers
        assert stored_bytes(hub, token, upload) == data
    finally:
        hub.stop()
