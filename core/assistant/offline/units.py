"""Lengths with units in a (folded, digit-normalised) sentence: "12cm", "1,5 cm", "2 inch",
"1/2 inch", "3/4\"", "10 x 7 x 4 cm", "10 by 7 by 4 cm", "10 por 7 cm", and bare numbers.

A group ("10 x 7 x 4 cm") shares the last unit given, the way people write it. Bare numbers are
reported too (unit None) so the planner can treat "a cube 20" as millimetres or "6 holes" as a
count. Everything is converted to millimetres here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM_PER_UNIT = {"um": 0.001, "mm": 1.0, "cm": 10.0, "dm": 100.0, "m": 1000.0, "km": 1e6, "in": 25.4, "ft": 304.8,
               "yd": 914.4, "mi": 1_609_344.0}
"""Units nobody prints in (km, miles) are still read as what they are: "10 km" was taken as 10 mm, a bare
number, so the reply made a small part instead of saying the size is out of range."""

_UNIT_ALIASES = (
    ("um", r"µm|μm|microns?|micrometros?|micromet(?:er|re)s?"),
    ("mm", r"mm|millimet(?:er|re)s?|milimetros?"),
    ("cm", r"cm|centimet(?:er|re)s?|centimetros?"),
    ("in", r"in(?:ch(?:es)?)?|polegadas?|pol|\""),
    ("ft", r"ft|foot|feet|pes?"),
    ("dm", r"dm|decimet(?:er|re)s?|decimetros?"),
    ("km", r"km|kilomet(?:er|re)s?|quilometros?"),
    ("yd", r"yd|yards?|jardas?"),
    ("mi", r"mi|miles?|milhas?"),
    ("m", r"m|met(?:er|re)s?|metros?"),
)
_UNIT_WORD = re.compile(rf"(?:{'|'.join(alias for _, alias in _UNIT_ALIASES)})")


def is_unit_word(word: str) -> bool:
    """"mile", "centimetros", "in": a unit's name, which says how big the object is, never what it is."""
    return _UNIT_WORD.fullmatch(word) is not None


_UNIT = "|".join(f"(?P<{name}{{i}}>{alias})" for name, alias in _UNIT_ALIASES)
_NUM = r"(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)?)"
_START = r"(?<![\w.,/])"  # not inside "m3" or "1.5.2"
_SEP = r"\s*(?:x|\*|by|por)\s*"
# "in" is a unit only when nothing prepositional follows ("4 in wide" yes, "5 in the middle" no).
_UNIT_END = r"(?:(?<=\")|(?![a-z])(?<!\bin(?= (?:the|a|an|my|your|this|that|each|total|it|pla|petg|abs)\b)))"


def _group_pattern() -> re.Pattern[str]:
    parts = []
    for i in range(3):
        unit = _UNIT.format(i=i)
        piece = rf"(?P<n{i}>{_START if i == 0 else ''}{_NUM})(?:\s*(?:{unit}){_UNIT_END})?"
        parts.append(piece if i == 0 else rf"(?:{_SEP}{piece})?")
    return re.compile("".join(parts))


_GROUP = _group_pattern()
_PERCENT = re.compile(rf"({_START}{_NUM})\s*(?:%|percent\b|per cent\b|por cento\b|porcento\b)")


@dataclass(frozen=True)
class Measure:
    """One number or a group of 2–3 ("10 x 7 x 4 cm"), in mm when a unit was given."""

    values: tuple[float, ...]
    unit: str | None
    start: int
    end: int

    @property
    def value(self) -> float:
        return self.values[0]


def parse_number(raw: str) -> float:
    """"1,5" (Brazilian decimal comma), "1,500" (English thousands), "1 1/2", "3/4"."""
    raw = raw.strip()
    if "/" in raw:
        whole, _, frac = raw.rpartition(" ")
        num, den = frac.split("/")
        if float(den) == 0:
            raise ValueError(f"'{raw}' divides by zero")
        return (float(whole) if whole else 0.0) + float(num) / float(den)
    if "," in raw:
        head, tail = raw.split(",", 1)
        return float(head + tail) if len(tail) == 3 and head != "0" else float(f"{head}.{tail}")
    return float(raw)


_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d+)(?![\d,])")


def decimal_commas(text: str) -> str:
    """In a Portuguese sentence "3,175 mm" is three and a bit millimetres (Brazil writes thousands with a
    dot), where the language-blind parse_number would read an English thousands separator."""
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


def find_measures(text: str) -> list[Measure]:
    """Every number in text, grouped and converted; percentages are left to find_percents."""
    percents = {m.start() for m in _PERCENT.finditer(text)}
    found: list[Measure] = []
    for m in _GROUP.finditer(text):
        if m.start() in percents:
            continue
        raws = [m.group(f"n{i}") for i in range(3) if m.group(f"n{i}")]
        units = [_unit_of(m, i) for i in range(len(raws))]
        try:
            numbers = [parse_number(r) for r in raws]
        except ValueError:
            continue
        last_unit = next((u for u in reversed(units) if u), None)
        if len(raws) > 1 and last_unit is None:
            # "6 x 4" without a unit: still a size, read as millimetres.
            last_unit = "mm"
        values = []
        for number, unit in zip(numbers, units, strict=True):
            unit = unit or (last_unit if len(raws) > 1 else None)
            values.append(number * MM_PER_UNIT[unit] if unit else number)
        found.append(Measure(tuple(values), last_unit if len(raws) > 1 else units[0], m.start(), m.end()))
    return found


def find_percents(text: str) -> list[tuple[float, int, int]]:
    return [(parse_number(m.group(1)), m.start(), m.end()) for m in _PERCENT.finditer(text)]


def _unit_of(m: re.Match[str], i: int) -> str | None:
    for name, _ in _UNIT_ALIASES:
        if m.group(f"{name}{i}"):
            return name
    return None

