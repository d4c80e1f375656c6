"""Two hosted hub processes (`--profile hosted`) as on two machines — separate data folders, one
PostgreSQL, one Redis, one S3 bucket (moto's server) — over real HTTP: what one process learns, the
other knows at once — an op and a removal reach streams held by the other, both list everyone
watching (and who edits which part, whichever process was told), the sign-in limit and the stream
cap count across both, a listing published through one is found through the other in the very next
search (no per-process cache) — and files live in the
object store: a tus upload begun on one is finished on the other byte for byte, and downloads are
redirects to presigned URLs that the app's client follows."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from sync_client.api.market import Publication
from sync_client.client import HubClient
from sync_client.errors import NotSignedIn
from tests.hub import tus
from tests.hub.fixtures import PASSWORD, MakeClient
from tests.hub.services import REPO, SECRET, HubProcess, Postgres, Redis, S3Server
from tests.hub.sse import EventReader
from tests.sync_client.samples import planter_json, png_file, stl_file

TIMEOUT = httpx.Timeout(30.0)
PER_USER_STREAMS = 2


def migrate(db_url: str) -> str:
    """`python -m hub migrate --db URL`, as a deployment runs it once before the workers start."""
    done = subprocess.run([sys.executable, "-m", "hub", "migrate", "--db", db_url], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "POTSTUDIO_HUB_SECRET": SECRET}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def hosted(db_url: str, folder: Path, redis: Redis, s3: S3Server, *more: str, bucket: str = "") -> HubProcess:
    """A hosted hub process; processes given the same bucket share their files like separate machines would."""
    bucket = bucket or f"hub-{uuid.uuid4().hex[:12]}"
    return HubProcess(db_url, folder, env=S3Server.ENV, extra=[
        "--profile", "hosted", "--redis-url", redis.url, "--s3-url", s3.bucket_url(bucket),
        "--stream-recheck", "3600", "--payments", "test", *more])


@pytest.fixture(scope="module")
def pair(postgres: Postgres, redis_server: Redis, s3_server: S3Server, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[HubProcess, HubProcess]]:
    db_url = postgres.create_database()
    migrate(db_url)
    bucket = f"hub-{uuid.uuid4().hex[:12]}"
    first = hosted(db_url, tmp_path_factory.mktemp("first"), redis_server, s3_server,
                   "--max-streams-per-user", str(PER_USER_STREAMS), bucket=bucket)
    # one public address, as behind a proxy: tokens name the hub they were issued by
    second = hosted(db_url, tmp_path_factory.mktemp("second"), redis_server, s3_server,
                    "--max-streams-per-user", str(PER_USER_STREAMS), "--public-url", first.url, bucket=bucket)
    first.extra += ["--public-url", first.url]
    first.start()
    second.start()
    yield first, second
    second.stop()
    first.stop()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT) as client:
        yield client


def _token(client: HubClient) -> str:
    return client.session.access_token() or ""


def _stream(http: httpx.Client, hub: HubProcess, client: HubClient,
            project_id: int) -> contextlib.AbstractContextManager[httpx.Response]:
    return http.stream("GET", f"{hub.url}/projects/{project_id}/events",
                       headers={"Authorization": f"Bearer {_token(client)}", "Accept": "text/event-stream"})


def _team(hub: HubProcess, make_client: MakeClient) -> tuple[HubClient, HubClient, int]:
    owner, bob = make_client(hub), make_client(hub)
    project = owner.projects.create("Shared planter", planter_json())
    invitation = owner.projects.invite(project.id, bob.username, "editor")  # type: ignore[attr-defined]
    bob.projects.answer(invitation.id, accept=True)
    return owner, bob, project.id


def _op(client: HubClient, project_id: int, value: float) -> int:
    return client.projects.send_op(project_id, uuid.uuid4().hex, client.projects.head(project_id).rev,
                                   "set_param", {"name": "width", "value": value}).rev


def test_the_migrate_command_brings_a_new_database_to_the_schema(postgres: Postgres) -> None:
    db_url = postgres.create_database()
    assert "migrated" in migrate(db_url)
    assert "already current" in migrate(db_url)


def test_a_hosted_worker_refuses_an_unmigrated_database(postgres: Postgres, redis_server: Redis,
                                                        s3_server: S3Server, tmp_path: Path) -> None:
    worker = hosted(postgres.create_database(), tmp_path / "w", redis_server, s3_server)
    with pytest.raises(RuntimeError, match="potstudio hub migrate"):
        worker.start()


def test_an_op_and_the_watchers_reach_a_stream_on_the_other_process(pair: tuple[HubProcess, HubProcess],
                                                                    make_client: MakeClient,
                                                                    http: httpx.Client) -> None:
    first, second = pair
    owner, bob, project_id = _team(first, make_client)
    with _stream(http, second, bob, project_id) as bobs, _stream(http, first, owner, project_id) as owners:
        bob_hears = EventReader(bobs)
        owner_hears = EventReader(owners)
        # each process lists the watchers it holds and those the other one announced
        for reader in (bob_hears, owner_hears):
            while (event := reader.next_named("presence")) is not None:
                if event.data["users"] == sorted([owner.username, bob.username]):  # type: ignore[attr-defined]
                    break
            assert event is not None
        rev = _op(owner, project_id, 141)  # written through the first process
        heard = bob_hears.next_named("op")
        assert heard is not None and heard.id == str(rev) and heard.data["args"]["value"] == 141


def test_a_part_claimed_through_one_process_reaches_both_and_ends_with_the_stream_on_the_other(
        pair: tuple[HubProcess, HubProcess], make_client: MakeClient, http: httpx.Client) -> None:
    first, second = pair
    owner, bob, project_id = _team(first, make_client)
    me, them = owner.username, bob.username  # type: ignore[attr-defined]

    def until(reader: EventReader, users: list[str], editing: dict[str, str]) -> None:
        while (event := reader.next_named("presence")) is not None:
            if event.data == {"users": sorted(users), "editing": editing}:
                return
        raise AssertionError(f"the stream ended before presence showed {users} editing {editing}")

    with _stream(http, first, owner, project_id) as owners:
        owner_hears = EventReader(owners)
        with _stream(http, second, bob, project_id) as bobs:  # bob's stream is held by the second process
            bob_hears = EventReader(bobs)
            until(owner_hears, [me, them], {})
            # bob's claim goes through the first process, which holds no stream of his
            claimed = httpx.put(f"{first.url}/projects/{project_id}/presence", json={"part": "saucer_at"},
                                headers={"Authorization": f"Bearer {_token(bob)}"}, timeout=TIMEOUT)
            assert claimed.status_code == 200, claimed.text
            until(owner_hears, [me, them], {them: "saucer_at"})
            until(bob_hears, [me, them], {them: "saucer_at"})
        # his only stream closed on the second process: the first forgets his claim with him
        until(owner_hears, [me], {})


def test_a_removal_through_one_process_ends_the_stream_on_the_other_at_once(pair: tuple[HubProcess, HubProcess],
                                                                           make_client: MakeClient,
                                                                           http: httpx.Client) -> None:
    first, second = pair  # both recheck membership on their own only hourly (--stream-recheck 3600)
    owner, bob, project_id = _team(first, make_client)
    with _stream(http, second, bob, project_id) as response:
        reader = EventReader(response)
        assert reader.next_named("presence") is not None
        owner.projects.remove_member(project_id, bob.username)  # type: ignore[attr-defined]
        ending = reader.next_named("op", "revoked")
        assert ending is not None and ending.name == "revoked"
        assert ending.data["error"]["code"] == "removed"


def test_the_sign_in_limit_counts_failures_on_both_processes(pair: tuple[HubProcess, HubProcess],
                                                            make_client: MakeClient) -> None:
    first, second = pair
    victim = make_client(first)
    attackers = [make_client(hub, sign_in=False, name=victim.username) for hub in (first, second)]  # type: ignore[attr-defined]
    for attempt in range(5):  # the allowance (5), split over the two processes
        with pytest.raises(NotSignedIn) as wrong:
            attackers[attempt % 2].session.sign_in_password(victim.username, "not the password")  # type: ignore[attr-defined]
        assert wrong.value.status == 401
    for attacker in attackers:  # the right password too: the limit is reached whichever process is asked
        with pytest.raises(NotSignedIn) as limited:
            attacker.session.sign_in_password(victim.username, PASSWORD)  # type: ignore[attr-defined]
        assert limited.value.status == 429


def test_the_stream_cap_per_user_counts_streams_on_both_processes(pair: tuple[HubProcess, HubProcess],
                                                                 make_client: MakeClient,
                                                                 http: httpx.Client) -> None:
    first, second = pair
    owner, _bob, project_id = _team(first, make_client)
    readers = []  # kept: a reader let go of closes its connection
    with contextlib.ExitStack() as stack:
        for hub in (first, second):  # PER_USER_STREAMS = 2: one on each process
            response = stack.enter_context(_stream(http, hub, owner, project_id))
            assert response.status_code == 200
            readers.append(EventReader(response))
            assert readers[-1].next_named("presence") is not None
        for hub in (first, second):
            refused = http.get(f"{hub.url}/projects/{project_id}/events",
                               headers={"Authorization": f"Bearer {_token(owner)}"})
            assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_streams"
    # closed streams stop counting, wherever they were held
    with _stream(http, second, owner, project_id) as again:
        assert again.status_code == 200


def test_a_listing_published_through_one_process_is_found_through_the_other_at_once(
        pair: tuple[HubProcess, HubProcess], make_client: MakeClient, http: httpx.Client, tmp_path: Path) -> None:
    first, second = pair
    word = f"w{uuid.uuid4().hex[:10]}"
    before = http.get(f"{second.url}/listings", params={"q": word})  # now cached, for every process
    assert before.status_code == 200 and before.json()["items"] == []
    creator = make_client(first)
    listing = creator.market.publish(Publication(title=f"Ribbed {word} planter", category="vases", licence="CC-BY",
                                                 files=[stl_file(tmp_path)], description="A planter.", tags=["pot"]))
    after = http.get(f"{second.url}/listings", params={"q": word})
    assert [item["id"] for item in after.json()["items"]] == [listing.id]


def test_a_tus_upload_started_on_one_process_and_finished_on_the_other_is_byte_exact(
        pair: tuple[HubProcess, HubProcess], make_client: MakeClient, http: httpx.Client) -> None:
    first, second = pair  # separate data folders: only the object store is shared, as between machines
    uploader = make_client(first)
    token = _token(uploader)
    data = os.urandom(3 * 1024 * 1024 + 12345)
    digest = hashlib.sha256(data).hexdigest()
    created = tus.create(first, token, len(data), **{"Upload-Metadata": "filename cG90LnN0bA=="})
    assert created.status_code == 201, created.text
    location = created.headers["location"]
    upload_id = location.rsplit("/", 1)[1]
    cut = 1024 * 1024 + 7
    assert tus.patch(location, token, 0, data[:cut]).status_code == 204
    on_second = f"{second.url}/uploads/{upload_id}"
    head = http.head(on_second, headers=tus.auth(token))
    assert head.headers["upload-offset"] == str(cut)
    finished = tus.patch(on_second, token, cut, data[cut:])
    assert finished.status_code == 204 and finished.headers["upload-offset"] == str(len(data))

    listing = http.post(f"{second.url}/listings", headers={"Authorization": f"Bearer {token}"}, json={
        "title": "Pot across machines", "category": "vases", "licence": "CC0",
        "files": [{"name": "pot.stl", "upload_id": upload_id}]})
    assert listing.status_code == 201, listing.text
    file_url = listing.json()["files"][0]["url"]
    # the file does not go through the hub: a redirect to a presigned URL of the object store
    answer = http.get(f"{first.url}{urlsplit(file_url).path}", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 307
    store = urlsplit(answer.headers["location"])
    assert store.port != urlsplit(first.url).port and "X-Amz-Signature" in store.query
    fetched = httpx.get(answer.headers["location"], timeout=60)
    assert fetched.status_code == 200 and hashlib.sha256(fetched.content).hexdigest() == digest


def test_a_buyer_downloads_through_the_other_process_with_the_app_client(
        pair: tuple[HubProcess, HubProcess], make_client: MakeClient, tmp_path: Path) -> None:
    first, second = pair
    creator = make_client(first)
    model = stl_file(tmp_path / "made")
    thumbnail = png_file(tmp_path / "made")
    listing = creator.market.publish(Publication(title="Shared shelf pot", category="vases", licence="CC-BY",
                                                 files=[model], description="A pot.", tags=["pot"],
                                                 thumbnail=thumbnail))
    buyer = make_client(second)
    saved = buyer.market.get(listing.id, tmp_path / "got")
    assert [path.read_bytes() for path in saved if path.suffix == ".stl"] == [model.read_bytes()]
    assert buyer.market.thumbnail(listing.id) == thumbnail.read_bytes()
    # the image's presigned URL is reused (hub.storage_s3.PresignedImages), and the store still takes it
    first_ask, second_ask = (httpx.get(f"{second.url}/listings/{listing.id}/thumbnail") for _ in range(2))
    assert first_ask.status_code == second_ask.status_code == 307
    assert first_ask.headers["location"] == second_ask.headers["location"]
    assert httpx.get(second_ask.headers["location"], timeout=60).content == thumbnail.read_bytes()
