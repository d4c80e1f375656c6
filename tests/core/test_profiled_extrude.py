"""An extrusion scaled by a piecewise-linear profile along its height (while it twists) is one closed solid with
the exact outline at every point of the profile: the twisted vase is two of them and one difference."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import trimesh

from core.document import Document
from core.document.nodes import Node
from core.errors import GeometryError
from core.geometry.build import Evaluator
from core.templates import get_template

SQUARE = {"kind": "rect", "size": [2, 2]}


def extrude(**props: Any) -> trimesh.Trimesh:
    return Evaluator().mesh(Document(root=Node("extrude", {"shape": SQUARE, **props}, id="root")))


def test_a_linear_profile_is_the_frustum_a_scaled_extrusion_makes() -> None:
    frustum = extrude(height=10, scale_top=[3, 3])
    profiled = extrude(height=10, profile=[[0, 1], [10, 3]])
    assert profiled.is_watertight
    assert profiled.volume == pytest.approx(frustum.volume, rel=1e-9)  # 10 / 3 × (4 + 12 + 36)
    assert profiled.bounds == pytest.approx(frustum.bounds)


def test_a_bent_profile_has_its_corner_where_the_profile_says() -> None:
    mesh = extrude(height=10, profile=[[0, 1], [4, 2], [10, 1]])
    assert mesh.is_watertight
    # Two frustums: 4 mm from a 2 mm to a 4 mm square, 6 mm from 4 mm back to 2 mm.
    assert mesh.volume == pytest.approx(4 / 3 * (4 + 8 + 16) + 6 / 3 * (16 + 8 + 4), rel=1e-9)
    widest = mesh.vertices[np.isclose(mesh.vertices[:, 2], 4.0)]
    assert np.abs(widest[:, :2]).max() == pytest.approx(2.0)


def test_a_profiled_twist_turns_the_top_by_the_twist() -> None:
    mesh = extrude(height=10, twist=30, slices=6, profile=[[0, 1], [10, 1]])
    top = mesh.vertices[np.isclose(mesh.vertices[:, 2], 10.0)]
    angles = sorted(round(math.degrees(math.atan2(y, x))) for x, y, _ in top)
    assert angles == [-105, -15, 75, 165]  # the square's corners at ±45°, ±135°, turned 30° anticlockwise


@pytest.mark.parametrize("profile", [[[0, 1]], [[0, 1], [0, 2]], [[0, 1], [5, 0]], [[0, 1], [5, "x"]]])
def test_a_bad_profile_is_refused_by_name(profile: list[list[Any]]) -> None:
    with pytest.raises(GeometryError, match="profile"):
        extrude(height=10, profile=profile)


def test_a_twisted_vase_is_one_open_shell_of_the_straight_ones_volume() -> None:
    spec = get_template("vase")
    for profile in range(4):
        straight = Evaluator().mesh(spec.make({"sides": 6, "twist": 0, "profile": profile}))
        for twist in (-200, 90):
            twisted = Evaluator().mesh(spec.make({"sides": 6, "twist": twist, "profile": profile}))
            assert twisted.is_watertight and len(twisted.split(only_watertight=False)) == 1
            assert twisted.volume == pytest.approx(straight.volume, rel=0.03)
            assert twisted.bounds[:, 2] == pytest.approx(straight.bounds[:, 2])
