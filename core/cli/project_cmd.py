"""`potstudio export PROJECT -o FILE` and `potstudio projects [--json]`.

PROJECT is what a user has at hand: a project's name or id in the local store, or a file (.potproj,
.3mf written by us, or a document .json). Export rebuilds the mesh from the parametric document
rather than copying stored triangles, so it always matches what the app would show. An .stl or .obj
file holds no design to rebuild; it is converted as is, so "export part.stl -o part.3mf" does what a
user expects (a 3MF without our design inside is refused with that reason, as it may be a slicer
project whose settings a conversion would drop).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import MeshFileError, PotStudioError

if TYPE_CHECKING:
    from core.document.document import Document

_MESH_TYPES = (".stl", ".obj")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = subparsers.add_parser(
        "export", help="write a project's latest version as STL, 3MF or OBJ",
        description="Write a project's model to a mesh file. PROJECT is a project name or id in the local "
                    "store, or a .potproj, .3mf (made by 3D Pot Studio) or document .json file; an .stl or "
                    ".obj mesh is converted to the output format as it is.",
    )
    export.add_argument("project", metavar="PROJECT")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="output file; the extension (.stl, .3mf, .obj) picks the format")
    export.set_defaults(func=run_export)
    projects = subparsers.add_parser("projects", help="list the projects in the local store")
    projects.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    projects.set_defaults(func=run_projects)


def load_document(ref: str) -> Document:
    """The document a PROJECT argument names: a file path when it looks like one, else the store.
    The document model loads here, when a command runs, not when `potstudio`'s parser is built."""
    from core.document.document import Document
    from core.store.projectfile import EXTENSION

    file_types = (EXTENSION, ".3mf", ".json")
    path = Path(ref)
    suffix = path.suffix.lower()
    if suffix in file_types and path.exists():
        return _document_from_file(path)
    if suffix in _MESH_TYPES and path.exists():
        raise MeshFileError(f"'{path.name}' is a mesh, not a design: it has no parameters to open as a project.")
    if suffix in (*file_types, *_MESH_TYPES) and (path.is_absolute() or len(path.parts) > 1):
        raise PotStudioError(f"There is no file '{ref}'.")
    from core.store import Store

    with Store.open() as store:
        return Document.from_json(store.projects.document(ref))


def _document_from_file(path: Path) -> Document:
    from core.document.document import Document
    from core.store.projectfile import EXTENSION, load_project_file

    suffix = path.suffix.lower()
    if suffix == EXTENSION:
        return load_project_file(path).document
    if suffix == ".3mf":
        from core.geometry.meshio import load_mesh

        loaded = load_mesh(path)
        if loaded.document_json is None and loaded.warnings:  # a design was there, but damaged: say so
            raise MeshFileError(f"'{path.name}': {' '.join(loaded.warnings)} There is no design to rebuild; "
                                "export the mesh from it with a .stl or .obj input, or open it in the app.")
        if loaded.document_json is None:
            raise MeshFileError(
                f"'{path.name}' holds only a mesh, not a 3D Pot Studio model; there is nothing to rebuild. "
                "Use it as is, or import it into a project."
            )
        return Document.loads(loaded.document_json)
    try:
        return Document.loads(path.read_bytes())
    except OSError as exc:
        raise PotStudioError(f"Cannot read '{path}': {exc.strerror or exc}.") from None


def run_export(args: argparse.Namespace) -> int:
    # Mesh libraries load here, not at import: `potstudio --help` must not wait for trimesh.
    from core.geometry.meshio import load_mesh, save_mesh
    from core.geometry.parts import plate_parts

    output: Path = args.output
    source = Path(args.project)
    if source.suffix.lower() in _MESH_TYPES and source.exists():
        loaded = load_mesh(source)
        save_mesh(loaded.mesh, output, name=loaded.name or source.stem)
        print(f"wrote {output} ({len(loaded.mesh.faces)} triangles, converted from the mesh in {source.name}; "
              "it holds no editable design)")
        return 0
    doc = load_document(args.project)
    parts = plate_parts(doc)
    document_json = doc.dumps() if output.suffix.lower() == ".3mf" else None
    save_mesh(parts, output, document_json=document_json, name=doc.name)
    triangles = sum(len(mesh.faces) for _, mesh in parts)
    pieces = f", {len(parts)} parts: {', '.join(name for name, _ in parts)}" if len(parts) > 1 else ""
    print(f"wrote {output} ({triangles} triangles{pieces})")
    return 0


def run_projects(args: argparse.Namespace) -> int:
    from core.store import Store

    with Store.open() as store:
        projects = store.projects.all()
    if args.json:
        json.dump([p.to_json() for p in projects], sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    if not projects:
        print("No projects yet.")
        return 0
    width = max(len(p.name) for p in projects)
    for p in projects:
        changed = datetime.fromtimestamp(p.updated_at).strftime("%Y-%m-%d %H:%M")
        print(f"{p.name:<{width}}  {p.version_count:>3} versions  {changed}  {p.id}")
    return 0
