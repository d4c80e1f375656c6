"""The template library: every template builds printable, predictable geometry at every setting.

Each template promises a bounding box and a body count (TemplateSpec.extent) computed from its
parameters alone; these tests build the real mesh with manifold3d and hold the promise to it at
defaults, at both ends of every parameter's range, and with every feature on and off.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import trimesh

import core.geometry.font
import core.geometry.gear  # noqa: F401  (registers the "gear" shape)
from core.commands import CommandStack, SetParameters
from core.document import Document
from core.document.descriptions_pt import DESCRIPTIONS_PT
from core.document.expressions import parse
from core.document.nodes import PART_NAMES_PT, Node, resolve_value
from core.errors import ExpressionError, GeometryError, ParameterError
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, save_mesh
from core.geometry.parts import plate_parts
from core.geometry.printability import THIN_SHARE_WARNING, analyse, wall_thickness
from core.templates import get_template, load_all
from core.templates.base import MIN_WALL_MM, TemplateSpec

REQUIRED_IDS = {
    "plant_pot", "vase", "box_with_lid", "device_enclosure", "pen_cup", "wall_hook", "shelf_bracket", "spur_gear",
    "phone_stand", "cable_clip", "knob", "spacer", "coaster", "name_tag", "spool_holder", "block",
}
ALL_IDS = sorted(load_all())
TOL = 0.5


def build(doc: Document, evaluator: Evaluator | None = None) -> trimesh.Trimesh:
    return (evaluator or Evaluator()).mesh(doc)


def bodies(mesh: trimesh.Trimesh) -> int:
    return len(mesh.split(only_watertight=False))


def assert_matches_promise(spec: TemplateSpec, doc: Document, mesh: trimesh.Trimesh, what: str) -> None:
    extent = spec.expected_extent(doc)
    assert extent is not None, f"{spec.id} promises no bounding box"
    assert mesh.is_watertight, f"{spec.id} {what}: not watertight"
    assert mesh.volume > 0, f"{spec.id} {what}: inside out or empty"
    assert bodies(mesh) == extent.bodies, f"{spec.id} {what}: {bodies(mesh)} bodies, promised {extent.bodies}"
    size = mesh.extents
    if extent.exact:
        assert size == pytest.approx(extent.size, abs=TOL), f"{spec.id} {what}: bbox {size} vs {extent.size}"
        lo, hi = mesh.bounds
        assert lo[2] == pytest.approx(0, abs=0.05), f"{spec.id} {what}: does not stand on z = 0"
        assert (lo[:2] + hi[:2]) / 2 == pytest.approx((0, 0), abs=TOL), f"{spec.id} {what}: not centred in XY"
    else:
        assert np.all(size <= np.array(extent.size) + TOL), f"{spec.id} {what}: bbox {size} exceeds {extent.size}"


def inner_size(part: trimesh.Trimesh, z: float) -> tuple[float, float]:
    """Inside width and depth of a hollow part at height z, measured with rays from its centre."""
    centre = [(part.bounds[0][0] + part.bounds[1][0]) / 2, (part.bounds[0][1] + part.bounds[1][1]) / 2, z]
    directions = np.array([[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0]], dtype=float)
    locations, rays, _ = part.ray.intersects_location(np.tile(centre, (4, 1)), directions, multiple_hits=False)
    reach = {int(r): float(np.linalg.norm(loc - centre)) for loc, r in zip(locations, rays, strict=True)}
    return reach[0] + reach[1], reach[2] + reach[3]


def settings(spec: TemplateSpec) -> list[tuple[str, dict[str, Any]]]:
    """Both ends of every parameter's range, every choice, every feature on and off."""
    out: list[tuple[str, dict[str, Any]]] = []
    for p in spec.parameters():
        if p.kind == "choice":
            out += [(f"{p.name}={c}", {p.name: c}) for c in p.choices]
        elif p.kind == "bool":
            out += [(f"{p.name}=off", {p.name: False}), (f"{p.name}=on", {p.name: True})]
        else:
            out += [(f"{p.name}=min", {p.name: p.min}), (f"{p.name}=max", {p.name: p.max})]
    for name, feature in spec.features.items():
        out += [(f"{name} on", {feature.param: feature.on}), (f"{name} off", {feature.param: feature.off})]
    return out


def test_the_library_has_every_template_with_its_vocabulary() -> None:
    assert len(ALL_IDS) >= 16
    assert set(ALL_IDS) >= REQUIRED_IDS
    for tid in ALL_IDS:
        spec = get_template(tid)
        names = {p.name for p in spec.parameters()}
        assert spec.title and spec.title_pt and spec.description
        assert spec.description_pt and spec.description_pt != spec.description, f"{tid} needs a PT description"
        assert spec.synonyms_en and spec.synonyms_pt, tid
        for role in spec.roles:
            for name in spec.params_for(role):
                assert name in names, f"{tid}: role {role} → {name}"
        for feature in spec.features.values():
            assert feature.param in names, f"{tid}: feature on unknown parameter {feature.param}"
            assert feature.words_en and feature.words_pt
        for role in spec.required:
            assert role in spec.roles, f"{tid}: required role {role} has no parameter"
        for p in spec.parameters():
            assert p.description and p.label and p.label_pt, f"{tid}.{p.name} needs labels and a description"
            assert p.description in DESCRIPTIONS_PT, f"{tid}.{p.name}: its description has no Portuguese text"
        for node in spec.make().root.walk():
            assert not node.name or node.name in PART_NAMES_PT, f"{tid}: part '{node.name}' has no Portuguese name"
        choices = {p.name: p for p in spec.parameters() if p.kind == "choice"}
        for role, switch in spec.role_switches.items():
            assert switch.param in choices, f"{tid}: role {role} switches on {switch.param}, not a choice"
            for index, mapped in switch.cases.items():
                assert 0 <= index < len(choices[switch.param].choices)
                assert set(mapped.split(",")) <= names, f"{tid}: role {role} → {mapped}"
        for role, derived in spec.derived.items():
            assert role not in spec.roles, f"{tid}: {role} is both mapped and derived"
            assert {name for name, _ in derived.solves} <= names
        # "a 20 cm <object>": every template but the one sized by its (required) device has a size.
        assert spec.params_for("size") or "size" in spec.derived or spec.required, f"{tid} has no size"


@pytest.mark.parametrize("tid", ALL_IDS)
def test_defaults_build_the_promised_printable_model(tid: str) -> None:
    spec = get_template(tid)
    doc = spec.make()
    assert doc.template == tid
    assert_matches_promise(spec, doc, build(doc), "defaults")


@pytest.mark.parametrize("tid", ALL_IDS)
def test_every_setting_builds_the_promised_model_or_says_why_not(tid: str) -> None:
    spec = get_template(tid)
    evaluator = Evaluator()
    built = 0
    cases = settings(spec)
    for what, values in cases:
        try:
            doc = spec.make(values)
        except ParameterError as exc:
            assert len(str(exc)) > 15, f"{tid} {what}: unhelpful refusal {exc!r}"
            continue
        assert_matches_promise(spec, doc, build(doc, evaluator), what)
        built += 1
    assert built >= 0.7 * len(cases), f"{tid}: only {built}/{len(cases)} settings are buildable"


@pytest.mark.parametrize("tid", ALL_IDS)
def test_json_round_trip_rebuilds_the_identical_mesh(tid: str) -> None:
    spec = get_template(tid)
    doc = spec.make()
    again = Document.loads(doc.dumps())
    assert again.to_json() == doc.to_json()
    a, b = build(doc), build(again)
    assert np.array_equal(a.vertices, b.vertices) and np.array_equal(a.faces, b.faces)


def test_plant_pot_is_exactly_as_big_as_asked_and_the_saucer_sits_beside_it() -> None:
    spec = get_template("plant_pot")
    pot = build(spec.make({"top_diameter": 120, "bottom_diameter": 120, "height": 100}))
    assert pot.extents == pytest.approx((120, 120, 100), abs=0.01)
    with_saucer = build(spec.make({"top_diameter": 120, "bottom_diameter": 90, "height": 100, "saucer": True,
                                   "saucer_margin": 8}))
    parts = sorted(with_saucer.split(only_watertight=False), key=lambda m: m.bounds[0][0])
    assert len(parts) == 2
    pot_part, saucer = parts
    assert pot_part.extents == pytest.approx((120, 120, 100), abs=0.01)
    assert saucer.extents == pytest.approx((106, 106, 15), abs=0.01)
    assert saucer.bounds[0][0] - pot_part.bounds[1][0] == pytest.approx(10, abs=0.01)


def _polygon_area(r: float, sides: int) -> float:
    return 0.5 * sides * r * r * math.sin(2 * math.pi / sides)


@pytest.mark.parametrize("holes", [1, 5, 8])
def test_drainage_holes_go_through_the_floor(holes: int) -> None:
    spec = get_template("plant_pot")
    values = {"drain_holes": holes, "hole_diameter": 6, "floor": 3}
    solid = build(spec.make({**values, "drain_holes": 0}))
    drilled_doc = spec.make(values)
    drilled = build(drilled_doc)
    removed = solid.volume - drilled.volume
    assert removed == pytest.approx(holes * _polygon_area(3, 24) * 3, rel=0.01)
    # A vertical ray down each hole's axis meets no material: the holes are open on both sides.
    ring = float(resolve_value(drilled_doc.node("drainage").props["radius"], drilled_doc.values()))
    angles = [math.radians(90 + 360 * k / holes) for k in range(holes)]
    origins = np.array([[ring * math.cos(a), ring * math.sin(a), 50.0] for a in angles])
    down = np.tile([0, 0, -1.0], (holes, 1))
    assert not drilled.ray.intersects_any(origins, down).any()
    assert solid.ray.intersects_any(origins, down).all()


@pytest.mark.parametrize(("teeth", "module"), [(20, 2.0), (13, 1.5), (48, 0.5), (8, 4.0)])
def test_gear_outside_diameter_is_module_times_teeth_plus_two(teeth: int, module: float) -> None:
    mesh = build(get_template("spur_gear").make({"teeth": teeth, "module": module, "bore": 0}))
    radial = np.hypot(mesh.vertices[:, 0], mesh.vertices[:, 1])
    assert 2 * radial.max() == pytest.approx(module * (teeth + 2), abs=1e-6)
    assert 2 * radial.min() == pytest.approx(module * (teeth - 2.5), rel=2e-3)  # root circle (64-gon), full depth
    # The teeth are all there: count the tips around the outside circle.
    tips = mesh.vertices[np.isclose(radial, radial.max(), atol=1e-4)]
    pitch = 360 / teeth
    tip_angles = np.unique(np.round(np.degrees(np.arctan2(tips[:, 1], tips[:, 0])) % 360 / pitch) % teeth)
    assert len(tip_angles) == teeth


def test_out_of_range_values_and_broken_rules_give_clear_errors() -> None:
    with pytest.raises(ParameterError, match="at least 0.8 mm"):
        get_template("plant_pot").make({"wall": 0.4})
    with pytest.raises(ParameterError, match="at most 0.4 mm"):
        get_template("box_with_lid").make({"clearance": 0.6})
    with pytest.raises(ParameterError, match="drainage holes"):
        get_template("plant_pot").make({"drain_holes": 24, "hole_diameter": 20})
    with pytest.raises(ParameterError, match="bore is too large"):
        get_template("spur_gear").make({"teeth": 10, "module": 1, "bore": 8})
    with pytest.raises(ParameterError, match="no parameter 'colour'"):
        get_template("vase").make({"colour": 3})
    with pytest.raises(ParameterError, match="must be one of"):
        get_template("block").make({"shape": "pyramid"})


def test_a_cube_with_a_hole_through_the_middle() -> None:
    spec = get_template("block")
    assert set(spec.params_for("size")) >= {"width", "depth", "height"}
    doc = spec.make({name: 20 for name in spec.params_for("size")} | {"hole_diameter": 10})
    mesh = build(doc)
    assert mesh.extents == pytest.approx((20, 20, 20), abs=1e-6)
    assert mesh.volume == pytest.approx(8000 - _polygon_area(5, 48) * 20, rel=1e-6)
    assert not mesh.ray.intersects_any([[0, 0, 30]], [[0, 0, -1]]).any()


def test_box_lid_fits_inside_with_the_chosen_clearance() -> None:
    spec = get_template("box_with_lid")
    doc = spec.make({"inner_width": 80, "inner_depth": 60, "clearance": 0.3, "lid_thickness": 2})
    box_part, lid = sorted(build(doc).split(only_watertight=False), key=lambda m: m.bounds[0][0])
    lip = lid.section(plane_origin=[0, 0, 4], plane_normal=[0, 0, 1])
    assert lip.extents[:2] == pytest.approx((80 - 0.6, 60 - 0.6), abs=1e-4)
    assert inner_size(box_part, 20) == pytest.approx((80, 60), abs=1e-4)


def test_enclosure_requires_the_device_size_and_leaves_room_around_it() -> None:
    spec = get_template("device_enclosure")
    assert set(spec.required) == {"device_width", "device_length", "device_height"}
    doc = spec.make({"device_width": 85, "device_length": 56, "device_height": 20, "clearance": 1, "wall": 2,
                     "vents": False, "grommets": 0})
    base = min(build(doc).split(only_watertight=False), key=lambda m: m.bounds[0][0])
    assert inner_size(base, 10) == pytest.approx((87, 58), abs=1e-4)
    vented = build(spec.make({"device_width": 85, "device_length": 56, "device_height": 20, "vent_count": 6,
                              "grommets": 0}))
    assert vented.volume < build(doc).volume - 6 * 2 * 2 * 2 * 10


def test_twisted_polygonal_vase_keeps_its_volume_and_stays_open_at_the_top() -> None:
    spec = get_template("vase")
    straight = build(spec.make({"sides": 6, "twist": 0}))
    twisted = build(spec.make({"sides": 6, "twist": 120}))
    assert twisted.volume == pytest.approx(straight.volume, rel=0.02)
    hit, _, _ = twisted.ray.intersects_location([[0, 0, 500]], [[0, 0, -1]])
    assert hit[:, 2].max() == pytest.approx(2.0, abs=1e-6)  # the first thing met from above is the floor


def test_name_tag_text_is_a_parameter_edited_like_any_other_and_undoable(tmp_path: Path) -> None:
    spec = get_template("name_tag")
    doc = spec.make({"text_height": 7, "margin": 3, "ring": True, "ring_diameter": 5, "style": "raised"})
    assert doc.param("text").kind == "text" and spec.params_for("text") == ("text",)
    stack = CommandStack(doc)
    evaluator = Evaluator()
    four = build(doc, evaluator)
    stack.push(SetParameters({"text": "Conceição"}))
    nine = build(doc, evaluator)
    # Each extra character adds one 6-pixel cell of 1 mm pixels (7 mm letters): 5 characters = 30 mm.
    assert nine.extents[0] - four.extents[0] == pytest.approx(30, abs=1e-6)
    assert_matches_promise(spec, doc, nine, "9 letters")
    plain = build(spec.make({"text_height": 7, "margin": 3, "ring": True, "ring_diameter": 5, "text": "CONCEICAO"}))
    assert plain.volume != pytest.approx(nine.volume, rel=1e-3)  # accents and lower case are drawn, not dropped
    stack.undo()
    assert build(doc, evaluator).extents == pytest.approx(four.extents)
    # The text travels with the document: JSON and the 3MF keep it.
    doc.set_param_value("text", "João")
    again = Document.loads(doc.dumps())
    assert again.values()["text"] == "João"
    save_mesh(build(doc), tmp_path / "tag.3mf", document_json=doc.dumps())
    stored = load_mesh(tmp_path / "tag.3mf").document_json
    assert stored is not None and Document.loads(stored).values()["text"] == "João"


@pytest.mark.parametrize(("values", "match"), [
    ({"text": "Ana ☺"}, "'☺'"), ({"text": ""}, "at least 1"), ({"text": "x" * 33}, "limited to 32"),
    ({"text": 42}, "must be text"), ({"text": "W" * 30, "text_height": 12}, "longer than 250 mm"),
])
def test_bad_tag_text_is_refused_with_what_is_wrong(values: dict[str, Any], match: str) -> None:
    with pytest.raises(ParameterError, match=match):
        get_template("name_tag").make(values)


def test_the_font_draws_lower_case_and_accents_and_names_what_it_cannot() -> None:
    upper, lower = shape_doc({"kind": "text", "text": "ANA", "size": 7}), shape_doc({"kind": "text", "text": "ana",
                                                                                       "size": 7})
    assert build(upper).volume != pytest.approx(build(lower).volume, rel=1e-3)
    for accented, base in (("ã", "a"), ("Ç", "C"), ("é", "e"), ("ñ", "n"), ("Ü", "U"), ("ô", "o")):
        with_mark = build(shape_doc({"kind": "text", "text": accented, "size": 7}))
        assert with_mark.extents[1] == pytest.approx(build(shape_doc({"kind": "text", "text": "E", "size": 7}))
                                                     .extents[1], abs=0.2)  # accents stay inside the cap height
        plain = build(shape_doc({"kind": "text", "text": base, "size": 7}))
        assert with_mark.centroid != pytest.approx(plain.centroid, abs=0.05), f"{accented} drawn as {base}"
    with pytest.raises(GeometryError, match=r"'€' \(euro sign\)"):
        build(shape_doc({"kind": "text", "text": "5€", "size": 7}))


def test_text_parameters_in_expressions_are_measured_not_multiplied() -> None:
    values = {"name": "Ana", "size": 7}
    assert parse("len(name) * size").evaluate(values) == 21
    assert parse("name == name").evaluate(values) is True
    with pytest.raises(ExpressionError, match="measured with len"):
        parse("name * 1000000000").evaluate(values)
    assert resolve_value({"kind": "text", "text": "=name"}, values) == {"kind": "text", "text": "Ana"}


def test_engraved_letters_are_cut_to_depth_and_raised_letters_stand_up() -> None:
    spec = get_template("name_tag")
    raised = build(spec.make({"style": "raised", "relief": 1, "thickness": 3}))
    doc = spec.make({"style": "engraved", "depth": 0.8, "thickness": 3})
    engraved = build(doc)
    assert raised.extents[2] == pytest.approx(4)
    assert engraved.extents[2] == pytest.approx(3)
    CommandStack(doc).push(SetParameters({"depth": 1.6}))
    deeper = build(doc)
    # plate P, letter area A: raised = P + 1·A, engraved = P − 0.8·A, deeper = P − 1.6·A.
    letter_area = (engraved.volume - deeper.volume) / 0.8
    assert letter_area > 50
    assert raised.volume - engraved.volume == pytest.approx(1.8 * letter_area, rel=1e-6)


def test_knob_and_spacer_features_change_what_a_user_would_see() -> None:
    knob = get_template("knob")
    plain = build(knob.make({"set_screw": False, "ridges": 0}))
    gripped = build(knob.make({"set_screw": False, "ridges": 18}))
    screwed = build(knob.make({"set_screw": True, "ridges": 0}))
    assert gripped.volume < plain.volume and screwed.volume < plain.volume
    assert gripped.extents == pytest.approx(plain.extents)
    standoff = build(get_template("spacer").make({"kind": "standoff", "outer_diameter": 5.5, "inner_diameter": 3.2}))
    assert standoff.extents[:2] == pytest.approx((5.5 / math.cos(math.radians(30)), 5.5), abs=1e-6)


@pytest.mark.parametrize("tid", ALL_IDS)
def test_random_combinations_build_as_promised_or_are_refused_clearly(tid: str) -> None:
    """Settings users combine freely (a seeded sample), not just one knob at a time."""
    spec = get_template(tid)
    rng = random.Random(tid)
    evaluator = Evaluator()
    built = tried = 0
    while built < 8 and tried < 24:  # a template whose every draw is refused would be tested by nothing here
        tried += 1
        values: dict[str, Any] = {}
        for p in spec.parameters():
            if p.kind == "choice":
                values[p.name] = rng.randrange(len(p.choices))
            elif p.kind == "bool":
                values[p.name] = rng.random() < 0.5
            elif p.kind == "text":  # a tag's words, not a number (every name_tag draw was refused as "not text")
                values[p.name] = rng.choice(["Ana", "João", "Basil", "MINT 2"])
            else:
                assert p.min is not None and p.max is not None
                span = (p.max - p.min) * rng.choice([0.1, 0.3, 1.0])
                value = p.min + rng.random() * span
                values[p.name] = round(value) if p.kind == "int" else round(value, 1)
        try:
            doc = spec.make(values)
        except ParameterError as exc:
            assert len(str(exc)) > 15, f"{tid} {values}: unhelpful refusal {exc!r}"
            continue
        assert_matches_promise(spec, doc, build(doc, evaluator), str(values))
        built += 1
    assert built >= 2, f"{tid}: only {built} of {tried} random combinations could be built"


def shape_doc(shape: dict[str, Any], height: float = 2) -> Document:
    return Document("shape", root=Node("extrude", {"shape": shape, "height": height}, id="root"))


def test_gear_shape_bore_and_bad_input() -> None:
    solid = build(shape_doc({"kind": "gear", "teeth": 12, "module": 2}))
    bored = build(shape_doc({"kind": "gear", "teeth": 12, "module": 2, "bore": 6}))
    assert solid.volume - bored.volume == pytest.approx(_polygon_area(3, 64) * 2, rel=1e-3)
    with pytest.raises(GeometryError, match="6 to 400 teeth"):
        build(shape_doc({"kind": "gear", "teeth": 3, "module": 2}))
    with pytest.raises(GeometryError, match="no material under the teeth"):
        build(shape_doc({"kind": "gear", "teeth": 12, "module": 1, "bore": 10}))


@pytest.mark.parametrize(("teeth", "pressure"), [(6, 35), (16, 35), (40, 35), (120, 30), (400, 14.5)])
def test_a_gear_is_one_solid_with_every_tooth_whether_or_not_its_teeth_meet_at_the_root(teeth: int,
                                                                                        pressure: float) -> None:
    """At a 35° pressure angle and 30+ teeth neighbouring teeth meet below the pitch circle: the outline traced round
    the gear then doubles back at each root, and must still fill as one solid, not cancel out there."""
    mesh = build(shape_doc({"kind": "gear", "teeth": teeth, "module": 1, "pressure_angle": pressure}))
    assert mesh.is_watertight and mesh.body_count == 1
    radial = np.hypot(mesh.vertices[:, 0], mesh.vertices[:, 1])
    root, tip = (teeth - 2.5) / 2, (teeth + 2) / 2
    assert math.pi * root**2 * 2 < mesh.volume < math.pi * tip**2 * 2
    assert radial.min() == pytest.approx(root, rel=2e-3) or radial.min() > root  # no notch below the root circle
    tips = mesh.vertices[np.isclose(radial, tip, atol=1e-4)]
    pitch = 360 / teeth
    assert len(np.unique(np.round(np.degrees(np.arctan2(tips[:, 1], tips[:, 0])) % 360 / pitch) % teeth)) == teeth


def test_text_shape_is_as_wide_as_its_cells_whatever_the_case_and_accents() -> None:
    upper = build(shape_doc({"kind": "text", "text": "HAH", "size": 7}))
    # Three 5-pixel glyphs and two 1-pixel gaps at 1 mm pixels, drawn 10 % oversize (0.05 mm a side).
    assert upper.extents[:2] == pytest.approx((17.1, 7.1), abs=1e-4)
    lower = build(shape_doc({"kind": "text", "text": "  hãh ", "size": 7}))  # outer spaces are trimmed
    assert lower.extents[:2] == pytest.approx((17.1, 7.1), abs=1e-4)
    assert bodies(upper) == 3
    with pytest.raises(GeometryError, match="empty"):
        build(shape_doc({"kind": "text", "text": "   ", "size": 7}))


def feature_settings(spec: TemplateSpec) -> list[tuple[str, dict[str, Any]]]:
    """Defaults, each feature on alone, and every feature on at once (later ones win a shared
    parameter, e.g. a lid type): what users switch on in the assistant."""
    out: list[tuple[str, dict[str, Any]]] = [("defaults", {})]
    out += [(f"{name} on", {f.param: f.on}) for name, f in spec.features.items()]
    out.append(("all features on", {f.param: f.on for f in spec.features.values()}))
    return out


def assert_written_file_is_closed(mesh: trimesh.Trimesh, path: Path, what: str) -> None:
    save_mesh(mesh, path)
    loaded = load_mesh(path)
    assert loaded.warnings == [], f"{what}: {loaded.warnings}"
    assert loaded.mesh.is_watertight, f"{what}: not watertight through load_mesh"
    # Merge coincident corners but keep zero-area triangles, as a slicer reading the file would.
    again = trimesh.load(path, force="mesh", process=False)
    again.merge_vertices()
    assert again.is_watertight, f"{what}: not watertight through trimesh"
    assert not (again.area_faces < 1e-12).any(), f"{what}: zero-area triangles in the file"


@pytest.mark.parametrize("tid", ALL_IDS)
def test_every_feature_writes_a_closed_stl(tid: str, tmp_path: Path) -> None:
    spec = get_template(tid)
    evaluator = Evaluator()
    for what, values in feature_settings(spec):
        try:
            doc = spec.make(values)
        except ParameterError:
            assert what == "all features on", f"{tid} {what}: a single feature must always be buildable"
            continue
        mesh = build(doc, evaluator)
        assert not (mesh.area_faces < 1e-9).any(), f"{tid} {what}: zero-area triangles"
        assert_written_file_is_closed(mesh, tmp_path / f"{tid}.stl", f"{tid} {what}")


@pytest.mark.parametrize(("sides", "twist", "profile"), [
    (6, 0, "bulb"), (3, 15, "bulb"), (8, -200, "flared"), (12, 90, "flared"), (29, 15, "hourglass"),
    (5, 360, "straight"),
])
def test_polygonal_vases_are_clean_solids(sides: int, twist: float, profile: str, tmp_path: Path) -> None:
    """Polygonal vases, twisted or not, once built as stacked segments left zero-area slivers."""
    spec = get_template("vase")
    doc = spec.make({"sides": sides, "twist": twist, "profile": profile})
    mesh = build(doc)
    assert not (mesh.area_faces < 1e-9).any()
    assert_matches_promise(spec, doc, mesh, f"{sides} sides, {twist}°")
    assert_written_file_is_closed(mesh, tmp_path / "vase.stl", f"{sides} sides, {twist}°")


def test_portuguese_labels_survive_a_save_and_old_documents_still_load() -> None:
    doc = get_template("plant_pot").make()
    data = doc.to_json()
    again = Document.loads(doc.dumps())
    assert again.params["top_diameter"].label_pt == "Diâmetro do topo"
    for param in data["parameters"]:
        param.pop("label_pt")
    old = Document.from_json(data)  # written before labels had a Portuguese twin
    assert old.params["top_diameter"].label_pt == "" and old.values() == doc.values()
    assert "label_pt" not in old.params["top_diameter"].to_json()


def test_a_small_block_needs_no_room_for_a_hole_it_does_not_have() -> None:
    spec = get_template("block")
    tiny = spec.make({"width": 1, "depth": 1, "height": 1, "diameter": 1})
    assert build(tiny).extents == pytest.approx((1, 1, 1))
    assert build(spec.make({"shape": "cylinder", "diameter": 1.2})).extents[0] == pytest.approx(1.2, abs=0.01)
    with pytest.raises(ParameterError, match="1.6 mm narrower"):
        spec.make({"width": 10, "depth": 10, "hole_diameter": 9})


def test_round_blocks_take_width_as_their_diameter() -> None:
    spec = get_template("block")
    assert spec.params_for("width", {"shape": 0}) == ("width",)
    assert spec.params_for("width", {"shape": 1}) == ("diameter",)
    assert spec.params_for("length", {"shape": 1}) == ("height",)
    assert spec.params_for("size", {"shape": 2}) == ("diameter",)
    assert spec.params_for("width") == ("width",)  # without values: the plain mapping


@pytest.mark.parametrize(("given", "target", "teeth", "module"), [
    ({}, 44.0, 20, 2.0), ({"module": 1.5}, 48.0, 30, 1.5), ({"teeth": 30}, 48.0, 30, 1.5),
])
def test_a_gear_outside_diameter_is_reached_through_teeth_or_module(
        given: dict[str, float], target: float, teeth: int, module: float) -> None:
    """The planner solves for the first parameter the user did not give; here its formulas alone."""
    spec = get_template("spur_gear")
    values = {**spec.make().values(), **given}
    derived = spec.derived["diameter"]
    name, expr = next((n, e) for n, e in derived.solves if n not in given)
    values[name] = parse(expr).evaluate({**values, "target": target})
    doc = spec.make({"teeth": round(values["teeth"]), "module": values["module"]})
    assert (doc.values()["teeth"], doc.values()["module"]) == (teeth, pytest.approx(module))
    assert parse(derived.value).evaluate(doc.values()) == pytest.approx(target)
    assert build(doc).extents[0] == pytest.approx(target, abs=1e-6)


@pytest.mark.parametrize("tid", ALL_IDS)
def test_no_feature_is_thinner_than_two_nozzle_widths(tid: str) -> None:
    """`potstudio check` must not find thin walls on our own templates, at defaults or with every feature on."""
    spec = get_template(tid)
    for what, values in (("defaults", {}), ("all features on", {f.param: f.on for f in spec.features.values()})):
        try:
            doc = spec.make(values)
        except ParameterError:
            continue
        report = analyse(build(doc))
        assert report.min_wall_mm is not None and report.min_wall_mm >= MIN_WALL_MM - 0.02, f"{tid} {what}"
        assert report.thin_wall_share < THIN_SHARE_WARNING, f"{tid} {what}: {report.thin_wall_share:.1%} thin"
        assert not any("thinner" in w for w in report.warnings), f"{tid} {what}"


def test_slide_lid_rails_are_two_nozzle_widths() -> None:
    doc = get_template("box_with_lid").make({"lid_type": "slide", "wall": 2.0, "clearance": 0.3})
    thickness = wall_thickness(build(doc), samples=4096)
    assert thickness.min() >= MIN_WALL_MM - 0.02  # the rail over the groove was 0.7 mm
    with pytest.raises(ParameterError, match="1.6 mm"):
        get_template("box_with_lid").make({"lid_type": "slide", "wall": 1.2})


def test_a_twisted_vase_shows_its_twist() -> None:
    """"a twisted vase" switches the twist feature on while sides stays 0 (round): build it with corners."""
    spec = get_template("vase")
    feature = spec.features["twist"]
    plain = build(spec.make())
    twisted_doc = spec.make({feature.param: feature.on})
    twisted = build(twisted_doc)
    assert twisted.volume < 0.97 * plain.volume  # a hexagon inside the round outline, not the same round vase
    assert twisted.volume == pytest.approx(build(spec.make({"twist": feature.on, "sides": 6})).volume, rel=1e-6)
    assert not spec.expected_extent(twisted_doc).exact
    assert build(spec.make({"twist": 90, "sides": 40})).volume > 0.97 * plain.volume  # stated round stays round


@pytest.mark.parametrize("device", [(52, 28, 10), (85, 56, 20), (68.6, 53.4, 15), (20, 20, 8)])
@pytest.mark.parametrize("lid", ["screw", "snap", "slide"])
def test_enclosures_for_common_boards_build_with_screws_and_wall_mount(device: tuple[float, ...], lid: str) -> None:
    spec = get_template("device_enclosure")
    values: dict[str, Any] = {"device_width": device[0], "device_length": device[1], "device_height": device[2],
                              "lid_type": lid, "wall_mount": True, "vents": True}
    if lid == "screw" or device[2] >= 10:
        values["screw_holes"] = True
    doc = spec.make(values)
    mesh = build(doc)
    assert_matches_promise(spec, doc, mesh, f"{device} {lid}")


def test_screw_bosses_under_a_snap_lid_on_a_flat_device_explain_the_way_out() -> None:
    with pytest.raises(ParameterError, match="choose the screw lid"):
        get_template("device_enclosure").make({"device_width": 40, "device_length": 30, "device_height": 5,
                                               "screw_holes": True})


def test_phone_stand_is_a_light_frame_that_grows_for_a_tablet() -> None:
    spec = get_template("phone_stand")
    phone = analyse(build(spec.make()))
    assert 25 <= phone.filament_g <= 35, phone.filament_g  # a solid wedge was 75 g
    assert phone.bodies == 1 and phone.watertight
    feature = spec.features["tablet"]
    assert "ipad" in feature.words_en
    doc = spec.make({feature.param: feature.on})
    tablet = build(doc)
    assert tablet.extents[0] >= 160 and tablet.extents[2] > phone.bbox_mm[2] + 30
    assert_matches_promise(spec, doc, tablet, "tablet")
    assert spec.make({"device": "tablet", "width": 190}).values()["width"] == 190  # stated sizes still win
    assert build(spec.make({"device": "tablet", "width": 190})).extents[0] == pytest.approx(190)


@pytest.mark.parametrize(("tid", "values"), [
    ("box_with_lid", {"inner_width": 200, "inner_depth": 60}),
    ("device_enclosure", {"device_width": 120, "device_length": 80, "device_height": 40, "screw_holes": True}),
    ("plant_pot", {"saucer": True, "shape": "hex", "top_diameter": 130, "bottom_diameter": 130}),
])
def test_long_plates_stack_their_parts_front_to_back_to_fit_the_bed(tid: str, values: dict[str, Any]) -> None:
    spec = get_template(tid)
    doc = spec.make(values)
    mesh = build(doc)
    assert_matches_promise(spec, doc, mesh, "stacked")
    assert max(mesh.extents[:2]) <= 256, mesh.extents  # a row of the two parts was longer than the bed
    (_, first), (_, second) = plate_parts(doc)
    assert first.bounds[1][1] + 9.9 < second.bounds[0][1]  # one in front of the other, 10 mm apart
