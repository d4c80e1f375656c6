"""What each number in a sentence is about: "12 cm wide" measures width, "a 10 mm hole" belongs to
the hole, "20% taller" grows the height, "aumente a altura para 15 cm" sets it, "6 drainage holes"
counts holes.

A number looks for words in its neighbourhood: a few tokens after it ("12 cm *wide*", "15 cm *de
altura*") and before it ("*diameter of* 8 cm", "*raio de* 3 cm"), never past a boundary word
("and", "with", "com", a comma) or another number, so "12 cm wide and 10 cm tall" binds each
number to its own word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.assistant.offline import lexicon as lx
from core.assistant.offline.text import stem
from core.assistant.offline.units import Measure, find_measures, find_percents

_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*|[a-z]+|[^\sa-z\d]")
_STOP_PUNCT = frozenset(",;.!?()")
AFTER = 4
BEFORE = 5


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text.isalpha()


@dataclass
class Mention:
    """A number and what surrounds it. `direction` is 0 for "set to", ±1 for "more/less by"."""

    measure: Measure
    percent: bool = False
    measured: str | None = None
    noun: str | None = None
    direction: int = 0
    after_words: list[str] = field(default_factory=list)
    reach: tuple[int, int] = (0, 0)  # characters of the neighbourhood the mention read its words from
    param: str | None = None  # the template parameter the slot grammar (slots.py) attached it to

    @property
    def start(self) -> int:
        return self.measure.start

    @property
    def end(self) -> int:
        return self.measure.end


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def find_mentions(text: str) -> list[Mention]:
    tokens = tokenize(text)
    mentions = [Mention(m) for m in find_measures(text)]
    mentions += [
        Mention(Measure((value,), None, start, end), percent=True) for value, start, end in find_percents(text)
    ]
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _describe(mention, tokens)
    return mentions


def _window(tokens: list[Token], start: int, end: int) -> tuple[list[Token], list[Token]]:
    after: list[Token] = []
    for tok in (t for t in tokens if t.start >= end):
        if _is_boundary(tok) or tok.text in lx.AFTER_BOUNDARIES or len(after) >= AFTER:
            break
        after.append(tok)
    before: list[Token] = []
    for tok in reversed([t for t in tokens if t.end <= start]):
        if tok.text in lx.NEGATIONS:
            return after, []  # "without holes 8 cm wide": a part that is not there measures nothing
        if _is_boundary(tok) or len(before) >= BEFORE:
            break
        before.append(tok)
    return after, before


def _is_boundary(tok: Token) -> bool:
    negation = tok.text in lx.NEGATIONS and tok.text != "no"  # Portuguese "no" is "in the"
    return tok.text in lx.BOUNDARIES or negation or tok.text in _STOP_PUNCT or tok.text[0].isdigit()


def _describe(mention: Mention, tokens: list[Token]) -> None:
    after, before = _window(tokens, mention.start, mention.end)
    mention.reach = (before[-1].start if before else mention.start, after[-1].end if after else mention.end)
    words_after = [t.text for t in after if t.is_word]
    mention.after_words = [stem(w) for w in words_after]
    _scan(mention, words_after)
    words_before = [t.text for t in before if t.is_word]
    _scan(mention, words_before, before=True)


def _scan(mention: Mention, words: list[str], before: bool = False) -> None:
    """Fill measured/noun/direction from words ordered by distance from the number."""
    for i, word in enumerate(words):
        neighbour = words[i - 1] if before and i > 0 else (words[i + 1] if not before and i + 1 < len(words) else "")
        if word in lx.MORE | lx.LESS and not before and neighbour in lx.MEASURES:
            mention.measured = mention.measured or lx.MEASURES[neighbour]
            mention.direction = mention.direction or (1 if word in lx.MORE else -1)
        elif word in lx.COMPARATIVES:
            role, sign = lx.COMPARATIVES[word]
            mention.measured = mention.measured or role
            mention.direction = mention.direction or sign
        elif word in lx.MEASURES and not (before and word in ("side", "lado")):
            mention.measured = mention.measured or lx.MEASURES[word]
        elif (noun := lx.noun_of(word)) is not None and mention.noun is None:
            mention.noun = noun
        elif i == 0 and word in lx.MORE_BY:  # "aumenta mais 3 cm", "another 5 mm", "2 cm more"
            mention.direction = mention.direction or 1
        elif before and (word in lx.INCREASE_VERBS or word in lx.DECREASE_VERBS):
            by_delta = any(w in lx.DELTA_PREPS for w in words[:i]) or mention.percent
            to_absolute = any(w in lx.ABSOLUTE_PREPS for w in words[:i])
            right_after_verb = i == 0  # "aumente 1 cm na altura", "diminua 5 mm"
            if (by_delta or right_after_verb) and not to_absolute and not mention.direction:
                mention.direction = 1 if word in lx.INCREASE_VERBS else -1
