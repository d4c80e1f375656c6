"""An extrusion of stacked layers (a tray's floor, then its walls) is the same solid as the boolean of its prisms,
whether the layers nest or not (both meshed directly: core/geometry/stack.py, core/geometry/loft.py)."""

from __future__ import annotations

from typing import Any

import pytest
import trimesh

from core.document import Document
from core.document.nodes import Node
from core.errors import GeometryError
from core.geometry.build import Evaluator

TRAY = {"kind": "rect", "size": [60, 40], "radius": 5}
POCKETS = {"kind": "array", "shape": {"kind": "rect", "size": [16, 14], "radius": 1}, "count": [3, 2],
           "spacing": [19, 17]}


def build(root: Node) -> trimesh.Trimesh:
    return Evaluator().mesh(Document(root=root))


def same_solid(a: trimesh.Trimesh, b: trimesh.Trimesh) -> None:
    assert a.is_watertight and b.is_watertight
    assert a.volume == pytest.approx(b.volume, rel=1e-6) and a.area == pytest.approx(b.area, rel=1e-6)
    assert a.bounds == pytest.approx(b.bounds, abs=1e-5)
    assert a.euler_number == b.euler_number and len(a.split()) == len(b.split())


def test_a_floor_under_walls_and_dividers_is_the_tray_a_pocket_cut_makes() -> None:
    layered = build(Node("extrude", {"layers": [{"shape": TRAY, "height": 2},
                                                {"shape": {**TRAY, "holes": [POCKETS]}, "height": 18}]}, id="root"))
    cut = build(Node("difference", id="root", children=[
        Node("extrude", {"shape": TRAY, "height": 20}, id="body"),
        Node("transform", {"translate": [0, 0, 2]}, [Node("extrude", {"shape": POCKETS, "height": 20}, id="p")],
             id="at"),
    ]))
    same_solid(layered, cut)


def test_ribs_standing_on_a_slotted_floor_inside_a_rim() -> None:
    slots = {"kind": "array", "shape": {"kind": "rect", "size": [3, 20]}, "count": [4, 1], "spacing": [10, 0]}
    ribs = {"kind": "array", "shape": {"kind": "rect", "size": [1.6, 28]}, "count": [3, 1], "spacing": [10, 0]}
    inside = {"kind": "rect", "size": [56, 36], "radius": 3}
    ring = {**TRAY, "holes": [inside]}
    layers = [{"shape": {**TRAY, "holes": [slots]}, "height": 2}, {"shape": {"kind": "union", "shapes": [ring, ribs]},
                                                                   "height": 2}, {"shape": ring, "height": 6}]
    layered = build(Node("extrude", {"layers": layers}, id="root"))
    prisms = [Node("transform", {"translate": [0, 0, z]}, [Node("extrude", {**layer}, id=f"l{k}")], id=f"at{k}")
              for k, (layer, z) in enumerate(zip(layers, (0, 2, 4), strict=True))]
    same_solid(layered, build(Node("union", id="root", children=prisms)))


def test_a_layer_overhanging_the_one_below_is_still_the_exact_union() -> None:
    layers = [{"shape": {"kind": "rect", "size": [10, 10]}, "height": 2}, {"shape": TRAY, "height": 3}]
    layered = build(Node("extrude", {"layers": layers}, id="root"))
    assert layered.is_watertight and layered.volume == pytest.approx(100 * 2 + (60 * 40 - (4 - 3.14159265) * 25) * 3,
                                                                     rel=1e-3)


@pytest.mark.parametrize(("layers", "match"), [
    ([], "list of"), ("floor", "list of"), ([{"shape": TRAY, "height": 0}], "greater than 0"),
    ([{"shape": {"kind": "array", "shape": TRAY, "count": [0, 0]}, "height": 1}], "outline is empty"),
    ([{"shape": TRAY, "height": 1}] * 1001, "at most 1000"),
])
def test_bad_layers_are_refused_with_what_is_wrong(layers: Any, match: str) -> None:
    with pytest.raises(GeometryError, match=match):
        build(Node("extrude", {"layers": layers}, id="root"))
