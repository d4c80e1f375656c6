"""Shared projects: roles, privacy, metadata concurrency, op log, feed, live events, versions, comments."""

from __future__ import annotations

import threading
import uuid

import httpx
import pytest

from sync_client.client import HubClient
from sync_client.errors import Conflict, NotFound, PermissionDenied, PreconditionFailed, Rejected
from sync_client.models import Presence, RemoteOp
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def _shared(owner: HubClient, other: HubClient, role: str = "editor") -> int:
    project = owner.projects.create("Balcony planter", planter_json())
    invitation = owner.projects.invite(project.id, other.username, role)  # type: ignore[attr-defined]
    assert [i.id for i in other.projects.invitations()] == [invitation.id]
    assert other.projects.answer(invitation.id, accept=True).status == "accepted"
    return project.id


def test_private_project_is_invisible_to_strangers(hub: HubProcess, make_client: MakeClient) -> None:
    owner, stranger = make_client(hub), make_client(hub)
    project = owner.projects.create("Secret pot", planter_json())
    with pytest.raises(NotFound):
        stranger.projects.get(project.id)
    with pytest.raises(NotFound):
        stranger.projects.head(project.id)
    with pytest.raises(NotFound):
        stranger.projects.send_op(project.id, uuid.uuid4().hex, 0, "set_param", {"name": "width", "value": 50})
    assert stranger.projects.mine() == []


def test_viewer_reads_but_cannot_edit_or_comment(hub: HubProcess, make_client: MakeClient) -> None:
    owner, viewer = make_client(hub), make_client(hub)
    project_id = _shared(owner, viewer, "viewer")
    assert viewer.projects.head(project_id).rev == 0
    with pytest.raises(PermissionDenied, match="viewer"):
        viewer.projects.send_op(project_id, uuid.uuid4().hex, 0, "set_param", {"name": "width", "value": 50})
    with pytest.raises(PermissionDenied):
        viewer.projects.comment(project_id, "nice")
    owner.projects.set_role(project_id, viewer.username, "commenter")  # type: ignore[attr-defined]
    assert viewer.projects.comment(project_id, "nice").body == "nice"
    assert {m.username: m.role for m in owner.projects.members(project_id)} == {
        owner.username: "owner", viewer.username: "commenter"}  # type: ignore[attr-defined]


def test_metadata_needs_if_match(hub: HubProcess, make_client: MakeClient) -> None:
    owner, editor = make_client(hub), make_client(hub)
    project_id = _shared(owner, editor)
    _, etag = owner.projects.get(project_id)
    _, editor_etag = editor.projects.get(project_id)
    with pytest.raises(PreconditionFailed) as missing:
        owner.projects.update(project_id, "", name="No tag")
    assert missing.value.status == 428
    renamed, new_etag = owner.projects.update(project_id, etag, name="Herb planter")
    assert renamed.name == "Herb planter" and new_etag != etag
    with pytest.raises(PreconditionFailed) as stale:
        editor.projects.update(project_id, editor_etag, name="Mint planter")
    assert stale.value.status == 412
    assert editor.projects.get(project_id)[0].name == "Herb planter"  # the stale write changed nothing


def test_ops_are_idempotent_and_rebased(hub: HubProcess, make_client: MakeClient) -> None:
    owner, editor = make_client(hub), make_client(hub)
    project_id = _shared(owner, editor)
    op_id = uuid.uuid4().hex
    first = owner.projects.send_op(project_id, op_id, 0, "set_param", {"name": "width", "value": 120})
    again = owner.projects.send_op(project_id, op_id, 0, "set_param", {"name": "width", "value": 120})
    assert (first.rev, again.rev, again.head_rev) == (1, 1, 1)  # a replay does not apply twice
    other = editor.projects.send_op(project_id, uuid.uuid4().hex, 0, "set_param", {"name": "height", "value": 60})
    assert other.rev == 2 and other.rebased
    same = editor.projects.send_op(project_id, uuid.uuid4().hex, 0, "set_param", {"name": "width", "value": 140})
    assert same.rev == 3  # same parameter: last writer wins
    head = owner.projects.head(project_id)
    values = {p["name"]: p["value"] for p in head.document["parameters"]}
    assert (head.rev, values["width"], values["height"]) == (3, 140, 60)
    feed = owner.projects.feed(project_id, since=1)
    assert [(o.rev, o.author) for o in feed.ops] == [(2, editor.username), (3, editor.username)]


def test_structural_clash_answers_409_with_head(hub: HubProcess, make_client: MakeClient) -> None:
    owner, editor = make_client(hub), make_client(hub)
    project_id = _shared(owner, editor)
    owner.projects.send_op(project_id, uuid.uuid4().hex, 0, "remove_node", {"node": "handle"})
    with pytest.raises(Conflict) as clash:
        editor.projects.send_op(project_id, uuid.uuid4().hex, 0, "update_node", {"node": "handle", "props": {"h": 20}})
    assert clash.value.head is not None and clash.value.head["rev"] == 1
    with pytest.raises(Conflict, match="no longer exists"):
        editor.projects.send_op(project_id, uuid.uuid4().hex, 0, "remove_param", {"name": "wall"})
    with pytest.raises(Rejected, match="no longer exists"):  # on the head itself: wrong, not a clash
        editor.projects.send_op(project_id, uuid.uuid4().hex, 1, "remove_param", {"name": "wall"})
    with pytest.raises(Rejected, match="[Ww]all"):  # a bad value is refused whatever its base
        editor.projects.send_op(project_id, uuid.uuid4().hex, 0, "set_param", {"name": "wall", "value": 99})


def test_live_events_reach_a_collaborator(hub: HubProcess, make_client: MakeClient) -> None:
    owner, editor = make_client(hub), make_client(hub)
    project_id = _shared(owner, editor)
    received: list[RemoteOp] = []
    watching: list[Presence] = []
    ready = threading.Event()

    def listen() -> None:
        stream = editor.projects.events(project_id, since=0, on_presence=watching.append)
        ready.set()
        for op in stream:
            received.append(op)
            if len(received) == 2:
                break
        stream.close()  # hangs up the live connection

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    ready.wait(5)
    owner.projects.send_op(project_id, uuid.uuid4().hex, 0, "set_param", {"name": "width", "value": 110})
    owner.projects.send_op(project_id, uuid.uuid4().hex, 1, "set_param", {"name": "height", "value": 70})
    thread.join(15)
    assert [(o.rev, o.args["name"]) for o in received] == [(1, "width"), (2, "height")]
    assert watching[0].users == [editor.username]  # presence: who has the project open


def test_named_versions_are_immutable(hub: HubProcess, make_client: MakeClient) -> None:
    owner = make_client(hub)
    project = owner.projects.create("Pot", planter_json())
    v1 = owner.projects.create_version(project.id, "first print")
    owner.projects.send_op(project.id, uuid.uuid4().hex, 0, "set_param", {"name": "width", "value": 150})
    with pytest.raises(Conflict, match="never change"):
        owner.projects.create_version(project.id, "first print")
    assert owner.projects.version(project.id, v1.id).document == planter_json() | {
        "metadata": owner.projects.version(project.id, v1.id).document["metadata"]}
    assert [v.name for v in owner.projects.versions(project.id)] == ["first print"]
    put = httpx.put(f"{hub.url}/projects/{project.id}/versions/{v1.id}", json={})
    assert put.status_code == 405 and put.json()["error"]["code"]


def test_anchored_threaded_resolvable_comments(hub: HubProcess, make_client: MakeClient) -> None:
    owner, editor = make_client(hub), make_client(hub)
    project_id = _shared(owner, editor)
    pin = editor.projects.comment(project_id, "Wall looks thin here", node_id="body", anchor=(10.0, 0.0, 45.5))
    reply = owner.projects.comment(project_id, "Raised to 2.4", parent_id=pin.id)
    with pytest.raises(PermissionDenied):
        owner.projects.resolve_comment(project_id, reply.id)
    owner.projects.resolve_comment(project_id, pin.id)
    thread = editor.projects.comments(project_id)
    assert thread[0].anchor is not None and (thread[0].anchor.z, thread[0].node_id) == (45.5, "body")
    assert thread[0].resolved and thread[1].parent_id == pin.id
