"""Mechanical parts: gears, knobs, spacers and the generic block.

spur_gear — involute spur gear (core/geometry/gear.py). The outside diameter is
    module·(teeth + 2); tooth 0 points along +X, so with an even tooth count the bounding box is
    exactly that in X and Y (odd counts: X and Y slightly less, the radius is still exact).
    Z = thickness + hub_height with the hub.
knob — a round knob with vertical grip grooves (stopping 2 mm under the top, so the outline is a
    full circle), a blind D-shaft hole from below and an optional M3 set-screw hole from +X, the grooves and
    the hole drawn in 2D and stacked as layers.
    Bounding box: diameter × diameter × height.
spacer — washer, spacer (round) or standoff (hex, across flats = outer_diameter, corners on X).
    Bounding box: round: outer × outer × height; hex: outer/cos 30° × outer × height.
block — a box, cylinder, sphere or cone with an optional hole through Z. Bounding box:
    box: width × depth × height; cylinder: diameter² × height; cone: max(diameter, top)² × height;
    sphere: diameter × diameter × √(diameter² − hole_diameter²). "A 20 mm cube with a 10 mm hole through the middle" is
    {shape: box, size 20, hole_diameter: 10}.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import core.geometry.gear  # noqa: F401  (registers the "gear" shape kind the gear outline uses)
from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, DerivedRole, Extent, Feature, LocalEdit, RoleSwitch, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    angle,
    at,
    box,
    by_values,
    choice,
    cylinder,
    f,
    flag,
    integer,
    length,
    through_z,
)
from core.templates.registry import register

_ROOT_D = "module * (teeth - 2.5)"
# "A gear 44 mm across": keep the module (meshing gears share it) and count the teeth; when the
# teeth are given too, the module follows.
_OUTSIDE_DIAMETER = DerivedRole("module * (teeth + 2)", (("teeth", "target / module - 2"),
                                                         ("module", "target / (teeth + 2)")))


def _gear_params() -> list[Parameter]:
    return [
        integer("teeth", 20, 6, 200, "Teeth", "Number of teeth.", pt="Dentes"),
        length("module", 2, 0.5, 10, "Module", "Tooth size: pitch diameter / teeth. Meshing gears share it.", 0.25,
               pt="Módulo"),
        angle("pressure_angle", 20, 14.5, 25, "Pressure angle", "20° is the standard; both gears must match.",
              pt="Ângulo de pressão"),
        length("thickness", 8, 1, 100, "Thickness", "Face width of the gear.", pt="Espessura"),
        length("bore", 5, 0, 100, "Bore", "Diameter of the axle hole (0 = none).", 0.1, pt="Furo central"),
        flag("hub", False, "Hub", "A raised hub around the bore for a set screw or more grip on the axle.", pt="Cubo"),
        length("hub_diameter", 15, 4, 200, "Hub diameter", "Outside diameter of the hub.", pt="Diâmetro do cubo"),
        length("hub_height", 8, 1, 100, "Hub height", "How far the hub stands above the gear.", pt="Altura do cubo"),
    ]


def _gear_build() -> Node:
    """The gear, and its hub, are prisms with the bore cut in 2D: without a hub the whole gear is one extrusion and
    no boolean (cutting the bore from the 3D toothed body took one of ~4 ms for every edit)."""
    bore = {"kind": "array", "shape": {"kind": "circle", "r": "=max(bore, 0.1) / 2", "segments": 48},
            "count": ["=1 if bore > 0 else 0", 1]}
    outline = {"kind": "gear", "teeth": "=teeth", "module": "=module", "pressure_angle": "=pressure_angle",
               "holes": [bore]}
    hub = {"kind": "circle", "r": "=hub_diameter / 2", "holes": [bore]}
    return Node("union", id="root", name="Spur gear", children=[
        Node("extrude", {"shape": outline, "height": "=thickness"}, id="gear_body", name="Gear"),
        at(Node("extrude", {"shape": hub, "height": "=hub_height + 0.5"}, id="hub"), z="=thickness - 0.5",
           node_id="hub_at", name="Hub", enabled="=hub"),
    ])


def _gear_extent(v: Mapping[str, Number]) -> Extent:
    teeth = int(v["teeth"])
    d = f(v, "module") * (teeth + 2)
    return Extent(d, d, f(v, "thickness") + (f(v, "hub_height") if v["hub"] else 0), exact=teeth % 4 == 0)


register(TemplateSpec(
    id="spur_gear", title="Spur gear", title_pt="Engrenagem", category="mechanical",
    local_edit=LocalEdit("bore"),
    description="An involute spur gear from teeth and module, 20° pressure angle, with bore and optional hub.",
    description_pt="Uma engrenagem de dentes retos (perfil evolvente) por número de dentes e módulo, ângulo de "
                   "pressão de 20°, com furo e cubo opcional.",
    params=_gear_params, build=_gear_build, extent=by_values(_gear_extent),
    synonyms_en=("spur gear", "gear", "cog", "gear wheel", "cogwheel", "toothed wheel"),
    synonyms_pt=("engrenagem", "engrenagem reta", "roda dentada", "pinhão", "catraca"),
    roles={"teeth": "teeth", "count": "teeth", "module": "module", "bore": "bore", "hole_diameter": "bore",
           "thickness": "thickness", "height": "thickness", "angle": "pressure_angle"},
    derived={role: _OUTSIDE_DIAMETER for role in ("diameter", "size")},
    features={"hub": Feature("hub", 1, 0, ("hub", "collar"), ("cubo", "colar")),
              "bore": Feature("bore", 5, 0, ("bore", "axle hole", "center hole", "hole"), ("furo central", "furo"))},
    checks=(
        Check(f"bore <= {_ROOT_D} - 1.6", "The bore is too large: it would cut into the teeth.",
              pt="O furo do eixo é grande demais: ele cortaria os dentes."),
        Check(f"not hub or (hub_diameter >= bore + 1.6 and hub_diameter <= {_ROOT_D})",
              "The hub must be wider than the bore (by 1.6 mm) and no wider than the tooth roots.",
              pt="O cubo precisa ser pelo menos 1.6 mm mais largo que o furo do eixo e não mais largo que a "
                 "base dos dentes."),
    ),
    tags=("mechanical", "gear"),
))


def _knob_params() -> list[Parameter]:
    return [
        length("diameter", 30, 10, 100, "Diameter", "Outside diameter of the knob.", pt="Diâmetro"),
        length("height", 18, 6, 60, "Height", "Height of the knob.", pt="Altura"),
        length("shaft_diameter", 6, 2, 20, "Shaft diameter",
               "Diameter of the shaft it fits on (the hole is 0.2 mm larger).", 0.1, pt="Diâmetro do eixo"),
        flag("d_flat", True, "D-shaft flat", "A flat in the hole for D-shaped shafts (potentiometers, encoders).",
             pt="Chanfro do eixo D"),
        integer("ridges", 18, 0, 60, "Grip ridges", "Number of vertical grip grooves (0 = smooth).", pt="Estrias"),
        flag("set_screw", False, "Set screw", "An M3 set-screw hole from the side into the shaft hole.",
             pt="Parafuso de fixação"),
    ]


def _knob_build() -> Node:
    """The knob as stacked layers meshed at once (core/geometry/loft.py): the grooved outline with the D hole up
    to 3 mm under the top, the grooves alone up to 2 mm under it, then the closed top. Grooves and hole are drawn
    in 2D; cutting them from a cylinder in 3D took two booleans (~15 ms) for every edit."""
    flat_edge = "(shaft_diameter * 0.4 if d_flat else shaft_diameter)"  # x of the flat, from the axis
    grooves = {"kind": "polar", "count": "=ridges", "radius": "=diameter / 2", "start_angle": "=180 / max(ridges, 1)",
               "shape": {"kind": "circle", "r": "=min(3, pi * diameter / max(ridges, 1) / 2) / 2", "segments": 16}}
    # The D outline: a circle less what lies beyond x = flat_edge (without the flat, outside the circle).
    shaft = {"kind": "circle", "r": "=(shaft_diameter + 0.2) / 2", "segments": COARSE, "holes": [
        {"kind": "rect", "size": ["=shaft_diameter + 2", "=shaft_diameter + 2"],
         "translate": [f"={flat_edge} + (shaft_diameter + 2) / 2", 0]},
    ]}
    knob = Node("extrude", {"layers": [
        {"shape": {"kind": "circle", "r": "=diameter / 2", "holes": [grooves, shaft]}, "height": "=height - 3"},
        {"shape": {"kind": "circle", "r": "=diameter / 2", "holes": [grooves]}, "height": 1},
        {"shape": {"kind": "circle", "r": "=diameter / 2"}, "height": 2},
    ]}, id="knob_body", name="Knob")
    return Node("difference", id="root", name="Knob", children=[
        knob,
        at(cylinder("set_screw_hole", "2.5", "=diameter / 2 + 1", 16), z="=(height - 3) / 2", rotate=[0, 90, 0],
           node_id="set_screw_at", name="Set screw hole", enabled="=set_screw"),
    ])


register(TemplateSpec(
    id="knob", title="Knob", title_pt="Botão / manopla", category="mechanical",
    local_edit=LocalEdit("shaft_diameter"),
    description="A grippy knob for a potentiometer or shaft, with D-flat and optional set screw.",
    description_pt="Um botão com pegada para potenciômetro ou eixo, com encaixe em D e parafuso de fixação opcional.",
    params=_knob_params, build=_knob_build,
    extent=by_values(lambda v: Extent(f(v, "diameter"), f(v, "diameter"), f(v, "height"))),
    synonyms_en=("knob", "control knob", "potentiometer knob", "volume knob", "dial", "thumb wheel",
                 "something to turn a shaft"),
    synonyms_pt=("botão", "knob", "manopla", "botão de volume", "botão de potenciômetro", "puxador giratório"),
    roles={"diameter": "diameter", "width": "diameter", "size": "diameter", "height": "height",
           "hole_diameter": "shaft_diameter",
           "bore": "shaft_diameter", "count": "ridges"},
    features={
        "set_screw": Feature("set_screw", 1, 0, ("set screw", "grub screw"), ("parafuso de fixação", "parafuso allen")),
        "d_flat": Feature("d_flat", 1, 0, ("d-shaft", "d shaft", "flat"), ("eixo d", "chanfro")),
        "ridges": Feature("ridges", 18, 0, ("ridges", "knurled", "grip"), ("estrias", "serrilhado", "ranhuras")),
    },
    checks=(
        Check("shaft_diameter <= diameter - 6", "The knob must be at least 6 mm wider than the shaft.",
              pt="O botão precisa ser pelo menos 6 mm mais largo que o eixo."),
        Check("not set_screw or height >= 9", "A set screw needs a knob at least 9 mm tall.",
              pt="Um parafuso de fixação precisa de um botão com pelo menos 9 mm de altura."),
    ),
    tags=("mechanical", "electronics"),
))

SPACER_KINDS = ["washer", "spacer", "standoff"]
_HEX = "kind == 2"


def _spacer_params() -> list[Parameter]:
    return [
        choice("kind", SPACER_KINDS, "Kind", "Flat washer, round spacer or hex standoff.", value=1, pt="Tipo"),
        length("outer_diameter", 10, 3, 100, "Outer diameter", "Outside diameter (standoff: across flats).", 0.1,
               pt="Diâmetro externo"),
        length("inner_diameter", 3.2, 0, 90, "Hole diameter", "Diameter of the hole (0 = solid).", 0.1,
               pt="Diâmetro do furo"),
        length("height", 5, 0.5, 200, "Height", "Thickness of a washer, length of a spacer or standoff.", 0.1,
               pt="Altura"),
    ]


def _spacer_build() -> Node:
    outline = {"kind": "regular", "sides": f"=6 if {_HEX} else 48", "start_angle": 0,
               "r": f"=outer_diameter / 2 / (cos(30) if {_HEX} else 1)"}
    return Node("difference", id="root", name="Spacer", children=[
        Node("extrude", {"shape": outline, "height": "=height"}, id="spacer_body"),
        through_z("spacer_hole", "inner_diameter", "height", 32, enabled="=inner_diameter > 0"),
    ])


def _spacer_extent(v: Mapping[str, Number]) -> Extent:
    d = f(v, "outer_diameter")
    return Extent(d / math.cos(math.radians(30)) if v["kind"] == 2 else d, d, f(v, "height"))


register(TemplateSpec(
    id="spacer", title="Spacer / washer / standoff", title_pt="Espaçador / arruela", category="mechanical",
    local_edit=LocalEdit("inner_diameter"),
    description="A washer, round spacer or hex standoff with a hole for a screw.",
    description_pt="Uma arruela, espaçador redondo ou espaçador sextavado com furo para parafuso.",
    params=_spacer_params, build=_spacer_build, extent=by_values(_spacer_extent),
    synonyms_en=("spacer", "washer", "standoff", "stand-off", "bushing", "shim", "pcb standoff", "sleeve"),
    synonyms_pt=("espaçador", "arruela", "separador", "bucha", "calço", "espaçador sextavado"),
    roles={"diameter": "outer_diameter", "width": "outer_diameter", "size": "outer_diameter",
           "hole_diameter": "inner_diameter",
           "bore": "inner_diameter", "height": "height", "length": "height", "thickness": "height"},
    features={
        "washer": Feature("kind", 0, 1, ("washer",), ("arruela",)),
        "standoff": Feature("kind", 2, 1, ("standoff", "hex"), ("sextavado", "standoff")),
    },
    checks=(Check("inner_diameter <= outer_diameter - 1.6",
                  "The hole must be at least 1.6 mm narrower than the outside (0.8 mm walls).",
                  pt="O furo precisa ser pelo menos 1.6 mm mais estreito que o diâmetro externo "
                     "(paredes de 0.8 mm)."),),
    tags=("mechanical", "hardware"),
))

BLOCK_SHAPES = ["box", "cylinder", "sphere", "cone"]
SPHERE_ARC = 32  # points on the revolved half circle


def _block_params() -> list[Parameter]:
    return [
        choice("shape", BLOCK_SHAPES, "Shape", "Box, cylinder, sphere or cone.", pt="Formato"),
        length("width", 20, 1, 500, "Width", "X size of a box.", pt="Largura"),
        length("depth", 20, 1, 500, "Depth", "Y size of a box.", pt="Profundidade"),
        length("height", 20, 1, 500, "Height", "Z size of a box, cylinder or cone.", pt="Altura"),
        length("diameter", 20, 1, 500, "Diameter", "Diameter of a cylinder, sphere or the base of a cone.",
               pt="Diâmetro"),
        length("top_diameter", 0, 0, 500, "Top diameter", "Diameter of a cone's top (0 = pointed).",
               pt="Diâmetro do topo"),
        length("hole_diameter", 0, 0, 490, "Hole diameter", "A hole through the middle along Z (0 = none).", 0.1,
               pt="Diâmetro do furo"),
        length("corner_radius", 0, 0, 250, "Corner radius", "Rounding of a box's vertical edges.",
               pt="Raio dos cantos"),
    ]


def _holed_sphere() -> Node:
    """A sphere revolved from its arc, the arc stopping where the hole begins: the hole's rims are
    exact, so the sphere stands exactly on z = 0 on its lower rim (centred on the origin here)."""
    half = "atan2(sqrt(diameter**2 - hole_diameter**2), hole_diameter)"  # arc half-angle from the equator
    fractions = [2 * k / SPHERE_ARC - 1 for k in range(SPHERE_ARC + 1)]
    arc = [[f"=diameter / 2 * cos({half} * {t})", f"=diameter / 2 * sin({half} * {t})"] for t in fractions]
    return Node("revolve", {"profile": arc}, id="block_sphere")


def _block_build() -> Node:
    solids = Node("union", id="block_solid", children=[
        box("block_box", "=width", "=depth", "=height", "=corner_radius", enabled="=shape == 0"),
        cylinder("block_cylinder", "diameter", "=height", enabled="=shape == 1"),
        at(_holed_sphere(), z="=sqrt(diameter**2 - hole_diameter**2) / 2", node_id="block_sphere_at",
           enabled="=shape == 2"),
        Node("cone", {"r1": "=diameter / 2", "r2": "=top_diameter / 2", "h": "=height"}, id="block_cone",
             enabled="=shape == 3"),
    ])
    return Node("difference", id="root", name="Block", children=[
        solids,
        at(cylinder("block_hole", "hole_diameter", "=2 * max(height, diameter) + 2", 48),
           z="=-max(height, diameter) - 1", node_id="block_hole_at", enabled="=hole_diameter > 0 and shape != 2"),
    ])


def _block_extent(v: Mapping[str, Number]) -> Extent:
    shape, d = int(v["shape"]), f(v, "diameter")
    if shape == 0:
        return Extent(f(v, "width"), f(v, "depth"), f(v, "height"))
    if shape == 2:  # a hole through a sphere takes off its poles; it stands on the hole's rim
        return Extent(d, d, math.sqrt(d * d - f(v, "hole_diameter") ** 2))
    if shape == 3:
        d = max(d, f(v, "top_diameter"))
    return Extent(d, d, f(v, "height"))


register(TemplateSpec(
    id="block", title="Block", title_pt="Bloco", category="basic",
    local_edit=LocalEdit("hole_diameter", {"hole_diameter": 5}),
    description="A plain box, cylinder, sphere or cone, optionally with a hole through the middle.",
    description_pt="Um bloco simples: cubo, cilindro, esfera ou cone, com furo passante no meio opcional.",
    params=_block_params, build=_block_build, extent=by_values(_block_extent),
    synonyms_en=("block", "cube", "box shape", "cylinder", "sphere", "ball", "cone", "brick", "plain shape", "rod",
                 "disc", "puck"),
    synonyms_pt=("bloco", "cubo", "cilindro", "esfera", "bola", "cone", "tijolo", "disco", "forma simples"),
    roles={"width": "width", "depth": "depth", "height": "height", "length": "width", "diameter": "diameter",
           "size": "width,depth,height,diameter", "hole_diameter": "hole_diameter", "bore": "hole_diameter",
           "corner_radius": "corner_radius", "top_diameter": "top_diameter", "bottom_diameter": "diameter"},
    # A round block has no width or depth: "a cylinder 30 mm wide" means its diameter, "a rod 80 mm
    # long" its height, "a 20 mm sphere" its diameter alone.
    role_switches={
        **{role: RoleSwitch("shape", dict.fromkeys((1, 2, 3), "diameter")) for role in ("width", "depth")},
        "length": RoleSwitch("shape", {1: "height", 2: "diameter", 3: "height"}),
        "height": RoleSwitch("shape", {2: "diameter"}),
        "size": RoleSwitch("shape", {1: "diameter,height", 2: "diameter", 3: "diameter,height"}),
    },
    features={
        "cylinder": Feature("shape", 1, 0, ("cylinder", "round", "disc", "rod"), ("cilindro", "redondo", "disco")),
        "sphere": Feature("shape", 2, 0, ("sphere", "ball"), ("esfera", "bola")),
        "cone": Feature("shape", 3, 0, ("cone", "pyramid"), ("cone",)),
        "cube": Feature("shape", 0, 0, ("cube", "box"), ("cubo", "caixa")),
        "rounded": Feature("corner_radius", 3, 0, ("rounded corners", "rounded"), ("cantos arredondados",)),
    },
    checks=(
        Check("shape != 0 or hole_diameter == 0 or hole_diameter <= min(width, depth) - 1.6",
              "The hole must be at least 1.6 mm narrower than the block.",
              pt="O furo precisa ser pelo menos 1.6 mm mais estreito que o bloco."),
        Check("shape == 0 or hole_diameter == 0 or hole_diameter <= diameter - 1.6",
              "The hole must be at least 1.6 mm narrower than the part.",
              pt="O furo precisa ser pelo menos 1.6 mm mais estreito que a peça."),
        Check("shape != 3 or hole_diameter == 0 or hole_diameter <= top_diameter - 1.6",
              "A hole through a cone needs a flat top at least 1.6 mm wider than the hole.",
              pt="Um furo que atravessa um cone precisa de um topo plano pelo menos 1.6 mm mais largo que o furo."),
        Check("shape != 0 or corner_radius < min(width, depth) / 2",
              "The corner radius must be less than half the block's width and depth.",
              pt="O raio dos cantos precisa ser menor que a metade da largura e da profundidade do bloco."),
        Check("shape != 3 or top_diameter <= diameter * 4", "The cone's top is too wide for its base.",
              pt="O topo do cone é largo demais para a base."),
    ),
    tags=("basic", "primitive"),
))
