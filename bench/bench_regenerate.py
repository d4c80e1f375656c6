"""Regeneration speed of every template, and the same models built by OpenSCAD's CLI.

For each template: p50 of a full build at defaults with a fresh Evaluator (cold cache, nothing
kept between runs), and p50 of a rebuild after one parameter change with a warm Evaluator — each
step sets a value not seen before (and allowed by the template's checks), so the changed subtree
really is rebuilt and only the untouched parts come from the cache — against cold full builds of
the same edited documents. The changed parameter is the template's own declared typical local edit
(TemplateSpec.local_edit: a saucer's height, a lid's clearance), not chosen here. Targets: full
build p50 < 30 ms; rebuild ≥ 3× faster than full. An informational row per template gives the
median of the same ratio over *every* parameter, global ones (a height, a wall) included, and one
gives manifold3d's share of the rebuild: the same operations on the same inputs replayed straight
in manifold3d, so what is left is our own bookkeeping (and what no cache can remove is the rest).

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
from core.document import Document
from core.document.nodes import resolve_value
from core.document.parameters import Parameter
from core.errors import PotStudioError
from core.geometry.build import BUILDERS, Evaluator
from core.templates import get_template, load_all
from core.templates.base import TemplateSpec

log = logging.getLogger(__name__)

RUNS = 9
PARAM_RUNS = 3
SCAD_RUNS = 3
TARGET_MS = 30.0
FRAME_MS = 16.0
"""Restated target (issue 13): every template's single-parameter rebuild p95 under one 60 Hz frame. It replaces
"rebuild ≥ 3× faster than full", which manifold3d's own booleans bound near 1-2× on one-body models."""
SCAD_DIR = Path(__file__).parent / "scad"


def p50_ms(fn: Callable[[int], object], runs: int = RUNS) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fresh_values(spec: TemplateSpec, doc: Document, param: Parameter, count: int) -> list[Any]:
    """`count` values of `param` never set before in this document and that pass the template's
    checks (an edit a user could make), on the roomier side of the current value."""
    current = param.value
    if param.kind == "text":
        return [f"{current}{i}" for i in range(count)]
    if param.kind in ("bool", "choice"):
        others = [v for v in ((False, True) if param.kind == "bool" else range(len(param.choices))) if v != current]
        return [v for v in others if _allowed(spec, doc, param, v)][:count]
    start = float(current)
    lo = float(param.min if param.min is not None else 0)
    hi = float(param.max if param.max is not None else 2 * start)
    sides = []
    for bound in (hi, lo):
        candidates = [start + (bound - start) * (i + 1) / (count + 1) for i in range(count)]
        if param.kind == "int":
            candidates = sorted({round(c) for c in candidates} - {round(start)}, key=lambda c: abs(c - start))
        sides.append([c for c in candidates if _allowed(spec, doc, param, c)])
    return max(sides, key=len)


def _allowed(spec: TemplateSpec, doc: Document, param: Parameter, value: Any) -> bool:
    old = param.value
    try:
        doc.set_param_value(param.name, value)
        return not spec.problems(doc)
    except PotStudioError:  # a value the document refuses is simply not a candidate
        return False
    finally:
        doc.set_param_value(param.name, old)


def kernel_ms(evaluator: Evaluator, doc: Document) -> float:
    """The manifold3d time of the rebuild `evaluator` just did: each rebuilt node's own operation, on its
    children's solids as the evaluator holds them (already computed), forced, plus the mesh export."""
    values = doc.values()
    total = 0.0
    for node_id in evaluator.rebuilt:
        node = doc.node(node_id)
        kids = [evaluator.solid(doc, c.id) for c in node.children]
        props = resolve_value(node.props, values)
        start = time.perf_counter()
        solid = BUILDERS[node.type](props, [k for k in kids if not k.is_empty()], evaluator.segments)
        solid.status()
        if node is doc.root:
            solid.to_mesh()
        total += time.perf_counter() - start
    return total * 1000


def edit_ms(spec: TemplateSpec, doc: Document, name: str, runs: int,
            kernel: list[float] | None = None, samples: list[float] | None = None) -> tuple[float, float] | None:
    """p50 of cold full builds and of warm rebuilds of the same documents: each step sets `name` to a
    value not built before, rebuilds with the warm Evaluator, then builds that very document again
    with a fresh one (a count of 20 slots is compared with a full build of 20 slots, not of 6)."""
    param = doc.param(name)
    values = fresh_values(spec, doc, param, runs)
    if not values:
        return None
    original = param.value
    evaluator = Evaluator()
    evaluator.mesh(doc)
    fulls, rebuilds = [], []
    try:
        for value in values:
            start = time.perf_counter()
            doc.set_param_value(name, value)
            evaluator.mesh(doc)
            rebuilds.append(time.perf_counter() - start)
            if samples is not None:
                samples.append(rebuilds[-1] * 1000)
            if kernel is not None:
                rebuilt = list(evaluator.rebuilt)
                kernel.append(kernel_ms(evaluator, doc))
                evaluator.rebuilt = rebuilt
            start = time.perf_counter()
            Evaluator().mesh(doc)
            fulls.append(time.perf_counter() - start)
    finally:
        doc.set_param_value(name, original)
    return statistics.median(fulls) * 1000, statistics.median(rebuilds) * 1000


def regenerate(template_id: str) -> list[dict[str, Any]]:
    spec = get_template(template_id)
    if spec.local_edit is None:
        return [{"name": f"regenerate {template_id}", "value": 0.0, "unit": "ms", "ok": False,
                 "note": "the template declares no local_edit"}]
    doc = spec.make(spec.local_edit.setup)
    full = p50_ms(lambda _: Evaluator().mesh(doc))
    param = spec.local_edit.param
    kernel: list[float] = []
    measured = edit_ms(spec, doc, param, RUNS, kernel)
    if measured is None:
        raise ValueError(f"{template_id}: no value of {param} passes the template's checks")
    edited_full, rebuild = measured
    speedup = edited_full / rebuild
    ratios: list[float] = []
    samples: list[float] = []
    for other in doc.params.values():
        if other.expr is None and (times := edit_ms(spec, doc, other.name, PARAM_RUNS, samples=samples)) is not None:
            ratios.append(times[0] / times[1])
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]
    return [
        {"name": f"regenerate {template_id}: full build at defaults", "value": round(full, 2), "unit": "ms",
         "target": f"p50 < {TARGET_MS:g} ms", "ok": full < TARGET_MS},
        {"name": f"regenerate {template_id}: rebuild after changing {param}", "value": round(rebuild, 2), "unit": "ms",
         "baseline": round(edited_full, 2), "ratio": round(speedup, 2),
         "note": "informational (the 3× target was restated as the p95 row below); "
                 "ratio = cold full build / warm rebuild, both of the same edited documents"},
        {"name": f"regenerate {template_id}: single-parameter rebuild p95, all {len(ratios)} parameters",
         "value": round(p95, 2), "unit": "ms", "target": f"p95 < {FRAME_MS:g} ms", "ok": p95 < FRAME_MS,
         "note": f"{len(samples)} warm rebuilds, {PARAM_RUNS} fresh values of each parameter"},
        {"name": f"regenerate {template_id}: manifold3d's share of that rebuild", "unit": "%",
         "value": round(100 * min(1.0, statistics.median(kernel) / rebuild), 1),
         "note": f"informational; {statistics.median(kernel):.2f} ms of the same booleans replayed alone"},
        {"name": f"regenerate {template_id}: median full / rebuild over all {len(ratios)} parameters",
         "value": round(statistics.median(ratios), 2), "unit": "×",
         "note": f"informational; range {min(ratios):.2f}–{max(ratios):.2f}×, global parameters included"},
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
