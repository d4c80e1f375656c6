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
from core.assistant.offline.units import is_unit_word
from core.document.document import Document
from core.document.nodes import Node, resolve_value
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
# "4 coasters", "four hexagonal coasters", "10 m3 washers", "3 small succulent pots": a count, then up to three
# words qualifying the object's plural name
_NUMBER_THEN_WORD = re.compile(rf"(?<![\w.,/]){_N} ([a-z][a-z0-9-]*(?: [a-z0-9-]+){{0,3}})")
_PAIR = re.compile(r"\b(?:a pair of|um par de)\b")


def find_copies(folded: str, spec: TemplateSpec) -> tuple[int | None, str]:
    """(copies asked for or None, the text with that phrase blanked out)."""
    for pattern in _PHRASES:
        m = pattern.search(folded)
        if m is not None:
            return _count(m), _blank(folded, m)
    pair = _PAIR.search(folded)
    if pair is not None and _plural_head(folded[pair.end():].split()[:4], spec):
        return 2, _blank(folded, pair)
    for m in _NUMBER_THEN_WORD.finditer(folded):
        if _plural_head(m.group(2).split(), spec):
            return _count(m), folded[:m.start(1)] + " " * len(m.group(1)) + folded[m.end(1):]
    return None, folded


def _plural_head(following: list[str], spec: TemplateSpec) -> bool:
    """Whether the words after a count reach the object's own name in the plural, past words qualifying it
    and not past a size ("4 mm spacers", "2 x 3 boxes"), and it is not a count the template keeps ("3 hooks"
    on a wall hook's plate are its hooks)."""
    heads = _heads(spec)
    for word in following:
        if word.endswith("s") and (stem(word) in heads or stem(word.split("-")[0]) in heads):  # "porta-copos"
            return count_param(spec, word) is None
        if is_unit_word(word) or word in ("x", "by", "por") or word[0].isdigit():
            return False
    return False


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
    """The pitch of the row: one copy's footprint along the row (its template's promised extent) plus a gap; of
    a grid, its larger footprint, so rows and columns keep the same pitch."""
    extent = spec.expected_extent(doc)
    if extent is None:
        return 100.0 + PLATE_GAP
    grid = doc.root.id == COPIES and sum(isinstance(v, str) for v in doc.root.props.get("spacing", [])) > 1
    return round((max(extent.x, extent.y) if grid else extent.size[row_axis(spec, doc)]) + PLATE_GAP, 2)


def plate_size(spec: TemplateSpec, doc: Document) -> list[float] | None:
    """The size of what lies on the plate: the template's promised extent, times the rows and columns of its
    copies when it has some (None when the template promises none)."""
    extent = spec.expected_extent(doc)
    if extent is None:
        return None
    size = list(extent.size)
    if doc.root.id == COPIES:
        values = doc.values()
        counts = resolve_value(doc.root.props.get("count", [1, 1, 1]), values)
        pitch = resolve_value(doc.root.props.get("spacing", [0, 0, 0]), values)
        for axis in (0, 1):
            if int(counts[axis]) > 1:
                size[axis] = float(pitch[axis]) * int(counts[axis]) - PLATE_GAP
    return size


def per_row(spec: TemplateSpec, doc: Document, count: int, bed: tuple[float, float, float]) -> int:
    """How many copies one row holds: all of them when the row fits the bed, else as many as a grid's row of
    them at its square pitch fits (four 100 mm coasters: two rows of two on a 256 mm bed, not a 376 mm row)."""
    extent = spec.expected_extent(doc)
    if extent is None or count * spacing(spec, doc) - PLATE_GAP <= bed[row_axis(spec, doc)]:
        return count
    return max(1, int((bed[row_axis(spec, doc)] + PLATE_GAP) // (max(extent.x, extent.y) + PLATE_GAP)))


def with_copies(spec: TemplateSpec, doc: Document, count: int, row: int | None = None) -> Document:
    """A document that prints `count` of this one in a row, or in rows of `row`: the template's tree under a
    linear array driven by a `copies` parameter, so the count stays editable."""
    inner = doc.root.children[0] if doc.root.id == COPIES and doc.root.children else doc.root
    axis = row_axis(spec, doc)
    counts: list[str | int] = [1, 1, 1]
    pitch: list[str | int] = [0, 0, 0]
    props: dict[str, object] = {"count": counts, "spacing": pitch}
    if row is None or row >= count:
        counts[axis], pitch[axis] = f"={COPIES}", f"={SPACING}"
    else:
        counts[axis], counts[1 - axis] = f"=min({COPIES}, {row})", f"=ceil({COPIES} / {row})"
        pitch[axis] = pitch[1 - axis] = f"={SPACING}"
        props["total"] = f"={COPIES}"
    root = Node("linear_array", props, [inner], id=COPIES, name="Copies")
    laid = Document(name=doc.name, params=[p for n, p in doc.copy().params.items() if n not in (COPIES, SPACING)],
                    root=root, metadata=dict(doc.metadata))
    params = [*laid.params.values(),
              Parameter(COPIES, count, unit="", min=1, max=MAX_COPIES, step=1, kind="int", label="Copies",
                        label_pt="Cópias", description="How many of the object to print, side by side."),
              Parameter(SPACING, spacing(spec, laid), min=1, max=5000, label="Copy spacing", label_pt="Espaçamento",
                        description="Distance between the copies' centres.")]
    return Document(name=doc.name, params=params, root=root, metadata=dict(doc.metadata))
