"""Numbers, number words and lengths with units, as a designer types them."""

from __future__ import annotations

import pytest

from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import detect_language, fold
from core.assistant.offline.units import find_measures, find_percents, parse_number


def lengths(text: str) -> list[tuple[float, ...]]:
    return [m.values for m in find_measures(words_to_digits(fold(text)))]


@pytest.mark.parametrize(("text", "expected"), [
    ("12cm", [(120.0,)]),
    ("12 cm", [(120.0,)]),
    ("1,5 cm", [(15.0,)]),
    ("2.5 mm", [(2.5,)]),
    ("2 inch", [(50.8,)]),
    ("2 inches", [(50.8,)]),
    ('3"', [(76.2,)]),
    ("3”", [(76.2,)]),
    ("1/2 inch", [(12.7,)]),
    ("1 1/2 in wide", [(38.1,)]),
    ("1 ft", [(304.8,)]),
    ("0.3 m", [(300.0,)]),
    ("10 km", [(10_000_000.0,)]),  # was a bare 10, taken as 10 mm
    ("2 quilômetros", [(2_000_000.0,)]),
    ("1 mile", [(1_609_344.0,)]),
    ("3 yd", [(2743.2,)]),
    ("2 dm", [(200.0,)]),
    ("500 µm", [(0.5,)]),
    ("mil peças de 5 cm", [(50.0,)]),
    ("10 x 7 x 4 cm", [(100.0, 70.0, 40.0)]),
    ("10x7x4cm", [(100.0, 70.0, 40.0)]),
    ("10 × 7 × 4 cm", [(100.0, 70.0, 40.0)]),
    ("10 by 7 by 4 cm", [(100.0, 70.0, 40.0)]),
    ("10 por 7 por 4 cm", [(100.0, 70.0, 40.0)]),
    ("10cm x 7cm x 4cm", [(100.0, 70.0, 40.0)]),
    ("85 x 56 mm", [(85.0, 56.0)]),
    ("a box 6 x 4", [(6.0, 4.0)]),  # a bare group is still a size (millimetres)
    ("20 centímetros", [(200.0,)]),
    ("3 polegadas", [(76.2,)]),
    ("twenty five mm", [(25.0,)]),
    ("two and a half inches", [(63.5,)]),
    ("vinte e cinco milímetros", [(25.0,)]),
    ("dois centímetros e meio", [(25.0,)]),
    ("meio metro", [(500.0,)]),
    ("half an inch", [(12.7,)]),
    ("um centímetro e meio", [(15.0,)]),
    ("cento e vinte mm", [(120.0,)]),
    ("one hundred and twenty mm", [(120.0,)]),
    ("dez cm", [(100.0,)]),
    ("1½ inch", [(38.1,)]),
    ("¾\"", [(19.05,)]),
])
def test_lengths_are_read_in_millimetres(text: str, expected: list[tuple[float, ...]]) -> None:
    got = lengths(text)
    assert [tuple(round(v, 3) for v in g) for g in got] == expected


def test_articles_stay_words_unless_a_unit_follows() -> None:
    assert words_to_digits(fold("um vaso de dez cm")) == "um vaso de 10 cm"
    assert words_to_digits(fold("a box an inch wide")) == "a box 1 inch wide"
    assert words_to_digits(fold("half the height")) == "half the height"


def test_in_is_a_preposition_when_a_noun_phrase_follows() -> None:
    found = find_measures("a 5 in the middle and 4 in wide")
    assert [(m.values, m.unit) for m in found] == [((5.0,), None), ((101.6,), "in")]


def test_screw_names_are_not_numbers() -> None:
    assert [m.values for m in find_measures("an m3 screw hole of 20 mm")] == [(20.0,)]


def test_percentages_are_not_lengths() -> None:
    text = "make it 20% taller and 15 percent wider, 10 por cento mais alto"
    assert [p[0] for p in find_percents(text)] == [20.0, 15.0, 10.0]
    assert find_measures(text) == []


@pytest.mark.parametrize(("raw", "value"), [("1,5", 1.5), ("1,500", 1500.0), ("0,125", 0.125), ("3/4", 0.75),
                                            ("1 1/2", 1.5)])
def test_decimal_comma_thousands_and_fractions(raw: str, value: float) -> None:
    assert parse_number(raw) == pytest.approx(value)


def test_division_by_zero_is_skipped_not_raised() -> None:
    assert lengths("1/0 inch") == []
    with pytest.raises(ValueError, match="divides by zero"):
        parse_number("1/0")


@pytest.mark.parametrize(("text", "lang"), [
    ("a plant pot 12 cm wide with drainage holes", "en"),
    ("um vaso para plantas de 12 cm com furos", "pt"),
    ("deixe 20% mais alto", "pt"),
    ("make it 20% taller", "en"),
    ("caixa com tampa", "pt"),
    ("85 x 56 x 20 mm", None),
    ("a tampa ficou folgada", "pt"),
    ("the lid is too tight", "en"),
    ("aumente a folga", "pt"),
    ("a folga", None),  # "a" is English and Portuguese alike: the conversation's language decides
])
def test_language_follows_the_user(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang
