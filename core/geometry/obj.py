"""OBJ in and out: vertices and polygon faces (fan-triangulated); normals, UVs, groups and materials are ignored."""

from __future__ import annotations

import re
from array import array

import numpy as np

from core.errors import MeshFileError
from core.geometry.meshdata import MAX_TRIANGLES, MAX_VERTICES
from core.geometry.text_tokens import PROGRESS_EVERY, Numbers
from core.tasks import Phrase, Task

MAX_LINE_BYTES = 1 << 20
MAX_FACE_CORNERS = 4096
"""An OBJ line or polygon past these is an attack (a 39M-corner face took 3.6 GB), not a model."""
_OBJ_LINE = re.compile(rb"[^\r\n]+")


def read_obj(data: bytes, source: str, task: Task) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and polygon faces (fan-triangulated); normals, UVs, groups and materials are ignored.

    Lines are found by a regex over the bytes, so blank lines cost nothing (200M newlines took 2 GB as a
    list of empty lines), and each line is measured before it is split."""
    declared = data.count(b"\nv ") + data.count(b"\nv\t") + data.startswith((b"v ", b"v\t"))
    if declared > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' has {1} vertices; the limit is {2}.", source, declared, MAX_VERTICES))
    coords = Numbers(np.float64, source)
    faces = array("q")
    lineno, counted = 1, 0
    for seen, line in enumerate(_OBJ_LINE.finditer(data), 1):
        lineno += data.count(b"\n", counted, line.start())  # in C, once over the file: the line number for errors
        counted = line.start()
        if seen % PROGRESS_EVERY == 0:
            task.progress(line.start() / len(data))
        if line.end() - line.start() > MAX_LINE_BYTES:
            raise MeshFileError(Phrase(
                "'{0}': a line at byte {1} is longer than {2} MB.", source, line.start(), MAX_LINE_BYTES >> 20))
        parts = line.group().split()
        if not parts:
            continue
        if parts[0] == b"v":
            if len(parts) < 4:
                raise MeshFileError(Phrase("'{0}' line {1}: a vertex needs three coordinates.", source, lineno))
            coords.extend(parts[1:4])
            if coords.count > 3 * MAX_VERTICES:
                raise MeshFileError(Phrase("'{0}' has more than {1} vertices (the limit).", source, MAX_VERTICES))
        elif parts[0] == b"f":
            if len(parts) - 1 > MAX_FACE_CORNERS:
                raise MeshFileError(Phrase(
                    "'{0}' line {1}: a face with {2} corners (the limit is {3}).",
                    source, lineno, len(parts) - 1, MAX_FACE_CORNERS,
                ))
            corners = [_obj_index(c, coords.count // 3, source, lineno) for c in parts[1:]]
            if len(corners) < 3:
                raise MeshFileError(Phrase("'{0}' line {1}: a face needs at least three corners.", source, lineno))
            for i in range(1, len(corners) - 1):
                faces.extend((corners[0], corners[i], corners[i + 1]))
            if len(faces) > 3 * MAX_TRIANGLES:
                raise MeshFileError(Phrase("'{0}' has more than {1} triangles (the limit).", source, MAX_TRIANGLES))
    vertices = coords.array().reshape(-1, 3)
    index = np.frombuffer(faces, dtype=np.int64).reshape(-1, 3)
    if len(index) and index.max() >= len(vertices):
        raise MeshFileError(Phrase(
            "'{0}' has a face that refers to vertex {1}, but the file defines only {2} vertices.",
            source, int(index.max()) + 1, len(vertices),
        ))
    return vertices, index


def _obj_index(token: bytes, count: int, source: str, lineno: int) -> int:
    """OBJ indices are 1-based, or negative to count back from the last vertex read so far."""
    try:
        value = int(token.split(b"/", 1)[0])
    except ValueError:
        raise MeshFileError(Phrase(
            "'{0}' line {1}: '{2}' is not an index.",
            source, lineno, token.decode(errors="replace"),
        )) from None
    if value == 0 or value < -count or value > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' line {1}: vertex index {2} is out of range.", source, lineno, value))
    return value - 1 if value > 0 else count + value


def obj_bytes(vertices: np.ndarray, faces: np.ndarray, name: str) -> bytes:
    """`name` is one line already (display_name): a newline in it would start a line of its own."""
    head = f"# 3D Pot Studio\no {name}\n"
    body = ("v %.9g %.9g %.9g\n" * len(vertices)) % tuple(vertices.ravel())
    body += ("f %d %d %d\n" * len(faces)) % tuple((faces + 1).ravel())
    return (head + body).encode("utf-8")
