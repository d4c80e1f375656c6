"""Vases.

vase — a hollow vase with a floor (spiral-vase friendly: one wall, no top), a profile over its
    height (straight, bulb, flared, hourglass), a twist and round (sides 0 or ≥ 30) or polygonal
    sides (sides 0 with a twist builds 6 sides: a twisted round vase would look untwisted).
    Bounding box: X = Y = base_diameter × the profile's widest factor, Z = height; exact
    when round, an upper bound for polygons (their corners turn inside that circle).

A round vase, and an untwisted polygonal one, is one revolved wall profile (a polygon is a revolve
with `sides` segments). A twisted polygon cannot be revolved: its outside and its cavity are each one
extrusion of the polygon scaled by the profile along the height while it turns (an extrude node's
`profile`), and one difference opens it. Building it from one tapered extrusion per straight run of
the profile, intersected or unioned, cost a boolean per run (~80 ms of CPU per twist edit).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, DerivedRole, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import FINE, angle, at, by_values, choice, f, integer, length, wall
from core.templates.registry import register

PROFILES = ["straight", "bulb", "flared", "hourglass"]
# Width factors at the control heights 0, 1/6 … 1 of the height.
_FACTORS = (
    (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    (1.0, 1.22, 1.36, 1.38, 1.28, 1.08, 0.78),
    (1.0, 1.0, 1.0, 1.08, 1.16, 1.36, 1.56),
    (1.0, 0.86, 0.72, 0.68, 0.72, 0.86, 1.0),
)
SEGMENTS = len(_FACTORS[0]) - 1
NARROWEST = min(min(row) for row in _FACTORS)
# The sides actually built: a twist on a round vase would not show, so "a twisted vase" with sides
# left at 0 (round) becomes a hexagon; a user who sets sides keeps them.
_SIDES = "(6 if sides == 0 and twist != 0 else sides)"
_ROUND = f"({_SIDES} == 0 or {_SIDES} >= 30)"
_INSET = f"wall / cos(180 / {_SIDES})"  # circumradius a polygon loses to a wall of that thickness
_TWISTED = f"not {_ROUND} and twist != 0"
_REVOLVED_WALL = f"(wall if {_ROUND} else {_INSET})"
# A layer every 4° of twist: a twisted side is drawn as two flat triangles per layer, which leaves the wall ~1 %
# thinner or thicker than the true twisted prism (by the twist's sense) at 4°, as the former build did.
_SLICES = "=ceil(abs(twist) / 4)"


def _z(t: float) -> str:
    return f"height * {t:g} / {SEGMENTS}"


def _factor(i: int) -> str:
    return _by_profile([row[i] for row in _FACTORS])


def _twisted_vase() -> Node:
    """A twisted polygonal vase: the outside from the bed to the rim and the cavity from the floor up past
    the rim, each one twisted extrusion of the polygon scaled by the profile, turned alike at every height."""
    polygon = {"kind": "regular", "sides": f"={_SIDES}", "r": 1, "start_angle": 0}
    outer = Node("extrude", {"shape": polygon, "height": "=height", "twist": "=twist", "slices": _SLICES,
                             "profile": [[f"={_z(i)}", f"=base_diameter / 2 * {_factor(i)}"]
                                         for i in range(SEGMENTS + 1)]}, id="vase_outer", name="Vase body")
    cavity = Node("extrude", {"shape": polygon, "height": "=height + 1 - floor",
                              "twist": "=twist * (height + 1 - floor) / height", "slices": _SLICES,
                              "profile": [[f"={_z(i)} - floor", f"=base_diameter / 2 * {_factor(i)} - {_INSET}"]
                                          for i in range(SEGMENTS + 1)]}, id="vase_cavity")
    return Node("difference", id="vase_twisted", name="Vase", enabled=f"={_TWISTED}", children=[
        outer,
        at(cavity, z="=floor", rotate=[0, 0, "=twist * floor / height"], node_id="vase_cavity_at", name="Inside"),
    ])


def _revolved_vase() -> Node:
    """A round or untwisted polygonal vase: one revolved wall profile, a single exact solid."""
    outer = [[f"=base_diameter / 2 * {_factor(i)}", f"={_z(i)}"] for i in range(SEGMENTS + 1)]
    inner = [[f"=base_diameter / 2 * {_factor(i)} - {_REVOLVED_WALL}", f"={_z(i)}"] for i in range(SEGMENTS, 0, -1)]
    first = _by_profile([row[1] - row[0] for row in _FACTORS])
    floor_r = f"=base_diameter / 2 * ({_factor(0)} + {first} * floor / height * {SEGMENTS}) - {_REVOLVED_WALL}"
    profile = [[0, 0], *outer, *inner, [floor_r, "=floor"], [0, "=floor"]]
    return Node("revolve", {"profile": profile, "segments": f"={FINE} if {_ROUND} else {_SIDES}"}, id="vase_revolved",
                name="Vase", enabled=f"=not ({_TWISTED})")


def _by_profile(numbers: list[float]) -> str:
    a, b, c, d = (round(n, 6) for n in numbers)
    if a == b == c == d:
        return f"{a:g}"
    return f"({a:g} if profile == 0 else ({b:g} if profile == 1 else ({c:g} if profile == 2 else {d:g})))"


def _vase_build() -> Node:
    return Node("union", id="root", name="Vase", children=[_revolved_vase(), _twisted_vase()])


def _vase_params() -> list[Parameter]:
    return [
        choice("profile", PROFILES, "Profile", "How the width changes from base to rim.", value=1, pt="Perfil"),
        length("base_diameter", 70, 30, 250, "Base diameter", "Outside width at the base.", pt="Diâmetro da base"),
        length("height", 150, 30, 400, "Height", "Height of the vase.", pt="Altura"),
        angle("twist", 0, -360, 360, "Twist", "How far the top turns relative to the base.", pt="Torção"),
        integer("sides", 0, 0, 64, "Sides", "Polygon sides; 0 (or 30 and more) makes it round, except that a "
                "twisted vase with 0 sides is hexagonal so its twist shows.", pt="Lados"),
        wall(value=1.6, hi=6),
        length("floor", 2, 0.8, 10, "Floor", "Thickness of the bottom.", 0.4, pt="Fundo"),
    ]


_WIDEST = " else ".join(f"{max(fs):g} if profile == {i}" for i, fs in enumerate(_FACTORS[:-1])) + \
    f" else {max(_FACTORS[-1]):g}"
# "12 cm wide" is the vase at its widest (a bulb's belly), not its base: solved for the base diameter.
_WIDTH = DerivedRole(f"base_diameter * ({_WIDEST})", (("base_diameter", f"target / ({_WIDEST})"),))


def _vase_extent(v: Mapping[str, Number]) -> Extent:
    widest = max(_FACTORS[int(v["profile"])])
    sides = 6 if int(v["sides"]) == 0 and f(v, "twist") != 0 else int(v["sides"])
    d = f(v, "base_diameter") * widest
    return Extent(d, d, f(v, "height"), exact=sides == 0 or sides >= 30)


register(TemplateSpec(
    id="vase", title="Vase", title_pt="Vaso decorativo", category="planters",
    local_edit=LocalEdit("floor"),
    description="A hollow decorative vase with a chosen profile, twist and number of sides; spiral-vase friendly.",
    description_pt="Um vaso decorativo oco com perfil, torção e número de lados à escolha; pronto para o modo vaso "
                   "espiral.",
    params=_vase_params, build=_vase_build, extent=by_values(_vase_extent),
    synonyms_en=("vase", "flower vase", "something to put flowers in", "twisted vase", "spiral vase", "bud vase"),
    synonyms_pt=("vaso decorativo", "jarro", "vaso torcido", "vaso espiral", "vaso para flores cortadas",
                 "vaso para buquê", "vaso para arranjo de flores"),
    roles={"bottom_diameter": "base_diameter", "size": "height", "height": "height", "wall": "wall", "floor": "floor",
           "angle": "twist", "count": "sides"},
    derived={"width": _WIDTH, "diameter": _WIDTH},
    features={
        "twist": Feature("twist", 90, 0, ("twist", "twisted", "spiral"), ("torção", "torcido", "espiral")),
        "bulb": Feature("profile", 1, 0, ("bulb", "round belly", "bulbous"), ("bojudo", "barrigudo")),
        "flared": Feature("profile", 2, 0, ("flared", "trumpet"), ("aberto", "boca larga")),
        "hourglass": Feature("profile", 3, 0, ("hourglass", "waisted"), ("ampulheta", "cintura")),
    },
    checks=(
        Check("sides == 0 or sides >= 3", "A polygonal vase needs at least 3 sides (or 0 for round).",
              pt="Um vaso poligonal precisa de pelo menos 3 lados (ou 0 para redondo)."),
        Check(f"floor <= height / {SEGMENTS} - 1", "The floor is too thick for a vase this short.",
              pt="O fundo é grosso demais para um vaso tão baixo."),
        Check(f"base_diameter * {NARROWEST:g} / 2 - (wall if {_ROUND} else {_INSET}) >= 5",
              "The walls are too thick for this diameter: leave at least 10 mm of room inside.",
              pt="As paredes são grossas demais para este diâmetro: deixe pelo menos 10 mm de espaço interno."),
    ),
    tags=("decor", "container", "spiral vase"),
))
