"""2D unions and grids of copies: a prismatic part (a comb, a slotted floor) drawn whole in 2D and extruded once is
the same solid as its 3D cuts, without a 3D boolean per hole."""

from __future__ import annotations

from typing import Any

import pytest
import trimesh

from core.document import Document
from core.document.nodes import Node
from core.errors import GeometryError
from core.geometry.build import Evaluator

SQUARE = {"kind": "rect", "size": [2, 2]}


def plate(holes: list[dict[str, Any]]) -> trimesh.Trimesh:
    shape = {"kind": "rect", "size": [40, 20], "holes": holes}
    return Evaluator().mesh(Document(root=Node("extrude", {"shape": shape, "height": 3}, id="root")))


def test_a_grid_of_holes_cuts_each_copy_where_a_3d_pattern_would() -> None:
    grid = plate([{"kind": "array", "shape": SQUARE, "count": [3, 2], "spacing": [10, 6]}])
    assert grid.is_watertight and grid.volume == pytest.approx((800 - 6 * 4) * 3)
    cut = Node("difference", id="root", children=[
        Node("box", {"size": [40, 20, 3]}, id="body"),
        Node("linear_array", {"count": [3, 2, 1], "spacing": [10, 6, 0]},
             [Node("box", {"size": [2, 2, 10], "center": True}, id="hole")], id="holes"),
    ])
    solid = Evaluator().mesh(Document(root=cut))
    assert grid.bounds == pytest.approx(solid.bounds) and grid.volume == pytest.approx(solid.volume)
    assert grid.euler_number == solid.euler_number == 2 - 2 * 6  # six holes through


def test_a_circular_pattern_turns_each_copy_as_a_3d_one_does() -> None:
    ring = plate([{"kind": "polar", "shape": SQUARE, "count": 5, "radius": 6, "start_angle": 10}])
    cut = Node("difference", id="root", children=[
        Node("extrude", {"shape": {"kind": "rect", "size": [40, 20]}, "height": 3}, id="body"),
        Node("polar_array", {"count": 5, "radius": 6, "start_angle": 10},
             [Node("box", {"size": [2, 2, 10], "center": True}, id="hole")], id="holes"),
    ])
    solid = Evaluator().mesh(Document(root=cut))
    assert ring.volume == pytest.approx(solid.volume) and ring.volume == pytest.approx((800 - 5 * 4) * 3)
    corners = [sorted(map(tuple, m.vertices[m.vertices[:, 2] > 2.9][:, :2].round(6))) for m in (ring, solid)]
    assert corners[0] == corners[1]


def test_a_union_of_overlapping_shapes_is_one_hole_their_intersection_is_the_overlap_and_no_copies_no_hole() -> None:
    pair = [SQUARE, {"kind": "rect", "size": [1, 4], "translate": [0, 2]}]
    keyhole = {"kind": "union", "shapes": pair}
    assert plate([{"kind": "intersection", "shapes": pair}]).volume == pytest.approx((800 - 1) * 3)
    assert plate([keyhole]).volume == pytest.approx((800 - (4 + 4 - 1)) * 3)  # they overlap by 1 mm²
    assert plate([{"kind": "array", "shape": SQUARE, "count": [0, 1], "spacing": [5, 0]}]).volume == pytest.approx(2400)


@pytest.mark.parametrize(("shape", "match"), [
    ({"kind": "array", "shape": SQUARE, "count": [2000, 1]}, "between 0 and 1000"),
    ({"kind": "array", "shape": SQUARE, "count": "many"}, r"\[x, y\] numbers"),
    ({"kind": "union", "shapes": []}, "non-empty 'shapes'"),
    ({"kind": "polar", "shape": SQUARE, "count": 5000}, "0 to 1000 copies"),
    ({"kind": "text", "text": "A", "frame": {"margin": 2}, "layer": "back"}, "'letters' or 'plate'"),
])
def test_a_bad_pattern_is_refused_with_what_is_wrong(shape: dict[str, Any], match: str) -> None:
    with pytest.raises(GeometryError, match=match):
        plate([shape])
