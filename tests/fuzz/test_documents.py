"""The design loader and the expression evaluator, fuzzed: any JSON (from a file, a 3MF, the hub or an LLM) ends
as a built mesh or a DocumentError/GeometryError; any expression as a number or an ExpressionError."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from core.geometry.build import BUILDERS
from tests.fuzz import targets
from tests.fuzz.profiles import FUZZ
from tests.fuzz.seeds import EXPRESSIONS, seeds
from tests.fuzz.strategies import ODD_VALUES, mutated

_names = st.sampled_from(["height", "wall", "count", "r", "size", "h", "x", ""])
_expr = st.sampled_from(EXPRESSIONS) | st.lists(
    st.sampled_from(["height", "wall", "2", "0.5", "+", "-", "*", "/", "**", "(", ")", "9", "if", "else", "max(",
                     ",", "1e308", "count", "%", "//", "<", "and", "not"]), max_size=12).map(" ".join)
_prop = st.one_of(st.floats(-1e3, 1e3), st.integers(-10, 10_000), _expr.map(lambda e: "=" + e), ODD_VALUES,
                  st.lists(st.floats(-100, 100) | _expr.map(lambda e: "=" + e) | ODD_VALUES, max_size=4))
_props = st.dictionaries(st.sampled_from(["size", "r", "h", "r1", "r2", "segments", "count", "step", "angle",
                                          "translate", "rotate", "scale", "points", "height", "center", "enabled",
                                          "mirror", "axis", "r_minor", "r_major"]), _prop, max_size=5)
_node = st.recursive(
    st.fixed_dictionaries({"type": st.sampled_from(sorted(BUILDERS)), "props": _props}),
    lambda kids: st.fixed_dictionaries({"type": st.sampled_from(sorted(BUILDERS)), "props": _props,
                                        "children": st.lists(kids, max_size=3)}),
    max_leaves=6) | ODD_VALUES
_parameter = st.fixed_dictionaries(
    {"name": _names, "value": st.floats(-10, 500) | ODD_VALUES},
    optional={"expr": _expr | ODD_VALUES, "min": ODD_VALUES | st.floats(-10, 10), "max": ODD_VALUES | st.floats(),
              "kind": st.sampled_from(["length", "count", "angle", "flag", "choice", "text", "colour"]),
              "choices": st.lists(st.text(max_size=4), max_size=3) | ODD_VALUES}) | ODD_VALUES


@FUZZ
@given(st.lists(_parameter, max_size=5) | ODD_VALUES, _node, st.dictionaries(st.text(max_size=6), ODD_VALUES,
                                                                                max_size=2))
def test_designs(parameters: Any, root: Any, extra: dict[str, Any]) -> None:
    doc = {"format": "potstudio.document", "schema_version": 1, "name": "fuzz", "parameters": parameters,
           "root": root, **extra}
    targets.design(json.dumps(doc).encode())


@FUZZ
@given(st.data())
def test_designs_mutated(data: st.DataObject) -> None:
    """Templates' designs and the hostile designs, mutated as text."""
    targets.design(data.draw(mutated(seeds("design"), [b"=", b"**", b'"children": [', b'"segments": 1000000',
                                                       b'"count": 1000', b"{", b"[", b"null", b'"expr": 12'])))


@FUZZ
@given(_expr | st.text(max_size=60))
@example("9" * 400)  # found: an integer literal past 64 bits came out as itself
@example("1e400")  # found: a literal past float range came out as infinity
@example("-1e400")
@example("max(~2, 1)")  # found by atheris: operators Python parses but we never evaluate ended in a KeyError
@example("1 << 3")
@example("2 in 3")
def test_expressions(text: str) -> None:
    targets.expression(text.encode())


@FUZZ
@given(st.data())
def test_expressions_mutated(data: st.DataObject) -> None:
    targets.expression(data.draw(mutated(seeds("expression"), [b"**", b"(", b")", b"9" * 30, b"1e308", b"len(",
                                                               b"label", b"if", b"else"])))


def test_every_seed_is_read_or_refused() -> None:
    for kind in ("design", "expression"):
        for seed in seeds(kind):
            targets.TARGETS[kind](seed)
