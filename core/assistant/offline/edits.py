"""Relative edits that carry no length of their own: "twice as wide", "half the height", "3x taller",
"o dobro da altura", "taller", "mais largo", "thicker walls", "bigger".

Numbers with units or percentages ("10 mm wider", "20% taller") are mentions (mentions.py);
this module handles multipliers and bare comparatives, whose step is chosen by the planner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.assistant.offline import lexicon as lx
from core.assistant.offline.mentions import Mention
from core.assistant.offline.text import stem

_FACTOR_WORDS = (
    (r"twice|double|doubled|dobro|duas vezes", 2.0),
    (r"three times|triple|tripled|triplo|tres vezes", 3.0),
    (r"half|metade|halve|halved", 0.5),
    (r"a third|um terco", 1 / 3),
)
_N_TIMES = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:x|times|vezes)\b(?!\s*\d)")  # "85 x 56" is a size
_WORD = re.compile(r"[a-z]+")
_REACH = 4
_CLAUSE_BREAK = re.compile(r"[,;.]|\b(?:and|e|with|com|but|mas|then|depois)\b")


@dataclass(frozen=True)
class RelativeEdit:
    """`role` is a lexicon role (width, height, thickness, scale...) or a noun ("wall").
    `factor` multiplies; `direction` alone means "a sensible step" that way."""

    role: str
    factor: float | None
    direction: int
    start: int
    end: int
    near: tuple[str, ...] = ()  # the clause's words: the part it is about ("the saucer wider")


# Verbs that change what they name by a sensible step when no number says by how much ("increase the
# height", "reduza a espessura da parede"); with a number they are mentions ("increase the height to 15 cm").
# Not "cut", "trim", "extend" or "acrescente": those make things ("cut a hole", "acrescente um pratinho").
_UP_VERBS = frozenset({"increase", "raise", "enlarge", "grow", "expand", "aumente", "aumenta", "aumentar", "amplie",
                       "ampliar"})
_DOWN_VERBS = frozenset({"decrease", "reduce", "shrink", "lower", "diminua", "diminui", "diminuir", "reduza",
                         "reduzir", "encolha"})
_COUNTING = frozenset({"number", "count", "amount", "numero", "quantidade"})
# A fit described rather than asked for: "the lid is too tight" wants more clearance (role "fit": the lid's
# own clearance where the template has one, else its clearance).
_FIT_IDIOMS = (
    (re.compile(r"\btoo (?:tight|snug)\b|\b(?:is|are|feels?) (?:too )?tight\b|\b(?:muito|bem) apertad[oa]s?\b"
                r"|\bapertad[oa]s? demais\b|\b(?:esta|estao|ficou|ficaram) apertad[oa]s?\b"
                r"|\bmenos apertad[oa]s?\b|\bmais solt[oa]s?\b"), 1),
    (re.compile(r"\btoo loose\b|\b(?:is|are|feels?) (?:too )?loose\b|\b(?:muito|bem) (?:folgad|solt)[oa]s?\b"
                r"|\b(?:folgad|solt)[oa]s? demais\b|\b(?:esta|estao|ficou|ficaram) (?:folgad|solt)[oa]s?\b"
                r"|\bmais apertad[oa]s?\b|\bmenos solt[oa]s?\b"), -1),
)


def comparative_targets(edits: list[RelativeEdit],
                        mentions: list[Mention]) -> tuple[list[RelativeEdit], list[Mention]]:
    """"mais largo, 10 cm", "wider: 12 cm": a bare comparative and the one length said with nothing else to
    measure is the size it asks for, not a step and a stray number."""
    bare = [e for e in edits if e.factor is None and e.role in set(lx.MEASURES.values()) - {"angle"}]
    loose = [m for m in mentions if m.measure.unit is not None and not m.percent and len(m.measure.values) == 1
             and m.param is None and m.measured is None and m.noun is None and not m.direction]
    if len(bare) != 1 or len(loose) != 1 or len(mentions) != 1:
        return edits, mentions
    target = replace(loose[0], measured=bare[0].role)
    return [e for e in edits if e is not bare[0]], [target]


def find_relative_edits(folded: str, mentions: list[Mention]) -> tuple[list[RelativeEdit], list[Mention]]:
    """Multipliers and bare comparatives, plus the mentions that remain once numbers that belong
    to a multiplier ("3x taller", "2 vezes") are removed."""
    edits: list[RelativeEdit] = []
    for factor, start, end in _factors(folded):
        target = _target_near(folded, start, end)
        if target is not None:
            edits.append(RelativeEdit(target[0], factor, 1 if factor >= 1 else -1, start, target[1],
                                      _clause(folded, start)))
    factor_spans = [(e.start, e.end) for e in edits]
    mentions = [m for m in mentions if not _overlaps(m.start, m.end, factor_spans)]
    covered = factor_spans + [m.reach for m in mentions if m.direction]
    for pattern, direction in _FIT_IDIOMS:
        for m in pattern.finditer(folded):
            if not _overlaps(m.start(), m.end(), covered):
                edits.append(RelativeEdit("fit", None, direction, m.start(), m.end(), _clause(folded, m.start())))
                covered.append((m.start(), m.end()))
    for edit in _verb_edits(folded, mentions, covered):
        edits.append(edit)
        covered.append((edit.start, edit.end))
    for m in _WORD.finditer(folded):
        start, end = m.start(), m.end()
        if _overlaps(start, end, covered):
            continue
        comparative = _comparative(folded, m)
        if comparative is None:
            continue
        role, direction = comparative
        edits.append(RelativeEdit(role, None, direction, start, end, _clause(folded, start)))
        covered.append((start, end))
    return edits, mentions


def _verb_edits(folded: str, mentions: list[Mention], covered: list[tuple[int, int]]) -> list[RelativeEdit]:
    """"increase the height", "reduce the wall thickness", "enlarge the hole", "increase the number of
    teeth", "aumente a folga da tampa": the verb's direction applied to what follows it in its clause."""
    found = []
    for m in _WORD.finditer(folded):
        direction = 1 if m.group() in _UP_VERBS else -1 if m.group() in _DOWN_VERBS else 0
        if not direction or _overlaps(m.start(), m.end(), covered):
            continue
        clause_end = (stop.start() if (stop := _CLAUSE_BREAK.search(folded, m.end())) else len(folded))
        if any(m.end() <= mention.start < clause_end for mention in mentions):
            continue  # "increase the height to 15 cm": the number says how much (a mention)
        role, counting, part, end = "", False, False, m.end()
        for w in list(_WORD.finditer(folded, m.end(), clause_end))[:_REACH + 2]:
            word = w.group()
            if word in _COUNTING:
                counting = True
            elif _measure(word):
                role, end = _measure(word), w.end()
                break
            elif (noun := lx.noun_of(word)) is not None:
                part, end = True, w.end()
                if noun == "clearance":
                    role = "clearance"
                    break
            elif word in lx.COMPARATIVES or word in lx.MORE | lx.LESS:
                break  # "increase it, make it taller": the comparative speaks for itself
        if counting:
            role = "count"
        elif not role and part:
            role = "scale"  # "enlarge the hole", "reduce the saucer": the part, all of it
        if role:
            found.append(RelativeEdit(role, None, direction, m.start(), end, _clause(folded, m.start())))
    return found


def _factors(folded: str) -> list[tuple[float, int, int]]:
    found = []
    for pattern, factor in _FACTOR_WORDS:
        for m in re.finditer(rf"\b(?:{pattern})\b", folded):
            found.append((factor, m.start(), m.end()))
    for m in _N_TIMES.finditer(folded):
        if not any(s <= m.start() < e for _, s, e in found):
            found.append((float(m.group(1)), m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def _target_near(folded: str, start: int, end: int) -> tuple[str, int] | None:
    """The dimension a multiplier applies to: the nearest measure/comparative word after it
    ("twice as wide", "half the height"), else before it ("height x2")."""
    after = list(_WORD.finditer(folded, end))[:_REACH]
    for m in after:
        word = m.group()
        if _measure(word) == "size":
            return "scale", m.end()  # "half the size", "o dobro do tamanho": all of it
        if _measure(word):
            return _measure(word), m.end()
        if word in lx.COMPARATIVES:
            return lx.COMPARATIVES[word][0], m.end()
        if word in ("big", "large", "grande", "size", "tamanho"):
            return "scale", m.end()
    before = list(_WORD.finditer(folded[:start]))[-_REACH:]
    for m in reversed(before):
        if _measure(m.group()):
            return _measure(m.group()), end
    return None


def _measure(word: str) -> str:
    """The role a measure word names, plural forms included ("grossas"); "" if none."""
    return lx.MEASURES.get(word) or lx.MEASURES.get(stem(word), "")


def _comparative(folded: str, m: re.Match[str]) -> tuple[str, int] | None:
    word = m.group()
    if word in lx.MORE | lx.LESS | lx.FEWER:
        nxt = _WORD.search(folded, m.end())
        sign = 1 if word in lx.MORE else -1
        noun = lx.noun_of(nxt.group()) if nxt is not None else None
        if nxt is not None and noun and noun.endswith("s") and nxt.group() != noun.removesuffix("s"):
            return "count", sign  # "more sides", "mais lados": a count, though "a 20 mm side" is a size
        if nxt is not None and _measure(nxt.group()) and word not in lx.FEWER:
            return _measure(nxt.group()), sign
        if nxt is not None and nxt.group() in lx.COMPARATIVES and word not in lx.FEWER:
            role, direction = lx.COMPARATIVES[nxt.group()]
            return role, direction * sign
        if noun == "clearance":
            return "clearance", sign  # "more clearance", "menos folga": a fit, not a count
        if nxt is None or re.search(r"\d\s*$", folded[: m.start()]):
            return None  # "2 more hooks" is a counted amount (a mention), not a step
        return "count", sign  # "more ridges", "fewer teeth", "menos dentes"
    if word in lx.COMPARATIVES:
        prev = list(_WORD.finditer(folded[: m.start()]))
        if prev and prev[-1].group() in lx.MORE | lx.LESS:
            return None  # "mais baixo" is read from "mais"
        role, direction = lx.COMPARATIVES[word]
        if role == "scale":  # "make the height bigger" is the height, not the whole model
            role = _measure_before(folded, m.start()) or role
        return role, direction
    return None


def _measure_before(folded: str, at: int) -> str:
    """The measure word a clause names before `at` ("the height", "a altura"), if any."""
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(folded, 0, at)), default=0)
    for w in reversed(list(_WORD.finditer(folded, start, at))[-_REACH:]):
        if _measure(w.group()) and _measure(w.group()) not in ("size", "angle"):
            return _measure(w.group())
    return ""


def _clause(folded: str, at: int) -> tuple[str, ...]:
    """The words of the clause around `at`: "make it taller and add a saucer" keeps the
    saucer out of "taller"."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, at)), default=0)
    stop = _CLAUSE_BREAK.search(folded, at)
    return tuple(_WORD.findall(folded[start: stop.start() if stop else len(folded)]))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)
