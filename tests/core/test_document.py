"""The parametric document: expressions, parameters, JSON round trip, cached evaluation, undo."""

from __future__ import annotations

import json

import pytest

from core.commands import AddNode, CommandStack, RemoveNode, ReplaceDocument, SetParameters, UpdateNode
from core.document import Document, Node, Parameter
from core.document.expressions import Expression, evaluate
from core.errors import DocumentError, ExpressionError, GeometryError, ParameterError
from core.geometry.build import Evaluator
from core.templates.registry import get_template


def cup() -> Document:
    return Document(
        "cup",
        params=[
            Parameter("height", 80, min=10, max=300),
            Parameter("diameter", 60, min=20, max=300),
            Parameter("wall", 2.0, min=0.8, max=10),
            Parameter("holes", 4, kind="int", min=0, max=12, unit=""),
            Parameter("lid_height", 0, expr="0.2 * height"),
        ],
        root=Node("difference", id="root", children=[
            Node("cylinder", {"r": "=diameter / 2", "h": "=height"}, id="outer"),
            Node("transform", {"translate": [0, 0, "=wall"]}, id="cav", children=[
                Node("cylinder", {"r": "=diameter / 2 - wall", "h": "=height"}, id="inner"),
            ]),
            Node("polar_array", {"count": "=holes", "radius": "=diameter / 4"}, id="holes", children=[
                Node("cylinder", {"r": 2, "h": 10, "center": True}, id="hole"),
            ]),
        ]),
    )


def test_expressions_are_safe_and_correct() -> None:
    assert evaluate("0.2 * height + max(1, wall)", {"height": 50, "wall": 3}) == 13
    assert evaluate("a if a > b else b", {"a": 1, "b": 2}) == 2
    assert Expression("w * 2 + sqrt(h)").names == {"w", "h"}
    for hostile in ("__import__('os')", "().__class__", "open('x')", "'a' * 3", "[1][0]", "lambda: 1"):
        with pytest.raises(ExpressionError):
            evaluate(hostile, {})
    with pytest.raises(ExpressionError, match="Exponent"):
        evaluate("9 ** 9999", {})
    with pytest.raises(ExpressionError, match="Unknown parameter 'nope'"):
        evaluate("nope + 1", {})


def test_derived_parameters_follow_and_cycles_are_refused() -> None:
    doc = cup()
    assert doc.values()["lid_height"] == pytest.approx(16)
    doc.set_param_value("height", 100)
    assert doc.values()["lid_height"] == pytest.approx(20)
    with pytest.raises(ParameterError, match="computed"):
        doc.set_param_value("lid_height", 3)
    loop = Document(params=[Parameter("a", 0, expr="b + 1"), Parameter("b", 0, expr="a + 1")])
    with pytest.raises(ExpressionError, match="loop"):
        loop.values()


def test_out_of_range_value_is_refused_with_the_limit() -> None:
    doc = cup()
    with pytest.raises(ParameterError, match="at least 0.8 mm"):
        doc.set_param_value("wall", 0.1)
    assert doc.param("wall").value == 2.0


def test_json_round_trip_keeps_everything() -> None:
    doc = cup()
    again = Document.loads(doc.dumps())
    assert again.to_json() == doc.to_json()
    data = json.loads(doc.dumps())
    data["schema_version"] = 99
    with pytest.raises(DocumentError, match="newer"):
        Document.from_json(data)


def test_evaluation_is_watertight_and_matches_the_parameters() -> None:
    mesh = Evaluator().mesh(cup())
    assert mesh.is_watertight
    assert mesh.bounds.ravel().tolist() == pytest.approx([-30, -30, 0, 30, 30, 80], abs=0.05)


def test_a_single_parameter_change_rebuilds_only_what_depends_on_it() -> None:
    doc, ev = cup(), Evaluator()
    ev.mesh(doc)
    before = ev.misses
    doc.set_param_value("holes", 5)
    ev.mesh(doc)
    # only the pattern and the root difference are new: both cylinders come from the cache
    assert ev.misses - before == 2


def test_slider_drag_is_one_undo_step_and_undo_restores() -> None:
    doc = cup()
    stack = CommandStack(doc)
    for h in (90, 100, 110, 120):
        stack.push(SetParameters({"height": h}, drag_id="drag-1"))
    stack.close_merge()
    stack.push(SetParameters({"height": 130}, drag_id="drag-1"))
    assert doc.param("height").value == 130
    stack.undo()
    assert doc.param("height").value == 120
    stack.undo()
    assert doc.param("height").value == 80
    assert not stack.can_undo
    stack.redo()
    assert doc.param("height").value == 120


def test_failed_command_changes_nothing() -> None:
    doc = cup()
    stack = CommandStack(doc)
    with pytest.raises(ParameterError):
        stack.push(SetParameters({"height": 100, "wall": -1}))
    assert doc.param("height").value == 80
    assert not stack.can_undo


def test_node_commands_undo() -> None:
    doc = cup()
    stack = CommandStack(doc)
    events: list[str] = []
    doc.changed.connect(lambda change: events.append(change.kind))
    stack.push(AddNode("root", Node("box", {"size": [5, 5, 5]}, id="extra")))
    stack.push(UpdateNode("extra", {"size": [6, 6, 6]}))
    stack.push(RemoveNode("hole"))
    assert events == ["node_added", "node_changed", "node_removed"]
    stack.undo()
    stack.undo()
    assert doc.node("extra").props["size"] == [5, 5, 5]
    stack.undo()
    with pytest.raises(DocumentError):
        doc.node("extra")


def test_replace_document_is_undoable() -> None:
    doc = cup()
    stack = CommandStack(doc)
    other = Document("box", root=Node("union", id="root", children=[Node("box", {"size": [1, 2, 3]})]))
    stack.push(ReplaceDocument(other))
    assert doc.name == "box" and not doc.params
    stack.undo()
    assert doc.name == "cup" and "height" in doc.params


def test_bad_geometry_names_the_part() -> None:
    doc = Document(root=Node("union", id="root", children=[Node("box", {"size": [1, -2, 3]}, name="Lid")]))
    with pytest.raises(GeometryError, match="Lid: A box needs a positive size"):
        Evaluator().mesh(doc)


def test_text_parameter_round_trips_and_drives_props_and_expressions() -> None:
    label = Parameter("label", "Ana", unit="", kind="text", min=1, max=8, charset="ABCDEFGHIJKLMNOPQRSTUVWXYZabcnã ")
    doc = Document("sign", params=[
        label, Parameter("size", 7), Parameter("plate", 0, expr="len(label) * size + 4"),
    ], root=Node("extrude", {"shape": {"kind": "text", "text": "=label", "size": "=size"}, "height": 2}, id="root"))
    assert doc.values()["plate"] == 25
    again = Document.loads(doc.dumps())
    assert again.param("label").to_json() == label.to_json()
    stack = CommandStack(again)
    stack.push(SetParameters({"label": "Ana Cã"}))
    assert again.values()["plate"] == 46
    wide = Evaluator().mesh(again).extents[0]
    stack.undo()
    assert Evaluator().mesh(again).extents[0] < wide - 10
    with pytest.raises(ParameterError, match="cannot contain '!'"):
        label.coerce("Ana!")
    with pytest.raises(ParameterError, match="limited to 8"):
        label.coerce("Anastasia")
    assert label.coerce("Ca\u0303") == "Cã"  # a decomposed accent is the same letter


def test_a_model_is_empty_only_when_its_root_holds_nothing_to_build() -> None:
    assert not Document().has_geometry
    assert get_template("bowl").make().has_geometry  # the whole bowl is one revolve: the root itself
    assert get_template("plant_pot").make().has_geometry  # parts under a group
    doc = Document()
    doc.root.children.append(Node("box", {"size": [1, 1, 1]}))
    assert doc.has_geometry
