"""The grammar that attaches each quantity to the slot it measures, from the template's own words.

A slot is named by the template itself (each parameter's label in English and Portuguese, and its
name: "inner diameter", "diâmetro interno", "hook depth") or by the generic size words of the
lexicon ("wide", "altura", "across", "hole", "shaft"), optionally qualified by a part noun next to it
("top dia", "diâmetro na boca"). A quantity takes the slot phrase it touches, with only filler words
between them, in either order:

    QUANTITY [de|of|in] SLOT      "8.4 mm inner diameter", "6 mm de altura", "30 mm in diameter"
    SLOT [of|de|is|=|:|to] QUANTITY   "inner diameter of 8.4 mm", "ID 8.4", "altura de 6 mm"

Where a number touches slots on both sides ("OD 12 ID 5.2", "12 OD 8.4 ID"), the clause's first
element decides the order, the way a person writes a list: a clause that opens with a slot pairs
slot → number throughout. A quantity the grammar cannot attach keeps the neighbourhood reading of
mentions.py. So a new template is understood from its parameter labels, with no rule of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from core.assistant.offline import lexicon as lx
from core.assistant.offline.mentions import Mention
from core.assistant.offline.text import fold
from core.templates.base import TemplateSpec

# Maker abbreviations, spelled out before the grammar reads the sentence. Uppercase "DE"/"DI" are the
# Portuguese diâmetro externo/interno (lowercase "de" is "of"), so they are read before folding.
# "é" is the verb "is" ("o diâmetro é 18 mm"), which folding would make the conjunction "e" ("and").
_RAW_ABBREVIATIONS = ((re.compile(r"\bDE\b"), "diâmetro externo"), (re.compile(r"\bDI\b"), "diâmetro interno"),
                      (re.compile(r"(?<!\w)[éÉ](?!\w)"), "is"))
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w.])o\.?d\.?(?![\w])"), "outer diameter"),
    (re.compile(r"(?<![\w.])i\.?d\.?(?![\w])"), "inner diameter"),
)
# Phrases every template understands, beyond its own labels, with the role they measure.
GENERIC: dict[str, str] = {
    "outer diameter": "diameter", "outside diameter": "diameter", "external diameter": "diameter",
    "diametro externo": "diameter", "diametro de fora": "diameter",
    "inner diameter": "hole_diameter", "inside diameter": "hole_diameter", "internal diameter": "hole_diameter",
    "diametro interno": "hole_diameter", "diametro de dentro": "hole_diameter",
    "sticks out": "depth", "reaches out": "depth", "projects": "depth", "face width": "thickness",
}
# Where a round part with a hole is measured, on templates that have both: its outside is its diameter
_SIDES = {"por fora": "diameter", "por dentro": "hole_diameter", "outside": "diameter", "inside": "hole_diameter"}
_ORDERS = ("qs", "sq")
_FILL_AFTER = frozenset({"de", "of", "in", "em", "do", "da"})  # QUANTITY _ SLOT
_FILL_BEFORE = frozenset({  # SLOT _ QUANTITY
    "of", "de", "do", "da", "is", "at", "about", "around", "roughly", "approximately", "approx", "uns", "umas",
    "cerca", "to", "para", "pra", "a", "an", "um", "uma", "=", ":", "be", "should", "must", "set", "with", "com",
    "only", "just", "tem", "ter", "seja", "fica", "fique",
})
_CLAUSE_END = re.compile(r"[,;.!?()]|\b(?:and|e|with|com|but|mas|plus|then|depois)\b")
_QUALIFIER_GAP = frozenset({"na", "no", "at", "the", "em", "on"})


@dataclass(frozen=True)
class Slot:
    """Where a quantity goes: a parameter of this template, or a part noun and/or a measured role
    resolved by the Resolver (so role stand-ins and shape switches keep working)."""

    param: str | None = None
    noun: str | None = None
    measured: str | None = None


@dataclass(frozen=True)
class _Phrase:
    slot: Slot
    start: int
    end: int


def expand_abbreviations(raw: str) -> str:
    """"DE 14 DI 8,4" → the Portuguese words, before the text is folded and lowercased."""
    for pattern, words in _RAW_ABBREVIATIONS:
        raw = pattern.sub(words, raw)
    return raw


def spell_out(folded: str) -> str:
    """"OD 12", "8.4 i.d." → "outer diameter 12", "8.4 inner diameter"."""
    for pattern, words in _ABBREVIATIONS:
        folded = pattern.sub(words, folded)
    return folded


_VOCABULARIES: dict[str, tuple[tuple[re.Pattern[str], Slot], ...]] = {}


def _vocabulary(spec: TemplateSpec) -> tuple[tuple[re.Pattern[str], Slot], ...]:
    """Every phrase naming a slot of this template, longest first (built once per template)."""
    if spec.id not in _VOCABULARIES:
        _VOCABULARIES[spec.id] = _phrases_of(spec)
    return _VOCABULARIES[spec.id]


def _names(spec: TemplateSpec) -> list[re.Pattern[str]]:
    names = {fold(n).strip() for n in (spec.title, spec.title_pt, *spec.synonyms_en, *spec.synonyms_pt)}
    return [re.compile(rf"\b{re.escape(n)}(?:e?s)?\b") for n in sorted(names, key=len, reverse=True) if " " in n]


def _phrases_of(spec: TemplateSpec) -> tuple[tuple[re.Pattern[str], Slot], ...]:
    phrases: dict[str, Slot] = {}
    for word, role in lx.MEASURES.items():
        phrases[word] = Slot(measured=role)
    for word, noun in lx.NOUNS.items():
        if any(n == noun for n, _ in lx.NOUN_ROLES) or any(p.name.startswith(f"{noun}_") or p.name == noun
                                                           for p in spec.parameters()):
            phrases[word] = Slot(noun=noun)
    for phrase, role in GENERIC.items():
        phrases[phrase] = Slot(measured=role)
    if {"diameter", "hole_diameter"} <= set(spec.roles):  # a ring's "20 mm por fora e 16 por dentro"
        for phrase, role in _SIDES.items():
            phrases[phrase] = Slot(measured=role)
    for p in spec.parameters():
        if p.expr is not None or p.kind != "float":
            continue
        for name in (p.label, p.label_pt, p.name.replace("_", " ")):
            folded = fold(name).strip()
            # a label that is a plain size word ("Width", "Altura", "Wall") stays a role, so the
            # template's role switches and stand-ins decide ("largura" of a cylinder is its diameter)
            if folded and folded not in lx.MEASURES and folded not in lx.NOUNS and (
                    folded not in phrases or phrases[folded].param is None):
                phrases[folded] = Slot(param=p.name)
    # "numa mesa de 30 mm", "a 30 mm desk": the thing a two-word label measures, when it is neither the object
    # itself nor something it counts ("5 hooks" are no hook depth)
    own = {fold(n).split()[-1] for n in (spec.title, *spec.synonyms_en) if n.strip()}  # the names' heads
    own |= {fold(n).split()[0] for n in (spec.title_pt, *spec.synonyms_pt) if n.strip()}
    own |= {w for p in spec.parameters() if p.kind == "int" for n in (p.name, p.label, p.label_pt)
            for w in fold(n or "").replace("_", " ").split()}
    measured: dict[str, set[str]] = {}  # a part with one measure only: "bico" has a diameter and a length
    for p in spec.parameters():
        for label in (p.label, p.label_pt) if p.expr is None and p.kind == "float" else ():
            said = [w for w in fold(label or "").split() if w not in _FILL_AFTER]
            things = [w for w in said if w not in lx.MEASURES]
            if len(said) == 2 and len(things) == 1:
                measured.setdefault(things[0], set()).add(p.name)
    for part, params in measured.items():
        if len(params) == 1 and part.rstrip("s") not in {w.rstrip("s") for w in own} \
                and part not in phrases and part not in lx.NOUNS:
            phrases[part] = Slot(param=params.pop())
    labels = {fold(p.label).strip(): p.name for p in spec.parameters() if p.expr is None and p.kind == "float"}
    for alias, label in lx.LABEL_ALIASES.items():
        if label in labels and alias not in phrases:
            phrases[alias] = Slot(param=labels[label])
    ordered = sorted(phrases.items(), key=lambda kv: -len(kv[0]))
    return tuple((re.compile(rf"\b{re.escape(text)}(?:e?s)?\b"), slot) for text, slot in ordered)


def _find_phrases(text: str, spec: TemplateSpec) -> list[_Phrase]:
    taken = [False] * len(text)
    for name in _names(spec):  # "gancho de parede de 3 cm": the object's own name holds no slot ("parede")
        for m in name.finditer(text):
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    found: list[_Phrase] = []
    for pattern, slot in _vocabulary(spec):
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            found.append(_Phrase(slot, m.start(), m.end()))
    found += _elided(text, spec, found, taken)
    found.sort(key=lambda p: p.start)
    out: list[_Phrase] = []
    used: set[int] = set()
    for phrase in found:
        qualified, noun = _qualified(phrase, text, found)
        if noun is not None:
            used.add(id(noun))
        out.append(_labelled(qualified, text, spec))
    return [p for p in out if id(p) not in used]


def _elided(text: str, spec: TemplateSpec, found: list[_Phrase], taken: list[bool]) -> list[_Phrase]:
    """"20 mm de diâmetro externo e 16 mm interno", "20 mm outer diameter and 16 mm inner": a lone qualifier
    after a slot phrase whose measure word it shares names the slot that measure word and it make together
    ("diâmetro interno"), the way a person leaves out the noun already said."""
    vocabulary = _vocabulary(spec)
    extra: list[_Phrase] = []
    for phrase in sorted(found, key=lambda p: p.start):
        said = text[phrase.start:phrase.end].split()
        if len(said) < 2:
            continue
        for word in re.finditer(r"[a-z]+", text[phrase.end:]):
            start, end = phrase.end + word.start(), phrase.end + word.end()
            if any(taken[start:end]):
                continue
            for head, candidate in ((said[0], f"{said[0]} {word.group()}"), (said[-1], f"{word.group()} {said[-1]}")):
                slot = next((slot for pattern, slot in vocabulary if pattern.fullmatch(candidate)), None)
                if head in lx.MEASURES and slot is not None and slot != phrase.slot:
                    taken[start:end] = [True] * (end - start)
                    extra.append(_Phrase(slot, start, end))
                    break
    return extra


def _qualified(phrase: _Phrase, text: str, found: list[_Phrase]) -> tuple[_Phrase, _Phrase | None]:
    """"top dia", "diâmetro na boca", "diameter at the bottom": a part noun right next to a measure word
    makes it that part's measure; the noun's own phrase is used up (returned second)."""
    slot = phrase.slot
    if slot.param is not None or slot.measured is None:
        return phrase, None
    for p in found:
        if p.slot.noun is None or p.slot.measured is not None:
            continue
        before = _gap(text, p.end, phrase.start)
        after = _gap(text, phrase.end, p.start)
        if before == [] or (after is not None and len(after) <= 2 and set(after) <= _QUALIFIER_GAP):
            role = lx.NOUN_ROLES.get((p.slot.noun or "", slot.measured))
            if role is not None:
                start, end = min(p.start, phrase.start), max(p.end, phrase.end)
                return _Phrase(replace(slot, noun=p.slot.noun), start, end), p
    return phrase, None


def _labelled(phrase: _Phrase, text: str, spec: TemplateSpec) -> _Phrase:
    """"desk is 30 mm thick", "mesa de 30 mm de espessura": a bare measure word said a few words after the
    other word of one parameter's two-word label ("Desk thickness", "Espessura da mesa"), in the same clause,
    is that parameter.
    Words said within the object's own name ("a wall hook 4 mm thick") qualify nothing."""
    slot = phrase.slot
    if slot.param is not None or slot.noun is not None or slot.measured is None:
        return phrase
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, phrase.start)]
    named = [m.span() for name in _names(spec) for m in name.finditer(text)]
    before = [w for w in re.finditer(r"[a-z]+", text[:phrase.start]) if w.start() >= (starts[-1] if starts else 0)]
    clause = {w.group() for w in before[-4:] if not any(a <= w.start() < b for a, b in named)}
    found = []
    for p in spec.parameters():
        for label in (p.label, p.label_pt) if p.expr is None and p.kind == "float" else ():
            said = fold(label or "").split()
            other = (said[0] if len(said) == 2 and lx.MEASURES.get(said[1]) == slot.measured else
                     said[2] if len(said) == 3 and said[1] in _FILL_AFTER and lx.MEASURES.get(said[0]) == slot.measured
                     else None)
            if other is not None and other in clause and p.name not in found:
                found.append(p.name)
    return replace(phrase, slot=Slot(param=found[0])) if len(found) == 1 else phrase


def _gap(text: str, start: int, end: int) -> list[str] | None:
    """The words between two positions, or None when they are not in order or a clause ends between."""
    if end < start:
        return None
    between = text[start:end]
    if _CLAUSE_END.search(between):
        return None
    return between.split()


def attach(text: str, spec: TemplateSpec, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions with the slot the grammar gives each one (param, or noun + measured), read again;
    mentions it cannot attach, groups ("10 x 7 x 4 cm") and percentages are returned as they were."""
    mentions = list(mentions)
    phrases = [p for p in _find_phrases(text, spec) if not _inside_mention(p, mentions)]
    singles = [m for m in mentions if not m.percent and len(m.measure.values) == 1 and not m.direction]
    items: list[Mention | _Phrase] = sorted([*singles, *phrases], key=lambda i: i.start)
    pairs: dict[int, _Phrase] = {}
    used: set[int] = set()
    order: str | None = None
    for i, item in enumerate(items):
        if i and _gap(text, items[i - 1].end, item.start) is None:
            order = None  # a new clause: its own first element sets the order
        if order is None:
            order = "qs" if isinstance(item, Mention) else "sq"
        if not isinstance(item, Mention) or id(item) in pairs:
            continue
        for direction in (order, *(d for d in _ORDERS if d != order)):
            j = i + 1 if direction == "qs" else i - 1
            other = items[j] if 0 <= j < len(items) else None
            if isinstance(other, _Phrase) and j not in used and _touches(text, item, other, direction):
                pairs[id(item)] = other
                used.add(j)
                break
    return [_bound(m, pairs[id(m)].slot) if id(m) in pairs else m for m in mentions]


def _inside_mention(phrase: _Phrase, mentions: list[Mention]) -> bool:
    return any(m.start <= phrase.start < m.end for m in mentions)  # "3 in": the unit, not the word "in"


def _touches(text: str, quantity: Mention, phrase: _Phrase, direction: str) -> bool:
    if direction == "qs":
        gap = _gap(text, quantity.end, phrase.start)
        return gap is not None and len(gap) <= 1 and set(gap) <= _FILL_AFTER
    gap = _gap(text, phrase.end, quantity.start)
    return gap is not None and len(gap) <= 3 and set(gap) <= _FILL_BEFORE


def _bound(m: Mention, slot: Slot) -> Mention:
    return replace(m, param=slot.param, noun=slot.noun, measured=slot.measured)
