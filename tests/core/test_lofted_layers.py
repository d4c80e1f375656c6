"""Layers whose outline changes with height (core/geometry/loft.py): a chamfer ("top"), a bore that may turn (a
thread), grooves stopping under a closed top. Each is meshed without a boolean and must be the very solid the
booleans it replaces make: one watertight body of the same volume, area and size."""

from __future__ import annotations

import math
from typing import Any

import manifold3d as m3d
import pytest
import trimesh

from core.document import Document
from core.document.nodes import Node
from core.errors import GeometryError
from core.geometry.build import Evaluator
from core.templates.library._kit import frustum, thread_section


def build(root: Node) -> trimesh.Trimesh:
    return Evaluator().mesh(Document(root=root))


def same_solid(a: trimesh.Trimesh, b: trimesh.Trimesh, rel: float = 1e-6) -> None:
    assert a.is_watertight and b.is_watertight
    assert len(a.split(only_watertight=False)) == len(b.split(only_watertight=False)) == 1
    assert a.volume == pytest.approx(b.volume, rel=rel) and a.area == pytest.approx(b.area, rel=rel)
    assert a.bounds.ravel() == pytest.approx(b.bounds.ravel(), abs=1e-5)


def rounded(width: float, radius: float) -> dict[str, Any]:
    return {"kind": "rect", "size": [width, width], "radius": radius, "segments": 24}


def grid(shape: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "array", "shape": shape, "count": [3, 2], "spacing": [42, 42]}


def test_a_chamfered_layer_is_the_frustum_between_its_outlines() -> None:
    mesh = build(Node("extrude", {"layers": [{"shape": {"kind": "rect", "size": [20, 20]},
                                              "top": {"kind": "rect", "size": [30, 30]}, "height": 5}]}, id="root"))
    assert mesh.is_watertight
    assert mesh.volume == pytest.approx(5 / 3 * (400 + 900 + math.sqrt(400 * 900)), rel=1e-9)
    assert mesh.extents == pytest.approx((30, 30, 5))


def test_a_grid_of_chamfered_sockets_is_the_plate_the_cutters_make() -> None:
    """A baseplate's sockets: 45° lower chamfer, straight band, upper chamfer cut off by the plate's top."""
    body = {"kind": "rect", "size": [126, 84], "radius": 4, "segments": 24}

    def plate(width: float, radius: float) -> dict[str, Any]:
        return {**body, "holes": [grid(rounded(width, radius))]}

    layered = build(Node("extrude", {"layers": [
        {"shape": plate(35.9, 0.95), "height": 1},
        {"shape": plate(36.3, 1.15), "top": plate(37.7, 1.85), "height": 0.7},
        {"shape": plate(37.7, 1.85), "height": 1.8},
        {"shape": plate(37.7, 1.85), "top": plate(40.4, 3.2), "height": 1.35},
    ]}, id="root"))
    socket = Node("union", id="socket", children=[
        Node("transform", {"translate": [0, 0, 1]},
             [frustum("low", (36.3, 36.3), (37.7, 37.7), 0.7, (1.15, 1.85), segments=24)], id="low_at"),
        Node("transform", {"translate": [0, 0, 1.7]}, [
            Node("box", {"size": [37.7, 37.7, 1.8], "radius": 1.85, "segments": 24}, id="mid")], id="mid_at"),
        Node("transform", {"translate": [0, 0, 3.5]},
             [frustum("high", (37.7, 37.7), (41, 41), 1.65, (1.85, 3.5), segments=24)], id="high_at"),
        Node("transform", {"translate": [0, 0, -1]}, [
            Node("box", {"size": [35.9, 35.9, 2.5], "radius": 0.95, "segments": 24}, id="open")], id="open_at"),
    ])
    cut = build(Node("difference", id="root", children=[
        Node("box", {"size": [126, 84, 4.85], "radius": 4, "segments": 24}, id="body"),
        Node("linear_array", {"count": [3, 2, 1], "spacing": [42, 42, 0]}, [socket], id="cells"),
    ]))
    # The cutters' hulls stand on 0.01 mm slabs, so their chamfers are 0.01 mm off the layers' exact ones.
    same_solid(layered, cut, rel=2e-3)
    assert layered.bounds.ravel() == pytest.approx([-63, -42, 0, 63, 42, 4.85], abs=1e-5)


def test_a_turning_bore_is_the_thread_a_twisted_cut_makes() -> None:
    section = thread_section("20", "1.5", 32)
    outer = {"kind": "union", "shapes": [{"kind": "circle", "r": 25}, {
        "kind": "polar", "count": 18, "radius": 25, "shape": {"kind": "circle", "r": 1, "segments": 12}}]}
    layered = build(Node("extrude", {"layers": [
        {"shape": outer, "height": 2},
        {"shape": outer, "height": 10, "bore": {"shape": section, "twist": 360, "slices": 40}},
    ]}, id="root"))
    cut = build(Node("difference", id="root", children=[
        Node("extrude", {"shape": outer, "height": 12}, id="body"),
        Node("transform", {"translate": [0, 0, 2]}, [
            Node("extrude", {"shape": section, "height": 11, "twist": 396, "slices": 44}, id="void")], id="void_at"),
    ]))
    same_solid(layered, cut, rel=1e-3)  # the same helix; manifold3d splits its twisted quads the other way


def test_grooves_stopping_under_a_closed_top_are_the_grooves_cut_from_a_cylinder() -> None:
    """The top's full circle and the grooved outline share stretches of contour: the flat faces are only the
    grooves' ends, and each end point of a groove splits the circle's edge it lies on."""
    grooves = {"kind": "polar", "count": 60, "radius": 50, "start_angle": 3,
               "shape": {"kind": "circle", "r": 1.309, "segments": 16}}
    circle = {"kind": "circle", "r": 50}
    layered = build(Node("extrude", {"layers": [
        {"shape": {**circle, "holes": [grooves]}, "height": 4}, {"shape": circle, "height": 2}]}, id="root"))
    cut = build(Node("difference", id="root", children=[
        Node("cylinder", {"r": 50, "h": 6}, id="body"),
        Node("transform", {"translate": [0, 0, -1]}, [Node("extrude", {"shape": grooves, "height": 5}, id="g")],
             id="g_at"),
    ]))
    same_solid(layered, cut)


def test_a_pocket_breaking_through_a_chamfer_is_still_the_exact_solid() -> None:
    """Contours that cross cannot be lofted together: the layer is its outline's loft less the pocket's."""
    layers = [{"shape": rounded(35.6, 0.8), "top": rounded(37.2, 1.6), "height": 0.8,
               "bore": {"shape": {"kind": "circle", "r": 5, "segments": 24, "translate": [13, 13]}}}]
    layered = build(Node("extrude", {"layers": layers}, id="root"))
    cut = build(Node("difference", id="root", children=[
        frustum("foot", (35.6, 35.6), (37.2, 37.2), 0.8, (0.8, 1.6), segments=24),
        Node("transform", {"translate": [13, 13, -1]}, [Node("cylinder", {"r": 5, "h": 3, "segments": 24}, id="c")],
             id="c_at"),
    ]))
    same_solid(layered, cut, rel=2e-3)


def test_a_directly_meshed_solid_is_a_manifold_wherever_one_is_needed() -> None:
    """The viewport gets the stack's own triangles; a boolean or a caller asking for the solid gets a Manifold."""
    stack = Node("extrude", {"layers": [{"shape": {"kind": "rect", "size": [20, 20]}, "height": 5},
                                        {"shape": {"kind": "rect", "size": [10, 10]}, "height": 5}]}, id="stack")
    doc = Document(root=Node("difference", id="root", children=[
        stack, Node("cylinder", {"r": 2, "h": 20, "segments": 24}, id="hole")]))
    evaluator = Evaluator()
    solid = evaluator.solid(doc, "stack")
    assert isinstance(solid, m3d.Manifold) and solid.volume() == pytest.approx(2500)
    drilled = evaluator.mesh(doc)
    hole = 24 / 2 * 2**2 * math.sin(2 * math.pi / 24) * 10
    assert drilled.is_watertight and drilled.volume == pytest.approx(2500 - hole)


def test_the_thread_shape_runs_from_its_root_to_its_crest() -> None:
    mesh = build(Node("extrude", {"shape": {"kind": "thread", "r": 10, "depth": 1.5, "points": 32}, "height": 1},
                      id="root"))
    radii = [math.hypot(x, y) for x, y, _ in mesh.vertices]
    assert min(radii) == pytest.approx(10) and max(radii) == pytest.approx(11.5)
    with pytest.raises(GeometryError, match="8 to"):
        build(Node("extrude", {"shape": {"kind": "thread", "r": 10, "depth": 1, "points": 4}, "height": 1}, id="root"))


def test_a_top_that_is_not_the_bottom_moved_is_refused() -> None:
    with pytest.raises(GeometryError, match="top outline"):
        build(Node("extrude", {"layers": [{"shape": {"kind": "rect", "size": [20, 20]},
                                           "top": {"kind": "circle", "r": 12}, "height": 5}]}, id="root"))
