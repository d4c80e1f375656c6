"""Shorthand a maker types, rewritten into the plain phrases the rest of the NLU reads, per template.

"W=100 D=70 H=40", "20T m2", "M3", "10-12 cm", "1 kg spool", "-50": each is either spelled out
("100 wide", "20 teeth module 2", "a 3.4 mm hole") or taken out of the sentence with a note, so a
weight is never read as a length and a screw size lands on the hole, with the choice said aloud.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from core.assistant.offline import lexicon as lx
from core.assistant.offline.devices import board_size_text, find_board
from core.assistant.offline.features import find_features
from core.assistant.offline.text import fold, stem
from core.templates.base import TemplateSpec

_NUM = r"\d+(?:[.,]\d+)?"
_LENGTH_UNIT = r"(?:mm|cm|m|in|inch(?:es)?|polegadas?|\")"
_RANGE = re.compile(rf"(?<![\w.,])({_NUM})\s*(?:-|–|to|a|ate)\s*({_NUM})(?=\s*{_LENGTH_UNIT}(?![a-z]))")
_AXES = {"w": "wide", "d": "deep", "h": "tall", "l": "long"}
_AXIS = re.compile(rf"\b([wdhl])\s*(?:[=:]\s*|\s(?=\d))({_NUM}\s*(?:mm|cm|in)?)")  # "h=35", "h: 35", "h 35"
_TEETH = re.compile(r"(?<![\w.,])(\d+)\s*t\b")
_METRIC = re.compile(r"\bm(\d+(?:\.\d+)?)\b")
_WEIGHT = re.compile(
    rf"(?<![\w.,])({_NUM})\s*(?:kg|kilos?|kilograms?|quilos?|g|grams?|gramas?|lbs?|pounds?|libras?)\b"
    r"(\s+(?:de\s+)?(?:filament\s+|filamento\s+)?(?:spool|carretel|rolo|bobina)s?\b)?"
)
_EXPONENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?e[+-]?\d+)\b")
_NOT_A_NUMBER = re.compile(r"\b(?:nan|inf|infinity|infinite|infinito)\b")
_VASE_MODE = re.compile(r"\b(?:spiral(?:ize|ized)?(?: vase)?|vase|vaso) mode\b|\bmodo vaso\b")
HUGE = 1e9  # "1e308 teeth": past every range, so the parameter is clamped and the reply says so
_NEGATIVE_PERCENT = re.compile(rf"(?:(?<=\s)|^)-\s*({_NUM}\s*%)\s*([a-z]+)")
# "-20 mm", "minus 20", "negative 5", "lado de menos 20": a size below zero (a spaced " - 50" is a dash)
_NEGATIVE = re.compile(r"(?:(?:(?<=\s)|^|(?<=[:=(]))-|\b(?:minus|negative|negativo|negativa|de menos)\s+)(?=\d)")
# ISO 273 medium clearance holes: what a screw of that size passes through without forcing.
SCREW_CLEARANCE = {2.0: 2.4, 2.5: 2.9, 3.0: 3.4, 4.0: 4.5, 5.0: 5.5, 6.0: 6.6, 8.0: 9.0, 10.0: 11.0, 12.0: 13.5}
SCREW_MARK = "forscrew"
"""Marks the hole a screw size implies, so a hole size the user states outright wins over it."""
STANDARD_SPOOL_MM = 200.0  # the outside diameter of a 1 kg filament spool


@dataclass
class Normalised:
    text: str
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    screw: str = ""  # the screw size that named the hole ("M3"), so a bare length is the part's length


ADD_ONE = re.compile(r"\b(add|adicione|acrescente|coloque|put|ponha)\s+(?:one more|mais uma?|an?|one|another|"
                     r"uma?|outr[oa])\s+([a-z]+)")


def count_param(spec: TemplateSpec, word: str) -> str | None:
    """The template's integer parameter that counts `word` ("hook" → hooks, "row" → rows, "furo" →
    drain_holes, "vents" → vent_count), if it has one."""
    counts = [p for p in spec.parameters() if p.kind == "int"]
    ints = [p.name for p in counts]
    noun = lx.noun_of(word)
    names = [n for n in (noun, f"{noun}s" if noun else None, word, f"{word}s", f"{stem(word)}s") if n]
    found = next((n for n in names if n in ints), None) or next(
        (i for n in names for i in ints if i.endswith(f"_{n}") or i == f"{n.removesuffix('s')}_count"), None)
    if found is None:  # a count named for what it counts: the wall hook's "count" is labelled "Hooks"
        found = next((p.name for p in counts if stem(word) in
                      {stem(fold(label)) for label in (p.label, p.label_pt) if label}), None)
    return found


_FILE_WORDS = re.compile(r"\b(?:3mf|stl|obj|g-?code|step|stp)\b|\b3\s*d\b")


def normalise(folded: str, spec: TemplateSpec) -> Normalised:
    out = Normalised(folded)
    out.text = _FILE_WORDS.sub(" ", out.text)  # "a 3d printed vase", "as 3mf": a format, not 3 mm or 3 m
    # "add a row", "add another hook": one more of something the model counts (not "add a lid", a feature)
    out.text = ADD_ONE.sub(lambda m: f"{m.group(1)} 1 more {m.group(2)}" if count_param(spec, m.group(2))
                            else m.group(0), out.text)
    out.text = _EXPONENT.sub(lambda m: f"{min(float(m.group(1)), HUGE):.0f}", out.text)
    if _NOT_A_NUMBER.search(out.text):
        out.text = _NOT_A_NUMBER.sub(" ", out.text)
        out.notes.append(("not_a_number", {}))
    if _VASE_MODE.search(out.text):  # a slicer setting, not a twist ("spiral") or a second vase
        out.text = _VASE_MODE.sub(" ", out.text)
        out.notes.append(("vase_mode", {}))
    out.text = _RANGE.sub(lambda m: _range(m, out), out.text)
    out.text = _GRID.sub(lambda m: _grid(m, spec), out.text)
    out.text = _CARRIED.sub(lambda m: f"{m.group(0)} {m.group(1)}", out.text)
    out.text = _AXIS.sub(lambda m: f", {m.group(2).strip()} {_AXES[m.group(1)]} ,", out.text)
    if "teeth" in spec.roles:
        out.text = _TEETH.sub(lambda m: f"{m.group(1)} teeth", out.text)
    out.text = _WEIGHT.sub(lambda m: _weight(m, spec, out), out.text)
    out.text = _METRIC.sub(lambda m: _metric(m, spec, out), out.text)
    _board(spec, out)
    out.text = _NEGATIVE_PERCENT.sub(_negative_percent, out.text)
    if _NEGATIVE.search(out.text):
        # a negative size is kept as 0, which no part has: the planner asks what was meant
        out.text = _NEGATIVE_NUMBER.sub(lambda m: _negative(m, out), out.text)
    return out


_AMOUNT = r"\d+(?:[.,]\d+)?(?:\s+\d+/\d+|/\d+)?"
# "de 1/2 polegada pra 3/8", "1 inch to 3/4": the second size of a pair said in the first one's unit
_CARRIED = re.compile(rf"(?<![\w.,/]){_AMOUNT}\s*({_LENGTH_UNIT})(?![a-z])\s+(?:to|pra|para|a|ate)\s+{_AMOUNT}"
                      rf"(?![\w.,/]|\s*{_LENGTH_UNIT}(?![a-z]))")
_GRID = re.compile(r"(?<![\w.,])(\d+) (rows?|fileiras?|linhas?|columns?|colunas?) (?:of|de) (\d+)\b"
                   r"(?! ?(?:mm|cm|in\b))")
_ACROSS = {"row": "columns", "fileira": "colunas", "linha": "colunas", "column": "rows", "coluna": "fileiras"}


def _grid(m: re.Match[str], spec: TemplateSpec) -> str:
    """"2 rows of 10", "3 fileiras de 4": that many rows, each of that many (columns), where the template counts
    both; "3 rows of 4" is no row count of 4."""
    line = stem(m.group(2)).rstrip("s")
    across = _ACROSS.get(line) or _ACROSS.get(m.group(2).rstrip("s"), "")
    if count_param(spec, m.group(2)) is None or count_param(spec, across) is None:
        return m.group(0)
    return f"{m.group(1)} {m.group(2)} , {m.group(3)} {across}"


def _board(spec: TemplateSpec, out: Normalised) -> None:
    """"a case for my Raspberry Pi 4": the board's size for an enclosure (unless the sentence gives one),
    and never its model number as a length."""
    found = find_board(out.text)
    if found is None:
        return
    board, rest, name = found
    size = board_size_text(board, rest) if "device_width" in spec.roles else None
    if size is None and find_features(name, spec):
        return  # a template that takes the board by name ("arduino uno"): its features read the name
    out.text = rest if size is None else f"{rest} , {size} ,"
    if size is not None:
        out.notes.append(("board", {"board": board.name, "size": " × ".join(f"{v:g}" for v in board.size) + " mm"}))


_NEGATIVE_NUMBER = re.compile(rf"{_NEGATIVE.pattern}({_NUM})")


def _negative(m: re.Match[str], out: Normalised) -> str:
    out.notes.append(("negative", {"value": f"-{m.group(1)}"}))
    return "0"


def _negative_percent(m: re.Match[str]) -> str:
    """"-20% taller" means 20 % shorter: the opposite comparative of the same dimension."""
    word = m.group(2)
    role, direction = lx.COMPARATIVES.get(word, ("", 0))
    opposite = next((w for w, (r, d) in lx.COMPARATIVES.items() if role and r == role and d == -direction), None)
    return f"{m.group(1)} {opposite}" if opposite else m.group(0)


def _range(m: re.Match[str], out: Normalised) -> str:
    low, high = m.group(1), m.group(2)
    out.notes.append(("range", {"low": low.replace(",", "."), "high": high.replace(",", ".")}))
    return high


def _weight(m: re.Match[str], spec: TemplateSpec, out: Normalised) -> str:
    raw = m.group(0)[: (m.start(2) if m.group(2) else m.end()) - m.start()].strip()
    if m.group(2) and "diameter" in spec.roles:
        out.notes.append(("spool", {"weight": raw, "diameter": f"{STANDARD_SPOOL_MM:g}"}))
        return f", {STANDARD_SPOOL_MM:g} mm diameter ,"
    out.notes.append(("weight", {"weight": raw}))
    return " " + (m.group(2) or "")


def _metric(m: re.Match[str], spec: TemplateSpec, out: Normalised) -> str:
    size = float(m.group(1))
    if "module" in spec.roles:
        return f"module {m.group(1)}"
    if not any(role in spec.roles for role in ("hole_diameter", "bore")):
        out.notes.append(("screw_ignored", {"screw": f"M{size:g}"}))
        return " "
    hole = SCREW_CLEARANCE.get(size, round(size * 1.1, 1))
    out.screw = f"M{size:g}"
    out.notes.append(("screw", {"screw": f"M{size:g}", "hole": f"{hole:g}"}))
    return f", {hole:g} mm hole {SCREW_MARK} ,"
