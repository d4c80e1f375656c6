"""The Printers and Marketplace docks inside the real main window: placed, toggled from the View menu
and the Ctrl+K palette, a virtual printer added from the dock comes online, and the issue's GUI flow
against a real hub (uvicorn on 127.0.0.1): search → open a listing → it is in the viewport with its
parameters; publish → it appears in search."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.document.document import Document
from desktop.main_window import MainWindow
from tests.desktop.conftest import ask, wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, publish_planter, signed_in  # noqa: F401
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


def test_printers_and_marketplace_docks_share_the_right_area_and_toggle_from_menu_and_palette(
        qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    printers, market = window.docks["printers"], window.docks["marketplace"]
    assert window.dockWidgetArea(printers) == Qt.DockWidgetArea.RightDockWidgetArea
    assert set(window.tabifiedDockWidgets(window.docks["parameters"])) >= {printers, market}
    assert printers.windowTitle() == "Printers" and market.windowTitle() == "Marketplace"
    # the viewport stays the biggest thing in the window
    assert window.viewport.width() > max(window.docks["chat"].width(), window.docks["parameters"].width())

    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert {"Printers", "Marketplace"} <= {a.text() for a in view_menu.actions()}
    assert printers.visibleRegion().isEmpty()  # open, behind the Parameters tab
    window.action_set["view.printers"].trigger()  # brought to the front, not closed
    qtbot.waitUntil(lambda: not printers.visibleRegion().isEmpty())
    assert window.action_set["view.printers"].isChecked()
    window.action_set["view.printers"].trigger()  # in front: closed
    assert not printers.isVisible() and not window.action_set["view.printers"].isChecked()
    palette = window.show_palette()
    titles = [palette.list.item(i).text() for i in range(palette.list.count())]
    assert any("Account and Server" in t for t in titles) and any(t.startswith("Marketplace") for t in titles)
    # nothing to send or publish yet: those entries wait for a model (the palette lists enabled ones only)
    assert not window.action_set["file.send_to_printer"].isEnabled()
    assert not window.action_set["file.publish"].isEnabled()
    qtbot.keyClicks(palette.search, "Printers")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: not printers.visibleRegion().isEmpty())
    assert window.action_set["view.printers"].isChecked()
    # closing the dock with its own × button unticks the menu entry too
    printers.close()
    assert not window.action_set["view.printers"].isChecked()


def test_a_virtual_printer_added_from_the_dock_comes_online(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    window.start_background()
    # No printer configured yet: the printer stack starts when the dock is brought to the front.
    window.action_set["view.printers"].trigger()  # tabbed behind Parameters: this brings it to the front
    assert window.docks["printers"].isVisible()
    wait_until(qtbot, lambda: window.printers.dock is not None, timeout=60)
    dock = window.printers.dock
    assert dock is not None and dock.empty.isVisibleTo(dock)
    dialog = dock.open_add()
    qtbot.mouseClick(dialog.virtual_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: "Virtual printer 1" in dock.cards, timeout=30)
    card = dock.cards["Virtual printer 1"]
    wait_until(qtbot, lambda: card.connection_label.text().endswith("Online"), timeout=30)
    ask(window, "a plant pot 8 cm wide", qtbot)
    assert window.action_set["file.send_to_printer"].isEnabled() and dock.send_button.isEnabled()
    window.action_set["file.send_to_printer"].trigger()
    assert dock.send_dialog is not None and dock.send_dialog.isVisible()
    dock.send_dialog.reject()


def _fits_narrow_dock(window: MainWindow, width: int) -> None:
    """The dock column is shared with Parameters and Printers: at `width` px nothing may scroll sideways,
    and Publish…, the filters and the listing's actions stay on screen."""
    dock, panel = window.docks["marketplace"], window.hub.panel
    assert panel is not None
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    bar = panel.search_bar
    if not bar.filters.isVisible():
        bar.filters_button.click()  # folded away by default; shown, they wrap onto more lines
    QApplication.processEvents()
    assert abs(dock.width() - width) <= 12
    assert not window.hub.scroll.horizontalScrollBar().isVisible()
    shown = panel.visibleRegion().boundingRect()
    for widget in (panel.publish_button, bar.filters_button, bar.parametric, bar.price, bar.sort, bar.category):
        box = widget.rect().translated(widget.mapTo(panel, widget.rect().topLeft()))
        assert shown.contains(box), (widget.objectName(), box, shown)


def test_search_open_in_studio_then_publish_and_find_it(
        qtbot, make_window, market_hub: HubProcess, tmp_path: Path, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    word = f"peony{uuid.uuid4().hex[:5]}"
    alice = signed_in(market_hub.url, tmp_path)
    listing = publish_planter(alice, tmp_path / "alice", f"Square {word} planter")
    window: MainWindow = make_window()
    window.hub.use_client(signed_in(market_hub.url, tmp_path))
    window.action_set["view.marketplace"].trigger()  # the palette/View entry shows and raises it
    panel = window.hub.panel
    assert panel is not None and not window.docks["marketplace"].visibleRegion().isEmpty()
    assert window.hub.indicator is not None and window.hub.indicator.isVisible()  # the sync state, in the status bar
    assert window.grab().save(str(artifacts_dir / "marketplace-in-window-1280x800.png"))
    assert not window.hub.scroll.horizontalScrollBar().isVisible()
    _fits_narrow_dock(window, 320)
    assert window.grab().save(str(artifacts_dir / "marketplace-in-window-320-dock.png"))
    panel.search_bar.filters_button.click()  # folded again: the results get the room back

    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda page: page.total == 1):
        qtbot.keyClicks(panel.search_bar.input, word)
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    room = panel.detail.viewport().width()  # the listing's buttons wrap in the narrow dock, none is cut off
    assert all(b.geometry().right() < room for b in (panel.detail.open_button, panel.detail.collect_button))
    qtbot.mouseClick(panel.detail.open_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: window.doc.name == listing.title and window.viewport.mesh is not None, timeout=30)
    wait_idle(qtbot, window)
    # the listing's parametric document: in the viewport, its parameters in the Parameters dock
    assert listing.title in window.windowTitle()
    assert window.viewport.mesh is not None and window.viewport.mesh.extents[0] == pytest.approx(100, abs=1)
    spin = window.params.rows["width"].spin
    assert spin.value() == pytest.approx(100)
    spin.setValue(140.0)
    spin.editingFinished.emit()
    wait_idle(qtbot, window)
    assert window.viewport.mesh.extents[0] == pytest.approx(140, abs=1)

    title = f"Wide {word} planter"
    window.action_set["file.publish"].trigger()
    dialog = panel.publish_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.preview.pixmap().isNull()
    dialog.title.setText(title)
    dialog.description.setPlainText("The square planter, 140 mm wide.")
    dialog.category.setCurrentIndex(dialog.category.findData("planters"))
    with qtbot.waitSignal(panel.published, timeout=30_000) as done:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert done.args[0].title == title and done.args[0].has_parameters
    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda page: page.total == 2) as shown:
        panel.search_bar.input.setText(word)
    assert title in {item.title for item in shown.args[0].items}

    account = window.hub.open_account()  # Edit ▸ Account and Server…: who is signed in, on which hub
    assert window.hub.account is not None
    wait_until(qtbot, lambda: "Signed in as" in window.hub.account.status.text(), timeout=20)
    assert market_hub.url in window.hub.account.status.text()
    account.reject()
    alice.close()


def test_every_save_is_a_version_with_a_png_thumbnail_in_the_local_store(
        qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from core.store.store import Store

    window: MainWindow = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    path = tmp_path / "balcony.potproj"
    with qtbot.waitSignal(window.saved_versions.recorded, timeout=30_000):
        window._save_to(path)
    window.params.rows["height"].spin.setValue(140.0)
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.saved_versions.recorded, timeout=30_000):
        window.save()
    with Store.open() as store:
        versions = store.projects.versions("balcony")
        latest = store.projects.document("balcony")
    assert [v.label for v in versions] == ["Saved balcony.potproj"] * 2
    assert all(v.thumbnail_png.startswith(b"\x89PNG") and len(v.thumbnail_png) > 1000 for v in versions)
    assert Document.from_json(latest).param("height").value == pytest.approx(140.0)  # the second save's state


def test_a_listing_clicked_before_the_typing_pause_ends_opens_and_stays(
        qtbot, make_window, market_hub: HubProcess, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A designer clicks a result while the search for the last letters typed is still waiting: the page opens and
    stays (the late search used to take the view back and drop it), and that search still runs for the grid."""
    word = f"tulip{uuid.uuid4().hex[:5]}"
    publish_planter(signed_in(market_hub.url, tmp_path), tmp_path / "alice", f"Round {word} planter")
    window: MainWindow = make_window()
    window.hub.use_client(signed_in(market_hub.url, tmp_path))
    window.action_set["view.marketplace"].trigger()
    panel = window.hub.panel
    assert panel is not None
    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda page: page.total == 1):
        qtbot.keyClicks(panel.search_bar.input, word)
    qtbot.keyClicks(panel.search_bar.input, " planter")  # and clicks before the pause ends
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)
    qtbot.wait(3 * 250)  # past the pause
    wait_idle(qtbot, window)  # and the late search has answered
    assert panel.stack.currentWidget() is panel.detail
    assert panel._query.text == f"{word} planter"
