"""Boxes and cups.

box_with_lid — a box with an optional lift-off or sliding lid printed beside it, dividers and
    rounded corners. Let W = inner_width + 2·wall, D = inner_depth + 2·wall, H = inner_height +
    floor; the lift-off lid is W wide, the sliding lid Ls = W/2 + inner_width/2 + wall/2 − clearance
    long. Bounding box: X = W, or W + 10 + lid width with a lid; Y = D; Z = H (the lid is lower);
    when that row is longer than 250 mm (and longer than the column would be) the lid lies in front
    of the box instead: X = W, Y = D + 10 + lid depth.
    Parts: "Box" (+ "Lid"). The sliding lid enters through the −X end wall.
pen_cup — a round or hex cup with an optional cross divider. Bounding box: X = diameter,
    Y = diameter (hex: diameter·√3/2, it stands on a corner in X), Z = height.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import FIT_CLEARANCE, MIN_WALL_MM, Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    PLATE_GAP,
    SQRT3_2,
    at,
    box,
    by_values,
    choice,
    compact_column,
    f,
    flag,
    integer,
    length,
    pair_size,
    side_by_side,
    stacked,
    unless_column,
    wall,
)
from core.templates.registry import register

LIP = 5.0  # mm the lift-off lid's lip reaches into the box
GROOVE_TOP = 1.2  # mm of wall left above the sliding lid's groove
RAIL = MIN_WALL_MM  # mm of wall left outside the sliding lid's groove: two nozzle widths, never less

_W = "(inner_width + 2 * wall)"
_D = "(inner_depth + 2 * wall)"
_H = "(inner_height + floor)"
_SLIDE_LEN = "(inner_width + 3 * wall) / 2 + inner_width / 2 - clearance"
_LID_W = f"({_W} if lid_type == 0 else {_SLIDE_LEN})"
_LID_D = f"({_D} - (0 if lid_type == 0 else {2 * MIN_WALL_MM:g} + 2 * clearance))"
_SLIDE = "lid and lid_type == 1"
# The groove's closed end follows a rounded corner at the same distance as its sides (concentric
# arcs), so the corner keeps its 0.8 mm rail; the sliding lid's corners follow the groove.
_GROOVE_R = "max(corner_radius - wall / 2, 0)"


def _box_params() -> list[Parameter]:
    return [
        length("inner_width", 80, 10, 300, "Inner width", "Usable space inside, along X.", pt="Largura interna"),
        length("inner_depth", 60, 10, 300, "Inner depth", "Usable space inside, along Y.", pt="Profundidade interna"),
        length("inner_height", 40, 10, 300, "Inner height", "Usable space inside, floor to rim.", pt="Altura interna"),
        wall(),
        length("floor", 2, 0.8, 10, "Floor", "Thickness of the bottom.", 0.4, pt="Fundo"),
        flag("lid", True, "Lid", "Print a lid beside the box.", pt="Tampa"),
        choice("lid_type", ["lift-off", "slide"], "Lid type",
               "A lid with a lip that sits on top, or one that slides in.", pt="Tipo de tampa"),
        length("clearance", 0.3, *FIT_CLEARANCE, "Lid clearance", "Gap between lid and box so they fit.", 0.05,
               pt="Folga da tampa"),
        length("lid_thickness", 2, 1.2, 6, "Lid thickness", "Thickness of the lid plate.", 0.4,
               pt="Espessura da tampa"),
        integer("dividers", 0, 0, 10, "Dividers", "Walls splitting the box into equal compartments along X.",
                pt="Divisórias"),
        length("corner_radius", 3, 0, 30, "Corner radius", "Rounding of the vertical edges (0 = sharp).",
               pt="Raio dos cantos"),
    ]


def _box_build() -> Node:
    box_x, lid_x = side_by_side(_W, _LID_W, "lid")
    column = compact_column(f"({_W} + {_LID_W} + {PLATE_GAP:g})", _D, _LID_D)
    box_y, lid_y = stacked(column, _D, _LID_D, "lid")
    box_x, lid_x = unless_column(column, box_x), unless_column(column, lid_x)
    groove_bottom = f"{_H} - {GROOVE_TOP} - lid_thickness - 2 * clearance"
    groove_y = f"inner_depth + 2 * wall - {2 * RAIL:g}"
    # The box is its floor and its walls, two stacked layers meshed without a boolean (see core/geometry/stack.py);
    # only a slide lid's groove and slot are cut in 3D.
    outline = {"kind": "rect", "size": [f"={_W}", f"={_D}"], "radius": "=corner_radius"}
    walls = {**outline, "holes": [{"kind": "rect", "size": ["=inner_width", "=inner_depth"],
                                   "radius": "=max(corner_radius - wall, 0)"}]}
    body = Node("difference", id="box", name="Box", children=[
        Node("extrude", {"layers": [{"shape": outline, "height": "=floor"},
                                    {"shape": walls, "height": "=inner_height"}]}, id="box_shell"),
        at(box("slide_groove", f"={_W} / 2 + 1 + inner_width / 2 + wall / 2 + {_GROOVE_R}", f"={groove_y}",
               "=lid_thickness + 2 * clearance", f"={_GROOVE_R}"),
           x=f"=(inner_width / 2 + wall / 2 - {_W} / 2 - 1 - {_GROOVE_R}) / 2", z=f"={groove_bottom}",
           node_id="slide_groove_at", enabled=f"={_SLIDE}"),
        # The slot at the open end clears the rounded corners too: rails running into a corner's arc thin out.
        at(box("slide_slot", "=max(wall, corner_radius) + 2", f"={_D} + 2", f"={_H}"),
           x=f"=-{_W} / 2 + max(wall, corner_radius) / 2", z=f"={groove_bottom}", node_id="slide_slot_at",
           enabled=f"={_SLIDE}"),
    ])
    divider_h = f"{_H} - (lid_thickness + 6 if lid else 0) - floor / 2"
    dividers = Node("linear_array", {"count": ["=dividers", 1, 1],
                                     "spacing": ["=(inner_width + wall) / (dividers + 1)", 0, 0]},
                    [at(box("divider", "=wall", "=inner_depth + wall", f"={divider_h}"), z="=floor / 2",
                        node_id="divider_at")],
                    id="dividers", name="Dividers", enabled="=dividers > 0")
    lip_outer = ("=inner_width - 2 * clearance", "=inner_depth - 2 * clearance")
    # The plate, then the lip ring on it: two stacked layers, no boolean.
    lip = {"kind": "rect", "size": list(lip_outer), "radius": "=max(corner_radius - wall - clearance, 0)", "holes": [
        {"kind": "rect", "size": ["=inner_width - 2 * clearance - 2 * wall", "=inner_depth - 2 * clearance - 2 * wall"],
         "radius": "=max(corner_radius - 2 * wall - clearance, 0)"}]}
    lift_off = Node("extrude", {"layers": [{"shape": outline, "height": "=lid_thickness"},
                                           {"shape": lip, "height": LIP}]}, id="lid_lift_off", enabled="=lid_type == 0")
    slide = box("lid_slide", f"={_SLIDE_LEN}", f"={groove_y} - 2 * clearance", "=lid_thickness",
                f"=max({_GROOVE_R} - clearance, 0)", enabled="=lid_type == 1")
    return Node("group", id="root", name="Box with lid", children=[
        at(Node("union", id="box_parts", children=[body, dividers]), x=box_x, y=box_y, node_id="box_at", name="Box"),
        at(Node("union", id="lid", name="Lid", children=[lift_off, slide]), x=lid_x, y=lid_y, node_id="lid_at",
           name="Lid", enabled="=lid"),
    ])


def _box_extent(v: Mapping[str, Number]) -> Extent:
    w, d = f(v, "inner_width") + 2 * f(v, "wall"), f(v, "inner_depth") + 2 * f(v, "wall")
    h = f(v, "inner_height") + f(v, "floor")
    slide_len = w / 2 + f(v, "inner_width") / 2 + f(v, "wall") / 2 - f(v, "clearance")
    lid_w = w if v["lid_type"] == 0 else slide_len
    lid_d = d if v["lid_type"] == 0 else d - 2 * RAIL - 2 * f(v, "clearance")
    lid_h = f(v, "lid_thickness") + (LIP if v["lid_type"] == 0 else 0)
    x, y = pair_size((w, d), (lid_w, lid_d), v["lid"])
    return Extent(x, y, max(h, lid_h if v["lid"] else 0), bodies=2 if v["lid"] else 1)


register(TemplateSpec(
    id="box_with_lid", title="Box with lid", title_pt="Caixa com tampa", category="containers",
    local_edit=LocalEdit("clearance"),
    description="A storage box with a lift-off or sliding lid, optional dividers and rounded corners.",
    description_pt="Uma caixa para guardar coisas, com tampa de encaixar por cima ou deslizante, divisórias "
                   "opcionais e cantos arredondados.",
    params=_box_params, build=_box_build, extent=by_values(_box_extent),
    synonyms_en=("box with lid", "box", "storage box", "container with a lid", "case", "organizer box", "trinket box",
                 "something to keep small parts in", "sliding lid box", "pill box"),
    synonyms_pt=("caixa com tampa", "caixa", "caixinha", "porta-objetos", "porta-joias", "organizador", "estojo",
                 "caixa de tampa deslizante", "caixa para guardar coisas", "porta-treco"),
    roles={"width": "inner_width", "depth": "inner_depth", "height": "inner_height", "length": "inner_width",
           "size": "inner_width,inner_depth,inner_height",
           "wall": "wall", "floor": "floor", "clearance": "clearance", "corner_radius": "corner_radius",
           "count": "dividers", "thickness": "lid_thickness"},
    features={
        "lid": Feature("lid", 1, 0, ("lid", "cover", "top"), ("tampa",)),
        "slide": Feature("lid_type", 1, 0, ("sliding lid", "slide lid", "slide-in lid"), ("tampa deslizante",)),
        "dividers": Feature("dividers", 2, 0, ("dividers", "compartments", "sections"),
                            ("divisórias", "compartimentos", "divisões")),
        "rounded": Feature("corner_radius", 4, 0, ("rounded corners", "rounded", "round corners"),
                           ("cantos arredondados", "arredondada", "arredondado")),
    },
    checks=(
        Check("not (lid and lid_type == 1) or wall >= 1.6",
              "A sliding lid needs walls of at least 1.6 mm for its groove.",
              pt="Uma tampa deslizante precisa de paredes de pelo menos 1.6 mm para a ranhura."),
        Check("not lid or inner_height >= lid_thickness + 10", "The box is too shallow for a lid this thick.",
              pt="A caixa é rasa demais para uma tampa tão grossa."),
        Check("dividers == 0 or (inner_width - dividers * wall) / (dividers + 1) >= 5",
              "Too many dividers: each compartment would be narrower than 5 mm.",
              pt="Divisórias demais: cada compartimento ficaria com menos de 5 mm de largura."),
        Check("corner_radius <= min(inner_width, inner_depth) / 2 + wall",
              "The corner radius is larger than half the box.",
              pt="O raio dos cantos é maior que a metade da caixa."),
    ),
    tags=("storage", "container"),
))

_CUP_SIDES = "(64 if shape == 0 else 6)"
_CUP_INNER_R = f"(diameter / 2 - wall / cos(180 / {_CUP_SIDES}))"


def _cup_params() -> list[Parameter]:
    return [
        length("diameter", 80, 30, 200, "Diameter", "Outside width (hex: corner to corner).", pt="Diâmetro"),
        length("height", 100, 30, 250, "Height", "Height of the cup.", pt="Altura"),
        wall(),
        length("floor", 3, 0.8, 10, "Floor", "Thickness of the bottom.", 0.4, pt="Fundo"),
        choice("shape", ["round", "hex"], "Shape", "Outline seen from above.", pt="Formato"),
        flag("dividers", False, "Dividers", "A cross divider making four compartments.", pt="Divisórias"),
    ]


def _cup_build() -> Node:
    sides = {"kind": "regular", "sides": f"={_CUP_SIDES}", "start_angle": 0}
    divider_h = "=height - floor / 2 - 15"
    return Node("union", id="root", name="Pen cup", children=[
        Node("difference", id="cup", name="Cup", children=[
            Node("extrude", {"shape": {**sides, "r": "=diameter / 2"}, "height": "=height"}, id="cup_outer"),
            at(Node("extrude", {"shape": {**sides, "r": f"={_CUP_INNER_R}"}, "height": "=height"}, id="cup_cavity"),
               z="=floor", node_id="cup_cavity_at"),
        ]),
        at(Node("union", id="cup_dividers", children=[
            box("cup_divider_x", f"=2 * {_CUP_INNER_R} + wall", "=wall", divider_h),
            box("cup_divider_y", "=wall", f"=2 * {_CUP_INNER_R} * (cos(30) if shape == 1 else 1) + wall", divider_h),
        ]), z="=floor / 2", node_id="cup_dividers_at", name="Dividers", enabled="=dividers"),
    ])


def _cup_extent(v: Mapping[str, Number]) -> Extent:
    d = f(v, "diameter")
    return Extent(d, d * (SQRT3_2 if v["shape"] == 1 else 1), f(v, "height"))


register(TemplateSpec(
    id="pen_cup", title="Pen cup", title_pt="Porta-canetas", category="containers",
    local_edit=LocalEdit("floor", {"dividers": True}),
    description="A desk cup for pens and brushes, round or hex, with an optional cross divider.",
    description_pt="Um porta-canetas de mesa para canetas e pincéis, redondo ou sextavado, com divisória em cruz "
                   "opcional.",
    params=_cup_params, build=_cup_build, extent=by_values(_cup_extent),
    synonyms_en=("pen cup", "pen holder", "pencil cup", "pencil holder", "desk organizer", "brush holder",
                 "something to hold my pens", "cup for pencils"),
    synonyms_pt=("porta-canetas", "porta canetas", "porta-lápis", "porta lápis", "copo para canetas",
                 "porta pincéis", "organizador de mesa"),
    roles={"diameter": "diameter", "width": "diameter", "size": "height", "height": "height", "wall": "wall",
           "floor": "floor"},
    features={
        "dividers": Feature("dividers", 1, 0, ("dividers", "compartments", "divider"), ("divisórias", "divisória")),
        "hex": Feature("shape", 1, 0, ("hexagonal", "hex"), ("hexagonal", "sextavado")),
    },
    checks=(
        Check(f"{_CUP_INNER_R} >= 8", "The walls are too thick for this diameter: leave at least 16 mm inside.",
              pt="As paredes são grossas demais para este diâmetro: deixe pelo menos 16 mm de espaço interno."),
        Check("floor <= height - 20", "The floor must be at least 20 mm below the rim.",
              pt="O fundo precisa ficar pelo menos 20 mm abaixo da borda."),
    ),
    tags=("desk", "container"),
))
