"""Designs from anywhere (a file, the hub, an LLM) that are malformed or built to hang: each ends at once with
a message that says what is wrong, never a traceback or a hang (issue 16)."""

from __future__ import annotations

import json
from functools import reduce
from pathlib import Path

import pytest
import trimesh

from core.document.document import Document
from core.document.expressions import evaluate
from core.errors import DocumentError, ExpressionError, GeometryError, ParameterError
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, save_mesh


def design(parameters: object = (), root: object = None, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {"format": "potstudio.document", "schema_version": 1, "name": "x",
                               "parameters": list(parameters) if isinstance(parameters, tuple) else parameters}
    data["root"] = root if root is not None else {"type": "box", "props": {"size": [10, 10, 10]}}
    data.update(extra)
    return data


def test_document_format_name_matches_the_loader() -> None:
    """The fixtures below must reach the checks they target, not stop at 'not a document'."""
    assert Document.from_json(design()).values() == {}


@pytest.mark.parametrize(("case", "message"), [
    ("((((9**64)**64)**64)**64)**64", "too large"),
    ("9**64", "too large"),
    ("floor(1e300) * 2", "too large"),
    ("1e308 * 10", "finite"),
    ("(-1) ** 0.5", "real number"),
])
def test_expressions_that_would_hang_or_overflow_are_refused(case: str, message: str) -> None:
    with pytest.raises(ExpressionError, match=message):
        evaluate(case, {})


def test_ordinary_powers_still_compute() -> None:
    assert evaluate("2 ** 10 + 3 ** 2", {}) == 1033
    assert evaluate("wall ** 2", {"wall": 1.5}) == 2.25


@pytest.mark.parametrize(("parameters", "message"), [
    ([5], "must be an object"),
    ([{"value": 3}], "no 'name'"),
    ([{"name": 5, "value": 3}], "'name' must be text"),
    ([{"name": "a", "value": 3, "expr": 12}], "'expr' must be text"),
    ([{"name": "a", "value": 3, "kind": "colour"}], "not a parameter kind"),
    ([{"name": "a", "value": 3, "max": "ten"}], "'max' must be a number"),
    ([{"name": "a", "value": 0, "kind": "choice", "choices": "ab"}], "list of text"),
])
def test_malformed_parameters_say_what_is_wrong(parameters: list[object], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        Document.from_json(design(parameters))


def test_a_design_without_a_root_says_so() -> None:
    data = design()
    del data["root"]
    with pytest.raises(DocumentError, match="no root"):
        Document.from_json(data)


def test_json_nested_100k_deep_is_refused() -> None:
    with pytest.raises(DocumentError, match="nested too deeply"):
        Document.loads("[" * 100_000 + "]" * 100_000)


def test_parts_nested_past_the_limit_are_refused() -> None:
    node: dict[str, object] = {"type": "box", "props": {"size": [1, 1, 1]}}
    for _ in range(150):
        node = {"type": "group", "children": [node]}
    with pytest.raises(DocumentError, match="nested more than"):
        Document.loads(json.dumps(design(root=node)))


def test_a_long_dependency_chain_resolves_and_a_long_loop_is_named() -> None:
    """Each parameter reads the next: 5,000 links are a value, not a RecursionError."""
    n = 5000
    chain = [{"name": f"p{i}", "value": 0, "expr": f"p{i + 1} + 1"} for i in range(n)]
    chain.append({"name": f"p{n}", "value": 1})
    doc = Document.from_json(design(chain))
    assert doc.values()["p0"] == n + 1
    chain[-1] = {"name": f"p{n}", "value": 0, "expr": "p0"}
    with pytest.raises(ExpressionError, match="loop: p0 → p1 → "):
        Document.from_json(design(chain))


def hostile_file(tmp_path: Path, root: dict[str, object]) -> Path:
    """A 3MF whose embedded design is hostile: the way such a design reaches `export` and the app."""
    path = tmp_path / "hostile.3mf"
    save_mesh(trimesh.creation.box((10, 10, 10)), path, document_json=json.dumps(design(root=root)))
    return path


@pytest.mark.parametrize(("root", "message"), [
    ({"type": "sphere", "props": {"r": 10, "segments": 1_000_000}}, "1000000 segments"),
    ({"type": "cylinder", "props": {"r": 5, "h": 10, "segments": 2}}, "2 segments"),
    ({"type": "extrude", "props": {"height": 10, "twist": 1e7, "shape": {"kind": "rect", "size": [5, 5]}}},
     "slices"),
    (reduce(lambda child, _: {"type": "linear_array", "props": {"count": [10, 10, 10], "spacing": [1, 1, 1]},
                              "children": [child]}, range(3), {"type": "box", "props": {"size": [0.2, 0.2, 0.2]}}),
     "triangles, more than the limit"),
])
def test_a_design_from_a_file_has_the_same_budget_as_the_assistant(
    tmp_path: Path, root: dict[str, object], message: str
) -> None:
    """A 3MF whose design asks for too much ends at once with the budget's message when it is built (the LLM path
    had limits; a design from a file had none: 10⁶ segments took 6 GB, nested 1000-copy arrays hung)."""
    doc = Document.loads(load_mesh(hostile_file(tmp_path, root)).document_json or "")
    with pytest.raises(GeometryError, match=message):
        Evaluator().mesh(doc)


@pytest.mark.parametrize(("prompt", "words"), [
    ("a plant pot 12 cm wide " * 12_000, "I read at most 4,000"),
    ("um vaso de 12 cm de largura " * 12_000, "eu leio no máximo 4.000"),
])
def test_a_prompt_of_hundreds_of_kilobytes_is_answered_at_once_not_planned(prompt: str, words: str) -> None:
    """A 256 KB prompt kept the planner busy for minutes (its measurement scan is quadratic); now the turn says how
    long a message may be, and the model is untouched."""
    from core.assistant.offline.planner import OfflinePlanner
    from core.assistant.session import DesignSession

    session = DesignSession(OfflinePlanner())
    reply = session.send(prompt)
    assert words in reply.text and not session.has_model
    assert session.send("a plant pot 12 cm wide").text and session.has_model


def test_a_parameter_defined_twice_is_refused_not_silently_replaced() -> None:
    twice = [{"name": "width", "value": 10}, {"name": "width", "value": 99}]
    with pytest.raises(DocumentError, match="'width' is defined twice"):
        Document.from_json(design(twice))
