"""Clashes a designer meets, each kept and told, never swallowed: two designers' conflict copies made in
the same second, a value out of a range a collaborator just narrowed, being removed from a project
while holding unsent edits (the other projects keep syncing)."""

from __future__ import annotations

from core.document.document import Document
from core.document.parameters import Parameter
from sync_client.client import HubClient
from sync_client.sync import Removal, SyncStatus
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def _share(owner: HubClient, *others: HubClient, name: str = "Shared planter") -> int:
    project = owner.projects.create(name, planter_json())
    for other in others:
        invitation = owner.projects.invite(project.id, other.username, "editor")  # type: ignore[attr-defined]
        other.projects.answer(invitation.id, accept=True)
    for client in (owner, *others):
        client.sync.open(project.id)
    return project.id


def _edit(client: HubClient, project_id: int, **values: float) -> None:
    doc = Document.from_json(client.sync.document(project_id))
    for name, value in values.items():
        doc.set_param_value(name, value)
    client.sync.record_document(project_id, doc.to_json())


def test_two_designers_first_conflicts_in_the_same_second_are_both_kept(sqlite_hub: HubProcess,
                                                                        make_client: MakeClient) -> None:
    owner, bea, caio = (make_client(sqlite_hub) for _ in range(3))
    project_id = _share(owner, bea, caio)
    for client in (bea, caio):  # both edit the handle offline...
        doc = Document.from_json(client.sync.document(project_id))
        doc.update_node("handle", {"h": 30})
        client.sync.record_document(project_id, doc.to_json())
    owner.sync.record(project_id, "remove_node", {"node": "handle"})  # ...which the owner removes meanwhile
    owner.sync.sync([project_id])

    for client in (bea, caio):
        assert client.sync.sync([project_id]).state == "conflict"
    kept = {v.name for v in owner.projects.versions(project_id)}
    names = [client.outbox.conflicts(project_id)[0].kept_as for client in (bea, caio)]
    assert None not in names and names[0] != names[1]  # before: both "conflict copy <second> #1", one refused
    assert set(names) <= kept
    assert all(name.startswith("Conflict copy ") for name in names)  # readable, then unique


def test_a_value_out_of_a_range_a_collaborator_narrowed_is_a_conflict_not_a_failure(
        sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    owner, bea = make_client(sqlite_hub), make_client(sqlite_hub)
    project_id = _share(owner, bea)
    _edit(bea, project_id, wall=6)  # valid on her copy (0.8..10)
    narrowed = Document.from_json(owner.sync.document(project_id))
    narrowed.set_param(Parameter("wall", 2.0, min=0.8, max=4), "wall")
    owner.sync.record_document(project_id, narrowed.to_json())
    owner.sync.sync([project_id])
    added: list[object] = []
    bea.sync.conflict_added.connect(added.append)

    status = bea.sync.sync([project_id])
    assert (status.state, status.conflicts, status.failed) == ("conflict", 1, 0)  # before: ("synced", 0, 1)
    [record] = bea.outbox.conflicts(project_id)
    assert added == [record] and "wall" in record.message.lower()
    assert Document.from_json(record.mine).param("wall").value == 6
    assert record.kept_as in {v.name for v in owner.projects.versions(project_id)}
    assert bea.sync.document(project_id) == owner.projects.head(project_id).document  # her view follows the hub


def test_a_wrong_value_of_ones_own_is_still_a_failure(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    owner = make_client(sqlite_hub)
    project = owner.projects.create("Pot", planter_json())
    owner.sync.open(project.id)
    owner.sync.record(project.id, "set_param", {"name": "wall", "value": 99})  # out of range on the copy too
    status = owner.sync.sync([project.id])
    assert (status.state, status.failed, status.conflicts) == ("synced", 1, 0)


def test_a_removed_member_is_told_who_removed_them_keeps_their_edits_and_the_rest_syncs(
        sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    owner, bea = make_client(sqlite_hub), make_client(sqlite_hub)
    lost_id = _share(owner, bea, name="Balcony planter")
    kept_id = _share(owner, bea, name="Kitchen pot")
    _edit(bea, lost_id, width=150)  # unsent when she is removed
    _edit(bea, kept_id, width=160)
    owner.projects.remove_member(lost_id, bea.username)  # type: ignore[attr-defined]
    removals: list[Removal] = []
    statuses: list[SyncStatus] = []
    bea.sync.removed.connect(removals.append)
    bea.sync.status_changed.connect(statuses.append)

    status = bea.sync.sync([lost_id, kept_id])
    assert status.state == "synced" and statuses[-1].state != "syncing"  # before: stuck at "syncing"
    [removal] = removals
    assert removal.message == f"You were removed from 'Balcony planter' by {owner.username}."  # type: ignore[attr-defined]
    assert (removal.project_name, removal.removed_by) == ("Balcony planter", owner.username)  # type: ignore[attr-defined]
    assert removal.document is not None and Document.from_json(removal.document).param("width").value == 150
    assert Document.from_json(owner.projects.head(kept_id).document).param("width").value == 160
    assert bea.sync.sync().state == "synced"  # the lost project is not retried for ever


def test_an_edit_too_large_for_the_hub_is_refused_as_such_and_the_rest_syncs(sqlite_hub: HubProcess,
                                                                            make_client: MakeClient) -> None:
    owner = make_client(sqlite_hub)
    project = owner.projects.create("Pot", planter_json())
    owner.sync.open(project.id)
    owner.sync.record(project.id, "update_node", {"node": "handle", "props": {"note": "x" * (9 * 1024 * 1024)}})
    _edit(owner, project.id, width=130)
    status = owner.sync.sync([project.id])
    assert (status.state, status.failed, status.pending) == ("synced", 1, 0)
    assert "too large" in status.message.lower()  # what the indicator's tooltip and details say
    [failed] = owner.outbox.ops(project.id, "failed")
    assert "too large" in failed.error.lower() and "8 MB" in failed.error
    assert Document.from_json(owner.projects.head(project.id).document).param("width").value == 130


def test_a_removal_heard_on_the_live_stream_is_told_once_and_ends_the_stream(sqlite_hub: HubProcess,
                                                                            make_client: MakeClient) -> None:
    import threading

    from core.tasks import Task

    owner, bea = make_client(sqlite_hub), make_client(sqlite_hub)
    project_id = _share(owner, bea, name="Herb box")
    removals: list[Removal] = []
    bea.sync.removed.connect(removals.append)
    task = Task()
    follower = threading.Thread(target=bea.sync.follow, args=(project_id, task), daemon=True)
    follower.start()
    _edit(owner, project_id, width=110)
    owner.sync.sync([project_id])
    owner.projects.remove_member(project_id, bea.username)  # type: ignore[attr-defined]
    follower.join(30)
    assert not follower.is_alive(), "the live stream went on after the removal"
    [removal] = removals
    assert removal.message == f"You were removed from 'Herb box' by {owner.username}."  # type: ignore[attr-defined]
    assert bea.sync.sync([project_id]).state == "synced" and len(removals) == 1  # told once, not retried
    task.cancel()


def test_a_viewers_edit_is_refused_and_leaves_their_copy(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    owner, vera = make_client(sqlite_hub), make_client(sqlite_hub)
    project = owner.projects.create("Pot", planter_json())
    invitation = owner.projects.invite(project.id, vera.username, "viewer")  # type: ignore[attr-defined]
    vera.projects.answer(invitation.id, accept=True)
    vera.sync.open(project.id)
    changed: list[int] = []
    vera.sync.document_changed.connect(changed.append)
    _edit(vera, project.id, width=200)
    status = vera.sync.sync([project.id])
    assert (status.state, status.failed) == ("synced", 1) and "viewer" in status.message
    assert project.id in changed  # the app redraws: her copy is the hub's head again, not her refused edit
    assert vera.sync.document(project.id) == owner.projects.head(project.id).document
