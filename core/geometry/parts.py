"""The separately printable parts of a plate: a box and its lid, a pot and its saucer.

Multi-part templates put each part under a root "group" node (see core/templates/library/_kit.py),
so the parts are the group's enabled children, each placed where the template lays it on the plate.
Exports keep them apart (one 3MF object each) so a slicer can arrange them; any other model is a
single part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.document.document import Document
from core.document.nodes import resolve_enabled
from core.geometry.build import Evaluator

if TYPE_CHECKING:
    import trimesh


def plate_parts(doc: Document, evaluator: Evaluator | None = None) -> list[tuple[str, trimesh.Trimesh]]:
    """(name, mesh) of each part, or [(document name, whole mesh)] when the model is one piece."""
    evaluator = evaluator or Evaluator()
    root = doc.root
    values = doc.values()
    children = [c for c in root.children if resolve_enabled(c, values)] if root.type == "group" else []
    parts = [(child.label, evaluator.world_mesh(doc, child.id)) for child in children]
    parts = [(name, mesh) for name, mesh in parts if len(mesh.faces)]
    if len(parts) < 2:
        return [(doc.name, evaluator.mesh(doc))]
    return parts
