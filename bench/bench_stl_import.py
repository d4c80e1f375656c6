"""Binary STL import of a ~1M-triangle file against reading the same bytes raw with numpy.

Three timings, interleaved in the same run so disk cache and CPU load affect them alike:
the baseline `np.fromfile` with the STL record dtype, our parse (`read_stl_triangles`: format
detection and the declared-count vs file-size check, then the structured read), and the full
`load_mesh` (parse + welding 3M corners into a closed mesh + NaN/index checks + Trimesh). The 1.2×
target is for the parse; the full load is reported beside it so nobody mistakes one for the other.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import trimesh

from core.geometry.meshio import STL_DTYPE, load_mesh, read_stl_triangles, save_mesh

ROUNDS = 7


def _median_times(fns: list[Callable[[], object]]) -> list[float]:
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(ROUNDS):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def run() -> list[dict[str, Any]]:
    mesh = trimesh.creation.uv_sphere(radius=50.0, count=(500, 500))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sphere.stl"
        save_mesh(mesh, path)
        count = len(mesh.faces)
        raw_s, parse_s, load_s = _median_times([
            lambda: np.fromfile(path, dtype=STL_DTYPE, count=count, offset=84),
            lambda: read_stl_triangles(path),
            lambda: load_mesh(path),
        ])
        assert load_mesh(path).mesh.is_watertight
    parse_ratio = parse_s / raw_s
    return [
        {"name": f"raw numpy read, {count:,} triangles", "value": raw_s * 1000, "unit": "ms"},
        {"name": "STL parse (checked) vs raw numpy", "value": parse_s * 1000, "unit": "ms", "baseline": raw_s * 1000,
         "ratio": parse_ratio, "target": "ratio < 1.2", "ok": parse_ratio < 1.2,
         "note": "format + declared-count/size check before allocating, then the read"},
        {"name": "STL load_mesh (parse + weld) vs raw numpy", "value": load_s * 1000, "unit": "ms",
         "baseline": raw_s * 1000, "ratio": load_s / raw_s,
         "note": "plus welding corners into a watertight mesh and NaN/index checks; no target"},
    ]
