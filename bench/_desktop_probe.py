"""Subprocess half of bench_desktop: start either the real app or a bare PySide6 + pyvistaqt window
showing one mesh, and print JSON with the time from process start to the first rendered frame of that
mesh, the time until the app is fully interactive (its staged start done: all docks built, background
services started), and the resident memory once idle after that. A fresh process per run makes it a
real cold start.

The clock starts at the wall time the parent passes in argv[3], taken just before it spawned us:
psutil's create_time() is boot time (whole seconds in /proc/stat) plus the start tick, so it can
sit up to a second before the real start (0.2 s on the bench machine), the same phantom for both
sides, which would inflate the absolute figure and flatter the ratio."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

import psutil

T0 = float(sys.argv[3])


def _pump(until: Callable[[], bool]) -> None:
    from PySide6.QtCore import QCoreApplication

    while not until():
        QCoreApplication.processEvents()
        time.sleep(0.002)


def _first_frame(plotter: Any, shows_mesh: Callable[[], bool]) -> list[float]:
    """Filled with the time of the first frame put on screen while `shows_mesh()` holds (QOpenGLWidget's
    frameSwapped): the same moment for both sides, however each schedules its renders."""
    swapped: list[float] = []

    def record() -> None:
        if not swapped and shows_mesh():
            swapped.append(time.time() - T0)

    plotter.frameSwapped.connect(record)
    return swapped


def _report(first: float, interactive: float, rss_after: float = 1.0) -> None:
    end = time.monotonic() + rss_after
    _pump(lambda: time.monotonic() >= end)
    print(json.dumps({"first_frame_s": first, "interactive_s": interactive,
                      "rss_mb": psutil.Process().memory_info().rss / 2**20}))


def bare(mesh_path: str) -> None:
    # As the app does (desktop/__init__.py): a user's install has no mypy, so neither side loads it through
    # pyvista's typing plugin, though this bench runs in the developers' venv.
    sys.modules.setdefault("mypy", None)  # type: ignore[arg-type]
    import pyvista as pv
    from PySide6.QtWidgets import QApplication, QMainWindow
    from pyvistaqt import QtInteractor

    app = QApplication(["bare"])
    window = QMainWindow()
    window.resize(1280, 800)
    plotter = QtInteractor(window, auto_update=False)
    window.setCentralWidget(plotter)
    plotter.add_mesh(pv.read(mesh_path), color="#4aa3ff")
    first = _first_frame(plotter, lambda: True)
    window.show()
    app.processEvents()
    plotter.render()
    _pump(lambda: bool(first))
    _report(first[0], first[0])
    plotter.close()


def studio(mesh_path: str) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from desktop.app import build_services, build_window

    app = QApplication(["potstudio"])
    window = build_window(build_services(app))
    window.resize(1280, 800)
    first = _first_frame(window.viewport.plotter, lambda: window.viewport.model_bounds is not None)
    window.open_path(Path(mesh_path))  # in the order `potstudio FILE` does (desktop/__main__.py)
    window.show()
    _pump(lambda: bool(first))  # the model (or its start-up preview) is on screen
    _pump(lambda: window.startup.finished and window.viewport.mesh is not None)
    _report(first[0], time.time() - T0)
    window.shutdown()


if __name__ == "__main__":
    {"bare": bare, "studio": studio}[sys.argv[1]](sys.argv[2])
