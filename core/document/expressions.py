"""Safe arithmetic between parameters (`lid_height = 0.2 * height`).

Python's parser builds the syntax tree, then we walk only a whitelist of node types: numbers,
names, arithmetic, comparisons, `and/or/not`, `a if c else b` and a fixed set of math functions
(plus len() of a text parameter).
Nothing is ever passed to eval(); attribute access, calls of anything else, subscripts, lambdas and
strings are rejected when parsing, so a hostile document cannot run code.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from core.errors import ExpressionError
from core.tasks import Phrase

Number = float | int | bool | str
"""A parameter value: a number (bool for flags, int for counts and choices), or the string of a text
parameter, which expressions may only measure with len(), compare, or pass on to a node prop."""

_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
    ast.Not: operator.not_,
}
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
FUNCTIONS: dict[str, Callable[..., Number]] = {
    "min": min,
    "max": max,
    "abs": abs,
    "sqrt": math.sqrt,
    "sin": lambda d: math.sin(math.radians(d)),
    "cos": lambda d: math.cos(math.radians(d)),
    "tan": lambda d: math.tan(math.radians(d)),
    "atan2": lambda y, x: math.degrees(math.atan2(y, x)),
    "floor": math.floor,
    "ceil": math.ceil,
    "round": round,
    "clamp": lambda v, lo, hi: max(lo, min(hi, v)),
    "len": len,
}
_OPERATORS = {*_BINARY, *_UNARY, *_COMPARE}
CONSTANTS: dict[str, float] = {"pi": math.pi, "true": 1, "false": 0, "True": 1, "False": 0}
_MAX_LENGTH = 500
_MAX_POWER = 64.0
_MAX_INT_BITS = 64
"""Integers past 64 bits are no size, count or angle; bounding every result (not only the exponent) keeps
`((9**64)**64)**64` from computing a number of millions of digits before anything could refuse it."""


class Expression:
    """A parsed expression with the parameter names it reads (its dependencies)."""

    __slots__ = ("names", "source", "tree")

    def __init__(self, source: str) -> None:
        if len(source) > _MAX_LENGTH:
            raise ExpressionError(Phrase("Expression is longer than {0} characters.", _MAX_LENGTH))
        try:
            tree = ast.parse(source.strip(), mode="eval")
        except SyntaxError as exc:
            raise ExpressionError(Phrase("Cannot read the expression '{0}': {1}.", source, exc.msg)) from None
        self.source = source
        self.tree = tree.body
        self.names: frozenset[str] = frozenset(_check(self.tree, source))

    def evaluate(self, values: Mapping[str, Number]) -> Number:
        try:
            return _eval(self.tree, values, self.source)
        except ExpressionError:
            raise
        except (ArithmeticError, ValueError, TypeError) as exc:
            raise ExpressionError(Phrase("Cannot compute '{0}': {1}.", self.source, exc)) from None

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


@lru_cache(maxsize=4096)
def parse(source: str) -> Expression:
    return Expression(source)


def evaluate(source: str, values: Mapping[str, Number]) -> Number:
    return parse(source).evaluate(values)


def _check(node: ast.AST, source: str) -> set[str]:
    """Reject anything outside the whitelist and collect the free names.

    A parameter may share a function's name ("floor" is both a template parameter and floor()):
    only a name in call position is the function, anywhere else it is read from the values."""
    names: set[str] = set()
    called = {id(sub.func) for sub in ast.walk(node) if isinstance(sub, ast.Call)}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            if id(sub) not in called and sub.id not in CONSTANTS:
                names.add(sub.id)
        elif isinstance(sub, ast.Call):
            if not isinstance(sub.func, ast.Name) or sub.func.id not in FUNCTIONS or sub.keywords:
                raise ExpressionError(Phrase("Only {0} can be called in '{1}'.", ", ".join(sorted(FUNCTIONS)), source))
        elif isinstance(sub, ast.Constant):
            if not isinstance(sub.value, int | float) or isinstance(sub.value, complex):
                raise ExpressionError(Phrase("Only numbers are allowed in '{0}'.", source))
        elif not isinstance(sub, ast.BinOp | ast.UnaryOp | ast.Compare | ast.BoolOp | ast.IfExp | ast.Load
                            | ast.boolop) and type(sub) not in _OPERATORS:  # `~x`, `a << b`, `a in b` parse too
            raise ExpressionError(Phrase("'{0}' is not allowed in expression '{1}'.", type(sub).__name__, source))
    return names


def _eval(node: ast.AST, values: Mapping[str, Number], source: str) -> Any:
    if isinstance(node, ast.Constant):  # `1e400` is parsed as infinity, a 400-digit literal as itself
        return _bounded(node.value, source)
    if isinstance(node, ast.Name):
        if node.id in values:
            return values[node.id]
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        raise ExpressionError(Phrase("Unknown parameter '{0}' in '{1}'.", node.id, source))
    if isinstance(node, ast.BinOp):
        left = _eval(node.left, values, source)
        right = _eval(node.right, values, source)
        if isinstance(left, str) or isinstance(right, str):  # "text * 10**9" must not build a huge string
            raise ExpressionError(Phrase("Text can only be measured with len() or compared in '{0}'.", source))
        # with both sides within 64 bits a power is at most 4096 bits: quick to compute, then refused by _bounded
        if isinstance(node.op, ast.Pow) and abs(right) > _MAX_POWER:
            raise ExpressionError(Phrase("Exponent too large in '{0}'.", source))
        return _bounded(_BINARY[type(node.op)](left, right), source)
    if isinstance(node, ast.UnaryOp):
        return _bounded(_UNARY[type(node.op)](_eval(node.operand, values, source)), source)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, values, source)
        for i, op in enumerate(node.ops):  # a < b <= c: each pair, stopping at the first false one
            right = _eval(node.comparators[i], values, source)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BoolOp):  # Python's own and/or: the first value that decides, else the last
        *first, last = node.values
        decides = isinstance(node.op, ast.Or)
        for v in first:
            result = _eval(v, values, source)
            if bool(result) is decides:
                return result
        return _eval(last, values, source)
    if isinstance(node, ast.IfExp):
        branch = node.body if _eval(node.test, values, source) else node.orelse
        return _eval(branch, values, source)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = [_eval(a, values, source) for a in node.args]
        return _bounded(FUNCTIONS[node.func.id](*args), source)
    raise ExpressionError(Phrase("Cannot evaluate '{0}'.", source))


def _bounded(value: Any, source: str) -> Any:
    """Refuse a result no model can use: an integer past 64 bits, a complex root, or infinity/NaN from a float overflow
    (which Python returns silently for `1e308 * 10`, and which would otherwise reach the mesh as NaN)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_INT_BITS:
        raise ExpressionError(Phrase("A number in '{0}' is too large.", source))
    if isinstance(value, complex):  # (-1) ** 0.5
        raise ExpressionError(Phrase("'{0}' does not give a real number.", source))
    if isinstance(value, float) and not math.isfinite(value):
        raise ExpressionError(Phrase("'{0}' does not give a finite number.", source))
    return value
