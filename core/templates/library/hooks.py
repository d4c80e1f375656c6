"""Things that hang, hold and mount: wall hooks, shelf brackets, cable clips, spool holders.

All stand in their printing orientation, which is also how they are used, with no overhangs
beyond 45°.

wall_hook — a back plate against the wall (XZ plane, at −Y) with `count` J-hooks along the bed and
    one screw hole per hook. Bounding box: X = count·width, Y = hook_depth, Z = max(height, tip_height).
shelf_bracket — an L standing on its shelf arm: wall arm up Z, shelf arm along Y, optional gusset
    rib, screw holes in both arms. Bounding box: X = width, Y = shelf_arm, Z = wall_arm.
cable_clip — a base plate with `count` snap-in C clips (opening 0.75 × the cable) for stick-on
    (adhesive) or a screw tab on +Y. Let ri = cable/2 + 0.2, ro = ri + wall, zc = thickness + ri.
    Bounding box: X = count·(2·ro + 3), Y = clip_width (+ 2·hole + 6 for the screw tab),
    Z = zc + ro·√(ri² − (0.375·cable)²)/ri (the arms end in radial cuts).
spool_holder — a cradle (base + two notched side walls) and a tube axle printed standing beside
    it, 10 mm apart. Let da = spool_bore − 2 (the axle), Xc = spool_width + 2 + 2·thickness,
    hc = spool_diameter/2 + thickness + 3 (axle centre height). Bounding box:
    X = Xc + 10 + da, Y = max(spool_diameter/2, da), Z = max(hc + da/2, spool_width + 2·thickness + 10).
    Parts: "Cradle", "Axle".
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    PLATE_GAP,
    at,
    box,
    by_values,
    choice,
    cylinder,
    f,
    flag,
    integer,
    length,
    side_by_side,
    through_z,
    wall,
)
from core.templates.registry import register

SCREW_DROP = 8.0  # mm from the top of a wall plate to its screw holes
ALONG_Y = [-90, 0, 0]  # turns a +Z cylinder to run along +Y


def _hook_params() -> list[Parameter]:
    return [
        length("width", 20, 10, 100, "Width", "Width of each hook's share of the back plate.", pt="Largura"),
        integer("count", 1, 1, 8, "Hooks", "Number of hooks side by side.", pt="Ganchos"),
        length("hook_depth", 35, 15, 120, "Hook depth", "How far the hook reaches out from the wall.",
               pt="Profundidade do gancho"),
        length("height", 60, 20, 200, "Height", "Height of the back plate.", pt="Altura"),
        length("thickness", 4, 2, 12, "Thickness", "Thickness of plate and hook.", pt="Espessura"),
        length("tip_height", 15, 5, 60, "Tip height", "Height of the upturned tip that keeps things on.",
               pt="Altura da ponta"),
        length("hole_diameter", 4, 0, 8, "Screw hole", "Screw hole diameter (0 = none, for tape or glue).", 0.1,
               pt="Furo para parafuso"),
    ]


def _hook_build() -> Node:
    arm_w = "=width * 0.6"
    hook = Node("union", id="hook", name="Hook", children=[
        box("hook_arm", arm_w, "=hook_depth", "=thickness"),
        at(box("hook_tip", arm_w, "=thickness", "=tip_height"), y="=hook_depth / 2 - thickness / 2",
           node_id="hook_tip_at"),
    ])
    hole = at(cylinder("hook_screw", "hole_diameter", "=thickness + 2", COARSE), y="=-hook_depth / 2 - 1",
              z=f"=height - {SCREW_DROP}", rotate=ALONG_Y, node_id="hook_screw_at")
    per_hook = {"count": ["=count", 1, 1], "spacing": ["=width", 0, 0]}
    return Node("difference", id="root", name="Wall hook", children=[
        Node("union", id="hook_body", children=[
            at(box("back_plate", "=count * width", "=thickness", "=height"), y="=-hook_depth / 2 + thickness / 2",
               node_id="back_plate_at", name="Back plate"),
            Node("linear_array", per_hook, [hook], id="hooks", name="Hooks"),
        ]),
        Node("linear_array", per_hook, [hole], id="hook_screws", name="Screw holes", enabled="=hole_diameter > 0"),
    ])


register(TemplateSpec(
    id="wall_hook", title="Wall hook", title_pt="Gancho de parede", category="household",
    local_edit=LocalEdit("hole_diameter"),
    description="A screw-on wall hook (one or several) for keys, towels, bags or headphones.",
    description_pt="Um gancho de parede parafusado (um ou vários) para chaves, toalhas, bolsas ou fones de ouvido.",
    params=_hook_params, build=_hook_build,
    extent=by_values(lambda v: Extent(f(v, "count") * f(v, "width"), f(v, "hook_depth"),
                                      max(f(v, "height"), f(v, "tip_height")))),
    synonyms_en=("wall hook", "hook", "coat hook", "key hook", "towel hook", "hanger", "key rack",
                 "something to hang my keys on", "bag hook"),
    synonyms_pt=("gancho de parede", "gancho", "cabide", "porta-chaves de parede", "gancho para toalha",
                 "pendurador", "gancho para chaves"),
    roles={"width": "width", "depth": "hook_depth", "length": "hook_depth", "height": "height", "size": "height",
           "thickness": "thickness", "hole_diameter": "hole_diameter", "count": "count"},
    features={"screw_holes": Feature("hole_diameter", 4, 0, ("screw hole", "screw holes"), ("furo para parafuso",)),
              "double_hook": Feature("count", 2, 1, ("double hook", "twin hook"), ("gancho duplo",)),
              "triple_hook": Feature("count", 3, 1, ("triple hook",), ("gancho triplo",))},
    checks=(
        Check("thickness <= hook_depth / 3", "The hook is too thick for its depth.",
              pt="O gancho é grosso demais para a sua profundidade."),
        Check("tip_height <= height", "The tip cannot be taller than the back plate.",
              pt="A ponta não pode ser mais alta que a placa traseira."),
        Check(f"hole_diameter == 0 or height - {SCREW_DROP} - hole_diameter / 2 >= thickness + 2",
              "The plate is too short for a screw hole above the hook.",
              pt="A placa é curta demais para um furo de parafuso acima do gancho."),
        Check("hole_diameter <= width * 0.6 - 1.6", "The screw hole is too wide for the hook.",
              pt="O furo para parafuso é largo demais para o gancho."),
    ),
    tags=("household", "wall"),
))

_GUSSET = "(0.5 * min(shelf_arm, wall_arm) - thickness)"
_PLATE_FREE = f"(wall_arm - thickness - ({_GUSSET} if gusset else 0) - 2)"  # plate length free of the rib
_FOOT_FREE = f"(shelf_arm - thickness - ({_GUSSET} if gusset else 0) - 2)"


def _bracket_params() -> list[Parameter]:
    return [
        length("width", 25, 10, 100, "Width", "Width of the bracket (X).", pt="Largura"),
        length("wall_arm", 100, 30, 400, "Wall arm", "Length of the arm screwed to the wall (Z).",
               pt="Braço da parede"),
        length("shelf_arm", 80, 30, 400, "Shelf arm", "Length of the arm under the shelf (Y).",
               pt="Braço da prateleira"),
        length("thickness", 5, 2, 20, "Thickness", "Thickness of both arms.", pt="Espessura"),
        flag("gusset", True, "Gusset", "A diagonal rib in the corner for stiffness.", pt="Reforço"),
        length("hole_diameter", 5, 0, 10, "Screw hole", "Screw hole diameter (0 = none).", 0.1,
               pt="Furo para parafuso"),
        integer("holes", 2, 1, 4, "Holes per arm", "Screw holes in each arm.", pt="Furos por braço"),
    ]


def _holes(node_id: str, free: str, start: str, axis: str) -> Node:
    """`holes` screw holes spread over the free length of an arm, from `start`."""
    spacing = f"{free} / holes"
    centre = f"={start} + {free} / 2"
    if axis == "z":  # holes in the wall arm, through Y
        cutter = at(cylinder(f"{node_id}_cyl", "hole_diameter", "=thickness + 2", COARSE),
                    y="=-shelf_arm / 2 - 1", rotate=ALONG_Y, node_id=f"{node_id}_one")
        return at(Node("linear_array", {"count": [1, 1, "=holes"], "spacing": [0, 0, f"={spacing}"]}, [cutter],
                       id=f"{node_id}_row"), z=centre, node_id=node_id, enabled="=hole_diameter > 0")
    cutter = through_z(f"{node_id}_one", "hole_diameter", "thickness")
    return at(Node("linear_array", {"count": [1, "=holes", 1], "spacing": [0, f"={spacing}", 0]}, [cutter],
                   id=f"{node_id}_row"), y=centre, node_id=node_id, enabled="=hole_diameter > 0")


def _bracket_build() -> Node:
    # The rib's corner sinks 0.5 mm into both arms so that it fuses with them (faces that only
    # touch can stay separate bodies).
    back = "-shelf_arm / 2 + thickness - 0.5"
    inner = "thickness - 0.5"
    leg = f"{_GUSSET} + 0.5"
    rib = [[f"={back}", f"={inner}"], [f"={back} + {leg}", f"={inner}"], [f"={back}", f"={inner} + {leg}"]]
    gusset = at(Node("extrude", {"shape": {"kind": "polygon", "points": rib}, "height": "=min(thickness, width)"},
                     id="gusset"), x="=-min(thickness, width) / 2", rotate=[90, 0, 90], node_id="gusset_at",
                name="Gusset", enabled="=gusset")
    return Node("difference", id="root", name="Shelf bracket", children=[
        Node("union", id="bracket", children=[
            at(box("wall_arm_plate", "=width", "=thickness", "=wall_arm"), y="=-shelf_arm / 2 + thickness / 2",
               node_id="wall_arm_at", name="Wall arm"),
            box("shelf_arm_plate", "=width", "=shelf_arm", "=thickness", name="Shelf arm"),
            gusset,
        ]),
        _holes("wall_holes", _PLATE_FREE, f"wall_arm - {_PLATE_FREE}", "z"),
        _holes("shelf_holes", _FOOT_FREE, f"shelf_arm / 2 - {_FOOT_FREE}", "y"),
    ])


register(TemplateSpec(
    id="shelf_bracket", title="Shelf bracket", title_pt="Mão francesa", category="household",
    local_edit=LocalEdit("hole_diameter"),
    description="An L-shaped shelf bracket with an optional gusset and screw holes in both arms.",
    description_pt="Uma mão-francesa em L para prateleira, com reforço diagonal opcional e furos para parafuso nos "
                   "dois braços.",
    params=_bracket_params, build=_bracket_build,
    extent=by_values(lambda v: Extent(f(v, "width"), f(v, "shelf_arm"), f(v, "wall_arm"))),
    synonyms_en=("shelf bracket", "l bracket", "angle bracket", "shelf support", "corner bracket",
                 "something to hold up a shelf"),
    synonyms_pt=("mão francesa", "suporte de prateleira", "suporte em l", "esquadro"),
    roles={"width": "width", "height": "wall_arm", "length": "wall_arm", "depth": "shelf_arm",
           "size": "wall_arm,shelf_arm",
           "thickness": "thickness", "hole_diameter": "hole_diameter", "count": "holes"},
    features={"gusset": Feature("gusset", 1, 0, ("gusset", "rib", "brace", "reinforced"), ("reforço", "nervura"))},
    checks=(
        Check("thickness <= min(wall_arm, shelf_arm) / 4", "The bracket is too thick for arms this short.",
              pt="A mão francesa é grossa demais para braços tão curtos."),
        Check("hole_diameter <= width - 3.2", "The screw holes are too wide for the bracket.",
              pt="Os furos para parafuso são largos demais para a mão francesa."),
        Check(f"hole_diameter == 0 or ({_PLATE_FREE} / holes >= hole_diameter + 2 and "
              f"{_FOOT_FREE} / holes >= hole_diameter + 2)",
              "The screw holes do not fit along the arms; use fewer or smaller holes.",
              pt="Os furos para parafuso não cabem ao longo dos braços; use menos furos ou furos menores."),
    ),
    tags=("household", "wall"),
))

CLIP_SEGMENTS = 48
_RI = "(cable_diameter / 2 + 0.2)"
_RO = f"({_RI} + wall)"
# The opening is a wedge from the cable's axis, 0.75 × the cable wide where it meets the bore: the arms
# end in radial faces with square corners (a straight slot would whittle their tips to a knife edge).
_HALF_GAP = "(0.375 * cable_diameter)"
_SPREAD = f"({_HALF_GAP} / sqrt({_RI} ** 2 - {_HALF_GAP} ** 2))"
_PITCH = f"(2 * {_RO} + 3)"
_TAB = "(2 * hole_diameter + 6 if mount == 1 else 0)"


def _clip_params() -> list[Parameter]:
    return [
        length("cable_diameter", 6, 2, 25, "Cable diameter", "Diameter of the cable it holds.", 0.1,
               pt="Diâmetro do cabo"),
        integer("count", 1, 1, 8, "Cables", "Number of clips side by side.", pt="Cabos"),
        choice("mount", ["adhesive", "screw"], "Mount", "Stick it on with tape, or a tab with a screw hole.",
               pt="Fixação"),
        length("hole_diameter", 4, 2.5, 6, "Screw hole", "Screw hole diameter for the screw mount.", 0.1,
               pt="Furo para parafuso"),
        length("clip_width", 10, 5, 30, "Clip width", "Length of each clip along the cable (Y).",
               pt="Largura da presilha"),
        wall(value=1.6, hi=4),
        length("thickness", 2.4, 1.2, 6, "Base thickness", "Thickness of the base plate.", 0.4, pt="Espessura da base"),
    ]


def _clip_build() -> Node:
    zc = f"=thickness + {_RI}"
    ring = at(Node("difference", id="clip", name="Clip", children=[
        cylinder("clip_outer", f"2 * {_RO}", "=clip_width", CLIP_SEGMENTS),
        at(cylinder("clip_cable", f"2 * {_RI}", "=clip_width + 2", CLIP_SEGMENTS), z=-1, node_id="clip_cable_at"),
        at(Node("extrude", {"shape": {"kind": "polygon", "points": [
            [0, 0], [f"=-{_SPREAD} * ({_RO} + 1)", f"=-({_RO} + 1)"], [f"={_SPREAD} * ({_RO} + 1)", f"=-({_RO} + 1)"],
        ]}, "height": "=clip_width + 2"}, id="clip_opening"), z=-1, node_id="clip_opening_at"),
    ]), y=f"=-{_TAB} / 2 - clip_width / 2", z=zc, rotate=ALONG_Y, node_id="clip_at")
    # The screw hole lies in the tab, clear of the clips: it is cut from the plain base plate, so a new
    # hole size re-cuts a box and leaves the clips' rings (the costly booleans) to the cache.
    return Node("union", id="root", name="Cable clip", children=[
        Node("difference", id="clip_base_holed", children=[
            box("clip_base", f"=count * {_PITCH}", f"=clip_width + {_TAB}", "=thickness", name="Base"),
            at(through_z("clip_screw", "hole_diameter", "thickness"), y="=clip_width / 2", node_id="clip_screw_at",
               enabled="=mount == 1"),
        ]),
        Node("linear_array", {"count": ["=count", 1, 1], "spacing": [f"={_PITCH}", 0, 0]}, [ring], id="clips"),
    ])


def _clip_extent(v: Mapping[str, Number]) -> Extent:
    ri = f(v, "cable_diameter") / 2 + 0.2
    ro = ri + f(v, "wall")
    tab = 2 * f(v, "hole_diameter") + 6 if v["mount"] == 1 else 0
    z = f(v, "thickness") + ri + ro * math.sqrt(ri**2 - (0.375 * f(v, "cable_diameter")) ** 2) / ri
    return Extent(f(v, "count") * (2 * ro + 3), f(v, "clip_width") + tab, z)


register(TemplateSpec(
    id="cable_clip", title="Cable clip", title_pt="Presilha de cabo", category="household",
    local_edit=LocalEdit("hole_diameter", {"mount": "screw"}),
    description="Snap-in clips that hold one or more cables along a desk or wall, stick-on or screwed.",
    description_pt="Presilhas de encaixe que prendem um ou mais cabos na mesa ou na parede, com adesivo ou parafuso.",
    params=_clip_params, build=_clip_build, extent=by_values(_clip_extent),
    synonyms_en=("cable clip", "cable holder", "wire clip", "cord clip", "cable organizer", "cable management",
                 "something to keep my cables tidy", "cable tidy"),
    synonyms_pt=("presilha de cabo", "prendedor de cabo", "organizador de cabos", "clipe de fio", "suporte de cabo",
                 "segura cabo"),
    roles={"diameter": "cable_diameter", "size": "cable_diameter", "count": "count", "hole_diameter": "hole_diameter",
           "width": "clip_width",
           "wall": "wall", "thickness": "thickness"},
    features={
        "screw": Feature("mount", 1, 0, ("screw", "screw hole", "screwed"), ("parafuso", "furo para parafuso")),
        "adhesive": Feature("mount", 0, 1, ("adhesive", "tape", "stick-on"), ("adesivo", "fita dupla face")),
    },
    checks=(Check("thickness >= wall", "The base must be at least as thick as the clip wall.",
                  pt="A base precisa ser pelo menos tão grossa quanto a parede da presilha."),),
    tags=("household", "desk", "cables"),
))

_DA = "(spool_bore - 2)"
_XC = "(spool_width + 2 + 2 * thickness)"
_HC = "(spool_diameter / 2 + thickness + 3)"
_AXLE_LEN = "(spool_width + 2 * thickness + 10)"
_BASE_Y = "(spool_diameter / 2)"


def _spool_params() -> list[Parameter]:
    return [
        length("spool_bore", 52, 20, 100, "Spool hole", "Diameter of the hole in the spool's centre.",
               pt="Furo do carretel"),
        length("spool_width", 70, 20, 150, "Spool width", "Width of the spool, flange to flange.",
               pt="Largura do carretel"),
        length("spool_diameter", 200, 80, 350, "Spool diameter", "Outside diameter of the spool.",
               pt="Diâmetro do carretel"),
        length("thickness", 5, 3, 12, "Thickness", "Thickness of the base and side walls.", pt="Espessura"),
        choice("mount", ["free-standing", "screw-down"], "Mount", "Stand on the desk, or screw the base down.",
               pt="Fixação"),
    ]


def _spool_build() -> Node:
    cradle_x, axle_x = side_by_side(_XC, _DA, "1")
    side = at(Node("difference", id="spool_side", children=[
        box("spool_side_plate", "=thickness", f"={_DA} + 30", f"={_HC} + {_DA} / 2"),
        at(cylinder("spool_notch_round", f"{_DA} + 1", "=thickness + 2"), x="=-thickness / 2 - 1", z=f"={_HC}",
           rotate=[0, 90, 0], node_id="spool_notch_round_at"),
        at(box("spool_notch_top", "=thickness + 2", f"={_DA} + 1", f"={_DA}"), z=f"={_HC}", node_id="spool_notch_at"),
    ]), x="=-(spool_width + 2 + thickness) / 2", node_id="spool_side_at")
    screw = through_z("spool_screw", "4.5", "thickness")
    cradle = Node("difference", id="cradle", name="Cradle", children=[
        Node("union", id="cradle_body", children=[
            box("spool_base", f"={_XC}", f"={_BASE_Y}", "=thickness"),
            Node("mirror", {"normal": [1, 0, 0]}, [side], id="spool_sides"),
        ]),
        Node("linear_array", {"count": [2, 2, 1], "spacing": [f"={_XC} - 16", f"={_BASE_Y} - 16", 1]}, [screw],
             id="spool_screws", name="Screw holes", enabled="=mount == 1"),
    ])
    axle = Node("difference", id="axle", name="Axle", children=[
        cylinder("axle_tube", _DA, f"={_AXLE_LEN}"),
        through_z("axle_bore", f"{_DA} - 6", _AXLE_LEN, 48),
    ])
    return Node("group", id="root", name="Spool holder", children=[
        at(cradle, x=cradle_x, node_id="cradle_at", name="Cradle"),
        at(axle, x=axle_x, node_id="axle_at", name="Axle"),
    ])


def _spool_extent(v: Mapping[str, Number]) -> Extent:
    da = f(v, "spool_bore") - 2
    xc = f(v, "spool_width") + 2 + 2 * f(v, "thickness")
    hc = f(v, "spool_diameter") / 2 + f(v, "thickness") + 3
    return Extent(xc + PLATE_GAP + da, max(f(v, "spool_diameter") / 2, da),
                  max(hc + da / 2, f(v, "spool_width") + 2 * f(v, "thickness") + 10), bodies=2)


register(TemplateSpec(
    id="spool_holder", title="Filament spool holder", title_pt="Suporte de carretel", category="household",
    local_edit=LocalEdit("spool_diameter"),
    description="A cradle with a tube axle that lets a filament spool turn freely on the desk.",
    description_pt="Um berço com eixo tubular para o carretel de filamento girar livre sobre a mesa.",
    params=_spool_params, build=_spool_build, extent=by_values(_spool_extent),
    synonyms_en=("spool holder", "filament spool holder", "filament holder", "spool stand", "reel holder",
                 "something to hold my filament", "spool roller"),
    synonyms_pt=("suporte de carretel", "suporte de filamento", "suporte para bobina", "porta carretel",
                 "suporte de rolo de filamento"),
    roles={"hole_diameter": "spool_bore", "bore": "spool_bore", "width": "spool_width", "length": "spool_width",
           "diameter": "spool_diameter", "size": "spool_diameter", "thickness": "thickness"},
    features={"screw": Feature("mount", 1, 0, ("screw", "screw-down", "screwed"), ("parafusado", "parafuso"))},
    checks=(
        Check(f"{_BASE_Y} >= {_DA} + 30", "The spool is too small for its hole: the base would be narrower than "
              "the side walls.",
              pt="O carretel é pequeno demais para o furo: a base ficaria mais estreita que as paredes laterais."),
    ),
    tags=("3d printing", "workshop"),
))
