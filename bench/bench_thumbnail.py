"""Project thumbnail (core.geometry.thumbnail.render_png) of a ~50k-triangle model.

The baseline is the same 256×256 picture taken by VTK (pyvista off-screen, Mesa software GL here):
what the desktop would pay if thumbnails went through the viewport stack, measured in the same run.
Our renderer must stay "well under a second" for 50k triangles, since every save renders one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import trimesh

from core.geometry.thumbnail import render_png

ROUNDS = 7
SIZE = (256, 256)


def _median(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _vtk_thumbnail(mesh: trimesh.Trimesh) -> Callable[[], object]:
    import pyvista as pv

    faces = np.hstack([np.full((len(mesh.faces), 1), 3), mesh.faces]).ravel()
    poly = pv.PolyData(np.asarray(mesh.vertices), faces)

    def shot() -> object:
        plotter = pv.Plotter(off_screen=True, window_size=list(SIZE))
        plotter.add_mesh(poly, color=(74, 144, 217))
        plotter.view_isometric()
        image = plotter.screenshot(return_img=True)
        plotter.close()
        return image

    return shot


def run() -> list[dict[str, Any]]:
    mesh = trimesh.creation.torus(40.0, 12.0, major_sections=256, minor_sections=100)
    count = len(mesh.faces)
    ours = _median(lambda: render_png(mesh, size=SIZE))
    row: dict[str, Any] = {
        "name": f"thumbnail 256×256 of {count:,} triangles", "value": ours * 1000, "unit": "ms",
        "target": "p50 < 500 ms", "ok": ours < 0.5,
        "note": "numpy rasteriser, 2× supersampled",
    }
    try:
        vtk = _median(_vtk_thumbnail(mesh))
    except Exception as exc:  # no GL here: report ours alone and say why
        row["note"] += f"; VTK baseline unavailable ({exc.__class__.__name__}: {exc})"
    else:
        row.update(baseline=vtk * 1000, ratio=ours / vtk)
        row["note"] += "; baseline: pyvista off-screen screenshot of the same mesh"
    return [row]
