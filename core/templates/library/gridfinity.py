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


def _rounded(width: float, radius: float) -> dict[str, object]:
    return {"kind": "rect", "size": [width, width], "radius": radius, "segments": CORNERS}


def _four() -> dict[str, object]:
    """A cell's four magnet pockets, 26 mm apart (none while `magnets` is off)."""
    return {"kind": "array", "shape": {"kind": "circle", "r": "=magnet_diameter / 2", "segments": COARSE},
            "count": ["=2 if magnets else 0", 2], "spacing": [MAGNET_SPACING, MAGNET_SPACING]}


def _grid(shape: dict[str, object], nx: str, ny: str) -> dict[str, object]:
    return {"kind": "array", "shape": shape, "count": [f"={nx}", f"={ny}"], "spacing": [PITCH, PITCH]}


# The sockets' top chamfers would meet in knife edges (the spec's); the plate stops TRUNCATE below them,
# where the ridges between cells are 1.6 mm wide and the outer rim 0.8 mm, widths that print. Bins rest
# on the lower chamfers and the straight band, so they sit as on a full-height plate.
TRUNCATE = 0.8
FRAME = 1.0  # mm of straight band under the sockets of a plate without magnets: no 45° edge on the bed
_PLATE_BODY: dict[str, object] = {"kind": "rect", "size": [f"=grid_x * {PITCH}", f"=grid_y * {PITCH}"],
                                   "radius": OUTER_R, "segments": CORNERS}
_MID_W = PITCH - 2 * PROFILE[2]  # the socket's straight band, between its chamfers
_MID_R = OUTER_R - PROFILE[2]
_TOP_IN = PROFILE[2] - (SOCKET_H - TRUNCATE - PROFILE[0] - PROFILE[1])  # how far inside the cell the plate's top cuts
_OPENING = PITCH - 2 * (PROFILE[0] + PROFILE[2]) - 0.4  # a frame's opening, 0.2 mm inside the socket's narrowest


def _plate(node_id: str, floor: list[dict[str, object]], enabled: str) -> Node:
    """The plate as stacked layers over the grid, meshed at once (core/geometry/loft.py): `floor` (the layers
    under the sockets), then each socket's 45° lower chamfer, its straight band and its upper chamfer as far
    as the plate's top. Cutting 9 to 36 chamfered sockets from a block took ~40 ms of booleans."""
    def cut(width: float, radius: float) -> dict[str, object]:
        return {**_PLATE_BODY, "holes": [_grid(_rounded(width, radius), "grid_x", "grid_y")]}

    low = cut(_MID_W - 2 * PROFILE[0], _MID_R - PROFILE[0])
    mid = cut(_MID_W, _MID_R)
    top = cut(PITCH - 2 * _TOP_IN, OUTER_R - _TOP_IN)
    return Node("extrude", {"layers": [
        *floor,
        {"shape": low, "top": mid, "height": PROFILE[0]},
        {"shape": mid, "height": PROFILE[1]},
        {"shape": mid, "top": top, "height": PROFILE[2] - _TOP_IN},
    ]}, id=node_id, enabled=enabled)


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
    """A frame (each cell open below its socket, the opening 0.2 mm inside the socket's narrowest outline) or,
    with magnets, a floor with four pockets per cell under the sockets: one stack each, the other disabled."""
    opening = _rounded(_OPENING, max(_MID_R - PROFILE[0] - 0.2, 0.5))
    pockets = {**_PLATE_BODY, "holes": [_grid(_four(), "grid_x", "grid_y")]}
    return Node("union", id="root", name="Base", children=[
        _plate("frame", [{"shape": {**_PLATE_BODY, "holes": [_grid(opening, "grid_x", "grid_y")]}, "height": FRAME}],
               "=not magnets"),
        _plate("magnet_plate", [{"shape": _PLATE_BODY, "height": FRAME}, {"shape": pockets, "height": "=magnet_depth"}],
               "=magnets"),
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


def _inside(inset: str) -> dict[str, object]:
    """The bin's outline `inset` mm in (an expression), its corners following the outside's."""
    return {"kind": "rect", "size": [f"={_BIN_W} - 2 * ({inset})", f"={_BIN_D} - 2 * ({inset})"],
            "radius": f"=max({_BIN_R} - ({inset}), 0.5)", "segments": CORNERS}


_BODY: dict[str, object] = {"kind": "rect", "size": [f"={_BIN_W}", f"={_BIN_D}"], "radius": _BIN_R, "segments": CORNERS}


def _hollow(inset: str) -> dict[str, object]:
    return {**_BODY, "holes": [_inside(inset)]}


# The stacking lip's inside from the bin's top H up: a 45° slope from LIP_IN to 1 mm from the outside, 1.8 mm
# straight, a 0.7 mm chamfer to a 0.3 mm flat top (the spec's knife edge, widened to print). Below H a 45° support
# slopes in from the cavity (its foot 2 · STEP inside the cavity's outline, a ledge that keeps the support off the
# wall) to LIP_IN, so nothing overhangs. A wall of 2.5 mm or more leaves no room for the support: the cavity runs
# up until it meets the slope (CUT), and the slope is drawn in two runs so that both cases have as many layers.
_SUPPORTED = f"(wall + {2 * STEP:g} < {LIP_IN})"
_CUT = f"min({_BIN_H} + wall - {LIP_IN - 2 * STEP:g}, {_BIN_H} + {LIP_IN} - wall)"
_CUT_IN = f"(wall + {2 * STEP:g} if {_SUPPORTED} else {LIP_IN} - ({_CUT} - {_BIN_H}))"
_BEND = f"({_BIN_H} if {_SUPPORTED} else ({_CUT} + {_BIN_H} + {LIP_IN - 1.0}) / 2)"
_BEND_IN = f"({LIP_IN} - ({_BEND} - {_BIN_H}))"
_DIVIDED_TOP = f"({_BIN_H} - 2.01)"  # the dividers stop 2 mm under the top


def _bin_layers(lip: bool) -> list[dict[str, object]]:
    """The bin bottom to top: the feet (their magnet pockets bored through the lowest chamfer), the floor, the walls
    around the compartments, then the stacking lip's inside or the open top."""
    feet = [_grid(_rounded(PITCH - PLAY - 2 * (FOOT[2] + k), max(_BIN_R - FOOT[2] - k, 0.5)), "units_x", "units_y")
            for k in (FOOT[0], 0.0)]  # a foot's bottom, then its straight band
    magnets = _grid(_four(), "units_x", "units_y")
    top = _grid(_rounded(PITCH - PLAY, _BIN_R), "units_x", "units_y")
    dividers = {"kind": "array", "shape": {"kind": "rect", "size": ["=wall", f"={_BIN_D} - wall"]},
                "count": ["=dividers", 1], "spacing": [f"=({_BIN_W} - 2 * wall) / (dividers + 1)", 0]}
    magnet_top = 2.4
    layers: list[dict[str, object]] = [
        {"shape": feet[0], "top": feet[1], "height": FOOT[0], "bore": {"shape": magnets}},
        {"shape": {**feet[1], "holes": [magnets]}, "height": magnet_top - FOOT[0]},
        {"shape": feet[1], "height": FOOT[0] + FOOT[1] - magnet_top},
        {"shape": feet[1], "top": top, "height": FOOT[2]},
        {"shape": _BODY, "height": _FLOOR_TOP - FOOT_H},
        {"shape": {**_BODY, "holes": [{**_inside("wall"), "holes": [dividers]}]},
         "height": f"={_DIVIDED_TOP} - {_FLOOR_TOP}"},
    ]
    if not lip:
        return [*layers, {"shape": _hollow("wall"), "height": f"={_BIN_H} - {_DIVIDED_TOP}"}]
    return [
        *layers,
        {"shape": _hollow("wall"), "height": f"={_CUT} - {_DIVIDED_TOP}"},
        {"shape": _hollow(_CUT_IN), "top": _hollow(_BEND_IN), "height": f"={_BEND} - {_CUT}"},
        {"shape": _hollow(_BEND_IN), "top": _hollow("1.0"), "height": f"={_BIN_H} + {LIP_IN - 1.0} - {_BEND}"},
        {"shape": _hollow("1.0"), "height": LIP_H - 0.7 - (LIP_IN - 1.0)},
        {"shape": _hollow("1.0"), "top": _hollow("0.3"), "height": 0.7},
    ]


def _bin_build() -> Node:
    """The whole bin as one stack of layers meshed at once (core/geometry/loft.py): unioning 1 to 36 chamfered
    feet under the body and cutting the cavity, the lip and the magnet pockets took up to ~30 ms of booleans."""
    return Node("union", id="root", name="Box", children=[
        Node("extrude", {"layers": _bin_layers(True)}, id="bin_lipped", enabled="=lip"),
        Node("extrude", {"layers": _bin_layers(False)}, id="bin_open", enabled="=not lip"),
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
