"""The 3MF package as the specifications define it (OPC parts, content types, relationships: 3MF Core spec §2 and
ECMA-376 part 2), both ways: what we write is what a strict reader expects, and what we read follows the
package's own relationships — with each refusal in whole words naming the file."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh
from lxml import etree

from core.errors import MeshFileError
from core.geometry import opc, threemf
from core.geometry.meshio import load_mesh, save_mesh
from core.tasks import Task
from tests.core.test_meshio import cube_object, write_3mf_package

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
SPEC_TYPES = {  # ECMA-376 part 2 and 3MF Core spec §2.1
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "model": "application/vnd.ms-package.3dmanufacturing-3dmodel+xml",
}


def _written(tmp_path: Path, name: str = "", document: str | None = None) -> zipfile.ZipFile:
    parts = [("Pot", trimesh.creation.box(extents=(10, 10, 10))), ("Saucer", trimesh.creation.cylinder(8, 2))]
    target = tmp_path / "pair.3mf"
    save_mesh(parts, target, document_json=document, name=name)
    return zipfile.ZipFile(io.BytesIO(target.read_bytes()))


def test_content_types_declare_each_part_type_as_the_spec_names_it(tmp_path: Path) -> None:
    root = etree.fromstring(_written(tmp_path, document="{}").read("[Content_Types].xml"))
    assert root.tag == f"{{{CT_NS}}}Types"
    defaults = {d.get("Extension"): d.get("ContentType") for d in root.iter(f"{{{CT_NS}}}Default")}
    assert defaults == {**SPEC_TYPES, "json": "application/json"}  # the design travels as JSON (RFC 8259)


def test_the_package_relationship_points_at_the_model_and_the_design(tmp_path: Path) -> None:
    archive = _written(tmp_path, document='{"format": "potstudio"}')
    root = etree.fromstring(archive.read("_rels/.rels"))
    targets = {r.get("Type"): r.get("Target") for r in root.iter(f"{{{opc.RELS_NS}}}Relationship")}
    assert targets[threemf.MODEL_REL] == "/3D/3dmodel.model"
    assert targets[threemf.DOCUMENT_REL] == f"/{threemf.DOCUMENT_PART}"
    assert archive.read(threemf.DOCUMENT_PART) == b'{"format": "potstudio"}'


def test_the_model_names_its_objects_and_the_title(tmp_path: Path) -> None:
    model = etree.fromstring(_written(tmp_path, name="Planter").read("3D/3dmodel.model"))
    ns = {"m": threemf.CORE_NS}
    assert model.get("unit") == "millimeter"
    assert model.xpath("m:metadata[@name='Title']/text()", namespaces=ns) == ["Planter"]
    assert model.xpath("m:resources/m:object/@name", namespaces=ns) == ["Pot", "Saucer"]
    assert model.xpath("m:build/m:item/@objectid", namespaces=ns) == ["1", "2"]


def test_an_untitled_model_is_called_model(tmp_path: Path) -> None:
    data = threemf.write_3mf([threemf.Part("", *_arrays())], "", None, Task())
    model = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("3D/3dmodel.model"))
    ns = {"m": threemf.CORE_NS}
    assert model.xpath("m:metadata[@name='Title']/text()", namespaces=ns) == ["model"]
    assert model.xpath("m:resources/m:object/@name", namespaces=ns) == ["model"]


def _arrays() -> tuple[np.ndarray, np.ndarray]:
    box = trimesh.creation.box(extents=(4, 4, 4))
    return box.vertices, box.faces


def test_writing_reports_steady_progress_up_to_the_final_step(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    parts = [(f"p{i}", trimesh.creation.icosphere(subdivisions=4)) for i in range(3)]
    save_mesh(parts, tmp_path / "many.3mf", task=Task(lambda f, m: seen.append((f, str(m)))))
    writing = [f for f, m in seen if m == "Writing 3MF"]
    assert len(writing) >= 3 and writing == sorted(writing)
    assert writing[0] > 0 and abs(writing[-1] - 0.8) < 1e-9  # the rows are 80 % of the work; reading back the rest
    assert seen[-1] == (1.0, "Wrote many.3mf")


def test_the_start_part_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    """A producer may put the model anywhere; _rels/.rels says where (3MF Core §2.1.1)."""
    path = tmp_path / "elsewhere.3mf"
    model = (f'<model xmlns="{threemf.CORE_NS}"><resources>{cube_object(1)}</resources>'
             '<build><item objectid="1"/></build></model>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{opc.RELS_NS}">'
                         f'<Relationship Target="/3D/Objects/main.model" Id="r0" Type="{threemf.MODEL_REL}"/>'
                         "</Relationships>")
        archive.writestr("3D/Objects/main.model", model)
    assert len(load_mesh(path).mesh.faces) == 12


@pytest.mark.parametrize(("build", "message"), [
    ('<item objectid="7"/>', "'ghost.3mf' refers to object '7' that it does not define."),
    ('<item objectid="1"/><item objectid="x"/>', "'ghost.3mf' refers to object 'x' that it does not define."),
])
def test_a_reference_to_an_object_that_is_not_there_is_named(build: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "ghost.3mf"
    write_3mf_package(path, f'<model xmlns="{threemf.CORE_NS}"><resources>{cube_object(1)}</resources>'
                      f"<build>{build}</build></model>")
    with pytest.raises(MeshFileError) as caught:
        load_mesh(path)
    assert str(caught.value) == message


def test_a_package_without_its_model_part_says_which_part_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "hollow.3mf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Metadata/thumbnail.png", b"\x89PNG")
    with pytest.raises(MeshFileError) as caught:
        load_mesh(path)
    assert str(caught.value) == "'hollow.3mf' is not a 3MF model: it has no '3D/3dmodel.model' part."


def _stray_text(root: etree._Element) -> list[str]:
    """Text outside the elements that carry it (metadata values): 3MF parts are markup, not mixed content."""
    found: list[str] = []
    for e in root.iter():
        own = None if str(e.tag).endswith("metadata") else e.text
        found += [t for t in (own, e.tail) if t and t.strip()]
    return found


def test_every_part_is_markup_without_stray_text_and_deflated(tmp_path: Path) -> None:
    archive = _written(tmp_path, name="Planter", document='{"format": "potstudio"}')
    for part in ("[Content_Types].xml", "_rels/.rels", "3D/3dmodel.model"):
        assert _stray_text(etree.fromstring(archive.read(part))) == [], part
    assert {i.filename: i.compress_type for i in archive.infolist()} == dict.fromkeys(
        ["[Content_Types].xml", "_rels/.rels", "3D/3dmodel.model", threemf.DOCUMENT_PART], zipfile.ZIP_DEFLATED)
    model = etree.fromstring(archive.read("3D/3dmodel.model"))
    ns = {"m": threemf.CORE_NS}
    assert model.xpath("m:metadata[@name='Application']/text()", namespaces=ns) == ["3D Pot Studio"]


@pytest.mark.parametrize(("target", "part"), [
    ("3D/Objects/main.model", "3D/Objects/main.model"), ("/3D//Objects/./main.model", "3D/Objects/main.model"),
    ("/3D/Other/../Objects/main.model", "3D/Objects/main.model"), ("/XYZ/main.model", "XYZ/main.model"),
])
def test_a_relationship_target_is_read_as_a_normalised_part_name(target: str, part: str, tmp_path: Path) -> None:
    path = tmp_path / "t.3mf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{opc.RELS_NS}">'
                         f'<Relationship Target="{target}" Id="r0" Type="{threemf.MODEL_REL}"/></Relationships>')
        archive.writestr(part, f'<model xmlns="{threemf.CORE_NS}"><resources>{cube_object(1)}'
                         '</resources><build><item objectid="1"/></build></model>')
    assert len(load_mesh(path).mesh.faces) == 12


def test_a_design_of_megabytes_comes_back_whole(tmp_path: Path) -> None:
    """Our document is read a chunk (a MB) at a time and joined: nothing may be lost or added between chunks."""
    design = json.dumps({"format": "potstudio", "notes": os.urandom(3 << 19).hex()})  # 3 MB; deflates only 2:1
    path = tmp_path / "big.3mf"
    save_mesh(trimesh.creation.box(), path, document_json=design)
    assert load_mesh(path).document_json == design


def test_a_small_part_is_read_up_to_its_limit_and_refused_past_it(tmp_path: Path) -> None:
    """Relationships and our design are read whole, so each is bounded (64 MB in use; 1 MB here)."""
    for name, size in (("fits.3mf", 1 << 20), ("over.3mf", (1 << 20) + 1)):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:  # stored: no inflation ratio to trip first
            archive.writestr("_rels/.rels", b" " * size)
    with zipfile.ZipFile(tmp_path / "fits.3mf") as archive:
        assert len(opc.Package(archive, "fits.3mf").read("_rels/.rels", limit=1 << 20)) == 1 << 20
    with zipfile.ZipFile(tmp_path / "over.3mf") as archive, pytest.raises(MeshFileError) as caught:
        opc.Package(archive, "over.3mf").read("_rels/.rels", limit=1 << 20)
    assert str(caught.value) == "'over.3mf': part '_rels/.rels' is over 1 MB."
