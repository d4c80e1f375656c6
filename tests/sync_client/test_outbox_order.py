"""The outbox sends edits in the order they were made, and a failed edit the user retries is queued again
(issue 16: pushing newest-first and a retry that did nothing both went unnoticed by the tests). And what the sync
engine does with no hub in reach (a closed port): edits are queued whole and in order, a drag is one op, the user
keeps seeing their copy, and the indicator says offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.document import Document, Node, Parameter
from sync_client.client import HubClient
from sync_client.outbox import Outbox
from sync_client.sync import SyncStatus

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on the discard port: every request fails to connect


def _pot() -> dict[str, object]:
    return Document("pot", params=[Parameter("height", 80, min=10, max=300)],
                    root=Node("union", id="root", children=[Node("cylinder", {"r": 20, "h": "=height"}, id="body")])
                    ).to_json()


def test_queued_ops_come_out_oldest_first(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    made = [outbox.add(7, "set_param", {"name": "width", "value": v}).op_id for v in (100, 110, 120)]
    outbox.add(8, "set_param", {"name": "width", "value": 1})
    assert [op.op_id for op in outbox.ops(7)] == made
    assert [op.args["value"] for op in outbox.in_flight(7)] == [100, 110, 120]
    assert outbox.projects_with_pending() == [7, 8]


def test_retrying_a_failed_op_queues_it_again(tmp_path: Path) -> None:
    client = HubClient("http://127.0.0.1:9", state_dir=tmp_path)
    op = client.outbox.add(7, "set_param", {"name": "width", "value": 100})
    client.outbox.mark(op.op_id, "failed", "refused")
    assert client.sync.status().failed == 1
    statuses: list[SyncStatus] = []
    client.sync.status_changed.connect(statuses.append)
    client.sync.retry_failed(op.op_id)
    assert [o.op_id for o in client.outbox.ops(7)] == [op.op_id]
    assert client.sync.status().failed == 0 and client.sync.status().pending == 1
    assert statuses and statuses[-1].pending == 1  # the indicator hears of it


def test_a_queued_op_reads_back_whole_and_each_list_holds_only_its_state_and_project(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    outbox.set_checkpoint(7, 4)
    first = outbox.add(7, "set_param", {"name": "width", "value": 100})
    second = outbox.add(7, "add_node", {"parent": "root"}, base_rev=2)
    other = outbox.add(8, "set_param", {"name": "width", "value": 1})
    outbox.mark(second.op_id, "failed", "refused by the hub")
    assert outbox.ops(7) == [first] and first.base_rev == 4 and first.state == "pending"
    [failed] = outbox.ops(7, state="failed")
    assert (failed.seq, failed.project_id, failed.op_id, failed.base_rev, failed.kind, failed.args, failed.state,
            failed.error) == (second.seq, 7, second.op_id, 2, "add_node", {"parent": "root"}, "failed",
                              "refused by the hub")
    assert outbox.ops() == [first, other] and outbox.ops(8) == [other]


def test_the_queue_survives_a_restart_of_the_app(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "state" / "outbox.sqlite")  # its folder is made on first use
    queued = outbox.add(7, "set_param", {"name": "width", "value": 100})
    outbox.set_local_document(7, {"name": "pot"})
    outbox.close()
    reopened = Outbox(tmp_path / "state" / "outbox.sqlite")
    assert reopened.ops(7) == [queued] and reopened.local_document(7) == {"name": "pot"}


def test_an_op_keeps_the_id_it_was_given_and_is_found_by_it(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    op = outbox.add(7, "set_param", {"name": "width", "value": 100}, op_id="edit-1")
    assert op.op_id == "edit-1" and outbox.op("edit-1") == op and outbox.op("no-such-op") is None
    assert len({outbox.add(7, "set_param", {}).op_id for _ in range(3)}) == 3


def test_a_drag_folds_into_its_queued_op_but_never_into_one_already_sent(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    op = outbox.add(7, "set_param", {"name": "width", "value": 100})
    outbox.fold(op.op_id, {"name": "width", "value": 120})
    assert outbox.ops(7)[0].args == {"name": "width", "value": 120}
    outbox.sent(op.op_id)
    outbox.fold(op.op_id, {"name": "width", "value": 140})
    [sent] = outbox.in_flight(7)
    assert (sent.state, sent.args["value"]) == ("sent", 120) and outbox.ops(7) == []


def test_sent_ops_stay_in_view_before_pending_ones_until_the_feed_brings_them(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    first, second, third = (outbox.add(7, "set_param", {"value": v}) for v in (1, 2, 3))
    failed = outbox.add(7, "set_param", {"value": 4})
    outbox.mark(failed.op_id, "failed", "refused")
    outbox.sent(first.op_id)
    assert outbox.in_flight(7) == [outbox.op(first.op_id), second, third] and outbox.in_flight(8) == []
    assert outbox.in_flight(7)[0].state == "sent"
    outbox.arrived([first.op_id, second.op_id, failed.op_id])
    assert [o.op_id for o in outbox.in_flight(7)] == [third.op_id]
    assert outbox.op(failed.op_id) is not None  # a failure stays visible, whatever the feed says


def test_counts_show_each_state_and_open_conflicts(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    assert outbox.counts() == {"pending": 0, "failed": 0, "conflict": 0, "conflicts": 0}
    ops = [outbox.add(7, "set_param", {"value": v}) for v in range(4)]
    outbox.mark(ops[0].op_id, "failed", "refused")
    outbox.mark(ops[1].op_id, "conflict")
    outbox.sent(ops[2].op_id)
    done = outbox.add_conflict(7, None, {"name": "theirs"}, 3, [ops[1].op_id], "clash")
    outbox.add_conflict(7, None, {"name": "theirs"}, 4, [], "another clash")
    outbox.resolve_conflict(done, "theirs")
    assert outbox.counts() == {"pending": 1, "failed": 1, "conflict": 1, "sent": 1, "conflicts": 1}


def test_the_checkpoint_never_goes_back_and_new_ops_are_based_on_it(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    assert outbox.checkpoint(7) == 0 and outbox.head(7) is None
    outbox.set_checkpoint(7, 5)
    outbox.set_checkpoint(7, 3)  # a late, older feed page
    assert outbox.checkpoint(7) == 5 and outbox.add(7, "set_param", {}).base_rev == 5
    outbox.set_head(7, 9, {"name": "pot"})
    assert outbox.head(7) == (9, {"name": "pot"}) and outbox.checkpoint(7) == 9 and outbox.checkpoint(8) == 0


def test_leaving_a_project_drops_its_head_and_queue_but_keeps_the_local_copy_and_other_projects(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    outbox.set_head(7, 9, {"name": "pot"})
    outbox.set_head(8, 2, {"name": "vase"})
    outbox.set_local_document(7, {"name": "my pot"})
    outbox.set_local_document(7, {"name": "my pot, edited"})
    mine, failed, other = (outbox.add(p, "set_param", {}) for p in (7, 7, 8))
    outbox.mark(failed.op_id, "failed", "refused")
    outbox.forget_project(7)
    assert outbox.head(7) is None and outbox.checkpoint(7) == 0 and outbox.local_document(7) == {
        "name": "my pot, edited"}
    gone = outbox.op(mine.op_id)
    assert gone is not None and (gone.state, gone.error) == ("resolved", "removed from the project")
    assert outbox.ops(7, state="failed") == [outbox.op(failed.op_id)] and outbox.ops(8) == [other]
    assert outbox.head(8) == (2, {"name": "vase"}) and outbox.local_document(8) is None


def test_a_conflict_keeps_both_documents_its_ops_and_how_it_was_settled(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    first = outbox.add_conflict(7, {"name": "mine"}, {"name": "theirs"}, 4, ["a"], "clash on width")
    second = outbox.add_conflict(8, None, {"name": "other"}, 1, [], "clash on depth")
    outbox.add_to_conflict(first, "b")
    outbox.set_kept_as(first, "Conflict copy 1")
    record = outbox.conflict(first)
    assert (record.id, record.project_id, record.mine, record.theirs, record.theirs_rev, record.op_ids,
            record.message, record.kept_as, record.resolution) == (
        first, 7, {"name": "mine"}, {"name": "theirs"}, 4, ["a", "b"], "clash on width", "Conflict copy 1", None)
    assert [c.id for c in outbox.conflicts()] == [first, second] and [c.id for c in outbox.conflicts(8)] == [second]
    assert outbox.conflict(second).mine is None
    outbox.resolve_conflict(first, "mine")
    assert [c.id for c in outbox.conflicts()] == [second] and outbox.conflicts(7) == []
    assert outbox.conflict(first).resolution == "mine"
    assert [c.id for c in outbox.conflicts(7, include_resolved=True)] == [first]
    with pytest.raises(KeyError, match="99"):
        outbox.conflict(99)


def test_a_resumable_upload_is_remembered_until_it_is_done(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    assert outbox.upload_url("ab12") is None
    outbox.set_upload_url("ab12", "http://hub/files/1")
    outbox.set_upload_url("ab12", "http://hub/files/2")
    outbox.set_upload_url("cd34", "http://hub/files/3")
    assert outbox.upload_url("ab12") == "http://hub/files/2"
    outbox.set_upload_url("ab12", None)
    assert outbox.upload_url("ab12") is None and outbox.upload_url("cd34") == "http://hub/files/3"


def test_a_drag_made_offline_is_one_queued_op_with_its_last_value(tmp_path: Path) -> None:
    engine = HubClient(UNREACHABLE, state_dir=tmp_path).sync
    for value in (100, 110, 120):
        engine.record(7, "set_param", {"name": "width", "value": value})
    engine.record(7, "update_node", {"node": "lid", "props": {"h": 1}})
    engine.record(7, "update_node", {"node": "lid", "props": {"r": 2}, "name": "Lid"})
    engine.record(7, "update_node", {"node": "body", "props": {"r": 3}})
    engine.record(7, "set_param", {"name": "depth", "value": 3})
    engine.record(7, "set_param", {"name": "width", "value": 130})  # the width slider again, after other edits
    engine.record(7, "update_node", {"node": "base", "name": "Foot"})  # a name typed letter by letter
    engine.record(7, "update_node", {"node": "base", "name": "Foot 2"})
    assert [(op.kind, op.args) for op in engine.outbox.ops(7)] == [
        ("set_param", {"name": "width", "value": 120}),
        ("update_node", {"node": "lid", "props": {"h": 1, "r": 2}, "name": "Lid"}),
        ("update_node", {"node": "body", "props": {"r": 3}}),
        ("set_param", {"name": "depth", "value": 3}), ("set_param", {"name": "width", "value": 130}),
        ("update_node", {"node": "base", "name": "Foot 2", "props": {}})]


def test_the_indicator_says_synced_with_nothing_queued_and_conflict_while_one_is_open(tmp_path: Path) -> None:
    engine = HubClient(UNREACHABLE, state_dir=tmp_path).sync
    assert engine.status() == SyncStatus("synced")
    engine.outbox.add_conflict(7, None, {"name": "theirs"}, 4, [], "clash on width")
    engine.record(7, "set_param", {"name": "width", "value": 100})
    assert engine.status() == SyncStatus("conflict", pending=1, conflicts=1)


def test_offline_the_user_keeps_their_copy_and_the_indicator_says_offline_with_the_reason(tmp_path: Path) -> None:
    engine = HubClient(UNREACHABLE, state_dir=tmp_path).sync
    heard: list[SyncStatus] = []
    engine.status_changed.connect(heard.append)
    engine.record(7, "set_param", {"name": "width", "value": 100}, local_document={"name": "pot", "width": 100})
    assert engine.document(7) == {"name": "pot", "width": 100} and engine.status() == SyncStatus("pending", 1)
    after = engine.sync()
    reason = "Cannot reach the hub at http://127.0.0.1:9 (ConnectError)."
    assert after == SyncStatus("offline", 1, message=reason)
    assert [s.state for s in heard] == ["pending", "syncing", "offline"]
    engine.record(7, "set_param", {"name": "depth", "value": 3})  # still offline: the indicator does not flicker
    assert heard[-1] == SyncStatus("offline", 2, message=reason) and len(engine.outbox.ops(7)) == 2


def test_a_change_to_a_project_whose_head_was_never_read_is_queued_as_the_whole_document(tmp_path: Path) -> None:
    engine = HubClient(UNREACHABLE, state_dir=tmp_path).sync
    [op] = engine.record_document(8, {"name": "vase"})
    assert (op.kind, op.args, op.project_id) == ("replace", {"document": {"name": "vase"}}, 8)


def test_offline_edits_replay_on_the_last_head_and_one_wrong_in_itself_is_queued_with_its_reason(
        tmp_path: Path) -> None:
    engine = HubClient(UNREACHABLE, state_dir=tmp_path).sync
    engine.outbox.set_head(7, 3, _pot())  # read from the hub in an earlier session
    edited = Document.from_json(_pot())
    edited.set_param_value("height", 120)
    edited.update_node("body", {"r": 25})
    ops = engine.record_document(7, edited.to_json())
    assert [(op.kind, op.args, op.base_rev) for op in ops] == [
        ("set_param", {"name": "height", "value": 120}, 3), ("update_node", {"node": "body", "props": {"r": 25}}, 3)]
    assert engine.document(7) == edited.to_json()
    engine.record(7, "set_param", {"name": "height", "value": 130})
    wrong = engine.record(7, "set_param", {"name": "height", "value": 5000})  # not folded into the 130 step
    again = engine.record(7, "set_param", {"name": "height", "value": 6000})  # not folded into the wrong one
    queued = [engine.outbox.op(op.op_id) for op in (wrong, again)]
    assert [op.error for op in queued if op] == ["Height must be at most 300 mm."] * 2 and wrong.op_id != again.op_id
    edited.set_param_value("height", 130)
    assert engine.document(7) == edited.to_json()  # the wrong edits do not reach what the user sees

