"""Projects and meshes through the real window: save → close → reopen, export, import, drop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.desktop.conftest import ask, wait_idle
from tests.desktop.test_chat_flow import extents


def drop(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window refused a mesh file dragged onto it"
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def test_save_close_reopen_restores_model_parameters_chat_and_history(  # type: ignore[no-untyped-def]
        make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    window.params.rows["height"].spin.setValue(140)
    wait_idle(qtbot, window)
    assert window.isWindowModified()
    versions = window.history.count
    window.project.path = tmp_path / "my pot.potproj"
    window.action_set["file.save"].trigger()
    wait_idle(qtbot, window)
    assert (tmp_path / "my pot.potproj").exists()
    assert not window.isWindowModified()
    assert "my pot" in window.windowTitle()
    assert window.history.count == versions + 1, "saving must add a version to the history"
    size = extents(window)
    window.close()
    assert not window.isVisible()

    again = make_window()
    again.open_path(tmp_path / "my pot.potproj")
    wait_idle(qtbot, again)
    assert again.doc.values()["height"] == pytest.approx(140)
    assert extents(again) == pytest.approx(size, abs=0.01)
    assert again.params.rows["height"].spin.value() == pytest.approx(140)
    assert any("12 cm" in b.text for b in again.chat.bubbles), "the conversation did not come back"
    assert again.history.count == versions + 1
    assert not again.isWindowModified()
    assert str(tmp_path / "my pot.potproj") in again.settings.recent_files


@pytest.mark.parametrize("suffix", [".stl", ".3mf", ".obj"])
def test_export_loads_back_in_trimesh_with_the_same_bounds(make_window, qtbot, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    target = tmp_path / f"pot{suffix}"
    window.export(target)
    wait_idle(qtbot, window)
    loaded = trimesh.load(target, force="mesh")
    b = window.viewport.model_bounds
    assert b is not None
    assert np.allclose(loaded.bounds, [[b[0], b[2], b[4]], [b[1], b[3], b[5]]], atol=0.01)


def test_dropping_an_stl_imports_it_as_an_undoable_part(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    path = tmp_path / "block.stl"
    trimesh.creation.box(extents=(30, 20, 10)).export(path)
    drop(window, path)
    wait_idle(qtbot, window)
    assert extents(window) == pytest.approx((30, 20, 10), abs=0.01)
    assert window.doc.root.children[0].type == "mesh"
    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert window.viewport.model_bounds is None


def test_a_broken_stl_dropped_on_the_window_shows_an_error_and_changes_nothing(  # type: ignore[no-untyped-def]
        make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    before = window.doc.dumps()
    depth = window.stack.depth
    bounds = window.viewport.model_bounds
    broken = tmp_path / "broken.stl"
    broken.write_bytes(b"\x00" * 80 + (10**7).to_bytes(4, "little") + b"\x01" * 100)
    drop(window, broken)
    wait_idle(qtbot, window)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert dialogs, "no error dialog"
    text = dialogs[-1].text()
    assert "broken.stl" in text and "Traceback" not in text
    assert "Traceback" in dialogs[-1].detailedText()
    assert window.doc.dumps() == before
    assert window.stack.depth == depth
    assert window.viewport.model_bounds == bounds
    assert window.errors and "broken.stl" in window.errors[-1]


def test_errors_from_the_core_are_explained_in_portuguese_in_the_portuguese_ui(  # type: ignore[no-untyped-def]
        make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    ask(window, "um vaso de planta de 12 cm", qtbot)
    window.params._push("wall", 999.0, None)
    assert window.errors[-1] == "Parede: o máximo é 10 mm."
    broken = tmp_path / "broken.stl"
    broken.write_bytes(b"\x00" * 80 + (10**7).to_bytes(4, "little") + b"\x01" * 100)
    drop(window, broken)
    wait_idle(qtbot, window)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert dialogs and dialogs[-1].text().startswith("'broken.stl' declara 10000000 triângulos"), dialogs[-1].text()
    assert "declares" in dialogs[-1].detailedText(), "the log and the details keep the English original"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    asked = []
    window.ask_unsaved = lambda: asked.append(1) or QMessageBox.StandardButton.Cancel
    window.close()
    assert asked and window.isVisible()
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


CRASHING_SESSION = """
import os
from core.assistant.base import Conversation, Message
from core.autosave import Autosaver
from core.templates.registry import get_template
doc = get_template("plant_pot").make({"height": 77})
saver = Autosaver(doc, Conversation([Message("user", "a pot 77 mm tall")]), "Lost pot").start()
saver.mark_changed()
saver.flush()
os._exit(1)  # a crash: no clean close, the journal and a stale lock stay behind
"""


def test_unsaved_work_of_a_crashed_session_is_offered_and_recovered(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    crashed = subprocess.run([sys.executable, "-c", CRASHING_SESSION], env=dict(os.environ), timeout=60)
    assert crashed.returncode == 1
    window = make_window()
    dialog = window.offer_recovery()
    assert dialog is not None and dialog.list.count() == 1
    assert "Lost pot" in dialog.list.item(0).text()
    qtbot.mouseClick(dialog.recover, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.doc.values()["height"] == pytest.approx(77)
    assert extents(window)[2] == pytest.approx(77, abs=0.5)
    assert window.isWindowModified(), "recovered work is unsaved until the user saves it"
    assert any(b.text == "a pot 77 mm tall" for b in window.chat.bubbles)


def test_history_restores_an_earlier_version_as_a_new_one(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    ask(window, "make it 20% taller", qtbot)
    assert window.history.count == 2
    assert window.history.caption.text() == "Click a version to preview it."
    assert window.history.preview.isHidden(), "an empty preview takes the room the list needs"
    first = window.history.list.item(1)  # newest on top
    window.history.list.setCurrentItem(first)
    assert "Version 1" in window.history.caption.text() and not window.history.preview.isHidden()
    assert window.history.preview.pixmap() is not None and not window.history.preview.pixmap().isNull()
    qtbot.mouseClick(window.history.restore, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert extents(window)[2] == pytest.approx(100, abs=0.5)
    assert window.history.count == 3, "a restore is recorded as a new version"
    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert extents(window)[2] == pytest.approx(120, abs=0.5)


def test_open_recent_lists_saved_projects(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    window.project.path = tmp_path / "recent.potproj"
    window.action_set["file.save"].trigger()
    wait_idle(qtbot, window)
    window.recent_menu.aboutToShow.emit()
    titles = [a.text() for a in window.recent_menu.actions()]
    assert titles == ["recent.potproj"]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
