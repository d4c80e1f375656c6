""""Two machines": two hosted hub processes on different ports and data folders, sharing PostgreSQL,
Redis and an S3 bucket (moto's server), with nginx in front using the deployment's own server block.
Clients talk to nginx only, as they would to a hosted hub, except where a test must pin a request to
one machine (to kill it mid-upload, or to write through one and listen through the other)."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync_client.errors import NotSignedIn
from tests.hub import tus
from tests.hub.fixtures import PASSWORD, MakeClient
from tests.hub.services import HubProcess, Nginx, Postgres, Redis, S3Server
from tests.hub.sse import EventReader
from tests.hub.test_hosted_shared import hosted, migrate
from tests.sync_client.samples import planter_json

TIMEOUT = httpx.Timeout(60.0)


class Site:
    def __init__(self, machines: list[HubProcess], nginx: Nginx) -> None:
        self.machines = machines
        self.nginx = nginx
        self.url = nginx.url


@pytest.fixture(scope="module")
def site(postgres: Postgres, redis_server: Redis, s3_server: S3Server,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db_url = postgres.create_database()
    migrate(db_url)
    bucket = f"hub-{uuid.uuid4().hex[:12]}"
    machines = [hosted(db_url, tmp_path_factory.mktemp(f"machine{n}"), redis_server, s3_server, bucket=bucket)
                for n in (1, 2)]
    nginx = Nginx(tmp_path_factory.mktemp("nginx"), [f"127.0.0.1:{m.port}" for m in machines])
    for machine in machines:
        machine.extra += ["--public-url", nginx.url]  # clients know the hub by nginx's address only
        machine.start()
    nginx.start()
    yield Site(machines, nginx)
    nginx.stop()
    for machine in machines:
        machine.stop()


class Facade:
    """What make_client needs of a hub: its URL (nginx's)."""

    def __init__(self, url: str, db_url: str) -> None:
        self.url = url
        self.db_url = db_url


def _front(site: Site) -> HubProcess:
    return Facade(site.url, site.machines[0].db_url)  # type: ignore[return-value]


def test_an_op_posted_through_either_machine_reaches_a_stream_held_through_nginx(site: Site,
                                                                                make_client: MakeClient) -> None:
    owner = make_client(_front(site))
    project = owner.projects.create("Balanced planter", planter_json())
    token = owner.session.access_token()
    with httpx.stream("GET", f"{site.url}/projects/{project.id}/events", timeout=TIMEOUT,
                      headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}) as response:
        assert response.status_code == 200
        reader = EventReader(response)
        assert reader.next_named("presence") is not None
        # one of the two machines holds the stream; an op is written through each of them directly
        for rev, machine in enumerate(site.machines, start=1):
            written = httpx.post(f"{machine.url}/projects/{project.id}/ops", timeout=TIMEOUT, headers={
                "Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex},
                json={"base_rev": rev - 1, "kind": "set_param", "args": {"name": "width", "value": 120 + rev}})
            assert written.status_code == 201, written.text
            heard = reader.next_named("op")  # waits as long as it takes: no timing assertion here
            assert heard is not None and heard.id == str(rev) and heard.data["args"]["value"] == 120 + rev


def test_the_sign_in_limit_holds_across_machines_behind_nginx(site: Site, make_client: MakeClient) -> None:
    victim = make_client(_front(site))
    attacker = make_client(_front(site), sign_in=False, name=victim.username)  # type: ignore[attr-defined]
    for _ in range(5):  # nginx spreads these over both machines
        with pytest.raises(NotSignedIn) as wrong:
            attacker.session.sign_in_password(victim.username, "guess")  # type: ignore[attr-defined]
        assert wrong.value.status == 401
    for machine in site.machines:  # now every machine refuses, even the right password
        direct = make_client(machine, sign_in=False, name=victim.username)  # type: ignore[attr-defined]
        with pytest.raises(NotSignedIn) as limited:
            direct.session.sign_in_password(victim.username, PASSWORD)  # type: ignore[attr-defined]
        assert limited.value.status == 429


def _slow_body(data: bytes, sent: threading.Event) -> Iterator[bytes]:
    """The chunk in small pieces, slowly: the machine is killed while it is still arriving."""
    step = 64 * 1024
    for start in range(0, len(data), step):
        yield data[start:start + step]
        if start >= len(data) // 4:
            sent.set()
            time.sleep(0.05)


def test_a_machine_killed_mid_upload_loses_nothing_the_client_cannot_resume(site: Site,
                                                                          make_client: MakeClient,
                                                                          tmp_path: Path) -> None:
    _first, second = site.machines
    uploader = make_client(_front(site))
    token = uploader.session.access_token() or ""
    data = os.urandom(6 * 1024 * 1024 + 999)
    created = httpx.post(f"{site.url}/uploads", timeout=TIMEOUT, headers={
        **tus.auth(token), "Upload-Length": str(len(data)), "Upload-Metadata": "filename cG90LnN0bA=="})
    assert created.status_code == 201, created.text
    upload_path = "/uploads/" + created.headers["location"].rsplit("/", 1)[1]
    head = 2 * 1024 * 1024
    assert tus.patch(f"{site.url}{upload_path}", token, 0, data[:head]).status_code == 204

    sent = threading.Event()
    outcome: list[BaseException | httpx.Response] = []

    def doomed_patch() -> None:
        try:
            outcome.append(httpx.patch(f"{second.url}{upload_path}", content=_slow_body(data[head:], sent),
                                       headers={**tus.auth(token), **tus.OCTETS, "Upload-Offset": str(head)},
                                       timeout=TIMEOUT))
        except httpx.TransportError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=doomed_patch)
    worker.start()
    assert sent.wait(60)
    second.kill()  # a power cut on the machine receiving the chunk
    worker.join(60)
    assert outcome and isinstance(outcome[0], httpx.TransportError)  # the client saw the cut

    # the client resumes through nginx, which now reaches only the first machine
    offset = int(httpx.head(f"{site.url}{upload_path}", headers=tus.auth(token), timeout=TIMEOUT)
                 .headers["upload-offset"])
    assert offset == head  # the interrupted chunk was never counted, the earlier one is intact
    resumed = tus.patch(f"{site.url}{upload_path}", token, offset, data[offset:])
    assert resumed.status_code == 204 and resumed.headers["upload-offset"] == str(len(data))

    listing = httpx.post(f"{site.url}/listings", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT,
                         json={"title": "Survived a crash", "category": "vases", "licence": "CC0",
                               "files": [{"name": "pot.stl", "upload_id": upload_path.rsplit("/", 1)[1]}]})
    assert listing.status_code == 201, listing.text
    file_path = httpx.URL(listing.json()["files"][0]["url"]).path
    fetched = httpx.get(f"{site.url}{file_path}", headers={"Authorization": f"Bearer {token}"},
                        follow_redirects=True, timeout=TIMEOUT)
    assert fetched.status_code == 200
    assert hashlib.sha256(fetched.content).hexdigest() == hashlib.sha256(data).hexdigest()
    second.start()  # the machine comes back for the rest of the module
