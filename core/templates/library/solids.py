"""Free-form basic solids, as parametric templates so sliders and chat edit them like any other.

plate — a plate, tile or bar (rectangular or round) with holes by size or by screw ("for M3": ISO 273
    medium clearance, ISO 10642 countersunk heads), in a pattern (centre, four corners, a row, a grid),
    through, blind or countersunk, stretched into slots, a rounded or chamfered top edge and raised or
    engraved text. Box: width × depth (round: width × width) × thickness (+ relief of raised text).
solid — a pyramid, hemisphere, torus, wedge or cone (frustum). Box: pyramid/wedge width × depth ×
    height; hemisphere D × D × D/2; torus D × D × tube; cone max(D, top) squared × height.
profile — an L, U or T profile (angle, channel, tee) extruded to a length. Box: width × length × height.
tube — a tube, pipe, ring or disc (inner diameter 0) with optional chamfered ends. Box: D × D × height.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.geometry.font import CHARACTERS
from core.templates.base import Check, Extent, Feature, LocalEdit, RoleSwitch, TemplateSpec
from core.templates.library._kit import (
    at,
    by_values,
    choice,
    cylinder,
    f,
    integer,
    length,
    screw_table,
)
from core.templates.registry import register

# ISO 273 medium-series clearance holes and ISO 10642 / DIN 7991 countersunk head diameters (dk max).
SCREWS = ("M2", "M2.5", "M3", "M4", "M5", "M6", "M8")
CLEARANCE = dict(zip(SCREWS, (2.4, 2.9, 3.4, 4.5, 5.5, 6.6, 9.0), strict=True))
HEAD = dict(zip(SCREWS, (4.0, 5.0, 6.72, 8.96, 11.2, 13.44, 17.92), strict=True))
PATTERNS = ["none", "center", "corners", "row", "grid"]
EDGE_STEPS = 4  # slabs approximating a rounded edge's quarter circle (its hull is smooth enough to print)

_HOLE = "hole_size"
_HEAD = "head_size"
_ROUND = "outline == 1"
_D = f"(width if {_ROUND} else depth)"  # the plate's Y size


def _plate_params() -> list[Parameter]:
    return [
        choice("outline", ["rectangle", "round"], "Outline", "A rectangular or round plate.", pt="Contorno"),
        length("width", 80, 2, 500, "Width", "X size of the plate (a round plate's diameter).", pt="Largura"),
        length("depth", 60, 2, 500, "Depth", "Y size of a rectangular plate.", pt="Profundidade"),
        length("thickness", 5, 0.8, 100, "Thickness", "Thickness of the plate.", 0.2, pt="Espessura"),
        length("corner_radius", 0, 0, 250, "Corner radius", "Rounding of the plate's corners.", pt="Raio dos cantos"),
        choice("edge", ["square", "rounded", "chamfered"], "Top edge", "A square, rounded or chamfered top edge.",
               pt="Borda superior"),
        length("edge_size", 1, 0.2, 20, "Edge size", "Radius of the rounded or size of the chamfered top edge.", 0.2,
               pt="Tamanho da borda"),
        choice("hole_pattern", PATTERNS, "Holes", "Where the holes go: none, the centre, the four corners, a row "
               "along X or a grid.", pt="Furos"),
        choice("screw", ["custom", *SCREWS], "Screw size", "The screw the holes are for (clearance hole); custom "
               "uses the hole diameter.", pt="Tamanho do parafuso"),
        length("hole_diameter", 4, 1, 100, "Hole diameter", "Diameter of each hole when the screw size is custom.",
               0.1, pt="Diâmetro do furo"),
        choice("hole_style", ["through", "blind", "countersunk"], "Hole style",
               "Holes through the plate, blind from the top, or countersunk for flat-head screws.",
               pt="Tipo de furo"),
        length("hole_depth", 3, 0.4, 100, "Blind hole depth", "How deep blind holes go from the top.", 0.2,
               pt="Profundidade do furo cego"),
        integer("hole_count", 4, 1, 50, "Holes per row", "Holes in a row, or along X in a grid.",
                pt="Furos por fileira"),
        integer("hole_rows", 2, 1, 50, "Hole rows", "Rows of holes along Y in a grid.", pt="Fileiras de furos"),
        length("hole_spacing", 15, 2, 500, "Hole spacing", "Centre-to-centre distance of holes in a row or grid.",
               pt="Espaçamento dos furos"),
        length("hole_inset", 6, 1, 250, "Corner hole inset", "Distance of corner holes from the plate's edges.",
               pt="Recuo dos furos dos cantos"),
        length("slot_length", 0, 0, 200, "Slot length", "Stretches each hole into a slot this much longer along X "
               "(0 = round holes).", pt="Comprimento do rasgo"),
        Parameter("hole_size", 4, unit="mm", min=0, max=100, expr=screw_table(CLEARANCE, "screw", "hole_diameter"),
                  label="Hole size", label_pt="Tamanho do furo",
                  description="Computed: the clearance hole of the chosen screw (ISO 273 medium), or the hole "
                              "diameter when custom."),
        Parameter("head_size", 8, unit="mm", min=0, max=200, expr=screw_table(HEAD, "screw", "hole_diameter * 2"),
                  label="Countersink diameter", label_pt="Diâmetro do escareado",
                  description="Computed: the head of the chosen flat-head screw (ISO 10642), twice the hole "
                              "diameter when custom."),
        Parameter("text", "TEXT", unit="", kind="text", min=1, max=32, charset=CHARACTERS, label="Text",
                  description="What the plate says.", label_pt="Texto"),
        choice("text_style", ["none", "raised", "engraved"], "Text style", "No text, letters standing up from "
               "the plate, or cut into it.", pt="Estilo do texto"),
        length("text_height", 8, 5.5, 100, "Letter height",
               "Height of the capital letters (at least 5.5 mm, so strokes stay 0.8 mm wide).", pt="Altura das letras"),
        length("relief", 1, 0.4, 10, "Relief", "How far raised letters stand up, or how deep engraved ones are cut.",
               0.2, pt="Relevo"),
    ]


def _edge_slabs() -> list[Node]:
    """The plate's outline at a few heights over its top edge: square (just the top), chamfered (a 45°
    step) or rounded (points of a quarter circle). Their hull is the plate."""
    slabs = []
    quarter = [math.radians(90 * k / EDGE_STEPS) for k in range(1, EDGE_STEPS + 1)]
    steps = [(0.0, 0.0)] + [(1 - math.cos(a), math.sin(a)) for a in quarter]
    for k, (inset, rise) in enumerate(steps):
        # inset/rise as fractions of the edge size; a chamfer uses only the first and last, a square edge none.
        i = f"(edge_size * ({inset:.5f} if edge == 1 else {int(k == EDGE_STEPS)}))"
        z = f"(thickness - edge_size * (1 - ({rise:.5f} if edge == 1 else {int(k == EDGE_STEPS)})))"
        enabled = "=edge != 0" if k == 0 or k == EDGE_STEPS else "=edge == 1"
        outline = {"kind": "rect", "size": [f"=width - 2 * {i}", f"={_D} - 2 * {i}"],
                   "radius": f"=(width / 2 if {_ROUND} else max(corner_radius - {i}, 0))"}
        slabs.append(at(Node("extrude", {"shape": outline, "height": 0.01}, id=f"plate_edge_{k}"),
                        z=f"={z} - 0.01", node_id=f"plate_edge_{k}_at", enabled=enabled))
    return slabs


def _plate_body() -> Node:
    outline = {"kind": "rect", "size": ["=width", f"={_D}"],
               "radius": f"=(width / 2 if {_ROUND} else corner_radius)"}
    base_h = "=thickness - (edge_size if edge != 0 else 0)"
    return Node("hull", id="plate_body", children=[
        Node("extrude", {"shape": outline, "height": base_h}, id="plate_base"), *_edge_slabs()])


def _holes() -> Node:
    """One cutter per hole, placed by a single grid pattern whose counts and spacing follow the pattern."""
    counts = ["=1 if hole_pattern <= 1 else (2 if hole_pattern == 2 else hole_count)",
              "=hole_rows if hole_pattern == 4 else (2 if hole_pattern == 2 else 1)", 1]
    spacing = ["=width - 2 * hole_inset if hole_pattern == 2 else hole_spacing",
               f"={_D} - 2 * hole_inset if hole_pattern == 2 else hole_spacing", 0]
    slot = {"kind": "rect", "size": [f"={_HOLE} + slot_length", f"={_HOLE}"], "radius": f"={_HOLE} / 2"}
    sink = f"({_HEAD} - {_HOLE}) / 2"  # the 90° countersink's depth
    cutter = Node("union", id="hole", children=[
        at(Node("extrude", {"shape": slot, "height": "=thickness + 2"}, id="hole_through"), z=-1,
           node_id="hole_through_at", enabled="=hole_style != 1"),
        at(Node("extrude", {"shape": slot, "height": "=hole_depth + 1"}, id="hole_blind"),
           z="=thickness - hole_depth", node_id="hole_blind_at", enabled="=hole_style == 1"),
        at(Node("cone", {"r1": f"={_HOLE} / 2", "r2": f"={_HEAD} / 2 + 1", "h": f"=({_HEAD} - {_HOLE}) / 2 + 1",
                         "segments": 32}, id="hole_sink"),
           z=f"=thickness - ({sink})", node_id="hole_sink_at", enabled="=hole_style == 2"),
    ])
    return Node("linear_array", {"count": counts, "spacing": spacing}, [cutter], id="holes", name="Screw holes",
                enabled="=hole_pattern != 0")


def _plate_build() -> Node:
    text = {"kind": "text", "text": "=text", "size": "=text_height"}
    return Node("union", id="root", name="Model", children=[
        Node("difference", id="plate", children=[
            _plate_body(),
            _holes(),
            at(Node("extrude", {"shape": text, "height": "=relief + 1"}, id="plate_engraving"),
               z="=thickness - relief", node_id="plate_engraving_at", enabled="=text_style == 2"),
        ]),
        at(Node("extrude", {"shape": text, "height": "=relief + 0.01"}, id="plate_letters", name="Text"),
           z="=thickness - 0.01", node_id="plate_letters_at", enabled="=text_style == 1"),
    ])


def _plate_extent(v: Mapping[str, Number]) -> Extent:
    w = f(v, "width")
    d = w if v["outline"] == 1 else f(v, "depth")
    return Extent(w, d, f(v, "thickness") + (f(v, "relief") if v["text_style"] == 1 else 0))


_HOLE_SPAN_X = "((hole_count - 1) * hole_spacing if hole_pattern >= 3 else 0)"
_HOLE_SPAN_Y = "((hole_rows - 1) * hole_spacing if hole_pattern == 4 else 0)"

register(TemplateSpec(
    id="plate", title="Plate / tile / bar", title_pt="Placa / chapa / barra", category="basic",
    local_edit=LocalEdit("hole_diameter", {"hole_pattern": "corners"}),
    description="A plain plate, tile or bar, rectangular or round, with screw holes in the corners, a row or a "
                "grid (through, blind or countersunk, or slots), rounded or chamfered edges and raised or "
                "engraved text.",
    description_pt="Uma placa, chapa, ladrilho ou barra simples, retangular ou redonda, com furos para parafuso nos "
                   "cantos, em fileira ou em grade (passantes, cegos ou escareados, ou rasgos), bordas "
                   "arredondadas ou chanfradas e texto em relevo ou gravado.",
    params=_plate_params, build=_plate_build, extent=by_values(_plate_extent),
    synonyms_en=("plate", "tile", "square tile", "flat plate", "sheet", "slab", "panel", "bar", "flat bar", "strip",
                 "mounting plate", "base plate", "backplate", "round plate", "sign", "plaque", "shim plate"),
    synonyms_pt=("placa", "chapa", "ladrilho", "azulejo", "lajota", "barra", "barra chata", "tira", "painel",
                 "placa de montagem", "placa redonda", "placa com furos", "plaqueta", "letreiro"),
    roles={"width": "width", "length": "width", "depth": "depth", "height": "thickness", "thickness": "thickness",
           "size": "width,depth", "diameter": "width", "hole_diameter": "hole_diameter", "count": "hole_count",
           "corner_radius": "corner_radius"},
    # No "text" role: the planner asks what a text template should say, and a plain plate needs no words;
    # its text is a parameter like any other ("engraved text" turns it on).
    role_switches={"depth": RoleSwitch("outline", {1: "width"}), "size": RoleSwitch("outline", {1: "width"})},
    features={
        "round": Feature("outline", 1, 0, ("round", "circular", "disc"), ("redonda", "redondo", "circular")),
        "rounded_edges": Feature("edge", 1, 0, ("rounded edges", "rounded edge", "filleted", "fillet"),
                                 ("bordas arredondadas", "borda arredondada", "filete")),
        "chamfered_edges": Feature("edge", 2, 0, ("chamfered", "chamfer", "bevelled", "beveled"),
                                   ("chanfrada", "chanfro", "chanfrado", "bisotada")),
        "corner_holes": Feature("hole_pattern", 2, 0, ("holes in the corners", "corner holes", "mounting holes",
                                                       "4 holes"),
                                ("furos nos cantos", "furos de fixação", "4 furos")),
        "center_hole": Feature("hole_pattern", 1, 0, ("hole in the middle", "center hole", "centre hole"),
                               ("furo no meio", "furo central")),
        "row_of_holes": Feature("hole_pattern", 3, 0, ("row of holes", "holes in a row"),
                                ("fileira de furos", "furos em linha")),
        "grid_of_holes": Feature("hole_pattern", 4, 0, ("grid of holes", "perforated", "hole grid"),
                                 ("grade de furos", "perfurada")),
        "countersunk": Feature("hole_style", 2, 0, ("countersunk", "countersink", "flat head"),
                               ("escareado", "escareados", "cabeça chata")),
        "blind": Feature("hole_style", 1, 0, ("blind holes", "blind hole", "not through"),
                         ("furo cego", "furos cegos")),
        "slots": Feature("slot_length", 8, 0, ("slots", "slotted holes", "slot"), ("rasgos", "oblongos", "rasgo")),
        "raised_text": Feature("text_style", 1, 0, ("embossed", "raised text", "raised letters"),
                               ("texto em relevo", "alto relevo", "letras em relevo")),
        "engraved_text": Feature("text_style", 2, 0, ("engraved", "engraved text", "carved"),
                                 ("gravado", "texto gravado", "baixo relevo")),
    },
    checks=(
        Check("outline == 1 or corner_radius < min(width, depth) / 2",
              "The corner radius must be less than half the plate's width and depth.",
              pt="O raio dos cantos precisa ser menor que a metade da largura e da profundidade da placa."),
        Check(f"edge == 0 or edge_size <= min(thickness - 0.4, min(width, {_D}) / 2 - 0.5 - "
              "(0 if outline == 1 else corner_radius))",
              "The rounded or chamfered edge is larger than the plate allows (it must leave 0.4 mm of plate).",
              pt="A borda arredondada ou chanfrada é maior do que a placa permite (precisa sobrar 0.4 mm de placa)."),
        Check(f"hole_pattern == 0 or ({_HOLE} + slot_length + (0 if hole_pattern == 2 else {_HOLE_SPAN_X}) + "
              f"(width - 2 * hole_inset if hole_pattern == 2 else 0) <= width - 1.6 and "
              f"{_HOLE} + (0 if hole_pattern == 2 else {_HOLE_SPAN_Y}) + "
              f"({_D} - 2 * hole_inset if hole_pattern == 2 else 0) <= {_D} - 1.6)",
              "The holes do not fit on the plate: keep 0.8 mm of material around them (fewer, smaller or closer "
              "holes, or a larger plate).",
              pt="Os furos não cabem na placa: deixe 0.8 mm de material em volta deles (menos furos, menores ou "
                 "mais próximos, ou uma placa maior)."),
        Check(f"hole_pattern < 3 or hole_spacing >= {_HOLE} + slot_length + 0.8",
              "Holes in a row or grid overlap: the spacing must be at least the hole size plus 0.8 mm.",
              pt="Os furos da fileira ou da grade se sobrepõem: o espaçamento precisa ser pelo menos o tamanho do "
                 "furo mais 0.8 mm."),
        Check(f"hole_pattern != 2 or min(width, {_D}) - 2 * hole_inset >= {_HOLE} + slot_length + 0.8",
              "The corner holes overlap: inset them less or use a larger plate.",
              pt="Os furos dos cantos se sobrepõem: diminua o recuo ou use uma placa maior."),
        Check("hole_style != 1 or hole_depth <= thickness - 0.4",
              "A blind hole must leave at least 0.4 mm of plate below it; make it a through hole instead.",
              pt="Um furo cego precisa deixar pelo menos 0.4 mm de placa embaixo; use um furo passante."),
        Check(f"hole_style != 2 or (slot_length == 0 and ({_HEAD} - {_HOLE}) / 2 <= thickness - 0.4)",
              "Countersunk holes are round and need a plate thicker than the screw head's cone.",
              pt="Furos escareados são redondos e precisam de uma placa mais grossa que o cone da cabeça do "
                 "parafuso."),
        Check("text_style == 0 or (6 * len(text) - 1) * text_height / 7 <= width - 2",
              "The text is wider than the plate; use fewer or smaller letters.",
              pt="O texto é mais largo que a placa; use menos letras ou letras menores."),
        Check(f"text_style == 0 or text_height <= {_D} - 2", "The letters are taller than the plate.",
              pt="As letras são mais altas que a placa."),
        Check("text_style != 2 or relief <= thickness - 0.6",
              "Engraving must leave at least 0.6 mm of plate.",
              pt="A gravação precisa deixar pelo menos 0.6 mm de placa."),
    ),
    tags=("basic", "primitive", "plate"),
))


SOLID_SHAPES = ["pyramid", "hemisphere", "torus", "wedge", "cone"]
HEMI_ARC = 24


def _solid_params() -> list[Parameter]:
    return [
        choice("shape", SOLID_SHAPES, "Shape", "Pyramid, hemisphere, torus (ring), wedge or cone.", value=1,
               pt="Formato"),
        length("width", 40, 2, 500, "Width", "X size of a pyramid or wedge.", pt="Largura"),
        length("depth", 40, 2, 500, "Depth", "Y size of a pyramid or wedge.", pt="Profundidade"),
        length("height", 30, 1, 500, "Height", "Height of a pyramid, wedge or cone.", pt="Altura"),
        length("diameter", 40, 2, 500, "Diameter", "Diameter of a hemisphere, the outside of a torus or the base "
               "of a cone.", pt="Diâmetro"),
        length("top_diameter", 0, 0, 500, "Top diameter", "Diameter of a cone's top (0 = pointed).",
               pt="Diâmetro do topo"),
        length("tube_diameter", 10, 1, 250, "Tube thickness", "Thickness of a torus's ring.", pt="Espessura do anel"),
    ]


def _hemisphere() -> Node:
    arc: list[list[object]] = [[0, 0]]
    arc += [[f"=diameter / 2 * {math.cos(math.radians(90 * k / HEMI_ARC)):.6f}",
                       f"=diameter / 2 * {math.sin(math.radians(90 * k / HEMI_ARC)):.6f}"] for k in range(HEMI_ARC)]
    arc.append([0, "=diameter / 2"])
    return Node("revolve", {"profile": arc}, id="solid_hemisphere", enabled="=shape == 1")


def _solid_build() -> Node:
    pyramid = at(at(Node("cone", {"r1": "=width / sqrt(2)", "r2": 0, "h": "=height", "segments": 4},
                         id="solid_pyramid_cone"), rotate=[0, 0, 45], node_id="solid_pyramid_turn"),
                 node_id="solid_pyramid", enabled="=shape == 0")
    pyramid.props["scale"] = [1, "=depth / width", 1]
    wedge_profile = {"kind": "polygon", "points": [["=-width / 2", 0], ["=width / 2", 0], ["=-width / 2", "=height"]]}
    return Node("union", id="root", name="Model", children=[
        pyramid,
        _hemisphere(),
        at(Node("torus", {"R": "=(diameter - tube_diameter) / 2", "r": "=tube_diameter / 2"}, id="solid_torus"),
           z="=tube_diameter / 2", node_id="solid_torus_at", enabled="=shape == 2"),
        at(Node("extrude", {"shape": wedge_profile, "height": "=depth"}, id="solid_wedge"), y="=depth / 2",
           rotate=[90, 0, 0], node_id="solid_wedge_at", enabled="=shape == 3"),
        Node("cone", {"r1": "=diameter / 2", "r2": "=top_diameter / 2", "h": "=height"}, id="solid_cone",
             enabled="=shape == 4"),
    ])


def _solid_extent(v: Mapping[str, Number]) -> Extent:
    shape, d = int(v["shape"]), f(v, "diameter")
    if shape in (0, 3):
        return Extent(f(v, "width"), f(v, "depth"), f(v, "height"))
    if shape == 1:
        return Extent(d, d, d / 2)
    if shape == 2:
        return Extent(d, d, f(v, "tube_diameter"))
    d = max(d, f(v, "top_diameter"))
    return Extent(d, d, f(v, "height"))


register(TemplateSpec(
    id="solid", title="Basic solid", title_pt="Sólido básico", category="basic",
    local_edit=LocalEdit("height", {"shape": "cone"}),
    description="A plain pyramid, hemisphere (dome), torus (ring), wedge (ramp) or cone.",
    description_pt="Um sólido simples: pirâmide, hemisfério (domo), toro (anel), cunha (rampa) ou cone.",
    params=_solid_params, build=_solid_build, extent=by_values(_solid_extent),
    synonyms_en=("basic solid", "pyramid", "hemisphere", "half sphere", "dome", "torus", "donut", "doughnut",
                 "wedge", "ramp", "door wedge", "frustum", "truncated cone"),
    synonyms_pt=("sólido básico", "pirâmide", "hemisfério", "meia esfera", "domo", "cúpula", "toro", "rosquinha",
                 "cunha", "rampa", "calço de porta", "tronco de cone"),
    roles={"width": "width", "depth": "depth", "height": "height", "length": "width", "diameter": "diameter",
           "size": "width,depth,height", "top_diameter": "top_diameter", "bottom_diameter": "diameter",
           "thickness": "tube_diameter"},
    role_switches={
        **{role: RoleSwitch("shape", {1: "diameter", 2: "diameter", 4: "diameter"}) for role in ("width", "depth",
                                                                                                 "length")},
        "size": RoleSwitch("shape", {1: "diameter", 2: "diameter", 4: "diameter,height"}),
        "height": RoleSwitch("shape", {2: "tube_diameter"}),
    },
    features={
        "pyramid": Feature("shape", 0, 1, ("pyramid",), ("pirâmide",)),
        "torus": Feature("shape", 2, 1, ("torus", "donut", "doughnut"), ("toro", "rosquinha")),
        "wedge": Feature("shape", 3, 1, ("wedge", "ramp"), ("cunha", "rampa")),
        "cone": Feature("shape", 4, 1, ("cone", "frustum"), ("cone", "tronco de cone")),
        "hemisphere": Feature("shape", 1, 0, ("hemisphere", "half sphere", "dome"), ("hemisfério", "meia esfera",
                                                                                     "domo", "cúpula")),
    },
    checks=(
        Check("shape != 2 or tube_diameter <= diameter / 2 - 1",
              "The torus's ring is too thick for its diameter: it must leave a hole in the middle.",
              pt="O anel do toro é grosso demais para o diâmetro: precisa sobrar um furo no meio."),
        Check("shape != 4 or top_diameter <= diameter * 4", "The cone's top is too wide for its base.",
              pt="O topo do cone é largo demais para a base."),
    ),
    tags=("basic", "primitive"),
))


PROFILES = ["L", "U", "T"]


def _profile_params() -> list[Parameter]:
    return [
        choice("profile", PROFILES, "Profile", "An L (angle), U (channel) or T profile.", pt="Perfil"),
        length("width", 30, 4, 300, "Width", "Width of the profile's base (X).", pt="Largura"),
        length("height", 20, 4, 300, "Height", "Height of the profile's legs.", pt="Altura"),
        length("length", 100, 5, 500, "Length", "How long the profile is (Y).", pt="Comprimento"),
        length("thickness", 3, 0.8, 50, "Thickness", "Thickness of the base and legs.", 0.2, pt="Espessura"),
    ]


def _profile_build() -> Node:
    w, h, t = "width / 2", "height", "thickness"
    left, right, inner_l, inner_r = f"=-{w}", f"={w}", f"=-{w} + {t}", f"={w} - {t}"
    l_pts: list[list[object]] = [[left, 0], [right, 0], [right, f"={t}"], [inner_l, f"={t}"], [inner_l, f"={h}"],
                                 [left, f"={h}"]]
    u_pts: list[list[object]] = [[left, 0], [right, 0], [right, f"={h}"], [inner_r, f"={h}"], [inner_r, f"={t}"],
                                 [inner_l, f"={t}"], [inner_l, f"={h}"], [left, f"={h}"]]
    t_pts: list[list[object]] = [[left, 0], [right, 0], [right, f"={t}"], [f"={t} / 2", f"={t}"],
                                 [f"={t} / 2", f"={h}"], [f"=-{t} / 2", f"={h}"], [f"=-{t} / 2", f"={t}"],
                                 [left, f"={t}"]]

    def leg(node_id: str, pts: list[list[object]], index: int) -> Node:
        return at(Node("extrude", {"shape": {"kind": "polygon", "points": pts}, "height": "=length"}, id=node_id),
                  y="=length / 2", rotate=[90, 0, 0], node_id=f"{node_id}_at", enabled=f"=profile == {index}")

    return Node("union", id="root", name="Model", children=[
        leg("profile_l", l_pts, 0), leg("profile_u", u_pts, 1), leg("profile_t", t_pts, 2)])


register(TemplateSpec(
    id="profile", title="L / U profile", title_pt="Perfil L / U", category="basic",
    local_edit=LocalEdit("length"),
    description="A length of L (angle), U (channel) or T profile, printed standing on its base.",
    description_pt="Um pedaço de perfil L (cantoneira), U (canaleta) ou T, impresso apoiado na base.",
    params=_profile_params, build=_profile_build,
    extent=by_values(lambda v: Extent(f(v, "width"), f(v, "length"), f(v, "height"))),
    # Not "l bracket" or "angle bracket": those are shelf brackets (shelf_bracket) to a maker.
    synonyms_en=("l profile", "u profile", "t profile", "angle profile", "angle iron", "corner angle", "channel",
                 "u channel", "tee profile", "extrusion profile", "l-profile", "u-profile", "c channel"),
    synonyms_pt=("perfil l", "perfil u", "perfil t", "cantoneira", "canaleta", "perfil", "perfil em l",
                 "perfil em u", "calha"),
    roles={"width": "width", "height": "height", "length": "length", "depth": "length", "thickness": "thickness",
           "wall": "thickness", "size": "length"},
    features={
        "l": Feature("profile", 0, 0, ("l profile", "angle", "l-shaped"), ("perfil l", "cantoneira", "em l")),
        "u": Feature("profile", 1, 0, ("u profile", "channel", "u-shaped"), ("perfil u", "canaleta", "em u")),
        "t": Feature("profile", 2, 0, ("t profile", "tee", "t-shaped"), ("perfil t", "em t")),
    },
    checks=(
        Check("thickness <= height - 0.8 and thickness <= width / 2 - 0.4",
              "The profile is too thick for its width and height: its legs would merge.",
              pt="O perfil é grosso demais para a largura e a altura: as abas se juntariam."),
    ),
    tags=("basic", "primitive", "profile"),
))


def _tube_params() -> list[Parameter]:
    return [
        length("outer_diameter", 30, 2, 500, "Outer diameter", "Outside diameter of the tube, ring or disc.", 0.1,
               pt="Diâmetro externo"),
        length("inner_diameter", 24, 0, 490, "Inner diameter", "Diameter of the hole (0 = a solid disc).", 0.1,
               pt="Diâmetro interno"),
        length("height", 40, 0.4, 500, "Height", "Length of a tube, thickness of a ring or disc.", 0.2, pt="Altura"),
        length("chamfer", 0, 0, 10, "Chamfer", "A 45° chamfer on the top's outer edge.", 0.2, pt="Chanfro"),
    ]


def _tube_build() -> Node:
    body = Node("union", id="tube_body", children=[
        cylinder("tube_outer", "outer_diameter", "=height - chamfer"),
        at(Node("cone", {"r1": "=outer_diameter / 2", "r2": "=outer_diameter / 2 - chamfer", "h": "=chamfer"},
                id="tube_chamfer"), z="=height - chamfer", node_id="tube_chamfer_at", enabled="=chamfer > 0"),
    ])
    return Node("difference", id="root", name="Model", children=[
        body,
        at(cylinder("tube_bore", "inner_diameter", "=height + 2"), z=-1, node_id="tube_bore_at",
           enabled="=inner_diameter > 0"),
    ])


register(TemplateSpec(
    id="tube", title="Tube / ring / disc", title_pt="Tubo / anel / disco", category="basic",
    local_edit=LocalEdit("inner_diameter"),
    description="A round tube, pipe, flat ring or solid disc, with an optional chamfered top edge.",
    description_pt="Um tubo, cano, anel chato ou disco maciço, com chanfro opcional na borda de cima.",
    params=_tube_params, build=_tube_build,
    extent=by_values(lambda v: Extent(f(v, "outer_diameter"), f(v, "outer_diameter"), f(v, "height"))),
    # Not "disc" or "coin": a disc is solid, which the block's cylinder is (this template starts hollow).
    synonyms_en=("tube", "pipe", "ring", "flat ring", "sleeve", "cylinder tube", "hollow cylinder", "collar"),
    synonyms_pt=("tubo", "cano", "anel", "anel chato", "argola", "luva", "cilindro oco", "colar"),
    roles={"diameter": "outer_diameter", "width": "outer_diameter", "size": "outer_diameter",
           "hole_diameter": "inner_diameter", "bore": "inner_diameter", "height": "height", "length": "height",
           "thickness": "height"},
    features={"chamfer": Feature("chamfer", 1, 0, ("chamfer", "chamfered", "bevelled"), ("chanfro", "chanfrado")),
              "solid": Feature("inner_diameter", 0, 24, ("solid", "no hole"), ("maciço", "sem furo"))},
    checks=(
        Check("inner_diameter == 0 or inner_diameter <= outer_diameter - 1.6",
              "The hole must be at least 1.6 mm narrower than the outside (0.8 mm walls).",
              pt="O furo precisa ser pelo menos 1.6 mm mais estreito que o diâmetro externo (paredes de 0.8 mm)."),
        Check("chamfer <= height - 0.2 and chamfer <= (outer_diameter - inner_diameter) / 2 - 0.8",
              "The chamfer is larger than the tube's wall or height allows.",
              pt="O chanfro é maior do que a parede ou a altura do tubo permitem."),
    ),
    tags=("basic", "primitive"),
))
