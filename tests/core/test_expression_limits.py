"""The expression evaluator's limits stated at their edges, so a loosened bound is noticed (issue 16: the length
cap could be removed and the exponent bound loosened with every test still passing)."""

from __future__ import annotations

import pytest

from core.document.expressions import Expression, evaluate
from core.errors import ExpressionError


def test_an_expression_of_500_characters_computes_and_501_is_refused() -> None:
    five_hundred = "1+" * 249 + "11"
    assert len(five_hundred) == 500 and evaluate(five_hundred, {}) == 260
    with pytest.raises(ExpressionError) as refused:
        Expression(five_hundred + "1")
    assert str(refused.value) == "Expression is longer than 500 characters."


@pytest.mark.parametrize("exponent", ["64", "-64", "64.0"])
def test_exponents_up_to_64_compute(exponent: str) -> None:
    assert isinstance(evaluate(f"1.001 ** {exponent}", {}), float)


@pytest.mark.parametrize("exponent", ["64.5", "65", "-65", "100"])
def test_exponents_past_64_are_refused_whatever_the_base(exponent: str) -> None:
    """A small base keeps the result tiny, so only the exponent bound stands between it and a slow power."""
    with pytest.raises(ExpressionError) as refused:
        evaluate(f"1.001 ** {exponent}", {})
    assert str(refused.value) == f"Exponent too large in '1.001 ** {exponent}'."


def test_integer_powers_stop_at_64_bits() -> None:
    assert evaluate("2 ** 63", {}) == 2**63
    for power in ("2 ** 64", "3 ** 41"):  # 65 bits
        with pytest.raises(ExpressionError) as refused:
            evaluate(power, {})
        assert str(refused.value) == f"A number in '{power}' is too large."


def test_a_syntax_error_names_the_expression_and_the_problem() -> None:
    with pytest.raises(ExpressionError) as refused:
        Expression("2 +")
    assert str(refused.value) == "Cannot read the expression '2 +': invalid syntax."
