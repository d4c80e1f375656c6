"""The one main-window fixture (napari's make_napari_viewer, pyvistaqt's check_gc).

`make_window()` builds the real window from the real composition root (offline planner, real
evaluator, settings in the test's POTSTUDIO_HOME). At teardown every window is shut down and the
test FAILS if a window, its VTK render window or any top-level widget it created is still alive.
GUI tests run under Xvfb (`make test` wraps pytest in xvfb-run).
"""

from __future__ import annotations

import gc
import os
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import build_services, build_window
from desktop.main_window import MainWindow

pytestmark = pytest.mark.gui

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


def _holders(obj: object, depth: int = 4, seen: set | None = None) -> list:
    """What keeps a leaked window alive, readable in the failure message."""
    import types
    seen = seen if seen is not None else set()
    names = []
    for ref in gc.get_referrers(obj):
        if isinstance(ref, types.FrameType) or id(ref) in seen:
            continue
        seen.add(id(ref))
        func = getattr(ref, "__func__", ref)
        name = getattr(func, "__qualname__", type(ref).__name__)
        if isinstance(ref, dict):
            name += str(list(ref)[:4])
        names.append((name, _holders(ref, depth - 1, seen) if depth > 1 and name not in ("list", "make_window") else []))
    return names


@pytest.fixture
def make_window(qtbot, isolated_home: Path) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = {id(w) for w in app.topLevelWidgets()}
    made: list[weakref.ref[MainWindow]] = []
    vtk: list[weakref.ref[object]] = []

    def make(size: tuple[int, int] = (1280, 800)) -> MainWindow:
        window = build_window(build_services(app, isolated_home / "settings.json"))
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        made.append(weakref.ref(window))
        vtk.append(weakref.ref(window.viewport.plotter.ren_win))
        return window

    yield make

    for ref in made:
        window = ref()
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
        if all(r() is None for r in made):
            break
    leaked = [r() for r in made if r() is not None]
    if leaked:
        import sys
        mods = ("desktop.", "core.")
        for o in gc.get_objects():
            t = type(o)
            if t.__module__.startswith(mods) or t.__name__ in ("function", "method"):
                extra = sys.getrefcount(o) - len(gc.get_referrers(o)) - 1
                if extra > 1:
                    name = getattr(getattr(o, "__func__", o), "__qualname__", t.__name__)
                    print("EXTRA", extra, t.__module__, name)
    assert not leaked, f"main window leaked after close, held by: {_holders(leaked[0])}"
    render_windows = [r() for r in vtk if r() is not None]
    assert not render_windows, "the VTK render window outlived its main window"
    left = [w for w in app.topLevelWidgets() if id(w) not in before and not w.isHidden()]
    assert not left, f"top-level widgets left open: {left}"
