"""tus 1.0 at the edges (issue 11, item 6): header numbers in ASCII digits only, a finished upload
that never changes again, a per-account allowance of unfinished uploads, expiry of abandoned ones,
and an upload from a tus client we did not write (tuspy, from PyPI)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
import pytest
from tusclient.client import TusClient

from core.tasks import Task
from sync_client.tus import Uploader
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess, Postgres
from tests.hub.tus import auth, create, patch, stored_bytes

StartHub = Callable[..., HubProcess]


class Interrupted(Exception):
    """The user closed the app mid-upload."""


@pytest.fixture(params=["sqlite", "postgresql"])
def start_hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StartHub]:
    """start_hub(*flags) -> a hub of this test's own, on SQLite and on PostgreSQL, run with those flags."""
    started: list[HubProcess] = []

    def start(*flags: str) -> HubProcess:
        if request.param == "postgresql":
            pg: Postgres = request.getfixturevalue("postgres")
            url = pg.create_database()
        else:
            url = f"sqlite:///{tmp_path / 'hub.db'}"
        hub = HubProcess(url, tmp_path / "data", extra=list(flags)).start()
        started.append(hub)
        return hub

    yield start
    for hub in started:
        hub.stop()


@pytest.mark.parametrize("value", [
    "²".encode("latin-1"),  # a digit to str.isdigit(), not to tus: was a 500
    "¹0".encode("latin-1"), b"1" * 40, b"-1", b"+5", b"0x10", b"1e3", b"", b"5 5",
])
def test_upload_numbers_must_be_ascii_decimal(hub: HubProcess, make_client: MakeClient, value: bytes) -> None:
    token = make_client(hub).session.access_token()
    created = httpx.post(f"{hub.url}/uploads", headers={**auth(token), "Upload-Length": value})
    assert created.status_code == 400, created.text
    assert created.json()["error"]["code"] == "bad_header"
    url = create(hub, token, 10).headers["location"]
    patched = httpx.patch(url, content=b"x", headers={**auth(token), "Upload-Offset": value,
                                                      "Content-Type": "application/offset+octet-stream"})
    assert patched.status_code == 400 and patched.json()["error"]["code"] == "bad_header"
    assert httpx.head(url, headers=auth(token)).headers["upload-offset"] == "0"


@pytest.mark.parametrize("metadata", ["filename", "filename dmFzZS5zdGw=,,sha256", "file name dmFzZQ==",
                                      "filename dmFzZS5zdGw", "filename dmF zZQ==", "filename /w=="])
def test_upload_metadata_must_follow_the_tus_grammar(hub: HubProcess, make_client: MakeClient,
                                                      metadata: str) -> None:
    """Pairs of a key, one space and base64 of UTF-8 text, comma-separated ("filename" alone is a key
    without a value, which tus allows)."""
    token = make_client(hub).session.access_token()
    answer = create(hub, token, 10, **{"Upload-Metadata": metadata})
    if metadata == "filename":
        assert answer.status_code == 201, answer.text
    else:
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_metadata", answer.text


def test_a_finished_upload_never_changes(hub: HubProcess, make_client: MakeClient) -> None:
    token = make_client(hub).session.access_token()
    data = os.urandom(70_000)
    url = create(hub, token, len(data)).headers["location"]
    assert patch(url, token, 0, data).headers["upload-offset"] == str(len(data))
    # an empty PATCH at the end of a finished upload is a no-op (it used to store the empty file's sha256)
    again = patch(url, token, len(data), b"")
    assert again.status_code == 204 and again.headers["upload-offset"] == str(len(data))
    assert patch(url, token, 0, data[:10]).status_code == 409  # tus: the offsets differ
    assert patch(url, token, len(data), b"more").status_code == 413  # past Upload-Length
    head = httpx.head(url, headers=auth(token))
    assert head.headers["upload-offset"] == str(len(data)) and "upload-expires" not in head.headers
    assert stored_bytes(hub, token, url) == data


def test_unfinished_uploads_are_limited_per_account(start_hub: StartHub, make_client: MakeClient) -> None:
    hub = start_hub("--max-pending-uploads", "3", "--max-pending-upload-mb", "1")
    token = make_client(hub).session.access_token()
    urls = [create(hub, token, 1000).headers["location"] for _ in range(3)]
    refused = create(hub, token, 1000)
    assert refused.status_code == 403
    problem = refused.json()["error"]
    assert problem["code"] == "upload_quota" and problem["pending_uploads"] == 3 and problem["max_pending_uploads"] == 3
    assert "Finish or cancel" in problem["message"]
    assert create(hub, make_client(hub).session.access_token(), 1000).status_code == 201  # others are not held up

    assert patch(urls[0], token, 0, b"a" * 1000).status_code == 204  # a finished upload frees its place
    assert create(hub, token, 1000).status_code == 201
    cancelled = httpx.delete(urls[1], headers=auth(token))  # so does a cancelled one (tus termination)
    assert cancelled.status_code == 204
    assert httpx.head(urls[1], headers=auth(token)).status_code == 404
    # the bytes allowance: 2 unfinished uploads of 1000 bytes are held, 1 MiB more does not fit
    too_big = create(hub, token, 1024 * 1024)
    assert too_big.status_code == 403 and too_big.json()["error"]["pending_bytes"] == 2000
    assert create(hub, token, 1024 * 1024 - 2000).status_code == 201


def _wait_until(moment: datetime) -> None:
    while datetime.now(UTC) <= moment:
        time.sleep(0.2)


def test_abandoned_uploads_expire_and_their_bytes_are_removed(start_hub: StartHub, make_client: MakeClient,
                                                              tmp_path: Path) -> None:
    hub = start_hub("--upload-expiry-hours", "0.002")  # 7.2 s
    client = make_client(hub)
    token = client.session.access_token()
    created = create(hub, token, 5000)
    url = created.headers["location"]
    expires = parsedate_to_datetime(created.headers["upload-expires"])  # RFC 9110 date, as tus asks
    assert expires > datetime.now(UTC)
    chunk = patch(url, token, 0, b"b" * 2000)
    assert chunk.status_code == 204 and parsedate_to_datetime(chunk.headers["upload-expires"]) >= expires
    parts = hub.data_dir / "blobs" / "uploads"
    upload_id = url.rsplit("/", 1)[1]
    assert (parts / f"{upload_id}.part").stat().st_size == 2000

    _wait_until(parsedate_to_datetime(chunk.headers["upload-expires"]))
    # tus: gone, start again (410 while the hub still tracks it; 404 once the timed sweep has run)
    assert httpx.head(url, headers=auth(token)).status_code in (410, 404)
    assert patch(url, token, 2000, b"b" * 10).status_code in (410, 404)
    assert not (parts / f"{upload_id}.part").exists() or (parts / f"{upload_id}.part").stat().st_size == 2000
    # the timed sweep (every half expiry here) removes its bytes with nobody creating another upload
    deadline = time.monotonic() + 60
    while list(parts.glob(f"{upload_id}.*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not list(parts.glob(f"{upload_id}.*"))
    assert httpx.head(url, headers=auth(token)).status_code == 404

    # our own client, finding its remembered upload expired, starts that file over and finishes it
    model = tmp_path / "vase.stl"
    model.write_bytes(os.urandom(300_000))
    uploader = Uploader(client.transport, client.outbox, chunk_size=100_000)

    def stop_midway(fraction: float, _message: str) -> None:
        if fraction > 0:
            raise Interrupted

    with pytest.raises(Interrupted):
        uploader.upload(model, Task(stop_midway))
    remembered = client.outbox.upload_url(hashlib.sha256(model.read_bytes()).hexdigest())
    assert remembered is not None
    expiry = parsedate_to_datetime(httpx.head(remembered, headers=auth(token)).headers["upload-expires"])
    _wait_until(expiry)
    upload_id = uploader.upload(model)
    assert upload_id != remembered.rsplit("/", 1)[1]
    assert stored_bytes(hub, token, f"{hub.url}/uploads/{upload_id}") == model.read_bytes()


def test_a_third_party_tus_client_uploads_to_the_hub(hub: HubProcess, make_client: MakeClient,
                                                     tmp_path: Path) -> None:
    token = make_client(hub).session.access_token()
    model = tmp_path / "gear.stl"
    model.write_bytes(os.urandom(1_100_000))
    tus = TusClient(f"{hub.url}/uploads", headers={"Authorization": f"Bearer {token}"})
    uploader = tus.uploader(str(model), chunk_size=256 * 1024, metadata={"filename": model.name})
    uploader.upload()
    assert uploader.url is not None and uploader.url.startswith(f"{hub.url}/uploads/")
    assert stored_bytes(hub, token, uploader.url, "gear.stl") == model.read_bytes()
