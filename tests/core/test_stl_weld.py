"""STL import stops at a drawable triangle soup; topology comes from a weld on first use.

Every path that needs topology (the mesh a LoadedModel hands out, `potstudio check`, booleans with an
imported mesh, exports) must report what a closed, indexed mesh reports, whatever the file format.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.cli.main import main as cli
from core.document import Document, Node
from core.errors import CancelledError, MeshFileError
from core.geometry import stl
from core.geometry import weld as weld_module
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, mesh_node, save_mesh
from core.geometry.printability import body_count
from core.geometry.stl import binary_stl_bytes
from core.geometry.weld import TriangleSoup, weld
from core.tasks import Task

FORMATS = [("plate.stl", False), ("plate.stl", True), ("plate.obj", False), ("plate.3mf", False)]
FORMAT_IDS = ["binary-stl", "ascii-stl", "obj", "3mf"]


@pytest.fixture(scope="module")
def plate() -> trimesh.Trimesh:
    """Two separate closed bodies: a pot with a cavity and a block beside it."""
    doc = Document("plate", root=Node("group", id="root", children=[
        Node("difference", children=[
            Node("cylinder", {"r": 20, "h": 30}),
            Node("transform", {"translate": [0, 0, 2]}, children=[Node("cylinder", {"r": 18, "h": 30})]),
        ]),
        Node("transform", {"translate": [40, 0, 0]}, children=[Node("box", {"size": [10, 12, 8]})]),
    ]))
    return Evaluator(segments=48).mesh(doc)


def written(tmp_path: Path, mesh: trimesh.Trimesh, filename: str, ascii_stl: bool) -> Path:
    path = tmp_path / filename
    save_mesh(mesh, path, name="plate", stl_ascii=ascii_stl)
    return path


def reference_weld(corners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The slow, obviously exact weld: a row sort of the corners' bits (with -0.0 read as 0.0)."""
    bits = (corners.reshape(-1, 3).astype(np.float32) + np.float32(0.0)).view(np.uint32)
    unique, inverse = np.unique(bits, axis=0, return_inverse=True)
    return unique.view(np.float32), inverse.reshape(-1, 3)


def assert_same_weld(corners: np.ndarray) -> None:
    vertices, faces = weld(corners)
    ref_vertices, _ = reference_weld(corners)
    assert len(vertices) == len(ref_vertices)
    assert len(np.unique(vertices.view(np.uint32), axis=0)) == len(vertices)  # no position twice
    np.testing.assert_array_equal(vertices[faces], corners.astype(np.float32) + np.float32(0.0))


def test_an_stl_import_is_the_files_triangles_ready_to_draw(tmp_path: Path, plate: trimesh.Trimesh) -> None:
    path = written(tmp_path, plate, "plate.stl", False)
    loaded = load_mesh(path)
    soup = loaded.display
    assert isinstance(soup, TriangleSoup)
    assert soup.corners.dtype == np.float32 and soup.corners.flags.c_contiguous
    np.testing.assert_array_equal(soup.vertices[soup.faces], plate.triangles.astype(np.float32))
    # A viewer's conversion (desktop.viewport.scene.to_polydata) needs just these two arrays.
    assert soup.vertices.shape == (3 * len(plate.faces), 3) and soup.faces.shape == (len(plate.faces), 3)


@pytest.mark.parametrize("filename,ascii_stl", FORMATS, ids=FORMAT_IDS)
def test_the_loaded_mesh_has_the_topology_of_the_source(tmp_path: Path, plate: trimesh.Trimesh, filename: str,
                                                        ascii_stl: bool) -> None:
    loaded = load_mesh(written(tmp_path, plate, filename, ascii_stl))
    mesh = loaded.mesh
    assert mesh.is_watertight
    assert body_count(mesh) == 2
    assert len(mesh.vertices) == len(plate.vertices) and len(mesh.faces) == len(plate.faces)
    assert mesh.volume == pytest.approx(plate.volume, rel=1e-5)
    np.testing.assert_allclose(mesh.bounds, plate.bounds, atol=1e-4)
    assert loaded.mesh is mesh, "the weld is done once and kept"
    assert loaded.warnings == []


@pytest.mark.parametrize("filename,ascii_stl", FORMATS, ids=FORMAT_IDS)
def test_potstudio_check_reports_a_closed_two_body_plate(tmp_path: Path, plate: trimesh.Trimesh, filename: str,
                                                         ascii_stl: bool, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, plate, filename, ascii_stl)
    assert cli(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["watertight"] is True and report["bodies"] == 2
    assert report["triangles"] == len(plate.faces)
    assert report["volume_mm3"] == pytest.approx(plate.volume, rel=1e-5)
    assert report["bbox_mm"] == pytest.approx(list(plate.extents), abs=1e-4)
    assert not any("not watertight" in w for w in report["warnings"])


@pytest.mark.parametrize("filename,ascii_stl", FORMATS, ids=FORMAT_IDS)
def test_an_imported_mesh_cuts_like_the_source(tmp_path: Path, plate: trimesh.Trimesh, filename: str,
                                               ascii_stl: bool) -> None:
    node = mesh_node(load_mesh(written(tmp_path, plate, filename, ascii_stl)).mesh, "plate")
    drill = Node("transform", {"translate": [40, 0, -1]}, children=[Node("cylinder", {"r": 2, "h": 20})])
    doc = Document("drilled", root=Node("difference", id="root", children=[node, drill]))
    result = Evaluator(segments=64).mesh(doc)
    assert result.is_watertight and body_count(result) == 2
    hole = 32 * 2**2 * np.sin(2 * np.pi / 64) * 8  # a 64-gon of radius 2 through the 8 mm block
    assert result.volume == pytest.approx(plate.volume - hole, rel=1e-4)


@pytest.mark.parametrize("target", ["out.3mf", "out.obj", "out.stl"])
def test_exporting_an_imported_stl_keeps_a_closed_solid(tmp_path: Path, plate: trimesh.Trimesh, target: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = written(tmp_path, plate, "plate.stl", False)
    assert cli(["export", str(source), "-o", str(tmp_path / target)]) == 0
    assert f"{len(plate.faces)} triangles" in capsys.readouterr().out
    again = load_mesh(tmp_path / target).mesh
    assert again.is_watertight and body_count(again) == 2
    assert len(again.vertices) == len(plate.vertices)
    assert again.volume == pytest.approx(plate.volume, rel=1e-5)


def test_the_weld_is_exact_not_within_a_tolerance() -> None:
    box = trimesh.creation.box((10, 10, 10))
    corners = box.triangles.astype(np.float32)
    closed = weld(corners)
    assert len(closed[0]) == 8
    nudged = corners.copy()
    nudged[0, 0, 0] = np.nextafter(nudged[0, 0, 0], np.float32(np.inf))  # one corner one ulp away
    vertices, faces = weld(nudged)
    assert len(vertices) == 9
    assert not trimesh.Trimesh(vertices, faces, process=False).is_watertight
    signed = corners + np.float32(5)  # corners at 0 and 10...
    half = signed[:6]
    half[half == 0] = -0.0  # ...with the zeros of half the triangles written as -0.0: the same positions
    assert np.signbit(signed[signed == 0]).any()
    vertices, faces = weld(signed)
    assert len(vertices) == 8 and trimesh.Trimesh(vertices, faces, process=False).is_watertight


def test_the_weld_matches_an_exact_row_sort_on_shuffled_and_random_soups() -> None:
    rng = np.random.default_rng(7)
    sphere = trimesh.creation.icosphere(5).triangles.astype(np.float32)
    assert_same_weld(sphere[rng.permutation(len(sphere))])
    grid = rng.integers(-4, 4, size=(60, 3)).astype(np.float32) / np.float32(4)
    assert_same_weld(grid[rng.integers(0, len(grid), size=(5000, 3))])
    assert_same_weld(rng.random((3000, 3, 3), dtype=np.float32))
    with_nan = grid[rng.integers(0, len(grid), size=(500, 3))]
    with_nan[::7, 1, 2] = np.nan  # weld() itself takes NaN corners by their bits (load_mesh refuses them)
    assert_same_weld(with_nan)


def test_corners_that_collide_in_every_hash_round_still_weld_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    # The worst case a crafted file could force: every position lands in the same slot in every round.
    monkeypatch.setattr(weld_module, "_MULTIPLIERS", ((0, 0, 0),) * 4)
    rng = np.random.default_rng(3)
    points = np.stack(np.meshgrid(*[np.arange(3, dtype=np.float32)] * 3), axis=-1).reshape(-1, 3)  # x, y shared
    assert_same_weld(points[rng.integers(0, len(points), size=(500, 3))])


def test_degenerate_only_stl_loads_for_display_but_has_no_solid(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "needles.stl"
    triangles = np.array([[[0, 0, 0], [0, 0, 0], [1, 2, 3]], [[4, 4, 4], [5, 5, 5], [5, 5, 5]]], dtype=np.float32)
    path.write_bytes(binary_stl_bytes(triangles, np.zeros((2, 3)), "needles"))
    loaded = load_mesh(path)
    assert len(loaded.display.faces) == 2
    with pytest.raises(MeshFileError, match="'needles.stl' contains only degenerate triangles"):
        loaded.welded()
    assert cli(["check", str(path)]) == 2
    assert "contains only degenerate triangles" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"solid empty\nendsolid empty\n", b"empty".ljust(80) + bytes(4)],
                         ids=["ascii", "binary"])
def test_an_stl_without_triangles_is_refused_at_import(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "nothing.stl"
    path.write_bytes(content)
    with pytest.raises(MeshFileError, match="'nothing.stl' contains no triangles"):
        load_mesh(path)


def test_a_cancelled_weld_loses_nothing_and_two_threads_weld_once(tmp_path: Path) -> None:
    path = tmp_path / "sphere.stl"
    save_mesh(trimesh.creation.icosphere(5), path)
    loaded = load_mesh(path)
    cancelled = Task()
    cancelled.cancel()
    with pytest.raises(CancelledError):
        loaded.welded(cancelled)
    start = threading.Barrier(2)

    def ask() -> trimesh.Trimesh:
        start.wait()
        return loaded.mesh

    with ThreadPoolExecutor(2) as pool:
        asked = [pool.submit(ask), pool.submit(ask)]
        first, second = (future.result(timeout=60) for future in asked)
    assert first is second and first.is_watertight


def test_a_file_cut_short_after_its_size_was_checked_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.stl"
    save_mesh(trimesh.creation.box((10, 10, 10)), path)
    # What the reader meets when another program truncates the file between the size check and the read.
    with pytest.raises(MeshFileError, match="'cut.stl' got shorter while it was being read"):
        stl._binary_stl_corners(path, 13, Task())


def test_an_stl_truncated_by_another_program_mid_read_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """Reading is a plain read, not a mapping: a file cut while we read it cannot fault the process."""
    path = tmp_path / "big.stl"
    save_mesh(trimesh.creation.icosphere(7), path)  # 327 680 triangles, five read chunks

    class Truncating(Task):
        def check(self) -> None:  # between two chunks, another program cuts the file to half
            super().check()
            if path.stat().st_size > 1_000_000:
                os.truncate(path, path.stat().st_size // 2)

    with pytest.raises(MeshFileError, match="'big.stl' got shorter while it was being read"):
        load_mesh(path, Truncating())


def test_a_large_stl_import_can_be_cancelled_between_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.stl"
    save_mesh(trimesh.creation.icosphere(7), path)
    checks = 0

    class CancelSoon(Task):
        def check(self) -> None:
            nonlocal checks
            checks += 1
            if checks == 3:
                self.cancel()
            super().check()

    with pytest.raises(CancelledError):
        load_mesh(path, CancelSoon())
    assert checks == 3
    assert len(load_mesh(path).display.faces) == 327_680


def test_chunks_read_side_by_side_give_every_corner_and_find_a_nan_in_the_last_one(tmp_path: Path) -> None:
    path = tmp_path / "big.stl"
    save_mesh(trimesh.creation.icosphere(7), path)  # five chunks, read by several threads at once
    records = np.fromfile(path, dtype=stl.STL_DTYPE, offset=84)
    soup = load_mesh(path).display
    assert isinstance(soup, TriangleSoup)
    assert np.array_equal(soup.corners, records["v"]), "a chunk landed in the wrong place"
    data = bytearray(path.read_bytes())
    last = 84 + 50 * (len(records) - 1) + 12 + 4 * 7  # the last triangle's third corner, y
    data[last:last + 4] = np.float32(np.nan).tobytes()
    path.write_bytes(bytes(data))
    with pytest.raises(MeshFileError, match="NaN or infinite"):
        load_mesh(path)



def _import_and_exit(path: Path) -> None:
    raise SystemExit(0 if len(load_mesh(path).display.corners) == 200_000 else 1)


def test_a_process_forked_after_an_stl_import_can_import_one_too(tmp_path: Path) -> None:
    """multiprocessing forks by default on Linux; the child inherits the reader pool but not its threads."""
    triangles = np.random.default_rng(3).random((200_000, 3, 3)).astype(np.float32)
    path = tmp_path / "many.stl"
    path.write_bytes(binary_stl_bytes(triangles, np.zeros((200_000, 3), np.float32), "many"))
    assert len(load_mesh(path).display.corners) == 200_000  # several chunks: the parent's reader pool now exists
    child = multiprocessing.get_context("fork").Process(target=_import_and_exit, args=(path,))
    child.start()
    child.join(timeout=300)  # a bound for a hang, not a speed target
    if child.exitcode is None:
        child.kill()
    assert child.exitcode == 0
