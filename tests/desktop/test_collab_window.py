"""Collaboration from the main window, as a designer reaches it: File ▸ Share…, the Collaboration dock,
Comment on a Point, the status bar's offline queue and the conflict view — against a real hub, with a
collaborator's headless sync client on the other side, and the window's own connection going through
a proxy that can drop like Wi-Fi does."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from core.document.document import Document
from core.document.parameters import Parameter
from desktop.panels.collab.changes import CHANGED_ACTOR
from desktop.panels.collab.conflict import ConflictView
from desktop.panels.collab.pins import ACTOR
from sync_client.client import HubClient
from tests.desktop.conftest import ask, wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, signed_in  # noqa: F401
from tests.hub.services import HubProcess
from tests.sync_client.proxy import FlakyProxy

pytestmark = pytest.mark.gui


def _friend_edit(friend: HubClient, project_id: int, change: object) -> None:
    doc = Document.from_json(friend.sync.document(project_id))
    change(doc)  # type: ignore[operator]
    friend.sync.record_document(project_id, doc.to_json())
    assert friend.sync.sync([project_id]).state == "synced"


def _on_screen(canvas: object, point: tuple[float, float, float]) -> QPoint:
    """Where a 3D point is drawn in the viewport widget (a click there hits what is drawn there)."""
    renderer = canvas.renderer  # type: ignore[attr-defined]
    renderer.SetWorldPoint(*point, 1.0)
    renderer.WorldToDisplay()
    x, y, _ = renderer.GetDisplayPoint()
    ratio = canvas.devicePixelRatioF()  # type: ignore[attr-defined]
    return QPoint(round(x / ratio), round(canvas.height() - y / ratio))  # type: ignore[attr-defined]


def _conflict_views() -> list[ConflictView]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ConflictView) and w.isVisible()]


def test_share_edit_live_comment_go_offline_and_resolve_a_conflict_from_the_window(
        make_window, qtbot, market_hub: HubProcess, tmp_path: Path, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    proxy = FlakyProxy(market_hub.url)
    friend = signed_in(market_hub.url, tmp_path)
    friend_name = friend.me().username
    window = make_window()
    try:
        ask(window, "a plant pot 12 cm wide", qtbot)
        window.hub.use_client(signed_in(proxy.url, tmp_path))  # the account the user signed into
        collab = window.collab

        # File ▸ Share…: the project goes to the hub and the share dialog opens
        assert window.action_set["file.share"] in window.toolbar.actions()
        with qtbot.waitSignal(collab.opened, timeout=30_000) as opened:
            window.action_set["file.share"].trigger()
        project_id = opened.args[0]
        assert window.docks["collaboration"].isVisible() and collab.pages.currentWidget() is collab.panel
        panel = collab.panel
        dialog = panel.share_dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.waitSignal(dialog.changed, timeout=20_000).wait()
        qtbot.keyClicks(dialog.username, friend_name)
        dialog.role.setCurrentIndex(dialog.role.findData("editor"))
        with qtbot.waitSignal(dialog.changed, timeout=20_000):
            qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
        assert friend_name in dialog.message.text()
        dialog.close()

        # the friend accepts and edits: the open model takes the change, not onto my undo stack
        [invitation] = friend.projects.invitations()
        friend.projects.answer(invitation.id, accept=True)
        friend.sync.open(project_id)
        assert friend.sync.document(project_id) == window.doc.to_json()
        undo_before = window.stack.undo_label
        _friend_edit(friend, project_id, lambda d: d.set_param_value("height", 140))
        wait_until(qtbot, lambda: window.doc.values()["height"] == 140, timeout=30)
        assert window.stack.undo_label == undo_before
        canvas = window.viewport.plotter
        wait_until(qtbot, lambda: CHANGED_ACTOR in canvas.actors, timeout=30)  # the changed part lights up...
        wait_until(qtbot, lambda: CHANGED_ACTOR not in canvas.actors, timeout=30)  # ...for a moment
        wait_until(qtbot, lambda: friend_name in panel.history.changes.item(0).text(), timeout=30)

        # my edit in the Parameters dock reaches the friend
        window.params.rows["wall"].spin.setValue(3.0)
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: Document.from_json(friend.projects.head(project_id).document)
                   .param("wall").value == 3.0, timeout=30)

        # Comment on a Point: click the model, type, and the pin is drawn where I clicked
        comment = window.action_set["view.comment"]
        assert comment.isEnabled()
        comment.trigger()
        canvas = window.viewport.plotter
        centre = canvas.rect().center()
        centre.setY(int(canvas.height() * 0.55))
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
        wait_until(qtbot, lambda: collab.prompt is not None and collab.prompt.isVisible(), timeout=10)
        collab.prompt.setTextValue("Drainage holes a bit bigger?")
        collab.prompt.accept()
        wait_until(qtbot, lambda: len(panel.pins) == 1, timeout=30)
        assert not comment.isChecked() or not collab.commenting
        wait_until(qtbot, lambda: any(name.startswith(ACTOR) for name in canvas.actors), timeout=30)
        [thread] = friend.projects.comments(project_id)
        assert thread.body == "Drainage holes a bit bigger?" and thread.anchor is not None
        wait_until(qtbot, lambda: bool(collab.drawn), timeout=30)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_on_screen(canvas, collab.drawn[0].position))
        wait_until(qtbot, lambda: panel.thread_view.isVisible(), timeout=10)
        assert "Drainage holes a bit bigger?" in panel.thread_view.body.text()
        qtbot.mouseClick(panel.thread_view.resolve, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: panel.pins and panel.pins[0].resolved, timeout=30)

        # the friend answers and reopens the thread: my dock shows both as they happen, nothing to reload
        friend.projects.comment(project_id, "Agreed, 6 mm would drain better", parent_id=thread.id)
        friend.projects.resolve_comment(project_id, thread.id, False)
        wait_until(qtbot, lambda: panel.pins[0].replies == 1 and not panel.pins[0].resolved, timeout=30)
        wait_until(qtbot, lambda: "Agreed, 6 mm" in panel.thread_view.body.text(), timeout=30)

        # the pin stays on the model's surface when a collaborator reshapes it
        anchor = panel.pins[0].position
        _friend_edit(friend, project_id, lambda d: d.set_param_value("top_diameter", 180))
        wait_until(qtbot, lambda: window.doc.values()["top_diameter"] == 180, timeout=30)
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: bool(collab.drawn) and collab.drawn[0].position != anchor, timeout=30)
        mesh = window.viewport.mesh
        assert mesh is not None and mesh.extents[0] > 170
        _, distance, _ = trimesh.proximity.closest_point(mesh, np.array([collab.drawn[0].position]))
        assert distance[0] < 0.01

        # offline: my edit queues and the status bar counts it
        indicator = window.hub.indicator
        assert indicator is not None
        proxy.set_offline(True)
        window.params.rows["wall"].spin.setValue(4.0)
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: indicator.state == "offline", timeout=60)
        assert indicator.text() == "● Offline · 1 pending"
        assert window.doc.param("wall").value == 4.0  # what I see: the hub's head plus my pending edit

        # meanwhile the friend narrows the wall's range: my 4 mm no longer fits — a conflict, not a failure
        _friend_edit(friend, project_id, lambda d: d.set_param(Parameter("wall", 2.0, min=0.8, max=3.5), "wall"))
        proxy.set_offline(False)
        window.hub.bridge.sync_now()
        wait_until(qtbot, lambda: bool(_conflict_views()), timeout=60)
        [view] = _conflict_views()
        assert "wall" in " ".join(view.differences).lower()
        qtbot.mouseClick(view.keep_theirs, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: indicator.state == "synced", timeout=60)
        resolved = friend.projects.head(project_id)
        head, opened_rev = resolved.document, resolved.rev
        wait_until(qtbot, lambda: window.doc.to_json() == head, timeout=30)
        assert window.doc.param("wall").max == 3.5
        kept = [v.name for v in friend.projects.versions(project_id)]
        assert any(name.startswith("Conflict copy") for name in kept)  # my 4 mm is kept as a version
        panel.reload()
        versions = panel.history.versions
        wait_until(qtbot, lambda: any("Conflict copy" in versions.item(i).text() for i in range(versions.count())),
                   timeout=30)

        # History ▸ restore my conflict copy as a new revision: an undoable edit that syncs like any other
        panel.tabs.setCurrentWidget(panel.history)
        versions.setCurrentRow(next(i for i in range(versions.count()) if "Conflict copy" in versions.item(i).text()))
        qtbot.mouseClick(panel.history.restore, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: window.doc.param("wall").value == 4.0, timeout=30)
        assert window.stack.undo_label.startswith("Restore 'Conflict copy")
        wait_until(qtbot, lambda: Document.from_json(friend.projects.head(project_id).document)
                   .param("wall").value == 4.0, timeout=30)
        assert friend.projects.head(project_id).rev > opened_rev
    finally:
        friend.close()
        proxy.close()


def test_shared_with_me_opens_from_the_dock_and_a_removal_keeps_my_copy(
        make_window, qtbot, market_hub: HubProcess, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.sync_client.samples import planter_json

    owner = signed_in(market_hub.url, tmp_path)
    window = make_window()
    try:
        me = signed_in(market_hub.url, tmp_path)
        my_name = me.me().username
        project = owner.projects.create("Balcony planter", planter_json())
        owner.projects.invite(project.id, my_name, "editor")
        owner.sync.open(project.id)
        _friend_edit(owner, project.id, lambda d: d.set_param_value("width", 120))
        window.hub.use_client(me)

        window.action_set["view.collaboration"].trigger()
        collab = window.collab
        assert window.docks["collaboration"].isVisible()
        listing = collab.list
        assert listing is not None
        wait_until(qtbot, lambda: bool(listing.invitations.invitations), timeout=30)
        accept = listing.invitations.findChild(QPushButton, "acceptInvitation")
        with qtbot.waitSignal(listing.loaded, timeout=30_000):
            qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: listing.shared.count() == 1 and listing.shared.item(0).data(
            Qt.ItemDataRole.UserRole) is not None, timeout=30)
        entry = listing.shared.item(0).text()
        assert "Balcony planter" in entry and f"shared by {owner.me().username}" in entry
        assert f"last change by {owner.me().username}" in entry

        listing.shared.setCurrentRow(0)
        with qtbot.waitSignal(collab.opened, timeout=30_000):
            qtbot.mouseClick(listing.open_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)
        assert window.doc.to_json() == owner.projects.head(project.id).document
        assert window.doc.param("width").value == 120

        # the owner removes me while I hold an unsent edit: I am told by whom, and my copy stays open
        window.hub.bridge.timer.stop()
        owner.projects.remove_member(project.id, my_name)
        window.params.rows["wall"].spin.setValue(3.5)
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: collab.notice is not None and collab.notice.isVisible(), timeout=60)
        assert f"You were removed from 'Balcony planter' by {owner.me().username}." in collab.notice.text()
        assert window.doc.param("wall").value == 3.5 and not collab.is_shared
        assert window.hub.indicator is not None and window.hub.indicator.state != "syncing"
        collab.notice.done(0)
    finally:
        owner.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_collaboration_dock_and_share_dialog_look_right(make_window, qtbot, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path, artifacts_dir: Path, theme: str) -> None:
    friend = signed_in(market_hub.url, tmp_path)
    window = make_window((1280, 800))
    try:
        store = window.services.settings
        store.update(store.settings.model_copy(update={"theme": theme}))
        ask(window, "a plant pot 12 cm wide", qtbot)
        window.hub.use_client(signed_in(market_hub.url, tmp_path))
        collab = window.collab
        with qtbot.waitSignal(collab.opened, timeout=30_000):
            window.action_set["file.share"].trigger()
        dialog = collab.panel.share_dialog
        qtbot.waitSignal(dialog.changed, timeout=20_000).wait()
        qtbot.keyClicks(dialog.username, friend.me().username)
        with qtbot.waitSignal(dialog.changed, timeout=20_000):
            qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(dialog.link_section.changed, timeout=20_000):  # and a link, as people send them
            qtbot.mouseClick(dialog.link_section.create_button, Qt.MouseButton.LeftButton)
        assert dialog.link_section.link.text()
        shot = dialog.grab()
        assert shot.width() >= 400 and shot.save(str(artifacts_dir / f"collab-share-dialog-{theme}.png"))
        dialog.close()
        collab.panel.add_comment("Could the rim be rounder?", anchor=(0.0, 0.0, 50.0))
        wait_until(qtbot, lambda: len(collab.panel.pins) == 1, timeout=30)
        wait_idle(qtbot, window)
        assert window.grab().save(str(artifacts_dir / f"collab-window-{theme}.png"))
        dock = window.docks["collaboration"]
        assert dock.isVisible() and dock.width() >= 300, "the dock is too narrow to read its threads"
        assert dock.grab().save(str(artifacts_dir / f"collab-dock-{theme}.png"))
    finally:
        friend.close()
