"""What a designer's expressions compute, operator by operator and function by function, and what each refusal says
(issue 16: a mutation run showed operators, short-circuits and refusals that could change with every test passing)."""

from __future__ import annotations

import ast
import math

import pytest

from core.document.expressions import Expression, _eval, evaluate
from core.errors import ExpressionError


@pytest.mark.parametrize(("source", "expected"), [
    ("7 + 2", 9), ("7 - 2", 5), ("7 * 2", 14), ("7 / 2", 3.5), ("7 // 2", 3), ("7 % 2", 1), ("2 ** 10", 1024),
    ("-w", -3), ("+w", 3), ("not w", False), ("not 0", True),
    ("1 < 2", True), ("2 < 2", False), ("2 <= 2", True), ("3 <= 2", False), ("3 > 2", True), ("2 > 2", False),
    ("2 >= 2", True), ("1 >= 2", False), ("2 == 2", True), ("2 == 3", False), ("2 != 3", True), ("2 != 2", False),
    ("1 < w < 5", True), ("1 < w < 2", False), ("5 < w < 9", False),
    ("w > 1 and h", 10), ("w > 5 and h", False), ("0 and h", 0), ("w > 5 or h", 10), ("0 or 0", 0), ("w or h", 3),
    ("1 and 2 and 3", 3), ("1 and 0 and 3", 0), ("0 or 2 or 3", 2), ("0 or 0 or 0", 0),
    ("h if w > 1 else 0", 10), ("h if w > 5 else 0", 0),
    ("min(w, h)", 3), ("max(w, h)", 10), ("abs(-w)", 3), ("sqrt(16)", 4.0), ("floor(2.7)", 2), ("ceil(2.1)", 3),
    ("round(2.5)", 2), ("round(3.14159, 2)", 3.14), ("clamp(15, 0, h)", 10), ("clamp(-1, 0, h)", 0),
    ("clamp(4, 0, h)", 4), ("len(label)", 3), ("pi", math.pi), ("true + True", 2), ("false + False", 0),
    ("floor * 2", 20),  # a parameter may be called like a function: read from the values outside a call
])
def test_each_operator_and_function_computes_what_a_designer_expects(source: str, expected: object) -> None:
    assert evaluate(source, {"w": 3, "h": 10, "label": "Ana", "floor": 10}) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("sin(90)", 1.0), ("cos(180)", -1.0), ("tan(45)", 1.0), ("atan2(1, 1)", 45.0), ("sin(30)", 0.5),
])
def test_angles_are_in_degrees(source: str, expected: float) -> None:
    assert evaluate(source, {}) == pytest.approx(expected)


def test_the_names_an_expression_reads_exclude_functions_and_constants() -> None:
    assert Expression("max(width, floor(depth)) * pi + true").names == {"width", "depth"}
    assert Expression("floor + 1").names == {"floor"}
    assert Expression("  width * 2  ").source == "  width * 2  " and repr(Expression("w")) == "Expression('w')"


def test_a_short_circuit_does_not_read_what_it_skips() -> None:
    assert evaluate("0 and missing", {}) == 0
    assert evaluate("1 or missing", {}) == 1
    assert evaluate("1 if 1 else missing", {}) == 1
    assert evaluate("2 < 1 < missing", {}) is False


@pytest.mark.parametrize(("source", "message"), [
    ("foo(1)", "Only abs, atan2, ceil, clamp, cos, floor, len, max, min, round, sin, sqrt, tan can be called in "
               "'foo(1)'."),
    ("max(1, key=2)", "Only abs, atan2, ceil, clamp, cos, floor, len, max, min, round, sin, sqrt, tan can be called "
                      "in 'max(1, key=2)'."),
    ("w.real", "'Attribute' is not allowed in expression 'w.real'."),
    ("w[0]", "'Subscript' is not allowed in expression 'w[0]'."),
    ("~w", "'Invert' is not allowed in expression '~w'."),
    ("w << 2", "'LShift' is not allowed in expression 'w << 2'."),
    ("w in h", "'In' is not allowed in expression 'w in h'."),
    ("'a'", "Only numbers are allowed in ''a''."),
    ("1j", "Only numbers are allowed in '1j'."),
    ("None", "Only numbers are allowed in 'None'."),
])
def test_anything_outside_arithmetic_is_refused_when_read_with_a_clear_message(source: str, message: str) -> None:
    with pytest.raises(ExpressionError) as refused:
        Expression(source)
    assert str(refused.value) == message


@pytest.mark.parametrize(("source", "message"), [
    ("1 / 0", "Cannot compute '1 / 0': division by zero."),
    ("sqrt(-1)", "Cannot compute 'sqrt(-1)': math domain error."),
    ("label * 3", "Text can only be measured with len() or compared in 'label * 3'."),
    ("3 * label", "Text can only be measured with len() or compared in '3 * label'."),
    ("nope + 1", "Unknown parameter 'nope' in 'nope + 1'."),
    ("2 * nope", "Unknown parameter 'nope' in '2 * nope'."),
    ("-nope", "Unknown parameter 'nope' in '-nope'."),
    ("max(1, nope)", "Unknown parameter 'nope' in 'max(1, nope)'."),
    ("1 < nope", "Unknown parameter 'nope' in '1 < nope'."),
    ("nope < 1", "Unknown parameter 'nope' in 'nope < 1'."),
    ("1 and nope", "Unknown parameter 'nope' in '1 and nope'."),
    ("0 or nope", "Unknown parameter 'nope' in '0 or nope'."),
    ("1 if nope else 2", "Unknown parameter 'nope' in '1 if nope else 2'."),
    ("nope if 1 else 2", "Unknown parameter 'nope' in 'nope if 1 else 2'."),
    ("1e400", "'1e400' does not give a finite number."),
    ("9 ** 64", "A number in '9 ** 64' is too large."),  # refused before the power is computed
    ("floor(1e300)", "A number in 'floor(1e300)' is too large."),
    ("-huge", "A number in '-huge' is too large."),  # a value from outside the expression is bounded too
    ("(-8) ** 0.5", "'(-8) ** 0.5' does not give a real number."),
    ("1e308 * 10", "'1e308 * 10' does not give a finite number."),
    ("-(2 ** 63) * 4", "A number in '-(2 ** 63) * 4' is too large."),
    ("-(2 ** 64 - 1) - 2 ** 63", "A number in '-(2 ** 64 - 1) - 2 ** 63' is too large."),
])
def test_a_value_no_model_can_use_is_refused_naming_the_expression(source: str, message: str) -> None:
    with pytest.raises(ExpressionError) as refused:
        evaluate(source, {"label": "Ana", "huge": 2**70})
    assert str(refused.value) == message


def test_integers_up_to_64_bits_and_flags_pass_through() -> None:
    assert evaluate("2 ** 63 + (2 ** 63 - 1)", {}) == 2**64 - 1
    assert evaluate("-(2 ** 63 + (2 ** 63 - 1))", {}) == -(2**64 - 1)
    assert evaluate("w", {"w": True}) is True and evaluate("1.5e308", {}) == 1.5e308
    assert evaluate("(-2) ** 63", {}) == -(2**63)


def test_a_large_negative_base_is_bounded_like_a_positive_one() -> None:
    with pytest.raises(ExpressionError, match="too large"):
        evaluate("(-3) ** 41", {})
    with pytest.raises(ExpressionError, match="too large"):
        evaluate("(2 ** 40) ** 2", {})


def test_a_node_the_validator_let_through_is_still_refused_in_words() -> None:
    """Defence in depth: the evaluator names what it cannot evaluate instead of failing on it."""
    with pytest.raises(ExpressionError) as caught:
        _eval(ast.parse("[w]", mode="eval").body, {"w": 1}, "[w]")
    assert str(caught.value) == "Cannot evaluate '[w]'."
