"""Two hosted hub processes (`--profile hosted`) sharing one PostgreSQL and one Redis, over real HTTP:
what one process learns, the other knows at once — an op and a removal reach streams held by the other,
both list everyone watching, the sign-in limit and the stream cap count across both, and a listing
published through one is found through the other in the very next search (no per-process cache)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync_client.api.market import Publication
from sync_client.client import HubClient
from sync_client.errors import NotSignedIn
from tests.hub.fixtures import PASSWORD, MakeClient
from tests.hub.services import REPO, SECRET, HubProcess, Postgres, Redis
from tests.hub.sse import EventReader
from tests.sync_client.samples import planter_json, stl_file

TIMEOUT = httpx.Timeout(30.0)
PER_USER_STREAMS = 2


def migrate(db_url: str) -> str:
    """`python -m hub migrate --db URL`, as a deployment runs it once before the workers start."""
    done = subprocess.run([sys.executable, "-m", "hub", "migrate", "--db", db_url], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "POTSTUDIO_HUB_SECRET": SECRET}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def hosted(db_url: str, folder: Path, redis: Redis, *more: str) -> HubProcess:
    process = HubProcess(db_url, folder, extra=["--profile", "hosted", "--redis-url", redis.url,
                                                "--stream-recheck", "3600", "--payments", "test", *more])
    return process


@pytest.fixture(scope="module")
def pair(postgres: Postgres, redis_server: Redis, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[HubProcess, HubProcess]]:
    db_url = postgres.create_database()
    migrate(db_url)
    shared = tmp_path_factory.mktemp("hosted-shared")  # both read the same signing secret and blobs
    first = hosted(db_url, shared, redis_server, "--max-streams-per-user", str(PER_USER_STREAMS))
    # one public address, as behind a proxy: tokens name the hub they were issued by
    second = hosted(db_url, shared, redis_server, "--max-streams-per-user", str(PER_USER_STREAMS),
                    "--public-url", first.url)
    first.extra += ["--public-url", first.url]
    second.log = shared / "second.log"
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
                                                        tmp_path: Path) -> None:
    worker = hosted(postgres.create_database(), tmp_path / "w", redis_server)
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
