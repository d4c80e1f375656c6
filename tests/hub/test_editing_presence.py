"""Who edits which part, over real HTTP against uvicorn: an editor watching a project says which part
(node id) they are editing, the other watchers' `presence` events carry it, and the claim ends when it
is withdrawn or when the editor's stream closes. Viewers, strangers, non-watchers and malformed ids
are refused with the documented codes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest

from sync_client.client import HubClient
from sync_client.errors import Conflict, NotFound, PermissionDenied
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.hub.sse import Event, EventReader
from tests.sync_client.samples import planter_json

TIMEOUT = httpx.Timeout(30.0)


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT) as client:
        yield client


def _team(hub: HubProcess, make_client: MakeClient) -> tuple[HubClient, HubClient, HubClient, int]:
    """An owner, an editor and a viewer of one project."""
    owner, editor, viewer = make_client(hub), make_client(hub), make_client(hub)
    project = owner.projects.create("Lidded planter", planter_json())
    for member, role in ((editor, "editor"), (viewer, "viewer")):
        invitation = owner.projects.invite(project.id, member.username, role)  # type: ignore[attr-defined]
        member.projects.answer(invitation.id, accept=True)
    return owner, editor, viewer, project.id


def _watch(http: httpx.Client, hub: HubProcess, client: HubClient,
           project_id: int) -> contextlib.AbstractContextManager[httpx.Response]:
    return http.stream("GET", f"{hub.url}/projects/{project_id}/events",
                       headers={"Authorization": f"Bearer {client.session.access_token()}",
                                "Accept": "text/event-stream"})


def _presence_until(reader: EventReader, users: list[str], editing: dict[str, str]) -> Event:
    """Read presence events until one says exactly this (earlier ones describe the streams opening)."""
    while (event := reader.next_named("presence")) is not None:
        if event.data == {"users": sorted(users), "editing": editing}:
            return event
    raise AssertionError(f"the stream ended before presence showed {users} editing {editing}")


def test_the_part_an_editor_claims_reaches_the_other_watcher_and_ends_with_their_stream(
        hub: HubProcess, make_client: MakeClient, http: httpx.Client) -> None:
    owner, editor, _viewer, project_id = _team(hub, make_client)
    me, them = owner.username, editor.username  # type: ignore[attr-defined]
    with _watch(http, hub, owner, project_id) as owners:
        owner_hears = EventReader(owners)
        with _watch(http, hub, editor, project_id) as editors:
            editor_hears = EventReader(editors)
            _presence_until(owner_hears, [me, them], {})
            _presence_until(editor_hears, [me, them], {})

            answer = editor.projects.set_editing(project_id, "cyl12")
            assert answer.users == sorted([me, them]) and answer.editing == {them: "cyl12"}
            _presence_until(owner_hears, [me, them], {them: "cyl12"})

            owner.projects.set_editing(project_id, "root")  # the owner edits too: both are shown
            _presence_until(owner_hears, [me, them], {them: "cyl12", me: "root"})
            _presence_until(editor_hears, [me, them], {them: "cyl12", me: "root"})

            assert editor.projects.set_editing(project_id, None).editing == {me: "root"}  # deselected
            _presence_until(owner_hears, [me, them], {me: "root"})
            editor.projects.set_editing(project_id, "tor_3.lid")
            _presence_until(owner_hears, [me, them], {me: "root", them: "tor_3.lid"})
        # the editor closed the project (their only stream): they are neither here nor editing
        _presence_until(owner_hears, [me], {me: "root"})


def test_claims_are_refused_to_viewers_strangers_non_watchers_and_bad_ids(
        hub: HubProcess, make_client: MakeClient, http: httpx.Client) -> None:
    owner, editor, viewer, project_id = _team(hub, make_client)
    stranger = make_client(hub)
    with _watch(http, hub, viewer, project_id) as viewers:
        assert viewers.status_code == 200  # a viewer may watch, not claim a part
        with pytest.raises(PermissionDenied) as denied:
            viewer.projects.set_editing(project_id, "cyl12")
        assert denied.value.status == 403 and "viewer" in str(denied.value)
    with pytest.raises(NotFound):
        stranger.projects.set_editing(project_id, "cyl12")
    with pytest.raises(NotFound):
        owner.projects.set_editing(project_id + 10_000, "cyl12")
    with pytest.raises(Conflict) as not_watching:  # no stream open: the claim could never be cleared
        editor.projects.set_editing(project_id, "cyl12")
    assert not_watching.value.code == "not_watching"
    with _watch(http, hub, editor, project_id) as editors:
        assert editors.status_code == 200
        for bad in ("", "a" * 81, "../etc/passwd", "lid part", "<b>lid</b>", 12):
            refused = http.put(f"{hub.url}/projects/{project_id}/presence", json={"part": bad},
                               headers={"Authorization": f"Bearer {editor.session.access_token()}"})
            assert refused.status_code == 422, bad
            assert set(refused.json()) == {"error"}
        missing = http.put(f"{hub.url}/projects/{project_id}/presence", json={},
                           headers={"Authorization": f"Bearer {editor.session.access_token()}"})
        assert missing.status_code == 422  # an empty body does not silently clear the claim
