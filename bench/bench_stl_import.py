"""Binary STL import of a ~1M-triangle file against reading the same bytes raw with numpy.

All timings are interleaved in the same rounds, so disk cache and CPU load affect them alike:

* the baseline: `np.fromfile` of the triangle records with the STL record dtype;
* import, what a user waits for before the model can be drawn: `load_mesh` (format detection, the
  declared-count vs file-size check, the corners gathered from cache-sized read chunks by a few
  threads, each chunk checked for NaN/inf while still in the cache): the triangle soup, three corners
  per triangle, which is what the baseline's records hold too. The 1.2× target is for this row. The
  soup's index array (0, 1, 2, …) is not read from the file and is made only when a viewer asks for
  one; it is timed on its own row;
* the weld on first topology use (`LoadedModel.mesh`: joining 3M corners into a closed indexed mesh,
  dropping degenerate triangles, the Trimesh), timed on that round's freshly imported model;
* for context, `trimesh.load(process=True)`, which parses and merges vertices in one go, against
  our import plus weld (what `potstudio check` or a boolean waits for).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import trimesh

from core.geometry.meshio import LoadedModel, load_mesh, save_mesh
from core.geometry.stl import STL_DTYPE
from core.geometry.weld import TriangleSoup

ROUNDS = 7
T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run() -> list[dict[str, Any]]:
    sphere = trimesh.creation.uv_sphere(radius=50.0, count=(500, 500))
    raw_t: list[float] = []
    import_t: list[float] = []
    index_t: list[float] = []
    weld_t: list[float] = []
    trimesh_t: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sphere.stl"
        save_mesh(sphere, path)
        count = len(sphere.faces)

        def imported() -> LoadedModel:
            loaded = load_mesh(path)
            assert isinstance(loaded.display, TriangleSoup) and len(loaded.display.corners) == count
            return loaded

        for _ in range(ROUNDS):
            raw_t.append(_timed(lambda: np.fromfile(path, dtype=STL_DTYPE, count=count, offset=84))[0])
            seconds, loaded = _timed(imported)
            import_t.append(seconds)
            index_t.append(_timed(lambda soup=loaded.display: soup.faces)[0])
            seconds, mesh = _timed(loaded.welded)
            weld_t.append(seconds)
            assert mesh.is_watertight and len(mesh.faces) == count
            trimesh_t.append(_timed(lambda: trimesh.load(path, process=True))[0])
    raw, imp, index, weld, tm = (statistics.median(t) * 1000 for t in (raw_t, import_t, index_t, weld_t, trimesh_t))
    ratio = imp / raw
    return [
        {"name": f"raw numpy read, {count:,} triangles", "value": raw, "unit": "ms",
         "note": "np.fromfile of the 50-byte triangle records"},
        {"name": "STL import (checked parse → displayable mesh) vs raw numpy", "value": imp, "unit": "ms",
         "baseline": raw, "ratio": ratio, "target": "ratio < 1.2", "ok": ratio < 1.2,
         "note": "size checks, corners gathered from cache-sized read chunks by a few threads, NaN/inf check"},
        {"name": "soup index array, when a viewer first asks for one", "value": index, "unit": "ms", "baseline": raw,
         "ratio": index / raw, "note": "np.arange of 3 × triangles, int64; not part of reading the file"},
        {"name": "weld on first topology use vs raw numpy", "value": weld, "unit": "ms", "baseline": raw,
         "ratio": weld / raw, "note": "exact-position hash weld of 3M corners, degenerate check, Trimesh; once"},
        {"name": "trimesh.load(process=True) vs raw numpy", "value": tm, "unit": "ms", "baseline": raw,
         "ratio": tm / raw, "note": "context: trimesh's own parse + vertex merge of the same file"},
        {"name": "STL import + weld vs trimesh.load(process=True)", "value": imp + weld, "unit": "ms",
         "baseline": tm, "ratio": (imp + weld) / tm, "note": "what a watertight check or a boolean waits for"},
    ]
