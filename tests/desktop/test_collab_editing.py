"""Who edits which part, between two designers' windows on one hub: selecting a part in one window's
Model tree shows in the other's Collaboration dock ("Bo (Can edit · ● editing Drainage holes)") and marks the
part in its Model tree; deselecting, and leaving the project, clear it. Both windows reach the shared
project the way a designer does: File ▸ Share… and the dock's invitation and Open buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTreeWidgetItem

from desktop.main_window import MainWindow
from desktop.panels.model_tree import ID_ROLE
from tests.desktop.conftest import ask, wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, signed_in  # noqa: F401
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


def _part(window: MainWindow, node_id: str) -> QTreeWidgetItem:
    [item] = [i for i in window.tree._items() if i.data(0, ID_ROLE) == node_id]
    return item


def _open_invitation(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Collaboration dock: accept the invitation, then open the project it shares."""
    window.action_set["view.collaboration"].trigger()
    listing = window.collab.list
    wait_until(qtbot, lambda: listing is not None and bool(listing.invitations.invitations), timeout=30)
    assert listing is not None
    with qtbot.waitSignal(listing.loaded, timeout=30_000):
        qtbot.mouseClick(listing.invitations.findChild(QPushButton, "acceptInvitation"), Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: listing.shared.count() == 1 and listing.shared.item(0).data(
        Qt.ItemDataRole.UserRole) is not None, timeout=30)
    listing.shared.setCurrentRow(0)
    with qtbot.waitSignal(window.collab.opened, timeout=30_000):
        qtbot.mouseClick(listing.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def test_the_part_one_designer_selects_shows_in_the_others_dock_and_model_tree(
        make_window, qtbot, market_hub: HubProcess, tmp_path: Path, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    ana_client, bo_client = signed_in(market_hub.url, tmp_path), signed_in(market_hub.url, tmp_path)
    ana_name, bo_name = ana_client.me().username, bo_client.me().username
    ana = make_window()
    ask(ana, "a plant pot 12 cm wide", qtbot)
    ana.hub.use_client(ana_client)
    with qtbot.waitSignal(ana.collab.opened, timeout=30_000) as opened:
        ana.action_set["file.share"].trigger()
    project_id = opened.args[0]
    share = ana.collab.panel.share_dialog
    qtbot.waitSignal(share.changed, timeout=20_000).wait()
    qtbot.keyClicks(share.username, bo_name)
    share.role.setCurrentIndex(share.role.findData("editor"))
    with qtbot.waitSignal(share.changed, timeout=20_000):
        qtbot.mouseClick(share.invite_button, Qt.MouseButton.LeftButton)
    share.close()

    bo = make_window()
    bo.hub.use_client(bo_client)
    _open_invitation(bo, qtbot)
    assert bo.collab.project_id == project_id
    ana_people, bo_people = ana.collab.panel.people, bo.collab.panel.people
    wait_until(qtbot, lambda: f"{bo_name} (Can edit · ● here now)" in ana_people.text(), timeout=30)

    # Bo selects the drainage holes in his Model tree: Ana's dock names them, her tree marks them
    bo.tree.tree.setCurrentItem(_part(bo, "drainage"))
    wait_until(qtbot, lambda: f"{bo_name} (Can edit · ● editing Drainage holes)" in ana_people.text(), timeout=30)
    wait_until(qtbot, lambda: f"{bo_name} is editing this part" in _part(ana, "drainage").toolTip(0), timeout=10)
    assert not _part(ana, "drainage").icon(0).isNull()
    assert ana.tree.editors == {"drainage": [bo_name]}  # only that part: nothing else is marked
    assert all(i.icon(0).isNull() for i in ana.tree._items() if i.data(0, ID_ROLE) != "drainage")
    # his own window does not mark the part he is on, and his dock says what he does
    assert bo.tree.editors == {}
    wait_until(qtbot, lambda: f"{bo_name} (Can edit · ● editing Drainage holes)" in bo_people.text(), timeout=30)
    wait_idle(qtbot, ana)
    assert ana.docks["collaboration"].grab().save(str(artifacts_dir / "collab-dock-editing.png"))
    assert ana.docks["tree"].grab().save(str(artifacts_dir / "model-tree-editing.png"))

    # Ana picks the saucer: Bo sees hers; Bo clears his selection: his claim ends
    ana.tree.tree.setCurrentItem(_part(ana, "saucer_at"))
    wait_until(qtbot, lambda: f"{ana_name} (Owner · ● editing Saucer)" in bo_people.text(), timeout=30)
    wait_until(qtbot, lambda: bo.tree.editors == {"saucer_at": [ana_name]}, timeout=10)
    bo.tree.tree.clearSelection()
    wait_until(qtbot, lambda: f"{bo_name} (Can edit · ● here now)" in ana_people.text(), timeout=30)
    wait_until(qtbot, lambda: ana.tree.editors == {}, timeout=10)
    assert "is editing" not in _part(ana, "drainage").toolTip(0) and _part(ana, "drainage").icon(0).isNull()

    # Bo edits the drain hole (hides it with its tick box) without selecting it: he works on it
    assert _part(bo, "drain_hole").checkState(0) == Qt.CheckState.Checked
    _part(bo, "drain_hole").setCheckState(0, Qt.CheckState.Unchecked)
    wait_until(qtbot, lambda: ana.tree.editors == {"drain_hole": [bo_name]}, timeout=30)
    assert f"{bo_name} (Can edit · ● editing Cylinder)" in ana_people.text()

    # Ana leaves the project (File ▸ New): Bo no longer sees her anywhere
    ana.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    ana.action_set["file.new"].trigger()
    wait_until(qtbot, lambda: not ana.collab.is_shared and bo.tree.editors == {}, timeout=30)
    wait_until(qtbot, lambda: f"{ana_name} (Owner)" in bo_people.text(), timeout=30)
