"""Real slicing with PrusaSlicer: the G-code matches the model, the Bambu package is what printers expect."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import trimesh

from core.errors import CancelledError
from core.tasks import Task
from printers.base import PrinterConfig
from printers.drivers.bambu.project import inspect_project
from printers.errors import SlicerNotFoundError, SlicingError
from printers.slicing import SliceProfile, find_slicers, slice_for_printer, slice_mesh

pytestmark = pytest.mark.services


@pytest.fixture(scope="module")
def box() -> trimesh.Trimesh:
    return trimesh.creation.box(extents=(20, 20, 10))


def test_prusaslicer_gcode_extents_match_the_model(box: trimesh.Trimesh, tmp_path: Path) -> None:
    assert any(s.kind == "prusaslicer" for s in find_slicers()), "prusa-slicer missing: run `make test`"
    result = slice_mesh(box, SliceProfile("bambu_x1c", bed=(256, 256, 250)), tmp_path / "box.gcode")
    (x0, y0, z0), (x1, y1, z1) = result.extents
    # Perimeters are laid inside the outline by half an extrusion width (~0.2 mm).
    assert x1 - x0 == pytest.approx(20, abs=0.6) and y1 - y0 == pytest.approx(20, abs=0.6)
    assert (x0 + x1) / 2 == pytest.approx(128, abs=0.5) and (y0 + y1) / 2 == pytest.approx(128, abs=0.5)
    assert z0 == pytest.approx(0.2, abs=0.01) and z1 == pytest.approx(10, abs=0.01)
    assert result.layers == 50
    assert result.print_seconds > 0 and result.filament_g and result.filament_g > 0
    text = result.gcode.read_text()
    assert "M104 S220" in text and "M140 S60" in text  # PLA profile's first-layer temperatures


def test_bambu_printer_gets_a_gcode_3mf_with_plate_and_md5(box: trimesh.Trimesh, tmp_path: Path) -> None:
    config = PrinterConfig(name="p1s", kind="bambu", serial="X", model="P1S", bed=(256, 256, 256), material="PETG")
    path = slice_for_printer(box, config, tmp_path, name="box")
    assert path.name == "box.gcode.3mf"
    info = inspect_project(path)
    assert info.filament_count == 1
    with zipfile.ZipFile(path) as zf:
        assert {"Metadata/plate_1.gcode", "Metadata/plate_1.gcode.md5", "3D/3dmodel.model",
                "[Content_Types].xml", "Metadata/slice_info.config"} <= set(zf.namelist())
        assert b"M104 S245" in zf.read("Metadata/plate_1.gcode")  # PETG temperatures reached the slicer
        assert b'value="50"' in zf.read("Metadata/slice_info.config")  # layer count


def test_too_big_model_and_missing_slicer_are_explained(box: trimesh.Trimesh, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SlicingError, match="does not fit the 180×180×180 mm"):
        slice_mesh(trimesh.creation.box(extents=(200, 20, 10)), SliceProfile("bambu_a1mini", bed=(180, 180, 180)),
                   tmp_path / "big.gcode")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SlicerNotFoundError, match="apt install prusa-slicer"):
        slice_mesh(box, SliceProfile("bambu_x1c"), tmp_path / "x.gcode")
    assert not (tmp_path / "x.gcode").exists()


def test_cancel_kills_the_slicer(tmp_path: Path) -> None:
    sphere = trimesh.creation.icosphere(subdivisions=5, radius=60)
    task = Task()
    task.cancel()
    with pytest.raises(CancelledError):
        slice_mesh(sphere, SliceProfile("bambu_x1c"), tmp_path / "s.gcode", task)


def test_slicing_a_template_from_the_library_matches_its_mesh(tmp_path: Path) -> None:
    from core.geometry.build import Evaluator
    from core.templates.registry import load_all

    mesh = Evaluator().mesh(load_all()["coaster"].make())
    result = slice_mesh(mesh, SliceProfile("klipper_generic", bed=(300, 300, 300)), tmp_path / "coaster.gcode")
    (x0, y0, _z0), (x1, y1, z1) = result.extents
    width, depth, height = mesh.extents
    assert x1 - x0 == pytest.approx(width, abs=0.6) and y1 - y0 == pytest.approx(depth, abs=0.6)
    assert z1 == pytest.approx(height, abs=0.2)
    assert "PRINT_START BED=60 HOTEND=220" in result.gcode.read_text()
