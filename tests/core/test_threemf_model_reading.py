"""Reading a 3MF model part as the 3MF Core spec defines it (units, objects, build items, support objects) and
refusing a damaged one with a sentence that names the file and what is wrong — never a traceback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.errors import MeshFileError
from core.geometry import threemf
from core.geometry.meshio import load_mesh
from tests.core.test_meshio import cube_object, write_3mf_package


def _model(resources: str, build: str = '<item objectid="1"/>', unit: str | None = "millimeter") -> str:
    unit_attr = f' unit="{unit}"' if unit is not None else ""
    return (f'<model xmlns="{threemf.CORE_NS}"{unit_attr}><resources>{resources}</resources>'
            f"<build>{build}</build></model>")


def _read(tmp_path: Path, model_xml: str, name: str = "part.3mf") -> np.ndarray:
    path = tmp_path / name
    write_3mf_package(path, model_xml)
    return np.asarray(load_mesh(path).mesh.extents)


@pytest.mark.parametrize(("unit", "mm"), [
    (None, 1.0),  # no unit attribute: millimetres, the spec's default
    ("micron", 0.001), ("millimeter", 1.0), ("centimeter", 10.0), ("inch", 25.4), ("foot", 304.8), ("meter", 1000.0),
])
def test_each_unit_of_the_spec_scales_the_model(unit: str | None, mm: float, tmp_path: Path) -> None:
    assert _read(tmp_path, _model(cube_object(1, size=2.0), unit=unit)) == pytest.approx([2 * mm] * 3)


def test_build_items_place_their_objects_in_the_files_unit(tmp_path: Path) -> None:
    build = '<item objectid="1"/><item objectid="1" transform="1 0 0 0 1 0 0 0 1 3 0 0"/>'
    assert _read(tmp_path, _model(cube_object(1), build, unit="centimeter")) == pytest.approx([40, 10, 10])


def test_support_and_other_objects_are_not_printed_parts(tmp_path: Path) -> None:
    support = cube_object(2, size=9.0).replace('type="model"', 'type="support"')
    build = '<item objectid="1"/><item objectid="2"/>'
    with pytest.raises(MeshFileError):  # the support has no triangles to print: only the model's cube counts
        _read(tmp_path, _model(support, '<item objectid="2"/>'))
    assert _read(tmp_path, _model(cube_object(1) + support, build)) == pytest.approx([1, 1, 1])


_VERTICES = '<vertex x="0" y="0" z="0"/>\n<vertex x="1" y="0" z="0"/>\n<vertex x="0" y="1" z="0"/>\n'


def _one_triangle(vertices: str = _VERTICES, triangle: str = '<triangle v1="0" v2="1" v3="2"/>',
                  transform: str = "") -> str:
    """One triangle, its vertices on lines 1-3 and the triangle on line 4."""
    item = f'<item objectid="1"{transform}/>'
    return _model(f'<object id="1" type="model"><mesh><vertices>{vertices}</vertices>'
                  f"<triangles>{triangle}</triangles></mesh></object>", item)


@pytest.mark.parametrize(("model_xml", "message"), [
    (_one_triangle(vertices=_VERTICES.replace('<vertex x="1" y="0"', '<vertex x="1"')),
     "'part.3mf', line 2: a <vertex> has no 'y'."),
    (_one_triangle(vertices=_VERTICES.replace('x="1"', 'x="one"')),
     "'part.3mf', line 2: <vertex> x=\"one\" is not a number."),
    (_one_triangle(vertices=_VERTICES.replace('z="0"/>\n<vertex x="0" y="1"', 'z=""/>\n<vertex x="0" y="1"')),
     "'part.3mf', line 2: <vertex> z=\"\" is not a number."),
    (_one_triangle(vertices=_VERTICES.replace('<vertex x="0" y="1" z="0"/>', '<vertex y="1" z="0"/>')),
     "'part.3mf', line 3: a <vertex> has no 'x'."),
    (_one_triangle(triangle='<triangle v1="0" v2="1"/>'), "'part.3mf', line 4: a <triangle> has no 'v3'."),
    (_one_triangle(triangle='<triangle v2="1" v3="2"/>'), "'part.3mf', line 4: a <triangle> has no 'v1'."),
    (_one_triangle(vertices=_VERTICES.replace('x="1"', 'x="&#x202E;[2J' + "9" * 50 + '"')),
     "'part.3mf', line 2: <vertex> x=\"?[2J" + "9" * 36 + "\" is not a number."),
    (_one_triangle(triangle='<triangle v1="0" v2="1.5" v3="2"/>'),
     "'part.3mf', line 4: <triangle> v2=\"1.5\" is not a vertex index."),
    (_one_triangle(triangle='<triangle v1="0" v2="-1" v3="2"/>'),
     "'part.3mf': object '1' has triangles that refer to vertices it does not have (3 vertices)."),
    (_one_triangle(triangle='<triangle v1="0" v2="1" v3="100000000000000000000"/>'),
     "'part.3mf', line 4: a triangle refers to a vertex index too large to exist."),
    (_one_triangle(transform=' transform="1 0 0 0 1 0 0 0 1 0 0"'),
     "'part.3mf', line 4: the transform of a <item> is not 12 finite numbers."),
    (_one_triangle(transform=' transform="1 0 0 0 1 0 0 0 1 0 0 nan"'),
     "'part.3mf', line 4: the transform of a <item> is not 12 finite numbers."),
    (_one_triangle(transform=' transform="1 0 0 0 1 0 0 0 1 0 0 x"'),
     "'part.3mf', line 4: the transform of a <item> is not 12 finite numbers."),
    (_model(cube_object(1).replace(' id="1"', "")), "'part.3mf', line 1: a <object> has no 'id'."),
    (_model(cube_object(1), "<item/>"), "'part.3mf', line 1: a <item> has no 'objectid'."),
    (_model(cube_object(1) + '<object id="2"><components><component/></components></object>',
            '<item objectid="2"/>'), "'part.3mf', line 1: a <component> has no 'objectid'."),
    (_model(cube_object(1) + '<object id="2"><components><component objectid="1" transform="1 0 0"/></components>'
            "</object>", '<item objectid="2"/>'),
     "'part.3mf', line 1: the transform of a <component> is not 12 finite numbers."),
    (_model(cube_object(1), '<item objectid="7"/>'), "'part.3mf' refers to object '7' that it does not define."),
    (_model(cube_object(1), unit="furlong"), "'part.3mf' uses an unknown unit 'furlong'."),
    (_model(cube_object(1)).replace("<model ", "<modle ").replace("</model>", "</modle>"),
     "'part.3mf': part '3D/3dmodel.model' is not a 3MF model (its root element is not <model>)."),
    (_model(cube_object(1)).replace("</build>", "</buidl>"),
     "'part.3mf': the model XML is broken (Opening and ending tag mismatch: build line 1 and buidl, "
     "line 1, column 892)."),
    (_model('<object id="1"><mesh><vertices/><triangles/></mesh></object>'), "'part.3mf' contains no triangles."),
])
def test_a_damaged_model_is_refused_in_words(model_xml: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(MeshFileError) as caught:
        _read(tmp_path, model_xml)
    assert str(caught.value) == message


def test_a_processing_instruction_before_the_model_is_read_past(tmp_path: Path) -> None:
    """Found by the fuzzer: a document-level sibling of the root (here a stray processing instruction) made
    dropping the root's finished siblings fail with a TypeError."""
    assert _read(tmp_path, '<?x version="1.0"?>' + _model(cube_object(1))) == pytest.approx([1, 1, 1])


def test_the_triangle_limits_count_every_triangle_and_every_placed_copy(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser stops past the limit of triangles read; the placement check then counts each placed copy as one
    more, so a 12-triangle cube placed once needs a limit of 13."""
    monkeypatch.setattr(threemf, "MAX_TRIANGLES", 13)
    assert _read(tmp_path, _model(cube_object(1))) == pytest.approx([1, 1, 1])
    with pytest.raises(MeshFileError) as caught:
        _read(tmp_path, _model(cube_object(1) + cube_object(2), '<item objectid="1"/><item objectid="2"/>'),
              name="two.3mf")
    assert str(caught.value) == "'two.3mf' has more than 13 triangles (the limit)."
    monkeypatch.setattr(threemf, "MAX_TRIANGLES", 12)  # all 12 read, but placed it is 13
    with pytest.raises(MeshFileError) as caught:
        _read(tmp_path, _model(cube_object(1)), name="one.3mf")
    assert str(caught.value) == "'one.3mf' expands to more than 12 triangles (the limit)."


def test_a_named_object_names_the_model_and_an_unnamed_one_takes_the_files_name(tmp_path: Path) -> None:
    named = cube_object(1).replace('<object id="1"', '<object id="1" name="Bracket"')
    write_3mf_package(tmp_path / "a.3mf", _model(named))
    write_3mf_package(tmp_path / "b.3mf", _model(cube_object(1)))
    assert (load_mesh(tmp_path / "a.3mf").name, load_mesh(tmp_path / "b.3mf").name) == ("Bracket", "b")
