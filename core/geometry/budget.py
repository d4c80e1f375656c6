"""One budget for every design, wherever it comes from (a file, the hub, the LLM, a template).

Checked where the geometry is about to be allocated, not where a design enters: a design loaded from a file
skipped the LLM's limits, so a sphere of 10⁶ segments took 6 GB and three nested 1000-copy arrays hung the
export. Every check here costs O(1) on the sizes manifold3d already knows, so edits stay as fast as before.
"""

from __future__ import annotations

from typing import Any

from core.errors import GeometryError
from core.geometry.meshdata import MAX_TRIANGLES
from core.tasks import Phrase

MAX_SEGMENTS = 256
"""Facets of a round outline: 64 is smooth at any printable size; 256 is what the assistant may ask for."""
MAX_SLICES = 1000
"""Layers of a twisted extrusion (a slice every 5 degrees makes 1000 enough for 13 full turns)."""


def segments(value: Any) -> int:
    count = int(value)
    if not 3 <= count <= MAX_SEGMENTS:
        raise GeometryError(Phrase(
            "A round part asks for {0} segments; between 3 and {1} are allowed.", count, MAX_SEGMENTS))
    return count


def slices(value: Any) -> int:
    count = int(value)
    if not 0 <= count <= MAX_SLICES:
        raise GeometryError(Phrase("A twisted part asks for {0} slices; at most {1} are allowed.", count, MAX_SLICES))
    return count


def copies(triangles_each: int, count: int) -> None:
    """Before placing `count` copies of a solid: the triangles they would make must fit the mesh limit."""
    if triangles_each * count > MAX_TRIANGLES:
        raise GeometryError(Phrase(
            "The patterns would make {0} triangles, more than the limit of {1}.",
            triangles_each * count, MAX_TRIANGLES,
        ))
