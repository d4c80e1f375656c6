"""Comparing versions of a shared project from the main window, against a real hub: History ▸ Compare with
Current and Compare Selected (or View ▸ Compare Versions…) put both versions side by side in the one
viewport, the surface that differs coloured and the changed parameters listed; Esc or Exit Compare
brings the editable model back unchanged. Plus the geometry of the comparison on real meshes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import pyvista as pv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from core.document.document import Document
from core.geometry.build import Evaluator
from core.tasks import NULL_TASK
from desktop.panels.collab.compare import (
    LABELS,
    MIN_GAP_MM,
    NEWER,
    NEWER_ONLY,
    OLDER,
    OLDER_ONLY,
    Side,
    build_scene,
    build_versions,
    differing_faces,
)
from tests.desktop.conftest import wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, signed_in  # noqa: F401
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter, planter_json

pytestmark = pytest.mark.gui


def _width(bounds: tuple[float, ...]) -> float:
    return bounds[1] - bounds[0]


def test_a_wider_version_differs_only_where_the_walls_moved_and_sits_to_the_right() -> None:
    narrow, wide = planter(), planter()
    wide.set_param_value("width", 150)
    sides = Side(narrow.to_json(), "r1", "r1"), Side(wide.to_json(), "r2", "r2")
    scene = build_scene(build_versions(Evaluator(), *sides, NULL_TASK))
    assert _width(scene.older.bounds) == pytest.approx(100) and _width(scene.newer.bounds) == pytest.approx(150)
    assert scene.newer.bounds[0] == pytest.approx(-75)  # the newer stays where the model is
    assert scene.newer.bounds[0] - scene.older.bounds[1] == pytest.approx(max(MIN_GAP_MM, 0.15 * 150))
    assert 0 < scene.older_differs.sum() < scene.older.n_cells  # the walls moved, the handle did not
    assert 0 < scene.newer_differs.sum() < scene.newer.n_cells
    handle = scene.newer.cell_centers().points[~scene.newer_differs]
    assert np.abs(handle[:, :2]).max() < 75  # what stayed the same is inside the walls (the handle)
    assert [(c.name, c.old, c.new) for c in scene.comparison.params] == [("width", 100, 150)]


def test_the_same_model_has_nothing_coloured_and_an_empty_one_is_all_new() -> None:
    mesh = Evaluator().mesh(planter())
    from desktop.viewport.scene import prepare, to_poly

    poly = to_poly(prepare(mesh))
    assert not differing_faces(poly, poly.copy()).any()
    assert differing_faces(poly, to_poly(prepare(None))).all()
    moved = poly.translate((0.0, 0.0, 0.2))  # 0.2 mm up: every face off the other surface except the sides
    assert differing_faces(poly, moved).any()


def _open_shared(window, qtbot, owner, me, project_id: int) -> None:  # type: ignore[no-untyped-def]
    window.hub.use_client(me)
    window.action_set["view.collaboration"].trigger()
    listing = window.collab.list
    assert listing is not None
    wait_until(qtbot, lambda: bool(listing.invitations.invitations), timeout=30)
    with qtbot.waitSignal(listing.loaded, timeout=30_000):
        qtbot.mouseClick(listing.invitations.findChild(QPushButton, "acceptInvitation"), Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: listing.shared.count() == 1 and listing.shared.item(0).data(
        Qt.ItemDataRole.UserRole) is not None, timeout=30)
    listing.shared.setCurrentRow(0)
    with qtbot.waitSignal(window.collab.opened, timeout=30_000):
        qtbot.mouseClick(listing.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def _painted(poly: pv.PolyData, colour: str) -> bool:
    """Some of the triangles drawn in `colour`."""
    return bool((poly.cell_data["compare_rgb"] == np.array(pv.Color(colour).int_rgb)).all(axis=1).any())


def _row(versions, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i in range(versions.count()) if text in versions.item(i).text())


def test_compare_a_version_with_the_current_model_and_two_versions_side_by_side(  # type: ignore[no-untyped-def]
        make_window, qtbot, market_hub: HubProcess, tmp_path: Path, artifacts_dir: Path) -> None:
    owner = signed_in(market_hub.url, tmp_path)
    window = make_window((1280, 800))
    try:
        me = signed_in(market_hub.url, tmp_path)
        project = owner.projects.create("Balcony planter", planter_json())
        owner.projects.create_version(project.id, "before widening")
        wider = Document.from_json(planter_json())
        wider.set_param_value("width", 150)
        owner.sync.open(project.id)
        owner.sync.record_document(project.id, wider.to_json())
        assert owner.sync.sync([project.id]).state == "synced"
        owner.projects.invite(project.id, me.me().username, "editor")
        _open_shared(window, qtbot, owner, me, project.id)
        collab, viewport = window.collab, window.viewport
        canvas = viewport.plotter
        assert window.doc.param("width").value == 150

        # my own edit, then History ▸ Save Version… names the model as it is now
        window.params.rows["wall"].spin.setValue(3.0)
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: Document.from_json(owner.projects.head(project.id).document)
                   .param("wall").value == 3.0, timeout=30)
        panel = collab.panel
        history = panel.history
        panel.tabs.setCurrentWidget(history)
        qtbot.mouseClick(history.save, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: panel.version_prompt.isVisible(), timeout=10)
        panel.version_prompt.setTextValue("thicker wall")
        panel.version_prompt.accept()
        versions = history.versions
        wait_until(qtbot, lambda: versions.count() == 2 and "thicker wall" in versions.item(0).text(), timeout=30)
        editable, camera = window.doc.to_json(), canvas.camera_position
        model_bounds = viewport.model_bounds
        assert model_bounds is not None and _width(model_bounds) == pytest.approx(150)

        # one version selected: Compare with Current
        assert not history.compare.isEnabled()
        versions.setCurrentRow(_row(versions, "before widening"))
        assert history.compare.isEnabled() and history.compare.text() == "Compare with Current"
        with qtbot.waitSignal(collab.comparer.shown, timeout=60_000):
            qtbot.mouseClick(history.compare, Qt.MouseButton.LeftButton)
        assert OLDER in canvas.actors and NEWER in canvas.actors and f"{LABELS}-labels" in canvas.actors
        assert not canvas.actors["model"].visibility  # the editable model steps aside, not a second window
        older, newer = canvas.actors[OLDER].mapper.dataset, canvas.actors[NEWER].mapper.dataset
        assert _width(older.bounds) == pytest.approx(100) and _width(newer.bounds) == pytest.approx(150)
        assert newer.bounds[0] == pytest.approx(model_bounds[0])  # the current model stays where it is
        assert older.bounds[1] < newer.bounds[0] - MIN_GAP_MM + 1e-6  # the older to its left, apart
        assert _painted(older, OLDER_ONLY["light"]) and _painted(newer, NEWER_ONLY["light"])  # the walls differ
        banner = collab.comparer.banner
        assert banner.isVisible() and "before widening" in banner.title.text() and "Current" in banner.title.text()
        lines = [banner.differences.item(i).text() for i in range(banner.differences.count())]
        assert "Width: 100 mm → 150 mm" in lines and "Wall: 2 mm → 3 mm" in lines
        wait_idle(qtbot, window)
        wait_until(qtbot, lambda: banner.differences.geometry().bottom() < banner.height(), timeout=10)  # laid out
        shot = window.grab()
        assert shot.width() == 1280 and shot.save(str(artifacts_dir / "version-compare-light.png"))
        store = window.services.settings
        store.update(store.settings.model_copy(update={"theme": "dark"}))
        wait_until(qtbot, lambda: _painted(canvas.actors[NEWER].mapper.dataset, NEWER_ONLY["dark"]), timeout=30)
        wait_idle(qtbot, window)
        assert window.grab().save(str(artifacts_dir / "version-compare-dark.png"))

        # Esc: back to the editable model and the view I had, unchanged
        QApplication.setActiveWindow(window)  # Xvfb has no window manager to make it active, as a click would
        with qtbot.waitSignal(collab.comparer.ended, timeout=10_000):
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert not any(name in canvas.actors for name in (OLDER, NEWER, f"{LABELS}-labels"))
        assert canvas.actors["model"].visibility and not banner.isVisible()
        assert window.doc.to_json() == editable and viewport.model_bounds == pytest.approx(model_bounds)
        assert np.allclose(canvas.camera_position.to_list(), camera.to_list())

        # two versions selected (Ctrl+click), compared from View ▸ Compare Versions…
        versions.clearSelection()
        for text in ("before widening", "thicker wall"):
            versions.item(_row(versions, text)).setSelected(True)
        assert history.compare.text() == "Compare Selected"
        with qtbot.waitSignal(collab.comparer.shown, timeout=60_000):
            window.action_set["view.compare"].trigger()
        assert "before widening" in banner.title.text() and "thicker wall" in banner.title.text()
        lines = [banner.differences.item(i).text() for i in range(banner.differences.count())]
        assert "Width: 100 mm → 150 mm" in lines and "Wall: 2 mm → 3 mm" in lines
        assert _width(canvas.actors[OLDER].mapper.dataset.bounds) == pytest.approx(100)
        with qtbot.waitSignal(collab.comparer.ended, timeout=10_000):
            qtbot.mouseClick(banner.exit, Qt.MouseButton.LeftButton)
        assert canvas.actors["model"].visibility and window.doc.to_json() == editable

        # an edit of mine while comparing (a slider) leaves the comparison, so I see what I changed
        with qtbot.waitSignal(collab.comparer.shown, timeout=60_000):
            window.action_set["view.compare"].trigger()
        with qtbot.waitSignal(collab.comparer.ended, timeout=10_000):
            window.params.rows["wall"].spin.setValue(3.5)
        assert canvas.actors["model"].visibility and not banner.isVisible() and OLDER not in canvas.actors
    finally:
        owner.close()
