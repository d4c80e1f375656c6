"""3MF part names are zip paths written by any tool, Windows ones included: a backslash separates folders there,
so `3D\\..\\..\\x` climbs out of the package just like `3D/../../x` (issue 16: not normalising backslashes went
unnoticed by the tests)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from bench.hostile_corpus import RELS, TRIANGLE, _model
from core.errors import MeshFileError
from core.geometry.meshio import load_mesh


def _package(path: Path, extra_member: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("3D/3dmodel.model", _model(TRIANGLE.format(v3=2)))
        archive.writestr(extra_member, "x")
    return path


@pytest.mark.parametrize("member", ["3D\\..\\..\\evil.model", "Metadata\\..\\..\\..\\etc\\passwd", "\\abs.model",
                                    "/abs.model", "3D/../../evil.model", "C:\\evil.model", "C:evil.model", "C:"])
def test_a_part_name_climbing_out_of_the_package_is_refused(tmp_path: Path, member: str) -> None:
    with pytest.raises(MeshFileError) as caught:
        load_mesh(_package(tmp_path / "climb.3mf", member))
    assert str(caught.value) == f"'climb.3mf' contains an unsafe part name '{member}'; refusing to read it."


@pytest.mark.parametrize("member", ["Metadata\\thumbnail.png", "x", "a..b/c..d.png", "Metadata/C:.png"])
def test_an_ordinary_part_name_is_read(tmp_path: Path, member: str) -> None:
    assert len(load_mesh(_package(tmp_path / "ok.3mf", member)).mesh.faces) == 1


@pytest.mark.parametrize("target", ["C:/evil.model", "C:\\evil.model", "\\..\\..\\evil.model"])
def test_a_relationship_naming_a_part_outside_the_package_is_refused(tmp_path: Path, target: str) -> None:
    """A relationship's target is a part name too: resolved against the package root, what still climbs out
    (a drive, a Windows root) is refused like a member's name, naming the file."""
    path = tmp_path / "target.3mf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", RELS.replace('Target="/3D/3dmodel.model"', f'Target="{target}"'))
        archive.writestr("3D/3dmodel.model", _model(TRIANGLE.format(v3=2)))
    with pytest.raises(MeshFileError) as caught:
        load_mesh(path)
    assert str(caught.value) == f"'target.3mf' contains an unsafe part name '{target}'; refusing to read it."
