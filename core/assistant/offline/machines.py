"""Printers people name when they ask "will it fit my Prusa MINI?": their build volumes (X × Y × Z mm,
from the makers' published specifications), so the answer is about that printer and not the default."""

from __future__ import annotations

import re

# Most specific first ("a1 mini" before "a1", "k1 max" before "k1").
MACHINES: tuple[tuple[re.Pattern[str], str, tuple[float, float, float]], ...] = tuple(
    (re.compile(pattern), name, volume) for pattern, name, volume in (
        (r"\ba1\s*mini\b", "Bambu Lab A1 mini", (180, 180, 180)),
        (r"\b(?:bambu(?:\s*lab)?\s*)?a1\b", "Bambu Lab A1", (256, 256, 256)),
        (r"\bp1[ps]\b", "Bambu Lab P1S", (256, 256, 256)),
        (r"\bx1\s*(?:c|e|carbon)?\b", "Bambu Lab X1", (256, 256, 256)),
        (r"\b(?:prusa\s*)?mini\s*\+?(?=\W|$)", "Prusa MINI", (180, 180, 180)),
        (r"\b(?:prusa\s*)?mk4s?\b", "Prusa MK4", (250, 210, 220)),
        (r"\b(?:prusa\s*)?mk3s?\b", "Prusa MK3S", (250, 210, 210)),
        (r"\b(?:prusa\s*)?core\s*one\b", "Prusa CORE One", (250, 220, 270)),
        (r"\bprusa\s*xl\b", "Prusa XL", (360, 360, 360)),
        (r"\bk1\s*max\b", "Creality K1 Max", (300, 300, 300)),
        (r"\b(?:creality\s*)?k1c?\b", "Creality K1", (220, 220, 250)),
        (r"\bender\s*-?\s*3\b", "Creality Ender-3", (220, 220, 250)),
    ))


def machine_named(folded: str) -> tuple[str, tuple[float, float, float]] | None:
    """(name, build volume) of the printer the sentence names, if it is one we know."""
    for pattern, name, volume in MACHINES:
        if pattern.search(folded):
            return name, volume
    return None
