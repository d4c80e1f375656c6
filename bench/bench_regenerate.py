"""Regeneration speed of every template, and the same models built by OpenSCAD's CLI.

For each template: p50 of a full build at defaults with a fresh Evaluator (cold cache), and p50 of
a rebuild after one parameter change with a warm Evaluator — each step sets a value not seen
before, so the changed subtree really is rebuilt and only the untouched parts come from the cache.
The changed parameter is a typical local edit for that template (a saucer's height, a lid's
clearance), listed in EDITS. Targets: full build p50 < 30 ms; rebuild ≥ 3× faster than full.

OpenSCAD (Debian `openscad`, if installed): bench/scad/*.scad describe the same models at
defaults; we time `openscad -o out.stl file.scad` against our full build of the same template
and report the ratio (OpenSCAD time / ours) measured in the same run.
"""

from __future__ import annotations

import logging
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import core.geometry.font
import core.geometry.gear  # noqa: F401  (registers the "gear" shape)
from core.geometry.build import Evaluator
from core.templates import get_template, load_all

log = logging.getLogger(__name__)

RUNS = 9
SCAD_RUNS = 3
TARGET_MS = 30.0
TARGET_SPEEDUP = 3.0
SCAD_DIR = Path(__file__).parent / "scad"

# template id -> (parameter changed by the edit, values set first so the edited part exists)
EDITS: dict[str, tuple[str, dict[str, Any]]] = {
    "plant_pot": ("saucer_height", {"saucer": True}),
    "vase": ("floor", {}),
    "box_with_lid": ("clearance", {}),
    "device_enclosure": ("grommet_diameter", {}),
    "pen_cup": ("floor", {"dividers": True}),
    "wall_hook": ("hole_diameter", {}),
    "shelf_bracket": ("hole_diameter", {}),
    "spur_gear": ("bore", {}),
    "phone_stand": ("lip_height", {}),
    "cable_clip": ("hole_diameter", {"mount": "screw"}),
    "knob": ("shaft_diameter", {}),
    "spacer": ("inner_diameter", {}),
    "coaster": ("rim_height", {"kind": "tray"}),
    "name_tag": ("ring_diameter", {}),
    "spool_holder": ("spool_diameter", {}),
    "block": ("hole_diameter", {"hole_diameter": 5}),
    "drawer_organizer": ("floor", {}),
    "soap_dish": ("corner_radius", {}),
}


def p50_ms(fn: Callable[[int], object], runs: int = RUNS) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def regenerate(template_id: str) -> list[dict[str, Any]]:
    spec = get_template(template_id)
    param, setup = EDITS.get(template_id, (next(p.name for p in spec.parameters() if p.kind == "float"), {}))
    doc = spec.make(setup)
    full = p50_ms(lambda _: Evaluator().mesh(doc))

    evaluator = Evaluator()
    evaluator.mesh(doc)
    knob = doc.param(param)
    start = float(knob.value)
    lo, hi = float(knob.min if knob.min is not None else 0), float(knob.max if knob.max is not None else 2 * start)
    # Fresh values on the roomier side of the current one, so no step is a cache hit.
    room = max(hi - start, start - lo)
    step = (room if hi - start >= start - lo else -room) / (RUNS + 1)

    def edit(i: int) -> None:
        doc.set_param_value(param, start + (i + 1) * step)
        evaluator.mesh(doc)

    rebuild = p50_ms(edit)
    speedup = full / rebuild if rebuild > 0 else float("inf")
    return [
        {"name": f"regenerate {template_id}: full build at defaults", "value": round(full, 2), "unit": "ms",
         "target": f"p50 < {TARGET_MS:g} ms", "ok": full < TARGET_MS},
        {"name": f"regenerate {template_id}: rebuild after changing {param}", "value": round(rebuild, 2), "unit": "ms",
         "baseline": round(full, 2), "ratio": round(speedup, 2), "target": f"≥ {TARGET_SPEEDUP:g}× faster than full",
         "ok": speedup >= TARGET_SPEEDUP, "note": "ratio = full build / warm-cache rebuild"},
    ]


def openscad_vs_core(scad: Path, openscad: str) -> dict[str, Any]:
    template_id = scad.stem
    doc = get_template(template_id).make()
    ours = p50_ms(lambda _: Evaluator().mesh(doc))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.stl"
        cmd = [openscad, "-o", str(out), str(scad)]

        def run_scad(_: int) -> None:
            subprocess.run(cmd, check=True, capture_output=True, timeout=300)

        theirs = p50_ms(run_scad, SCAD_RUNS)
    return {
        "name": f"OpenSCAD CLI vs core: {template_id} at defaults", "value": round(theirs, 1), "unit": "ms",
        "baseline": round(ours, 2), "ratio": round(theirs / ours, 1),
        "note": "value = `openscad -o out.stl`, baseline = our full build; ratio = OpenSCAD / ours",
    }


def run() -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for template_id in sorted(load_all()):
        results += regenerate(template_id)
    openscad = shutil.which("openscad")
    if openscad is None:
        results.append({"name": "OpenSCAD CLI vs core", "value": 0.0, "unit": "ms", "ok": False,
                        "note": "openscad is not installed (Debian package `openscad`); comparison skipped"})
        return results
    for scad in sorted(SCAD_DIR.glob("*.scad")):
        try:
            results.append(openscad_vs_core(scad, openscad))
        except (subprocess.SubprocessError, OSError) as exc:
            log.error("OpenSCAD failed on %s: %s", scad.name, exc)
            results.append({"name": f"OpenSCAD CLI vs core: {scad.stem}", "value": 0.0, "unit": "ms", "ok": False,
                            "note": f"openscad failed: {exc}"})
    return results


if __name__ == "__main__":
    for row in run():
        print(row)
