"""A 3MF from anywhere, read as a user would meet it: progress that follows the bytes read, every refusal in
whole words naming the file and the part, the limits exact at their edge, parts referenced from several
places read once each, and the XML parser safe on its own should a DTD ever get past the check before it."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest
import trimesh

from core.errors import MeshFileError
from core.geometry import opc, threemf
from core.geometry.meshio import load_mesh, save_mesh
from core.tasks import Task
from tests.core.test_meshio import cube_object, write_3mf_package

NS = f'xmlns="{threemf.CORE_NS}" xmlns:p="{threemf.PRODUCTION_NS}"'


def _model(resources: str, build: str = '<item objectid="1"/>', head: str = "") -> str:
    return f"<model {NS}>{head}<resources>{resources}</resources><build>{build}</build></model>"


def _refusal(path: Path) -> str:
    with pytest.raises(MeshFileError) as caught:
        load_mesh(path)
    return str(caught.value)


def test_progress_follows_the_bytes_of_the_model_read(tmp_path: Path) -> None:
    path = tmp_path / "ball.3mf"
    save_mesh(trimesh.creation.icosphere(6), path)  # 82k triangles: a model part of a few MB
    size = zipfile.ZipFile(path).getinfo(threemf.DEFAULT_MODEL).file_size
    seen: list[tuple[float, str]] = []
    load_mesh(path, Task(lambda fraction, message: seen.append((fraction, message))))
    chunks = -(-size // opc.CHUNK)
    assert chunks >= 3
    expected = [min(0.9, min(k * opc.CHUNK, size) / size) for k in range(1, chunks + 1)]
    assert [f for f, m in seen if m == "Reading 3MF"] == pytest.approx(expected)


def test_a_zip_made_by_a_newer_tool_than_ours_is_named(tmp_path: Path) -> None:
    path = tmp_path / "future.3mf"
    save_mesh(trimesh.creation.box(), path)
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    data[entry + 6] = 255  # "version needed to extract": 25.5
    path.write_bytes(bytes(data))
    assert _refusal(path) == "'future.3mf' is a damaged zip archive (zip file version 25.5)."


def test_the_number_of_parts_is_limited_at_its_edge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opc, "MAX_MEMBERS", 40)
    for count, name in ((40, "edge.3mf"), (41, "over.3mf")):
        write_3mf_package(tmp_path / name, _model(cube_object(1)),
                          {f"Metadata/note{i}.txt": "x" for i in range(count - 3)})  # with the 3 parts of a package
    assert len(load_mesh(tmp_path / "edge.3mf").mesh.faces) == 12
    assert _refusal(tmp_path / "over.3mf") == "'over.3mf' has 41 parts; a 3MF with more than 40 is refused."


def test_the_declared_sizes_of_all_parts_together_are_limited(tmp_path: Path) -> None:
    """Two stored parts of 6 MB each, their directory entries claiming 600 MB each: no part alone looks like a
    bomb (100×), but together they would inflate past the 1 GiB cap, which is refused before any inflating."""
    path = tmp_path / "huge.3mf"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name in ("3D/3dmodel.model", "Metadata/big.bin"):
            archive.writestr(name, os.urandom(6 << 20))
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", data, at + 24, 600_000_000)  # the uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    assert _refusal(path) == "'huge.3mf' would inflate to 1144 MB; the limit is 1024 MB."


def _padded(path: Path, total: int) -> Path:
    """A package whose parts declare `total` bytes together, most of them in a stored part of noise."""
    write_3mf_package(path, _model(cube_object(1)))
    with zipfile.ZipFile(path) as archive:
        used = sum(info.file_size for info in archive.infolist())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("Metadata/padding.bin", os.urandom(total - used))
    return path


def test_the_declared_sizes_together_are_limited_to_the_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opc, "MAX_TOTAL_BYTES", 2 << 20)
    assert len(load_mesh(_padded(tmp_path / "edge.3mf", 2 << 20)).mesh.faces) == 12
    assert _refusal(_padded(tmp_path / "over.3mf", (2 << 20) + 1)) == (
        "'over.3mf' would inflate to 2 MB; the limit is 2 MB.")


def test_only_a_part_over_a_chunk_inflating_past_the_ratio_is_a_bomb(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Blank padding of up to a MB deflates a thousandfold and is read (no more than a chunk is ever inflated at
    once); a byte more and the same ratio is a bomb. A part inflating exactly the limit is not one."""
    for name, size in (("small.3mf", opc.CHUNK), ("bomb.3mf", opc.CHUNK + 1)):
        write_3mf_package(tmp_path / name, _model(cube_object(1)), {"Metadata/blank.txt": " " * size})
    assert len(load_mesh(tmp_path / "small.3mf").mesh.faces) == 12
    info = zipfile.ZipFile(tmp_path / "bomb.3mf").getinfo("Metadata/blank.txt")
    assert info.file_size // info.compress_size > opc.MAX_RATIO
    assert _refusal(tmp_path / "bomb.3mf") == (f"'bomb.3mf': part 'Metadata/blank.txt' inflates "
                                               f"{info.file_size // info.compress_size}× — this looks like a zip "
                                               "bomb, not a model.")
    monkeypatch.setattr(opc, "MAX_RATIO", 1)
    assert len(load_mesh(_padded(tmp_path / "stored.3mf", 2 << 20)).mesh.faces) == 12  # noise, stored: 1×


def test_a_part_declaring_megabytes_from_no_bytes_at_all_is_a_bomb(tmp_path: Path) -> None:
    path = tmp_path / "nothing.3mf"
    write_3mf_package(path, _model(cube_object(1)), {"Metadata/empty.bin": ""})
    data = bytearray(path.read_bytes())
    at = _entry_of(data, b"PK\x01\x02", "Metadata/empty.bin")
    struct.pack_into("<II", data, at + 20, 0, 5 << 20)  # compressed size 0, uncompressed 5 MB
    path.write_bytes(bytes(data))
    assert _refusal(path) == ("'nothing.3mf': part 'Metadata/empty.bin' inflates 5242880× — this looks like a zip "
                              "bomb, not a model.")


@pytest.mark.parametrize(("compression", "message"), [
    ("encrypted", "'locked.3mf': part '3D/3dmodel.model' is encrypted; a 3MF part must open without a password."),
    ("method 99", "'locked.3mf': part '3D/3dmodel.model' is compressed with method 99; "
                  "a 3MF part is stored or deflated."),
])
def test_a_part_we_cannot_inflate_is_named_with_the_reason(compression: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "locked.3mf"
    write_3mf_package(path, _model(cube_object(1)))
    data = bytearray(path.read_bytes())
    for signature, flags, method in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):  # local header, directory
        at = _entry_of(data, signature, "3D/3dmodel.model")
        if compression == "encrypted":
            struct.pack_into("<H", data, at + flags, struct.unpack_from("<H", data, at + flags)[0] | 1)
        else:
            struct.pack_into("<H", data, at + method, 99)
    path.write_bytes(bytes(data))
    assert _refusal(path) == message


def _entry_of(data: bytearray, signature: bytes, name: str) -> int:
    """Where the local header or directory entry of the part `name` starts."""
    name_offset = 30 if signature == b"PK\x03\x04" else 46
    at = data.find(signature)
    while data[at + name_offset:at + name_offset + len(name)] != name.encode():
        at = data.find(signature, at + 4)
    return at


def _lying_about(tmp_path: Path, part: str) -> Path:
    """A package whose directory says `part` is half the size it is: its checksum then fails."""
    path = tmp_path / "liar.3mf"
    write_3mf_package(path, _model(cube_object(1)))
    data = bytearray(path.read_bytes())
    at = _entry_of(data, b"PK\x01\x02", part)
    struct.pack_into("<I", data, at + 24, struct.unpack_from("<I", data, at + 24)[0] // 2)
    path.write_bytes(bytes(data))
    return path


def test_a_part_whose_checksum_fails_is_called_damaged(tmp_path: Path) -> None:
    assert _refusal(_lying_about(tmp_path, "3D/3dmodel.model")) == (
        "'liar.3mf': part '3D/3dmodel.model' is damaged (Bad CRC-32 for file '3D/3dmodel.model').")


def test_damaged_relationships_are_named_as_the_part(tmp_path: Path) -> None:
    assert _refusal(_lying_about(tmp_path, "_rels/.rels")) == (
        "'liar.3mf': part '_rels/.rels' is damaged (Bad CRC-32 for file '_rels/.rels').")


@pytest.mark.parametrize(("damage", "reason"), [
    ("overwritten", "Bad magic number for file header"),
    ("renamed", "File name in directory '3D/3dmodel.model' and header b'4D/3dmodel.model' differ."),
])
def test_a_part_whose_own_header_is_damaged_cannot_be_read(tmp_path: Path, damage: str, reason: str) -> None:
    """The directory points at the part, but what stands there is not its header (overwritten, or naming
    another part): the zip is damaged, and the user is told which part and why."""
    path = tmp_path / "header.3mf"
    write_3mf_package(path, _model(cube_object(1)))
    data = bytearray(path.read_bytes())
    at = _entry_of(data, b"PK\x03\x04", "3D/3dmodel.model")
    if damage == "overwritten":
        data[at:at + 4] = b"PK\x00\x00"
    else:
        data[at + 30] = ord("4")  # the first letter of the name in the part's own header
    path.write_bytes(bytes(data))
    assert _refusal(path) == f"'header.3mf': part '3D/3dmodel.model' cannot be read ({reason})."


def _package(path: Path, rels: str, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{opc.RELS_NS}">{rels}</Relationships>')
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _rel(target: str | None, kind: str | None = threemf.MODEL_REL) -> str:
    return ("<Relationship Id=\"r\"" + (f' Target="{target}"' if target is not None else "")
            + (f' Type="{kind}"' if kind is not None else "") + "/>")


def test_the_first_complete_model_relationship_names_the_start_part(tmp_path: Path) -> None:
    parts = {"3D/a.model": _model(cube_object(1, size=2.0)), "3D/b.model": _model(cube_object(1, size=3.0)),
             threemf.DEFAULT_MODEL: _model(cube_object(1, size=5.0))}
    incomplete = _rel(None) + _rel("/3D/b.model", None)  # no target; no type: neither names the model
    path = _package(tmp_path / "rels.3mf", incomplete + _rel("/3D/a.model") + _rel("/3D/b.model"), parts)
    assert load_mesh(path).mesh.extents == pytest.approx([2, 2, 2])
    path = _package(tmp_path / "none.3mf", incomplete, parts)  # no usable relationship: the default part
    assert load_mesh(path).mesh.extents == pytest.approx([5, 5, 5])


def test_a_relationship_outside_the_packaging_namespace_is_not_one(tmp_path: Path) -> None:
    parts = {"3D/a.model": _model(cube_object(1, size=2.0)), threemf.DEFAULT_MODEL: _model(cube_object(1, size=5.0))}
    foreign = f'<x:Relationship xmlns:x="urn:not-opc" Id="f" Target="/3D/a.model" Type="{threemf.MODEL_REL}"/>'
    path = _package(tmp_path / "foreign.3mf", foreign + _rel(f"/{threemf.DEFAULT_MODEL}"), parts)
    assert load_mesh(path).mesh.extents == pytest.approx([5, 5, 5])


def test_broken_relationships_are_named(tmp_path: Path) -> None:
    path = _package(tmp_path / "rels.3mf", "<Relationship", {threemf.DEFAULT_MODEL: _model(cube_object(1))})
    assert _refusal(path) == "'rels.3mf' has broken XML (error parsing attribute name, line 1, column 98)."


def test_the_design_is_found_through_its_relationship_wherever_it_is(tmp_path: Path) -> None:
    parts = {threemf.DEFAULT_MODEL: _model(cube_object(1)), "Extras/design.json": '{"name": "moved"}'}
    rels = _rel(f"/{threemf.DEFAULT_MODEL}") + _rel("/Extras/design.json", threemf.DOCUMENT_REL)
    assert load_mesh(_package(tmp_path / "moved.3mf", rels, parts)).document_json == '{"name": "moved"}'


def test_a_damaged_design_is_said_in_words_and_the_mesh_stays(tmp_path: Path) -> None:
    write_3mf_package(tmp_path / "d.3mf", _model(cube_object(1)), {threemf.DOCUMENT_PART: "[1, 2]"})
    loaded = load_mesh(tmp_path / "d.3mf")
    assert loaded.document_json is None and len(loaded.mesh.faces) == 12
    assert loaded.warnings == ["The embedded 3D Pot Studio document is damaged; only the mesh was loaded."]


def test_parts_placed_from_several_places_are_each_read(tmp_path: Path) -> None:
    """The start part places objects from two other model parts, one of them twice: each part is read once and
    every placement counts (a reader that stopped at the repeat, or forgot the parts still to read, lost one)."""
    group = ('<object id="1" type="model"><components>'
             '<component p:path="/3D/b.model" objectid="2"/>'
             '<component p:path="/3D/a.model" objectid="3" transform="1 0 0 0 1 0 0 0 1 10 0 0"/>'
             '<component p:path="/3D/a.model" objectid="3" transform="1 0 0 0 1 0 0 0 1 20 0 0"/>'
             "</components></object>")
    parts = {"3D/a.model": _model(cube_object(3), build=""), "3D/b.model": _model(cube_object(2), build="")}
    write_3mf_package(tmp_path / "multi.3mf", _model(group), parts)
    mesh = load_mesh(tmp_path / "multi.3mf").mesh
    assert len(mesh.faces) == 36
    assert mesh.bounds.tolist() == [[0, 0, 0], [21, 1, 1]]


def test_placed_copies_are_limited_at_their_edge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threemf, "MAX_INSTANCES", 6)
    group = '<object id="2"><components>' + '<component objectid="1"/>' * 5 + "</components></object>"
    write_3mf_package(tmp_path / "edge.3mf", _model(cube_object(1) + group, '<item objectid="2"/>'))
    assert len(load_mesh(tmp_path / "edge.3mf").mesh.faces) == 60  # five copies and their group: 6 placements
    write_3mf_package(tmp_path / "over.3mf", _model(cube_object(1) + group, '<item objectid="2"/>' * 2))
    assert _refusal(tmp_path / "over.3mf") == "'over.3mf' places more than 6 copies of its objects (the limit)."


def test_copies_count_their_triangles_against_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threemf, "MAX_TRIANGLES", 100)
    group = '<object id="2"><components>' + '<component objectid="1"/>' * 9 + "</components></object>"
    write_3mf_package(tmp_path / "many.3mf", _model(cube_object(1) + group, '<item objectid="2"/>'))
    assert _refusal(tmp_path / "many.3mf") == "'many.3mf' expands to more than 100 triangles (the limit)."


def test_stray_mesh_elements_outside_any_object_are_not_part_of_the_model(tmp_path: Path) -> None:
    stray = ('<vertex x="99" y="99" z="99"/><triangle v1="-1" v2="0" v3="9"/>'
             '<component objectid="1" transform="1 0 0 0 1 0 0 0 1 50 0 0"/>')
    write_3mf_package(tmp_path / "stray.3mf", _model(stray + cube_object(1) + stray))
    assert load_mesh(tmp_path / "stray.3mf").mesh.bounds.tolist() == [[0, 0, 0], [1, 1, 1]]


def test_objects_typed_other_or_support_are_not_printed(tmp_path: Path) -> None:
    other = cube_object(2, size=9.0).replace('type="model"', 'type="other"')
    write_3mf_package(tmp_path / "o.3mf", _model(cube_object(1) + other, '<item objectid="1"/><item objectid="2"/>'))
    assert load_mesh(tmp_path / "o.3mf").mesh.extents == pytest.approx([1, 1, 1])


def test_an_empty_title_leaves_the_name_to_the_object(tmp_path: Path) -> None:
    named = cube_object(1).replace('<object id="1"', '<object id="1" name="Bracket"')
    write_3mf_package(tmp_path / "t.3mf", _model(named, head='<metadata name="Title"></metadata>'))
    assert load_mesh(tmp_path / "t.3mf").name == "Bracket"


def test_the_parser_alone_neither_expands_entities_nor_nests_without_limit(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: with the DTD check switched off, an entity in the title stays unexpanded, one naming a
    file in the relationships is not fetched, and markup nested past libxml2's safe depth is still broken XML, in
    the model part and in the relationships."""
    monkeypatch.setattr(opc, "refuse_dtd", lambda data, source: None)
    named = cube_object(1).replace('<object id="1"', '<object id="1" name="Plain"')
    model = _model(named, head='<metadata name="Title">&boom;</metadata>')
    write_3mf_package(tmp_path / "e.3mf", '<!DOCTYPE model [<!ENTITY boom "Injected">]>' + model)
    assert load_mesh(tmp_path / "e.3mf").name == "Plain"
    deep = "<x>" * 300 + "</x>" * 300
    write_3mf_package(tmp_path / "deep.3mf", _model(cube_object(1), head=f"<metadata>{deep}</metadata>"))
    assert "Excessive depth in document: 256" in _refusal(tmp_path / "deep.3mf")
    path = _package(tmp_path / "deeprels.3mf", deep, {threemf.DEFAULT_MODEL: _model(cube_object(1))})
    assert "Excessive depth in document: 256" in _refusal(path)
    path = tmp_path / "xxe.3mf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
                         f'<Relationships xmlns="{opc.RELS_NS}"><Relationship Id="r" Target="/3D/3dmodel.model" '
                         f'Type="{threemf.MODEL_REL}">&e;</Relationship></Relationships>')
        archive.writestr(threemf.DEFAULT_MODEL, _model(cube_object(1)))
    assert len(load_mesh(path).mesh.faces) == 12  # the entity neither fetched nor expanded: nothing to refuse


def test_a_part_is_inflated_a_chunk_at_a_time_however_much_is_asked(tmp_path: Path) -> None:
    path = tmp_path / "ball.3mf"
    save_mesh(trimesh.creation.icosphere(6), path)
    with zipfile.ZipFile(path) as archive:
        package = opc.Package(archive, path.name)
        with package.open(threemf.DEFAULT_MODEL) as stream:
            assert stream.read(0) == b""
            assert len(stream.read()) == opc.CHUNK
            assert len(stream.read(10 * opc.CHUNK)) == opc.CHUNK
            assert len(stream.read(-1)) == opc.CHUNK  # "all of it", to io
            assert len(stream.read(5)) == 5
