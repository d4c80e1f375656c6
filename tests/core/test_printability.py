"""Printability report on meshes with known answers, and the `potstudio check` command."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest
import trimesh

from core.cli import check_cmd
from core.cli import main as cli_main
from core.document import Document, Node
from core.errors import GeometryError
from core.geometry.build import Evaluator
from core.geometry.meshio import save_mesh
from core.geometry.printability import analyse, overhang_faces
from core.materials import UnknownMaterialError, get_material

Cli = Callable[[Sequence[str] | None], int]


def build(*children: Node, op: str = "union", segments: int = 64) -> trimesh.Trimesh:
    return Evaluator(segments=segments).mesh(Document(root=Node(op, id="root", children=list(children))))


def box(x: float, y: float, z: float, at: tuple[float, float, float] = (0, 0, 0)) -> Node:
    return Node("transform", {"translate": list(at)}, children=[Node("box", {"size": [x, y, z]})])


def hollow_box(outer: float, wall: float) -> trimesh.Trimesh:
    """A closed box with a sealed cavity: every wall, floor and lid is `wall` thick."""
    inner = outer - 2 * wall
    return build(box(outer, outer, outer), box(inner, inner, inner, at=(0, 0, wall)), op="difference")


def test_a_20mm_cube_has_known_volume_walls_and_no_overhang() -> None:
    report = analyse(build(box(20, 20, 20)), bed=(256, 256, 256))
    assert report.watertight and report.bodies == 1
    assert report.volume_mm3 == pytest.approx(8000)
    assert report.bbox_mm == pytest.approx((20, 20, 20))
    assert report.min_wall_mm is not None and report.min_wall_mm >= 20 - 1e-3
    assert report.overhang_area_mm2 == 0
    assert report.fits and report.fits_rotated
    assert report.warnings == []


def test_hollow_box_wall_estimate_matches_the_wall() -> None:
    report = analyse(hollow_box(30, 1.0))
    assert report.bodies == 1  # the cavity's inner surface is not a second piece
    assert report.volume_mm3 == pytest.approx(30**3 - 28**3)
    assert report.min_wall_mm == pytest.approx(1.0, abs=0.02)
    assert not any("thinner" in w for w in report.warnings)

    thin = analyse(hollow_box(30, 0.5))
    assert thin.min_wall_mm == pytest.approx(0.5, abs=0.02)
    assert thin.thin_wall_share > 0.9
    assert any("thinner than 0.8 mm" in w for w in thin.warnings)


def test_t_shape_overhang_is_the_underside_of_the_bar() -> None:
    t_shape = build(box(10, 10, 20), box(30, 10, 5, at=(0, 0, 20)))
    report = analyse(t_shape)
    assert report.overhang_area_mm2 == pytest.approx(30 * 10 - 10 * 10)
    assert any("200 mm² overhangs more than 45°" in w for w in report.warnings)


def test_overhang_follows_the_angle_of_the_surface() -> None:
    # Frustums widening upwards: 10 mm of extra radius over 20 mm height leans 26.6° (printable),
    # over 5 mm it leans 63.4° past vertical and the whole side overhangs.
    gentle = analyse(build(Node("cylinder", {"h": 20, "r1": 5, "r2": 15}), segments=256))
    steep = analyse(build(Node("cylinder", {"h": 5, "r1": 5, "r2": 15}), segments=256))
    assert gentle.overhang_area_mm2 == 0
    assert steep.overhang_area_mm2 == pytest.approx(math.pi * (5 + 15) * math.hypot(10, 5), rel=2e-3)
    assert analyse(build(Node("cylinder", {"h": 5, "r1": 5, "r2": 15}), segments=256),
                   overhang_angle=70).overhang_area_mm2 == 0


def test_build_volume_fit_and_rotation() -> None:
    big = analyse(build(box(300, 300, 300)), bed=(256, 256, 256))
    assert big.fits is False and big.fits_rotated is False
    assert any("does not fit the 256 × 256 × 256 mm" in w for w in big.warnings)
    long = analyse(build(box(300, 200, 100)), bed=(256, 310, 256))
    assert long.fits is False and long.fits_rotated is True
    assert any("fits if rotated 90°" in w for w in long.warnings)
    assert analyse(build(box(300, 200, 100))).fits is None


def test_filament_weight_length_cost_and_time_follow_the_documented_model() -> None:
    cube = build(box(20, 20, 20))
    solid = analyse(cube, infill=1.0)
    assert solid.filament_g == pytest.approx(8.0 * 1.24)  # 8 cm³ of PLA at 1.24 g/cm³
    # 15 % infill: a 0.8 mm shell under the 2400 mm² surface (1920 mm³) + 15 % of the remaining 6080 mm³.
    sparse = analyse(cube, infill=0.15)
    extruded = 1920 + 0.15 * 6080
    assert sparse.filament_g == pytest.approx(extruded / 1000 * 1.24)
    assert sparse.filament_m == pytest.approx(extruded / (math.pi * 0.875**2) / 1000)
    assert sparse.cost == pytest.approx(extruded / 1000 * 1.24 / 1000 * 20.0)
    assert sparse.print_time_s == pytest.approx(extruded / (60 * 0.45 * 0.2) + 100 * 2.0)
    abs_report = analyse(cube, material="abs", infill=1.0)
    assert abs_report.material == "ABS" and abs_report.filament_g == pytest.approx(8.0 * 1.04)
    assert analyse(cube, material="TPU").print_time_s > sparse.print_time_s  # TPU prints slowly


def test_open_and_multi_body_meshes_are_flagged() -> None:
    cube = build(box(10, 10, 10))
    open_mesh = trimesh.Trimesh(cube.vertices, cube.faces[1:], process=False)
    report = analyse(open_mesh)
    assert not report.watertight
    assert any("not watertight" in w for w in report.warnings)
    pair = analyse(build(box(10, 10, 10), box(10, 10, 10, at=(30, 0, 0))))
    assert pair.bodies == 2 and pair.volume_mm3 == pytest.approx(2000)
    assert any("2 separate pieces" in w for w in pair.warnings)


def test_bad_inputs_are_refused_with_a_reason() -> None:
    cube = build(box(10, 10, 10))
    with pytest.raises(UnknownMaterialError, match="choose one of PLA, PETG, ABS, TPU"):
        analyse(cube, material="wood")
    with pytest.raises(GeometryError, match="Infill must be between"):
        analyse(cube, infill=1.5)
    with pytest.raises(GeometryError, match="build volume must be positive"):
        analyse(cube, bed=(0, 100, 100))
    assert get_material("petg").density_g_cm3 == pytest.approx(1.27)


def test_report_is_json() -> None:
    data = json.loads(json.dumps(analyse(build(box(20, 20, 20)), bed=(200, 200, 200)).to_json()))
    assert data["volume_mm3"] == pytest.approx(8000) and data["bed_mm"] == [200, 200, 200]
    assert data["material"] == "PLA" and data["currency"] == "USD" and data["warnings"] == []


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Cli:
    """The real `potstudio` entry point with only the check command registered (the lead wires it in)."""
    monkeypatch.setattr(cli_main, "_registrations", lambda: [check_cmd.register])
    return cli_main.main


def test_check_prints_one_json_object(tmp_path: Path, cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pot.3mf"
    save_mesh(build(box(20, 20, 20)), path, document_json="{}", name="Pot")
    assert cli(["check", str(path), "--bed", "256", "256", "256", "--material", "petg", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "Pot" and data["has_document"] is True and data["triangles"] == 12
    assert data["volume_mm3"] == pytest.approx(8000) and data["fits"] is True
    assert data["material"] == "PETG" and data["filament_g"] == pytest.approx(2.832 * 1.27)


def test_check_prints_a_readable_report(tmp_path: Path, cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.stl"
    save_mesh(build(box(300, 20, 20)), path)
    assert cli(["check", str(path), "--bed", "256", "256", "256"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^Size: +300\.00 × 20\.00 × 20\.00 mm$", out, re.M)
    assert re.search(r"^Fits 256×256×256: +NO$", out, re.M)
    values = [line.index(line.split(":", 1)[1].strip()) for line in out.splitlines()[1:] if ":" in line
              and not line.startswith("Warning")]
    assert len(set(values)) == 1, "every value starts in the same column"
    assert "Warning: It does not fit the 256 × 256 × 256 mm build volume." in out


def test_check_exits_2_on_a_broken_file(tmp_path: Path, cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.stl"
    save_mesh(build(box(20, 20, 20)), path)
    path.write_bytes(path.read_bytes()[:200])
    assert cli(["check", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error: 'cut.stl' declares 12 triangles (684 bytes) but has only 200 bytes" in captured.err


def test_thin_wall_warning_quotes_the_thin_walls_it_counts() -> None:
    # A thick block carrying one 0.5 mm fin: the fin is a small share of the surface, so the p5
    # thickness stays thick, yet the warning must quote the fin's thickness, not the block's.
    mesh = build(box(60, 60, 20), box(0.5, 15, 12, at=(0, 0, 20)))
    report = analyse(mesh)
    assert report.min_wall_mm is not None and report.min_wall_mm > 0.8
    assert report.thin_wall_share >= 0.02
    warning = next(w for w in report.warnings if "thinner than 0.8 mm" in w)
    assert report.thin_wall_mm == pytest.approx(0.5, abs=0.05)
    assert "about 0.50 mm" in warning


def test_parts_that_fit_separately_are_reported_as_such() -> None:
    plate = build(box(150, 100, 40, at=(-85, 0, 0)), box(150, 100, 5, at=(85, 0, 0)), op="group")
    report = analyse(plate, bed=(256, 256, 256))
    assert report.bodies == 2 and not report.fits and not report.fits_rotated
    assert report.parts_fit is True
    assert sorted(report.part_sizes_mm)[0] == pytest.approx((150, 100, 5))
    assert any("arranged separately" in w for w in report.warnings)
    assert "when the parts are arranged separately" in report.to_text()
    assert analyse(plate, bed=(120, 120, 120)).parts_fit is False


def test_overhang_faces_are_the_faces_the_area_sums() -> None:
    t_shape = build(box(10, 10, 20), box(30, 10, 5, at=(0, 0, 20)))
    faces = overhang_faces(t_shape)
    assert len(faces) > 0 and np.all(t_shape.face_normals[faces][:, 2] < -0.7)  # only the bar's underside
    assert float(t_shape.area_faces[faces].sum()) == pytest.approx(analyse(t_shape).overhang_area_mm2)
    assert len(overhang_faces(build(box(10, 10, 20)))) == 0  # a box's bottom lies on the bed


def test_check_of_an_stl_of_20k_separate_pieces_reports_each_piece(
    tmp_path: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hostile STL of many small tetrahedra (issue 16: 100k of them hung `check`, one mesh split per piece):
    `check` answers with every piece counted and the biggest piece's size first."""
    n = 20_000
    corners = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], float)
    faces = np.array([[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]])
    scale = np.ones(n)
    scale[7] = 3.0  # one piece three times as big, somewhere in the middle of the file
    offsets = np.stack([np.arange(n) % 200 * 4.0, np.arange(n) // 200 * 4.0, np.zeros(n)], axis=1)
    vertices = (corners[None] * scale[:, None, None] + offsets[:, None]).reshape(-1, 3)
    mesh = trimesh.Trimesh(vertices, (faces[None] + 4 * np.arange(n)[:, None, None]).reshape(-1, 3), process=False)
    path = tmp_path / "swarm.stl"
    mesh.export(path)
    assert cli(["check", str(path), "--json", "--bed", "1000", "1000", "100"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bodies"] == n
    sizes = data["part_sizes_mm"]
    assert len(sizes) == n and sizes[0] == pytest.approx([3, 3, 3]) and sizes[-1] == pytest.approx([1, 1, 1])


@pytest.mark.parametrize(("args", "message"), [
    (["--bed", "nan", "200", "200"], "'nan' is not a finite number"),
    (["--bed", "0", "0", "0"], "'0' is not a positive size in mm"),
    (["--bed", "-5", "200", "200"], "'-5' is not a positive size in mm"),
    (["--infill", "150"], "'150' is not a percentage between 0 and 100"),
])
def test_check_refuses_a_build_volume_or_infill_it_cannot_use(
    tmp_path: Path, cli: Cli, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """`--bed nan 1 1` compared as 'fits everything' (NaN comparisons are false); now argparse says why (exit 2)."""
    path = tmp_path / "cube.stl"
    save_mesh(build(box(20, 20, 20)), path)
    with pytest.raises(SystemExit) as exit_:
        cli(["check", str(path), *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err
