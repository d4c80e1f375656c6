"""The outbox sends edits in the order they were made, and a failed edit the user retries is queued again
(issue 16: pushing newest-first and a retry that did nothing both went unnoticed by the tests)."""

from __future__ import annotations

from pathlib import Path

from sync_client.client import HubClient
from sync_client.outbox import Outbox


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
    statuses = []
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
