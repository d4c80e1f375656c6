"""Small builders shared by the template families: typed parameters, placed primitives, plate layout.

Every template tree is built once and serves every parameter value, so these helpers produce
nodes whose props are "=expr" strings; Python only assembles the expression text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from core.document.document import Document
from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import MIN_WALL_MM, Extent

PLATE_GAP = 10.0  # mm between parts laid out side by side on the plate, as a slicer would
COMPACT_AT = 250.0  # mm: a row of two parts longer than this (a common bed) is stacked front to back
SQRT3_2 = math.sqrt(3) / 2
FINE = 64  # facets of visible round outlines
COARSE = 24  # facets of small holes and pins: invisible at this size, and 3× cheaper to build


def length(
    name: str, value: float, lo: float, hi: float, label: str, description: str, step: float = 0.5, group: str = "",
    *, pt: str,
) -> Parameter:
    return Parameter(name, value, unit="mm", min=lo, max=hi, step=step, label=label, description=description,
                     group=group, label_pt=pt)


def wall(name: str = "wall", value: float = 2.0, hi: float = 10.0, label: str = "Wall", *,
         pt: str = "Parede") -> Parameter:
    return length(name, value, MIN_WALL_MM, hi, label, "Thickness of the walls; at least two nozzle widths.",
                  step=0.4, pt=pt)


def angle(name: str, value: float, lo: float, hi: float, label: str, description: str, *, pt: str) -> Parameter:
    return Parameter(name, value, unit="°", min=lo, max=hi, step=1, label=label, description=description,
                     label_pt=pt)


def integer(name: str, value: int, lo: int, hi: int, label: str, description: str, *, pt: str) -> Parameter:
    return Parameter(name, value, unit="", min=lo, max=hi, step=1, kind="int", label=label, description=description,
                     label_pt=pt)


def flag(name: str, value: bool, label: str, description: str, *, pt: str) -> Parameter:
    return Parameter(name, value, unit="", kind="bool", label=label, description=description, label_pt=pt)


def choice(name: str, choices: list[str], label: str, description: str, value: int = 0, *, pt: str) -> Parameter:
    return Parameter(name, value, unit="", kind="choice", choices=choices, label=label, description=description,
                     label_pt=pt)


def at(child: Node, x: object = 0, y: object = 0, z: object = 0, rotate: Sequence[object] | None = None,
       node_id: str = "", name: str = "", enabled: bool | str = True) -> Node:
    """`child` moved (and turned) as a transform node."""
    props: dict[str, object] = {"translate": [x, y, z]}
    if rotate is not None:
        props["rotate"] = list(rotate)
    return Node("transform", props, [child], name=name, id=node_id, enabled=enabled)


def cylinder(node_id: str, d: str, h: str | float, segments: int | str | None = None, center: bool = False,
             enabled: bool | str = True) -> Node:
    props: dict[str, object] = {"r": f"=({_bare(d)}) / 2", "h": h}
    if segments is not None:
        props["segments"] = segments
    if center:
        props["center"] = True
    return Node("cylinder", props, id=node_id, enabled=enabled)


def box(node_id: str, x: object, y: object, z: object, radius: object = 0, center: bool = False,
        enabled: bool | str = True, name: str = "", segments: int | None = None) -> Node:
    """A box; `segments` (per full circle) for its rounded corners, the evaluator's count when None."""
    props: dict[str, object] = {"size": [x, y, z]}
    if radius:
        props["radius"] = radius
        if segments is not None:
            props["segments"] = segments
    if center:
        props["center"] = True
    return Node("box", props, id=node_id, enabled=enabled, name=name)


def through_z(node_id: str, d: str, h: str, segments: int = COARSE, enabled: bool | str = True) -> Node:
    """A vertical hole cutter reaching 1 mm below z=0 and 1 mm above height `h`."""
    return at(cylinder(f"{node_id}_cyl", d, f"={_bare(h)} + 2", segments), z=-1, node_id=node_id, enabled=enabled)


def side_by_side(left: str, right: str, when: str) -> tuple[str, str]:
    """X offsets of two parts of widths `left` and `right` laid out with PLATE_GAP between them and
    the pair centred; when `when` is false the left part sits alone at the centre.

    Plates of separate parts use a "group" root (today a union, as the parts never touch), so the
    evaluator may lay them together without a boolean."""
    return (
        f"=-({right} + {PLATE_GAP}) / 2 if {when} else 0",
        f"=({left} + {PLATE_GAP}) / 2",
    )


def pair_width(left: float, right: float, both: Number) -> float:
    return left + PLATE_GAP + right if both else left


def stacked(column: str, left_y: str, right_y: str, when: str) -> tuple[str, str]:
    """Y offsets that put the second part in front of the first instead of beside it when `column`
    holds (see compact_column); pair them with side_by_side's X offsets made 0 by `unless_column`."""
    return (
        f"=-({right_y} + {PLATE_GAP}) / 2 if ({when}) and ({column}) else 0",
        f"=({left_y} + {PLATE_GAP}) / 2 if {column} else 0",
    )


def unless_column(column: str, x: str) -> str:
    """A side_by_side X offset, 0 when the parts are stacked in Y instead."""
    return f"=0 if {column} else ({x[1:]})"


def compact_column(row_x: str, left_y: str, right_y: str) -> str:
    """Whether two parts stack front to back: only when the row would be longer than COMPACT_AT (so
    everyday plates keep their documented row) and the column is the shorter of the two."""
    return f"({row_x} > max({COMPACT_AT:g}, {left_y} + {right_y} + {PLATE_GAP:g}))"


def pair_size(left: tuple[float, float], right: tuple[float, float], both: Number) -> tuple[float, float]:
    """Plate X and Y of two parts (X, Y sizes) laid out as side_by_side/stacked do."""
    if not both:
        return left
    row_x = left[0] + PLATE_GAP + right[0]
    if row_x > COMPACT_AT and row_x > left[1] + right[1] + PLATE_GAP:
        return max(left[0], right[0]), left[1] + PLATE_GAP + right[1]
    return row_x, max(left[1], right[1])


def shape_sides(shape: str, round_sides: int = FINE) -> str:
    """Sides of the 'regular' outline for a round(0)/square(1)/hex(2) choice parameter."""
    return f"={round_sides} if {shape} == 0 else (4 if {shape} == 1 else 6)"


def shape_radius(shape: str, across_x: str) -> str:
    """Circumradius giving X extent `across_x`: squares stand on a flat, hexagons on a corner."""
    return f"=({across_x}) / 2 * (sqrt(2) if {shape} == 1 else 1)"


def shape_start(shape: str) -> str:
    return f"=45 if {shape} == 1 else 0"


def shape_wall(shape: str) -> str:
    """How much narrower (in X, per side) a wall of thickness 1 makes the outline."""
    return f"(1 / cos(30) if {shape} == 2 else 1)"


def regular(shape: str, across_x: str, round_sides: int = FINE) -> dict[str, object]:
    """A round/square/hex outline (choice parameter `shape`) that is `across_x` wide in X."""
    return {"kind": "regular", "sides": shape_sides(shape, round_sides), "r": shape_radius(shape, across_x),
            "start_angle": shape_start(shape)}


def y_factor(shape_value: Number) -> float:
    """Y extent / X extent of the round/square/hex outlines above."""
    return SQRT3_2 if int(shape_value) == 2 else 1.0


def by_values(fn: Callable[[Mapping[str, Number]], Extent]) -> Callable[[Document], Extent]:
    """An extent function over parameter values, as TemplateSpec.extent (which takes the document)."""
    return lambda doc: fn(doc.values())


def f(values: Mapping[str, Number], name: str) -> float:
    return float(values[name])


def _bare(expr: str) -> str:
    return expr[1:] if expr.startswith("=") else expr


def frustum(node_id: str, bottom: Sequence[object], top: Sequence[object], h: object, radius: Sequence[object] = (0, 0),
            enabled: bool | str = True, segments: int | None = None) -> Node:
    """A rounded-rectangle frustum standing on z = 0: the hull of its bottom (x, y) and top (x, y) outlines,
    `h` apart. The hull of two thin slabs keeps a 45° chamfer at 45° on both axes (a scaled extrusion would
    not, on a non-square outline) and its corner radii (`radius` bottom, top) as given."""
    thin = 0.01
    return Node("hull", id=node_id, enabled=enabled, children=[
        box(f"{node_id}_bottom", bottom[0], bottom[1], thin, radius[0], segments=segments),
        at(box(f"{node_id}_top", top[0], top[1], thin, radius[1], segments=segments), z=f"={_bare(str(h))} - {thin}",
           node_id=f"{node_id}_top_at"),
    ])


def convex_stack(node_id: str, layers: Sequence[Node], enabled: bool | str = True) -> Node:
    """The union of `layers` stacked bottom to top, built as their hull: exact (and one cheap hull instead of a
    boolean) only when every layer's outline contains the ones below it and each layer is convex — a frustum
    widening upwards, then prisms no narrower. A chamfer that narrows again above a straight band is not."""
    return Node("hull", id=node_id, enabled=enabled, children=list(layers))


def screw_table(column: Mapping[str, float], param: str, fallback: str) -> str:
    """An expression choosing `column[name]` by the index of choice `param` (choices in `column`'s order,
    after a first "custom" choice that reads `fallback`)."""
    expr = fallback
    for index, value in reversed(list(enumerate(column.values(), start=1))):
        expr = f"{value:g} if {param} == {index} else ({expr})"
    return expr


def thread_section(radius: str, depth: str, points: int = 48, crest: float = 0.3) -> dict[str, object]:
    """The cross-section of a single-start thread (the "thread" shape, core/geometry/shapes.py): its radius at
    angle θ is `radius` plus `depth` × the axial tooth profile at θ/360 of a pitch, a trapezoid with `crest` of the
    pitch flat at full depth. Extruded with a twist of 360° per pitch it is the exact helical thread, one boolean
    and no sweep; bored through a layer (core/geometry/loft.py), no boolean at all."""
    return {"kind": "thread", "r": f"={_bare(radius)}", "depth": f"={_bare(depth)}", "points": points, "crest": crest}
