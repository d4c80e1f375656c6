"""The expression evaluator's limits stated at their edges, so a loosened bound is noticed (issue 16: the length
cap could be removed and the exponent bound loosened with every test still passing)."""

from __future__ import annotations

import pytest

from core.document.expressions import Expression, evaluate
from core.errors import ExpressionError


def test_an_expression_of_500_characters_computes_and_501_is_refused() -> None:
    five_hundred = "1+" * 249 + "11"
    assert len(five_hundred) == 500 and evaluate(five_hundred, {}) == 260
    with pytest.raises(ExpressionError, match="longer than 500 characters"):
        Expression(five_hundred + "1")


@pytest.mark.parametrize("exponent", ["64", "-64", "64.0"])
def test_exponents_up_to_64_compute(exponent: str) -> None:
    assert isinstance(evaluate(f"1.001 ** {exponent}", {}), float)


@pytest.mark.parametrize("exponent", ["64.5", "65", "-65", "100"])
def test_exponents_past_64_are_refused_whatever_the_base(exponent: str) -> None:
    """A small base keeps the result tiny, so only the exponent bound stands between it and a slow power."""
    with pytest.raises(ExpressionError, match="Exponent too large"):
        evaluate(f"1.001 ** {exponent}", {})


def test_integer_powers_stop_at_64_bits() -> None:
    assert evaluate("2 ** 63", {}) == 2**63
    with pytest.raises(ExpressionError, match="too large"):
        evaluate("2 ** 64", {})
    with pytest.raises(ExpressionError, match="too large"):
        evaluate("3 ** 41", {})  # 65 bits
