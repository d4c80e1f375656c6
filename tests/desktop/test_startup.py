"""The staged start (desktop/startup.py): the first frame already shows a mesh opened at start-up,
the real model replaces it unchanged, a file that cannot open leaves nothing behind, and the printer
stack waits for printers to exist or for the Printers dock to be opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.geometry.stl import binary_stl_bytes
from desktop.main_window import MainWindow
from printers.base import PrinterConfig
from printers.book import PrinterBook
from tests.desktop.conftest import wait_idle, wait_until
from tests.desktop.test_screenshot import assert_viewport_shows_model, pixels, potstudio

pytestmark = pytest.mark.gui


def pot_stl(path: Path) -> Path:
    """A closed cylinder standing off-centre, so the open has to move it onto the plate."""
    mesh = trimesh.creation.cylinder(radius=30, height=50, sections=64)
    mesh.apply_translation([70, -20, 40])
    path.write_bytes(binary_stl_bytes(mesh.vertices[mesh.faces], mesh.face_normals, "pot"))
    return path


def test_a_mesh_opened_at_start_is_in_the_first_frame_and_stays_put(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = pot_stl(tmp_path / "pot.stl")
    first: list[tuple[float, ...] | None] = []
    announced: list[tuple[float, ...] | None] = []  # what was on screen when recovery may be offered

    def open_then_watch(window: MainWindow) -> None:
        window.open_path(path)  # before show(), like `potstudio pot.stl`
        window.viewport.plotter.frameSwapped.connect(
            lambda: first.append(window.viewport.model_bounds) if not first else None)
        window.startup.first_frame.connect(lambda: announced.append(window.viewport.model_bounds))

    window = make_window(before_show=open_then_watch)
    wait_until(qtbot, lambda: window.startup.finished)
    wait_idle(qtbot, window)
    assert first and first[0] is not None, "the first frame on screen did not show the model"
    assert announced == [first[0]]  # emitted once, after that frame
    shown = np.array(first[0])
    assert shown == pytest.approx([-30, 30, -30, 30, 0, 50], abs=0.05)  # centred, standing on the plate
    assert window.viewport.mesh is not None and [n.type for n in window.doc.root.children] == ["mesh"]
    assert np.array(window.viewport.model_bounds) == pytest.approx(shown, abs=1e-3)  # no jump when it swaps
    assert window.startup.warmed and not window.errors
    assert window.windowTitle().startswith("pot")


@pytest.mark.parametrize(("corners", "message"), [
    # readable triangles, but each repeats a corner: the open refuses the file
    ([[[0, 0, 0], [0, 0, 0], [10, 0, 0]], [[0, 5, 0], [0, 5, 0], [0, 5, 9]]], "degenerate"),
    # one open triangle: the file opens, but it is no solid the model can be built from
    ([[[0, 0, 0], [10, 0, 0], [0, 10, 0]]], "not a closed solid"),
], ids=["unreadable", "not-a-solid"])
def test_a_file_that_fails_at_start_leaves_no_preview_behind(qtbot, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             corners: list[list[list[float]]], message: str) -> None:
    triangles = np.array(corners, dtype=np.float32)
    path = tmp_path / "bad.stl"
    path.write_bytes(binary_stl_bytes(triangles, np.zeros((len(triangles), 3)), "bad"))
    window = make_window(before_show=lambda w: w.open_path(path))
    wait_until(qtbot, lambda: window.startup.finished)
    wait_idle(qtbot, window)
    assert window.errors and message in window.errors[-1]
    assert window.viewport.model_bounds is None  # the viewport shows the document, not the file's triangles


def test_without_printers_the_printer_stack_waits_for_its_dock(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    wait_until(qtbot, lambda: window.startup.finished)
    assert window.printers.fleet is None and window.printers.dock is None
    window.action_set["view.printers"].trigger()  # tabbed behind Parameters: brought to the front
    wait_until(qtbot, lambda: window.printers.dock is not None, timeout=60)
    assert window.printers.dock.empty.isVisibleTo(window.printers.dock)  # "add a printer", not a placeholder
    wait_idle(qtbot, window)


def test_configured_printers_connect_at_start_without_opening_the_dock(qtbot, make_window, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    PrinterBook().add(PrinterConfig(name="Workshop Voron", kind="moonraker", host="127.0.0.1", port=9,
                                   instance="voron"))
    window = make_window()
    wait_until(qtbot, lambda: window.printers.dock is not None, timeout=60)
    assert window.printers.dock.visibleRegion().isEmpty()  # still behind the Parameters tab
    dock = window.printers.dock
    wait_until(qtbot, lambda: "Workshop Voron" in dock.cards, timeout=30)
    wait_until(qtbot, lambda: window.startup.finished)


def test_the_window_module_loads_without_the_heavy_stacks() -> None:
    """What `import desktop.app` must not pull in: each is loaded after the first frame or on first use."""
    heavy = ["trimesh", "scipy", "networkx", "keyring", "printers", "sqlalchemy", "lxml",
             "core.assistant.offline.planner", "core.store"]
    probe = f"import sys, desktop.app; print([m for m in {heavy!r} if m in sys.modules])"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "[]"


IDLE_PROBE = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.app import build_services, build_window

app = QApplication(["probe"])
window = build_window(build_services(app))
window.open_path(Path(sys.argv[1]))
window.show()
deadline = time.monotonic() + 120
while not (window.startup.finished and window.viewport.mesh is not None) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
report = {"finished": window.startup.finished, "loaded": [m for m in sys.argv[2:] if m in sys.modules],
          "trimesh": "trimesh" in sys.modules}

import networkx  # the deferred stacks are all there once used, as the real modules
import trimesh

mesh = window.viewport.mesh
report["components"] = len(trimesh.graph.connected_components(mesh.face_adjacency, engine="networkx"))
report["same_networkx"] = trimesh.graph.nx.Graph is networkx.Graph is sys.modules["networkx"].Graph
report["graph_isinstance"] = isinstance(networkx.Graph(), trimesh.base.Graph)
report["radius"] = float(trimesh.nsphere.fit_nsphere(trimesh.creation.icosphere(radius=3).vertices)[1])
report["svg"] = trimesh.path.exchange.svg_io.etree.fromstring(b"<svg/>").tag
window.shutdown()
print(json.dumps(report))
"""


def test_the_idle_window_holds_none_of_the_stacks_trimesh_imports_but_does_not_use(tmp_path: Path) -> None:
    """Fully started with a mesh open (bench_desktop's idle state), the app has trimesh but not networkx,
    scipy.optimize, lxml or numpy.f2py (desktop/deferred_imports.py) nor keyring (no secret was needed);
    trimesh's functions that need them still work, with the real modules."""
    deferred = ["networkx", "scipy.optimize", "scipy.ndimage", "lxml.etree", "numpy.f2py", "numpy.testing",
                "keyring"]
    env = dict(os.environ, POTSTUDIO_HOME=str(tmp_path / "home"),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    proc = subprocess.run([sys.executable, "-c", IDLE_PROBE, str(pot_stl(tmp_path / "pot.stl")), *deferred],
                          env=env, capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["finished"] and report["trimesh"]
    assert report["loaded"] == [], f"loaded at start-up again: {report['loaded']}"
    assert report["components"] == 1 and report["same_networkx"] and report["graph_isinstance"]
    assert report["radius"] == pytest.approx(3, abs=1e-6) and report["svg"] == "svg"


def test_potstudio_with_a_file_shows_it(tmp_path: Path) -> None:
    """`potstudio pot.stl` end to end (screenshot mode): the opened mesh is what the window shows."""
    path = pot_stl(tmp_path / "pot.stl")
    out = tmp_path / "shot.png"
    env = dict(os.environ, POTSTUDIO_HOME=str(tmp_path / "home"))
    result = subprocess.run([*potstudio(), "--screenshot", str(out), "--theme", "dark", str(path)], env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_viewport_shows_model(pixels(out), "dark")


def test_the_start_up_heap_is_frozen_and_a_replaced_model_is_still_freed(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The collector's full pass over the start-up heap runs once, before the user drags anything; the
    model opened at start is frozen with it, yet it is freed once a new model replaces it (a trimesh is
    a reference cycle, which a frozen heap would otherwise keep for good)."""
    import gc
    import weakref

    from tests.desktop.conftest import ask

    path = pot_stl(tmp_path / "pot.stl")
    window = make_window(before_show=lambda w: w.open_path(path))
    wait_until(qtbot, lambda: window.startup.finished and window.viewport.mesh is not None)
    wait_idle(qtbot, window)
    assert gc.get_freeze_count() > 50_000, "the start-up objects are still walked by every full collection"
    opened = weakref.ref(window.viewport.mesh)
    ask(window, "a plant pot 12 cm wide", qtbot)
    wait_until(qtbot, lambda: opened() is None)  # the settle after the new model is on screen frees it
