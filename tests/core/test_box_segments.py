"""A box's rounded corners take the box's own facet count, as a cylinder's outline does: templates keep small
corners that nobody sees coarse (and their booleans light) without coarsening the rest of the model."""

from __future__ import annotations

import numpy as np

from core.document import Document
from core.document.nodes import Node
from core.geometry.build import Evaluator


def corner_points(segments: int | None) -> int:
    props: dict[str, object] = {"size": [20, 20, 5], "radius": 4}
    if segments is not None:
        props["segments"] = segments
    doc = Document(root=Node("box", props, id="root"))
    mesh = Evaluator().mesh(doc)
    top = mesh.vertices[np.isclose(mesh.vertices[:, 2], 5.0)]
    return len(top)


def test_a_rounded_box_follows_its_own_segments_and_otherwise_the_evaluators() -> None:
    assert corner_points(8) == 4 * 3  # a quarter of an 8-gon per corner: 3 points
    assert corner_points(24) == 4 * 7
    assert corner_points(None) == 4 * 17  # the evaluator's 64
