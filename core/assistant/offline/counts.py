"""Counts: "6 drainage holes", "20 teeth", "add 5 teeth", "2 more hooks", "4 compartments",
"fewer teeth". A bare number followed by what it counts sets (or changes) an integer parameter;
a total of compartments becomes a grid as square as the count allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.assistant.offline import lexicon as lx
from core.assistant.offline.matcher import concept
from core.assistant.offline.normalise import count_param
from core.assistant.offline.text import words

if TYPE_CHECKING:
    from core.assistant.offline.edits import RelativeEdit
    from core.assistant.offline.features import FeatureHit
    from core.assistant.offline.mentions import Mention
    from core.assistant.offline.resolve import Resolver

QUALITATIVE_STEP = 0.2  # "taller", "more ridges": a fifth more (a count by at least one)


def apply_count(r: Resolver, m: Mention, features: list[FeatureHit]) -> bool:
    """"6 drainage holes", "20 teeth", "8 lados": a bare number followed by what it counts;
    "add 5 teeth", "2 more hooks", "remove 5 teeth" change the count by that many."""
    name = _counted(r, m, features)
    if name is None:
        return False
    sign = _count_sign(r, m, name)
    total = float(r.current[name]) + sign * m.measure.value if sign else m.measure.value
    word = m.after_words[0] if m.after_words else ""
    if name == "dividers" and not sign and lx.noun_of(word) == "compartments":
        total -= 1  # "3 compartments" in a box are 2 dividers
    if name == "columns" and "rows" in r.params and "rows" not in r.out.values and not sign \
            and lx.NOUNS.get(word) != "columns":
        # "4 compartments" is the total: a grid as square as the count allows (6 → 3 × 2)
        rows = max(n for n in range(1, int(total ** 0.5) + 1) if total % n == 0) if total >= 1 else 1
        r.set("rows", rows)
        total = total / rows
    r.set(name, total)
    return True


def _counted(r: Resolver, m: Mention, features: list[FeatureHit]) -> str | None:
    following = set(m.after_words[:3])
    for hit in features:
        param = r.params.get(hit.feature.param)
        if param is not None and param.kind == "int" and following & hit.words:
            return param.name
    for word in m.after_words[:3]:
        noun = lx.NOUNS.get(word)
        for name in (noun, f"{noun}s" if noun else None, word, f"{word}s"):
            if name and name in r.params and r.params[name].kind == "int":
                return name
        counted = r.role_params("count")
        if (noun is not None or concept(word, canonical=False) in r.object_words) and len(counted) == 1:
            return counted[0]
    return None


def _count_sign(r: Resolver, m: Mention, name: str) -> int:
    """+1 for "add 5" / "5 more", -1 for "remove 5" / "5 fewer", 0 for a plain count. "add 6
    drainage holes" to a pot without any is just 6."""
    if r.creating:
        return 0  # "a pot, add 6 drainage holes": 6, not the unseen default plus 6
    before = words(r.text[max(0, m.start - 24):m.start])[-2:]
    after = m.after_words[:1]
    if any(w in lx.COUNT_LESS for w in [*before, *after]):
        return -1
    if any(w in lx.COUNT_MORE for w in after) or (
            any(w in lx.COUNT_ADD for w in before) and float(r.current[name]) > 0):
        return 1
    return 0


def step_count(r: Resolver, edit: RelativeEdit) -> None:
    """"more ridges", "fewer teeth": a fifth more or less (at least one)."""
    counted = r.role_params("count")
    for word in edit.near:
        found = count_param(r.spec, word)  # the count itself, else a count of that thing ("more holes")
        if found is not None:
            counted = [found]
            break
    else:
        if not any(concept(w, canonical=False) in r.object_words for w in edit.near) or len(counted) != 1:
            return
    current = r.value(counted[0])
    r.set(counted[0], current + edit.direction * max(1, round(current * QUALITATIVE_STEP)))
