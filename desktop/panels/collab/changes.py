"""What a collaborator changed, for the viewport to light up briefly when their edit arrives: the parts
an op edited, moved or added, and the parts that read a parameter it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.document.document import Document
from core.geometry.build import Evaluator

if TYPE_CHECKING:
    import trimesh

CHANGED_ACTOR, CHANGED_COLOUR = "collab-changed", "#f2a30f"  # the comment pins' colour: collaborators' marks
MAX_FLASHED = 12


def changed_parts(doc: Document, ops: list[Any]) -> list[str]:
    """The parts a collaborator's ops changed: the edited, moved or added parts, and the parts that read
    a changed parameter (a new width reshapes everything sized by it)."""
    ids = {n.id for n in doc.root.walk()} - {doc.root.id}
    found: list[str] = []
    for op in ops:
        if op.kind in ("update_node", "move"):
            found.append(str(op.args.get("node")))
        elif op.kind == "add_node" and isinstance(op.args.get("node"), dict):
            found.append(str(op.args["node"].get("id")))
        elif op.kind in ("set_param", "add_param"):
            name = op.args.get("name") or (op.args.get("param") or {}).get("name")
            found += [n.id for n in doc.root.walk() if name in n.parameter_names()]
    return [part for part in dict.fromkeys(found) if part in ids][:MAX_FLASHED]


def parts_mesh(evaluator: Evaluator, doc: Document, parts: list[str]) -> trimesh.Trimesh | None:
    """Worker: the changed parts where they sit in the model, as one mesh (the GUI thread wraps it for VTK)."""
    import trimesh as tm

    meshes = [m for m in (evaluator.world_mesh(doc, part) for part in parts) if len(m.faces)]
    return tm.util.concatenate(meshes) if meshes else None
