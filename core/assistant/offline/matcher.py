"""Which template a sentence asks for, scored from each template's own synonyms and titles.

Every word carries an IDF-like weight over the library (a word only one template uses, "gear",
says more than "holder", which several use), and phrases score by how much of them the sentence
contains, so a paraphrase ("something to hold my phone on the desk") still lands on the template
whose synonyms share its informative words ("phone holder"). A handful of cross-language
equivalences lets an English synonym meet a Portuguese sentence and vice versa.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from core.assistant.offline.text import fold, stem, words
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
    ("hold", "holder", "suporte", "segura", "segurar", "apoio", "stand", "dock"),
    ("plant", "planta", "flower", "flor", "succulent", "suculenta", "cactus"),
    ("box", "caixa", "caixinha", "container", "recipiente"),
    ("lid", "tampa", "cover", "tampinha"),
    ("pen", "caneta", "pencil", "lapis"),
    ("cup", "copo", "porta"),
    ("hook", "gancho", "cabide", "hanger"),
    ("shelf", "prateleira"),
    ("bracket", "suporte", "cantoneira"),
    ("gear", "engrenagem", "cog"),
    ("cable", "cabo", "fio", "wire", "cord"),
    ("clip", "presilha", "prendedor"),
    ("knob", "botao", "puxador", "manopla"),
    ("spacer", "espacador", "washer", "arruela", "standoff"),
    ("coaster", "porta-copo", "descanso"),
    ("tag", "etiqueta", "plaquinha", "chaveiro", "keychain", "keyring"),
    ("name", "nome"),
    ("spool", "carretel", "bobina", "rolo"),
    ("enclosure", "gabinete", "invólucro", "involucro"),
    ("wall", "parede"),
    ("desk", "mesa", "escrivaninha"),
    ("vase", "jarro", "floreira"),
    ("tray", "bandeja"),
    ("cube", "cubo"),
    ("cylinder", "cilindro"),
    ("sphere", "esfera", "ball", "bola"),
    ("cone", "cone"),
    ("block", "bloco"),
    ("filament", "filamento"),
)
_CANON: dict[str, str] = {}
for group in _EQUIVALENT:
    for w in group:
        _CANON.setdefault(stem(fold(w)), stem(fold(group[0])))


def concepts(text: str, canonical: bool = True) -> list[str]:
    """Folded, stemmed content words of text, in order; `canonical` also merges equivalents
    across languages (for template choice; features carry both languages' words themselves)."""
    out = []
    for w in words(fold(text)):
        if w in STOPWORDS:
            continue
        s = stem(w)
        out.append(_CANON.get(s, s) if canonical else s)
    return out


@dataclass(frozen=True)
class Match:
    spec: TemplateSpec
    score: float
    phrase: str
    full: bool  # every content word of the phrase is in the sentence


class Matcher:
    """Built once per library; `rank` is cheap enough to run on every message."""

    def __init__(self, specs: Iterable[TemplateSpec]) -> None:
        self.specs = list(specs)
        self._phrases: dict[str, list[tuple[str, list[str]]]] = {}
        df: dict[str, int] = {}
        for spec in self.specs:
            phrases = [spec.title, spec.title_pt, spec.id.replace("_", " "), *spec.synonyms_en, *spec.synonyms_pt]
            entries = [(p, concepts(p)) for p in phrases]
            self._phrases[spec.id] = [(p, c) for p, c in entries if c]
            for token in {t for _, c in entries for t in c}:
                df[token] = df.get(token, 0) + 1
        n = max(1, len(self.specs))
        self._weight = {t: math.log(1 + n / d) for t, d in df.items()}

    def weight(self, token: str) -> float:
        return self._weight.get(token, 0.0)

    def rank(self, text: str) -> list[Match]:
        sentence = concepts(text)
        present = set(sentence)
        matches = []
        for spec in self.specs:
            best, best_phrase, full = 0.0, "", False
            for phrase, tokens in self._phrases[spec.id]:
                score = self._phrase_score(tokens, present, sentence)
                if score > best:
                    best, best_phrase, full = score, phrase, all(t in present for t in tokens)
            if best > 0:
                matches.append(Match(spec, best, best_phrase, full))
        matches.sort(key=lambda m: (-m.score, m.spec.id))
        return matches

    def best(self, text: str, minimum: float = 0.9) -> Match | None:
        ranked = self.rank(text)
        return ranked[0] if ranked and ranked[0].score >= minimum else None

    def _phrase_score(self, tokens: list[str], present: set[str], sentence: list[str]) -> float:
        hit = [t for t in tokens if t in present]
        if not hit:
            return 0.0
        total = sum(self.weight(t) for t in tokens)
        got = sum(self.weight(t) for t in hit)
        if len(hit) == len(tokens):
            joined = " ".join(sentence)
            return got + (0.5 if " ".join(tokens) in joined else 0.25)
        return 0.6 * got if got >= 0.5 * total else 0.3 * got
