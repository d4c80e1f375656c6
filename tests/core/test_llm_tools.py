"""Tool calls from the model: what is refused (and the reason the model is told), and what edits do
to a real document once the session pushes them on the undo stack."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from core.assistant.base import PrinterContext
from core.assistant.llm.client import ToolCall
from core.assistant.llm.runner import ToolRunner
from core.assistant.llm.tools import MAX_DEPTH, MAX_NODES, tool_definitions
from core.commands import CommandStack
from core.document.document import Document
from core.geometry.build import Evaluator
from core.templates.base import TemplateSpec
from core.templates.registry import load_all
from tests.core.llm_support import CUP_ID, cup_template


@pytest.fixture
def cup() -> Iterator[TemplateSpec]:
    with cup_template() as spec:
        yield spec


def runner(doc: Document | None = None, bed: tuple[float, float, float] = (256.0, 256.0, 256.0)) -> ToolRunner:
    return ToolRunner(doc, PrinterContext(bed=bed), Evaluator(), tool_definitions(load_all()))


def call(name: str, args: dict[str, Any] | str) -> ToolCall:
    return ToolCall("call_1", name, args if isinstance(args, str) else json.dumps(args))


def nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "sphere", "props": {"r": 5}}
    for _ in range(depth - 1):
        node = {"type": "transform", "props": {"translate": [1, 0, 0]}, "children": [node]}
    return node


@pytest.mark.parametrize(
    ("name", "args", "reason"),
    [
        ("create_scene", '{"root": {"type": "sphere", "props": {"r": NaN}}}', "not a finite number"),
        ("create_scene", {"root": {"type": "sphere", "props": {"r": 1e9}}}, "beyond the limit"),
        ("create_scene", {"root": {"type": "python", "props": {"code": "import os"}}}, "is not one of"),
        ("create_scene", {"root": {"type": "mesh", "props": {}}}, "is not one of"),
        ("create_scene", {"root": {"type": "cylinder", "props": {"r": 5}}}, "'h' is a required property"),
        ("create_scene", {"root": {"type": "sphere", "props": {"r": 5, "segments": 1000}}}, "maximum of 256"),
        ("create_scene", {"root": {"type": "box", "props": {"size": [10, 10, "10; rm -rf /"]}}}, "does not match"),
        ("create_scene", {"root": nested(MAX_DEPTH + 1)}, f"deeper than {MAX_DEPTH}"),
        ("create_scene", {"root": {"type": "union", "children": [{"type": "sphere", "props": {"r": 1}}] * MAX_NODES}},
         f"limit of {MAX_NODES}"),
        ("create_scene", '{"root": {"type": "sphere", "props": {"r": 5}', "not valid JSON"),
        ("delete_everything", {}, "There is no tool 'delete_everything'"),
        ("set_parameters", {"values": {"height": 90}}, "There is no model yet"),
    ],
)
def test_bad_calls_are_refused_with_the_reason(name: str, args: dict[str, Any] | str, reason: str) -> None:
    tools = runner()
    outcome = tools.run(call(name, args))
    assert not outcome.ok and reason in outcome.message
    assert tools.working is None and tools.command() is None


def test_unknown_template_and_broken_printability_rule_are_refused(cup: TemplateSpec) -> None:
    tools = runner()
    assert "is not one of" in tools.run(call("create_from_template", {"template": "teapot"})).message
    outcome = tools.run(call("create_from_template", {"template": CUP_ID, "parameters": {"diameter": 30, "wall": 9}}))
    assert not outcome.ok and "walls are too thick" in outcome.message
    outcome = tools.run(call("create_from_template", {"template": CUP_ID, "parameters": {"colour": "red"}}))
    assert not outcome.ok and "has no parameter 'colour'" in outcome.message


def test_a_model_larger_than_the_printer_is_refused() -> None:
    tools = runner(bed=(180.0, 180.0, 180.0))
    outcome = tools.run(call("create_scene", {"root": {"type": "box", "props": {"size": [200, 50, 20]}}}))
    assert not outcome.ok
    assert "200.0 × 50.0 × 20.0 mm, larger than the printer's 180.0 × 180.0 × 180.0 mm" in outcome.message


def test_empty_and_unbuildable_scenes_are_refused() -> None:
    tools = runner()
    empty = {"root": {"type": "difference", "children": [{"type": "box", "props": {"size": [10, 10, 10]}},
                                                          {"type": "box", "props": {"size": [20, 20, 20]}}]}}
    assert "The model is empty" in tools.run(call("create_scene", empty)).message
    unknown = {"root": {"type": "box", "props": {"size": ["=width", 10, 10]}}}
    assert "Unknown parameter 'width'" in tools.run(call("create_scene", unknown)).message


def test_limits_hold_after_expressions_and_patterns_are_expanded(cup: TemplateSpec) -> None:
    tools = runner()
    sphere = {"type": "sphere", "props": {"r": 1, "segments": 8}}
    grid = {"type": "polar_array", "props": {"count": 50, "radius": 60}, "children": [
        {"type": "polar_array", "props": {"count": 50, "radius": 10}, "children": [sphere]}]}
    assert "patterns expand to 2500 parts" in tools.run(call("create_scene", {"root": grid})).message
    hidden = {"parameters": [{"name": "turns", "value": 9000}], "root": {"type": "extrude", "props": {
        "height": 10, "twist": "=turns * 1000", "shape": {"kind": "rect", "size": [10, 10]}}}}
    outcome = tools.run(call("create_scene", hidden))
    assert "out of bounds" in outcome.message and "9e+06 is beyond the limit" in outcome.message

    tools = runner(cup.make())
    heavy = {"operations": [{"op": "update", "id": "outer", "props": {"segments": 5000}}]}
    assert "maximum of 256" in tools.run(call("edit_scene", heavy)).message
    typo = {"operations": [{"op": "update", "id": "outer", "props": {"radius": 40}}]}
    assert "Additional properties are not allowed ('radius'" in tools.run(call("edit_scene", typo)).message
    assert tools.command() is None


def test_scene_with_parameters_and_expressions_builds() -> None:
    tools = runner()
    scene = {
        "name": "Washer",
        "parameters": [{"name": "outer", "value": 30}, {"name": "thickness", "value": 3, "min": 1, "max": 10}],
        "root": {"type": "extrude", "props": {"height": "=thickness", "shape": {
            "kind": "circle", "r": "=outer / 2", "holes": [{"kind": "circle", "r": 4}]}}},
    }
    outcome = tools.run(call("create_scene", scene))
    assert outcome.ok and "30.0 × 30.0 × 3.0 mm" in outcome.message
    assert tools.working is not None and tools.working.values() == {"outer": 30.0, "thickness": 3.0}


def test_edits_apply_to_the_user_document_only_through_the_undo_stack(cup: TemplateSpec) -> None:
    doc = cup.make({"diameter": 60, "height": 80})
    stack = CommandStack(doc)
    original = doc.to_json()
    tools = runner(doc)
    edits = {"operations": [
        {"op": "update", "id": "outer", "props": {"r": 40}},
        {"op": "add", "parent": "root", "node": {"type": "cylinder", "id": "drain", "props": {"h": 5, "r": 3}}},
    ]}
    first = tools.run(call("edit_scene", edits))
    assert first.ok and "80.0 × 80.0 × 80.0 mm" in first.message and "drain (cylinder)" in first.message
    second = tools.run(call("set_parameters", {"values": {"height": 120}}))
    assert second.ok and "80.0 × 80.0 × 120.0 mm" in second.message
    failed = tools.run(call("edit_scene", {"operations": [{"op": "remove", "id": "handle"}]}))
    assert not failed.ok and "there is no part with id 'handle'" in failed.message
    assert doc.to_json() == original, "the user's document must not change before the session applies the reply"

    command = tools.command()
    assert command is not None
    stack.push(command)
    assert doc.values()["height"] == 120 and doc.node("outer").props["r"] == 40 and doc.node("drain")
    assert [round(v, 1) for v in Evaluator().mesh(doc).extents] == [80.0, 80.0, 120.0]
    stack.undo()
    assert doc.to_json() == original


def test_the_tools_we_send_are_valid_json_schemas(cup: TemplateSpec) -> None:
    for tool in tool_definitions(load_all()):
        Draft202012Validator.check_schema(tool["function"]["parameters"])
        assert tool["function"]["description"]
    assert "create_from_template" not in {t["function"]["name"] for t in tool_definitions({})}
