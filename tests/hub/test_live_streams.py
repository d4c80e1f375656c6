"""Live-update streams over real HTTP against uvicorn: open streams cost the hub no database connection
and no thread (other requests keep being answered), a member removed from a project stops hearing
its ops, streams are capped with 429 + Retry-After, and ops arrive (resuming after Last-Event-ID)."""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync_client.client import HubClient
from tests.hub.fixtures import PASSWORD, MakeClient
from tests.hub.services import HubProcess
from tests.hub.sse import EventReader
from tests.sync_client.samples import planter_json

TIMEOUT = httpx.Timeout(30.0)


def _token(client: HubClient) -> str:
    return client.session.access_token() or ""


def _team(hub: HubProcess, make_client: MakeClient, members: int) -> tuple[HubClient, list[HubClient], int]:
    owner = make_client(hub)
    project = owner.projects.create("Streamed planter", planter_json())
    others = [make_client(hub) for _ in range(members)]
    for other in others:
        invitation = owner.projects.invite(project.id, other.username, "editor")  # type: ignore[attr-defined]
        other.projects.answer(invitation.id, accept=True)
    return owner, others, project.id


def _open(http: httpx.Client, hub: HubProcess, token: str, project_id: int,
          **headers: str) -> contextlib.AbstractContextManager[httpx.Response]:
    return http.stream("GET", f"{hub.url}/projects/{project_id}/events",
                       headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream", **headers})


def _op(client: HubClient, project_id: int, value: float) -> int:
    return client.projects.send_op(project_id, uuid.uuid4().hex, client.projects.head(project_id).rev,
                                   "set_param", {"name": "width", "value": value}).rev


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT, limits=httpx.Limits(max_connections=200)) as client:
        yield client


def test_thirty_open_streams_leave_the_hub_answering(hub: HubProcess, make_client: MakeClient,
                                                     http: httpx.Client) -> None:
    owner, members, project_id = _team(hub, make_client, 2)
    watchers = [owner, *members]
    seen = _op(owner, project_id, 120)
    with contextlib.ExitStack() as stack:
        streams = []
        for i in range(30):  # each resumes after the op it has seen (Last-Event-ID)
            response = stack.enter_context(_open(http, hub, _token(watchers[i % 3]), project_id,
                                                 **{"Last-Event-ID": str(seen)}))
            assert response.status_code == 200
            streams.append(EventReader(response))
        # with every stream open, a plain request is answered (it used to wait for a free connection)
        assert owner.projects.get(project_id)[0].id == project_id
        listing = httpx.get(f"{hub.url}/listings", params={"q": "planter"}, timeout=TIMEOUT)
        assert listing.status_code == 200
        rev = _op(members[0], project_id, 140)
        for reader in streams:
            event = reader.next_named("op")
            assert event is not None and event.id == str(rev) and event.data["args"] == {"name": "width", "value": 140}


def test_a_removed_member_stops_hearing_the_project(hub: HubProcess, make_client: MakeClient,
                                                    http: httpx.Client) -> None:
    owner, (bob,), project_id = _team(hub, make_client, 1)
    with _open(http, hub, _token(bob), project_id) as response:
        reader = EventReader(response)
        before = _op(owner, project_id, 111)
        heard = reader.next_named("op")
        assert heard is not None and heard.id == str(before)

        owner.projects.remove_member(project_id, bob.username)  # type: ignore[attr-defined]
        _op(owner, project_id, 222)  # must not reach bob
        ending = reader.next_named("op", "revoked")
        assert ending is not None and ending.name == "revoked"
        assert ending.data["error"]["code"] == "removed"
        assert ending.data["error"]["message"] == f"You were removed from 'Streamed planter' by {owner.username}."  # type: ignore[attr-defined]
        assert reader.next() is None  # and the hub closed the stream


def test_a_deleted_project_ends_every_stream_with_its_reason(hub: HubProcess, make_client: MakeClient,
                                                             http: httpx.Client) -> None:
    """A wake checks membership alone (the project's document is not loaded); deleting the project
    takes its memberships with it, so the stream still ends, with the same words a request would get."""
    owner, (bob,), project_id = _team(hub, make_client, 1)
    with _open(http, hub, _token(bob), project_id) as response:
        reader = EventReader(response)
        heard = reader.next_named("op") if _op(owner, project_id, 111) else None
        assert heard is not None
        owner.projects.delete(project_id)
        ending = reader.next_named("op", "revoked")
        assert ending is not None and ending.name == "revoked"
        assert ending.data["error"]["code"] == "not_found" and "This project" in ending.data["error"]["message"]
        assert reader.next() is None


def test_watchers_hear_when_a_comment_is_written_resolved_or_reopened(hub: HubProcess, make_client: MakeClient,
                                                                      http: httpx.Client) -> None:
    owner, (bob,), project_id = _team(hub, make_client, 1)
    with _open(http, hub, _token(bob), project_id) as response:
        reader = EventReader(response)
        thread = owner.projects.comment(project_id, "Is this wall thick enough?", anchor=(10.0, 0.0, 40.0))
        heard = reader.next_named("comments", "op")
        assert heard is not None and heard.name == "comments"
        assert [c.body for c in bob.projects.comments(project_id)] == ["Is this wall thick enough?"]
        for resolved in (True, False):  # resolving and reopening are news too
            owner.projects.resolve_comment(project_id, thread.id, resolved)
            heard = reader.next_named("comments", "op")
            assert heard is not None and heard.name == "comments"
            assert [c.resolved for c in bob.projects.comments(project_id)] == [resolved]
        rev = _op(owner, project_id, 130)  # and an op is still an op, not a comment
        heard = reader.next_named("comments", "op")
        assert heard is not None and heard.name == "op" and heard.id == str(rev)


def test_removal_made_through_another_worker_ends_the_stream(tmp_path: Path, make_client: MakeClient,
                                                             http: httpx.Client) -> None:
    """Two hub processes on one database, as with --workers 2: a removal (and an op) made through one
    reaches streams served by the other, through the periodic recheck and the head poll."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    serving = HubProcess(url, tmp_path / "a", extra=["--stream-recheck", "1"]).start()
    other = HubProcess(url, tmp_path / "b").start()
    try:
        owner, (bob,), project_id = _team(serving, make_client, 1)
        owner_elsewhere = make_client(other, sign_in=False, name=f"{owner.username}-b")  # type: ignore[attr-defined]
        owner_elsewhere.session.sign_in_password(owner.username, PASSWORD)  # type: ignore[attr-defined]
        with _open(http, serving, _token(bob), project_id) as response:
            reader = EventReader(response)
            rev = _op(owner_elsewhere, project_id, 133)
            heard = reader.next_named("op")
            assert heard is not None and heard.id == str(rev)
            owner_elsewhere.projects.remove_member(project_id, bob.username)  # type: ignore[attr-defined]
            ending = reader.next_named("op", "revoked")
            assert ending is not None and ending.name == "revoked"
    finally:
        other.stop()
        serving.stop()


def test_streams_are_capped_per_user_and_per_hub(tmp_path: Path, make_client: MakeClient,
                                                 http: httpx.Client) -> None:
    hub = HubProcess(f"sqlite:///{tmp_path / 'capped.db'}", tmp_path / "capped",
                     extra=["--max-streams-per-user", "2", "--max-streams", "3"]).start()
    try:
        owner, (bob, carol), project_id = _team(hub, make_client, 2)
        with contextlib.ExitStack() as stack:
            mine = [stack.enter_context(_open(http, hub, _token(owner), project_id)) for _ in range(2)]
            assert [r.status_code for r in mine] == [200, 200]
            refused = stack.enter_context(_open(http, hub, _token(owner), project_id))
            refused.read()
            assert refused.status_code == 429
            assert int(refused.headers["retry-after"]) > 0
            assert refused.headers["content-type"].startswith("application/problem+json")
            problem = refused.json()
            assert problem["status"] == 429 and problem["error"]["code"] == "too_many_streams"
            assert "2 live connections" in problem["detail"]

            assert stack.enter_context(_open(http, hub, _token(bob), project_id)).status_code == 200
            busy = stack.enter_context(_open(http, hub, _token(carol), project_id))
            busy.read()
            assert busy.status_code == 429 and busy.json()["error"]["code"] == "hub_busy"
            assert "retry-after" in busy.headers

            mine[0].close()  # a stream that ends frees its place once the hub notices (its next write)
            deadline = time.monotonic() + 30
            while True:
                with _open(http, hub, _token(carol), project_id) as again:
                    if again.status_code == 200:
                        break
                    assert again.status_code == 429
                assert time.monotonic() < deadline, "the closed stream's place was never freed"
                time.sleep(0.2)
    finally:
        hub.stop()
