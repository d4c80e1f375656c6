"""Plant pots.

plant_pot — a tapered pot (round, square or hex) with drainage holes through the floor and an
    optional saucer printed beside it. Let D = max(top_diameter, bottom_diameter) and
    S = bottom_diameter + 2·saucer_margin. Bounding box: X = D, or D + 10 + S with the saucer
    (pot left, saucer right, 10 mm apart); Y = max(D, S if saucer) × (√3/2 for hex, else 1); when
    that row is longer than 250 mm and than a column would be, the saucer lies in front of the pot
    instead: X = max(D, S), Y = (D + S) × (√3/2 for hex, else 1) + 10;
    Z = max(height, saucer_height if saucer). "Diameter" is the X extent: squares stand on a flat
    side, hexagons on a corner. Parts: "Pot" (+ "Saucer").
(The vase lives in vases.py.)
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    PLATE_GAP,
    at,
    by_values,
    choice,
    compact_column,
    cylinder,
    f,
    flag,
    integer,
    length,
    pair_size,
    regular,
    shape_wall,
    side_by_side,
    stacked,
    unless_column,
    wall,
    y_factor,
)
from core.templates.registry import register

SHAPES = ["round", "square", "hex"]
_D = "max(top_diameter, bottom_diameter)"
_S = "(bottom_diameter + 2 * saucer_margin)"
_YF = "(cos(30) if shape == 2 else 1)"  # Y extent / X extent of the outline (hexagons stand on a corner in X)
_WALL_X = f"2 * wall * {shape_wall('shape')}"
_CAVITY_BOTTOM = f"(bottom_diameter + (top_diameter - bottom_diameter) * floor / height - {_WALL_X})"
_CAVITY_TOP = f"(top_diameter + (top_diameter - bottom_diameter) / height - {_WALL_X})"
_FLOOR_INNER = f"({_CAVITY_BOTTOM} * (cos(30) if shape == 2 else 1))"  # inscribed floor diameter
_DRAIN_R = f"(0 if drain_holes == 1 else {_FLOOR_INNER} / 4)"


def _pot_params() -> list[Parameter]:
    return [
        length("top_diameter", 120, 30, 400, "Top diameter", "Outside width at the rim.", pt="Diâmetro do topo"),
        length("bottom_diameter", 90, 20, 400, "Bottom diameter", "Outside width at the base.", pt="Diâmetro da base"),
        length("height", 100, 20, 400, "Height", "Height of the pot.", pt="Altura"),
        wall(value=2.4),
        length("floor", 3, 0.8, 20, "Floor", "Thickness of the floor the drainage holes go through.", 0.4, pt="Fundo"),
        integer("drain_holes", 5, 0, 24, "Drainage holes", "Number of holes through the floor (0 = none).",
                pt="Furos de drenagem"),
        length("hole_diameter", 6, 2, 30, "Hole diameter", "Diameter of each drainage hole.", pt="Diâmetro do furo"),
        choice("shape", SHAPES, "Shape", "Outline of the pot seen from above.", pt="Formato"),
        flag("saucer", False, "Saucer", "Print a matching saucer beside the pot.", pt="Pratinho"),
        length("saucer_margin", 8, 3, 40, "Saucer margin", "How far the saucer reaches beyond the pot's base.",
               pt="Margem do pratinho"),
        length("saucer_height", 15, 5, 60, "Saucer height", "Height of the saucer's rim.", pt="Altura do pratinho"),
    ]


def _pot_build() -> Node:
    pot_x, saucer_x = side_by_side(_D, _S, "saucer")
    pot_y, saucer_y = f"({_D} * {_YF})", f"({_S} * {_YF})"
    column = compact_column(f"({_D} + {_S} + {PLATE_GAP:g})", pot_y, saucer_y)
    pot_y, saucer_y = stacked(column, pot_y, saucer_y, "saucer")
    pot_x, saucer_x = unless_column(column, pot_x), unless_column(column, saucer_x)
    # Shell first, holes last: editing the holes reuses the cached shell (one boolean, not three).
    shell = Node("difference", id="pot_shell", children=[
        Node("extrude", {"shape": regular("shape", "bottom_diameter"), "height": "=height",
                         "scale_top": ["=top_diameter / bottom_diameter"] * 2}, id="pot_outer"),
        at(Node("extrude", {"shape": regular("shape", _CAVITY_BOTTOM), "height": "=height - floor + 1",
                            "scale_top": [f"={_CAVITY_TOP} / {_CAVITY_BOTTOM}"] * 2}, id="pot_cavity"),
           z="=floor", node_id="pot_cavity_at"),
    ])
    pot = Node("difference", id="pot", name="Pot", children=[
        shell,
        Node("polar_array", {"count": "=drain_holes", "radius": f"={_DRAIN_R}", "start_angle": 90},
             [at(cylinder("drain_hole", "hole_diameter", "=floor + 2", COARSE), z=-1, node_id="drain_hole_at")],
             id="drainage", name="Drainage holes", enabled="=drain_holes > 0"),
    ])
    saucer_inner = f"({_S} - {_WALL_X})"
    # The saucer is its floor, then its rim: two stacked layers meshed without a boolean.
    saucer = Node("extrude", {"layers": [
        {"shape": regular("shape", _S), "height": "=floor"},
        {"shape": {**regular("shape", _S), "holes": [regular("shape", saucer_inner)]},
         "height": "=saucer_height - floor"},
    ]}, id="saucer", name="Saucer")
    return Node("group", id="root", name="Plant pot", children=[
        at(pot, x=pot_x, y=pot_y, node_id="pot_at", name="Pot"),
        at(saucer, x=saucer_x, y=saucer_y, node_id="saucer_at", name="Saucer", enabled="=saucer"),
    ])


def _pot_extent(v: Mapping[str, Number]) -> Extent:
    d = max(f(v, "top_diameter"), f(v, "bottom_diameter"))
    s = f(v, "bottom_diameter") + 2 * f(v, "saucer_margin")
    both = v["saucer"]
    yf = y_factor(v["shape"])
    x, y = pair_size((d, d * yf), (s, s * yf), both)
    return Extent(x, y, max(f(v, "height"), f(v, "saucer_height") if both else 0), bodies=2 if both else 1)


register(TemplateSpec(
    id="plant_pot", title="Plant pot", title_pt="Vaso de planta", category="planters",
    local_edit=LocalEdit("saucer_height", {"saucer": True}),
    description="A tapered plant pot with drainage holes, round, square or hex, with an optional saucer.",
    description_pt="Um vaso de planta cônico com furos de drenagem, redondo, quadrado ou sextavado, com pratinho "
                   "opcional.",
    params=_pot_params, build=_pot_build, extent=by_values(_pot_extent),
    synonyms_en=("plant pot", "planter", "flower pot", "pot for plants", "succulent pot",
                 "something to grow a plant in",
                 "pot for my herbs", "cactus pot", "flowerpot"),
    # In PT-BR a "vaso" is first of all a plant pot, and so are "vaso de flor(es)" and the
    # "floreira"/"floreiro" (the matcher folds gender, so both reach this template alone): the
    # decorative vase is asked for as "vaso decorativo", "jarro" or "vaso para flores cortadas".
    synonyms_pt=("vaso de planta", "vaso", "vaso para plantas", "vaso de flor", "vaso de flores", "vasinho", "cachepô",
                 "vaso para suculenta", "vaso de suculenta", "vaso para cacto", "floreira", "floreiro"),
    roles={"diameter": "top_diameter", "width": "top_diameter", "size": "top_diameter", "top_diameter": "top_diameter",
           "bottom_diameter": "bottom_diameter", "height": "height", "wall": "wall", "floor": "floor",
           "count": "drain_holes", "hole_diameter": "hole_diameter"},
    features={
        "drainage": Feature("drain_holes", 5, 0, ("drainage", "drainage holes", "drain holes", "holes in the bottom"),
                            ("furos de drenagem", "drenagem", "furos no fundo")),
        "saucer": Feature("saucer", 1, 0, ("saucer", "drip tray", "plate under it"), ("pratinho", "prato", "pires")),
        "square": Feature("shape", 1, 0, ("square",), ("quadrado",)),
        "hex": Feature("shape", 2, 0, ("hexagonal", "hex"), ("hexagonal", "sextavado")),
    },
    checks=(
        Check(f"{_CAVITY_BOTTOM} >= 10 and {_CAVITY_TOP} >= 10",
              "The walls are too thick for this diameter: leave at least 10 mm of room inside.",
              pt="As paredes são grossas demais para este diâmetro: deixe pelo menos 10 mm de espaço interno."),
        Check("floor <= height - 5", "The floor must be at least 5 mm lower than the rim.",
              pt="O fundo precisa ficar pelo menos 5 mm abaixo da borda."),
        Check(f"drain_holes == 0 or {_DRAIN_R} + hole_diameter / 2 <= {_FLOOR_INNER} / 2 - 1",
              "The drainage holes do not fit in the floor; use smaller or fewer holes.",
              pt="Os furos de drenagem não cabem no fundo; use menos furos ou furos menores."),
        Check(f"drain_holes < 2 or 2 * {_DRAIN_R} * sin(180 / drain_holes) >= hole_diameter + 1",
              "The drainage holes would overlap; use smaller or fewer holes.",
              pt="Os furos de drenagem ficariam sobrepostos; use menos furos ou furos menores."),
        Check("not saucer or saucer_height >= floor + 2", "The saucer must be at least 2 mm taller than its floor.",
              pt="O pratinho precisa ser pelo menos 2 mm mais alto que o fundo dele."),
    ),
    tags=("garden", "container"),
))
