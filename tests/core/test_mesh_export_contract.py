"""What an export promises the user: the file is named and shaped as asked, its facet normals point out, and
nothing replaces the file on disk unless it reads back as written — a writer that loses a triangle, writes
garbage or drops the design leaves the old file untouched and says what went wrong, in words."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.errors import MeshFileError
from core.geometry import meshio, stl, threemf
from core.geometry.meshio import load_mesh, save_mesh
from core.geometry.stl import STL_DTYPE
from core.tasks import Task


def box() -> trimesh.Trimesh:
    return trimesh.creation.box(extents=(30.0, 20.0, 10.0))


def test_a_file_saved_without_a_name_is_named_after_the_file_and_a_given_name_wins(tmp_path: Path) -> None:
    save_mesh(box(), tmp_path / "bracket.3mf")
    assert load_mesh(tmp_path / "bracket.3mf").name == "bracket"
    save_mesh(box(), tmp_path / "other.3mf", name="Lid")
    assert load_mesh(tmp_path / "other.3mf").name == "Lid"


def test_a_mesh_read_from_obj_gives_its_own_arrays(tmp_path: Path) -> None:
    save_mesh(box(), tmp_path / "b.obj")
    vertices, faces = load_mesh(tmp_path / "b.obj").weld_arrays()
    assert vertices.shape == (8, 3) and faces.shape == (12, 3)
    assert np.allclose(vertices.max(axis=0) - vertices.min(axis=0), (30, 20, 10))


def _facet_normals(triangles: np.ndarray) -> np.ndarray:
    n = np.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0])
    return n / np.linalg.norm(n, axis=1, keepdims=True)


def test_binary_stl_stores_each_facets_outward_unit_normal(tmp_path: Path) -> None:
    save_mesh(box(), tmp_path / "b.stl")
    records = np.frombuffer((tmp_path / "b.stl").read_bytes()[84:], dtype=STL_DTYPE)
    assert len(records) == 12
    triangles = records["v"].astype(np.float64)
    assert np.allclose(records["normal"], _facet_normals(triangles), atol=1e-6)
    outward = np.einsum("ij,ij->i", records["normal"], triangles.mean(axis=1))
    assert (outward > 0).all()  # a box centred on the origin: every normal points away from it


def test_ascii_stl_writes_the_same_normals(tmp_path: Path) -> None:
    save_mesh(box(), tmp_path / "a.stl", stl_ascii=True)
    text = (tmp_path / "a.stl").read_text()
    normals = np.array([[float(v) for v in m.split()] for m in re.findall(r"facet normal ([^\n]+)", text)])
    corners = np.array([[float(v) for v in m.split()] for m in re.findall(r"vertex ([^\n]+)", text)])
    assert text.startswith("solid a\n") and len(normals) == 12
    assert np.allclose(normals, _facet_normals(corners.reshape(-1, 3, 3)), atol=1e-6)


@pytest.mark.parametrize("collapsed", [(0, 0, 1), (0, 1, 1), (1, 0, 1)])
@pytest.mark.parametrize("suffix", [".obj", ".3mf"])
def test_collapsed_triangles_of_any_shape_are_left_out_of_indexed_files(collapsed: tuple[int, int, int], suffix: str,
                                                                        tmp_path: Path) -> None:
    """A triangle with two equal corners, whichever two, has no area: OBJ and 3MF readers drop it, so the export
    counts it out before checking the read-back (else every such export would be refused)."""
    mesh = box()
    faces = np.vstack([mesh.faces, np.asarray(collapsed)])
    save_mesh(trimesh.Trimesh(mesh.vertices, faces, process=False), tmp_path / f"m{suffix}")
    assert len(load_mesh(tmp_path / f"m{suffix}").mesh.faces) == 12


def _old_file(path: Path) -> bytes:
    save_mesh(trimesh.creation.icosphere(subdivisions=1), path)
    return path.read_bytes()


def _leftovers(folder: Path, keep: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p != keep]


def test_a_writer_that_loses_a_triangle_leaves_the_old_file_and_says_so(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "part.stl"
    before = _old_file(target)
    real = stl.binary_stl_bytes
    monkeypatch.setattr(meshio.stl, "binary_stl_bytes", lambda tri, normals, name: real(tri[:-1], normals[:-1], name))
    with pytest.raises(MeshFileError) as caught:
        save_mesh(box(), target)
    assert str(caught.value) == "'part.stl' read back with 11 triangles instead of 12; nothing was written."
    assert target.read_bytes() == before and _leftovers(tmp_path, target) == []


def test_a_writer_that_writes_garbage_leaves_the_old_file_and_says_why(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "part.obj"
    before = _old_file(target)
    monkeypatch.setattr(meshio.obj, "obj_bytes", lambda vertices, faces, label: b"f 1 2 3\n")
    with pytest.raises(MeshFileError) as caught:
        save_mesh(box(), target)
    message = str(caught.value)
    assert message.startswith("'part.obj' did not read back as written (") and message.endswith(
        "); nothing was written.")
    assert "vert" in message.lower()  # the reader's own reason is passed on: a face points at no vertex
    assert target.read_bytes() == before and _leftovers(tmp_path, target) == []


def test_a_3mf_that_lost_its_design_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "design.3mf"
    before = _old_file(target)
    real = threemf.write_3mf
    monkeypatch.setattr(meshio.threemf, "write_3mf", lambda parts, label, _design, task: real(parts, label, None, task))
    with pytest.raises(MeshFileError) as caught:
        save_mesh(box(), target, document_json='{"format": "potstudio"}')
    assert str(caught.value) == "'design.3mf' read back without its design (it was not there); nothing was written."
    assert target.read_bytes() == before


def test_an_unwritable_place_names_the_file_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("a file where a folder should be")
    target = tmp_path / "not-a-folder" / "part.stl"
    with pytest.raises(MeshFileError) as caught:
        save_mesh(box(), target)
    assert str(caught.value) == f"Cannot write '{target}': File exists."  # the OS's words for a file in the way


def test_progress_ends_at_done_with_the_file_named(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    save_mesh(box(), tmp_path / "p.stl", task=Task(lambda fraction, message: seen.append((fraction, str(message)))))
    assert seen[0] == (0.0, "Writing p.stl") and seen[-1] == (1.0, "Wrote p.stl")


def test_a_scene_exports_each_part_under_its_own_name_where_it_stands(tmp_path: Path) -> None:
    scene = trimesh.Scene()
    scene.add_geometry(box(), geom_name="Pot")
    scene.add_geometry(box(), geom_name="Saucer", transform=trimesh.transformations.translation_matrix((50, 0, 0)))
    save_mesh(scene, tmp_path / "set.3mf")
    parts = threemf.read_3mf(tmp_path / "set.3mf", Task())
    assert parts.name == "set"  # the package is titled after the file; its objects keep their own names
    assert np.allclose(parts.vertices.max(axis=0), (65, 10, 5))  # the saucer moved 50 mm, as placed in the scene
    text = zipfile.ZipFile(tmp_path / "set.3mf").read("3D/3dmodel.model").decode()
    assert 'name="Pot"' in text and 'name="Saucer"' in text


@pytest.mark.parametrize("empty", [trimesh.Scene(), []])
def test_nothing_to_export_is_said_in_words(empty: object, tmp_path: Path) -> None:
    with pytest.raises(MeshFileError) as caught:
        save_mesh(empty, tmp_path / "none.3mf")  # type: ignore[arg-type]
    assert str(caught.value) == "There is nothing to export: the model has no parts."
    assert not (tmp_path / "none.3mf").exists()


def test_an_imported_mesh_becomes_a_node_that_keeps_its_name() -> None:
    node = meshio.mesh_node(box(), "Bracket")
    assert node.name == "Bracket" and node.props["name"] == "Bracket"
    assert (node.props["vertex_count"], node.props["face_count"]) == (8, 12)
