"""Extrusion layers whose outline changes with height, meshed without a boolean: chamfered sockets, a thread
turning inside a lid, grooves stopping under a closed top.

An extrude node's "layers" become bands (core/geometry/loftmesh.py): a run of levels over which every contour
keeps its points, each moving straight from one level to the next. A prism is one contour at both ends, a chamfer
("top") a contour and its offset, a bore a section cut through the layer on its own, turned a little at every
level for a thread. The whole stack is then one closed mesh, written directly: a few milliseconds where
manifold3d's booleans on the same chamfers and cuts took tens (a 6 × 3 Gridfinity baseplate with magnets: ~45 ms,
a Mason jar lid's thread: ~20 ms). A stack that cannot be meshed so (contours that cross) is the union of its
bands, each closed on its own, so the result is always the exact solid.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import manifold3d as m3d
import numpy as np

from core.errors import GeometryError
from core.geometry import budget
from core.geometry.loftmesh import Band, Unmeshable, areas, mesh_bands
from core.geometry.meshsolid import Solid
from core.geometry.shapes import build_shape, num, positive
from core.tasks import Phrase

log = logging.getLogger(__name__)


def layer_bands(layers: list[Mapping[str, Any]], segments: int) -> list[Band]:
    """The bands of an extrusion's "layers", each {"shape", "height"} and optionally "top" (the outline the
    shape becomes at the layer's top: the same contours moved, as a chamfer offsets them) and "bore" (a
    {"shape", "start", "twist", "slices"} hole cut through the layer on its own, its section turned `start`
    degrees at the layer's bottom and turning by `twist` more up to its top in `slices` steps: an internal
    thread, or with no twist a pocket through a chamfer)."""
    built: dict[str, m3d.CrossSection] = {}

    def shape(spec: Any) -> m3d.CrossSection:  # a chamfer's top is often the next layer's outline
        key = json.dumps(spec, sort_keys=True, default=str)
        if key not in built:
            built[key] = build_shape(spec, segments)
        return built[key]

    bands, z = [], 0.0
    for layer in layers:
        height = positive(layer, "height")
        bottom = shape(layer.get("shape"))
        if bottom.is_empty():
            raise GeometryError(Phrase("A layer's outline is empty."))
        if "top" in layer:
            try:
                band = band_of(bottom, shape(layer["top"]), z, z + height)
            except ValueError as exc:
                raise GeometryError(Phrase(
                    "A layer's top outline must be its bottom outline with each point moved ({0}).", str(exc),
                )) from None
        else:
            rings = [np.asarray(c, dtype=float) for c in bottom.to_polygons()]
            band = Band(np.array([z, z + height]), [np.broadcast_to(c, (2, *c.shape)) for c in rings], (bottom, bottom))
        if "bore" in layer:
            band = _bored(band, layer["bore"], segments)
        bands.append(band)
        z += height
    return bands


def _bored(band: Band, bore: Any, segments: int) -> Band:
    """`band` with the bore's section cut through it, that section turned by `start` degrees at the band's bottom
    and by `twist` more (counter-clockwise, as manifold3d twists an extrusion) over its height in `slices` steps.
    A bore continued in the next layer starts where this one stopped, with the very same points."""
    if not isinstance(bore, Mapping):
        raise GeometryError(Phrase("A layer's 'bore' must be {{shape, twist, slices}}."))
    section = build_shape(bore.get("shape"), segments)
    if section.is_empty():  # a pattern of no holes: a parameter turned the bore off
        return band
    slices = max(1, budget.slices(num(bore, "slices", 1)))
    steps = np.linspace(0.0, 1.0, slices + 1)
    turns = np.radians(num(bore, "start", 0.0)) + np.radians(num(bore, "twist", 0.0)) * steps
    cos, sin = np.cos(turns)[:, None], np.sin(turns)[:, None]
    rings = [ring[0] + (ring[-1] - ring[0]) * steps[:, None, None] for ring in band.rings]
    for contour in section.to_polygons():
        hole = np.asarray(contour, dtype=float)[::-1]
        rings.append(np.stack((hole[:, 0] * cos - hole[:, 1] * sin, hole[:, 0] * sin + hole[:, 1] * cos), axis=-1))
    return Band(band.z[0] + (band.z[-1] - band.z[0]) * steps, rings)


def band_of(bottom: m3d.CrossSection, top: m3d.CrossSection, z0: float, z1: float) -> Band:
    """A band from `bottom` at z0 to `top` at z1: each contour of `bottom` moves to the contour of `top` with the
    same number of points, the same turn and the nearest centre (a socket's lower outline to its chamfered upper
    one), point to point. Raises ValueError when `top` is not such a copy of `bottom`."""
    lows = [np.asarray(c, dtype=float) for c in bottom.to_polygons()]
    highs = [np.asarray(c, dtype=float) for c in top.to_polygons()]
    if len(lows) != len(highs):
        raise ValueError(f"{len(lows)} contours at the bottom, {len(highs)} at the top")

    def kinds(contours: list[np.ndarray]) -> list[tuple[int, bool]]:
        return list(zip([len(c) for c in contours], (areas(contours) > 0).tolist(), strict=True))

    groups: dict[tuple[int, bool], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, contours in enumerate((lows, highs)):
        for i, kind in enumerate(kinds(contours)):
            groups[kind][side].append(i)
    rings: list[np.ndarray] = []
    for (n, _), (low_ids, high_ids) in groups.items():
        if len(low_ids) != len(high_ids):
            raise ValueError(f"{len(low_ids)} contours of {n} points at the bottom, {len(high_ids)} at the top")
        low = np.stack([lows[i] for i in low_ids])
        high = np.stack([highs[i] for i in high_ids])
        centres_low, centres_high = low.mean(axis=1), high.mean(axis=1)
        nearest = np.argmin(np.sum((centres_low[:, None] - centres_high[None]) ** 2, axis=2), axis=1)
        if len(set(nearest.tolist())) != len(nearest):
            raise ValueError("two contours at the bottom are nearest to the same one at the top")
        high = high[nearest]
        # Start each top contour at the point matching the bottom's first: the cyclic shift that keeps both
        # shapes closest about their centres.
        a, b = low - centres_low[:, None], high - centres_high[nearest][:, None]
        shifts = (np.arange(n)[:, None] + np.arange(n)[None, :]) % n
        cost = np.sum((b[:, shifts] - a[:, None]) ** 2, axis=(2, 3))
        best = np.argmin(cost, axis=1)
        high = np.take_along_axis(high, shifts[best][:, :, None], axis=1)
        rings += list(np.stack((low, high), axis=1))
    return Band(np.array([z0, z1]), rings, (bottom, top))


def lofted(bands: list[Band]) -> Solid:
    """The solid of `bands` stacked (each band's first level at the previous one's last)."""
    try:
        return mesh_bands(bands)
    except Unmeshable as why:
        log.debug("Lofted stack meshed as a union of its bands: %s", why)
    return m3d.Manifold.batch_boolean([_band_solid(band) for band in bands], m3d.OpType.Add)


def _band_solid(band: Band) -> m3d.Manifold:
    """One band closed on its own; if its contours cross (a magnet pocket breaking through a foot's chamfer), its
    outlines' lofts less its holes' lofts."""
    try:
        return mesh_bands([band]).manifold()
    except Unmeshable:
        pass
    turns = areas([ring[0] for ring in band.rings]) > 0

    def lofts(rings: list[np.ndarray]) -> m3d.Manifold:
        return m3d.Manifold.batch_boolean([mesh_bands([Band(band.z, [r])]).manifold() for r in rings],
                                          m3d.OpType.Add)

    holes = [ring[:, ::-1] for ring, outer in zip(band.rings, turns, strict=True) if not outer]
    body = lofts([ring for ring, outer in zip(band.rings, turns, strict=True) if outer])
    return body - lofts(holes) if holes else body
