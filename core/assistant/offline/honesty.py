"""Saying what was not done: features the model does not have, and objects the library cannot make.

Both are found against the template's own vocabulary (its names, feature words, parameter labels) and
the lexicon's generic part and size words, so no sentence has a rule of its own:

- a clause that adds something ("with a magnet", "and a hinge", "com ímã") whose words the template
  does not know names a feature it lacks, as does a hyphenated word before the object's name
  ("self-watering plant pot") or a word right after a Portuguese one ("vaso de planta autoirrigável");
- a request whose object words the best template does not cover ("a hex key holder" is no wall hook), or
  that names it only as part of another object (core.assistant.offline.naming: "a knife block", "a makeup
  brush holder"), names an object the library lacks: the reply offers the closest template instead of a
  wrong one, the one nearest in meaning by a word-embedding model (core.assistant.offline.embedding) among
  those sharing its words, or among all for an English request; by shared words alone when the model is
  unavailable.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from core.assistant.offline import lexicon as lx
from core.assistant.offline.embedding import Embeddings, names
from core.assistant.offline.matcher import STOPWORDS, Matcher, canonical, concept, concepts
from core.assistant.offline.naming import (
    FILLER,
    LEADING,
    NAME_END,
    VERB_NOUNS,
    adjective,
    holds,
    keeps_by_name,
    library_things,
    name_heads,
    name_words,
    parts_of,
    vocabulary_of,
    without_sizes,
)
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import detect_language, fold
from core.assistant.offline.units import is_unit_word
from core.templates.base import TemplateSpec
from core.templates.uses import USES, Uses

_ADDS = re.compile(r"\b(?:with|and|plus|add|com|e|mais|adicione|coloque|acrescente)\b")
# How it is to be fixed in place: "a phone holder that clips onto my car's air vent", "que prende no guidão"
_PLACING = frozenset({"onto", "into", "under", "over", "ao", "nos", "nas", "num", "numa"})
_MOUNTS = re.compile(r"\b(?:that|which|que|to)\s+((?:clips?|attach(?:es)?|mounts?|sticks?|straps?|clamps?|"
                     r"prende|encaixa|gruda|fixa|prender|encaixar|fixar)\b[^,;.!?()]*)")
_CLAUSE_END = re.compile(r"[,;.!?()]|\b(?:and|with|without|for|but|com|sem|para|pra|e|mas|that|que)\b|\d")
_WORD_SPAN = re.compile(r"[\w-]+")
# What a part is for, unless it is the user's own ("drainage holes for my basil" asks for nothing more)
_PURPOSE = re.compile(r"(?:for|para|pra)\b(?!\s+(?:my|our|your|meu|minha|meus|minhas|nosso|nossa)\b)")
_NUMBER = re.compile(r"\s\d")
_REQUEST_QUESTION = re.compile(r"(?:can|could|would|will) you\b|(?:tem como|da pra|consegue|voce (?:pode|consegue))\b")
_DANGLING = frozenset({"de", "do", "da", "dos", "das", "of", "a", "an", "the", "my", "um", "uma", "meu", "minha"})
_DESCRIPTION_END = re.compile(r"[,;.!?(]|\s\d")
# Cosine similarity below which no template is close (bench/RESULTS.md, issue 13). In the closest.yaml set the
# English objects placed by meaning alone that have nothing close score 0.18-0.45 against their nearest template
# ("a toy car" 0.41 by a spool holder, "a skull" 0.45 by a pegboard hook), those with one 0.54+ ("a cord wrap",
# "a soap saver"); at 0.40, set when the set was smaller, the toy car, the rocket and the skull were offered a
# template. Offering an unrelated one reads worse than saying nothing is close and listing what can be made.
NEAR = 0.50


def _unknown(word: str, known: set[str]) -> bool:
    c = concept(word, canonical=False)
    number = words_to_digits(word) != word  # "ten", "zero", "vinte"
    return bool(c) and not number and word not in STOPWORDS and word not in FILLER and c not in known and len(word) > 2


def missing_features(raw: str, spec: TemplateSpec) -> list[str]:
    """Phrases of the request (as the user typed them) that ask for something this template does not have."""
    folded = fold(raw)
    source = raw if len(folded) == len(raw) else folded  # show the user's own spelling where folding kept places
    known = vocabulary_of(spec)
    found: list[str] = []
    for m in _ADDS.finditer(folded):
        end = _CLAUSE_END.search(folded, m.end())
        if end is not None and _PURPOSE.match(folded, end.start()):  # "with a slot for a wireless charger": the
            end = _CLAUSE_END.search(folded, end.end())  # slot is asked for a thing it holds, which may be missing
        stop = end.start() if end is not None else len(folded)
        spans = [s for s in _WORD_SPAN.finditer(folded, m.end(), stop)]
        words_in = [w for s in spans for w in re.findall(r"[a-z]+", s.group())]
        if not any(_unknown(w, known) for w in words_in):
            continue
        if any(concept(w, canonical=False) in known for w in words_in if w not in FILLER and w not in STOPWORDS):
            unknown = [s for s in spans if any(_unknown(w, known) for w in re.findall(r"[a-z]+", s.group()))]
            spans = _run(unknown, spans)
        else:
            spans = [s for s in spans if s.group() not in FILLER and s.group() not in STOPWORDS] or spans
        found.append(source[spans[0].start():spans[-1].end()])
    found += _around_name(folded, source, spec, known)
    own = {c for phrase in (*names(spec), *(c for p in spec.parameters() for c in p.choices))
           for c in concepts(phrase, canonical=False)} | parts_of(spec)
    for m in _MOUNTS.finditer(folded):  # a way of fixing it the template does not have is a missing feature
        said = [w for w in re.findall(r"[a-z]+", m.group(1)) if w not in FILLER | STOPWORDS | _PLACING]
        if said and _unknown(said[0], known) and not any(concept(w, canonical=False) in own for w in said):
            found.append(source[m.start(1):m.end(1)].strip())  # "clips onto my skadis" is how a hook hangs
    return list(dict.fromkeys(p.strip(" -") for p in found if p.strip(" -")))


def _run(unknown: list[re.Match[str]], spans: list[re.Match[str]]) -> list[re.Match[str]]:
    """The unknown words of a clause with whatever lies between them ("slot for a wireless charger" → wireless
    charger; "built-in phone holder")."""
    first, last = spans.index(unknown[0]), spans.index(unknown[-1])
    while last + 1 < len(spans) and spans[last + 1].group() not in FILLER | STOPWORDS:
        last += 1  # the noun the unknown words qualify: "phone holder", "arrow indicator"
    return spans[first:last + 1]


def _around_name(folded: str, source: str, spec: TemplateSpec, known: set[str]) -> list[str]:
    found = []
    for name in sorted({fold(n) for n in (spec.title, *spec.synonyms_en)}, key=len, reverse=True):
        for m in re.finditer(rf"([a-z]+(?:-[a-z]+)+) {re.escape(name)}\b", folded):
            if any(_unknown(w, known) for w in m.group(1).split("-")):
                found.append(source[m.start(1):m.end(1)])
    for name in sorted({fold(n) for n in (spec.title_pt, *spec.synonyms_pt)}, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)} ([a-z]+)", folded):
            if _unknown(m.group(1), known) and m.group(1) not in lx.MEASURES:
                found.append(source[m.start(1):m.end(1)])
    return found


def asks_for_an_object(raw: str) -> bool:
    """"a whistle", "make me a spaceship", "can you make me a stand?", "um funil", "porta-pilhas AA pra gaveta",
    "bookends for my shelf": a request for a thing, led by an article or a request verb (a question only when
    it is such a request) or, as forum titles are written, with neither but in words of a language ("pra",
    "for my"); not a question, nor a string of unknown words ("asdf qwerty")."""
    lead = LEADING.match(raw.strip() + " ")
    if lead is not None and lead.group().strip():
        return "?" not in raw or _REQUEST_QUESTION.match(fold(raw).strip()) is not None
    folded = fold(raw)
    return "?" not in raw and any(w in STOPWORDS for w in re.findall(r"[a-z]+", folded))


def object_phrase(raw: str) -> str:
    """What the request asks for, as typed: "a hex key holder" → "hex key holder", "um funil" → "funil", "a 20 mm
    calibration cube" → "calibration cube", "an adapter from my 35 mm hose..." → "adapter", "arruela de 16 mm" →
    "arruela": where the name ends is where naming.name_words ends it, or at a number."""
    text = without_sizes(LEADING.sub("", raw.strip() + " ").strip())
    ends = [m.start() for m in (NAME_END["pt" if detect_language(raw) == "pt" else "en"].search(text),
                                _NUMBER.search(text)) if m is not None]
    words_in = text[: min(ends, default=len(text))].split()
    while words_in and fold(words_in[-1]) in _DANGLING:  # "arruela de" before its size
        words_in.pop()
    return " ".join(words_in).strip(" .!?-") or raw.strip(" .!?")


def uncovered(raw: str, spec: TemplateSpec) -> list[str]:
    """Words of the requested object that this template's vocabulary does not hold."""
    vocabulary = vocabulary_of(spec)
    said = re.findall(r"[a-z]+", fold(object_phrase(raw)))
    named, _ = name_words(raw)  # with the request verbs that stand as nouns there: "a can opener"
    lang = detect_language(raw)
    head = (named[0] if lang == "pt" else named[-1]) if named else ""
    held = holds(spec) if head and keeps_by_name(spec, head, lang) else frozenset()  # "a toothbrush cup": a cup
    return [w for w in said if (_unknown(w, vocabulary) and canonical(concept(w, canonical=False)) not in held)
            or (w in VERB_NOUNS and w in named and w not in vocabulary)]


def closest(raw: str, specs: Iterable[TemplateSpec], matcher: Matcher) -> TemplateSpec | None:
    """The template nearest to an object the library does not have, or None when nothing is close.

    The templates that share a word with the object — in their names ("holder", "stand", "suporte") or in what
    makers use them for (core.templates.uses: "a broom holder" shares "broom" with the wall hook) — are the
    related ones, scored by how informative the shared words are, and the embedding model says which of them is
    nearest in meaning ("a toothbrush holder" is a pen cup's kin, not a bit holder's). With no shared word, an
    English request is placed by meaning alone, and nothing is close below NEAR ("a whistle"). A Portuguese one
    then falls back to the descriptions' words: the model's vectors are English-trained and score unrelated
    Portuguese phrases 0.4-0.8 (bench/RESULTS.md). Without the model (not installed), the shared words decide."""
    specs = list(specs)
    related = _related(raw, specs)
    english = detect_language(raw) != "pt"
    embeddings = Embeddings.load() if related or english else None
    if related:
        by_id = {spec.id: spec for spec in specs}
        meaning: dict[str, float] = {}
        if embeddings is not None:
            ranked = embeddings.ranking(described_object(raw), [by_id[i] for i in related])
            meaning = {spec.id: score for score, spec in ranked}
        return by_id[max(related, key=lambda i: (related[i] + meaning.get(i, 0.0), i))]
    if embeddings is not None and english:
        score, spec = embeddings.ranking(described_object(raw), specs)[0]
        return spec if score >= NEAR else None
    best: tuple[float, str, TemplateSpec] | None = None
    for spec in specs:
        about = set(concepts(f"{spec.description} {spec.description_pt} {' '.join(spec.tags)}"))
        score = sum(matcher.weight(c) or 1.0 for c in set(concepts(raw)) & about)
        if score > 0 and (best is None or (score, spec.id) > best[:2]):
            best = (score, spec.id, spec)
    return best[2] if best is not None else None


@dataclass(frozen=True)
class _Vocabulary:
    """A template's concepts as the closest-template choice reads them."""

    named_en: frozenset[str]  # its names' head nouns, and the one-word objects it can stand in for ("doorstop")
    named_pt: frozenset[str]  # the same in Portuguese ("organizer" heads no English name of the box, "organizador"
    # its Portuguese one)
    compounds: tuple[frozenset[str], ...]  # the objects of several words it can stand in for ("soap dispenser")
    related: frozenset[str]  # all of those words, and what it holds
    shares: frozenset[str]  # the words an object shares with it word by word: its names', what it holds and the
    # one-word objects it stands in for; an object of several words relates it only whole ("a knife block" is no
    # "knife handle")
    held: frozenset[str]  # what it holds ("knives" as "knife" too: the crude stem keeps English -ves plurals apart)
    where: frozenset[str]  # where it is used ("workbench"): a place says less of what an object is than a thing

    @classmethod
    def of(cls, spec: TemplateSpec) -> _Vocabulary:
        """Made once per template: the library does not change while the app runs."""
        if spec.id not in _VOCABULARIES:
            _VOCABULARIES[spec.id] = cls._make(spec)
        return _VOCABULARIES[spec.id]

    @classmethod
    def _make(cls, spec: TemplateSpec) -> _Vocabulary:
        uses = USES.get(spec.id, Uses((), ()))
        stands_in = [frozenset(canonical(c) for c in concepts(phrase, canonical=False))
                     for phrase in (*uses.serves_as, *uses.serves_as_pt)]
        named = {canonical(c) for phrase in names(spec) for c in concepts(phrase, canonical=False)}
        alone = frozenset().union(*(s for s in stands_in if len(s) == 1))
        heads_en = {canonical(c) for c in name_heads(spec, "en")} | alone
        heads_pt = {canonical(c) for c in name_heads(spec, "pt")} | alone
        held = {canonical(c) for phrase in (*uses.holds, *uses.holds_pt) for w in fold(phrase).split()
                for c in concepts(" ".join((w, w[:-3] + "fe", w[:-3] + "f") if w.endswith("ves") else (w,)),
                                  canonical=False)}
        where = {canonical(c) for phrase in (*uses.places, *uses.places_pt) for c in concepts(phrase, canonical=False)}
        shares = frozenset(named | held | alone)
        related = shares.union(*stands_in)
        return cls(frozenset(heads_en), frozenset(heads_pt), tuple(s for s in stands_in if len(s) > 1), related,
                   shares, frozenset(held), frozenset(where - related))

    def named(self, lang: str | None) -> frozenset[str]:
        """The heads of its names in the request's language, or in either when the request does not say which."""
        return self.named_en if lang == "en" else self.named_pt if lang == "pt" else self.named_en | self.named_pt


_VOCABULARIES: dict[str, _Vocabulary] = {}
# How much a place where a template is used counts towards relating it, against a thing it is or holds: "a tool
# rack for my workbench" is a rack for tools (a bit holder's, a pegboard hook's) before it is a workbench's
_PLACE = 0.5


def _related(raw: str, specs: list[TemplateSpec]) -> dict[str, float]:
    """Templates related to the object, each scored by the rarity over the library of what they share with it
    (a word only one template knows, "broom", says more than "holder", which many do): its head noun among the
    template's names or the objects it stands in for ("a doorstop": a block; a "tape dispenser" is no "soap
    dispenser"), its other words and what it is for among everything the template is known by or holds ("a
    broom holder", "um suporte para bicicleta": a wall hook). What a template holds never relates it to an
    object named by that thing alone ("a wrench" is no wrench holder), nor does anything when the object's head
    is a word no template knows ("a robot arm" is no gear). When a noun qualifying the head is a thing some
    template holds, a template that shares the head alone is only its homonym ("a knife block" is a bit holder's
    kin, not a block's; "a wooden block", whose qualifier nothing holds, is still a block's), and a template
    named by the qualifier but sharing neither the head nor what it holds is no kin ("a ring holder" is a box's
    or a tray's, not a tube's)."""
    things = library_things(specs)
    words, qualifies = name_words(raw, things)
    found = [(w, q) for w, q in zip(words, qualifies, strict=True) if concept(w)]  # the vocabularies drop "can"
    if not found:  # as the matcher does
        return {}
    lang = detect_language(raw)
    head = canonical(concept(found[0][0] if lang == "pt" else found[-1][0], canonical=False))
    nouns = {canonical(concept(w, canonical=False)) for w, q in found
             if q and not (lang != "pt" and adjective(w, things))} - {head}
    said = {canonical(concept(w, canonical=False)) for w in re.findall(r"[a-z]+", fold(described_object(raw)))
            if w not in FILLER and not is_unit_word(w)} - {""}
    vocabularies = {spec.id: _Vocabulary.of(spec) for spec in specs}
    if not any(head in v.related for v in vocabularies.values()):
        return {}
    spread = Counter(c for v in vocabularies.values() for c in v.related | v.where)
    weight = {c: math.log(1 + len(specs) / spread[c]) for c in said | {head} if spread[c]}
    held = any(nouns & v.held for v in vocabularies.values())
    scored = {}
    for spec_id, v in vocabularies.items():
        whole = {c for compound in v.compounds if head in compound and compound <= said for c in compound}
        homonym = held and not nouns & (v.shares | v.where | whole)  # "a knife block": knives are a bit holder's
        score = weight[head] if (head in v.named(lang) or whole) and not homonym else 0.0
        # a qualifier it is named by but does not hold relates it only with the head: "a ring holder" is no ring
        sharing = v.shares | whole if score else v.held | whole | (v.shares - nouns)
        score += sum(weight.get(c, 0.0) for c in (said - {head}) & sharing)
        scored[spec_id] = score + _PLACE * sum(weight.get(c, 0.0) for c in (said - {head}) & v.where) if score else 0.0
    return {spec_id: score for spec_id, score in scored.items() if score > 0}


def named_object(raw: str) -> str:
    """The object as a reply names it: its name, with what it is for when the name alone is one generic word
    ("um suporte para furadeira", "a holder for my drill"; "Ainda não sei fazer suporte" said nothing)."""
    name = object_phrase(raw)
    if len(name.split()) > 1:
        return name
    described = described_object(raw).split()
    while len(described) > 1 and fold(described[-1]) in STOPWORDS:  # "capa para celular de 6 polegadas"
        described.pop()
    return " ".join(described)


def described_object(raw: str) -> str:
    """The object with what it is for, as typed: "a cup holder for my car, 8 cm" → "cup holder for my car"
    (the purpose tells a car's cup holder from a coaster; the sizes say nothing about what it is)."""
    text = without_sizes(LEADING.sub("", raw.strip() + " ").strip())
    end = _DESCRIPTION_END.search(text)
    return (text[: end.start()] if end is not None else text).strip() or raw.strip()
