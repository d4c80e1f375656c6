"""Every template keeps its exact geometry while its node tree is reorganised for speed.

The fixture holds volume, surface area, bounding box, watertightness and body count of every
template at defaults, at both ends of every parameter, at every choice and flag, and at seeded
random combinations, recorded from the trees as they stood before they were restructured to make
slider rebuilds cheap. A tree may change shape (a cut moved to a smaller solid, a part composed
instead of unioned); what a user prints may not.

Re-record only when a template is *meant* to change what it builds:
`python -m tests.core.test_template_geometry --record`.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import trimesh

from core.errors import ParameterError
from core.geometry.build import Evaluator
from core.templates import get_template, load_all
from core.templates.base import TemplateSpec

FIXTURE = Path(__file__).parent / "fixtures" / "template_geometry.json"
ALL_IDS = sorted(load_all())


def cases(spec: TemplateSpec) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = [("defaults", {})]
    params = spec.parameters()
    for p in params:
        if p.kind == "choice":
            out += [(f"{p.name}={i}", {p.name: i}) for i in range(len(p.choices))]
        elif p.kind == "bool":
            out += [(f"{p.name}={v}", {p.name: v}) for v in (False, True)]
        elif p.kind != "text":
            out += [(f"{p.name}=min", {p.name: p.min}), (f"{p.name}=max", {p.name: p.max})]
    rng = random.Random(f"geometry-{spec.id}")
    for i in range(4):
        values: dict[str, Any] = {}
        for p in params:
            if p.kind == "choice":
                values[p.name] = rng.randrange(len(p.choices))
            elif p.kind == "bool":
                values[p.name] = rng.random() < 0.5
            elif p.kind != "text" and p.min is not None and p.max is not None:
                value = p.min + rng.random() * (p.max - p.min) * rng.choice([0.2, 0.5, 1.0])
                values[p.name] = round(value) if p.kind == "int" else round(value, 1)
        out.append((f"random {i}", values))
    return out


def measure(mesh: trimesh.Trimesh) -> dict[str, Any]:
    return {
        "volume": float(mesh.volume),
        "area": float(mesh.area),
        "bounds": [float(v) for v in mesh.bounds.ravel()],
        "watertight": bool(mesh.is_watertight),
        "bodies": len(mesh.split(only_watertight=False)),
    }


def geometry(tid: str) -> dict[str, Any]:
    spec = get_template(tid)
    evaluator = Evaluator()
    out: dict[str, Any] = {}
    for what, values in cases(spec):
        try:
            doc = spec.make(values)
        except ParameterError as exc:
            out[what] = {"refused": str(exc)}
            continue
        out[what] = {"values": {k: v for k, v in doc.values().items()}, **measure(evaluator.mesh(doc))}
    return out


@pytest.fixture(scope="module")
def recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text())
    return data


@pytest.mark.parametrize("tid", ALL_IDS)
def test_every_template_builds_exactly_what_it_built_before(tid: str, recorded: dict[str, Any]) -> None:
    assert tid in recorded, f"{tid} has no recorded geometry; record it before changing its tree"
    now = geometry(tid)
    assert set(now) == set(recorded[tid]), f"{tid}: the recorded settings changed"
    for what, expected in recorded[tid].items():
        got = now[what]
        if "refused" in expected:
            assert got == expected, f"{tid} {what}: refused differently"
            continue
        assert got["values"] == expected["values"], f"{tid} {what}: the settings differ from the recording"
        assert got["watertight"] == expected["watertight"] and got["bodies"] == expected["bodies"], f"{tid} {what}"
        assert got["volume"] == pytest.approx(expected["volume"], rel=1e-6, abs=1e-6), f"{tid} {what}: volume"
        assert got["area"] == pytest.approx(expected["area"], rel=1e-6, abs=1e-6), f"{tid} {what}: area"
        assert got["bounds"] == pytest.approx(expected["bounds"], abs=1e-5), f"{tid} {what}: bounding box"


def record() -> None:
    FIXTURE.write_text(json.dumps({tid: geometry(tid) for tid in ALL_IDS}, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: python -m tests.core.test_template_geometry --record")
    record()
