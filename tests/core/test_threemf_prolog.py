"""A 3MF model part is searched for a DTD only until its root element begins (searching all of a 0.9 GiB part
cost 2 s): a DTD before the root, however far into the part, is refused by that search; one after it is
not XML, and the parser refuses it. Either way the user gets a clear error, never an expanded entity."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from core.errors import MeshFileError
from core.geometry.meshio import load_mesh
from tests.core.test_meshio import write_3mf_package

OBJECT = ('<object id="1" type="model"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="1" y="0" z="0"/>'
          '<vertex x="0" y="1" z="0"/></vertices><triangles><triangle v1="0" v2="1" v3="2"/></triangles></mesh>'
          "</object>")
DTD = '<!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
PADDING = "<!-- " + random.Random(16).randbytes(3 << 19).hex() + " -->"
"""3 MB of hex (it deflates 2:1, under the bomb ratio): the parser is fed a MB at a time, so what follows is
in a later read than the start of the part."""


def _model(before_root: str = "", inside: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{before_root}<model unit="millimeter" '
            'xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">'
            f'{inside}<resources>{OBJECT}</resources><build><item objectid="1"/></build></model>')


def test_a_dtd_behind_megabytes_of_prolog_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "late_dtd.3mf"
    write_3mf_package(path, _model(before_root=PADDING + DTD))
    with pytest.raises(MeshFileError, match="XML entity declarations"):
        load_mesh(path)


def test_a_dtd_inside_the_model_is_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "inner_dtd.3mf"
    write_3mf_package(path, _model(inside=PADDING + DTD + "<metadata name='Title'>&x;</metadata>"))
    with pytest.raises(MeshFileError, match="the model XML is broken"):
        load_mesh(path)


def test_a_model_padded_past_the_first_read_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "padded.3mf"
    write_3mf_package(path, _model(inside=PADDING))
    assert len(load_mesh(path).mesh.faces) == 1
