"""Slider drags rebuild only what the dragged parameter reaches, and never return a stale model.

The evaluator remembers each node's resolved props and solid between rebuilds (core/geometry/build.py);
these tests hold that memory to two promises a designer notices: an edit to one feature re-runs
the builders of that feature and its ancestors only, and a warm rebuild is exactly the model a cold
build of the same document gives, whatever was edited before.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
import trimesh

from bench.bench_regenerate import fresh_values
from core.commands import CommandStack, UpdateNode
from core.document import Document
from core.document.expressions import Expression
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import ParameterError
from core.geometry.build import Evaluator
from core.templates import get_template, load_all
from core.templates.base import TemplateSpec

ALL_IDS = sorted(load_all())


def same_mesh(a: trimesh.Trimesh, b: trimesh.Trimesh) -> bool:
    """The same solid: same corners, faces, volume and area. A cached subtree may be triangulated in
    another order than a cold build's single pass, so faces are not compared index by index."""
    corners = [np.unique(m.vertices.round(9), axis=0) for m in (a, b)]
    return (corners[0].shape == corners[1].shape and np.allclose(corners[0], corners[1], atol=1e-9)
            and len(a.faces) == len(b.faces) and a.is_watertight == b.is_watertight
            and bool(np.isclose(a.volume, b.volume, rtol=1e-9)) and bool(np.isclose(a.area, b.area, rtol=1e-9)))


def readers(doc: Document, changed: set[str]) -> set[str]:
    """Ids of the nodes that read a changed parameter, and of all their ancestors."""
    hit: set[str] = set()

    def visit(node: Node) -> bool:
        below = [visit(c) for c in node.children]
        if any(below) or node.parameter_names() & changed:
            hit.add(node.id)
            return True
        return False

    visit(doc.root)
    return hit


def edited_doc(spec: TemplateSpec) -> tuple[Document, str, Any]:
    assert spec.local_edit is not None
    doc = spec.make(spec.local_edit.setup)
    value = fresh_values(spec, doc, doc.param(spec.local_edit.param), 1)[0]
    return doc, spec.local_edit.param, value


@pytest.mark.parametrize("tid", ALL_IDS)
def test_a_local_edit_rebuilds_only_the_nodes_that_read_it(tid: str) -> None:
    spec = get_template(tid)
    doc, param, value = edited_doc(spec)
    evaluator = Evaluator()
    evaluator.mesh(doc)
    before = doc.values()
    doc.set_param_value(param, value)
    changed = {k for k, v in doc.values().items() if before[k] != v}
    evaluator.mesh(doc)
    rebuilt = set(evaluator.rebuilt)
    assert rebuilt, f"{tid}: changing {param} rebuilt nothing"
    assert rebuilt <= readers(doc, changed), f"{tid}: {rebuilt - readers(doc, changed)} rebuilt needlessly"
    total = sum(1 for _ in doc.root.walk())
    # A model that is one node (a single extrusion of its whole outline, no boolean) has nothing to reuse.
    assert total == 1 or len(rebuilt) < total, f"{tid}: a local edit of {param} rebuilt the whole tree"
    assert same_mesh(evaluator.mesh(doc), Evaluator().mesh(doc)), f"{tid}: warm rebuild differs from a cold one"


def test_a_rebuild_with_nothing_changed_runs_no_builder_and_gives_an_independent_copy() -> None:
    doc = get_template("plant_pot").make({"saucer": True})
    evaluator = Evaluator()
    first = evaluator.mesh(doc)
    first.apply_translation((100, 0, 0))  # a caller moving its mesh must not move the next one
    again = evaluator.mesh(doc)
    assert evaluator.rebuilt == []
    assert same_mesh(again, Evaluator().mesh(doc))


@pytest.mark.parametrize("tid", ALL_IDS)
def test_warm_rebuilds_after_any_sequence_of_edits_equal_a_cold_build(tid: str) -> None:
    """Random walks over every parameter, undo-like returns to earlier values included."""
    spec = get_template(tid)
    doc = spec.make()
    rng = random.Random(f"walk-{tid}")
    evaluator = Evaluator()
    params = [p for p in doc.params.values() if p.expr is None]
    seen: list[tuple[str, Any]] = []
    for _ in range(6):
        p = rng.choice(params)
        if seen and rng.random() < 0.3:
            name, value = rng.choice(seen)
        else:
            name, value = p.name, rng.choice(fresh_values(spec, doc, p, 3) or [p.value])
        old = doc.param(name).value
        try:
            doc.set_param_value(name, value)
        except ParameterError:
            continue
        if spec.problems(doc):
            doc.set_param_value(name, old)
            continue
        seen.append((name, old))
        assert same_mesh(evaluator.mesh(doc), Evaluator().mesh(doc)), f"{tid} after {name}={value!r}"


def test_editing_a_part_directly_is_seen_by_the_next_rebuild() -> None:
    doc = get_template("block").make({"hole_diameter": 5})
    evaluator = Evaluator()
    evaluator.mesh(doc)
    box_id = next(n.id for n in doc.root.walk() if n.type == "box")
    stack = CommandStack(doc)
    stack.push(UpdateNode(box_id, props={"size": [40, 40, 40]}))
    grown = evaluator.mesh(doc)
    assert grown.extents == pytest.approx((40, 40, 40)) and box_id in evaluator.rebuilt
    stack.undo()
    assert same_mesh(evaluator.mesh(doc), Evaluator().mesh(doc))


def test_a_change_of_quality_rebuilds_every_round_part() -> None:
    doc = Document("disc", params=[Parameter("d", 20.0)], root=Node("difference", id="root", children=[
        Node("cylinder", {"r": "=d / 2", "h": 5}), Node("box", {"size": [4, 4, 20], "center": True})]))
    evaluator = Evaluator(segments=16)
    coarse = evaluator.mesh(doc)
    evaluator.segments = 96
    fine = evaluator.mesh(doc)
    assert len(fine.faces) > len(coarse.faces)
    assert same_mesh(fine, Evaluator(segments=96).mesh(doc))


def test_a_plate_of_separate_parts_converts_only_the_part_that_changed() -> None:
    doc = get_template("box_with_lid").make()
    evaluator = Evaluator()
    plate = evaluator.mesh(doc)
    assert len(plate.split(only_watertight=False)) == 2 and plate.is_watertight
    doc.set_param_value("clearance", 0.25)
    evaluator.mesh(doc)
    assert "box" not in evaluator.rebuilt and "lid" in evaluator.rebuilt
    assert same_mesh(evaluator.mesh(doc), Evaluator().mesh(doc))


def test_a_parameter_named_like_a_function_is_a_dependency() -> None:
    """"floor" is a template parameter and a function: read as a value, it is a dependency."""
    assert Expression("floor / 2 + floor(wall)").names == {"floor", "wall"}
    doc = Document("cup", params=[Parameter("floor", 2.0), Parameter("wall", 2.0)], root=Node(
        "transform", {"translate": [0, 0, "=floor"]}, [Node("box", {"size": [10, 10, 10]})], id="root"))
    evaluator = Evaluator()
    assert evaluator.mesh(doc).bounds[0][2] == pytest.approx(2)
    doc.set_param_value("floor", 5.0)
    assert evaluator.mesh(doc).bounds[0][2] == pytest.approx(5)


@pytest.mark.parametrize("tid", ALL_IDS)
def test_every_template_declares_a_local_edit_that_builds(tid: str) -> None:
    spec = get_template(tid)
    assert spec.local_edit is not None, f"{tid} declares no typical local edit"
    names = {p.name: p for p in spec.parameters()}
    assert spec.local_edit.param in names, f"{tid}: local edit of unknown parameter {spec.local_edit.param}"
    doc = spec.make(spec.local_edit.setup)
    values = fresh_values(spec, doc, doc.param(spec.local_edit.param), 5)
    assert len(values) == 5, f"{tid}: {spec.local_edit.param} has too little room for a drag"
    for value in values:
        doc.set_param_value(spec.local_edit.param, value)
        assert not spec.problems(doc)
        assert Evaluator().mesh(doc).volume > 0, f"{tid}: {spec.local_edit.param}={value} builds nothing"
