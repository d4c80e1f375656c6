"""The library a maker recognises (issue 13 items 2 and 6): free-form plates and solids, Gridfinity, threaded
lids, board cases and the everyday printables, measured as a maker would check a print.

The generic promises (watertight, one body or the promised plate of parts, the promised box at every
setting, no thin walls) are held for every template by test_templates.py; these tests check what each
object is *for*: a hole where a screw goes, a thread at the jar's pitch, a port where the board has it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import trimesh

from core.errors import ParameterError
from core.geometry.build import Evaluator
from core.templates import get_template, load_all
from core.templates.base import ROLES


def build(tid: str, values: dict[str, Any] | None = None) -> trimesh.Trimesh:
    return Evaluator().mesh(get_template(tid).make(values or {}))


def open_through(mesh: trimesh.Trimesh, x: float, y: float) -> bool:
    """Whether a vertical line at (x, y) passes through the part without meeting material."""
    top = float(mesh.bounds[1][2]) + 5
    return not mesh.ray.intersects_any(np.array([[x, y, top]]), np.array([[0, 0, -1.0]]))[0]


def test_the_library_has_forty_templates_including_the_ones_makers_ask_for() -> None:
    ids = set(load_all())
    assert len(ids) >= 40
    assert ids >= {"plate", "solid", "profile", "tube", "gridfinity_baseplate", "gridfinity_bin", "jar_lid",
                   "self_watering_planter", "bowl", "bit_holder", "sd_card_holder", "headphone_hanger", "drawer_pull",
                   "hinge", "bag_clip", "funnel", "hose_adapter", "plant_label", "pegboard_hook", "bottle_opener",
                   "tablet_stand", "cable_comb", "board_case"}
    for spec in load_all().values():
        assert set(spec.roles) <= set(ROLES), f"{spec.id}: roles outside the planner's vocabulary"


def test_a_square_tile_10_cm_5_mm_thick_is_a_plate_of_that_size() -> None:
    spec = get_template("plate")
    assert spec.params_for("size") == ("width", "depth") and spec.params_for("thickness") == ("thickness",)
    mesh = build("plate", {"width": 100, "depth": 100, "thickness": 5})
    assert mesh.extents == pytest.approx((100, 100, 5), abs=1e-6)
    assert mesh.volume == pytest.approx(100 * 100 * 5, rel=1e-6)


@pytest.mark.parametrize(("screw", "clearance"), [("M3", 3.4), ("M4", 4.5), ("M5", 5.5)])
def test_corner_holes_for_a_screw_are_its_iso_clearance_and_go_through(screw: str, clearance: float) -> None:
    values = {"width": 80, "depth": 60, "thickness": 4, "hole_pattern": "corners", "screw": screw, "hole_inset": 6}
    plain = build("plate", {**values, "hole_pattern": "none"})
    mesh = build("plate", values)
    assert plain.volume - mesh.volume == pytest.approx(4 * math.pi * (clearance / 2) ** 2 * 4, rel=0.02)
    for x in (-34, 34):
        for y in (-24, 24):
            assert open_through(mesh, x, y) and not open_through(plain, x, y)
    assert not open_through(mesh, 0, 0)


def test_a_row_of_five_countersunk_holes_and_blind_holes_stop_inside() -> None:
    row = build("plate", {"width": 120, "depth": 30, "thickness": 6, "hole_pattern": "row", "hole_count": 5,
                          "hole_spacing": 20, "screw": "M4", "hole_style": "countersunk"})
    for x in (-40, -20, 0, 20, 40):
        assert open_through(row, x, 0)
    section = row.section(plane_origin=(0, 0, 5.9), plane_normal=(0, 0, 1))
    assert section is not None  # the countersink is wider at the top than the 4.5 mm hole
    top_hole = min(np.linalg.norm(section.vertices[:, :2] - [0, 0], axis=1))
    assert top_hole > 4.5 / 2 + 1.5
    blind = build("plate", {"thickness": 6, "hole_pattern": "center", "hole_style": "blind", "hole_depth": 3})
    assert not open_through(blind, 0, 0)
    assert blind.ray.intersects_location([[0, 0, 10]], [[0, 0, -1.0]], multiple_hits=False)[0][0][2] == \
        pytest.approx(3, abs=1e-6)


def test_plate_refusals_say_why_in_both_languages() -> None:
    spec = get_template("plate")
    with pytest.raises(ParameterError, match="do not fit") as caught:
        spec.make({"width": 20, "depth": 20, "hole_pattern": "row", "hole_count": 5, "hole_spacing": 10})
    assert "não cabem" in caught.value.pt
    with pytest.raises(ParameterError, match="Countersunk"):
        spec.make({"hole_pattern": "center", "hole_style": "countersunk", "screw": "M8", "thickness": 2})
    doc = spec.make()
    doc.set_param_value("edge", 1)
    doc.set_param_value("edge_size", 10)
    assert spec.problems(doc, "pt") == ["A borda arredondada ou chanfrada é maior do que a placa permite (precisa "
                                        "sobrar 0.4 mm de placa)."]


def test_raised_and_engraved_text_on_a_plate() -> None:
    flat = build("plate", {"text_style": "none"})
    raised = build("plate", {"text_style": "raised", "text": "HI", "relief": 1})
    engraved = build("plate", {"text_style": "engraved", "text": "HI", "relief": 1})
    assert raised.extents[2] == pytest.approx(6) and raised.volume > flat.volume
    assert engraved.extents[2] == pytest.approx(5) and engraved.volume < flat.volume


@pytest.mark.parametrize(("shape", "size"), [
    ("pyramid", (40, 40, 30)), ("hemisphere", (40, 40, 20)), ("torus", (40, 40, 10)), ("wedge", (40, 40, 30)),
    ("cone", (40, 40, 30)),
])
def test_basic_solids_have_their_shape(shape: str, size: tuple[float, float, float]) -> None:
    mesh = build("solid", {"shape": shape})
    assert mesh.extents == pytest.approx(size, abs=1e-3)
    volume = {"pyramid": 40 * 40 * 30 / 3, "hemisphere": 2 / 3 * math.pi * 20**3,
              "torus": 2 * math.pi**2 * 15 * 5**2, "wedge": 40 * 30 / 2 * 40, "cone": math.pi * 20**2 * 30 / 3}
    assert mesh.volume == pytest.approx(volume[shape], rel=0.03)


def test_l_and_u_profiles_and_tubes() -> None:
    angle = build("profile", {"profile": "L", "width": 30, "height": 20, "length": 100, "thickness": 3})
    assert angle.volume == pytest.approx((30 * 3 + 17 * 3) * 100, rel=1e-6)
    channel = build("profile", {"profile": "U", "width": 30, "height": 20, "length": 100, "thickness": 3})
    assert channel.volume == pytest.approx((30 * 3 + 2 * 17 * 3) * 100, rel=1e-6)
    tube = build("tube", {"outer_diameter": 20, "inner_diameter": 16, "height": 50})
    assert tube.volume == pytest.approx(math.pi * (10**2 - 8**2) * 50, rel=0.01)
    assert open_through(tube, 0, 0)


def test_gridfinity_follows_the_42_mm_grid_and_7_mm_units() -> None:
    plate = build("gridfinity_baseplate", {"grid_x": 4, "grid_y": 2})
    assert plate.extents[:2] == pytest.approx((168, 84))
    for x in (-63, -21, 21, 63):  # each 42 mm cell is open in the middle (a frame without magnets)
        assert open_through(plate, x, 21)
    binned = build("gridfinity_bin", {"units_x": 2, "units_y": 1, "height_units": 6, "lip": True})
    assert binned.extents == pytest.approx((83.5, 41.5, 6 * 7 + 4.4))
    no_lip = build("gridfinity_bin", {"units_x": 2, "units_y": 1, "height_units": 6, "lip": False})
    assert no_lip.extents[2] == pytest.approx(42)
    # Feet: the bottom of each unit is its own 35.6 mm foot, 42 mm apart.
    bottom = binned.section(plane_origin=(0, 0, 0.05), plane_normal=(0, 0, 1))
    assert bottom is not None and len(bottom.discrete) == 2
    magnets = build("gridfinity_bin", {"magnets": True})
    assert magnets.volume < build("gridfinity_bin").volume - 4 * math.pi * 3.25**2 * 2.4 * 0.95


def test_gridfinity_refuses_dividers_that_leave_no_room() -> None:
    with pytest.raises(ParameterError, match="8 mm") as caught:
        get_template("gridfinity_bin").make({"units_x": 1, "dividers": 9})
    assert "8 mm" in caught.value.pt


def test_jar_lid_thread_follows_the_finish_pitch_and_the_lid_clearance() -> None:
    spec = get_template("jar_lid")
    mason = spec.make({"finish": "Mason regular", "ridges": 0})
    assert mason.values()["thread_pitch"] == pytest.approx(6.35)
    mesh = Evaluator().mesh(mason)
    assert mesh.extents[0] == pytest.approx(70 + 2 * (0.4 + 2), abs=1e-3)
    # Along a line parallel to the axis inside the skirt, the thread repeats once per pitch.
    r = 70 / 2 - 1.5 / 2 + 0.4
    hits, _, _ = mesh.ray.intersects_location([[r, 0, 30.0]], [[0, 0, -1.0]], multiple_hits=True)
    z = np.sort(hits[:, 2])[::-1]
    crossings = z[(z > 2.5) & (z < 13.5)]
    assert len(crossings) >= 2
    gaps = np.diff(crossings[::-1])
    assert any(abs(g - 6.35) < 0.3 or abs(g - 6.35 * 0.5) < 1.5 for g in gaps)
    looser = Evaluator().mesh(spec.make({"finish": "Mason regular", "ridges": 0, "lid_clearance": 0.8}))
    def crest(lid: trimesh.Trimesh) -> float:  # the lid thread's innermost radius, inside the skirt
        skirt = lid.vertices[lid.vertices[:, 2] > 3]
        return float(np.hypot(skirt[:, 0], skirt[:, 1]).min())

    assert crest(looser) - crest(mesh) == pytest.approx(0.4, abs=0.02)  # 0.4 more play, all round
    assert looser.extents[0] == pytest.approx(mesh.extents[0] + 0.8, abs=1e-3)
    metric = spec.make({"finish": "ISO metric", "thread_diameter": 30, "pitch": 2})
    assert metric.values()["thread_depth"] == pytest.approx(2 * 0.541)


def test_device_enclosure_lid_clearance_is_a_parameter_the_lid_follows() -> None:
    spec = get_template("device_enclosure")
    assert spec.params_for("lid_clearance") == ("lid_clearance",)
    tight = spec.make({"device_width": 60, "device_length": 40, "device_height": 20, "lid_clearance": 0.2})
    loose = spec.make({"device_width": 60, "device_length": 40, "device_height": 20, "lid_clearance": 0.6})
    lid_tight = Evaluator().mesh(tight, "lid_lip_outer").extents
    lid_loose = Evaluator().mesh(loose, "lid_lip_outer").extents
    assert lid_tight[0] - lid_loose[0] == pytest.approx(0.8, abs=1e-6)


@pytest.mark.parametrize(("board", "x", "y", "z"), [
    # (board, a point inside a port opening in the board's own coordinates, height above the board's top)
    ("Raspberry Pi 4", 11.2, -1.0, 1.6),    # USB-C on the long edge
    ("Raspberry Pi 4", 26.0, -1.0, 1.5),    # micro-HDMI 0
    ("Raspberry Pi 4", 86.0, 45.75, 6.75),  # Ethernet on the short edge
    ("Raspberry Pi 5", 86.0, 10.2, 6.75),   # Pi 5 moved Ethernet to where the Pi 4 has USB
    ("Arduino Uno", -1.0, 37.7, 5.45),      # USB-B
    ("Arduino Uno", -1.0, 7.75, 5.45),      # barrel jack
])
def test_board_case_ports_are_where_the_board_has_them(board: str, x: float, y: float, z: float) -> None:
    from core.templates.library.boards import BOARDS, STANDOFF

    spec = get_template("board_case")
    doc = spec.make({"board": board})
    case = Evaluator().mesh(doc, "case")
    sx, sy, thick, *_ = BOARDS[board]
    wall, clearance = doc.values()["wall"], doc.values()["clearance"]
    px, py = x - sx / 2, y - sy / 2
    pz = wall + STANDOFF + thick + z
    # A ray from inside the case outward through the wall at the port meets no material.
    direction = [0.0, -1.0, 0.0] if y < 0 else ([1.0, 0.0, 0.0] if x > sx else [-1.0, 0.0, 0.0])
    start = [px - 3 * direction[0], py - 3 * direction[1], pz]
    assert not case.ray.intersects_any([start], [direction])[0], f"{board}: wall closed at the port"
    solid_z = wall + 2  # below the ports, the same ray hits the wall
    assert case.ray.intersects_any([[start[0], start[1], solid_z]], [direction])[0]
    assert clearance > 0


def test_board_case_too_low_for_its_connectors_is_refused_in_both_languages() -> None:
    with pytest.raises(ParameterError, match="tallest connector") as caught:
        get_template("board_case").make({"board": "Raspberry Pi 4", "height": 15})
    assert "conector mais alto" in caught.value.pt


def test_hinge_is_two_parts_that_do_not_touch_and_turn_on_the_pin() -> None:
    mesh = build("hinge", {"clearance": 0.4})
    parts = mesh.split(only_watertight=False)
    assert len(parts) == 2
    a, b = sorted(parts, key=lambda m: m.bounds[0][1])
    gap = trimesh.proximity.closest_point(a, b.vertices[::7])[1].min()
    assert gap >= 0.3
    with pytest.raises(ParameterError, match="odd"):
        get_template("hinge").make({"knuckles": 4})


def test_everyday_objects_measure_what_their_parameters_say() -> None:
    pull = build("drawer_pull", {"center_distance": 128, "length": 150})
    assert pull.extents[0] == pytest.approx(150)
    for x in (-64, 64):  # the pilot holes sit at the standard spacing
        top = pull.bounds[1][2]
        hit = pull.ray.intersects_location([[x, 0, top + 1]], [[0, 0, -1.0]], multiple_hits=False)[0]
        assert hit[0][2] < top - 10
    holder = build("bit_holder", {"columns": 5, "rows": 2})
    assert len(holder.section(plane_origin=(0, 0, 14), plane_normal=(0, 0, 1)).discrete) == 1 + 10
    sd = build("sd_card_holder", {"sd_slots": 4, "microsd_slots": 0})
    assert len(sd.section(plane_origin=(0, 0, 20), plane_normal=(0, 0, 1)).discrete) == 1 + 4
    adapter = build("hose_adapter", {"diameter_a": 12, "diameter_b": 8, "barbs": False})
    assert open_through(adapter, 0, 0)
    assert adapter.extents == pytest.approx((12, 12, 20 + 4 + 20))
    planter = build("self_watering_planter")
    assert len(planter.split(only_watertight=False)) == 3
    hook = get_template("pegboard_hook")
    assert build("pegboard_hook", {"board": "1-inch pegboard"}).extents[2] * math.sqrt(2) < 6.35  # fits a 1/4" hole
    assert hook.expected_extent(hook.make({"board": "IKEA Skådis"})).z < 5  # the Skådis slot is 5 mm wide
