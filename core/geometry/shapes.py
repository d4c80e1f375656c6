"""2D shapes for extrude/revolve nodes, as manifold3d CrossSections.

A shape is a plain dict with a "kind" ({"kind": "circle", "r": 5}); kinds register in SHAPES so the
template library can add its own (gear teeth, text) without touching the builder. An optional
"holes" list of shapes is subtracted, "offset" rounds/grows the outline. "union", "intersection" and "array"
(a grid of copies) let a prismatic part be drawn whole in 2D and extruded once: Clipper's 2D booleans cost
microseconds where the same through-cuts made by manifold3d in 3D cost milliseconds per hole.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import manifold3d as m3d
import numpy as np

from core.errors import GeometryError
from core.geometry import budget
from core.tasks import Phrase

ShapeBuilder = Callable[[Mapping[str, Any], int], m3d.CrossSection]
SHAPES: dict[str, ShapeBuilder] = {}


def register_shape(kind: str) -> Callable[[ShapeBuilder], ShapeBuilder]:
    def deco(fn: ShapeBuilder) -> ShapeBuilder:
        SHAPES[kind] = fn
        return fn

    return deco


def num(spec: Mapping[str, Any], key: str, default: float | None = None) -> float:
    value = spec.get(key, default)
    if value is None:
        raise GeometryError(Phrase("Shape '{0}' needs '{1}'.", spec.get("kind"), key))
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise GeometryError(Phrase("Shape '{0}': '{1}' must be a number.", spec.get("kind"), key)) from None
    if not math.isfinite(result):
        raise GeometryError(Phrase("Shape '{0}': '{1}' must be finite.", spec.get("kind"), key))
    return result


def positive(spec: Mapping[str, Any], key: str, default: float | None = None) -> float:
    value = num(spec, key, default)
    if value <= 0:
        raise GeometryError(Phrase(
            "Shape '{0}': '{1}' must be greater than 0 (got {2:g}).",
            spec.get("kind"), key, value,
        ))
    return value


def build_shape(spec: Any, segments: int) -> m3d.CrossSection:
    if not isinstance(spec, Mapping) or spec.get("kind") not in SHAPES:
        kind = spec.get("kind") if isinstance(spec, Mapping) else spec
        raise GeometryError(Phrase("Unknown 2D shape '{0}'. Known: {1}.", kind, ", ".join(sorted(SHAPES))))
    section = SHAPES[str(spec["kind"])](spec, segments)
    offset = float(spec.get("offset", 0) or 0)
    if offset:
        section = section.offset(offset, m3d.JoinType.Round, 2.0, segments)
    for hole in spec.get("holes", []) or []:
        section = section - build_shape(hole, segments)
    if "translate" in spec:
        dx, dy = (float(v) for v in spec["translate"])
        section = section.translate((dx, dy))
    if "rotate" in spec:
        section = section.rotate(float(spec["rotate"]))
    return section


@register_shape("polygon")
def _polygon(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    pts = np.asarray(spec.get("points", []), dtype=float)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) < 3 or not np.isfinite(pts).all():
        raise GeometryError(Phrase("A polygon needs at least three finite [x, y] points."))
    area = 0.5 * float(np.sum(pts[:, 0] * np.roll(pts[:, 1], -1) - np.roll(pts[:, 0], -1) * pts[:, 1]))
    if area < 0:
        pts = pts[::-1]
    return m3d.CrossSection([pts], m3d.FillRule.Positive)


@register_shape("circle")
def _circle(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    return m3d.CrossSection.circle(positive(spec, "r"), budget.segments(spec.get("segments", segments)))


@register_shape("rect")
def _rect(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    w, h = (float(v) for v in spec.get("size", [0, 0]))
    if w <= 0 or h <= 0:
        raise GeometryError(Phrase("A rectangle needs a positive size (got {0:g} × {1:g}).", w, h))
    r = min(float(spec.get("radius", 0) or 0), w / 2 - 1e-3, h / 2 - 1e-3)
    if r > 1e-3:
        inner = m3d.CrossSection.square((w - 2 * r, h - 2 * r), True)
        return inner.offset(r, m3d.JoinType.Round, 2.0, budget.segments(spec.get("segments", segments)))
    return m3d.CrossSection.square((w, h), True)


@register_shape("regular")
def _regular(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    sides = int(num(spec, "sides"))
    if sides < 3:
        raise GeometryError(Phrase("A regular polygon needs at least 3 sides."))
    r = positive(spec, "r")
    start = math.radians(num(spec, "start_angle", 90.0 if sides % 2 else 180.0 / sides))
    angles = start + np.arange(sides) * 2 * math.pi / sides
    pts = np.column_stack([r * np.cos(angles), r * np.sin(angles)])
    section = m3d.CrossSection([pts])
    corner = float(spec.get("corner_radius", 0) or 0)
    if corner > 0:
        section = section.offset(-corner, m3d.JoinType.Miter).offset(corner, m3d.JoinType.Round, 2.0, segments)
    return section


@register_shape("ring")
def _ring(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    outer = positive(spec, "r_outer")
    inner = num(spec, "r_inner", 0)
    if inner >= outer:
        raise GeometryError(Phrase(
            "A ring's inner radius ({0:g}) must be smaller than its outer ({1:g}).",
            inner, outer,
        ))
    ring = m3d.CrossSection.circle(outer, segments)
    if inner > 0:
        ring = ring - m3d.CrossSection.circle(inner, segments)
    return ring


MAX_COPIES = 1000
"""Copies in one 2D grid, as a 3D linear_array allows."""


def _combine(op: m3d.OpType) -> ShapeBuilder:
    def build(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
        shapes = spec.get("shapes")
        if not isinstance(shapes, list) or not shapes:
            raise GeometryError(Phrase("A {0} of shapes needs a non-empty 'shapes' list.", spec.get("kind")))
        return m3d.CrossSection.batch_boolean([build_shape(s, segments) for s in shapes], op)

    return build


register_shape("union")(_combine(m3d.OpType.Add))
register_shape("intersection")(_combine(m3d.OpType.Intersect))


@register_shape("array")
def _array(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    """`shape` copied over a grid of `count` [x, y] copies `spacing` [x, y] apart, centred on the origin
    (a count of 0 is no shape at all: holes that a parameter turns off)."""
    try:
        (nx, ny), (sx, sy) = ([float(v) for v in spec.get(k, d)] for k, d in (("count", [1, 1]), ("spacing", [0, 0])))
    except (TypeError, ValueError):
        raise GeometryError(Phrase("A 2D pattern needs 'count' and 'spacing' as [x, y] numbers.")) from None
    if not all(math.isfinite(v) for v in (nx, ny, sx, sy)) or min(nx, ny) < 0 or nx * ny > MAX_COPIES:
        raise GeometryError(Phrase("A 2D pattern needs between 0 and {0} copies in all.", MAX_COPIES))
    if nx * ny == 0:
        return m3d.CrossSection()
    base = build_shape(spec.get("shape"), segments)
    copies = [base.translate(((i - (nx - 1) / 2) * sx, (j - (ny - 1) / 2) * sy))
              for i in range(int(nx)) for j in range(int(ny))]
    return m3d.CrossSection.batch_boolean(copies, m3d.OpType.Add)


@register_shape("polar")
def _polar(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    """`shape` copied `count` times around a circle of `radius`, from `start_angle` over 360°, each copy turned
    with its place as a 3D polar_array turns it (a count of 0 is no shape at all)."""
    count = int(num(spec, "count"))
    if not 0 <= count <= MAX_COPIES:
        raise GeometryError(Phrase("A circular 2D pattern needs 0 to {0} copies (got {1}).", MAX_COPIES, count))
    if count == 0:
        return m3d.CrossSection()
    radius, start = num(spec, "radius", 0.0), num(spec, "start_angle", 0.0)
    base = build_shape(spec.get("shape"), segments)
    angles = [start + 360.0 * i / count for i in range(count)]
    copies = [base.rotate(a).translate((radius * math.cos(math.radians(a)), radius * math.sin(math.radians(a))))
              for a in angles]
    return m3d.CrossSection.batch_boolean(copies, m3d.OpType.Add)


@register_shape("thread")
def _thread(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    """The cross-section of a single-start thread: `points` points whose radius at angle θ is `r` plus `depth` ×
    the axial tooth profile at θ/360 of a pitch (a trapezoid: `crest` of the pitch flat at full depth, as much flat
    at the root, flanks between). Extruded or bored with a twist of 360° per pitch it is the helical thread. One
    shape rather than a polygon of `points` expressions, which cost a millisecond to evaluate at every edit."""
    count = int(num(spec, "points", 48))
    if not 8 <= count <= budget.MAX_SEGMENTS:
        raise GeometryError(Phrase("A thread's section needs 8 to {0} points (got {1}).", budget.MAX_SEGMENTS, count))
    radius, depth, crest = positive(spec, "r"), num(spec, "depth"), num(spec, "crest", 0.3)
    if depth < 0 or not 0 <= crest < 0.5:
        raise GeometryError(Phrase("A thread needs a depth of 0 or more and a crest under half the pitch."))
    flank = (1 - 2 * crest) / 2
    u = np.arange(count) / count
    tooth = np.interp(u, [0.0, crest, crest + flank, 2 * crest + flank, 1.0], [1.0, 1.0, 0.0, 0.0, 1.0])
    r = radius + depth * tooth
    return m3d.CrossSection([np.column_stack((r * np.cos(2 * math.pi * u), r * np.sin(2 * math.pi * u)))])
