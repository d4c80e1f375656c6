"""Mesh files in and out: STL (binary and ASCII), OBJ and 3MF (see threemf.py), chosen by extension.

Files come from strangers, so every reader checks sizes before it allocates, refuses NaN/inf
coordinates and out-of-range indices, and caps the triangle count: a hostile file ends in a
MeshFileError naming the problem, never in a hang or an exhausted machine. We parse STL and OBJ
ourselves rather than through trimesh's loaders because those accept such files silently (a header
declaring 10⁸ triangles is trusted) and because copying the corners straight out of a mapping of
the file keeps binary STL import at the cost of reading the bytes (bench/bench_stl_import.py).

An STL import stops at the checked triangle soup, which can be drawn at once; the indexed, welded
mesh that topology needs is made on first use (LoadedModel.mesh, see weld.py).
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import numpy as np

from core.atomic import atomic_write_bytes
from core.document.nodes import Node
from core.errors import MeshFileError
from core.geometry import obj, stl, threemf
from core.geometry.meshdata import MAX_TRIANGLES, MAX_VERTICES, encode_mesh
from core.geometry.text_tokens import read_text
from core.geometry.weld import TriangleSoup, weld
from core.tasks import NULL_TASK, Phrase, Task

if TYPE_CHECKING:
    import trimesh

FORMATS = (".stl", ".obj", ".3mf")
MAX_COORDINATE = float(np.finfo(np.float32).max)
"""Coordinates must survive a 32-bit STL and the float64 sums of volume and area: past this, 1e308 in an OBJ
became infinity when exported and NaN in `check --json`."""
MAX_NAME_CHARS = 120


class LoadedModel:
    """A mesh file as read: `display` is ready at once, `mesh` (indexed and welded) is made when first asked.

    Watertightness, bodies, volume, booleans and exports need `mesh`; drawing needs only `display`. An
    STL arrives as a soup, so its first `mesh` welds it (~0.15 s per million triangles here): do that
    on a worker (`welded(task)` can be cancelled). The result is kept, and a lock makes two threads
    asking at once weld it once. OBJ and 3MF files are indexed already, so for them both are the same.
    """

    def __init__(self, name: str, source: str, display: TriangleSoup | trimesh.Trimesh, *,
                 document_json: str | None = None, warnings: Sequence[str] = ()) -> None:
        self.name = name
        self.document_json = document_json
        """Our parametric document when the file is a 3MF we wrote; reopening it restores every parameter."""
        self.display = display
        self._source = source
        self._warnings = list(warnings)
        self._welded: trimesh.Trimesh | None = None
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()

    @property
    def mesh(self) -> trimesh.Trimesh:
        return self.welded()

    def welded(self, task: Task = NULL_TASK) -> trimesh.Trimesh:
        if not isinstance(self.display, TriangleSoup):
            return self.display
        vertices, faces = self.weld_arrays(task)
        with self._lock:
            if self._welded is None:
                self._welded = build_mesh(vertices, faces, self._source, self._warnings)
            return self._welded

    def weld_arrays(self, task: Task = NULL_TASK) -> tuple[np.ndarray, np.ndarray]:
        """The soup's welded (vertices, faces), made once: the start-up preview draws them before trimesh is
        loaded, and `welded()` then builds its mesh from the same arrays instead of welding again."""
        if not isinstance(self.display, TriangleSoup):
            return np.asarray(self.display.vertices), np.asarray(self.display.faces)
        with self._lock:
            if self._arrays is None:
                self._arrays = weld(self.display.corners, task)
            return self._arrays

    @property
    def warnings(self) -> list[str]:
        """What the reader noticed, including what welding found (degenerate triangles): asking welds."""
        self.welded()
        return list(self._warnings)


def load_mesh(path: str | os.PathLike[str], task: Task = NULL_TASK) -> LoadedModel:
    p = Path(path)
    ext = _extension(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot open '{0}': {1}.", p.name, exc.strerror or exc)) from None
    if size == 0:
        raise MeshFileError(Phrase("'{0}' is empty.", p.name))
    task.progress(0.0, Phrase("Reading {0}", p.name))
    try:
        if ext == ".stl":
            corners, solid_name = stl.read_stl(p, size, task)
            if len(corners) == 0:
                raise MeshFileError(Phrase("'{0}' contains no triangles.", p.name))
            loaded = LoadedModel(display_name(solid_name) or p.stem, p.name, TriangleSoup(corners))
        else:
            document_json: str | None = None
            if ext == ".obj":
                vertices, faces = obj.read_obj(read_text(p, size), p.name, task)
                name, warnings = p.stem, []
            else:
                part = threemf.read_3mf(p, task)
                vertices, faces, document_json = part.vertices, part.faces, part.document_json
                name, warnings = display_name(part.name) or p.stem, list(part.warnings)
            mesh = build_mesh(vertices, faces, p.name, warnings)
            loaded = LoadedModel(name, p.name, mesh, document_json=document_json, warnings=warnings)
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot read '{0}': {1}.", p.name, exc.strerror or exc)) from None
    # len(corners), not len(faces): a soup's index array is made when a viewer first asks for it.
    count = len(loaded.display.corners) if isinstance(loaded.display, TriangleSoup) else len(loaded.display.faces)
    task.progress(1.0, Phrase("Read {0} triangles", count))
    return loaded


Parts: TypeAlias = "trimesh.Trimesh | trimesh.Scene | Sequence[tuple[str, trimesh.Trimesh]]"
"""What save_mesh writes: one mesh, or named parts (a list, or a Scene whose geometry names are the
part names) that a 3MF keeps as separate objects and STL/OBJ join into one mesh."""


def save_mesh(
    mesh: Parts,
    path: str | os.PathLike[str],
    document_json: str | None = None,
    name: str = "",
    *,
    stl_ascii: bool = False,
    task: Task = NULL_TASK,
) -> None:
    """Write atomically, so a failed or cancelled export never leaves half a file behind."""
    import trimesh  # scipy & co. come with it: not at start-up (see core.geometry.build)

    p = Path(path)
    ext = _extension(p)
    parts = _named_parts(mesh, name or p.stem)
    for part in parts:
        if not np.isfinite(part.vertices).all():
            raise MeshFileError(Phrase("The model has NaN or infinite coordinates and cannot be exported."))
        if len(part.vertices) and np.abs(part.vertices).max() > MAX_COORDINATE:
            raise MeshFileError(Phrase("The model has coordinates too large for a mesh file and cannot be exported."))
    if sum(len(part.faces) for part in parts) == 0:
        raise MeshFileError(Phrase("There is nothing to export: the model has no triangles."))
    if document_json is not None and ext != ".3mf":
        raise MeshFileError(Phrase("Only 3MF files can carry the parametric document, not {0}.", ext.upper()[1:]))
    label = display_name(name) or display_name(p.stem) or "model"
    task.progress(0.0, Phrase("Writing {0}", p.name))
    offsets = np.cumsum([0, *(len(pt.vertices) for pt in parts)])
    vertices = np.concatenate([pt.vertices for pt in parts])
    faces = np.concatenate([pt.faces + offset for pt, offset in zip(parts, offsets, strict=False)])
    joined = trimesh.Trimesh(vertices, faces, process=False)
    if ext == ".3mf":
        data = threemf.write_3mf([pt for pt in parts if len(pt.faces)], label, document_json, task)
    elif ext == ".obj":
        data = obj.obj_bytes(vertices, faces, label)
    elif stl_ascii:
        data = stl.ascii_stl_bytes(vertices[faces], np.asarray(joined.face_normals), label)
    else:
        data = stl.binary_stl_bytes(vertices[faces], np.asarray(joined.face_normals), label)
    task.check()
    kept = len(faces) if ext == ".stl" else int(np.count_nonzero(
        (faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])))
    try:
        atomic_write_bytes(p, data, verify=lambda tmp: _reads_back(tmp, p.name, kept, document_json is not None))
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot write '{0}': {1}.", p, exc.strerror or exc)) from None
    task.progress(1.0, Phrase("Wrote {0}", p.name))


def _reads_back(written: Path, name: str, triangles: int, with_document: bool) -> None:
    """Nothing is written that we could not open again: the file is read back before it replaces the target."""
    try:
        loaded = load_mesh(written)
    except MeshFileError as exc:
        raise MeshFileError(Phrase("'{0}' did not read back as written ({1}); nothing was written.", name, exc)) \
            from None
    display = loaded.display
    count = len(display.corners) if isinstance(display, TriangleSoup) else len(display.faces)
    if count != triangles:
        raise MeshFileError(Phrase(
            "'{0}' read back with {1} triangles instead of {2}; nothing was written.", name, count, triangles))
    if with_document and loaded.document_json is None:
        raise MeshFileError(Phrase("'{0}' read back without its design ({1}); nothing was written.",
                                   name, " ".join(loaded.warnings) or "it was not there"))


def _named_parts(mesh: Parts, name: str) -> list[threemf.Part]:
    import trimesh

    if isinstance(mesh, trimesh.Trimesh):
        named: list[tuple[str, trimesh.Trimesh]] = [(name, mesh)]
    elif isinstance(mesh, trimesh.Scene):
        named = []
        for node in mesh.graph.nodes_geometry:
            transform, geometry = mesh.graph[node]
            part = mesh.geometry[geometry]
            if isinstance(part, trimesh.Trimesh):
                named.append((str(geometry), part.copy().apply_transform(transform)))
    else:
        named = list(mesh)
    if not named:
        raise MeshFileError(Phrase("There is nothing to export: the model has no parts."))
    return [threemf.Part(part_name, np.asarray(m.vertices, dtype=np.float64), np.asarray(m.faces, dtype=np.int64))
            for part_name, m in named]


def mesh_node(mesh: trimesh.Trimesh, name: str) -> Node:
    """An imported mesh as a document node, so it can take part in booleans like any primitive."""
    props = encode_mesh(np.asarray(mesh.vertices), np.asarray(mesh.faces), name)
    return Node(type="mesh", props=props, name=name)


def display_name(raw: str) -> str:
    """A file's object name made safe to show and to write back: one line, no control or escape codes
    (an ESC in a 3MF name reached the terminal; a newline in an OBJ name wrote a broken line), bounded."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[: MAX_NAME_CHARS * 4])
    return " ".join(kept.split())[:MAX_NAME_CHARS]


def build_mesh(vertices: np.ndarray, faces: np.ndarray, source: str, warnings: list[str]) -> trimesh.Trimesh:
    """The checks every format shares; degenerate triangles are dropped with a warning, not an error."""
    import trimesh

    vertices = np.asarray(vertices, dtype=np.float64).reshape(-1, 3)
    faces = np.asarray(faces, dtype=np.int64).reshape(-1, 3)
    if len(faces) == 0:
        raise MeshFileError(Phrase("'{0}' contains no triangles.", source))
    if len(faces) > MAX_TRIANGLES:
        raise MeshFileError(Phrase("'{0}' has {1} triangles; the limit is {2}.", source, len(faces), MAX_TRIANGLES))
    if len(vertices) > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' has {1} vertices; the limit is {2}.", source, len(vertices), MAX_VERTICES))
    if not np.isfinite(vertices).all():
        raise MeshFileError(Phrase("'{0}' has NaN or infinite coordinates; the file is damaged.", source))
    if np.abs(vertices).max() > MAX_COORDINATE:
        raise MeshFileError(Phrase("'{0}' has coordinates too large to be a model (past 3.4e38).", source))
    if faces.min() < 0 or faces.max() >= len(vertices):
        raise MeshFileError(Phrase(
            "'{0}' has triangles that refer to vertices it does not have ({1} vertices).",
            source, len(vertices),
        ))
    degenerate = (faces[:, 0] == faces[:, 1]) | (faces[:, 1] == faces[:, 2]) | (faces[:, 0] == faces[:, 2])
    if degenerate.any():
        warnings.append(f"Removed {int(degenerate.sum())} degenerate triangles (repeated corners).")
        faces = faces[~degenerate]
        if len(faces) == 0:
            raise MeshFileError(Phrase("'{0}' contains only degenerate triangles.", source))
    return trimesh.Trimesh(vertices=vertices, faces=faces, process=False)




def _extension(p: Path) -> str:
    ext = p.suffix.lower()
    if ext not in FORMATS:
        raise MeshFileError(Phrase("'{0}': unsupported file type; use one of {1}.", p.name, ", ".join(FORMATS)))
    return ext
