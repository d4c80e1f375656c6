"""The mesh of stacked bands (core/geometry/loft.py), written directly: walls, then the flat faces at each step.

A band's walls are strips of quads between consecutive levels. Where one band ends and the next begins (the same
z), the flat faces are the two outlines' differences, found with Clipper: what the lower band leaves uncovered faces
up, what the upper one overhangs faces down, and a contour both share runs on with no face at all. A point of one
outline lying on an edge of the other (a groove's end on a full disc) splits that edge, so every edge of the mesh
has its twin; a step this cannot pair raises Unmeshable and the caller unions the bands instead.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

import manifold3d as m3d
import numpy as np

from core.geometry.meshsolid import MeshSolid

_SNAP = 1e-5
"""mm within which two points at one level are the same vertex (Clipper moves the points it returns by 1e-7)."""
_SLIVER = 1e-6
"""mm² under which a flat face is a rounding artefact, not part of the solid."""


@dataclass(frozen=True)
class Band:
    """Contours over increasing levels `z` (m + 1 of them): each ring is an (m + 1, n, 2) array, the same n
    points at every level, counter-clockwise around material and clockwise around holes. `ends` are the band's
    bottom and top outlines as Clipper made them, when it did (their contours cannot cross); None to have them
    made from the rings and checked."""

    z: np.ndarray
    rings: list[np.ndarray]
    ends: tuple[m3d.CrossSection | None, m3d.CrossSection | None] = (None, None)


class Unmeshable(Exception):
    """The stack's steps could not be meshed directly (the caller unions its bands instead)."""


def mesh_bands(bands: list[Band]) -> MeshSolid:
    """The closed mesh of `bands` stacked (each band's first level at the previous one's last)."""
    return _Mesher(bands).solid()


def areas(contours: list[np.ndarray]) -> np.ndarray:
    """Signed areas of closed contours, all at once."""
    if not contours:
        return np.zeros(0)
    xy = np.concatenate(contours)
    nxt = xy[_cyclic_next([len(c) for c in contours])]
    cross = xy[:, 0] * nxt[:, 1] - nxt[:, 0] * xy[:, 1]
    return 0.5 * np.add.reduceat(cross, np.cumsum([0] + [len(c) for c in contours[:-1]]))


def _nearest(known: np.ndarray, points: np.ndarray) -> np.ndarray:
    """For each of `points`, the index of a point of `known` within _SNAP of it, or -1: the same cell of a _SNAP
    grid, or (for the few points next to a cell's edge, where two points 1e-7 apart can fall either side) of the
    grid shifted by half a cell along x, y or both, whose lines are half a cell from the first's."""
    near = _matched(known, points)
    left = np.nonzero(near < 0)[0]
    edge = np.abs(np.mod(points[left] / _SNAP, 1.0) - 0.5).max(axis=1) > 0.4
    left = left[edge]
    if len(left):
        edged = np.nonzero(np.abs(np.mod(known / _SNAP, 1.0) - 0.5).max(axis=1) > 0.4)[0]
        for shift in ((0.5, 0.0), (0.0, 0.5), (0.5, 0.5)):
            found = _matched(known[edged], points[left], shift)
            near[left[found >= 0]] = edged[found[found >= 0]]
            left = left[found < 0]
    return near


def _matched(known: np.ndarray, points: np.ndarray, shift: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """For each of `points`, the index of a point of `known` in the same cell of the shifted grid, or -1."""
    if not len(known) or not len(points):
        return np.full(len(points), -1, dtype=np.int64)
    keys = _keys(known, shift)
    order = np.argsort(keys)
    wanted = _keys(points, shift)
    at = np.minimum(np.searchsorted(keys[order], wanted), len(keys) - 1)
    return np.where(keys[order][at] == wanted, order[at], -1)


def _keys(xy: np.ndarray, shift: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """One integer per point: its cell of a _SNAP grid shifted by `shift` cells (points within ±10 km)."""
    grid = np.floor(xy / _SNAP + shift).astype(np.int64) + (1 << 30)
    return (grid[:, 0] << 32) | grid[:, 1]


_Ring = tuple[int, int, np.ndarray, np.ndarray]
"""A band's contour at its first or last level: (band, ring, vertex ids, points)."""
_Owner = tuple[int, int, int] | None
"""The wall a directed edge belongs to, (band, ring, level 0 or -1), or None for a flat face's edge."""


class _Mesher:
    """One mesh of the bands: vertices level by level, the flat faces at every step, then the wall strips."""

    def __init__(self, bands: list[Band]) -> None:
        self.bands = bands
        self.points: list[np.ndarray] = []
        self.count = 0
        self.ids: list[list[np.ndarray]] = []  # per band, per ring: (levels, n) vertex ids
        for band in bands:
            # A wall that does not move is one strip of quads, whatever the band's levels; the rings with as
            # many levels get their vertices in one go.
            moving = [len(ring) > 2 and not np.array_equal(ring[1:], np.broadcast_to(ring[0], ring[1:].shape))
                      for ring in band.rings]
            rows: list[np.ndarray] = [np.empty((0, 0), dtype=np.int64)] * len(band.rings)
            for levels_moving in (False, True):
                members = [r for r, m in enumerate(moving) if m == levels_moving]
                if not members:
                    continue
                z = band.z if levels_moving else band.z[[0, -1]]
                xy = np.concatenate([band.rings[r] if levels_moving else band.rings[r][[0, -1]] for r in members],
                                    axis=1)
                ids = self._add(np.column_stack((xy.reshape(-1, 2), np.repeat(z, xy.shape[1])))).reshape(len(z), -1)
                sizes = [band.rings[r].shape[1] for r in members]
                for r, block in zip(members, np.split(ids, np.cumsum(sizes)[:-1], axis=1), strict=True):
                    rows[r] = block
            self.ids.append(rows)
        self.static = [all(np.array_equal(ring[0], ring[-1]) for ring in band.rings) for band in bands]
        """Per band, whether its walls stand straight (a prism: the same outline at its bottom and top)."""
        self.sections: dict[tuple[int, int], tuple[m3d.CrossSection, list[np.ndarray]]] = {}
        self.alias = np.arange(self.count)
        self.triangles: list[np.ndarray] = []
        self.inserts: dict[tuple[int, int, int, int], list[int]] = {}
        """(band, ring, level 0 or -1, edge) -> the points a step inserted on that wall edge, in the ring's turn."""

    def _add(self, xyz: np.ndarray) -> np.ndarray:
        self.points.append(xyz)
        ids = np.arange(self.count, self.count + len(xyz))
        self.count += len(xyz)
        return ids

    def _all(self) -> np.ndarray:
        if len(self.points) > 1:
            self.points = [np.concatenate(self.points)]
        return self.points[0]

    def solid(self) -> MeshSolid:
        for k in range(len(self.bands) + 1):
            self._step(k)
        for b in range(len(self.bands)):
            self._walls(b)
        return self._mesh()

    def _boundary(self, b: int, level: int) -> list[_Ring]:
        if not 0 <= b < len(self.bands):
            return []
        return [(b, r, self.ids[b][r][level], ring[level]) for r, ring in enumerate(self.bands[b].rings)]

    def _step(self, k: int) -> None:
        """The flat faces between band k - 1's top and band k's bottom (or the stack's bottom and top)."""
        lower, upper = self._boundary(k - 1, -1), self._boundary(k, 0)
        z = float(self.bands[k - 1].z[-1] if lower else self.bands[k].z[0])
        if lower and upper and abs(z - float(self.bands[k].z[0])) > _SNAP:
            raise Unmeshable("the bands do not meet")
        rings = lower + upper
        ring_ids = np.concatenate([ids for _, _, ids, _ in rings])
        ring_xy = np.concatenate([pts for *_, pts in rings])
        below = sum(len(ids) for _, _, ids, _ in lower)
        # Points within _SNAP are one vertex: an upper contour's point the lower contour's, a flat face's point a
        # contour's, else a new one.
        if lower and upper:
            near = _nearest(ring_xy[:below], ring_xy[below:])
            hit = near >= 0
            self.alias[ring_ids[below:][hit]] = self.alias[ring_ids[:below][near[hit]]]
            if hit.all() and len(ring_xy) == 2 * below and len(np.unique(near)) == below:
                return  # the same contours run on (a chamfer's top is the straight band's bottom): the walls pair
        up, down = self._differences(lower, upper)
        pieces = [(piece, True) for piece in up] + [(piece, False) for piece in down]
        faces = [c for piece, _ in pieces for c in piece]
        on_faces = np.empty(0, dtype=np.int64)
        if faces:
            face_xy = np.concatenate(faces)
            near = _nearest(ring_xy, face_xy)
            hit = near >= 0
            on_faces = np.empty(len(face_xy), dtype=np.int64)
            on_faces[hit] = self.alias[ring_ids[near[hit]]]
            miss = np.nonzero(~hit)[0]
            if len(miss):
                _, first, inverse = np.unique(_keys(face_xy[miss]), return_index=True, return_inverse=True)
                fresh = self._add(np.column_stack((face_xy[miss][first], np.full(len(first), z))))
                self.alias = np.concatenate((self.alias, fresh))
                on_faces[miss] = fresh[inverse.ravel()]
        contours: list[np.ndarray] = []
        traced = False
        if faces:
            sizes = [len(f) for f in faces]
            # Clipper's nearly coincident points snap to one vertex: drop the repeats.
            kept = on_faces != on_faces[_cyclic_next(sizes, back=True)]
            counts = np.add.reduceat(kept.astype(np.int64), np.cumsum([0, *sizes[:-1]]))
            contours = np.split(on_faces[kept], np.cumsum(counts)[:-1])
            points = self._all()[:, :2]
            messy = _messy(contours, points)
            # Faces all on one side and without holes are traced from the walls' edges instead (see _traced).
            traced = messy and bool(up) != bool(down) and bool(np.all(areas([points[c] for c in contours]) > 0))
        if faces and not traced:
            start, cleaned = 0, []
            for piece, facing_up in pieces:
                mine = contours[start:start + len(piece)]
                loops = [loop for c in mine for loop in _simple(c, points)] if messy else mine
                start += len(piece)
                if loops:
                    cleaned.append((loops, facing_up))
            pieces = [([np.empty(0)] * len(loops), facing_up) for loops, facing_up in cleaned]
            contours = [loop for loops, _ in cleaned for loop in loops]
        # The directed edges that must pair: a wall's top edge runs against its ring, a bottom edge along it, a
        # face's edges along its contour (turned over when it faces down).
        seqs: list[tuple[np.ndarray, _Owner]] = [(self.alias[ids][::-1], (b, r, -1)) for b, r, ids, _ in lower]
        seqs += [(self.alias[ids], (b, r, 0)) for b, r, ids, _ in upper]
        if traced:
            self._traced(seqs, facing_up=bool(up))
            return
        facing = [f for piece, f in pieces for _ in piece]
        seqs += [(c if f else c[::-1], None) for c, f in zip(contours, facing, strict=True)]
        loose = _unpaired_loops([s for s, _ in seqs])
        if loose.size:
            self._split(seqs, loose)
            if _unpaired_loops([s for s, _ in seqs]).size:
                raise Unmeshable(f"edges left unpaired at z = {z:g}")
            contours = [s if f else s[::-1] for (s, _), f in zip(seqs[len(rings):], facing, strict=True)]
        self._triangulate(pieces, contours)

    def _triangulate(self, pieces: list[tuple[list[np.ndarray], bool]], contours: list[np.ndarray]) -> None:
        """Triangles of the flat faces, one face at a time (the triangulator slows with every hole it bridges), each
        shape triangulated once: a grid's cells repeat the same floor, so copies share their triangles."""
        groups: dict[tuple[bool, tuple[int, ...]], list[np.ndarray]] = defaultdict(list)
        start = 0
        for piece, facing_up in pieces:
            ids = contours[start:start + len(piece)]
            start += len(piece)
            groups[(facing_up, tuple(len(c) for c in ids))].append(np.concatenate(ids))
        xy = self._all()[:, :2]
        for (facing_up, sizes), members in groups.items():
            stacked = np.stack(members)
            rel = xy[stacked] - xy[stacked[:, :1]]
            shapes: dict[bytes, list[int]] = defaultdict(list)
            for k, row in enumerate(np.round(rel / _SNAP).astype(np.int64)):
                shapes[row.tobytes()].append(k)
            for key, copies in shapes.items():
                tris = stacked[copies][:, _triangulated(key, rel[copies[0]], sizes)].reshape(-1, 3)
                self.triangles.append(tris if facing_up else tris[:, ::-1])

    def _traced(self, seqs: list[tuple[np.ndarray, _Owner]], facing_up: bool) -> None:
        """The flat faces of a step where one outline covers the other and they share stretches of contour (a
        knob's grooves under its closed top): the walls' edges, split where a point of one outline lies on the
        other's, pair where the outlines coincide; the rest, turned round, are the faces' contours."""
        loose = _unpaired_loops([s for s, _ in seqs])
        if loose.size:
            self._split(seqs, loose)
            loose = _unpaired_loops([s for s, _ in seqs])
        after = dict(zip(loose[:, 1].tolist(), loose[:, 0].tolist(), strict=False))
        if len(after) != len(loose):
            raise Unmeshable("the faces of a step touch themselves")
        loops = []
        while after:
            start, loop = next(iter(after)), []
            v = start
            while v in after:
                loop.append(v)
                v = after.pop(v)
            if v != start:
                raise Unmeshable("a face's contour does not close")
            loops.append(np.array(loop, dtype=np.int64))
        contours = loops if facing_up else [loop[::-1] for loop in loops]
        if any(areas([self._all()[c, :2] for c in contours]) <= 0):
            raise Unmeshable("a face of a step has a hole")
        self._triangulate([([c], facing_up) for c in contours], contours)

    def _section(self, rings: list[_Ring], level: int) -> tuple[m3d.CrossSection, list[np.ndarray]]:
        """A band's outline at its bottom (0) or top (-1) as Clipper sees it, checked for contours that cross; a
        band whose walls do not move has the one outline at both ends, checked once."""
        if not rings:
            return m3d.CrossSection(), []
        band = rings[0][0]
        key = (band, 0 if self.static[band] else level)
        if key not in self.sections:
            contours = [pts for *_, pts in rings]
            section = self.bands[band].ends[level]
            if section is None:
                section = m3d.CrossSection(contours, m3d.FillRule.Positive)
                if abs(section.area() - float(np.sum(areas(contours)))) > 1e-6 * max(section.area(), 1.0):
                    raise Unmeshable("contours cross")
            self.sections[key] = (section, contours)
        return self.sections[key]

    def _differences(self, lower: list[_Ring], upper: list[_Ring]) -> tuple[list[list[np.ndarray]],
                                                                             list[list[np.ndarray]]]:
        """The flat faces facing up and facing down, each a list of contours (counter-clockwise around the
        face): at the stack's bottom and top the contours themselves, between bands the two outlines'
        differences, face by face."""
        (below, below_contours), (above, above_contours) = self._section(lower, -1), self._section(upper, 0)
        if not upper:
            return [below_contours], []
        if not lower:
            return [], [above_contours]

        def faces(section: m3d.CrossSection) -> list[list[np.ndarray]]:
            """Its faces, less the slivers Clipper leaves between two contours that run together (their points
            rounded 1e-7 apart): the walls on either side already pair there."""
            return [[np.asarray(c, dtype=float) for c in part.to_polygons()] for part in section.decompose()
                    if part.area() > _SLIVER]

        return faces(below - above), faces(above - below)

    def _split(self, seqs: list[tuple[np.ndarray, _Owner]], loose: np.ndarray) -> None:
        """Insert into each unpaired edge the ends of other unpaired edges lying on it (T-junctions), recording
        the points a wall edge gets for its strip."""
        xy = self._all()[:, :2]
        ends = np.unique(loose)
        sizes = [len(s) for s, _ in seqs]
        u = np.concatenate([s for s, _ in seqs])
        v = u[_cyclic_next(sizes)]
        width = int(max(int(u.max()), int(loose.max()))) + 1
        at = np.nonzero(np.isin(u * width + v, loose[:, 0] * width + loose[:, 1]))[0]
        # Candidates: the ends within half an edge's length of its middle (a k-d tree, not every edge by every end).
        from scipy.spatial import cKDTree  # scipy comes with trimesh, off the desktop's start-up path

        a, b = xy[u[at]], xy[v[at]]
        near = cKDTree(xy[ends]).query_ball_point((a + b) / 2, np.hypot(*(b - a).T) / 2 + _SNAP)
        counts = np.array([len(n) for n in near])
        row = np.repeat(np.arange(len(at)), counts)
        point = ends[np.concatenate([np.asarray(n, dtype=np.int64) for n in near])] if counts.sum() else ends[:0]
        d = (b - a)[row]
        rel = xy[point] - a[row]
        length2 = np.maximum(np.sum(d * d, axis=1), 1e-30)
        t = np.sum(rel * d, axis=1) / length2
        off = np.abs(rel[:, 0] * d[:, 1] - rel[:, 1] * d[:, 0]) / np.sqrt(length2)
        hit = (t > 1e-9) & (t < 1 - 1e-9) & (off < _SNAP)
        row, point, t = row[hit], point[hit], t[hit]
        starts = np.cumsum([0, *sizes[:-1]])
        rows = np.unique(row)
        owners = np.searchsorted(starts, at[rows], side="right") - 1
        for k in np.unique(owners).tolist():
            seq, owner = seqs[k]
            mine = rows[owners == k]
            edges = at[mine] - starts[k]
            n = len(seq)
            pieces = np.split(seq, edges + 1)
            out = [pieces[0]]
            for r, i, piece in zip(mine.tolist(), edges.tolist(), pieces[1:], strict=True):
                on = row == r
                inside = point[on][np.argsort(t[on])]
                out += [inside, piece]
                if owner is not None:
                    band, ring, level = owner
                    # a wall's top edge was listed against its ring: edge i here is the ring's edge n - 2 - i
                    edge, points = (i, inside) if level == 0 else ((n - 2 - i) % n, inside[::-1])
                    self.inserts[(band, ring, level, edge)] = [int(v) for v in points]
            seqs[k] = (np.concatenate(out).astype(np.int64), owner)

    def _walls(self, b: int) -> None:
        """Band b's wall strips: two triangles a quad, all contours with as many levels at once; a quad whose
        bottom or top edge a step split is zipped along its extra points."""
        rows = self.ids[b]
        by_levels: dict[int, list[int]] = defaultdict(list)
        for r, ids in enumerate(rows):
            by_levels[len(ids)].append(r)
        xy = self._all()[:, :2]
        for levels, members in by_levels.items():
            ids = self.alias[np.concatenate([rows[r] for r in members], axis=1)]
            starts = dict(zip(members, np.cumsum([0] + [rows[r].shape[1] for r in members]).tolist(), strict=False))
            nxt = _cyclic_next([rows[r].shape[1] for r in members])
            quads = np.stack((ids[:-1], ids[:-1][:, nxt], ids[1:][:, nxt], ids[1:]), axis=-1)
            last = levels - 2
            split = {(r, 0 if level == 0 else last, edge) for (band, r, level, edge) in self.inserts
                     if band == b and r in starts}
            keep = np.ones(quads.shape[:2], dtype=bool)
            for r, strip, edge in split:
                keep[strip, starts[r] + edge] = False
            q = quads[keep]
            self.triangles += [q[:, [0, 1, 2]], q[:, [0, 2, 3]]]
            for r, strip, edge in split:
                a_lo, b_lo, b_hi, a_hi = (int(v) for v in quads[strip, starts[r] + edge])
                bottom = [a_lo, *(self.inserts.get((b, r, 0, edge), []) if strip == 0 else []), b_lo]
                top = [a_hi, *(self.inserts.get((b, r, -1, edge), []) if strip == last else []), b_hi]
                self.triangles.append(_zipper(bottom, top, xy))

    def _mesh(self) -> MeshSolid:
        """The triangles over the vertices they use. Every edge was paired at its step or by construction (walls,
        triangulated faces); a triangle that snapping flattened is dropped, and then the whole is checked again."""
        faces = self.alias[np.concatenate(self.triangles)]
        flat = (faces[:, 0] == faces[:, 1]) | (faces[:, 1] == faces[:, 2]) | (faces[:, 0] == faces[:, 2])
        if flat.any():
            faces = faces[~flat]
            if _unpaired(faces.ravel(), faces[:, [1, 2, 0]].ravel()).size:
                raise Unmeshable("the mesh is not closed")
        used = np.zeros(self.count, dtype=bool)
        used[faces] = True
        index = np.cumsum(used) - 1
        return MeshSolid(self._all()[used], index[faces])


_TRIANGULATIONS: OrderedDict[bytes, np.ndarray] = OrderedDict()
_TRIANGULATIONS_KEPT = 256
_RING_POINTS = 300
"""Points from which zipping an annulus beats manifold3d's triangulator (~3 µs a point, but a fixed ~1 ms of
numpy for the zip)."""


def _triangulated(key: bytes, xy: np.ndarray, sizes: tuple[int, ...]) -> np.ndarray:
    """manifold3d's triangulation of one face (its contours' points `xy` laid end to end, `key` their shape),
    kept for its copies and for the next rebuild: the triangulator takes ~0.2 ms for a Gridfinity socket's floor
    with four magnet holes, a lookup a microsecond."""
    key += bytes(np.array(sizes, dtype=np.int64))
    tris = _TRIANGULATIONS.get(key)
    if tris is None:
        contours = np.split(xy, np.cumsum(sizes)[:-1])
        tris = _ring(*contours) if len(contours) == 2 and len(xy) > _RING_POINTS else None
        if tris is None:
            tris = np.asarray(m3d.triangulate(contours), dtype=np.int64)
        _TRIANGULATIONS[key] = tris
        if len(_TRIANGULATIONS) > _TRIANGULATIONS_KEPT:
            _TRIANGULATIONS.popitem(last=False)
    else:
        _TRIANGULATIONS.move_to_end(key)
    return tris


def _ring(outer: np.ndarray, hole: np.ndarray) -> np.ndarray | None:
    """A face between an outline and one hole that both go once round a common centre (a gear or a knob round
    its bore), zipped by angle: O(n) where the ear-clipping triangulator takes ~7 ms for a 155-tooth gear. None
    when that is not a valid triangulation (every triangle turning the face's way, their areas adding up)."""
    centre = hole.mean(axis=0)
    inner = hole[::-1]  # counter-clockwise, as the outline
    turns = []
    for contour in (outer, inner):
        angle = np.unwrap(np.arctan2(*(contour - centre).T[::-1]))
        if np.any(np.diff(angle) < -1e-9) or not 0 < angle[-1] - angle[0] < 2 * np.pi:
            return None  # not once round the centre (a radial edge, as a gear's flank below its base circle, is)
        start = int(np.argmin(np.mod(angle, 2 * np.pi)))
        turns.append((np.roll(np.arange(len(contour)), -start), np.mod(angle - angle[start], 2 * np.pi)))
    (o_order, o_angle), (i_order, i_angle) = turns
    o_angle, i_angle = np.append(o_angle[o_order], 2 * np.pi), np.append(i_angle[i_order], 2 * np.pi)
    n, m = len(outer), len(hole)
    # Each step moves one of the two rings on to its next point, whichever comes first round the centre; an
    # outline edge running straight out from the centre (a gear's flank below its base circle) waits for the hole's
    # next point beyond it, the one its triangle must turn towards, and the outline's later edges wait with it.
    radius = np.hypot(*(outer[o_order] - centre).T)
    radius = np.append(radius, radius[0])
    outward = (np.diff(o_angle) < 1e-9) & (np.diff(radius) > 0)
    o_keys = o_angle[1:].copy()
    beyond = np.minimum(np.searchsorted(i_angle, o_angle[:-1][outward], side="right"), m)
    o_keys[outward] = i_angle[beyond] + 1e-12
    o_keys = np.maximum.accumulate(o_keys)
    steps = np.argsort(np.concatenate((o_keys, i_angle[1:])), kind="stable")
    on_outer = steps < n
    i_at = np.concatenate(([0], np.cumsum(~on_outer)))[:-1]
    o_at = np.concatenate(([0], np.cumsum(on_outer)))[:-1]
    o_ids = np.append(o_order, o_order[0])
    i_ids = n + (m - 1 - np.append(i_order, i_order[0]))  # back to the hole's own (clockwise) indices
    tris = np.empty((n + m, 3), dtype=np.int64)
    o, i = o_at[on_outer], i_at[on_outer]
    tris[on_outer] = np.column_stack((o_ids[o], o_ids[o + 1], i_ids[i]))
    o, i = o_at[~on_outer], i_at[~on_outer]
    tris[~on_outer] = np.column_stack((o_ids[o], i_ids[i + 1], i_ids[i]))
    xy = np.concatenate((outer, hole))
    a, b, c = xy[tris[:, 0]], xy[tris[:, 1]], xy[tris[:, 2]]
    area = ((b - a)[:, 0] * (c - a)[:, 1] - (b - a)[:, 1] * (c - a)[:, 0]) / 2
    if np.any(area <= 0) or abs(area.sum() - float(np.sum(areas([outer, hole])))) > 1e-9 * area.sum():
        return None
    return tris


def _messy(contours: list[np.ndarray], xy: np.ndarray) -> bool:
    """Whether any of the contours doubles back on itself or visits a point twice (see _simple), all at once."""
    sizes = [len(c) for c in contours]
    ids = np.concatenate(contours)
    d = xy[ids[_cyclic_next(sizes)]] - xy[ids]
    back = xy[ids] - xy[ids[_cyclic_next(sizes, back=True)]]
    cross = np.abs(back[:, 0] * d[:, 1] - back[:, 1] * d[:, 0])
    if np.any((cross <= _SNAP * np.hypot(*d.T)) & (np.sum(back * d, 1) < 0)):
        return True
    owner = np.repeat(np.arange(len(sizes)), sizes)
    return len(np.unique(owner * (int(ids.max()) + 1) + ids)) < len(ids)


def _simple(ids: np.ndarray, xy: np.ndarray) -> list[np.ndarray]:
    """A face's contour from Clipper as simple loops. Where a contour runs along another and leaves it, Clipper
    may return it touching itself or doubling back on itself (grooves stopping under a full disc: the disc's edge
    passes both ends of a groove); such a contour loses its spikes and is cut at the points it visits twice."""
    seq = ids
    while len(seq) > 2:  # a spike: the contour comes back along the line it went out on
        q = xy[seq]
        d = np.roll(q, -1, axis=0) - q
        back = np.roll(d, 1, axis=0)
        cross = np.abs(back[:, 0] * d[:, 1] - back[:, 1] * d[:, 0])
        spikes = (cross <= _SNAP * np.hypot(*d.T)) & (np.sum(back * d, 1) < 0)
        spikes |= seq == np.roll(seq, 1)
        if not spikes.any():
            break
        seq = seq[~spikes]
    if len(seq) < 3:
        return []
    if len(seq) == len(ids) and len(np.unique(seq)) == len(seq):
        return [ids]
    # Points of the contour lying on its own edges split them, so each run it doubles back along ends at a point
    # it visits twice.
    q = xy[seq]
    a, e = q, np.roll(q, -1, axis=0) - q
    length2 = np.maximum(np.sum(e * e, axis=1), 1e-30)
    rel = q[None, :, :] - a[:, None, :]
    t = np.einsum("ijk,ik->ij", rel, e) / length2[:, None]
    off = np.abs(rel[:, :, 0] * e[:, None, 1] - rel[:, :, 1] * e[:, None, 0]) / np.sqrt(length2)[:, None]
    hits = (t > 1e-9) & (t < 1 - 1e-9) & (off < _SNAP)
    order = [int(v) for v in seq]
    out: list[int] = []
    for i, v in enumerate(order):
        out.append(v)
        on = np.nonzero(hits[i])[0]
        out += [order[j] for j in on[np.argsort(t[i, on])] if order[j] != order[(i + 1) % len(order)]]
    loops: list[list[int]] = []
    stack: list[int] = []
    for v in out:  # cut at every point visited twice
        if v in stack:
            k = stack.index(v)
            loops.append(stack[k:])
            del stack[k + 1:]
        else:
            stack.append(v)
    loops.append(stack)
    return [np.array(loop, dtype=np.int64) for loop in loops
            if len(loop) > 2 and abs(float(areas([xy[loop]])[0])) > _SLIVER]


def _cyclic_next(lengths: list[int], back: bool = False) -> np.ndarray:
    """For sequences of `lengths` laid end to end, the index of each item's successor (or predecessor) in its
    own closed sequence."""
    total = int(np.sum(lengths)) if lengths else 0
    ends = np.cumsum(lengths, dtype=np.int64)
    starts = ends - np.asarray(lengths, dtype=np.int64)
    if back:
        index = np.arange(total) - 1
        index[starts] = ends - 1
    else:
        index = np.arange(total) + 1
        index[ends - 1] = starts
    return index


def _unpaired(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The directed edges u → v (rows of two ids) not matched by exactly one edge running back."""
    width = int(max(u.max(), v.max())) + 1
    codes, counts = np.unique(u * width + v, return_counts=True)
    reverse = (codes % width) * width + codes // width
    back = np.minimum(np.searchsorted(codes, reverse), len(codes) - 1)
    bad = codes[~((counts == 1) & (codes[back] == reverse) & (counts[back] == 1))]
    return np.column_stack((bad // width, bad % width))


def _unpaired_loops(seqs: list[np.ndarray]) -> np.ndarray:
    """The unpaired directed edges of closed sequences of vertex ids."""
    u = np.concatenate(seqs)
    return _unpaired(u, u[_cyclic_next([len(s) for s in seqs])])


def _zipper(bottom: list[int], top: list[int], xy: np.ndarray) -> np.ndarray:
    """Triangles of a wall quad (a_lo, b_lo, b_hi, a_hi) whose bottom and/or top edges carry extra points, in the
    quad's turn: a fan when only one edge does (the quad is flat then: a prism's wall), else zipped along both."""
    if len(top) == 2:
        a_hi, b_hi = top
        return np.array([(u, v, a_hi) for u, v in itertools.pairwise(bottom)] + [(bottom[-1], b_hi, a_hi)])
    if len(bottom) == 2:
        a_lo, b_lo = bottom
        return np.array([(a_lo, b_lo, top[-1])] + [(a_lo, v, u) for u, v in itertools.pairwise(top)])

    def params(chain: list[int]) -> np.ndarray:
        d = xy[chain[-1]] - xy[chain[0]]
        return (xy[chain] - xy[chain[0]]) @ d / max(float(d @ d), 1e-30)

    tb, tt = params(bottom), params(top)
    i = j = 0
    tris = []
    while i < len(bottom) - 1 or j < len(top) - 1:
        if i < len(bottom) - 1 and (j == len(top) - 1 or tb[i + 1] <= tt[j + 1]):
            tris.append((bottom[i], bottom[i + 1], top[j]))
            i += 1
        else:
            tris.append((bottom[i], top[j + 1], top[j]))
            j += 1
    return np.array(tris, dtype=np.int64)
