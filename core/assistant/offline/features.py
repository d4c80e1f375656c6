"""Features switched on or off in words ("with drainage holes", "without saucer", "sem tampa",
"remove the lid"), read from each template's `features` vocabulary.

A feature phrase counts when all its content words appear close together in the sentence; a
negation word just before it ("no", "without", "sem", "remove the") switches it off.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.assistant.offline import lexicon as lx
from core.assistant.offline.matcher import concepts
from core.assistant.offline.text import fold, numbered, numbered_pattern, stem, words
from core.templates.base import Feature, TemplateSpec

_NEGATION_REACH = 3
_SPREAD = 2  # extra words allowed between a phrase's words ("drainage holes" in "drainage and vent holes")


@dataclass(frozen=True)
class FeatureHit:
    key: str
    feature: Feature
    on: bool
    words: frozenset[str]  # stems of the phrase, so a count ("6 drainage holes") can find its feature
    start: int  # word index in the sentence


def feature_phrases(key: str, feature: Feature) -> list[str]:
    return [*feature.words_en, *feature.words_pt, key.replace("_", " ")]


def find_features(text: str, spec: TemplateSpec) -> list[FeatureHit]:
    tokens = words(fold(text))
    canon = [(concepts(w, canonical=False) or [""])[0] for w in tokens]
    hits: list[FeatureHit] = []
    nouns = _part_nouns(spec)
    for key, feature in spec.features.items():
        best: tuple[int, int, list[str]] | None = None
        for phrase in feature_phrases(key, feature):
            if numbered(phrase):
                continue  # read as written by numbered_features: its words alone name every model
            wanted = concepts(phrase, canonical=False)
            found = _locate(wanted, canon)
            if found is not None and (best is None or len(wanted) > len(best[2])):
                best = (found[0], found[1], wanted)
        if best is None:
            best = _noun_only(key, nouns, canon)
        if best is None:
            continue
        start, _, wanted = best
        negated = _negated(tokens, start)
        hits.append(FeatureHit(key, feature, not negated, frozenset(wanted) | {stem(t) for t in wanted}, start))
    return hits


def numbered_features(text: str, spec: TemplateSpec) -> tuple[list[FeatureHit], str]:
    """Feature phrases holding a model number ("raspberry pi 5", "pi5", "63-400"), matched as written
    before any number is read, and the text with them blanked: the 5 of "pi 5" picks the board instead of
    being dropped with the board's name or read as a 5 mm size. Without its number "raspberry pi 4"
    would match a "raspberry pi 5" too, so such phrases match only here."""
    hits: list[FeatureHit] = []
    for key, feature in spec.features.items():
        found = [m for phrase in feature_phrases(key, feature) if numbered(phrase)
                 if (m := numbered_pattern(phrase).search(text)) is not None]
        if not found:
            continue
        m = max(found, key=lambda f: f.end() - f.start())
        start = len(words(text[:m.start()]))
        wanted = concepts(m.group(), canonical=False)
        hits.append(FeatureHit(key, feature, not _negated(words(text), start),
                               frozenset(wanted) | {stem(t) for t in wanted}, start))
        text = f"{text[:m.start()]}{' ' * (m.end() - m.start())}{text[m.end():]}"
    return hits, text


def find_choices(text: str, spec: TemplateSpec, hits: list[FeatureHit]) -> list[FeatureHit]:
    """Choice values named in plain words the template's features do not list: "a cylinder profile"
    (straight), "make it round", "a planter box" (square), "make it a hexagon"."""
    tokens = words(fold(text))
    chosen = {hit.feature.param for hit in hits}
    found: list[FeatureHit] = []
    for param in spec.parameters():
        if param.kind != "choice" or param.name in chosen:
            continue
        for i, token in enumerate(tokens):
            choice = next((c for c in param.choices if token in lx.CHOICE_WORDS.get(c, ())), None)
            if choice is not None and not _negated(tokens, i):
                found.append(FeatureHit(choice, Feature(param.name, on=choice), True, frozenset({token}), i))
                break
    return found


def _part_nouns(spec: TemplateSpec) -> dict[str, list[str]]:
    """Part nouns ("hole", "furo", "lid") → the features whose phrases they head."""
    owners: dict[str, list[str]] = {}
    for key, feature in spec.features.items():
        # the head of an English compound ("drainage holes"); "hang on the wall" is a phrase, not a noun
        heads = [w[-1] for p in (*feature.words_en, key.replace("_", " ")) if 0 < len(w := words(fold(p))) <= 2]
        heads += [w[0] for p in feature.words_pt if (w := words(fold(p)))]
        for word in heads:  # "wall" in "wall mount" is a modifier: "make the walls 3 mm" is no wall mount
            if lx.noun_of(word) is not None and key not in owners.setdefault(stem(word), []):
                owners[stem(word)].append(key)
    return owners


def _noun_only(key: str, owners: dict[str, list[str]], canon: list[str]) -> tuple[int, int, list[str]] | None:
    """"sem furos" names the drainage feature by its part noun alone, when no other feature of the
    template has that noun."""
    for i, token in enumerate(canon):
        if owners.get(token) == [key]:
            return i, i + 1, [token]
    return None


def _locate(wanted: list[str], canon: list[str]) -> tuple[int, int] | None:
    """First window of the sentence holding every wanted concept, in any order."""
    if not wanted:
        return None
    span = len(wanted) + _SPREAD
    content = [i for i, token in enumerate(canon) if token]  # "hang it on the wall": little words do not count
    for k, i in enumerate(content):
        if canon[i] not in wanted:
            continue
        window = [canon[j] for j in content[k : k + span]]
        if all(w in window for w in wanted):
            return i, content[min(k + span, len(content)) - 1] + 1
    return None


def _negated(tokens: list[str], start: int) -> bool:
    for distance, word in enumerate(reversed(tokens[max(0, start - _NEGATION_REACH) : start]), 1):
        if word in lx.NEGATIONS and (word != "no" or distance == 1):  # PT "no formato" is not a negation
            return True
        if word in lx.BOUNDARIES and word not in ("e", "and"):
            return False
    return False
