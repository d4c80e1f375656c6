"""Number words → digits, in English and Brazilian Portuguese ("twenty five", "two and a half",
"vinte e cinco", "dois e meio", "meio centímetro", "half an inch", "an eighth of an inch", "um quarto de
polegada", "3/4 of an inch").

The rest of the NLU only ever sees digits. Articles that double as "one" ("a", "um", "uma") are
converted only when a unit follows ("um centímetro"), so "um vaso" stays a vase and not 1 vase.
Input is folded text (see text.fold).
"""

from __future__ import annotations

import re

_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_UNITS_PT = {
    "zero": 0, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
    "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
    "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18,
    "dezenove": 19, "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100,
    "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300, "quatrocentos": 400,
    "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800, "novecentos": 900,
}
_VALUES = {**_UNITS_EN, **_UNITS_PT}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "mil": 1000}
_ONE_ARTICLES = frozenset({"a", "an", "um", "uma"})
_CONNECTORS = frozenset({"and", "e"})
_HALVES = frozenset({"half", "meio", "meia"})

# Unit words that make an article mean "one" and that may follow "half a" / "meio".
UNIT_WORDS = (
    r"mm|millimet(?:er|re)s?|milimetros?|cm|centimet(?:er|re)s?|centimetros?|met(?:er|re)s?|metros?|"
    r"inch(?:es)?|polegadas?|foot|feet|ft|pes?"
)
_UNIT_RE = re.compile(rf"(?:{UNIT_WORDS})$")
_TOKEN = re.compile(r"[a-z]+|[\s-]+|.", re.S)
_HALF_UNIT = re.compile(rf"(?<!and a )(?<!\be )\b(?:half (?:an? )?|meio |meia )({UNIT_WORDS})\b")
# "a quarter inch", "an eighth of an inch", "three quarters of an inch", "um quarto de polegada", "tres oitavos
# de polegada": a fraction named in words, of a unit (after number words became digits: "3 quarters")
_PARTS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "eighth": 8, "eighths": 8,
          "sixteenth": 16, "sixteenths": 16, "terco": 3, "tercos": 3, "quarto": 4, "quartos": 4, "oitavo": 8,
          "oitavos": 8}
_FRACTION_WORDS = re.compile(
    rf"\b(an?|um|uma|\d+) ({'|'.join(_PARTS)})(?: (?:of|de))?(?: an?| 1(?= ))? ({UNIT_WORDS})\b")
# "1/8 de polegada", "3/4 of an inch": the unit follows its fraction after "of"/"de"
_FRACTION_OF_UNIT = re.compile(rf"(\d+/\d+) (?:of (?:an? |1 )?|de (?:uma? |1 )?)({UNIT_WORDS})\b")
_LONE_HALF_UNIT = re.compile(rf"(?:(?<=\be )|(?<=\band ))(?<!\d e )(?:half (?:an? )?|meio |meia )({UNIT_WORDS})\b")
_AND_A_HALF_UNIT = re.compile(rf"(\d+(?:\.\d+)?) ({UNIT_WORDS}) (?:and a half|e meio|e meia)\b")


def _fraction(m: re.Match[str]) -> str:
    count = 1 if m.group(1) in _ONE_ARTICLES else int(m.group(1))
    return f"{count}/{_PARTS[m.group(2)]} {m.group(3)}"


def _is_unit(word: str) -> bool:
    return bool(_UNIT_RE.match(word))


def _fmt(value: float) -> str:
    return f"{value:g}"


def words_to_digits(text: str) -> str:
    """Replace every run of number words with its value in digits; everything else is kept."""
    text = _FRACTION_WORDS.sub(_fraction, text)
    text = _HALF_UNIT.sub(lambda m: f"0.5 {m.group(1)}", text)
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        value, end = _read_number(tokens, i)
        if end > i:
            out.append(_fmt(value))
            i = end
        else:
            out.append(tokens[i])
            i += 1
    result = _FRACTION_OF_UNIT.sub(r"\1 \2", _FRACTION_WORDS.sub(_fraction, "".join(out)))
    # "diâmetro e meio centímetro": a half unit after "e"/"and a" that followed no number ("dois e meio
    # cm" is 2.5 cm by now)
    result = _LONE_HALF_UNIT.sub(lambda m: f"0.5 {m.group(1)}", result)
    return _AND_A_HALF_UNIT.sub(lambda m: f"{float(m.group(1)) + 0.5:g} {m.group(2)}", result)


def _next_word(tokens: list[str], i: int) -> tuple[str, int]:
    """The next word token at or after i (skipping spaces and hyphens) and its index."""
    while i < len(tokens) and not tokens[i].isalpha():
        if tokens[i].strip(" -\t\n"):
            return "", i
        i += 1
    return (tokens[i], i) if i < len(tokens) else ("", i)


def _read_number(tokens: list[str], i: int) -> tuple[float, int]:
    """Parse a number-word run starting at token i; returns (value, index after it) or (0, i)."""
    word = tokens[i]
    if word in _ONE_ARTICLES:
        follower, j = _next_word(tokens, i + 1)
        if _is_unit(follower):
            return 1.0, i + 1
        if follower in _CONNECTORS and word in ("um", "uma"):
            half, k = _next_word(tokens, j + 1)
            if half in _HALVES:
                return 1.5, k + 1
        return 0.0, i
    if word not in _VALUES:
        return 0.0, i
    total = 0.0
    current = 0.0
    end = i
    j = i
    while True:
        w, k = _next_word(tokens, j)
        if w in _VALUES:
            current += _VALUES[w]
            end = j = k + 1
        elif w in _MULTIPLIERS and end > i:
            current = max(current, 1.0) * _MULTIPLIERS[w]
            if _MULTIPLIERS[w] >= 1000:
                total += current
                current = 0.0
            end = j = k + 1
        elif w in _CONNECTORS and end > i:
            nxt, m = _next_word(tokens, k + 1)
            if nxt in _VALUES:
                j = m
            elif nxt in _HALVES:
                current += 0.5
                end = j = m + 1
            elif nxt in ("a", "an"):
                half, n = _next_word(tokens, m + 1)
                if half not in _HALVES:
                    break
                current += 0.5
                end = j = n + 1
            else:
                break
        else:
            break
    return total + current, end
