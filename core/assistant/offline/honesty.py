"""Saying what was not done: features the model does not have, and objects the library cannot make.

Both are found against the template's own vocabulary (its names, feature words, parameter labels) and
the lexicon's generic part and size words, so no sentence has a rule of its own:

- a clause that adds something ("with a magnet", "and a hinge", "com ímã") whose words the template
  does not know names a feature it lacks, as does a hyphenated word before the object's name
  ("self-watering plant pot") or a word right after a Portuguese one ("vaso de planta autoirrigável");
- a request whose object words the best template does not cover ("a hex key holder" is no wall hook)
  names an object the library lacks: the reply offers the closest template instead of a wrong one, the one
  nearest in meaning by a word-embedding model (core.assistant.offline.embedding) among those sharing its
  words, or among all for an English request; by shared words alone when the model is unavailable.
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
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import detect_language, fold, stem
from core.assistant.offline.units import is_unit_word
from core.templates.base import TemplateSpec
from core.templates.uses import USES, Uses

_ADDS = re.compile(r"\b(?:with|and|plus|add|com|e|mais|adicione|coloque|acrescente)\b")
_CLAUSE_END = re.compile(r"[,;.!?()]|\b(?:and|with|without|for|but|com|sem|para|pra|e|mas|that|que)\b|\d")
_FILLER = frozenset({
    "it", "them", "on", "in", "at", "through", "inside", "outside", "each", "all", "built", "some", "nice", "little",
    "small", "big", "good", "simple", "one", "ones", "side", "sides", "edge", "edges", "please", "also", "too",
    "mm", "cm", "inch", "inches", "polegada", "polegadas", "milimetros", "centimetros", "isso", "dela", "dele",
    "nele", "nela", "bem", "pequeno", "pequena", "grande", "bonito", "bonita", "simples", "x", "by", "por",
    "cada", "todo", "toda", "todos", "as", "os", "um", "uma", "of", "de", "do", "da", "to", "a", "an", "the",
    "minus", "negative", "menos", "negativo", "negativa", "about", "around", "roughly", "approximately", "approx",
    "uns", "umas", "cerca", "like", "just", "very", "really", "my", "our", "your", "new", "tiny", "huge", "cool",
    "basic", "quick", "meu", "minha", "novo", "nova", "sized", "shaped", "style", "type", "kind",
    "add", "put", "include", "adicione", "coloque", "acrescente", "mais", "tambem", "more",
    "millimeter", "millimeters", "millimetre", "millimetres", "centimeter", "centimeters", "centimetre",
    "centimetres", "meter", "meters", "metre", "metres", "foot", "feet", "milimetro", "centimetro", "metro", "metros",
    "half", "third", "quarter", "quarters", "eighth", "eighths", "sixteenth", "meio", "meia", "quarto", "quartos",
    "oitavo", "oitavos", "terco", "says", "saying", "say", "written", "named", "called", "escrito", "escrita", "nome",
    "texto", "diz", "now", "then", "instead", "actually", "okay", "ok", "maybe", "agora", "entao", "tipo",
})
_WORD_SPAN = re.compile(r"[\w-]+")
_LEADING = re.compile(
    r"^(?:(?:can you|could you|please|pls|i need|i want|i'?d like|we need|make me|make|print me|print|give me|"
    r"design|create|model|eu )?\s*(?:a|an|some|one|um|uma|preciso de|quero|faca|faz|crie|imprima)?\s+)+", re.I)
# What a part is for, unless it is the user's own ("drainage holes for my basil" asks for nothing more)
_PURPOSE = re.compile(r"(?:for|para|pra)\b(?!\s+(?:my|our|your|meu|minha|meus|minhas|nosso|nossa)\b)")
_OBJECT_END = re.compile(r"\s(?:with|for|that|to|com|para|pra|que|de \d)\b|[,;.!?(]|\s\d", re.I)
_DESCRIPTION_END = re.compile(r"[,;.!?(]|\s\d")
# Cosine similarity below which no template is close (bench/RESULTS.md, issue 13). In the closest.yaml set the
# English objects placed by meaning alone that have nothing close score 0.18-0.45 against their nearest template
# ("a toy car" 0.41 by a spool holder, "a skull" 0.45 by a pegboard hook), those with one 0.54+ ("a cord wrap",
# "a soap saver"); at 0.40, set when the set was smaller, the toy car, the rocket and the skull were offered a
# template. Offering an unrelated one reads worse than saying nothing is close and listing what can be made.
NEAR = 0.50


def _known(spec: TemplateSpec) -> set[str]:
    """Concepts this template understands: names, features, parameter labels, choices, plus generic words."""
    phrases: list[str] = [spec.title, spec.title_pt, *spec.synonyms_en, *spec.synonyms_pt, spec.id.replace("_", " ")]
    for key, feature in spec.features.items():
        phrases += [key.replace("_", " "), *feature.words_en, *feature.words_pt]
    for p in spec.parameters():
        phrases += [p.name.replace("_", " "), p.label, p.label_pt, *p.choices]
        phrases += [alias for alias, label in lx.LABEL_ALIASES.items() if label == fold(p.label).strip()]
    generic = [*lx.MEASURES, *lx.NOUNS, *lx.COMPARATIVES, *(w for ws in lx.CHOICE_WORDS.values() for w in ws),
               *lx.NEGATIONS, *lx.BOUNDARIES]
    known = {c for phrase in phrases for c in concepts(phrase, canonical=False)}
    return known | {concept(fold(w), canonical=False) for w in generic} | {stem(w) for w in _FILLER}


def _unknown(word: str, known: set[str]) -> bool:
    c = concept(word, canonical=False)
    number = words_to_digits(word) != word  # "ten", "zero", "vinte"
    return bool(c) and not number and word not in STOPWORDS and word not in _FILLER and c not in known and len(word) > 2


def missing_features(raw: str, spec: TemplateSpec) -> list[str]:
    """Phrases of the request (as the user typed them) that ask for something this template does not have."""
    folded = fold(raw)
    source = raw if len(folded) == len(raw) else folded  # show the user's own spelling where folding kept places
    known = _known(spec)
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
        if any(concept(w, canonical=False) in known for w in words_in if w not in _FILLER and w not in STOPWORDS):
            unknown = [s for s in spans if any(_unknown(w, known) for w in re.findall(r"[a-z]+", s.group()))]
            spans = _run(unknown, spans)
        else:
            spans = [s for s in spans if s.group() not in _FILLER and s.group() not in STOPWORDS] or spans
        found.append(source[spans[0].start():spans[-1].end()])
    found += _around_name(folded, source, spec, known)
    return list(dict.fromkeys(p.strip(" -") for p in found if p.strip(" -")))


def _run(unknown: list[re.Match[str]], spans: list[re.Match[str]]) -> list[re.Match[str]]:
    """The unknown words of a clause with whatever lies between them ("slot for a wireless charger" → wireless
    charger; "built-in phone holder")."""
    first, last = spans.index(unknown[0]), spans.index(unknown[-1])
    while last + 1 < len(spans) and spans[last + 1].group() not in _FILLER | STOPWORDS:
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
    """"a whistle", "make me a spaceship", "um funil": a request for a thing (an article or a request verb
    first, no question mark), not a question or a string of unknown words ("asdf qwerty")."""
    lead = _LEADING.match(raw.strip() + " ")
    return "?" not in raw and lead is not None and bool(lead.group().strip())


def object_phrase(raw: str) -> str:
    """What the request asks for, as typed: "a hex key holder" → "hex key holder", "um funil" → "funil"."""
    text = _LEADING.sub("", raw.strip() + " ").strip()
    end = _OBJECT_END.search(f" {text}")
    phrase = text[: max(0, end.start() - 1)] if end is not None else text
    return phrase.strip(" .!?") or raw.strip(" .!?")


# Where an object's name ends: what follows says what it is for, what it has or what is written on it
_NAME_END = {
    "en": re.compile(r"\b(?:with|for|of|that|which|to|from|in|on|at|and|but|without|saying|says|reading|called|"
                     r"named|written)\b|[\"“”',;.!?(:]"),
    "pt": re.compile(r"\b(?:com|para|pra|que|sem|e|mas|escrito|escrita|dizendo|chamado|chamada)\b|[\"“”',;.!?(:]"),
}
_OF = frozenset({"de", "do", "da", "dos", "das"})
# English puts a compound's modifiers before its head with no word between, so an adjective is told from a noun
# by its form or, for the common ones without a telling ending, by name
_ADJECTIVE_ENDINGS = ("ed", "ing", "ful", "ous", "ive", "ish", "less", "able", "ible", "ly", "ic", "al", "ese", "ian",
                      "sized", "shaped", "style", "like", "looking")
_ADJECTIVES = frozenset({
    "cute", "pretty", "sturdy", "strong", "sleek", "modern", "fancy", "plain", "mini", "large", "medium", "heavy",
    "cheap", "ugly", "funny", "neat", "clean", "rustic", "vintage", "retro", "compact", "slim", "chunky", "robust",
    "minimalist", "minimal", "spare", "extra", "standard", "regular", "generic", "custom", "easy", "best", "good",
    "perfect", "super", "ultra", "thin", "wide", "narrow", "deep", "shallow", "tall", "short", "long", "flat", "low",
    "high", "giant", "double", "single", "triple", "old", "black", "white", "red", "blue", "green", "yellow", "pink",
    "purple", "orange", "grey", "gray", "brown", "gold", "silver", "clear", "transparent", "solid", "hollow", "open",
    "closed", "smooth", "soft", "hard", "light", "dark", "bright", "square", "round", "oval", "fine", "sharp",
    "quiet", "tough", "thick", "lightweight", "low-poly", "lowpoly", "awesome", "sweet", "elegant", "unique",
})


def _adjective(word: str) -> bool:
    return word in _ADJECTIVES or (len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS))


def _name_words(raw: str) -> tuple[list[str], list[bool]]:
    """The content words of the object's name as typed, and for each whether it qualifies the head as a noun
    would: in English every word before the head; in Portuguese a word after "de" or a hyphen ("porta-joias",
    "organizador de pilhas"), never an adjective set right after the head ("vaso quadrado")."""
    lang = "pt" if detect_language(raw) == "pt" else "en"
    text = _LEADING.sub("", words_to_digits(fold(raw)).strip() + " ")
    end = _NAME_END[lang].search(text)
    found: list[str] = []
    qualifies: list[bool] = []
    joined = False
    for token in (text[: end.start()] if end is not None else text).split():
        parts = token.split("-")
        if lang == "en" and len(parts) > 1 and _adjective(parts[-1]):
            continue  # "coin-sized", "self-watering": how it looks or works, not what it is
        for i, part in enumerate(parts):
            if part in _OF:
                joined = True
            elif part.isalpha() and len(part) > 2 and part not in STOPWORDS | _FILLER and not is_unit_word(part):
                found.append(part)
                qualifies.append(lang == "en" or joined or i > 0)
    return found, qualifies


def names_another_object(raw: str, spec: TemplateSpec) -> bool:
    """Whether a request that names this template in full names it as part of another object: its head noun is
    not the template's ("a ring dish" is no ring; "a pipe clamp" no pipe), or the nouns qualifying its head are
    all foreign to it ("a knife block", "a baseball cap", "um organizador de pilhas"). Qualifiers it knows keep
    it ("a spiral vase mode vase", "prendedor de saco de pão"); so does a name it is not part of ("a set of
    four coasters")."""
    known = _known(spec)
    known_canonical = {canonical(k) for k in known}

    def covered(word: str) -> bool:
        c = concept(word, canonical=False)
        return c in known or canonical(c) in known_canonical

    found, qualifies = _name_words(raw)
    if not any(covered(w) for w in found):
        return False
    english = detect_language(raw) != "pt"
    head = found[-1] if english else found[0]
    if not covered(head):
        return True
    nouns = [w for w, q in zip(found, qualifies, strict=True)
             if q and w != head and (covered(w) or not (english and _adjective(w)))]
    return bool(nouns) and not any(covered(w) for w in nouns)


def uncovered(raw: str, spec: TemplateSpec) -> list[str]:
    """Words of the requested object that this template's vocabulary does not hold."""
    known = _known(spec)
    return [w for w in re.findall(r"[a-z]+", fold(object_phrase(raw))) if _unknown(w, known)]


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

    named: frozenset[str]  # its names, and the one-word objects it can stand in for ("doorstop")
    compounds: tuple[frozenset[str], ...]  # the objects of several words it can stand in for ("soap dispenser")
    related: frozenset[str]  # all of those words, and what it holds

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
        held = {canonical(c) for phrase in (*uses.holds, *uses.holds_pt) for c in concepts(phrase, canonical=False)}
        return cls(frozenset(named.union(*(s for s in stands_in if len(s) == 1))),
                   tuple(s for s in stands_in if len(s) > 1), frozenset(named | held).union(*stands_in))


_VOCABULARIES: dict[str, _Vocabulary] = {}


def _related(raw: str, specs: list[TemplateSpec]) -> dict[str, float]:
    """Templates related to the object, each scored by the rarity over the library of what they share with it
    (a word only one template knows, "broom", says more than "holder", which many do): its head noun among the
    template's names or the objects it stands in for ("a doorstop": a block; a "tape dispenser" is no "soap
    dispenser"), its other words and what it is for among everything the template is known by or holds ("a
    broom holder", "um suporte para bicicleta": a wall hook). What a template holds never relates it to an
    object named by that thing alone ("a wrench" is no wrench holder), nor does anything when the object's head
    is a word no template knows ("a robot arm" is no gear)."""
    found, _ = _name_words(raw)
    if not found:
        return {}
    head = canonical(concept(found[0] if detect_language(raw) == "pt" else found[-1], canonical=False))
    said = {canonical(concept(w, canonical=False)) for w in re.findall(r"[a-z]+", fold(described_object(raw)))
            if w not in _FILLER and not is_unit_word(w)} - {""}
    vocabularies = {spec.id: _Vocabulary.of(spec) for spec in specs}
    if not any(head in v.related for v in vocabularies.values()):
        return {}
    spread = Counter(c for v in vocabularies.values() for c in v.related)
    weight = {c: math.log(1 + len(specs) / spread[c]) for c in said | {head} if spread[c]}
    scored = {}
    for spec_id, v in vocabularies.items():
        whole = [c for compound in v.compounds if head in compound and compound <= said for c in compound]
        score = weight[head] if head in v.named or whole else 0.0
        scored[spec_id] = score + sum(weight.get(c, 0.0) for c in (said - {head}) & v.related)
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
    text = _LEADING.sub("", raw.strip() + " ").strip()
    end = _DESCRIPTION_END.search(text)
    return (text[: end.start()] if end is not None else text).strip() or raw.strip()
