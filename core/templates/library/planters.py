"""Plant pots and vases.

plant_pot — a tapered pot (round, square or hex) with drainage holes through the floor and an
    optional saucer printed beside it. Let D = max(top_diameter, bottom_diameter) and
    S = bottom_diameter + 2·saucer_margin. Bounding box: X = D, or D + 10 + S with the saucer
    (pot left, saucer right, 10 mm apart); Y = max(D, S if saucer) × (√3/2 for hex, else 1);
    Z = max(height, saucer_height if saucer). "Diameter" is the X extent: squares stand on a flat
    side, hexagons on a corner. Parts: "Pot" (+ "Saucer").
vase — a hollow vase with a floor (spiral-vase friendly: one wall, no top), a profile over its
    height (straight, bulb, flared, hourglass), a twist and round (sides 0 or ≥ 30) or polygonal
    sides. Bounding box: X = Y = base_diameter × the profile's widest factor, Z = height; exact
    when round, an upper bound for polygons (their corners turn inside that circle).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    angle,
    at,
    by_values,
    choice,
    cylinder,
    f,
    flag,
    integer,
    length,
    pair_width,
    regular,
    shape_wall,
    side_by_side,
    wall,
    y_factor,
)
from core.templates.registry import register

SHAPES = ["round", "square", "hex"]
_D = "max(top_diameter, bottom_diameter)"
_S = "(bottom_diameter + 2 * saucer_margin)"
_WALL_X = f"2 * wall * {shape_wall('shape')}"
_CAVITY_BOTTOM = f"(bottom_diameter + (top_diameter - bottom_diameter) * floor / height - {_WALL_X})"
_CAVITY_TOP = f"(top_diameter + (top_diameter - bottom_diameter) / height - {_WALL_X})"
_FLOOR_INNER = f"({_CAVITY_BOTTOM} * (cos(30) if shape == 2 else 1))"  # inscribed floor diameter
_DRAIN_R = f"(0 if drain_holes == 1 else {_FLOOR_INNER} / 4)"


def _pot_params() -> list[Parameter]:
    return [
        length("top_diameter", 120, 30, 400, "Top diameter", "Outside width at the rim."),
        length("bottom_diameter", 90, 20, 400, "Bottom diameter", "Outside width at the base."),
        length("height", 100, 20, 400, "Height", "Height of the pot."),
        wall(value=2.4),
        length("floor", 3, 0.8, 20, "Floor", "Thickness of the floor the drainage holes go through.", 0.4),
        integer("drain_holes", 5, 0, 24, "Drainage holes", "Number of holes through the floor (0 = none)."),
        length("hole_diameter", 6, 2, 30, "Hole diameter", "Diameter of each drainage hole."),
        choice("shape", SHAPES, "Shape", "Outline of the pot seen from above."),
        flag("saucer", False, "Saucer", "Print a matching saucer beside the pot."),
        length("saucer_margin", 8, 3, 40, "Saucer margin", "How far the saucer reaches beyond the pot's base."),
        length("saucer_height", 15, 5, 60, "Saucer height", "Height of the saucer's rim."),
    ]


def _pot_build() -> Node:
    pot_x, saucer_x = side_by_side(_D, _S, "saucer")
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
    saucer = Node("difference", id="saucer", name="Saucer", children=[
        Node("extrude", {"shape": regular("shape", _S), "height": "=saucer_height"}, id="saucer_outer"),
        at(Node("extrude", {"shape": regular("shape", saucer_inner), "height": "=saucer_height"},
                id="saucer_cavity"), z="=floor", node_id="saucer_cavity_at"),
    ])
    return Node("group", id="root", name="Plant pot", children=[
        at(pot, x=pot_x, node_id="pot_at", name="Pot"),
        at(saucer, x=saucer_x, node_id="saucer_at", name="Saucer", enabled="=saucer"),
    ])


def _pot_extent(v: Mapping[str, Number]) -> Extent:
    d = max(f(v, "top_diameter"), f(v, "bottom_diameter"))
    s = f(v, "bottom_diameter") + 2 * f(v, "saucer_margin")
    both = v["saucer"]
    return Extent(
        pair_width(d, s, both), max(d, s if both else 0) * y_factor(v["shape"]),
        max(f(v, "height"), f(v, "saucer_height") if both else 0), bodies=2 if both else 1,
    )


register(TemplateSpec(
    id="plant_pot", title="Plant pot", title_pt="Vaso de planta", category="planters",
    description="A tapered plant pot with drainage holes, round, square or hex, with an optional saucer.",
    params=_pot_params, build=_pot_build, extent=by_values(_pot_extent),
    synonyms_en=("plant pot", "planter", "flower pot", "pot for plants", "succulent pot",
                 "something to grow a plant in",
                 "pot for my herbs", "cactus pot", "flowerpot"),
    synonyms_pt=("vaso de planta", "vaso para plantas", "vaso de flor", "vasinho", "cachepô", "vaso para suculenta",
                 "vaso de suculenta", "vaso para cacto", "floreira"),
    roles={"diameter": "top_diameter", "width": "top_diameter", "top_diameter": "top_diameter",
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
              "The walls are too thick for this diameter: leave at least 10 mm of room inside."),
        Check("floor <= height - 5", "The floor must be at least 5 mm lower than the rim."),
        Check(f"drain_holes == 0 or {_DRAIN_R} + hole_diameter / 2 <= {_FLOOR_INNER} / 2 - 1",
              "The drainage holes do not fit in the floor; use smaller or fewer holes."),
        Check(f"drain_holes < 2 or 2 * {_DRAIN_R} * sin(180 / drain_holes) >= hole_diameter + 1",
              "The drainage holes would overlap; use smaller or fewer holes."),
        Check("not saucer or saucer_height >= floor + 2", "The saucer must be at least 2 mm taller than its floor."),
    ),
    tags=("garden", "container"),
))

PROFILES = ["straight", "bulb", "flared", "hourglass"]
_FACTORS = (
    (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    (1.0, 1.25, 1.38, 1.35, 1.15, 0.85, 0.75),
    (1.0, 1.0, 1.05, 1.12, 1.22, 1.36, 1.55),
    (1.0, 0.9, 0.78, 0.72, 0.78, 0.9, 1.0),
)
SEGMENTS = len(_FACTORS[0]) - 1
OVERLAP = 0.05  # mm each stacked segment reaches into the next
_ROUND = "(sides == 0 or sides >= 30)"
_VASE_WALL = "wall / cos(180 / sides)"  # circumradius a polygon loses to a wall of that thickness


def _by_profile(numbers: tuple[float, ...]) -> str:
    a, b, c, d = (round(n, 6) for n in numbers)
    if a == b == c == d:
        return str(a)
    return f"({a} if profile == 0 else ({b} if profile == 1 else ({c} if profile == 2 else {d})))"


def _factor(i: int, t: str = "0") -> str:
    """The profile's width factor a fraction `t` of the way from control point i to i + 1."""
    here = _by_profile(tuple(row[i] for row in _FACTORS))
    if t == "0":
        return here
    return f"({here} + {_by_profile(tuple(row[i + 1] - row[i] for row in _FACTORS))} * ({t}))"


def _segment(node_id: str, i: int, z0: str, z1: str, inset: str) -> Node:
    """Part of a polygonal vase between heights z0 and z1 (inside segment i), twisted with the
    rest and shrunk by `inset`."""
    t0 = "0" if z0 == _z(i) else f"({z0}) / height * {SEGMENTS} - {i}"
    t1 = f"({z1}) / height * {SEGMENTS} - {i}" if z1 != _z(i + 1) else "0"
    f1 = _factor(i, t1) if t1 != "0" else _factor(i + 1)
    r0, r1 = f"(base_diameter / 2 * {_factor(i, t0)} - {inset})", f"(base_diameter / 2 * {f1} - {inset})"
    shape = {"kind": "regular", "sides": "=sides", "r": f"={r0}", "start_angle": 0}
    solid = Node("extrude", {"shape": shape, "height": f"=({z1}) - ({z0})",
                             "twist": f"=twist * (({z1}) - ({z0})) / height", "scale_top": [f"={r1} / {r0}"] * 2},
                 id=node_id)
    return at(solid, z=f"={z0}", rotate=[0, 0, f"=twist * ({z0}) / height"], node_id=f"{node_id}_at")


def _z(i: int) -> str:
    return f"height * {i} / {SEGMENTS}"


def _round_vase() -> Node:
    """A round vase is one revolved wall profile: a single cheap solid instead of a stack."""
    outer = [[f"=base_diameter / 2 * {_factor(i)}", f"={_z(i)}"] for i in range(SEGMENTS + 1)]
    inner = [[f"=base_diameter / 2 * {_factor(i)} - wall", f"={_z(i)}"] for i in range(SEGMENTS, 0, -1)]
    floor_r = f"=base_diameter / 2 * {_factor(0, f'floor / height * {SEGMENTS}')} - wall"
    profile = [[0, 0], *outer, *inner, [floor_r, "=floor"], [0, "=floor"]]
    return Node("revolve", {"profile": profile}, id="vase_round", name="Vase", enabled=f"={_ROUND}")


def _vase_build() -> Node:
    # Each segment reaches OVERLAP into the next along its own taper: stacked solids that only
    # touch leave float-level slivers between them, overlapping ones fuse cleanly.
    last = SEGMENTS - 1
    outer = [_segment(f"vase_outer_{i}", i, _z(i), _z(i + 1) if i == last else f"{_z(i + 1)} + {OVERLAP}", "0")
             for i in range(SEGMENTS)]
    cavity = [
        _segment(f"vase_cavity_{i}", i, "floor" if i == 0 else _z(i),
                 "height + 1" if i == last else f"{_z(i + 1)} + {OVERLAP}", _VASE_WALL)
        for i in range(SEGMENTS)
    ]
    polygonal = Node("difference", id="vase_polygonal", name="Vase", enabled=f"=not {_ROUND}", children=[
        Node("union", id="vase_outer", name="Vase body", children=outer),
        Node("union", id="vase_cavity", name="Inside", children=cavity),
    ])
    return Node("union", id="root", name="Vase", children=[_round_vase(), polygonal])


def _vase_params() -> list[Parameter]:
    return [
        choice("profile", PROFILES, "Profile", "How the width changes from base to rim.", value=1),
        length("base_diameter", 70, 30, 250, "Base diameter", "Outside width at the base."),
        length("height", 150, 30, 400, "Height", "Height of the vase."),
        angle("twist", 0, -360, 360, "Twist", "How far the top turns relative to the base."),
        integer("sides", 0, 0, 64, "Sides", "Polygon sides; 0 (or 30 and more) makes it round."),
        wall(value=1.6, hi=6),
        length("floor", 2, 0.8, 10, "Floor", "Thickness of the bottom.", 0.4),
    ]


def _vase_extent(v: Mapping[str, Number]) -> Extent:
    widest = max(_FACTORS[int(v["profile"])])
    sides = int(v["sides"])
    d = f(v, "base_diameter") * widest
    return Extent(d, d, f(v, "height"), exact=sides == 0 or sides >= 30)


register(TemplateSpec(
    id="vase", title="Vase", title_pt="Vaso decorativo", category="planters",
    description="A hollow decorative vase with a chosen profile, twist and number of sides; spiral-vase friendly.",
    params=_vase_params, build=_vase_build, extent=by_values(_vase_extent),
    synonyms_en=("vase", "flower vase", "something to put flowers in", "twisted vase", "spiral vase", "bud vase"),
    synonyms_pt=("vaso decorativo", "vaso para flores", "jarro", "vaso torcido", "vaso espiral", "floreiro"),
    roles={"diameter": "base_diameter", "width": "base_diameter", "bottom_diameter": "base_diameter",
           "height": "height", "wall": "wall", "floor": "floor", "angle": "twist", "count": "sides"},
    features={
        "twist": Feature("twist", 90, 0, ("twisted", "twist", "spiral"), ("torcido", "torção", "espiral")),
        "bulb": Feature("profile", 1, 0, ("bulb", "round belly", "bulbous"), ("bojudo", "barrigudo")),
        "flared": Feature("profile", 2, 0, ("flared", "trumpet"), ("aberto", "boca larga")),
        "hourglass": Feature("profile", 3, 0, ("hourglass", "waisted"), ("ampulheta", "cintura")),
    },
    checks=(
        Check("sides == 0 or sides >= 3", "A polygonal vase needs at least 3 sides (or 0 for round)."),
        Check(f"floor <= height / {SEGMENTS} - 1", "The floor is too thick for a vase this short."),
        Check(f"base_diameter * 0.72 / 2 - (wall if {_ROUND} else {_VASE_WALL}) >= 5",
              "The walls are too thick for this diameter: leave at least 10 mm of room inside."),
    ),
    tags=("decor", "container", "spiral vase"),
))
