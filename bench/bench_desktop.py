"""Desktop benchmarks, as ratios against bare PySide6 + pyvista measured in the same run.

* cold start to first rendered frame (fresh processes), app vs a bare pyvistaqt window, same mesh;
* frame time rotating a 1M-triangle mesh in the app's viewport vs a bare pyvista plotter;
* worst event-loop stall while dragging a slider of the heaviest template (5 ms probe timer);
* resident memory with one project open, idle.
Needs a display (make bench runs under xvfb-run).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import trimesh

HERE = Path(__file__).resolve().parent


def _probe(mode: str, mesh: Path, home: Path) -> dict[str, float]:
    env = dict(os.environ, POTSTUDIO_HOME=str(home), PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    spawned = repr(time.time())  # the probe's clock starts here (see _desktop_probe.py)
    out = subprocess.run([sys.executable, str(HERE / "_desktop_probe.py"), mode, str(mesh), spawned], env=env,
                         capture_output=True, text=True, timeout=300, check=True, cwd=HERE.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cold_start(tmp: Path) -> list[dict[str, Any]]:
    mesh = tmp / "pot.stl"
    trimesh.creation.cylinder(radius=60, height=100, sections=128).export(mesh)
    bare_runs = [_probe("bare", mesh, tmp / f"b{i}") for i in range(2)]
    app_runs = [_probe("studio", mesh, tmp / f"s{i}") for i in range(2)]

    def best(runs: list[dict[str, float]], key: str) -> float:
        return min(run[key] for run in runs)

    bare, app = best(bare_runs, "first_frame_s"), best(app_runs, "first_frame_s")
    ready = best(app_runs, "interactive_s")
    bare_rss, app_rss = best(bare_runs, "rss_mb"), best(app_runs, "rss_mb")
    return [
        {"name": "cold start to first rendered frame", "value": app, "unit": "s", "baseline": bare,
         "ratio": app / bare, "target": "< 2 s and ≤ 1.5×", "ok": app < 2 and app / bare <= 1.5,
         "note": "best of 2 fresh processes each; the frame that first shows the mesh (frameSwapped)"},
        {"name": "time until fully interactive (all docks built)", "value": ready, "unit": "s", "baseline": bare,
         "ratio": ready / bare,
         "note": "best of 2; the staged start is done: the opened STL is an editable model, trimesh and the "
                 "planner are loaded, background services started, workers idle"},
        {"name": "idle RSS, one project open", "value": app_rss, "unit": "MB", "baseline": bare_rss,
         "ratio": app_rss / bare_rss, "target": "≤ 1.3× bare", "ok": app_rss / bare_rss <= 1.3,
         "note": "best of 2, 1 s after fully interactive; the bare window with one mesh is the baseline"},
    ]


def _frame_times(plotter: Any, frames: int) -> float:
    from PySide6.QtCore import QCoreApplication

    plotter.render()
    times = []
    for _ in range(frames):
        plotter.camera.azimuth += 6
        t0 = time.perf_counter()
        plotter.render()
        QCoreApplication.processEvents()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _in_process(tmp: Path) -> list[dict[str, Any]]:
    import pyvista as pv
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
    from pyvistaqt import QtInteractor

    os.environ["POTSTUDIO_HOME"] = str(tmp / "inproc")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    from desktop.app import build_services, build_window

    app = QApplication.instance() or QApplication(["bench"])
    big = trimesh.creation.icosphere(subdivisions=8, radius=60)  # 1.31M triangles
    big = trimesh.Trimesh(big.vertices, big.faces[:1_000_000], process=False)

    window = build_window(build_services(app))
    window.resize(1280, 800)
    window.show()
    while not window.startup.finished:  # time frames, not the staged start's background work
        app.processEvents()
        time.sleep(0.005)
    window.viewport.show_mesh(big)
    app.processEvents()
    studio = _frame_times(window.viewport.plotter, 5)

    # Same window size and the same multisampling the app chose (it drops MSAA on software GL), so
    # the ratio measures the app's own overhead: plate, grid, axes, bbox, its Qt around the view.
    bare_window = QMainWindow()
    bare_window.resize(1280, 800)
    bare = QtInteractor(bare_window, auto_update=False,
                        multi_samples=window.viewport.plotter.ren_win.GetMultiSamples())
    bare_window.setCentralWidget(bare)
    bare.add_mesh(pv.wrap(big), color="#4aa3ff", smooth_shading=True)
    bare_window.show()
    app.processEvents()
    baseline = _frame_times(bare, 5)
    bare.close()
    bare_window.close()

    stall = _drag_stall(window, app)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.close()
    return [
        {"name": "frame time rotating 1M triangles", "value": studio * 1000, "unit": "ms", "baseline": baseline * 1000,
         "ratio": studio / baseline, "target": "≤ 1.1×", "ok": studio / baseline <= 1.1,
         "note": "median of 5 frames, same window size"},
        stall,
    ]


def _heaviest_template() -> str:
    from core.geometry.build import Evaluator
    from core.templates.registry import load_all

    def cost(spec: Any) -> float:
        t0 = time.perf_counter()
        Evaluator().mesh(spec.make())
        return time.perf_counter() - t0

    specs = load_all()
    for spec in specs.values():  # warm-up: the first build of all pays for imports and first-call setup
        cost(spec)
    costs = {tid: statistics.median(cost(spec) for _ in range(3)) for tid, spec in specs.items()}
    return max(costs, key=costs.__getitem__)


def _drag_stall(window: Any, app: Any) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    from core.commands import ReplaceDocument
    from core.templates.registry import get_template

    tid = _heaviest_template()
    window.stack.push(ReplaceDocument(get_template(tid).make()))
    while window.regen.busy or window.workers.busy:
        app.processEvents()
    name, row = next((n, r) for n, r in window.params.rows.items() if hasattr(r, "slider"))
    worst = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0] - 0.005)
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    probe.start()
    slider = row.slider
    slider.setSliderDown(True)
    for pos in range(100, 700, 20):
        slider.setSliderPosition(pos)
        end = time.perf_counter() + 0.03
        while time.perf_counter() < end:
            app.processEvents()
    slider.setSliderDown(False)
    while window.regen.busy or window.workers.busy:
        app.processEvents()
    probe.stop()
    return {"name": f"worst event-loop stall dragging '{name}' of {tid}", "value": worst[0] * 1000, "unit": "ms",
            "target": "max < 100 ms", "ok": worst[0] < 0.1, "note": "5 ms probe timer, 30 slider steps"}


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        return _cold_start(Path(tmp)) + _in_process(Path(tmp))
