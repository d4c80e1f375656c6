"""How many of the object to print: "I need 3 of them", "make 2 copies", "4 spacers", "preciso de 3
desses", "quero 4 unidades". A number of copies is never a size: the phrase is taken out of the
sentence before sizes are read, and the model gets a `copies` parameter that lays that many of it in a
row on the plate, along the object's narrower side (a slider like any other, undoable by chat).

A count of something the object itself has ("3 hooks" on one wall plate, "6 drainage holes") stays
that template's count (counts.py); only "N of them", "N copies" and a plural of the object's own name
that the template does not count are copies.
"""

from __future__ import annotations

import re

from core.assistant.offline.normalise import count_param
from core.assistant.offline.text import fold, stem, words
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec

COPIES = "copies"
SPACING = "copy_spacing"
MAX_COPIES = 50
PLATE_GAP = 10.0  # mm between copies, as a slicer's arrange leaves

_N = r"(\d{1,2})"
# "6 units tall", "4 unidades de altura": a size in the template's own units (Gridfinity's 7 mm), not copies
_NOT_A_SIZE = r"(?!\s+(?:tall|high|wide|deep|long|de (?:altura|largura|profundidade|comprimento))\b)"
_PHRASES = (
    re.compile(rf"\b(?:i need|i want|we need|need|want|make|print(?: me)?|give me)?\s*{_N} "
               rf"(?:of (?:them|these|those|it|this|that)|cop(?:y|ies)|pieces|pcs|units|identical(?: ones)?)\b"
               rf"{_NOT_A_SIZE}"),
    re.compile(rf"\ba (?:set|pack|batch) of {_N}\b"),
    # "..., I need 3", "..., make 3": a bare count closing the request (a size has a unit)
    re.compile(rf"(?:^|[,.;])\s*(?:and )?(?:i need|we need|i want|need|want|make|print|give me) {_N}\s*(?:please)?"
               rf"\s*[.!]?\s*$"),
    re.compile(rf"\b(?:preciso de|quero|faca|faz|imprima|fazer)?\s*{_N} "
               rf"(?:desses|destes|dessas|destas|deles|delas|iguais|unidades|copias|pecas)\b{_NOT_A_SIZE}"),
    re.compile(rf"\bum (?:jogo|conjunto|kit) de {_N}\b"),
    re.compile(rf"(?:^|[,.;])\s*(?:e )?(?:preciso de|quero|faca|faz|imprima) {_N}\s*[.!]?\s*$"),
)
_NUMBER_THEN_WORD = re.compile(rf"(?<![\w.,/]){_N} ([a-z-]+)")


def find_copies(folded: str, spec: TemplateSpec) -> tuple[int | None, str]:
    """(copies asked for or None, the text with that phrase blanked out)."""
    for pattern in _PHRASES:
        m = pattern.search(folded)
        if m is not None:
            return _count(m), _blank(folded, m)
    for m in _NUMBER_THEN_WORD.finditer(folded):
        word = m.group(2)
        if word.endswith("s") and stem(word) in _heads(spec) and count_param(spec, word) is None:
            return _count(m), folded[:m.start(1)] + " " * len(m.group(1)) + folded[m.end(1):]
    return None, folded


def _count(m: re.Match[str]) -> int:
    return max(1, min(MAX_COPIES, int(m.group(1))))


def _blank(text: str, m: re.Match[str]) -> str:
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def _heads(spec: TemplateSpec) -> set[str]:
    """The object's own nouns: the last word of an English name, the first of a Portuguese one."""
    heads = {stem(ws[-1]) for p in (spec.title, *spec.synonyms_en) if (ws := words(fold(p)))}
    return heads | {stem(ws[0]) for p in (spec.title_pt, *spec.synonyms_pt) if (ws := words(fold(p)))}


def copies_of(doc: Document) -> int:
    return int(doc.values()[COPIES]) if COPIES in doc.params else 1


def row_axis(spec: TemplateSpec, doc: Document) -> int:
    """0 (x) or 1 (y): a row runs along the copy's narrower side, so three 100 mm bag clips lie in a row 41 mm
    long rather than 320 mm; a row already laid out keeps its direction."""
    if doc.root.id == COPIES:
        return next((i for i, v in enumerate(doc.root.props.get("spacing", [])) if isinstance(v, str)), 0)
    extent = spec.expected_extent(doc)
    return 1 if extent is not None and extent.y < extent.x else 0


def spacing(spec: TemplateSpec, doc: Document) -> float:
    """The pitch of the row: one copy's footprint along the row (its template's promised extent) plus a gap."""
    extent = spec.expected_extent(doc)
    return round((extent.size[row_axis(spec, doc)] if extent is not None else 100.0) + PLATE_GAP, 2)


def with_copies(spec: TemplateSpec, doc: Document, count: int) -> Document:
    """A document that prints `count` of this one in a row: the template's tree under a linear array
    driven by a `copies` parameter, so the count stays editable."""
    params = [p for name, p in doc.copy().params.items() if name not in (COPIES, SPACING)]
    params += [
        Parameter(COPIES, count, unit="", min=1, max=MAX_COPIES, step=1, kind="int", label="Copies",
                  label_pt="Cópias", description="How many of the object to print, side by side."),
        Parameter(SPACING, spacing(spec, doc), min=1, max=5000, label="Copy spacing", label_pt="Espaçamento",
                  description="Distance between the copies' centres."),
    ]
    inner = doc.root.children[0] if doc.root.id == COPIES and doc.root.children else doc.root
    axis = row_axis(spec, doc)
    counts: list[str | int] = [1, 1, 1]
    pitch: list[str | int] = [0, 0, 0]
    counts[axis], pitch[axis] = f"={COPIES}", f"={SPACING}"
    root = Node("linear_array", {"count": counts, "spacing": pitch}, [inner], id=COPIES, name="Copies")
    return Document(name=doc.name, params=params, root=root, metadata=dict(doc.metadata))
