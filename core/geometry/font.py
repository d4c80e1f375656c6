"""2D shape kind "text": a built-in 5 × 7 pixel font, so tags and labels need no font files.

    {"kind": "text", "text": "ANA", "size": 8}

`size` is the cap height in mm; a character cell is 5 × 7 pixels plus one pixel of spacing, so a
text of n characters is nominally (6·n − 1)·size/7 wide and `size` tall, centred on the origin.
Pixels are drawn 10 % oversize so that diagonal strokes overlap into one outline (no two squares
meeting at a single corner, which would not be a printable solid).

Lower-case letters follow the 5 × 7 LCD tradition (x-height of five rows, descenders of g, j, p, q, y
drawn inside the cell), so the text stays exactly `size` tall whatever it says. Accented letters of
Portuguese, Spanish and French (á à â ã ä é è ê ë í ì î ï ó ò ô õ ö ú ù û ü ç ñ, and their capitals)
carry their accent in the top two rows over a five-row body, so "João" prints as João. Any other
character is refused with its name.

Options used by the name tag (core/templates/library/tags.py):
- `frame`: {"margin", "radius", "ring", "ring_wall"} — a rounded plate around the nominal text box,
  with a ring tab and hole of diameter `ring` on the left when ring > 0. Its extent is
  (W + 2·margin + ring + ring_wall) × max(size + 2·margin, ring + 2·ring_wall), centred.
- `layer`: "letters" (the default: the letters, moved with the plate) or "plate" (the frame outline
  alone). A tag is then two extrusions of the same spec, one per layer, whose text follows one edit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import manifold3d as m3d
import numpy as np

from core.errors import GeometryError
from core.geometry.shapes import num, positive, register_shape
from core.tasks import Phrase

COLS, ROWS = 5, 7
PIXEL_OVERSIZE = 1.1
MAX_CHARS = 64

_GLYPHS: dict[str, str] = {
    "A": "01110 10001 10001 11111 10001 10001 10001",
    "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110",
    "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111",
    "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111",
    "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110",
    "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001",
    "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001",
    "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110",
    "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101",
    "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110",
    "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110",
    "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010",
    "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100",
    "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10001 10011 10101 11001 10001 01110",
    "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111",
    "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010",
    "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110",
    "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110",
    "9": "01110 10001 10001 01111 00001 00010 01100",
    " ": "00000 00000 00000 00000 00000 00000 00000",
    ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000",
    "!": "00100 00100 00100 00100 00100 00000 00100",
    "?": "01110 10001 00001 00010 00100 00000 00100",
    "-": "00000 00000 00000 11111 00000 00000 00000",
    "'": "00100 00100 01000 00000 00000 00000 00000",
    '"': "01010 01010 01010 00000 00000 00000 00000",
    ":": "00000 01100 01100 00000 01100 01100 00000",
    "&": "01100 10010 10100 01000 10101 10010 01101",
    "+": "00000 00100 00100 11111 00100 00100 00000",
    "=": "00000 00000 11111 00000 11111 00000 00000",
    "/": "00001 00001 00010 00100 01000 10000 10000",
    "#": "01010 01010 11111 01010 11111 01010 01010",
    "@": "01110 10001 10111 10101 10111 10000 01110",
    "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000",
    "*": "00000 00100 10101 01110 10101 00100 00000",
    "_": "00000 00000 00000 00000 00000 00000 11111",
}
_LOWER: dict[str, str] = {
    "a": "00000 00000 01110 00001 01111 10001 01111",
    "b": "10000 10000 10110 11001 10001 10001 11110",
    "c": "00000 00000 01110 10000 10000 10001 01110",
    "d": "00001 00001 01101 10011 10001 10001 01111",
    "e": "00000 00000 01110 10001 11111 10000 01110",
    "f": "00110 01001 01000 11100 01000 01000 01000",
    "g": "00000 01111 10001 10001 01111 00001 01110",
    "h": "10000 10000 10110 11001 10001 10001 10001",
    "i": "00100 00000 01100 00100 00100 00100 01110",
    "j": "00010 00000 00110 00010 00010 10010 01100",
    "k": "10000 10000 10010 10100 11000 10100 10010",
    "l": "01100 00100 00100 00100 00100 00100 01110",
    "m": "00000 00000 11010 10101 10101 10001 10001",
    "n": "00000 00000 10110 11001 10001 10001 10001",
    "o": "00000 00000 01110 10001 10001 10001 01110",
    "p": "00000 00000 11110 10001 11110 10000 10000",
    "q": "00000 00000 01101 10011 01111 00001 00001",
    "r": "00000 00000 10110 11001 10000 10000 10000",
    "s": "00000 00000 01110 10000 01110 00001 11110",
    "t": "01000 01000 11100 01000 01000 01001 00110",
    "u": "00000 00000 10001 10001 10001 10011 01101",
    "v": "00000 00000 10001 10001 10001 01010 00100",
    "w": "00000 00000 10001 10001 10101 10101 01010",
    "x": "00000 00000 10001 01010 00100 01010 10001",
    "y": "00000 00000 10001 10001 01111 00001 01110",
    "z": "00000 00000 11111 00010 00100 01000 11111",
}
# Five-row bodies (rows 2-6 of the cell) under two rows of accent; capitals shrink to small capitals
# there, as on LCD character sets, so an accent never rises above the cap height.
_BODIES: dict[str, str] = {
    "A": "01110 10001 11111 10001 10001", "E": "11111 10000 11110 10000 11111",
    "I": "01110 00100 00100 00100 01110", "O": "01110 10001 10001 10001 01110",
    "U": "10001 10001 10001 10001 01110", "N": "10001 11001 10101 10011 10001",
    "a": "01110 00001 01111 10001 01111", "e": "01110 10001 11111 10000 01110",
    "i": "01100 00100 00100 00100 01110", "o": "01110 10001 10001 10001 01110",
    "u": "10001 10001 10001 10011 01101", "n": "10110 11001 10001 10001 10001",
}
_MARKS = {  # combining character → its two rows
    "\u0301": "00010 00100", "\u0300": "01000 00100", "\u0302": "00100 01010", "\u0303": "01101 10010",
    "\u0308": "01010 00000",
}
_CEDILLA = {"Ç": "01110 10001 10000 10000 10001 01110 00100", "ç": "00000 01110 10000 10000 10001 01110 00100"}


def _accented() -> dict[str, str]:
    glyphs = dict(_CEDILLA)
    for base, body in _BODIES.items():
        for mark, rows in _MARKS.items():
            char = unicodedata.normalize("NFC", base + mark)
            fits = base.lower() in "aon" if mark == "\u0303" else base.lower() != "n"  # ã õ ñ, no ń
            if len(char) == 1 and fits:
                glyphs[char] = f"{rows} {body}"
    return glyphs


_GLYPHS.update(_LOWER)
_GLYPHS.update(_accented())
CHARACTERS = "".join(sorted(_GLYPHS))


def normalise(text: str) -> str:
    """The text as the font draws it (composed accents, outer spaces trimmed); raises naming any
    character the font cannot draw."""
    plain = unicodedata.normalize("NFC", text).strip()
    unknown = sorted({c for c in plain if c not in _GLYPHS})
    if unknown:
        names = ", ".join(f"'{c}' ({unicodedata.name(c, 'unnamed').lower()})" for c in unknown)
        raise GeometryError(Phrase(
            "The text font cannot draw {0}; use letters (with the accents of Portuguese, Spanish and French), digits, "
            "spaces and {1}.",
            names, "".join(c for c in CHARACTERS if not c.isalnum() and c != " "),
        ))
    if len(plain) > MAX_CHARS:
        raise GeometryError(Phrase("Text is limited to {0} characters (got {1}).", MAX_CHARS, len(plain)))
    return plain


def text_width(n_chars: int, size: float) -> float:
    """Nominal width of n characters at cap height `size` (cells of 6 pixels, last gap dropped)."""
    return max(0, (COLS + 1) * n_chars - 1) * size / ROWS


def letters(text: str, size: float) -> m3d.CrossSection:
    """The pixel outlines of `text`, its nominal box centred on the origin."""
    pitch = size / ROWS
    x0 = -text_width(len(text), size) / 2
    y0 = -size / 2
    half = PIXEL_OVERSIZE * pitch / 2
    squares = []
    for index, char in enumerate(text):
        for row, bits in enumerate(_GLYPHS[char].split()):
            for col, bit in enumerate(bits):
                if bit == "1":
                    cx = x0 + (index * (COLS + 1) + col + 0.5) * pitch
                    cy = y0 + (ROWS - 1 - row + 0.5) * pitch
                    squares.append(
                        np.array([(cx - half, cy - half), (cx + half, cy - half),
                                  (cx + half, cy + half), (cx - half, cy + half)])
                    )
    return m3d.CrossSection(squares, m3d.FillRule.NonZero) if squares else m3d.CrossSection()


def frame(text_w: float, size: float, spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    """A rounded plate around the text box, with an optional key-ring tab on the left (not yet centred:
    the caller shifts plate and letters together by `ring_shift`)."""
    margin = num(spec, "margin", 3.0)
    w, h = text_w + 2 * margin, size + 2 * margin
    radius = min(num(spec, "radius", 2.0), w / 2 - 1e-3, h / 2 - 1e-3)
    plate = m3d.CrossSection.square((w - 2 * radius, h - 2 * radius), True)
    plate = plate.offset(radius, m3d.JoinType.Round, 2.0, segments) if radius > 1e-3 else m3d.CrossSection.square(
        (w, h), True
    )
    ring = num(spec, "ring", 0.0)
    if ring <= 0:
        return plate
    ring_wall = positive(spec, "ring_wall", 2.0)
    centre = -w / 2 - ring / 2
    tab = m3d.CrossSection.circle(ring / 2 + ring_wall, segments).translate((centre, 0.0))
    hole = m3d.CrossSection.circle(ring / 2, max(16, segments // 2)).translate((centre, 0.0))
    return (plate + tab) - hole


def ring_shift(spec: Mapping[str, Any]) -> float:
    """How far right the tag moves so that plate + ring tab is centred on the origin."""
    ring = num(spec, "ring", 0.0)
    return (ring + num(spec, "ring_wall", 2.0)) / 2 if ring > 0 else 0.0


@register_shape("text")
def _text(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    raw = spec.get("text", "")
    if not isinstance(raw, str):
        raise GeometryError(Phrase("Text must be a string."))
    text = normalise(raw)
    if not text:
        raise GeometryError(Phrase("The text is empty; type at least one letter."))
    size = positive(spec, "size", 8.0)
    outline = letters(text, size)
    frame_spec = spec.get("frame")
    if not frame_spec:
        return outline
    if not isinstance(frame_spec, Mapping):
        raise GeometryError(Phrase("Text 'frame' must be an object (margin, radius, ring, ring_wall)."))
    shift = ring_shift(frame_spec)
    layer = spec.get("layer", "letters")
    if layer == "plate":
        return frame(text_width(len(text), size), size, frame_spec, segments).translate((shift, 0.0))
    if layer != "letters":
        raise GeometryError(Phrase("Text 'layer' must be 'letters' or 'plate' (got {0}).", layer))
    return outline.translate((shift, 0.0))
