"""First hits of a few thousand rays on a mesh of up to millions of triangles, in numpy, without a BVH.

The printability report casts a few thousand inward rays to measure walls. trimesh hands rays to embree,
whose scene for a 5M-triangle STL took 9 s to fill (embreex copies the arrays element by element) and 2 s
to build, for a thousand rays (bench/bench_hostile.py). For so few rays a uniform grid is enough: every
triangle is binned into the cells its bounding box overlaps (one np.sort of packed cell|triangle keys),
each ray lists the cells it crosses exactly (a cell starts at every boundary crossing along the ray), and
only the triangles of those cells are intersected, all at once (Möller–Trumbore, float64). The hits are
exact, not estimated; only which cells are searched is approximate, and conservatively so.

Bounded for any input: the grid has about as many cells as there are triangles, at most MAX_CELLS_PER_AXIS
along an axis; when big triangles would be binned into more than MAX_BINNED_PER_TRIANGLE cells each on
average, the grid is coarsened. The triangle-ray pairs tested are capped at PAIR_BUDGET: rays past the
budget are not cast, and the caller learns how many were (they are samples; fewer give a wider bound).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_CELLS_PER_AXIS = 1024
TRIANGLES_PER_CELL = 1
"""Grid size: about one cell per triangle (4 or 16 per cell were no faster on the 5M-triangle torus)."""
MAX_BINNED_PER_TRIANGLE = 8
PAIR_BUDGET = 8_000_000
"""About 2 s of intersection tests on one of our CI cores; a 5M-triangle torus needs ~0.3M pairs per 1k rays."""
_CHUNK = 1 << 16
"""Triangles or pairs per step: temporaries of ~1.5 MB, reused from the allocator rather than mapped afresh."""
_EDGE = 1e-9
"""Barycentric slack, so that a ray through the shared edge of two triangles hits at least one of them."""
_PAD = 1e-3
"""Triangle boxes are widened by this fraction of a cell before binning, so that rounding never un-bins a
triangle from a cell the ray is found to cross."""


def first_hits(vertices: np.ndarray, faces: np.ndarray, origins: np.ndarray, directions: np.ndarray,
               budget: int = PAIR_BUDGET) -> np.ndarray:
    """Distance along each ray to the nearest triangle in front of its origin (inf when it escapes).

    `directions` are unit vectors. The answer covers the first rays whose pairs fit the budget (at least
    one ray), so it may be shorter than `origins`: the rays are taken in the order given.
    """
    vertices = np.asarray(vertices, dtype=np.float64)
    faces = np.asarray(faces, dtype=np.int64)
    origins = np.asarray(origins, dtype=np.float64).reshape(-1, 3)
    directions = np.asarray(directions, dtype=np.float64).reshape(-1, 3)
    if len(origins) == 0 or len(faces) == 0:
        return np.full(len(origins), np.inf)
    grid = _Grid.of(vertices, faces)
    ray, cell = grid.crossed(origins, directions)
    ray, tri, cast = grid.candidates(ray, cell, len(origins), budget)
    best = np.full(cast, np.inf)
    for start in range(0, len(ray), _CHUNK):
        r, t = ray[start:start + _CHUNK], tri[start:start + _CHUNK]
        distance = _intersect(vertices, faces[t], origins[r], directions[r])
        hit = np.isfinite(distance)
        np.minimum.at(best, r[hit], distance[hit])
    return best


@dataclass(frozen=True)
class _Grid:
    low: np.ndarray
    cell: float
    dims: np.ndarray
    """Cells along x, y, z."""
    cells: np.ndarray
    """Sorted ids of the cells holding triangles."""
    starts: np.ndarray
    """Where each of `cells` starts in `triangles`, plus the end."""
    triangles: np.ndarray
    """Triangle indices, grouped by cell."""

    @classmethod
    def of(cls, vertices: np.ndarray, faces: np.ndarray) -> _Grid:
        low = vertices.min(axis=0)
        extent = vertices.max(axis=0) - low
        # A flat part still gets cells in its plane; a single point gets one cell.
        extent = np.maximum(extent, max(float(extent.max()) * 1e-3, 1e-9))
        cell = max(float(np.prod(extent) * TRIANGLES_PER_CELL / max(len(faces), 1)) ** (1 / 3),
                   float(extent.max()) / MAX_CELLS_PER_AXIS)
        dims = _dims(extent, cell)
        # Each triangle's box in cells, from float32 corners relative to `low` (rounding stays far below
        # _PAD of a cell); truncation is floor here, as a box starts at or past `low`.
        near = ((vertices - low) * (1 / cell)).astype(np.float32)  # at most MAX_CELLS_PER_AXIS: no overflow
        first = np.empty((len(faces), 3), dtype=np.int32)
        last = np.empty((len(faces), 3), dtype=np.int32)
        for start in range(0, len(faces), _CHUNK):
            a, b, c = (near[faces[start:start + _CHUNK, k]] for k in range(3))
            box = np.minimum(np.minimum(a, b), c)
            box -= np.float32(_PAD)
            first[start:start + _CHUNK] = box
            np.maximum(np.maximum(a, b, out=box), c, out=box)
            box += np.float32(_PAD)
            last[start:start + _CHUNK] = box
        np.minimum(first, dims - 1, out=first)
        np.minimum(last, dims - 1, out=last)
        while True:
            spans = last - first + 1
            counts = spans[:, 0] * spans[:, 1] * spans[:, 2]  # int32: at most MAX_CELLS_PER_AXIS³
            if int(counts.sum(dtype=np.int64)) <= MAX_BINNED_PER_TRIANGLE * len(faces) + 1024 or dims.max() == 1:
                break
            cell *= 2.0  # big triangles: coarser cells, whose indices are the old ones halved
            dims = _dims(extent, cell)
            first = np.minimum(first // 2, dims - 1).astype(np.int32)
            last = np.minimum(last // 2, dims - 1).astype(np.int32)
        triangle_bits = max(1, (len(faces) - 1).bit_length())
        keys = _binned_keys(first, spans, counts, dims, triangle_bits)
        cell_of = keys >> triangle_bits
        new = np.flatnonzero(np.r_[True, cell_of[1:] != cell_of[:-1]])
        return cls(low=low, cell=cell, dims=dims, cells=cell_of[new],
                   starts=np.r_[new, len(keys)], triangles=keys & ((1 << triangle_bits) - 1))

    def crossed(self, origins: np.ndarray, directions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ray, cell) for every cell each ray passes through inside the grid, ordered by ray."""
        high = self.low + self.dims * self.cell
        with np.errstate(divide="ignore", invalid="ignore"):
            t1 = (self.low - origins) / directions
            t2 = (high - origins) / directions
        inside = (origins >= self.low) & (origins <= high)
        parallel = directions == 0
        near = np.where(parallel, np.where(inside, -np.inf, np.inf), np.minimum(t1, t2))
        far = np.where(parallel, np.where(inside, np.inf, -np.inf), np.maximum(t1, t2))
        enter = np.maximum(near.max(axis=1), 0.0)
        leave = far.min(axis=1)
        rays = np.flatnonzero(leave >= enter)
        enter, leave = enter[rays], leave[rays]
        o, d = origins[rays], directions[rays]
        # The parameters at which each ray enters the grid, crosses a cell boundary and leaves it; a cell
        # is the one around the middle of each stretch between two consecutive ones.
        ray_ids, params = [rays, rays], [enter, leave]
        for axis in range(3):
            a = self._index(o[:, axis] + enter * d[:, axis], axis)
            b = self._index(o[:, axis] + leave * d[:, axis], axis)
            count = np.abs(b - a)
            which = np.repeat(np.arange(len(rays)), count)
            step = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
            boundary = np.where(d[which, axis] > 0, a[which] + 1 + step, a[which] - step)
            ray_ids.append(rays[which])
            params.append((self.low[axis] + boundary * self.cell - o[which, axis]) / d[which, axis])
        ray_all, t_all = np.concatenate(ray_ids), np.concatenate(params)
        order = np.lexsort((t_all, ray_all))
        ray_all, t_all = ray_all[order], t_all[order]
        same = ray_all[1:] == ray_all[:-1]
        ray_mid = ray_all[1:][same]
        middle = origins[ray_mid] + ((t_all[1:] + t_all[:-1]) / 2)[same][:, None] * directions[ray_mid]
        index = [self._index(middle[:, axis], axis) for axis in range(3)]
        cell = (index[2] * int(self.dims[1]) + index[1]) * int(self.dims[0]) + index[0]
        size = int(self.dims.prod(dtype=np.int64))
        pair = ray_mid * size + cell
        fresh = np.ones(len(pair), dtype=bool)
        fresh[1:] = pair[1:] != pair[:-1]  # a stretch through a corner repeats its neighbour
        pair = pair[fresh]
        return pair // size, pair % size

    def candidates(self, ray: np.ndarray, cell: np.ndarray, rays: int,
                   budget: int) -> tuple[np.ndarray, np.ndarray, int]:
        """(ray, triangle) pairs to test: the triangles binned in each crossed cell, for the first rays whose
        pairs fit the budget (at least one); and how many rays those are."""
        at = np.searchsorted(self.cells, cell).clip(max=max(len(self.cells) - 1, 0))
        held = self.cells[at] == cell
        ray, at = ray[held], at[held]
        count = self.starts[at + 1] - self.starts[at]
        total = np.cumsum(np.bincount(ray, weights=count, minlength=rays))
        cast = max(int(np.searchsorted(total, budget, side="right")), 1)
        keep = ray < cast
        ray, at, count = ray[keep], at[keep], count[keep]
        pair_ray = np.repeat(ray, count)
        step = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
        return pair_ray, self.triangles[np.repeat(self.starts[at], count) + step], cast

    def _index(self, coordinate: np.ndarray, axis: int) -> np.ndarray:
        index: np.ndarray = np.floor((coordinate - self.low[axis]) / self.cell).astype(np.int64)
        return index.clip(0, self.dims[axis] - 1)


def _dims(extent: np.ndarray, cell: float) -> np.ndarray:
    dims: np.ndarray = np.ceil(extent / cell).astype(np.int32).clip(1, MAX_CELLS_PER_AXIS)
    return dims


def _binned_keys(first: np.ndarray, spans: np.ndarray, counts: np.ndarray, dims: np.ndarray,
                 triangle_bits: int) -> np.ndarray:
    """cell << triangle_bits | triangle for every (cell, triangle) a box overlaps, sorted.

    np.sort of packed int64 keys, not an argsort: numpy sorts int64 with SIMD, about ten times faster.
    Most triangles are smaller than a cell and lie in one: every triangle gets the key of its first cell,
    and only the others are spread over the rest of their cells."""
    def key(tri: np.ndarray, x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
        packed = z.astype(np.int64)
        packed *= int(dims[1])
        packed += y
        packed *= int(dims[0])
        packed += x
        packed <<= triangle_bits
        packed |= tri
        return packed

    parts = [key(np.arange(len(first), dtype=np.int64), first[:, 0], first[:, 1], first[:, 2])]
    spread = np.flatnonzero(counts > 1)
    for start in range(0, len(spread), _CHUNK):
        which = spread[start:start + _CHUNK]
        c = counts[which].astype(np.int64) - 1
        tri = np.repeat(which, c)
        local = np.arange(1, int(c.sum()) + 1, dtype=np.int64) - np.repeat(np.cumsum(c) - c, c)
        span = spans[tri].astype(np.int64)
        low = first[tri]
        parts.append(key(tri, low[:, 0] + local % span[:, 0], low[:, 1] + local // span[:, 0] % span[:, 1],
                         low[:, 2] + local // (span[:, 0] * span[:, 1])))
    keys = np.concatenate(parts) if len(parts) > 1 else parts[0]
    keys.sort()
    return keys


def _intersect(vertices: np.ndarray, corners: np.ndarray, origins: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """Möller–Trumbore, both faces: the distance to each triangle along its ray, inf where it misses or is behind."""
    p0 = vertices[corners[:, 0]]
    e1 = vertices[corners[:, 1]] - p0
    e2 = vertices[corners[:, 2]] - p0
    p = np.cross(directions, e2)
    det = np.einsum("ij,ij->i", e1, p)
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = 1.0 / det
        s = origins - p0
        u = np.einsum("ij,ij->i", s, p) * inverse
        q = np.cross(s, e1)
        v = np.einsum("ij,ij->i", directions, q) * inverse
        t = np.einsum("ij,ij->i", e2, q) * inverse
        hit = (det != 0) & (u >= -_EDGE) & (v >= -_EDGE) & (u + v <= 1 + _EDGE) & (t > 0)
    return np.where(hit, t, np.inf)
