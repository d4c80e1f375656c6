"""The one main-window fixture (napari's make_napari_viewer, pyvistaqt's check_gc).

`make_window()` builds the real window from the real composition root (offline planner, real
evaluator, settings in the test's POTSTUDIO_HOME). At teardown every window is closed and the test
FAILS if any widget of the window (its C++ object), its VTK render window, or a top-level widget it
opened is still alive. (The Python wrapper of a closed window is sometimes kept a while longer by
PySide's own bookkeeping of queued signals; that holds no native resources, so it is not counted.)
GUI tests run under Xvfb (`make test` wraps pytest in xvfb-run).
"""

from __future__ import annotations

import gc
import os
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import pyvista as pv
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.app import build_services, build_window
from desktop.main_window import MainWindow

if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
    pytest.fail("GUI tests need a display: run them under xvfb-run (make test does).", pytrace=False)


def wait_until(qtbot, predicate: Callable[[], bool], timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(predicate, timeout=int(timeout * 1000))


def idle(window: MainWindow) -> bool:
    return not (window.chat.busy or window.workers.busy or window.regen.busy)


def wait_idle(qtbot, window: MainWindow, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    wait_until(qtbot, lambda: idle(window), timeout)
    qtbot.wait(30)  # let queued mesh/thumbnail results land
    wait_until(qtbot, lambda: idle(window), timeout)


def ask(window: MainWindow, prompt: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Type a prompt in the chat input and press Enter, like a user."""
    window.chat.input.setFocus()
    qtbot.keyClicks(window.chat.input, prompt)
    qtbot.keyClick(window.chat.input, "\r")
    wait_until(qtbot, lambda: not window.chat.busy)
    wait_idle(qtbot, window)


@pytest.fixture(autouse=True)
def vtk_on_the_gui_thread_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every GUI test FAILS if a pyvista dataset was made off the main thread: VTK's garbage collector
    can then deadlock a worker holding the GIL against a render that calls back into Python (the frozen
    window of desktop.viewport.shading)."""
    made_off: list[str] = []
    original = pv.DataObject.__init__

    def recording(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            made_off.append("".join(traceback.format_stack(limit=6)))
        original(self, *args, **kwargs)

    monkeypatch.setattr(pv.DataObject, "__init__", recording)
    yield
    assert not made_off, f"VTK datasets made on a worker thread ({len(made_off)}), first at:\n{made_off[0]}"


@pytest.fixture
def make_window(qtbot, isolated_home: Path) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = {id(w) for w in app.topLevelWidgets()}
    made: list[weakref.ref[MainWindow]] = []
    vtk: list[weakref.ref[object]] = []
    widgets: list[QWidget] = []

    def make(size: tuple[int, int] = (1280, 800),
             before_show: Callable[[MainWindow], None] | None = None) -> MainWindow:
        """`before_show(window)` runs between construction and show(), as `potstudio FILE` opens files."""
        window = build_window(build_services(app, isolated_home / "settings.json"))
        window.resize(*size)
        if before_show is not None:
            before_show(window)
        window.show()
        qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        made.append(weakref.ref(window))
        vtk.append(weakref.ref(window.viewport.plotter.ren_win))
        return window

    yield make

    for ref in made:
        window = ref()
        if window is not None:
            widgets.extend([window, *window.findChildren(QWidget)])
            window.services.translations.set_language("en")  # translators live on the shared QApplication
        if window is not None and window.isVisible():
            window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
            window.close()
        if window is not None:
            window.deleteLater()
        del window
    for box in app.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.done(0)
            box.deleteLater()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        if not any(shiboken6.isValid(w) for w in widgets):
            break
    alive = [w for w in widgets if shiboken6.isValid(w)]
    assert not alive, f"{len(alive)} widgets outlived their closed window, e.g. {alive[:5]}"
    del widgets, alive
    gc.collect()
    render_windows = [r() for r in vtk if r() is not None]
    assert not render_windows, "the VTK render window outlived its main window"
    left = [w for w in app.topLevelWidgets() if id(w) not in before and not w.isHidden()]
    assert not left, f"top-level widgets left open: {left}"
