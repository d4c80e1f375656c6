"""The checks every mesh format shares (core.geometry.meshio.build_mesh), each refusal in whole words naming the
file, and what a successful read reports: degenerate triangles dropped with a warning, vertices kept as given."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.errors import MeshFileError
from core.geometry import meshio
from core.geometry.meshio import build_mesh, load_mesh, save_mesh
from core.tasks import Task

TRIANGLE = np.array([[0.0, 0, 0], [1, 0, 0], [0, 1, 0]])


def _refusal(vertices: object, faces: object) -> str:
    with pytest.raises(MeshFileError) as caught:
        build_mesh(np.asarray(vertices), np.asarray(faces), "m.obj", [])
    return str(caught.value)


def test_each_refusal_names_the_file_and_the_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refusal(TRIANGLE, np.zeros((0, 3), int)) == "'m.obj' contains no triangles."
    assert _refusal([[0, 0, 0], [np.nan, 0, 0], [0, 1, 0]], [[0, 1, 2]]) == \
        "'m.obj' has NaN or infinite coordinates; the file is damaged."
    assert _refusal([[0, 0, 0], [1e39, 0, 0], [0, 1, 0]], [[0, 1, 2]]) == \
        "'m.obj' has coordinates too large to be a model (past 3.4e38)."
    for faces in ([[0, 1, 3]], [[-1, 1, 2]]):
        assert _refusal(TRIANGLE, faces) == \
            "'m.obj' has triangles that refer to vertices it does not have (3 vertices)."
    assert _refusal(TRIANGLE, [[0, 0, 1], [1, 2, 2]]) == "'m.obj' contains only degenerate triangles."
    monkeypatch.setattr(meshio, "MAX_TRIANGLES", 1)
    assert _refusal(TRIANGLE, [[0, 1, 2], [0, 2, 1]]) == "'m.obj' has 2 triangles; the limit is 1."
    monkeypatch.setattr(meshio, "MAX_TRIANGLES", 10)
    monkeypatch.setattr(meshio, "MAX_VERTICES", 2)
    assert _refusal(TRIANGLE, [[0, 1, 2]]) == "'m.obj' has 3 vertices; the limit is 2."


def test_limits_are_inclusive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meshio, "MAX_TRIANGLES", 1)
    monkeypatch.setattr(meshio, "MAX_VERTICES", 3)
    assert len(build_mesh(TRIANGLE, np.array([[0, 1, 2]]), "m.obj", []).faces) == 1
    edge = np.array([[0.0, 0, 0], [meshio.MAX_COORDINATE, 0, 0], [0, 1, 0]])
    assert build_mesh(edge, np.array([[0, 1, 2]]), "m.obj", []).vertices[1, 0] == meshio.MAX_COORDINATE


def test_degenerate_triangles_of_every_kind_are_dropped_and_counted() -> None:
    warnings: list[str] = []
    faces = np.array([[0, 1, 2], [0, 0, 1], [1, 2, 2], [2, 0, 2]])
    mesh = build_mesh(TRIANGLE, faces, "m.obj", warnings)
    assert mesh.faces.tolist() == [[0, 1, 2]]
    assert warnings == ["Removed 3 degenerate triangles (repeated corners)."]


def test_vertices_are_kept_as_the_file_gives_them() -> None:
    """No merging or reordering on read: the welded STL path and a part's own indices rely on it."""
    vertices = np.vstack([TRIANGLE, TRIANGLE, [[5.0, 5, 5]]])  # duplicates and an unused vertex
    mesh = build_mesh(vertices, np.array([[3, 4, 5]]), "m.obj", [])
    assert len(mesh.vertices) == 7 and mesh.faces.tolist() == [[3, 4, 5]]


def test_reading_reports_progress_in_words(tmp_path: Path) -> None:


    save_mesh(trimesh.creation.box(), tmp_path / "box.obj")
    seen: list[tuple[float, str]] = []
    load_mesh(tmp_path / "box.obj", Task(lambda f, m: seen.append((f, str(m)))))
    assert seen[0] == (0.0, "Reading box.obj") and seen[-1] == (1.0, "Read 12 triangles")
