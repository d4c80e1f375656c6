"""Stacked prisms meshed directly: a tray (its floor, then its walls and dividers) without a boolean.

An extrude node with "layers" stacks one 2D section per layer, bottom to top. When each layer lies within the one
below it (a tray's walls on its floor, ribs on a dish's floor) the solid's surface is known outright: the bottom
of the first section, every contour's wall over its layer, at each step the part of the lower section the upper
one leaves uncovered, facing up, and the top of the last. Writing those triangles costs a fraction of a
millisecond where manifold3d's union or difference of the same prisms costs milliseconds per thousand triangles.
Any other stack (an upper layer overhanging, grooves stopping under a closed top) is meshed by
core/geometry/loft.py, which finds the flat faces between layers with Clipper, so the result is always the exact
solid.
"""

from __future__ import annotations

import itertools

import manifold3d as m3d
import numpy as np

from core.geometry.loft import lofted
from core.geometry.loftmesh import Band
from core.geometry.meshsolid import Solid

_SNAP = 1e-5
"""mm within which two layers' contours are the same one (Clipper rounds an untouched contour's points to 1e-7)."""


def stacked(sections: list[m3d.CrossSection], heights: list[float]) -> Solid:
    """The solid of `sections` stacked with the given heights, from z = 0."""
    levels = np.concatenate(([0.0], np.cumsum(heights)))
    direct = _direct(sections, levels) if _nested(sections) else None
    if direct is not None:
        return direct
    rings = [[np.asarray(c, dtype=float) for c in s.to_polygons()] for s in sections]
    return lofted([Band(levels[k:k + 2], [np.stack((c, c)) for c in contours], (s, s))
                   for k, (s, contours) in enumerate(zip(sections, rings, strict=True))])


def _nested(sections: list[m3d.CrossSection]) -> bool:
    """Whether each section lies within the one below (their difference has exactly the area they differ by)."""
    for lower, upper in itertools.pairwise(sections):
        uncovered = (lower - upper).area()
        if upper.is_empty() or abs(uncovered - (lower.area() - upper.area())) > 1e-6 * max(lower.area(), 1.0):
            return False
    return True


def _layers(sections: list[m3d.CrossSection]) -> list[list[np.ndarray]]:
    """Each section's contours; a contour that a layer shares with the one below (Clipper may move its points
    by 1e-7 mm and start it elsewhere) is replaced by the lower one's points, so the walls meet vertex to vertex."""
    layers: list[list[np.ndarray]] = []
    for section in sections:
        contours = [np.asarray(c, dtype=float) for c in section.to_polygons()]
        if layers:
            below = {_key(c): c for c in layers[-1]}
            contours = [_same(c, below.get(_key(c))) for c in contours]
        layers.append(contours)
    return layers


def _key(contour: np.ndarray) -> tuple[int, float, float]:
    cx, cy = np.round(contour.mean(axis=0), 3)
    return len(contour), float(cx), float(cy)


def _same(contour: np.ndarray, candidate: np.ndarray | None) -> np.ndarray:
    if candidate is None:
        return contour
    start = int(np.argmin(np.sum((candidate - contour[0]) ** 2, axis=1)))
    turned = np.roll(candidate, -start, axis=0)
    return candidate if np.abs(turned - contour).max() < _SNAP else contour


def _direct(sections: list[m3d.CrossSection], levels: np.ndarray) -> m3d.Manifold | None:
    layers = _layers(sections)
    flat = [c for contours in layers for c in contours]
    points, inverse = np.unique(np.concatenate(flat), axis=0, return_inverse=True)
    ends = np.cumsum([len(c) for c in flat])
    ids = dict(zip(map(id, flat), np.split(inverse.ravel(), ends[:-1]), strict=True))
    n = len(points)
    triangles: list[np.ndarray] = []

    def cap(contours: list[np.ndarray], level: int, up: bool, reverse: list[bool]) -> None:
        if not contours:
            return
        outline = [c[::-1] if r else c for c, r in zip(contours, reverse, strict=True)]
        vertex = np.concatenate([ids[id(c)][::-1] if r else ids[id(c)] for c, r in zip(contours, reverse, strict=True)])
        tris = vertex[np.asarray(m3d.triangulate(outline), dtype=np.int64)] + level * n
        triangles.append(tris if up else tris[:, ::-1])

    cap(layers[0], 0, False, [False] * len(layers[0]))
    for k, contours in enumerate(layers):
        a = np.concatenate([ids[id(c)] for c in contours])
        b = np.concatenate([np.roll(ids[id(c)], -1) for c in contours])
        low, high = k * n, (k + 1) * n
        triangles += [np.column_stack((a + low, b + low, b + high)), np.column_stack((a + low, b + high, a + high))]
        if k + 1 < len(layers):
            upper = layers[k + 1]
            own = [c for c in contours if not any(c is u for u in upper)]
            above = [u for u in upper if not any(u is c for c in contours)]
            cap(own + above, k + 1, True, [False] * len(own) + [True] * len(above))
    cap(layers[-1], len(layers), True, [False] * len(layers[-1]))
    used, faces = np.unique(np.concatenate(triangles), return_inverse=True)
    vertices = np.column_stack((points[used % n], levels[used // n])).astype(np.float32)
    solid = m3d.Manifold(m3d.Mesh(vert_properties=vertices, tri_verts=faces.reshape(-1, 3).astype(np.uint32)))
    heights = np.diff(levels)
    volume = sum(s.area() * h for s, h in zip(sections, heights, strict=True))
    walls = sum(h * sum(float(np.linalg.norm(np.roll(c, -1, axis=0) - c, axis=1).sum()) for c in contours)
                for contours, h in zip(layers, heights, strict=True))
    area = 2 * sections[0].area() + walls
    if (solid.status() != m3d.Error.NoError or abs(solid.volume() - volume) > 1e-4 * volume
            or abs(solid.surface_area() - area) > 1e-4 * area):
        return None
    return solid
