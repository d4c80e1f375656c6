"""Resumable uploads (tus) and downloads (Range) across a hub crash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from core.tasks import Task
from sync_client.api.market import Publication
from sync_client.errors import HubUnavailable
from sync_client.tus import Uploader
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import big_file

CHUNK = 256 * 1024


def test_upload_resumes_after_the_hub_is_killed(sqlite_hub: HubProcess, make_client: MakeClient,
                                                 tmp_path: Path) -> None:
    client = make_client(sqlite_hub)
    uploader = Uploader(client.transport, client.outbox, chunk_size=CHUNK)
    client.market.uploader = uploader
    model = big_file(tmp_path, 3 * 1024 * 1024)

    def crash_midway(fraction: float, _message: str) -> None:
        if fraction >= 0.3 and sqlite_hub.proc is not None and sqlite_hub.proc.poll() is None:
            sqlite_hub.kill()

    with pytest.raises(HubUnavailable):
        uploader.upload(model, Task(crash_midway))
    assert client.outbox.upload_url(hashlib.sha256(model.read_bytes()).hexdigest())  # remembered for later

    sqlite_hub.start()
    fractions: list[float] = []
    listing = client.market.publish(
        Publication(title="Big vase", category="vases", licence="CC0", files=[model]),
        Task(lambda f, _m: fractions.append(f)))
    assert fractions[0] >= 0.3  # it went on from where the hub had stopped, not from zero
    assert listing.files[0].sha256 == hashlib.sha256(model.read_bytes()).hexdigest()
    assert listing.files[0].size == model.stat().st_size


def test_tus_protocol_checks(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(sqlite_hub)
    auth = {"Authorization": f"Bearer {client.session.access_token()}", "Tus-Resumable": "1.0.0"}
    options = httpx.options(f"{sqlite_hub.url}/uploads")
    assert "checksum" in options.headers["tus-extension"] and options.headers["tus-checksum-algorithm"] == "sha256"
    created = httpx.post(f"{sqlite_hub.url}/uploads", headers=auth | {"Upload-Length": "10"})
    url = created.headers["location"]
    patch = auth | {"Content-Type": "application/offset+octet-stream"}
    wrong_sum = httpx.patch(url, content=b"hello", headers=patch | {
        "Upload-Offset": "0", "Upload-Checksum": "sha256 " + "A" * 43 + "="})
    assert wrong_sum.status_code == 460
    assert httpx.head(url, headers=auth).headers["upload-offset"] == "0"  # the bad chunk was dropped
    ok = httpx.patch(url, content=b"hello", headers=patch | {"Upload-Offset": "0"})
    assert ok.status_code == 204 and ok.headers["upload-offset"] == "5"
    stale = httpx.patch(url, content=b"world", headers=patch | {"Upload-Offset": "0"})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "offset_mismatch"
    past_end = httpx.patch(url, content=b"world!!", headers=patch | {"Upload-Offset": "5"})
    assert past_end.status_code == 413
    other = httpx.head(url, headers={"Tus-Resumable": "1.0.0"})
    assert other.status_code == 401  # nobody else can poke at an upload


def test_download_resumes_with_range(sqlite_hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(sqlite_hub)
    model = big_file(tmp_path / "src", 600_000, "vase.stl")
    listing = client.market.publish(Publication(title="Vase", category="vases", licence="CC0", files=[model]))
    part = tmp_path / "dst" / "vase.stl.part"
    part.parent.mkdir()
    part.write_bytes(model.read_bytes()[:250_000])  # an earlier download was cut off here
    seen: list[float] = []
    saved = client.market.get(listing.id, tmp_path / "dst", Task(lambda f, _m: seen.append(f)))
    assert saved[0].read_bytes() == model.read_bytes() and not part.exists()
    assert seen[0] > 0.4  # only the missing bytes were fetched
    ranged = httpx.get(listing.files[0].url, headers={"Range": "bytes=10-19"})
    assert ranged.status_code == 206 and ranged.content == model.read_bytes()[10:20]
