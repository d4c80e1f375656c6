"""Subprocess half of bench_desktop: start either the real app or a bare PySide6 + pyvistaqt window
showing one mesh, and print JSON with the time from process start to the first rendered frame of that
mesh, and the resident memory once idle. A fresh process per run makes it a real cold start."""

from __future__ import annotations

import json
import sys
import time

import psutil

T0 = psutil.Process().create_time()


def _report(rss_after: float = 1.0) -> None:
    from PySide6.QtCore import QCoreApplication

    first = time.time() - T0
    end = time.monotonic() + rss_after
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    print(json.dumps({"first_frame_s": first, "rss_mb": psutil.Process().memory_info().rss / 2**20}))


def bare(mesh_path: str) -> None:
    import pyvista as pv
    from PySide6.QtWidgets import QApplication, QMainWindow
    from pyvistaqt import QtInteractor

    app = QApplication(["bare"])
    window = QMainWindow()
    window.resize(1280, 800)
    plotter = QtInteractor(window, auto_update=False)
    window.setCentralWidget(plotter)
    plotter.add_mesh(pv.read(mesh_path), color="#4aa3ff")
    window.show()
    app.processEvents()
    plotter.render()
    app.processEvents()
    _report()
    plotter.close()


def studio(mesh_path: str) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from desktop.app import build_services, build_window

    app = QApplication(["potstudio"])
    window = build_window(build_services(app))
    window.resize(1280, 800)
    window.show()
    window.open_path(Path(mesh_path))
    while window.viewport.mesh is None:
        app.processEvents()
        time.sleep(0.002)
    window.viewport.plotter.render()
    app.processEvents()
    _report()
    window.shutdown()


if __name__ == "__main__":
    {"bare": bare, "studio": studio}[sys.argv[1]](sys.argv[2])
