"""Gridfinity, the open modular storage system (Zack Freedman's spec, as documented by the community
at gridfinity.xyz): a 42 mm grid, bins 7 mm per height unit, a stacking lip, 6 × 2 mm magnets.

gridfinity_baseplate — gx × gy sockets, each the bin foot's negative: from the top a 2.15 mm 45°
    chamfer, 1.8 mm straight, a 0.7 mm 45° chamfer (4.65 mm of profile). With magnets the plate gets a
    floor under the sockets with four pockets per cell, 26 mm apart. Box: 42·gx × 42·gy × H, where
    H = 3.85 + 1 (a frame) or 3.85 + magnet_depth + 1 (with magnets, 1 mm under the pockets): the
    profile's top 0.8 mm is left off (see TRUNCATE).
gridfinity_bin — ux × uy units of 41.5 mm (0.5 mm play per 42 mm cell), 7·height_units mm tall, on feet
    that are the socket's positive (0.8 + 1.8 + 2.15 mm), with a stacking lip (4.4 mm, its inside
    sloping 45° down to the wall so it prints without supports), optional magnet pockets under the feet
    and dividers along X. Box: (42·ux − 0.5) × (42·uy − 0.5) × (7·height_units (+ 4.4 with the lip)).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    at,
    box,
    by_values,
    convex_stack,
    cylinder,
    f,
    flag,
    frustum,
    integer,
    length,
)
from core.templates.registry import register

PITCH = 42.0
PLAY = 0.5  # a bin is 41.5 mm per unit
PROFILE = (0.7, 1.8, 2.15)  # socket profile from its bottom: chamfer, straight, chamfer
FOOT = (0.8, 1.8, 2.15)
SOCKET_H = sum(PROFILE)
FOOT_H = sum(FOOT)
UNIT_H = 7.0
LIP_H = 4.4
MAGNET_SPACING = 26.0
OUTER_R = 4.0  # corner radius of the grid cell (a bin: 3.75)
CORNERS = COARSE
"""Segments per circle of every rounded corner (4 mm and less: 0.03 mm off the true arc at most, well under a
nozzle's width), the same everywhere so the feet's and the body's corners coincide; half the facets of FINE
keeps the 9 to 36 sockets or feet of a grid, and the booleans that cut them, half as heavy."""


def _cells(node_id: str, cutter: Node, nx: str, ny: str) -> Node:
    return Node("linear_array", {"count": [f"={nx}", f"={ny}", 1], "spacing": [PITCH, PITCH, 0]}, [cutter],
                id=node_id)


def _stack(node_id: str, steps: tuple[float, float, float], top: float, radius: float, cut: float = 0.0) -> Node:
    """A socket or foot: chamfer, straight, chamfer from bottom to top, `top` mm wide at its top; `cut` mm
    of the top chamfer left off (a socket cutter stops just above the plate, so neighbours never touch).
    Each chamfer is the 45° offset of the outline, its corner radius growing with it as the spec's profile
    does (the lower one used to keep its bottom radius and left a small ledge at each corner of the band),
    so the lower chamfer and the straight band are one convex piece: their hull, one boolean fewer."""
    low, mid, high = steps
    w_mid = top - 2 * high
    w_low = w_mid - 2 * low
    return Node("union", id=node_id, children=[
        convex_stack(f"{node_id}_base", [
            frustum(f"{node_id}_low", (w_low, w_low), (w_mid, w_mid), low,
                    (max(radius - high - low, 0.5), max(radius - high, 0.5)), segments=CORNERS),
            at(box(f"{node_id}_mid", w_mid, w_mid, mid, max(radius - high, 0.5), segments=CORNERS), z=low,
               node_id=f"{node_id}_mid_at"),
        ]),
        at(frustum(f"{node_id}_high", (w_mid, w_mid), (top - 2 * cut, top - 2 * cut), high - cut,
                   (max(radius - high, 0.5), radius - cut), segments=CORNERS),
           z=low + mid, node_id=f"{node_id}_high_at"),
    ])


def _magnets(node_id: str, z: object, depth: str) -> Node:
    pocket = at(cylinder(f"{node_id}_pocket", "magnet_diameter", f"={depth}", COARSE), z=z,
                node_id=f"{node_id}_pocket_at")
    return Node("linear_array", {"count": [2, 2, 1], "spacing": [MAGNET_SPACING, MAGNET_SPACING, 0]}, [pocket],
                id=f"{node_id}_four")


# The sockets' top chamfers would meet in knife edges (the spec's); the plate stops TRUNCATE below them,
# where the ridges between cells are 1.6 mm wide and the outer rim 0.8 mm, widths that print. Bins rest
# on the lower chamfers and the straight band, so they sit as on a full-height plate.
TRUNCATE = 0.8
FRAME = 1.0  # mm of straight band under the sockets of a plate without magnets: no 45° edge on the bed
_SOCKET_Z = f"(magnet_depth + {FRAME:g} if magnets else {FRAME:g})"
_PLATE_H = f"({SOCKET_H - TRUNCATE:g} + {_SOCKET_Z})"


def _plate_params() -> list[Parameter]:
    return [
        integer("grid_x", 3, 1, 6, "Cells along X", "Grid cells along X (42 mm each).", pt="Células em X"),
        integer("grid_y", 3, 1, 6, "Cells along Y", "Grid cells along Y (42 mm each).", pt="Células em Y"),
        flag("magnets", False, "Magnet holes", "A floor with four magnet pockets per cell.", pt="Furos para ímãs"),
        length("magnet_diameter", 6.5, 3, 10, "Magnet hole diameter", "Diameter of the magnet pockets (6 mm "
               "magnets need 6.5).", 0.1, pt="Diâmetro do furo do ímã"),
        length("magnet_depth", 2.4, 1, 5, "Magnet hole depth", "Depth of the magnet pockets (2 mm magnets need 2.4).",
               0.1, pt="Profundidade do furo do ímã"),
    ]


def _plate_build() -> Node:
    socket = at(_stack("socket", PROFILE, PITCH, OUTER_R, TRUNCATE - 0.3), z=f"={_SOCKET_Z}", node_id="socket_at")
    # Without magnets the plate is a frame: below each socket an opening 0.2 mm inside its narrowest
    # outline is cut through (inside, so no face of the opening lies on the socket's).
    opening = PITCH - 2 * (PROFILE[0] + PROFILE[2]) - 0.4
    through = at(box("socket_open", opening, opening, FRAME + 1.2, max(OUTER_R - PROFILE[2] - PROFILE[0] - 0.2, 0.5),
                     segments=CORNERS),
                 z=-1, node_id="socket_open_at", enabled="=not magnets")
    return Node("difference", id="root", name="Base", children=[
        Node("difference", id="baseplate", children=[
            box("baseplate_body", f"=grid_x * {PITCH}", f"=grid_y * {PITCH}", f"={_PLATE_H}", OUTER_R,
                segments=CORNERS),
            _cells("sockets", Node("union", id="socket_cut", children=[socket, through]), "grid_x", "grid_y"),
        ]),
        Node("linear_array", {"count": ["=grid_x", "=grid_y", 1], "spacing": [PITCH, PITCH, 0]},
             [_magnets("plate_magnets", FRAME, "magnet_depth + 0.01")], id="magnet_cells", enabled="=magnets"),
    ])


register(TemplateSpec(
    id="gridfinity_baseplate", title="Gridfinity baseplate", title_pt="Base Gridfinity", category="organizers",
    local_edit=LocalEdit("magnet_diameter", {"magnets": True}),
    description="A Gridfinity baseplate on the open 42 mm grid, optionally with magnet pockets under every cell.",
    description_pt="Uma base Gridfinity na grade aberta de 42 mm, opcionalmente com furos para ímãs em cada célula.",
    params=_plate_params, build=_plate_build,
    extent=by_values(lambda v: Extent(f(v, "grid_x") * PITCH, f(v, "grid_y") * PITCH,
                                      SOCKET_H - TRUNCATE + FRAME + (f(v, "magnet_depth") if v["magnets"] else 0))),
    synonyms_en=("gridfinity baseplate", "gridfinity base", "gridfinity grid", "gridfinity plate", "baseplate",
                 "gridfinity base plate"),
    synonyms_pt=("base gridfinity", "placa base gridfinity", "grade gridfinity", "base para gridfinity"),
    roles={"width": "grid_x", "depth": "grid_y", "length": "grid_y", "size": "grid_x,grid_y", "count": "grid_x",
           "hole_diameter": "magnet_diameter"},
    features={"magnets": Feature("magnets", 1, 0, ("magnets", "magnet holes", "magnetic"),
                                 ("ímãs", "imãs", "furos para ímã", "magnético"))},
    checks=(Check("not magnets or magnet_diameter <= 12", "Magnet pockets wider than 12 mm would cut the cell's edge.",
                  pt="Furos de ímã com mais de 12 mm cortariam a borda da célula."),),
    tags=("organizer", "gridfinity", "storage"),
))


_BIN_W = f"(units_x * {PITCH} - {PLAY})"
_BIN_D = f"(units_y * {PITCH} - {PLAY})"
_BIN_H = f"(height_units * {UNIT_H})"
_BIN_R = OUTER_R - PLAY / 2
_FLOOR_TOP = FOOT_H + 1.2
STEP = 0.2  # mm the lip's support starts inside the cavity's outline (see _bin_build)
LIP_IN = 2.9  # inset of the lip's narrowest inside edge from the bin's outside


def _bin_params() -> list[Parameter]:
    return [
        integer("units_x", 1, 1, 6, "Units along X", "Width in grid units (42 mm each).", pt="Unidades em X"),
        integer("units_y", 1, 1, 6, "Units along Y", "Depth in grid units (42 mm each).", pt="Unidades em Y"),
        integer("height_units", 3, 2, 15, "Height units", "Height in 7 mm units.", pt="Unidades de altura"),
        length("wall", 1.2, 0.8, 3, "Wall", "Thickness of the walls; at least two nozzle widths.", 0.4, pt="Parede"),
        flag("lip", True, "Stacking lip", "A lip on top so another bin stacks on this one.", pt="Borda de empilhar"),
        flag("magnets", False, "Magnet holes", "Magnet pockets under each foot.", pt="Furos para ímãs"),
        length("magnet_diameter", 6.5, 3, 10, "Magnet hole diameter", "Diameter of the magnet pockets (6 mm "
               "magnets need 6.5).", 0.1, pt="Diâmetro do furo do ímã"),
        integer("dividers", 0, 0, 9, "Dividers", "Walls splitting the bin along X.", pt="Divisórias"),
    ]


def _lip_void() -> Node:
    """The inside of the stacking lip, from the bin's top (z = H) up: a 45° slope from LIP_IN to 1 mm
    from the outside, 1.8 mm straight, a 0.7 mm chamfer to a 0.3 mm flat top (the spec's knife edge,
    widened to print). Below H a 45° support slopes from the wall in to LIP_IN, so nothing overhangs."""
    def outline(inset: float | str) -> tuple[str, str]:
        return f"={_BIN_W} - 2 * {inset}", f"={_BIN_D} - 2 * {inset}"

    def r(inset: float | str) -> str:
        return f"=max({_BIN_R} - {inset}, 0.5)"

    support_h = f"({LIP_IN} - wall - {STEP})"
    return Node("union", id="lip_void", enabled="=lip", children=[
        at(frustum("lip_support", outline(f"(wall + {STEP})"), outline(LIP_IN), f"={support_h}",
                   (r(f"(wall + {STEP})"), r(LIP_IN)), segments=CORNERS),
           z=f"={_BIN_H} - {support_h}", node_id="lip_support_at"),
        convex_stack("lip_lower", [
            at(frustum("lip_slope", outline(LIP_IN), outline(1.0), LIP_IN - 1.0, (r(LIP_IN), r(1.0)),
                       segments=CORNERS),
               z=f"={_BIN_H} - 0.01", node_id="lip_slope_at"),
            at(box("lip_straight", *outline(1.0), 1.85, r(1.0), segments=CORNERS),
               z=f"={_BIN_H} + {LIP_IN - 1.0 - 0.03:g}",
               node_id="lip_straight_at"),
        ]),
        convex_stack("lip_upper", [
            at(frustum("lip_chamfer", outline(1.0), outline(0.3), 0.71, (r(1.0), r(0.3)), segments=CORNERS),
               z=f"={_BIN_H} + {LIP_H - 0.7}", node_id="lip_chamfer_at"),
            at(box("lip_open", *outline(0.3), 1, r(0.3), segments=CORNERS), z=f"={_BIN_H} + {LIP_H - 0.01}",
               node_id="lip_open_at"),
        ]),
    ])


def _bin_build() -> Node:
    top = f"({_BIN_H} + ({LIP_H} if lip else 0))"
    # The cavity reaches STEP into the support, whose foot is STEP narrower: no face of one lies on the other's.
    cavity_top = f"({_BIN_H} - ({LIP_IN} - wall - {STEP}) + {STEP} if lip else {_BIN_H} + 1)"
    solid = Node("union", id="bin_solid", children=[
        _cells("feet", _stack("foot", FOOT, PITCH - PLAY, _BIN_R), "units_x", "units_y"),
        at(box("bin_body", f"={_BIN_W}", f"={_BIN_D}", f"={top} - {FOOT_H}", _BIN_R, segments=CORNERS), z=FOOT_H,
           node_id="bin_body_at"),  # on the feet: overlapping by 0.01 left slivers along the round corners
    ])
    cavity = at(box("bin_cavity", f"={_BIN_W} - 2 * wall", f"={_BIN_D} - 2 * wall", f"={cavity_top} - {_FLOOR_TOP}",
                    f"=max({_BIN_R} - wall, 0.5)", segments=CORNERS), z=_FLOOR_TOP, node_id="bin_cavity_at")
    dividers = Node("linear_array", {"count": ["=dividers", 1, 1], "spacing": [
        f"=({_BIN_W} - 2 * wall) / (dividers + 1)", 0, 0]}, [
        at(box("divider", "=wall", f"={_BIN_D} - wall", f"={_BIN_H} - {_FLOOR_TOP} - 2"), z=_FLOOR_TOP - 0.01,
           node_id="divider_at")], id="bin_dividers", name="Dividers", enabled="=dividers > 0")
    return Node("difference", id="root", name="Box", children=[
        Node("union", id="bin", children=[Node("difference", id="bin_shell", children=[solid, cavity, _lip_void()]),
                                          dividers]),
        Node("linear_array", {"count": ["=units_x", "=units_y", 1], "spacing": [PITCH, PITCH, 0]},
             [_magnets("bin_magnets", -1, "2.4 + 1")], id="bin_magnet_cells", enabled="=magnets"),
    ])


def _bin_extent(v: Mapping[str, Number]) -> Extent:
    return Extent(f(v, "units_x") * PITCH - PLAY, f(v, "units_y") * PITCH - PLAY,
                  f(v, "height_units") * UNIT_H + (LIP_H if v["lip"] else 0))


register(TemplateSpec(
    id="gridfinity_bin", title="Gridfinity bin", title_pt="Caixa Gridfinity", category="organizers",
    local_edit=LocalEdit("magnet_diameter", {"magnets": True}),
    description="A Gridfinity bin for the 42 mm grid, in 7 mm height units, with stacking lip, magnet holes and "
                "dividers.",
    description_pt="Uma caixa Gridfinity para a grade de 42 mm, em unidades de altura de 7 mm, com borda de "
                   "empilhar, furos para ímãs e divisórias.",
    params=_bin_params, build=_bin_build, extent=by_values(_bin_extent),
    synonyms_en=("gridfinity bin", "gridfinity box", "gridfinity", "gridfinity container", "gridfinity cup",
                 "modular bin", "storage bin"),
    synonyms_pt=("caixa gridfinity", "gridfinity", "pote gridfinity", "caixinha gridfinity", "caixa modular"),
    roles={"width": "units_x", "depth": "units_y", "length": "units_y", "height": "height_units",
           "size": "units_x,units_y", "wall": "wall", "count": "dividers", "hole_diameter": "magnet_diameter"},
    features={
        "magnets": Feature("magnets", 1, 0, ("magnets", "magnet holes", "magnetic"), ("ímãs", "imãs",
                                                                                       "furos para ímã")),
        "lip": Feature("lip", 1, 0, ("stacking lip", "stackable", "lip"), ("borda de empilhar", "empilhável")),
        "dividers": Feature("dividers", 1, 0, ("dividers", "divider", "compartments"), ("divisórias", "divisória",
                                                                                        "compartimentos")),
    },
    checks=(Check(f"dividers == 0 or ({_BIN_W} - 2 * wall) / (dividers + 1) >= wall + 8",
                  "Too many dividers: each compartment must be at least 8 mm wide.",
                  pt="Divisórias demais: cada compartimento precisa ter pelo menos 8 mm de largura."),),
    tags=("organizer", "gridfinity", "storage"),
))
