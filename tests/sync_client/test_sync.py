"""Offline outbox and sync: edits made offline by two people, merged or kept, never lost."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from core.document.document import Document
from core.tasks import Task
from sync_client.client import HubClient
from sync_client.errors import HubUnavailable
from sync_client.publish_queue import PublishQueue
from sync_client.sync import SyncStatus
from tests.hub.fixtures import FAST_RETRY, PASSWORD, MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def _local_edit(doc: dict[str, object], **values: float) -> dict[str, object]:
    document = Document.from_json(doc)
    for name, value in values.items():
        document.set_param_value(name, value)
    return document.to_json()


def _team(hub: HubProcess, make_client: MakeClient) -> tuple[HubClient, HubClient, int]:
    alice, bob = make_client(hub), make_client(hub)
    project = alice.projects.create("Shared planter", planter_json())
    invitation = alice.projects.invite(project.id, bob.username, "editor")  # type: ignore[attr-defined]
    bob.projects.answer(invitation.id, accept=True)
    for client in (alice, bob):
        client.sync.sync([project.id])
    return alice, bob, project.id


def test_offline_edits_of_two_people_merge(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    alice, bob, project_id = _team(sqlite_hub, make_client)
    statuses: list[SyncStatus] = []
    bob.sync.status_changed.connect(statuses.append)

    sqlite_hub.kill()  # both go offline and keep working
    alice.sync.record(project_id, "set_param", {"name": "width", "value": 130})
    bob.sync.record(project_id, "set_param", {"name": "height", "value": 75})
    bob.sync.record(project_id, "update_node", {"node": "handle", "props": {"r": 6}})
    offline = bob.sync.sync()
    assert (offline.state, offline.pending) == ("offline", 2)
    assert statuses[-1].state == "offline"

    sqlite_hub.start()  # back online
    assert alice.sync.sync().state == "synced"
    remote: list[int] = []
    bob.sync.remote_ops.connect(lambda _pid, ops: remote.extend(o.rev for o in ops))
    assert bob.sync.sync().state == "synced"
    assert remote == [1, 2, 3]  # bob saw alice's edit and his own, in order
    head = alice.projects.head(project_id)
    doc = Document.from_json(head.document)
    assert (doc.param("width").value, doc.param("height").value, doc.node("handle").props["r"]) == (130, 75, 6)
    assert statuses[-1] == SyncStatus("synced")


def test_clash_is_kept_as_a_version_and_the_user_chooses(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    alice, bob, project_id = _team(sqlite_hub, make_client)
    alice.sync.record(project_id, "remove_node", {"node": "handle"})
    mine = Document.from_json(planter_json())
    mine.update_node("handle", {"h": 25})
    mine.set_param_value("wall", 3)
    bob.sync.record(project_id, "update_node", {"node": "handle", "props": {"h": 25}})
    bob.sync.record(project_id, "set_param", {"name": "wall", "value": 3}, local_document=mine.to_json())
    alice.sync.sync()
    conflicts = []
    bob.sync.conflict_added.connect(conflicts.append)

    status = bob.sync.sync()
    assert (status.state, status.conflicts, status.pending) == ("conflict", 1, 0)
    record = conflicts[0]
    assert record.mine == mine.to_json() and record.theirs_rev >= 1
    assert "handle" not in {n["id"] for n in record.theirs["root"]["children"]}
    assert record.kept_as in [v.name for v in bob.projects.versions(project_id)]  # kept on the hub too
    wall = Document.from_json(bob.projects.head(project_id).document).param("wall").value
    assert wall == 3  # the disjoint edit merged even though its neighbour clashed

    final = bob.sync.resolve(record.id, "mine")
    assert (final.state, final.conflicts) == ("synced", 0)
    head = Document.from_json(alice.projects.head(project_id).document)
    assert head.node("handle").props["h"] == 25 and head.param("wall").value == 3
    history = [op.kind for op in alice.projects.feed(project_id, 0).ops]
    assert history == ["remove_node", "set_param", "replace"]  # alice's removal is still in the log


def test_outbox_survives_a_restart_and_failures_stay_visible(sqlite_hub: HubProcess, make_client: MakeClient,
                                                             tmp_path: Path) -> None:
    owner = make_client(sqlite_hub)
    project = owner.projects.create("Pot", planter_json())
    owner.sync.sync([project.id])
    owner.sync.record(project.id, "set_param", {"name": "width", "value": 140})
    owner.sync.record(project.id, "set_param", {"name": "wall", "value": 99})  # out of range: refused for good
    owner.sync.record(project.id, "set_param", {"name": "height", "value": 40})
    owner.close()  # the app quits before syncing

    again = HubClient(sqlite_hub.url, state_dir=tmp_path / owner.username, profile=owner.username,  # type: ignore[attr-defined]
                      retry=FAST_RETRY)
    try:
        assert again.sync.status().pending == 3
        status = again.sync.sync()
        assert (status.state, status.pending, status.failed) == ("synced", 0, 1)
        failed = again.outbox.ops(state="failed")
        assert failed[0].args == {"name": "wall", "value": 99} and "wall" in failed[0].error.lower()
        doc = Document.from_json(again.projects.head(project.id).document)
        assert (doc.param("width").value, doc.param("height").value) == (140, 40)
    finally:
        again.close()


def test_signed_out_keeps_the_queue(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    owner = make_client(sqlite_hub)
    project = owner.projects.create("Pot", planter_json())
    owner.session.sign_out()
    owner.sync.record(project.id, "set_param", {"name": "width", "value": 140})
    status = owner.sync.sync()
    assert (status.state, status.pending) == ("signed_out", 1)
    owner.session.sign_in_password(owner.username, PASSWORD)  # type: ignore[attr-defined]
    assert owner.sync.sync().state == "synced"


def test_publishing_offline_queues_until_the_hub_is_back(sqlite_hub: HubProcess, make_client: MakeClient,
                                                         tmp_path: Path) -> None:
    from sync_client.api.market import Publication
    from tests.sync_client.samples import stl_file

    maker = make_client(sqlite_hub)
    export = stl_file(tmp_path / "export", "lantern.stl")
    sqlite_hub.kill()
    queue = maker.publications
    queue.add(Publication(title="Paper lantern base", category="art", licence="CC0", files=[export]))
    queue.add(Publication(title="Lantern remix", category="art", licence="CC0", files=[export], remix_of=999_999))
    assert [e.title for e in queue.entries("pending")] == ["Paper lantern base", "Lantern remix"]
    export.unlink()  # the temporary export is gone; the queue kept its own copy
    with pytest.raises(HubUnavailable):
        queue.send(maker.market)  # still offline: nothing lost
    assert len(queue.entries("pending")) == 2
    queue = PublishQueue(queue.folder)  # the app was restarted meanwhile

    sqlite_hub.start()
    [listing] = queue.send(maker.market)
    assert queue.entries("pending") == []
    [failed] = queue.entries("failed")  # refused for good: kept with the hub's reason, not dropped
    assert failed.title == "Lantern remix" and failed.error
    assert [i.id for i in maker.market.search("lantern").items] == [listing.id]


def test_following_a_quiet_project_stops_soon_after_cancel(sqlite_hub: HubProcess, make_client: MakeClient) -> None:
    alice, bob, project_id = _team(sqlite_hub, make_client)
    heard: list[int] = []
    bob.sync.remote_ops.connect(lambda _pid, ops: heard.extend(op.rev for op in ops))
    task = Task()
    follower = threading.Thread(target=bob.sync.follow, args=(project_id, task), daemon=True)
    follower.start()
    alice.sync.record(project_id, "set_param", {"name": "width", "value": 120})
    alice.sync.sync([project_id])
    deadline = time.monotonic() + 15
    while not heard and time.monotonic() < deadline:
        time.sleep(0.05)
    assert heard == [1]
    time.sleep(0.5)  # nothing happens on the project any more: only keep-alives arrive
    task.cancel()
    follower.join(10)  # before: it waited for the next op, which on a quiet project never comes
    assert not follower.is_alive(), "the live stream ignored the cancel while the project was quiet"
    assert bob.sync.outbox.checkpoint(project_id) == 1
