"""The 3D Pot parametric device enclosure: a box sized around a device, with a lid beside it.

The device's size is required (the planner asks for it rather than guessing). Inside:
iw = device_width + 2·clearance (+ 2·BOSS when corner screw bosses are present: they sit beside
the device, not on it), il = device_length + 2·clearance, ih = device_height + clearance.
Outside: W = iw + 2·wall, L = il + 2·wall, H = ih + wall (the floor is one wall thick).

Lids: snap (a lip with two bumps that click into grooves in the long walls), screw (four M3 screws
into corner bosses; those are switched on automatically and reach the rim, with pilots 10 mm deep
or as deep as a small board's box allows, so an ESP32 of 52 × 28 × 10 mm gets one) or slide
(grooves in the long walls, the lid enters through the −X end wall). Vents are slots through both
long walls (as many of `vent_count` as fit 4 mm apart), grommet holes go
through the +X end wall, and wall-mount ears with keyholes stick out EAR mm at both X ends.

Bounding box: X = Wb + 10 + Wl where Wb = W (+ 2·EAR with wall mount) and the lid is Wl = W (snap,
screw) or iw + 1.5·wall − lid_clearance long (slide; the lid's fit, 0.3 mm by default, is the
parameter lid_clearance); Y = Lb = L (at least 20, the ears' width, with wall
mount); Z = H. When that row is longer than 250 mm and than the column would be (the derived
parameter stack_parts), the lid lies in front instead: X = max(Wb, Wl), Y = Lb + 10 + Ll, where
the lid is Ll = L (L − wall for a sliding lid) deep. Parts: "Enclosure", "Lid".
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    COMPACT_AT,
    PLATE_GAP,
    at,
    box,
    by_values,
    choice,
    compact_column,
    cylinder,
    f,
    flag,
    integer,
    length,
    pair_size,
    side_by_side,
    stacked,
    through_z,
    unless_column,
    wall,
)
from core.templates.registry import register

BOSS = 7.0  # screw boss diameter (M3 pilot 2.5 mm)
EAR = 14.0  # wall-mount ear length beyond the box
EAR_WIDTH = 20.0
LIP = 5.0  # snap lid lip depth
GROOVE_TOP = 1.2
# How far each corner boss reaches into the walls: a boss merely tangent to them leaves a seam of
# near-coincident vertices that float32 files (STL, 3MF) cannot keep apart.
BOSS_BITE = 0.2
PILOT = 10.0  # mm of M3 pilot hole in a boss tall enough
BOSS_DROP = 7.0  # how far below the rim bosses end under a snap or sliding lid, clear of its lip
MIN_BOSS = 3.0  # mm a boss must stand above the floor to hold a screw

_BOSSES = "(screw_holes or lid_type == 1)"
_IW = f"(device_width + 2 * clearance + (2 * {BOSS} if {_BOSSES} else 0))"
_IL = "(device_length + 2 * clearance)"
_IH = "(device_height + clearance)"
_W = f"({_IW} + 2 * wall)"
_L = f"({_IL} + 2 * wall)"
_H = f"({_IH} + wall)"
_LID_T = "max(wall, 1.6)"
_SLIDE_LEN = f"({_IW} + 1.5 * wall - lid_clearance)"
_BASE_X = f"({_W} + (2 * {EAR} if wall_mount else 0))"
_LID_X = f"({_IW} + (1.5 * wall - lid_clearance if lid_type == 2 else 2 * wall))"  # _SLIDE_LEN or _W, spelt short
# Vent slots (2 mm) at least 4 mm apart over the middle 60 % of the wall: a small box gets as many as fit.
_VENTS = f"min(vent_count, floor({_IW} * 0.6 / 4) + 1)"
_BASE_Y = f"max({_L}, {EAR_WIDTH:g} if wall_mount else 0)"
_LID_Y = f"({_L} - (wall if lid_type == 2 else 0))"
# As a derived parameter, so the layout expressions stay within the expression length limit.
_STACK = compact_column(f"({_BASE_X} + {PLATE_GAP:g} + {_LID_X})", _BASE_Y, _LID_Y)
_BOSS_SPACING = [f"={_IW} - {BOSS - 2 * BOSS_BITE}", f"={_IL} - {BOSS - 2 * BOSS_BITE}", 0]


def _params() -> list[Parameter]:
    return [
        length("device_width", 60, 5, 300, "Device width", "Width of the device inside (X).",
               pt="Largura do dispositivo"),
        length("device_length", 40, 5, 300, "Device length", "Length of the device inside (Y).",
               pt="Comprimento do dispositivo"),
        length("device_height", 20, 3, 200, "Device height", "Height of the device inside (Z).",
               pt="Altura do dispositivo"),
        wall(),
        length("clearance", 1, 0.2, 5, "Clearance", "Room around the device on every side.", 0.1, pt="Folga"),
        length("lid_clearance", 0.3, 0.1, 1.0, "Lid clearance", "Play between the lid and the box: more if the lid "
               "is too tight, less if it is loose.", 0.05, pt="Folga da tampa"),
        choice("lid_type", ["snap", "screw", "slide"], "Lid type", "How the lid holds: snap-fit, 4 screws or sliding.",
               pt="Tipo de tampa"),
        flag("vents", True, "Vents", "Ventilation slots in the long walls.", pt="Ventilação"),
        integer("vent_count", 6, 1, 30, "Vent slots", "Number of slots in each long wall.", pt="Fendas de ventilação"),
        flag("screw_holes", False, "Screw bosses", "Corner bosses with M3 pilot holes (always on for a screw lid).",
             pt="Torres de parafuso"),
        integer("grommets", 1, 0, 4, "Cable holes", "Holes for cables in the +X end wall.", pt="Furos para cabo"),
        length("grommet_diameter", 6, 3, 20, "Cable hole diameter", "Diameter of each cable hole.",
               pt="Diâmetro do furo para cabo"),
        flag("wall_mount", False, "Wall mount", "Ears with keyholes to hang it on a wall.", pt="Fixação na parede"),
        Parameter("stack_parts", False, unit="", kind="bool", expr=_STACK, label="Lid in front",
                  description=f"Computed: the lid lies in front of the enclosure instead of beside it when side "
                              f"by side would be longer than {COMPACT_AT:g} mm.", label_pt="Tampa na frente"),
    ]


def _base() -> Node:
    groove_bottom = f"{_H} - {GROOVE_TOP} - {_LID_T} - 2 * lid_clearance"
    groove_y = f"{_IL} + wall + 2 * lid_clearance"
    slide = "lid_type == 2"
    vent_spacing = f"{_IW} * 0.6 / max({_VENTS} - 1, 1)"
    boss_top = f"{_H} - (0 if lid_type == 1 else {BOSS_DROP})"
    # The pilot is PILOT deep, or as deep as a short box allows while keeping 1 mm of bottom under it.
    pilot_depth = f"min({PILOT}, {boss_top} - 1)"
    pilot = at(cylinder("boss_pilot", "2.5", f"={pilot_depth} + 1", COARSE), z=f"={boss_top} - {pilot_depth}",
               node_id="boss_pilot_at")
    # The boss stands on z = 0 and (under a screw lid) ends at the rim's own height expression, so
    # its end faces are exactly coplanar with the shell's instead of a float's width apart.
    boss = Node("difference", id="boss", children=[cylinder("boss_body", str(BOSS), f"={boss_top}", 32), pilot])
    keyhole = Node("union", id="keyhole", children=[
        through_z("keyhole_head", "8", "wall + 1"),
        at(box("keyhole_slot", 4, 7, "=wall + 3"), y=3.5, z=-1, node_id="keyhole_slot_at"),
    ])
    ear = at(Node("difference", id="ear", children=[
        box("ear_plate", EAR + 1, EAR_WIDTH, "=wall + 1"),
        at(keyhole, x=0.5, y=-2, node_id="keyhole_at"),
    ]), x=f"={_W} / 2 + {(EAR - 1) / 2}", node_id="ear_at")
    outline = {"kind": "rect", "size": [f"={_W}", f"={_L}"], "radius": 2}
    cavity = {"kind": "rect", "size": [f"={_IW}", f"={_IL}"], "radius": "=max(2 - wall, 0)"}
    # Cable holes are cut last, from the cached vented shell, so resizing them is one boolean.
    return Node("union", id="enclosure", name="Enclosure", children=[
        Node("difference", id="shell_cabled", children=[Node("difference", id="shell", children=[
            # The floor, then the walls: two stacked layers meshed without a boolean (core/geometry/stack.py).
            Node("extrude", {"layers": [{"shape": outline, "height": "=wall"},
                                        {"shape": {**outline, "holes": [cavity]}, "height": f"={_IH}"}]},
                 id="shell_box"),
            at(box("slide_groove", f"={_W} / 2 + 1 + {_IW} / 2 + wall / 2", f"={groove_y}",
                   f"={_LID_T} + 2 * lid_clearance"),
               x=f"=({_IW} / 2 + wall / 2 - {_W} / 2 - 1) / 2", z=f"={groove_bottom}", node_id="slide_groove_at",
               enabled=f"={slide}"),
            at(box("slide_slot", "=wall + 2", f"={groove_y}", f"={_H}"), x=f"=-{_W} / 2 + wall / 2",
               z=f"={groove_bottom}", node_id="slide_slot_at", enabled=f"={slide}"),
            at(box("snap_groove", f"={_IW} / 3 + 1", f"={_IL} + 1", 1.6), z=f"={_H} - {LIP / 2} - 0.8",
               node_id="snap_groove_at", enabled="=lid_type == 0"),
            at(Node("linear_array", {"count": [f"={_VENTS}", 1, 1], "spacing": [f"={vent_spacing}", 0, 0]},
                    [box("vent_slot", 2, f"={_L} + 2", f"={_IH} / 2")], id="vent_row"),
               z=f"=wall + {_IH} / 4", node_id="vents", enabled="=vents", name="Vents"),
        ]),
            at(Node("linear_array", {"count": [1, "=grommets", 1], "spacing": [0, f"={_IL} / (grommets + 1)", 0]},
                    [cylinder("grommet", "grommet_diameter", "=wall + 2", 32)], id="grommet_row"),
               x=f"={_W} / 2 - wall - 1", z=f"=wall + {_IH} / 2", rotate=[0, 90, 0], node_id="grommets",
               enabled="=grommets > 0", name="Cable holes"),
        ]),
        Node("linear_array", {"count": [2, 2, 1], "spacing": _BOSS_SPACING}, [boss],
             id="bosses", name="Screw bosses", enabled=f"={_BOSSES}"),
        Node("mirror", {"normal": [1, 0, 0]}, [ear], id="ears", name="Wall-mount ears", enabled="=wall_mount"),
    ])


def _lid() -> Node:
    lip_x, lip_y = f"({_IW} - 2 * lid_clearance)", f"({_IL} - 2 * lid_clearance)"
    snap = Node("union", id="lid_snap", enabled="=lid_type == 0", children=[
        Node("difference", id="lid_lip", children=[
            box("lid_lip_outer", f"={lip_x}", f"={lip_y}", f"={_LID_T} + {LIP}"),
            box("lid_lip_inner", f"={lip_x} - 3.2", f"={lip_y} - 3.2", f"={_LID_T} + {LIP} + 1"),
        ]),
        Node("mirror", {"normal": [0, 1, 0]}, [
            at(box("lid_bump", f"={_IW} / 3", 1.2, 1.0), y=f"={lip_y} / 2 - 0.2", z=f"={_LID_T} + {LIP / 2} - 0.5",
               node_id="lid_bump_at"),
        ], id="lid_bumps"),
    ])
    screw_holes = Node("linear_array", {"count": [2, 2, 1], "spacing": _BOSS_SPACING},
                       [through_z("lid_screw", "3.4", _LID_T)], id="lid_screws", enabled="=lid_type == 1")
    plate = Node("difference", id="lid_plate", children=[
        box("lid_plate_solid", f"={_W}", f"={_L}", f"={_LID_T}", 2), screw_holes,
    ], enabled="=lid_type != 2")
    slide = box("lid_slide", f"={_SLIDE_LEN}", f"={_IL} + wall", f"={_LID_T}", enabled="=lid_type == 2")
    return Node("union", id="lid", name="Lid", children=[plate, snap, slide])


def _build() -> Node:
    base_x, lid_x = side_by_side(_BASE_X, _LID_X, "1")
    base_y, lid_y = stacked("stack_parts", _BASE_Y, _LID_Y, "1")
    return Node("group", id="root", name="Device enclosure", children=[
        at(_base(), x=unless_column("stack_parts", base_x), y=base_y, node_id="enclosure_at", name="Enclosure"),
        at(_lid(), x=unless_column("stack_parts", lid_x), y=lid_y, node_id="lid_at", name="Lid"),
    ])


def _extent(v: Mapping[str, Number]) -> Extent:
    bosses = v["screw_holes"] or v["lid_type"] == 1
    wall_t, c = f(v, "wall"), f(v, "clearance")
    iw = f(v, "device_width") + 2 * c + (2 * BOSS if bosses else 0)
    w = iw + 2 * wall_t
    base_x = w + (2 * EAR if v["wall_mount"] else 0)
    lid_x = iw + 1.5 * wall_t - f(v, "lid_clearance") if v["lid_type"] == 2 else w
    length_y = f(v, "device_length") + 2 * c + 2 * wall_t
    base_y = max(length_y, EAR_WIDTH if v["wall_mount"] else 0)
    lid_y = length_y - wall_t if v["lid_type"] == 2 else length_y
    x, y = pair_size((base_x, base_y), (lid_x, lid_y), True)
    return Extent(x, y, f(v, "device_height") + c + wall_t, bodies=2)


register(TemplateSpec(
    id="device_enclosure", title="Device enclosure", title_pt="Caixa para eletrônicos", category="enclosures",
    local_edit=LocalEdit("grommet_diameter"),
    description="The 3D Pot parametric enclosure for a board or device: snap, screw or sliding lid, vents, "
                "screw bosses, cable holes and wall mount.",
    description_pt="A caixa paramétrica da 3D Pot para uma placa ou aparelho: tampa de encaixe, parafusada ou "
                   "deslizante, ventilação, torres de parafuso, furos para cabo e fixação na parede.",
    params=_params, build=_build, extent=by_values(_extent),
    synonyms_en=("device enclosure", "enclosure", "project box", "electronics box", "case for my board",
                 "raspberry pi case", "arduino case", "pcb enclosure", "housing", "case for a device",
                 "box for my electronics"),
    synonyms_pt=("caixa para eletrônicos", "gabinete", "caixa de projeto", "case para placa", "invólucro",
                 "caixa para arduino", "caixa para raspberry", "caixa patola", "case para dispositivo",
                 "caixa para placa", "caixa para placa de circuito", "caixa para minha placa"),
    roles={"device_width": "device_width", "device_length": "device_length", "device_height": "device_height",
           "width": "device_width", "length": "device_length", "depth": "device_length", "height": "device_height",
           "wall": "wall", "clearance": "clearance", "lid_clearance": "lid_clearance", "count": "vent_count",
           "hole_diameter": "grommet_diameter"},
    features={
        "vents": Feature("vents", 1, 0, ("vents", "ventilation", "air holes", "cooling slots"),
                         ("ventilação", "aberturas de ar", "respiros")),
        "screw_holes": Feature("screw_holes", 1, 0, ("screw holes", "screw bosses", "mounting holes"),
                               ("furos para parafuso", "torres de parafuso")),
        "wall_mount": Feature("wall_mount", 1, 0, ("wall mount", "wall-mount", "wall mounting", "wall mounted",
                                                   "keyholes", "mounting ears", "hang on the wall",
                                                   "mount on the wall"),
                              ("fixação na parede", "montagem na parede", "orelhas", "pendurar na parede",
                               "fixar na parede", "parafusar na parede")),
        "grommets": Feature("grommets", 1, 0, ("cable hole", "cable holes", "grommet", "cable entry"),
                            ("furo para cabo", "passagem de cabo")),
        "screw_lid": Feature("lid_type", 1, 0, ("screw lid", "screwed lid"), ("tampa parafusada",)),
        "slide_lid": Feature("lid_type", 2, 0, ("sliding lid", "slide lid"), ("tampa deslizante",)),
        "snap_lid": Feature("lid_type", 0, 0, ("snap lid", "snap-fit", "snap fit"), ("tampa de encaixe", "encaixe")),
    },
    required=("device_width", "device_length", "device_height"),
    checks=(
        Check("lid_type != 2 or wall >= 1.6", "A sliding lid needs walls of at least 1.6 mm for its groove.",
              pt="Uma tampa deslizante precisa de paredes de pelo menos 1.6 mm para a ranhura."),
        Check("lid_type != 0 or wall >= 1.2", "A snap lid needs walls of at least 1.2 mm for its grooves.",
              pt="Uma tampa de encaixe precisa de paredes de pelo menos 1.2 mm para as ranhuras."),
        Check(f"not screw_holes or lid_type == 1 or {_IH} >= {BOSS_DROP + MIN_BOSS}",
              f"Screw bosses under a snap or sliding lid need at least {BOSS_DROP + MIN_BOSS:g} mm of inside "
              "height (they stop below the lid's lip); choose the screw lid, whose bosses reach the lid, or "
              "turn the screw holes off.",
              pt=f"As torres de parafuso sob uma tampa de encaixe ou deslizante precisam de pelo menos "
                 f"{BOSS_DROP + MIN_BOSS:g} mm de altura interna (elas terminam abaixo da aba da tampa); escolha a "
                 "tampa parafusada, cujas torres chegam até a tampa, ou desligue os furos para parafuso."),
        Check(f"lid_type != 0 or {_IH} >= {LIP + 1}", "A snap lid needs at least 6 mm of inside height for its lip.",
              pt="Uma tampa de encaixe precisa de pelo menos 6 mm de altura interna para a aba."),
        Check(f"grommets == 0 or (grommet_diameter <= {_IH} - 2 and grommets * (grommet_diameter + 2) <= {_IL})",
              "The cable holes do not fit in the end wall; use fewer or smaller holes.",
              pt="Os furos para cabo não cabem na parede da ponta; use menos furos ou furos menores."),
    ),
    tags=("electronics", "enclosure", "3d pot"),
))
