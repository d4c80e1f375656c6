"""Mesh files built to hang, exhaust memory or smuggle text (issue 16): each is refused or read with a clear
message, and what we write is always a file that other tools read back."""

from __future__ import annotations

import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.cli import check_cmd
from core.cli import main as cli_main
from core.errors import MeshFileError
from core.geometry.meshio import load_mesh, save_mesh

from .test_meshio import write_3mf_package

TRIANGLE = b"v 0 0 0\nv 1 0 0\nv 0 1 0\n"


def obj(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "hostile.obj"
    path.write_bytes(body)
    return path


@pytest.mark.parametrize(("body", "message"), [
    (TRIANGLE + b"f 1 2 100000000000000000000\n", "vertex index 100000000000000000000 is out of range"),
    (TRIANGLE + b"f 1 2 3\nv 1e308 0 0\n", "coordinates too large"),
    (TRIANGLE + b"f " + b"1 2 3 " * 2000 + b"\n", "a face with 6000 corners"),
    (TRIANGLE + b"f 1 2 " + b"3" * (2 << 20) + b"\n", "longer than 1 MB"),
])
def test_hostile_obj_lines_are_refused_with_what_is_wrong(tmp_path: Path, body: bytes, message: str) -> None:
    with pytest.raises(MeshFileError, match=message):
        load_mesh(obj(tmp_path, body))


def test_blank_lines_do_not_cost_memory_and_errors_name_the_real_line(tmp_path: Path) -> None:
    padded = TRIANGLE + b"\n" * 3_000_000 + b"f 1 2 3\n"
    assert len(load_mesh(obj(tmp_path, padded)).mesh.faces) == 1
    with pytest.raises(MeshFileError, match="line 7: 'x' is not an index"):
        load_mesh(obj(tmp_path, b"v 0 0 0\n\n\nv 1 0 0\nv 0 1 0\n\nf 1 2 x\n"))


def test_binary_stl_coordinates_past_32_bits_are_refused_not_infinite(tmp_path: Path) -> None:
    """An OBJ with 1e30 coordinates is a (huge) model; written as a 32-bit STL it stays finite and reads back."""
    path = obj(tmp_path, b"v 0 0 0\nv 1e30 0 0\nv 0 1e30 0\nf 1 2 3\n")
    mesh = load_mesh(path).mesh
    save_mesh(mesh, tmp_path / "big.stl")
    again = load_mesh(tmp_path / "big.stl").mesh
    assert np.isfinite(again.vertices).all() and again.vertices.max() == pytest.approx(1e30, rel=1e-6)
    far = trimesh.Trimesh([[0, 0, 0], [1e300, 0, 0], [0, 1, 0]], [[0, 1, 2]], process=False)
    with pytest.raises(MeshFileError, match="too large for a mesh file"):
        save_mesh(far, tmp_path / "far.stl")
    assert not (tmp_path / "far.stl").exists()


def test_names_with_newlines_and_escape_codes_never_reach_a_file_or_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    box = trimesh.creation.box((10, 10, 10))
    save_mesh(box, tmp_path / "named.obj", name="hook\nv 9 9 9\nf 1 2 3")
    written = (tmp_path / "named.obj").read_text()
    assert "o hook v 9 9 9 f 1 2 3\n" in written and "\nv 9 9 9\n" not in written
    assert len(load_mesh(tmp_path / "named.obj").mesh.vertices) == 8

    ascii_named = b"solid \x1b[31mred\x1b[0m\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n" \
                  b"   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\nendsolid\n"
    (tmp_path / "ascii.stl").write_bytes(ascii_named)
    assert load_mesh(tmp_path / "ascii.stl").name == "[31mred [0m"

    cube = "".join(f'<vertex x="{x}" y="{y}" z="{z}"/>' for x, y, z in [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)])
    faces = [(0, 2, 1), (0, 1, 3), (0, 3, 2), (1, 2, 3)]
    tris = "".join(f"<triangle v1=\"{a}\" v2=\"{b}\" v3=\"{c}\"/>" for a, b, c in faces)
    model = (f'<?xml version="1.0" encoding="UTF-8"?><model unit="millimeter" '
             f'xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"><resources>'
             f'<object id="1" type="model" name="tag&#155;[2J&#10;rm -rf"><mesh><vertices>{cube}</vertices>'
             f'<triangles>{tris}</triangles></mesh></object></resources>'
             f'<build><item objectid="1"/></build></model>')
    write_3mf_package(tmp_path / "named.3mf", model)
    monkeypatch.setattr(cli_main, "_registrations", lambda: [check_cmd.register])
    assert cli_main.main(["check", str(tmp_path / "named.3mf"), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out and json.loads(out)["name"] == "tag [2J rm -rf"


def model_xml(resources: str, build: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><model unit="millimeter" '
            'xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">'
            f"<resources>{resources}</resources><build>{build}</build></model>")


TRIANGLE_OBJECT = ('<object id="1" type="model"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="1" y="0" z="0"/>'
                   '<vertex x="0" y="1" z="0"/></vertices><triangles><triangle v1="0" v2="1" v3="{0}"/></triangles>'
                   "</mesh></object>")


def fan_out(levels: int, width: int) -> str:
    """Objects 2..levels+1 each hold `width` components of the previous one: width**levels copies in a few KB."""
    objects = [TRIANGLE_OBJECT.format(2)]
    for level in range(2, levels + 2):
        refs = "".join(f'<component objectid="{level - 1}"/>' for _ in range(width))
        objects.append(f'<object id="{level}" type="model"><components>{refs}</components></object>')
    return model_xml("".join(objects), f'<item objectid="{levels + 1}"/>')


def test_a_3mf_fanning_one_triangle_out_a_million_times_is_refused(tmp_path: Path) -> None:
    write_3mf_package(tmp_path / "fan.3mf", fan_out(levels=3, width=100))
    with pytest.raises(MeshFileError, match="places more than 100000 copies"):
        load_mesh(tmp_path / "fan.3mf")


def test_a_3mf_with_many_copies_is_placed_whole(tmp_path: Path) -> None:
    """80k copies (under the cap) all arrive, each its own triangle (placement is linear in copies)."""
    write_3mf_package(tmp_path / "plate.3mf", fan_out(levels=2, width=283))
    mesh = load_mesh(tmp_path / "plate.3mf").mesh
    assert len(mesh.faces) == 283 * 283 and mesh.faces.max() == len(mesh.vertices) - 1


def test_a_3mf_index_of_1e20_says_what_is_wrong(tmp_path: Path) -> None:
    write_3mf_package(tmp_path / "index.3mf", model_xml(TRIANGLE_OBJECT.format(10**20), '<item objectid="1"/>'))
    with pytest.raises(MeshFileError, match="vertex index too large"):
        load_mesh(tmp_path / "index.3mf")


def test_an_entity_declaration_in_utf16_is_refused_like_one_in_utf8(tmp_path: Path) -> None:
    """The byte search for '<!ENTITY' missed UTF-16 text (lxml still blocked it; now our check says why)."""
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + model_xml(TRIANGLE_OBJECT.format(2), '<item objectid="1"/>').split("?>", 1)[1])
    path = tmp_path / "utf16.3mf"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("3D/3dmodel.model", xml.encode("utf-16"))
    with pytest.raises(MeshFileError, match="XML entity declarations"):
        load_mesh(path)


def test_a_padded_model_part_is_read_as_a_stream_not_held(tmp_path: Path) -> None:
    """40 MB of model XML (padded so the zip ratio looks harmless) loads without the part being held in memory:
    it was copied whole and then copied again (a 1 GiB part took 2.1 GB)."""
    noise = os.urandom(20 << 20).hex()
    padding = "".join(f"<!-- {noise[i:i + 1000]} -->" for i in range(0, len(noise), 1000))
    xml = model_xml(TRIANGLE_OBJECT.format(2) + padding, '<item objectid="1"/>')
    path = tmp_path / "padded.3mf"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("3D/3dmodel.model", xml)
    del noise, padding, xml
    tracemalloc.start()
    try:
        mesh = load_mesh(path).mesh
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(mesh.faces) == 1
    assert peak < 16 << 20, f"reading the 40 MB part allocated {peak >> 20} MB"


FACET = b" facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\n"


def test_an_ascii_stl_padded_with_millions_of_blank_lines_reads_and_errors_name_the_real_line(tmp_path: Path) -> None:
    """Runs of blanks longer than any layout (200M newlines took 2 GB and 25 s) are skipped, facets after them
    still count, and an error after them names its own line."""
    path = tmp_path / "padded.stl"
    path.write_bytes(b"solid padded\n" + FACET + b"\n" * 3_000_000 + FACET + b"\n" * 10 + b"endsolid padded\n")
    assert len(load_mesh(path).mesh.faces) == 2
    path.write_bytes(b"solid padded\n" + FACET + b"\n" * 3_000_000 + b"garbage\n")
    with pytest.raises(MeshFileError, match="line 3000009 reads 'garbage' where a facet"):
        load_mesh(path)
