"""Which template a sentence asks for, scored from each template's own synonyms and titles.

Every word carries an IDF-like weight over the library (a word only one template uses, "gear",
says more than "holder", which several use), and phrases score by how much of them the sentence
contains, so a paraphrase ("something to hold my phone on the desk") still lands on the template
whose synonyms share its informative words ("phone holder"). A handful of cross-language
equivalences lets an English synonym meet a Portuguese sentence and vice versa.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.assistant.offline.text import fold, numbered, numbered_pattern, stem, words
from core.assistant.offline.units import find_measures
from core.templates.base import TemplateSpec

STOPWORDS = frozenset({
    "a", "an", "the", "for", "to", "of", "with", "my", "on", "in", "and", "or", "that", "this", "it", "some",
    "something", "thing", "make", "me", "i", "want", "need", "please", "can", "you", "create", "design",
    "print", "de", "da", "do", "das", "dos", "para", "pra", "com", "um", "uma", "o", "os", "as", "e", "em",
    "no", "na", "meu", "minha", "algo", "coisa", "faca", "faz", "quero", "preciso", "por", "favor", "que",
    "desenhe", "crie", "imprimir", "new", "novo", "nova", "another", "outro", "outra", "is", "be", "one",
    "mm", "cm", "inch", "its", "s", "x", "by",
})
# Cross-language / near-synonym equivalences; the first word is the canonical one.
_EQUIVALENT = (
    ("phone", "celular", "smartphone", "telefone", "mobile", "iphone"),
    ("hold", "holder", "suporte", "segura", "segurar", "apoio", "stand", "dock", "porta", "keep", "store",
     "guardar"),  # "porta-X": X's holder; "something to keep my SD cards"
    ("plant", "planta", "succulent", "suculenta", "cactus"),
    ("box", "caixa", "caixinha", "container", "recipiente"),
    ("lid", "tampa", "cover", "tampinha"),
    ("pen", "caneta", "pencil", "lapis"),
    ("cup", "copo"),
    ("hook", "gancho", "cabide", "hanger", "pendurador"),
    ("headphone", "headphones", "headset", "fone", "fones"),
    ("shelf", "prateleira"),
    ("bracket", "suporte"),  # not "cantoneira": an angle profile in Brazil, the L profile's word
    ("gear", "engrenagem", "cog"),
    ("cable", "cabo", "fio", "wire", "cord"),
    ("clip", "presilha", "prendedor"),
    ("knob", "botao", "puxador", "manopla"),
    ("spacer", "espacador", "washer", "arruela", "standoff"),
    ("coaster", "porta-copo", "descanso"),
    ("tag", "etiqueta", "plaquinha", "chaveiro", "keychain", "keyring"),
    ("organize", "organise", "organiser", "organizer", "organizador", "organizar", "organizing", "organising",
     "tidy", "arrumar"),
    ("name", "nome"),
    ("spool", "carretel", "bobina", "rolo"),
    ("enclosure", "gabinete", "invólucro", "involucro"),
    ("wall", "parede"),
    ("desk", "mesa", "escrivaninha"),
    ("vase", "jarro"),
    ("tray", "bandeja"),
    ("cube", "cubo"),
    ("cylinder", "cilindro"),
    ("sphere", "esfera", "ball", "bola"),
    ("cone", "cone"),
    ("block", "bloco"),
    ("filament", "filamento"),
)
_CANON: dict[str, str] = {}


def concept(word: str, canonical: bool = True) -> str:
    """One folded word as a concept: stemmed, Portuguese gender folded ("quadrada" = "quadrado"),
    and with `canonical`, merged with its equivalents across languages; "" for a stopword."""
    if word in STOPWORDS:
        return ""
    s = stem(word)
    if len(s) > 3 and s.endswith("a"):
        s = s[:-1] + "o"
    if s not in _LEXICAL:  # "plaquinha" is a tag of its own, not a small "placa"
        s = _undiminished(s)
    return _CANON.get(s, s) if canonical else s


def _undiminished(s: str) -> str:
    """A Portuguese diminutive as its noun: "bolinha" is a "bola", "caixinha" a "caixa", "plaquinha" a "placa"
    (the gender already folded: "-inho")."""
    for suffix in ("zinho", "inho"):
        base = s[: -len(suffix)]
        if s.endswith(suffix) and len(base) >= 3:
            if base.endswith(("qu", "gu")):
                base = base[:-2] + ("c" if base.endswith("qu") else "g")
            return base + "o"
    return s


_LEXICAL = frozenset(s[:-1] + "o" if len(s) > 3 and s.endswith("a") else s
                     for s in (stem(fold(w)) for group in _EQUIVALENT for w in group))
for _group in _EQUIVALENT:
    for _word in _group:
        _CANON.setdefault(concept(fold(_word), canonical=False), concept(fold(_group[0]), canonical=False))


def canonical(c: str) -> str:
    """A concept merged with its equivalents across languages ("stand" and "suporte" are "hold")."""
    return _CANON.get(c, c)


def positioned(text: str, canonical: bool = True) -> list[tuple[int, str]]:
    """(word index, concept) for each content word, so phrases can be required to stay together."""
    return [(i, c) for i, w in enumerate(words(fold(text))) if (c := concept(w, canonical))]


def concepts(text: str, canonical: bool = True) -> list[str]:
    """Content words of text as concepts, in order (template choice merges languages; features
    carry both languages' words themselves and match with canonical=False)."""
    return [c for _, c in positioned(text, canonical)]


_MODIFIERS = frozenset({"with", "com", "that", "which", "having", "que"})
_PURPOSE = frozenset({"for", "para", "pra", "pro"})
_POSSESSED = re.compile(r"\b(?:my|the|a|an|your)\s+([a-z]+)")
_EN_PREPOSITIONS = re.compile(r"\b(?:with|for|to|of|that|in|on|under)\b")


def _english_head(phrase: str, phrase_concepts: list[str]) -> str:
    """The last content word before a preposition: "box with lid" → box, "pot for my herbs" → pot."""
    before = concepts(_EN_PREPOSITIONS.split(fold(phrase), maxsplit=1)[0])
    if not before and len(phrase_concepts) > 1:
        # "something to hold my phone on the desk": the thing held ("phone"), not the desk it sits on
        held = _POSSESSED.search(fold(phrase))
        return concepts(held.group(1))[0] if held and concepts(held.group(1)) else phrase_concepts[-1]
    return before[-1] if before else phrase_concepts[-1]


@dataclass(frozen=True)
class Match:
    spec: TemplateSpec
    score: float
    phrase: str
    full: bool  # every content word of the phrase is in the sentence, close together
    head: bool  # at least the phrase's head noun is ("um vaso de 12 cm" → "vaso de planta")
    start: int = 0  # word index of the phrase's first word found in the sentence


class Matcher:
    """Built once per library; `rank` is cheap enough to run on every message."""

    def __init__(self, specs: Iterable[TemplateSpec]) -> None:
        self.specs = list(specs)
        self._phrases: dict[str, list[tuple[str, list[str], str]]] = {}
        df: dict[str, int] = {}
        for spec in self.specs:
            english = [spec.title, spec.id.replace("_", " "), *spec.synonyms_en]
            portuguese = [spec.title_pt, *spec.synonyms_pt]
            # The head noun: last in English ("plant pot", "box with lid"), first in Portuguese
            # ("vaso de planta").
            entries = [(p, c, _english_head(p, c)) for p in english if (c := concepts(p))]
            entries += [(p, c, c[0]) for p in portuguese if (c := concepts(p))]
            self._phrases[spec.id] = entries
            for token in {t for _, c, _ in entries for t in c}:
                df[token] = df.get(token, 0) + 1
        n = max(1, len(self.specs))
        self._weight = {t: math.log(1 + n / d) for t, d in df.items()}

    def weight(self, token: str) -> float:
        return self._weight.get(token, 0.0)

    def rank(self, text: str) -> list[Match]:
        sentence = positioned(text)
        folded = fold(text)
        matches = []
        for spec in self.specs:
            best: Match | None = None
            for phrase, tokens, head in self._phrases[spec.id]:
                if numbered(phrase) and not numbered_pattern(phrase, core=True).search(folded):
                    continue  # "raspberry pi 5 case" is no name for "a raspberry pi 4 case" nor "a pi case"
                score, whole = self._phrase_score(tokens, head, sentence)
                if score > 0 and (best is None or score > best.score):
                    start = min(i for i, c in sentence if c in tokens)
                    best = Match(spec, score, phrase, whole, whole or head in {c for _, c in sentence}, start)
            if best is not None:
                matches.append(best)
        # On a tie the template the phrase is the title of wins: "tablet stand" is the tablet stand's name and
        # only a synonym of the phone stand
        matches.sort(key=lambda m: (-m.score, not _titled(m), m.spec.id))
        return matches

    def best(self, text: str, minimum: float = 0.9) -> Match | None:
        """The top template, if the sentence names it: a whole phrase or at least its head noun
        ("walls 10 mm thick" shares a word with "wall hook" but names no hook)."""
        ranked = [m for m in self.rank(text) if (m.full or m.head) and m.score >= minimum]
        if not ranked:
            return None
        ranked = _named_in_a_label(ranked, fold(text))
        cut = next((i for i, w in enumerate(words(fold(text))) if w in _MODIFIERS), None)
        if cut is not None and ranked[0].start > cut:
            # "a vase with a cylinder profile": what follows "with" describes the object named before it
            earlier = [m for m in ranked if m.start < cut]
            if earlier:
                return earlier[0]
            if not ranked[0].full:
                return None  # "with a cable slot" describes a part of something, it names no object
        purpose = next((i for i, w in enumerate(words(fold(text))) if w in _PURPOSE), None)
        if purpose is not None and ranked[0].start > purpose:
            # "a tag for my dog's collar": what it is for is not what it is, when the object is named before it
            earlier = [m for m in ranked if m.start < purpose]
            if earlier:
                return _room_for_sizes(earlier, text)
        return _room_for_sizes(ranked, text)

    def _phrase_score(self, tokens: list[str], head: str, sentence: list[tuple[int, str]]) -> tuple[float, bool]:
        """(score, whole phrase found together). A phrase's words must sit within a few words of
        each other to count as the phrase: "caixa para arduino ... com tampa deslizante" is not
        "caixa de tampa deslizante". Part of a phrase counts more when it is its head noun: "um
        vaso de 12 cm" is some kind of "vaso de planta"."""
        where = {c: i for i, c in reversed(sentence)}
        hit = [t for t in tokens if t in where]
        if not hit:
            return 0.0, False
        got = sum(self.weight(t) for t in set(hit))  # "name tag / keychain" says "tag" twice, not twice as much
        spread = max(where[t] for t in hit) - min(where[t] for t in hit)
        if len(hit) == len(tokens) and spread <= 2 * len(tokens):
            joined = " ".join(c for _, c in sentence)
            return got + (0.5 if " ".join(tokens) in joined else 0.25), True
        return (0.6 * got if head in hit else 0.3 * got), False


def _named_in_a_label(ranked: list[Match], folded: str) -> list[Match]:
    """"engrenagem, diâmetro do cubo 20 mm": the top match's word ("cubo", a cube) is said inside a
    parameter of another template (the gear's hub, "cubo"), so that template is the one asked for."""
    top = set(concepts(ranked[0].phrase))
    for other in ranked[1:]:
        labels = {fold(label) for p in other.spec.parameters() for label in (p.label, p.label_pt) if label}
        if any(label in folded and top <= set(concepts(label)) for label in labels):
            return [other, *(m for m in ranked if m is not other)]
    return ranked


_SIZE_ROLES = ("width", "depth", "length", "height", "size")


def _room_for_sizes(ranked: list[Match], text: str) -> Match:
    """The top match, unless the sentence states more sizes at once than it takes and another template
    of its kind, also named, takes them all: "a case for my 60 x 40 x 20 mm board" is a device
    enclosure, not the case for named boards (whose only size is its height)."""
    stated = max((len(m.values) for m in find_measures(fold(text))), default=0)
    top = ranked[0]
    if stated <= _sizes_taken(top.spec):
        return top
    roomier = (m for m in ranked[1:] if m.spec.category == top.spec.category and _sizes_taken(m.spec) >= stated)
    return next(roomier, top)


def _sizes_taken(spec: TemplateSpec) -> int:
    return len({name for role in _SIZE_ROLES for name in spec.params_for(role)})


def _titled(match: Match) -> bool:
    spec = match.spec
    return fold(match.phrase) in {fold(spec.title), fold(spec.title_pt), spec.id.replace("_", " ")}
