"""Mesh files: round trips through every format, the parametric document inside a 3MF, PrusaSlicer
reading our 3MF, and hostile files that must fail with a clear error instead of hanging or eating memory."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import struct
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.document import Document, Node, Parameter
from core.errors import CancelledError, MeshFileError
from core.geometry import opc, text_tokens, threemf
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, mesh_node, save_mesh
from core.geometry.stl import binary_stl_bytes
from core.tasks import Task


def cube(size: float = 20.0) -> trimesh.Trimesh:
    mesh = trimesh.creation.box((size, size, size))
    mesh.apply_translation((0, 0, size / 2))
    return mesh


def planter() -> Document:
    return Document(
        "planter",
        params=[
            Parameter("diameter", 60, min=20, max=300, description="outside diameter"),
            Parameter("height", 50, min=10, max=300),
            Parameter("wall", 2.4, min=0.8, max=10),
            Parameter("holes", 5, kind="int", min=0, max=12, unit=""),
        ],
        root=Node("difference", id="root", children=[
            Node("cylinder", {"r": "=diameter / 2", "h": "=height"}, id="outer"),
            Node("transform", {"translate": [0, 0, "=wall"]}, id="cav", children=[
                Node("cylinder", {"r": "=diameter / 2 - wall", "h": "=height"}, id="inner"),
            ]),
            Node("polar_array", {"count": "=holes", "radius": "=diameter / 5"}, id="holes", children=[
                Node("cylinder", {"r": 2, "h": 10, "center": True}, id="hole"),
            ]),
        ]),
    )


@pytest.mark.parametrize("filename,ascii_stl", [("m.stl", False), ("m.stl", True), ("m.obj", False),
                                                ("m.3mf", False)])
def test_every_format_round_trips_a_closed_solid(tmp_path: Path, filename: str, ascii_stl: bool) -> None:
    source = Evaluator().mesh(planter())
    path = tmp_path / filename
    save_mesh(source, path, name="my planter", stl_ascii=ascii_stl)
    loaded = load_mesh(path)
    assert loaded.mesh.is_watertight
    assert len(loaded.mesh.faces) == len(source.faces)
    assert loaded.mesh.volume == pytest.approx(source.volume, rel=1e-5)
    np.testing.assert_allclose(loaded.mesh.bounds, source.bounds, atol=1e-4)
    assert loaded.warnings == []
    if filename.endswith(".stl"):
        assert path.read_bytes().startswith(b"solid my planter") == ascii_stl
        if not ascii_stl:
            assert path.stat().st_size == 84 + 50 * len(source.faces)


def test_degenerate_triangles_are_dropped_with_a_warning(tmp_path: Path) -> None:
    box = cube(10)
    triangles = np.concatenate([box.triangles, [[[0, 0, 0], [0, 0, 0], [5, 5, 5]]]])
    path = tmp_path / "sliver.stl"
    path.write_bytes(binary_stl_bytes(triangles, np.zeros((13, 3)), "sliver"))
    loaded = load_mesh(path)
    assert len(loaded.mesh.faces) == 12 and loaded.mesh.is_watertight
    assert loaded.warnings == ["Removed 1 degenerate triangles (repeated corners)."]


def test_obj_polygons_relative_indices_and_extras_are_read(tmp_path: Path) -> None:
    text = """# a 10 mm cube written by hand: quads, v/vt/vn corners, negative indices, groups
mtllib cube.mtl
o cube
v 0 0 0
v 10 0 0
v 10 10 0
v 0 10 0
v 0 0 10
v 10 0 10
v 10 10 10
v 0 10 10
vt 0 0
vn 0 0 1
g sides
usemtl red
f 1/1/1 4/1/1 3/1/1 2/1/1
f -4//1 -3//1 -2//1 -1//1
f 1 2 6 5
f 2 3 7 6
f 3 4 8 7
f 4 1 5 8
"""
    path = tmp_path / "cube.obj"
    path.write_text(text)
    mesh = load_mesh(path).mesh
    assert len(mesh.faces) == 12
    assert mesh.is_watertight
    assert mesh.volume == pytest.approx(1000.0)


def test_3mf_is_a_proper_package_that_restores_every_parameter(tmp_path: Path) -> None:
    doc = planter()
    doc.set_param_value("height", 72)
    mesh = Evaluator().mesh(doc)
    path = tmp_path / "planter.3mf"
    save_mesh(mesh, path, document_json=doc.dumps(), name="Planter")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "3D/3dmodel.model", "Metadata/potstudio_document.json"} <= names
        model = archive.read("3D/3dmodel.model").decode()
        assert 'unit="millimeter"' in model and threemf.CORE_NS in model
        rels = archive.read("_rels/.rels").decode()
        assert 'Target="/3D/3dmodel.model"' in rels and 'Target="/Metadata/potstudio_document.json"' in rels
    loaded = load_mesh(path)
    assert loaded.name == "Planter"
    assert loaded.document_json is not None
    restored = Document.loads(loaded.document_json)
    assert restored.values() == doc.values()
    assert restored.values()["height"] == 72
    assert {p.name: p.to_json() for p in restored.params.values()} == {p.name: p.to_json() for p in doc.params.values()}
    assert loaded.mesh.volume == pytest.approx(Evaluator().mesh(restored).volume, rel=1e-6)


def test_a_damaged_embedded_document_keeps_the_mesh_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "d.3mf"
    save_mesh(cube(), path, document_json="{}")
    rewritten = tmp_path / "e.3mf"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, b"{not json" if info.filename.endswith(".json") else data)
    loaded = load_mesh(rewritten)
    assert loaded.document_json is None
    assert loaded.mesh.volume == pytest.approx(8000)
    assert any("document is damaged" in w for w in loaded.warnings)


def write_3mf_package(path: Path, model_xml: str, extra: dict[str, str] | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", threemf._content_types())
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{opc.RELS_NS}"><Relationship '
                         f'Target="/3D/3dmodel.model" Id="r0" Type="{threemf.MODEL_REL}"/></Relationships>')
        archive.writestr("3D/3dmodel.model", model_xml)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)


def cube_object(object_id: int, size: float = 1.0) -> str:
    box = trimesh.creation.box((size, size, size))
    box.apply_translation((size / 2, size / 2, size / 2))
    verts = "".join(f'<vertex x="{x}" y="{y}" z="{z}"/>' for x, y, z in box.vertices)
    tris = "".join(f'<triangle v1="{a}" v2="{b}" v3="{c}"/>' for a, b, c in box.faces)
    return f'<object id="{object_id}" type="model"><mesh><vertices>{verts}</vertices>' \
           f"<triangles>{tris}</triangles></mesh></object>"


def test_3mf_units_components_transforms_and_separate_object_files(tmp_path: Path) -> None:
    # Bambu Studio style: the mesh lives in 3D/Objects/part.model and the main model places it through a
    # production-extension component; the file is in centimetres, so 1 unit = 10 mm.
    ns = f'xmlns="{threemf.CORE_NS}" xmlns:p="{threemf.PRODUCTION_NS}"'
    part = f'<model unit="centimeter" {ns}><resources>{cube_object(7)}</resources><build/></model>'
    main = (f'<model unit="centimeter" {ns}><resources><object id="1" type="model"><components>'
            '<component p:path="/3D/Objects/part.model" objectid="7"/>'
            '<component p:path="/3D/Objects/part.model" objectid="7" transform="1 0 0 0 1 0 0 0 1 2 0 0"/>'
            '</components></object></resources>'
            '<build><item objectid="1" transform="1 0 0 0 1 0 0 0 1 0 0 3"/></build></model>')
    path = tmp_path / "bambu.3mf"
    write_3mf_package(path, main, {"3D/Objects/part.model": part})
    mesh = load_mesh(path).mesh
    np.testing.assert_allclose(mesh.bounds, [[0, 0, 30], [30, 10, 40]], atol=1e-9)
    assert mesh.volume == pytest.approx(2000.0)


def gcode_extrusion_extents(gcode: Path) -> tuple[np.ndarray, np.ndarray]:
    """XY(Z) of every extruding move (relative E > 0) in the G-code PrusaSlicer wrote."""
    points, z = [], 0.0
    for raw in gcode.read_text().splitlines():
        line = raw.split(";", 1)[0].split()
        if not line or line[0] != "G1":
            continue
        words = {w[0]: float(w[1:]) for w in line[1:]}
        z = words.get("Z", z)
        if words.get("E", 0.0) > 0 and "X" in words and "Y" in words:
            points.append((words["X"], words["Y"], z))
    arr = np.array(points)
    return arr.min(axis=0), arr.max(axis=0)


@pytest.mark.services
def test_prusaslicer_slices_our_3mf_to_the_model_size(tmp_path: Path) -> None:
    slicer = shutil.which("prusa-slicer")
    assert slicer is not None, "prusa-slicer is needed (make test installs the Debian package)"
    mesh = trimesh.creation.box((20, 30, 12))
    mesh.apply_translation((0, 0, 6))
    path = tmp_path / "part.3mf"
    save_mesh(mesh, path, document_json=json.dumps({"schema": 1}), name="part")
    out = tmp_path / "part.gcode"
    result = subprocess.run([slicer, "--export-gcode", str(path), "-o", str(out), "--skirts", "0",
                             "--use-relative-e-distances"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    low, high = gcode_extrusion_extents(out)
    size = high - low
    # Perimeter centre lines sit half a line width (≈0.22 mm) inside the outline; the top layer at ≤ 12.
    assert size[0] == pytest.approx(20, abs=0.6) and size[1] == pytest.approx(30, abs=0.6)
    assert high[2] == pytest.approx(12, abs=0.35)


@pytest.mark.services
def test_a_3mf_written_by_prusaslicer_opens_with_its_placement(tmp_path: Path) -> None:
    slicer = shutil.which("prusa-slicer")
    assert slicer is not None, "prusa-slicer is needed (make test installs the Debian package)"
    stl = tmp_path / "brick.stl"
    save_mesh(trimesh.creation.box((20, 30, 12)), stl)  # centred on the origin: PrusaSlicer drops it on the bed
    out = tmp_path / "brick.3mf"
    result = subprocess.run([slicer, "--export-3mf", str(stl), "-o", str(out)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = load_mesh(out)
    assert loaded.document_json is None and loaded.mesh.is_watertight
    assert loaded.mesh.volume == pytest.approx(20 * 30 * 12)
    assert loaded.mesh.extents == pytest.approx((20, 30, 12))
    assert loaded.mesh.bounds[0][2] == pytest.approx(0.0)  # its build-item transform was applied


def stl_header(count: int) -> bytes:
    return b"hostile".ljust(80, b" ") + struct.pack("<I", count)


def billion_laughs() -> str:
    ents = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE model [{ents}]><model xmlns="{threemf.CORE_NS}">' \
           '<metadata name="Title">&a9;</metadata></model>'


ASCII_FACET = "facet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\n"


def write_case(tmp_path: Path, case: str) -> Path:
    good = trimesh.creation.box((10, 10, 10))
    if case == "empty":
        path = tmp_path / "empty.stl"
        path.write_bytes(b"")
    elif case == "truncated":
        path = tmp_path / "t.stl"
        save_mesh(good, path)
        path.write_bytes(path.read_bytes()[:-30])
    elif case == "huge_count":
        path = tmp_path / "huge.stl"
        path.write_bytes(stl_header(100_000_000) + b"\0" * 500)
    elif case == "nan_binary":
        path = tmp_path / "nan.stl"
        body = np.zeros(1, dtype=[("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
        body["v"] = [[0, 0, 0], [1, 0, 0], [np.nan, 1, 0]]
        path.write_bytes(stl_header(1) + body.tobytes())
    elif case == "inf_ascii":
        path = tmp_path / "inf.stl"
        path.write_text("solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex inf 0 0\nvertex 0 1 0\n"
                        "endloop\nendfacet\nendsolid x\n")
    elif case == "ascii_garbage":
        path = tmp_path / "garbage.stl"
        path.write_text("solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n"
                        "endloop\nendfacet\n  hello there, this is not an STL\nendsolid x\n")
    elif case == "ascii_cut_short":  # a download or copy that stopped half way through a triangle
        path = tmp_path / "cut.stl"
        path.write_text("solid x\n" + ASCII_FACET * 2 + "facet normal 0 0 1\nouter loop\nvertex 0 0")
    elif case == "ascii_misspelt":
        path = tmp_path / "misspelt.stl"
        path.write_text("solid x\n" + ASCII_FACET + ASCII_FACET.replace("vertex 1 0 0", "verte 1 0 0")
                        + "endsolid x\n")
    elif case == "ascii_short_vertex":
        path = tmp_path / "short.stl"
        path.write_text("solid x\n" + ASCII_FACET.replace("vertex 0 1 0", "vertex 0 1") + "endsolid x\n")
    elif case == "random_bytes":
        path = tmp_path / "noise.stl"
        path.write_bytes(np.random.default_rng(1).bytes(1000))
    elif case == "obj_out_of_range":
        path = tmp_path / "bad.obj"
        path.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n")
    elif case == "obj_zero_index":
        path = tmp_path / "zero.obj"
        path.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n")
    elif case == "obj_not_a_number":
        path = tmp_path / "nan.obj"
        path.write_text("v 0 0 0\nv 1 zero 0\nv 0 1 0\nf 1 2 3\n")
    elif case == "not_zip":
        path = tmp_path / "fake.3mf"
        path.write_text("<model>this is not a zip</model>")
    elif case == "zip_bomb":
        path = tmp_path / "bomb.3mf"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("3D/3dmodel.model", "w") as fh:
            zeros = b"\0" * (1 << 20)
            for _ in range(64):
                fh.write(zeros)
    elif case == "entities":
        path = tmp_path / "laughs.3mf"
        write_3mf_package(path, billion_laughs())
    elif case == "external_entity":
        path = tmp_path / "xxe.3mf"
        write_3mf_package(path, '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                          f'<model xmlns="{threemf.CORE_NS}"><metadata name="Title">&x;</metadata></model>')
    elif case == "traversal":
        path = tmp_path / "escape.3mf"
        write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"/>', {"../../evil.model": "x"})
    elif case == "component_loop":
        path = tmp_path / "loop.3mf"
        write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"><resources><object id="1"><components>'
                          '<component objectid="1"/></components></object></resources>'
                          '<build><item objectid="1"/></build></model>')
    elif case == "instance_bomb":
        # Each level instances the one below ten times: 12 triangles become 1.2 × 10⁹ in a few KB.
        levels = "".join(f'<object id="{i}"><components>' + f'<component objectid="{i - 1}"/>' * 10
                         + "</components></object>" for i in range(2, 10))
        path = tmp_path / "instances.3mf"
        write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"><resources>{cube_object(1)}{levels}'
                          '</resources><build><item objectid="9"/></build></model>')
    elif case == "no_build":
        path = tmp_path / "nobuild.3mf"
        write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"><resources>{cube_object(1)}</resources>'
                          "<build/></model>")
    elif case == "bad_3mf_index":
        path = tmp_path / "index.3mf"
        write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"><resources><object id="1"><mesh><vertices>'
                          '<vertex x="0" y="0" z="0"/><vertex x="1" y="0" z="0"/><vertex x="0" y="1" z="0"/>'
                          '</vertices><triangles><triangle v1="0" v2="1" v3="3"/></triangles></mesh></object>'
                          f'{cube_object(2)}</resources><build><item objectid="1"/><item objectid="2"/></build>'
                          "</model>")
    elif case == "directory":
        path = tmp_path / "folder.stl"
        path.mkdir()
    elif case == "unknown_type":
        path = tmp_path / "model.ply"
        path.write_text("ply\n")
    else:
        path = tmp_path / "missing.stl"
    return path


HOSTILE = {  # each whole message, as the user reads it
    "empty": "'empty.stl' is empty.",
    "truncated": (
        "'t.stl' declares 12 triangles (684 bytes) but has only 654 bytes: "
        "it is truncated or not an STL file."),
    "huge_count": (
        "'huge.stl' declares 100000000 triangles (5000000084 bytes) but has only 584 bytes: "
        "it is truncated or not an STL file."),
    "nan_binary": "'nan.stl' has NaN or infinite coordinates; the file is damaged.",
    "inf_ascii": "'inf.stl' has NaN or infinite coordinates; the file is damaged.",
    "ascii_garbage": (
        "'garbage.stl' is not a valid ASCII STL: line 9 reads 'hello there, this is not an STL' "
        "where a facet or 'endsolid' should start."),
    "ascii_cut_short": "'cut.stl' is truncated: it ends in the middle of a triangle (line 18).",
    "ascii_misspelt": (
        "'misspelt.stl' is not a valid ASCII STL: line 12 reads 'verte 1 0 0' where 'vertex x y z' should be."),
    "ascii_short_vertex": (
        "'short.stl' is not a valid ASCII STL: line 6 reads 'vertex 0 1' where 'vertex x y z' should be."),
    "random_bytes": (
        "'noise.stl' declares 3717673525 triangles (185883676334 bytes) but has only 1000 bytes: "
        "it is truncated or not an STL file."),
    "obj_out_of_range": "'bad.obj' has a face that refers to vertex 9, but the file defines only 3 vertices.",
    "obj_zero_index": "'zero.obj' line 4: vertex index 0 is out of range.",
    "obj_not_a_number": "'nan.obj' has a coordinate that is not a number.",
    "not_zip": "'fake.3mf' is not a 3MF package (it is not a zip archive).",
    "zip_bomb": "'bomb.3mf': part '3D/3dmodel.model' inflates 1028× — this looks like a zip bomb, not a model.",
    "entities": "'laughs.3mf' contains XML entity declarations, which 3MF never uses; refusing it.",
    "external_entity": "'xxe.3mf' contains XML entity declarations, which 3MF never uses; refusing it.",
    "traversal": "'escape.3mf' contains an unsafe part name '../../evil.model'; refusing to read it.",
    "component_loop": "'loop.3mf' nests components more than 8 deep (or in a loop).",
    "instance_bomb": "'instances.3mf' expands to more than 5000000 triangles (the limit).",
    "no_build": "'nobuild.3mf' has no build items: there is nothing to print in it.",
    "bad_3mf_index": "'index.3mf': object '1' has triangles that refer to vertices it does not have (3 vertices).",
    "directory": "Cannot read 'folder.stl': Is a directory.",
    "unknown_type": "'model.ply': unsupported file type; use one of .stl, .obj, .3mf.",
    "missing": "Cannot open 'missing.stl': No such file or directory.",
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_broken_and_hostile_files_fail_clearly_without_eating_memory(tmp_path: Path, case: str) -> None:
    path = write_case(tmp_path, case)
    tracemalloc.start()
    try:
        with pytest.raises(MeshFileError) as caught:
            load_mesh(path)
        assert str(caught.value) == HOSTILE[case]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"{case} made the reader allocate {peak >> 20} MB"


def test_a_zip_whose_total_exceeds_the_cap_is_refused_before_inflating(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.3mf"
    save_mesh(trimesh.creation.icosphere(4), path)
    monkeypatch.setattr(opc, "MAX_TOTAL_BYTES", 100_000)
    with pytest.raises(MeshFileError, match="would inflate to"):
        load_mesh(path)


def test_oversized_text_meshes_are_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.obj"
    save_mesh(trimesh.creation.icosphere(3), path)
    monkeypatch.setattr(text_tokens, "MAX_TEXT_BYTES", 1 << 10)
    with pytest.raises(MeshFileError, match="text mesh files over 0 MB are not supported"):
        load_mesh(path)


def test_a_lying_size_in_the_zip_directory_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "liar.3mf"
    save_mesh(cube(), path)
    data = bytearray(path.read_bytes())
    # Shrink the declared uncompressed size of 3D/3dmodel.model in its central-directory entry.
    entry = data.rfind(b"PK\x01\x02", 0, data.find(b"3D/3dmodel.model", data.find(b"PK\x01\x02")))
    declared = struct.unpack_from("<I", data, entry + 24)[0]
    struct.pack_into("<I", data, entry + 24, declared // 4)
    path.write_bytes(bytes(data))
    with pytest.raises(MeshFileError, match="3D/3dmodel.model"):
        load_mesh(path)


def test_failed_save_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "keep.stl"
    save_mesh(cube(), path)
    before = path.read_bytes()
    broken = cube()
    broken.vertices[0] = [np.nan, 0, 0]
    with pytest.raises(MeshFileError, match="NaN"):
        save_mesh(broken, path)
    with pytest.raises(MeshFileError, match="Only 3MF files can carry"):
        save_mesh(cube(), path, document_json="{}")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(MeshFileError, match="Cannot write"):
        save_mesh(cube(), blocker / "out.stl")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "keep.stl"]


def test_imported_mesh_takes_part_in_booleans(tmp_path: Path) -> None:
    path = tmp_path / "block.stl"
    save_mesh(cube(20), path)
    node = mesh_node(load_mesh(path).mesh, "block")
    doc = Document("drilled", root=Node("difference", id="root", children=[
        node, Node("cylinder", {"r": 5, "h": 30}, id="drill"),
    ]))
    result = Evaluator(segments=256).mesh(doc)
    assert result.is_watertight
    assert result.volume == pytest.approx(8000 - np.pi * 25 * 20, rel=2e-3)
    assert Document.loads(doc.dumps()).node(node.id).props["face_count"] == 12


def test_long_reads_report_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "sphere.stl"
    save_mesh(trimesh.creation.icosphere(5), path, stl_ascii=True)
    seen: list[float] = []
    load_mesh(path, Task(lambda fraction, _: seen.append(fraction)))
    assert len(seen) >= 3 and seen == sorted(seen) and seen[-1] == 1.0

    task = Task(lambda fraction, _: task.cancel() if 0 < fraction < 1 else None)
    with pytest.raises(CancelledError):
        load_mesh(path, task)


def test_written_files_follow_the_umask_and_keep_an_existing_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "shared.stl"
        save_mesh(cube(), fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # readable by a NAS share or a web server
        fresh.chmod(0o640)
        save_mesh(cube(30), fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o640  # replacing keeps what the owner chose
        os.umask(0o077)
        private = tmp_path / "private.3mf"
        save_mesh(cube(), private)
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_export_converts_a_plain_mesh_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli.main import main

    stl = tmp_path / "out" / "pot1.stl"
    save_mesh(cube(25), stl)
    as_3mf = tmp_path / "pot1.3mf"
    assert main(["export", str(stl), "-o", str(as_3mf)]) == 0
    assert "converted from the mesh" in capsys.readouterr().out
    converted = load_mesh(as_3mf)
    np.testing.assert_allclose(converted.mesh.extents, [25, 25, 25], atol=1e-4)
    assert converted.document_json is None
    assert main(["export", str(tmp_path / "out" / "missing.stl"), "-o", str(as_3mf)]) == 2
    assert "There is no file" in capsys.readouterr().err


def test_a_plate_of_parts_is_one_3mf_object_per_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli.main import main
    from core.geometry.parts import plate_parts
    from core.templates import get_template, load_all

    load_all()
    doc = get_template("box_with_lid").make({"inner_width": 100, "inner_depth": 70, "inner_height": 40})
    parts = plate_parts(doc)
    assert [name for name, _ in parts] == ["Box", "Lid"]
    path = tmp_path / "box.3mf"
    save_mesh(parts, path, document_json=doc.dumps(), name=doc.name)
    with zipfile.ZipFile(path) as archive:
        model = archive.read("3D/3dmodel.model").decode()
    assert model.count("<object ") == 2 and model.count("<item ") == 2
    assert 'name="Box"' in model and 'name="Lid"' in model
    scene = trimesh.load(path)  # a slicer-like reader sees two separate objects
    assert len(scene.geometry) == 2
    whole = load_mesh(path)
    assert whole.mesh.is_watertight and whole.document_json is not None
    assert whole.mesh.volume == pytest.approx(sum(m.volume for _, m in parts), rel=1e-6)
    stl = tmp_path / "box.stl"
    save_mesh(trimesh.Scene({name: mesh for name, mesh in parts}), stl)  # STL joins the parts
    assert load_mesh(stl).mesh.volume == pytest.approx(whole.mesh.volume, rel=1e-6)
    project = tmp_path / "box.json"
    project.write_text(doc.dumps())
    assert main(["export", str(project), "-o", str(tmp_path / "again.3mf")]) == 0
    assert "2 parts: Box, Lid" in capsys.readouterr().out


@pytest.mark.services
def test_prusaslicer_sees_box_and_lid_as_separate_objects(tmp_path: Path) -> None:
    from core.geometry.parts import plate_parts
    from core.templates import get_template, load_all

    slicer = shutil.which("prusa-slicer")
    assert slicer is not None, "prusa-slicer is needed (make test installs the Debian package)"
    load_all()
    path = tmp_path / "box.3mf"
    save_mesh(plate_parts(get_template("box_with_lid").make()), path)
    result = subprocess.run([slicer, "--info", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.findall(r"number_of_parts = +(\d+)", result.stdout) == ["1", "1"], result.stdout  # two objects


@pytest.mark.parametrize(("vertices", "faces", "document", "message"), [
    ([[0, 0, 0], [1, 0, 0], [np.nan, 1, 0]], [[0, 1, 2]], None,
     "The model has NaN or infinite coordinates and cannot be exported."),
    ([[0, 0, 0], [1, 0, 0], [0, 1e39, 0]], [[0, 1, 2]], None,
     "The model has coordinates too large for a mesh file and cannot be exported."),
    ([[0, 0, 0], [1, 0, 0], [0, 1, 0]], np.zeros((0, 3), dtype=int), None,
     "There is nothing to export: the model has no triangles."),
    ([[0, 0, 0], [1, 0, 0], [0, 1, 0]], [[0, 1, 2]], "{}",
     "Only 3MF files can carry the parametric document, not STL."),
], ids=["nan", "too-large", "empty", "document-in-stl"])
def test_an_export_that_cannot_be_made_says_why_and_writes_nothing(tmp_path: Path, vertices: list[list[float]],
                                                                   faces: list[list[int]], document: str | None,
                                                                   message: str) -> None:
    target = tmp_path / "part.stl"
    with pytest.raises(MeshFileError) as refused:
        save_mesh(trimesh.Trimesh(vertices, faces, process=False), target, document)
    assert str(refused.value) == message and not target.exists()


def test_coordinates_up_to_the_32_bit_limit_are_exported(tmp_path: Path) -> None:
    limit = float(np.finfo(np.float32).max)
    save_mesh(trimesh.Trimesh([[0, 0, 0], [limit, 0, 0], [0, limit, 0]], [[0, 1, 2]], process=False),
              tmp_path / "huge.stl")
    assert (tmp_path / "huge.stl").exists()


def test_an_export_is_named_after_its_file_unless_given_a_name_and_says_what_it_writes(tmp_path: Path) -> None:
    box = trimesh.creation.box()
    heard: list[tuple[float, str]] = []
    save_mesh(box, tmp_path / "cup.stl", stl_ascii=True, task=Task(lambda f, m: heard.append((f, m))))
    assert (tmp_path / "cup.stl").read_bytes().startswith(b"solid cup\n")
    assert heard[0] == (0.0, "Writing cup.stl") and heard[-1] == (1.0, "Wrote cup.stl")
    save_mesh(box, tmp_path / "lid.stl", name="Lid \x1b[31m", stl_ascii=True)
    assert (tmp_path / "lid.stl").read_bytes().startswith(b"solid Lid [31m\n")
    save_mesh(box, tmp_path / "pot.3mf")
    with zipfile.ZipFile(tmp_path / "pot.3mf") as package:
        assert b'name="pot"' in package.read("3D/3dmodel.model")
