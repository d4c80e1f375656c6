"""Vases.

vase — a hollow vase with a floor (spiral-vase friendly: one wall, no top), a profile over its
    height (straight, bulb, flared, hourglass), a twist and round (sides 0 or ≥ 30) or polygonal
    sides (sides 0 with a twist builds 6 sides: a twisted round vase would look untwisted).
    Bounding box: X = Y = base_diameter × the profile's widest factor, Z = height; exact
    when round, an upper bound for polygons (their corners turn inside that circle).

A round vase, and an untwisted polygonal one, is one revolved wall profile (a polygon is a revolve
with `sides` segments). A twisted polygon cannot be revolved, and stacking one tapered extrusion per
profile segment puts the joints exactly where the neighbours' faces meet: the union cuts along
those edges and leaves dozens of zero-area triangles. So every profile is either concave (its width
is the *smallest* of the lines through its segments) or convex (the *largest*), and the twisted
body is built from one twisted extrusion per line: an intersection of full-height lines for concave
profiles, a union of overlapping pieces for convex ones. Each piece has its own prime number of
slices, so two pieces' corner chords never coincide where their lines cross.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, DerivedRole, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import FINE, angle, at, by_values, choice, f, integer, length, wall
from core.templates.registry import register

PROFILES = ["straight", "bulb", "flared", "hourglass"]
# Width factors at the control heights 0, 1/6 … 1 of the height. Each row is concave (bulb) or
# convex (flared, hourglass) so the twisted build above applies (checked at import), and its lines'
# slopes differ by at least 0.08: nearly parallel lines would cross at a grazing angle.
_FACTORS = (
    (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    (1.0, 1.22, 1.36, 1.38, 1.28, 1.08, 0.78),
    (1.0, 1.0, 1.0, 1.08, 1.16, 1.36, 1.56),
    (1.0, 0.86, 0.72, 0.68, 0.72, 0.86, 1.0),
)
SEGMENTS = len(_FACTORS[0]) - 1
# The sides actually built: a twist on a round vase would not show, so "a twisted vase" with sides
# left at 0 (round) becomes a hexagon; a user who sets sides keeps them.
_SIDES = "(6 if sides == 0 and twist != 0 else sides)"
_ROUND = f"({_SIDES} == 0 or {_SIDES} >= 30)"
_INSET = f"wall / cos(180 / {_SIDES})"  # circumradius a polygon loses to a wall of that thickness
_TWISTED = f"not {_ROUND} and twist != 0"
_REVOLVED_WALL = f"(wall if {_ROUND} else {_INSET})"
# Slices of a twisted piece: primes above 13, so no slice level lands on a joint between lines
# (joints sit at fractions k/6, 1/(2k+2) and 2k/(2k+1) of a piece's height), a different one per
# piece; tiers keep about 5° of twist per slice.
_PRIMES = (17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101)
_TIERS = ((17, 0), (37, 5), (73, 14))  # (slices needed up to, first prime index)


@dataclass(frozen=True)
class _Line:
    """The straight width factor through control segments first..last:
    factor(z) = start + slope × (z · SEGMENTS / height − first)."""

    first: int
    last: int
    start: float
    slope: float

    def factor(self, t: float) -> float:
        return self.start + self.slope * (t - self.first)

    def radius(self, z: str, inset: str) -> str:
        return (f"(base_diameter / 2 * ({self.start:g} + {self.slope:g} * (({z}) / height * {SEGMENTS} - "
                f"{self.first})) - {inset})")


def _lines(factors: tuple[float, ...]) -> tuple[list[_Line], bool]:
    """The distinct lines of a profile and whether it is concave (else convex)."""
    slopes = [round(b - a, 9) for a, b in itertools.pairwise(factors)]
    lines: list[_Line] = []
    for i, s in enumerate(slopes):
        if lines and lines[-1].slope == s:
            lines[-1] = _Line(lines[-1].first, i + 1, lines[-1].start, s)
        else:
            lines.append(_Line(i, i + 1, factors[i], s))
    steps = [b.slope - a.slope for a, b in itertools.pairwise(lines)]
    if not (all(d < 0 for d in steps) or all(d > 0 for d in steps)):
        raise ValueError(f"vase profile {factors} is neither concave nor convex")
    return lines, all(d < 0 for d in steps)


PROFILE_LINES = [_lines(row) for row in _FACTORS]


def _z(t: float) -> str:
    return f"height * {t:g} / {SEGMENTS}"


def _slices(fraction: float, salt: int) -> str:
    """The extrude's `slices` (its extra divisions: one fewer than its layers) for a piece spanning
    `fraction` of the height; `salt` picks this piece's own prime number of layers."""
    expr = str(_PRIMES[_TIERS[-1][1] + salt] - 1)
    for needed, first in reversed(_TIERS[:-1]):
        expr = f"({_PRIMES[first + salt] - 1} if abs(twist) * {fraction:g} <= {5 * needed} else {expr})"
    return f"={expr}"


def _piece(node_id: str, line: _Line, lo: str, hi: str, fraction: float, salt: int, inset: str) -> Node:
    """One line's twisted, tapered extrusion between heights lo and hi, turned as the whole vase turns."""
    r0, r1 = line.radius(lo, inset), line.radius(hi, inset)
    shape = {"kind": "regular", "sides": f"={_SIDES}", "r": f"={r0}", "start_angle": 0}
    solid = Node("extrude", {"shape": shape, "height": f"=({hi}) - ({lo})", "slices": _slices(fraction, salt),
                             "twist": f"=twist * (({hi}) - ({lo})) / height", "scale_top": [f"={r1} / {r0}"] * 2},
                 id=node_id)
    return at(solid, z=f"={lo}", rotate=[0, 0, f"=twist * ({lo}) / height"], node_id=f"{node_id}_at")


def _body(profile: int, part: str, bottom: str, top: str, inset: str) -> Node:
    """The outside (or the cavity) of a polygonal vase of one profile, between bottom and top."""
    lines, concave = PROFILE_LINES[profile]
    node_id = f"vase_{part}_{PROFILES[profile]}"
    if concave:
        pieces = [_piece(f"{node_id}_{i}", line, bottom, top, 1.0, i, inset) for i, line in enumerate(lines)]
        return Node("intersection", id=node_id, enabled=f"=profile == {profile}", children=pieces)
    pieces = []
    for i, line in enumerate(lines):
        # Each piece reaches half a segment into its neighbours, where it lies strictly inside them.
        lo = bottom if i == 0 else f"max({_z(line.first - 0.5)}, (({bottom}) + {_z(line.first)}) / 2)"
        hi = top if i == len(lines) - 1 else _z(line.last + 0.5)
        reach = (0 if i == 0 else 0.5) + (0 if i == len(lines) - 1 else 0.5)
        pieces.append(_piece(f"{node_id}_{i}", line, lo, hi, (line.last - line.first + reach) / SEGMENTS, i, inset))
    return Node("union", id=node_id, enabled=f"=profile == {profile}", children=pieces)


def _narrowest() -> float:
    """The smallest width factor any line reaches inside the piece it builds (the cavity must stay open)."""
    low = min(min(row) for row in _FACTORS)
    for lines, concave in PROFILE_LINES:
        if not concave:
            low = min(low, *(line.factor(line.first - 0.5) for line in lines[1:]),
                      *(line.factor(line.last + 0.5) for line in lines[:-1]))
    return low


def _revolved_vase() -> Node:
    """A round or untwisted polygonal vase: one revolved wall profile, a single exact solid."""
    def factor(i: int) -> str:
        return _by_profile([row[i] for row in _FACTORS])

    outer = [[f"=base_diameter / 2 * {factor(i)}", f"={_z(i)}"] for i in range(SEGMENTS + 1)]
    inner = [[f"=base_diameter / 2 * {factor(i)} - {_REVOLVED_WALL}", f"={_z(i)}"] for i in range(SEGMENTS, 0, -1)]
    first = _by_profile([row[1] - row[0] for row in _FACTORS])
    floor_r = f"=base_diameter / 2 * ({factor(0)} + {first} * floor / height * {SEGMENTS}) - {_REVOLVED_WALL}"
    profile = [[0, 0], *outer, *inner, [floor_r, "=floor"], [0, "=floor"]]
    return Node("revolve", {"profile": profile, "segments": f"={FINE} if {_ROUND} else {_SIDES}"}, id="vase_revolved",
                name="Vase", enabled=f"=not ({_TWISTED})")


def _by_profile(numbers: list[float]) -> str:
    a, b, c, d = (round(n, 6) for n in numbers)
    if a == b == c == d:
        return f"{a:g}"
    return f"({a:g} if profile == 0 else ({b:g} if profile == 1 else ({c:g} if profile == 2 else {d:g})))"


def _vase_build() -> Node:
    kinds = range(len(PROFILES))
    twisted = Node("difference", id="vase_twisted", name="Vase", enabled=f"={_TWISTED}", children=[
        Node("union", id="vase_outer", name="Vase body", children=[_body(k, "outer", "0", "height", "0")
                                                                    for k in kinds]),
        Node("union", id="vase_cavity", name="Inside", children=[_body(k, "cavity", "floor", "height + 1", _INSET)
                                                                  for k in kinds]),
    ])
    return Node("union", id="root", name="Vase", children=[_revolved_vase(), twisted])


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
        Check(f"base_diameter * {_narrowest():g} / 2 - (wall if {_ROUND} else {_INSET}) >= 5",
              "The walls are too thick for this diameter: leave at least 10 mm of room inside.",
              pt="As paredes são grossas demais para este diâmetro: deixe pelo menos 10 mm de espaço interno."),
    ),
    tags=("decor", "container", "spiral vase"),
))
