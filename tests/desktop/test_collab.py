"""Collaboration widgets against a real hub: the sync indicator follows pending / offline / synced,
a conflict is shown side by side and the user's choice resolves it, sharing invites by username,
comment pins and threads, and live updates from a collaborator."""

from __future__ import annotations

from pathlib import Path

import pytest
import pyvista as pv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.commands import CommandStack, SetParameters
from core.document.document import Document
from desktop.panels.collab.bridge import SyncBridge
from desktop.panels.collab.conflict import ConflictView
from desktop.panels.collab.invitations import InvitationsView
from desktop.panels.collab.live import SharedDocument
from desktop.panels.collab.panel import CollabPanel
from desktop.panels.collab.pins import ACTOR, OPEN_COLOUR, CommentPin, draw_pins
from desktop.panels.collab.sync_indicator import SyncIndicator
from sync_client.client import HubClient
from tests.desktop.market_support import market_hub_fixture, signed_in, workers_fixture  # noqa: F401
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json

pytestmark = pytest.mark.gui


@pytest.fixture
def bridges(qtbot):  # type: ignore[no-untyped-def]
    made: list[SyncBridge] = []
    yield made
    for bridge in made:
        bridge.close()


def team(hub_url: str, folder: Path) -> tuple[HubClient, HubClient, int]:
    alice, bob = signed_in(hub_url, folder), signed_in(hub_url, folder)
    project = alice.projects.create("Shared planter", planter_json())
    bob_name = bob.me().username
    invitation = alice.projects.invite(project.id, bob_name, "editor")
    bob.projects.answer(invitation.id, accept=True)
    for client in (alice, bob):
        client.sync.sync([project.id])
    return alice, bob, project.id


def test_sync_indicator_pending_offline_synced(qtbot, workers, bridges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub = HubProcess(f"sqlite:///{tmp_path / 'own.db'}", tmp_path / "own").start()
    try:
        client = signed_in(hub.url, tmp_path)
        project = client.projects.create("Pot", planter_json())
        bridge = SyncBridge(client.sync, workers, interval_ms=300)
        bridges.append(bridge)
        bridge.projects.add(project.id)
        indicator = SyncIndicator(bridge)
        qtbot.addWidget(indicator)
        indicator.show()
        bridge.start()
        qtbot.waitUntil(lambda: indicator.state == "synced", timeout=20_000)
        assert indicator.text() == "● Synced"

        hub.stop()
        client.sync.record(project.id, "set_param", {"name": "width", "value": 150})
        qtbot.waitUntil(lambda: indicator.state == "offline", timeout=30_000)
        assert indicator.text() == "● Offline · 1 pending"
        qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
        details = indicator.details
        assert details is not None and details.isVisible()
        assert details.pending.count() == 1 and "set_param" in details.pending.item(0).text()

        hub.start()
        qtbot.waitUntil(lambda: indicator.state == "synced", timeout=30_000)
        assert details.pending.count() == 0
        head = Document.from_json(client.projects.head(project.id).document)
        assert head.param("width").value == 150  # the offline edit reached the hub
        details.close()
        client.close()
    finally:
        hub.stop()


def test_conflict_side_by_side_and_keep_mine(qtbot, market_hub: HubProcess, workers, bridges,  # type: ignore[no-untyped-def]
                                             tmp_path: Path, artifacts_dir: Path) -> None:
    alice, bob, project_id = team(market_hub.url, tmp_path)
    alice.sync.record(project_id, "remove_node", {"node": "handle"})
    alice.sync.sync()
    mine = Document.from_json(planter_json())
    mine.update_node("handle", {"h": 25})
    bob.sync.record(project_id, "update_node", {"node": "handle", "props": {"h": 25}}, local_document=mine.to_json())
    bridge = SyncBridge(bob.sync, workers, interval_ms=60_000)
    bridges.append(bridge)
    indicator = SyncIndicator(bridge)
    qtbot.addWidget(indicator)
    opened = []
    indicator.conflict_opened.connect(opened.append)
    with qtbot.waitSignal(bridge.conflict_added, timeout=20_000):
        bridge.sync_now()
    qtbot.waitUntil(lambda: indicator.state == "conflict", timeout=10_000)
    assert "Conflict" in indicator.text()

    indicator.open_details()
    assert indicator.details is not None and indicator.details.conflicts.count() == 1
    qtbot.mouseClick(indicator.details.compare, Qt.MouseButton.LeftButton)
    record = opened[0]
    from core.geometry.build import Evaluator

    view = ConflictView(record, workers, Evaluator())
    qtbot.addWidget(view)
    view.show()
    assert "Part Handle" in view.differences  # present in mine, gone in theirs
    assert view.mine_tree.topLevelItemCount() >= view.theirs_tree.topLevelItemCount()
    qtbot.waitUntil(lambda: view.mine_preview.pixmap() is not None and not view.mine_preview.pixmap().isNull()
                    and not view.theirs_preview.pixmap().isNull(), timeout=20_000)
    assert view.grab().save(str(artifacts_dir / "collab-conflict-view.png"))
    view.chosen.connect(lambda keep: bridge.resolve(record, keep))
    qtbot.mouseClick(view.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: indicator.state == "synced", timeout=20_000)
    head = Document.from_json(alice.projects.head(project_id).document)
    assert head.node("handle").props["h"] == 25  # mine won, and nothing was lost
    indicator.details.close()
    alice.close()
    bob.close()


def test_share_comments_pins_history_and_live_updates(qtbot, market_hub: HubProcess, workers, bridges,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, artifacts_dir: Path) -> None:
    owner = signed_in(market_hub.url, tmp_path)
    friend = signed_in(market_hub.url, tmp_path)
    friend_name = friend.me().username
    project = owner.projects.create("Herb planter", planter_json())
    owner.projects.create_version(project.id, "first draft")
    bridge = SyncBridge(owner.sync, workers, interval_ms=60_000)
    bridges.append(bridge)
    panel = CollabPanel(owner, workers, bridge, project.id, project.name)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        pass
    assert "Owner" in panel.people.text()
    assert "first draft" in panel.history.versions.item(0).text()

    # share: invite by username as an editor; after accepting, the friend is a member
    qtbot.mouseClick(panel.share_button, Qt.MouseButton.LeftButton)
    dialog = panel.share_dialog
    assert dialog is not None
    qtbot.waitSignal(dialog.changed, timeout=20_000).wait()
    qtbot.keyClicks(dialog.username, friend_name)
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    assert friend_name in dialog.message.text()
    inbox = InvitationsView(friend, workers)  # the friend's app
    qtbot.addWidget(inbox)
    qtbot.waitUntil(lambda: bool(inbox.invitations), timeout=20_000)
    assert [(i.project_id, i.role) for i in inbox.invitations] == [(project.id, "editor")]
    accept = inbox.findChild(QPushButton, "acceptInvitation")
    with qtbot.waitSignal(inbox.joined, timeout=20_000) as joined:
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert joined.args[0].project_id == project.id
    qtbot.waitUntil(lambda: not inbox.invitations, timeout=20_000)
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        dialog.reload()
    names = [dialog.members.topLevelItem(i).text(0) for i in range(dialog.members.topLevelItemCount())]
    assert friend_name in names
    dialog.close()

    # a comment pinned on the handle, drawn in a plotter, found by a click near it, answered in its thread
    drawn: list[list[CommentPin]] = []
    panel.pins_changed.connect(drawn.append)  # what the viewport would redraw
    panel.add_comment("Make the handle thicker?", node_id="handle", anchor=(0.0, 0.0, 5.0))
    qtbot.waitUntil(lambda: bool(drawn and drawn[-1]), timeout=20_000)
    assert [(p.number, p.node_id, p.position) for p in drawn[-1]] == [(1, "handle", (0.0, 0.0, 5.0))]
    plotter = pv.Plotter(off_screen=True)
    try:
        draw_pins(plotter, panel.pins)
        assert {f"{ACTOR}-{OPEN_COLOUR}-points", f"{ACTOR}-{OPEN_COLOUR}-labels"} <= set(plotter.actors)
        draw_pins(plotter, [])  # redrawing replaces the pins instead of piling them up
        assert not [name for name in plotter.actors if name.startswith(ACTOR)]
    finally:
        plotter.close()
    assert panel.open_pin_near((0.5, 0.5, 5.5)) is not None and panel.thread_view.isVisible()
    assert panel.open_pin_near((40.0, 0.0, 0.0)) is None
    qtbot.keyClicks(panel.thread_view.reply, "Yes, 6 mm")
    qtbot.mouseClick(panel.thread_view.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Yes, 6 mm" in panel.thread_view.body.text(), timeout=20_000)
    assert panel.pins[0].replies == 1 and "↩ 1" in panel.threads.item(0).text()

    # live: the friend's edit reaches my open document through the engine's copy (head + my pending
    # edit, rebased), not on my undo stack; my edit the friend later overwrote says so in the history
    document = Document.from_json(owner.sync.open(project.id))
    stack = CommandStack(document)
    live = SharedDocument(document, stack, bridge, project.id)
    stack.push(SetParameters({"width": 140}))
    qtbot.waitUntil(lambda: owner.sync.status().pending == 0 and not owner.outbox.in_flight(project.id),
                    timeout=30_000)
    friend.sync.open(project.id)
    with qtbot.waitSignal(panel.remote_changes, timeout=30_000) as live_ops:
        friend.sync.record(project.id, "set_param", {"name": "height", "value": 120})
        friend.sync.record(project.id, "set_param", {"name": "width", "value": 150})
        friend.sync.sync([project.id])
    assert live_ops.args[0][0].author == friend_name
    qtbot.waitUntil(lambda: (document.values()["height"], document.values()["width"]) == (120, 150),
                    timeout=30_000)
    assert stack.undo_label == "Change width"  # Ctrl+Z takes back my edit, never the friend's
    changes = [panel.history.changes.item(i).text() for i in range(panel.history.changes.count())]
    mine = [line for line in changes if "width = 140" in line]
    assert mine and f"overwritten by {friend_name}" in mine[0]
    live.detach()
    panel.resize(420, 560)
    assert panel.grab().save(str(artifacts_dir / "collab-panel-comments.png"))
    panel.tabs.setCurrentIndex(1)
    assert panel.grab().save(str(artifacts_dir / "collab-panel-history.png"))
    panel.close_project()
    qtbot.waitUntil(lambda: not bridge.live.busy, timeout=10_000)  # the live stream ended on a quiet project
    owner.close()
    friend.close()
