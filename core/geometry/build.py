"""Node tree → manifold3d solid, with a content-keyed cache of every subtree.

Each node's cache key hashes its type, its props *after* expressions are resolved, its enabled
state and its children's keys. A parameter change therefore only misses the cache for nodes whose
resolved props changed and their ancestors; every other subtree is reused as is. That is what makes
a slider drag cheap (see bench/bench_regenerate.py).

Conventions: lengths in mm, angles in degrees; box/cylinder/cone/extrude stand on z = 0 and are
centred in XY unless `"center": true`; sphere and torus are centred on the origin.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import manifold3d as m3d
import numpy as np
import trimesh

from core.document.document import Document
from core.document.expressions import Number
from core.document.nodes import TRANSFORMS, Node, resolve_enabled, resolve_value
from core.errors import GeometryError, PotStudioError
from core.geometry import font, gear  # noqa: F401  (register the 'text' and 'gear' 2D shapes)
from core.geometry.shapes import build_shape, num, positive
from core.tasks import NULL_TASK, Task

Builder = Callable[[Mapping[str, Any], list[m3d.Manifold], int], m3d.Manifold]
BUILDERS: dict[str, Builder] = {}
DEFAULT_SEGMENTS = 64
EMPTY = m3d.Manifold()


def builder(*types: str) -> Callable[[Builder], Builder]:
    def deco(fn: Builder) -> Builder:
        for t in types:
            BUILDERS[t] = fn
        return fn

    return deco


def _vec(props: Mapping[str, Any], key: str, default: Sequence[float], n: int = 3) -> tuple[float, ...]:
    value = props.get(key, default)
    if isinstance(value, int | float):
        return tuple(float(value) for _ in range(n))
    if not isinstance(value, list | tuple) or len(value) != n:
        raise GeometryError(f"'{key}' must be a list of {n} numbers.")
    out = tuple(float(v) for v in value)
    if not all(math.isfinite(v) for v in out):
        raise GeometryError(f"'{key}' must contain finite numbers.")
    return out


def _place(solid: m3d.Manifold, props: Mapping[str, Any], height: float) -> m3d.Manifold:
    """Primitives stand on z=0 centred in XY; `center: true` centres them in Z too."""
    if props.get("center"):
        solid = solid.translate((0.0, 0.0, -height / 2))
    return solid


@builder("box")
def _box(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    x, y, z = _vec(p, "size", (10, 10, 10))
    if min(x, y, z) <= 0:
        raise GeometryError(f"A box needs a positive size (got {x:g} × {y:g} × {z:g}).")
    r = float(p.get("radius", 0) or 0)
    if r > 1e-3:
        shape = {"kind": "rect", "size": [x, y], "radius": r}
        solid = build_shape(shape, seg).extrude(z)
    else:
        solid = m3d.Manifold.cube((x, y, z), True).translate((0, 0, z / 2))
    return _place(solid, p, z)


@builder("cylinder", "cone")
def _cylinder(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    h = positive(p, "h")
    r1 = num(p, "r1", p.get("r"))
    r2 = num(p, "r2", r1)
    if r1 < 0 or r2 < 0 or (r1 == 0 and r2 == 0):
        raise GeometryError(f"A cylinder/cone needs positive radii (got {r1:g} and {r2:g}).")
    sides = int(p.get("segments", seg))
    return _place(m3d.Manifold.cylinder(h, r1, r2, sides), p, h)


@builder("sphere")
def _sphere(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    return m3d.Manifold.sphere(positive(p, "r"), int(p.get("segments", seg)))


@builder("torus")
def _torus(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    major, minor = positive(p, "R"), positive(p, "r")
    if minor >= major:
        raise GeometryError(f"A torus's tube radius ({minor:g}) must be smaller than its ring radius ({major:g}).")
    tube = m3d.CrossSection.circle(minor, max(12, seg // 2)).translate((major, 0.0))
    return tube.revolve(int(p.get("segments", seg)))


@builder("extrude")
def _extrude(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    h = positive(p, "height")
    twist = float(p.get("twist", 0) or 0)
    scale = _vec(p, "scale_top", (1.0, 1.0), 2)
    slices = int(p.get("slices", max(1, int(abs(twist) / 5)) if twist else 0))
    section = build_shape(p.get("shape"), seg)
    if section.is_empty():
        raise GeometryError("The extruded outline is empty.")
    return _place(section.extrude(h, slices, twist, scale), p, h)


@builder("revolve")
def _revolve(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    shape = p.get("shape") or {"kind": "polygon", "points": p.get("profile", [])}
    section = build_shape(shape, seg)
    return section.revolve(int(p.get("segments", seg)), float(p.get("angle", 360)))


@builder("mesh")
def _mesh(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    from core.geometry.meshdata import decode_mesh

    vertices, faces = decode_mesh(p)
    mesh = m3d.Mesh(vert_properties=vertices.astype(np.float32), tri_verts=faces.astype(np.uint32))
    solid = m3d.Manifold(mesh)
    if solid.status() != m3d.Error.NoError:
        raise GeometryError(
            f"The imported mesh '{p.get('name', '')}' is not a closed solid ({solid.status().name}); "
            "repair it before using it in a boolean."
        )
    return solid


@builder("group")
def _group(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    """Parts laid out side by side on the plate: composed without a boolean when their boxes do not
    touch (no work at all when one part changes), unioned when they do."""
    boxes = [k.bounding_box() for k in kids]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if all(a[d] <= b[d + 3] and b[d] <= a[d + 3] for d in range(3)):
                return _union({}, kids, seg)
    return m3d.Manifold.compose(kids) if kids else EMPTY


@builder("union")
def _union(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    return m3d.Manifold.batch_boolean(kids, m3d.OpType.Add) if kids else EMPTY


@builder("difference")
def _difference(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    if not kids:
        return EMPTY
    if len(kids) == 1:
        return kids[0]
    cutters = m3d.Manifold.batch_boolean(kids[1:], m3d.OpType.Add)
    return kids[0] - cutters


@builder("intersection")
def _intersection(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    return m3d.Manifold.batch_boolean(kids, m3d.OpType.Intersect) if kids else EMPTY


@builder("hull")
def _hull(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    return m3d.Manifold.batch_hull(kids) if kids else EMPTY


def transform_matrix(p: Mapping[str, Any]) -> np.ndarray:
    """4x4 matrix of a transform node: scale, then rotate X→Y→Z, then translate."""
    sx, sy, sz = _vec(p, "scale", (1, 1, 1))
    if min(abs(sx), abs(sy), abs(sz)) < 1e-9:
        raise GeometryError("A scale of 0 flattens the part; use a positive scale.")
    rx, ry, rz = (math.radians(v) for v in _vec(p, "rotate", (0, 0, 0)))
    tx, ty, tz = _vec(p, "translate", (0, 0, 0))
    cx, sx_, cy, sy_, cz, sz_ = math.cos(rx), math.sin(rx), math.cos(ry), math.sin(ry), math.cos(rz), math.sin(rz)
    rot_x = np.array([[1, 0, 0], [0, cx, -sx_], [0, sx_, cx]])
    rot_y = np.array([[cy, 0, sy_], [0, 1, 0], [-sy_, 0, cy]])
    rot_z = np.array([[cz, -sz_, 0], [sz_, cz, 0], [0, 0, 1]])
    mat = np.eye(4)
    mat[:3, :3] = rot_z @ rot_y @ rot_x @ np.diag([sx, sy, sz])
    mat[:3, 3] = (tx, ty, tz)
    return mat


def node_copies(node_type: str, p: Mapping[str, Any]) -> list[np.ndarray]:
    """The 4x4 placements a transform-like node applies to its children (one per copy)."""
    if node_type == "transform":
        return [transform_matrix(p)]
    if node_type == "polar_array":
        count = int(num(p, "count", 6))
        if not 0 <= count <= 1000:
            raise GeometryError(f"A circular pattern needs 0 to 1000 copies (got {count}).")
        radius = num(p, "radius", 0)
        start = num(p, "start_angle", 0)
        span = num(p, "angle", 360)
        step = span / count if abs(span) >= 360 or count < 2 else span / (count - 1)
        rotate = bool(p.get("rotate", True))
        mats = []
        for i in range(count):
            a = start + i * step
            m = transform_matrix({"rotate": [0, 0, a if rotate else 0]})
            ar = math.radians(a)
            m[:3, 3] = (radius * math.cos(ar), radius * math.sin(ar), 0.0)
            mats.append(m)
        return mats
    if node_type == "linear_array":
        counts = [int(c) for c in _vec(p, "count", (1, 1, 1))]
        if any(c < 0 for c in counts) or math.prod(counts) > 1000:
            raise GeometryError("A grid pattern needs between 0 and 1000 copies in all.")
        spacing = _vec(p, "spacing", (10, 10, 10))
        centred = bool(p.get("center", True))
        mats = []
        for i in range(counts[0]):
            for j in range(counts[1]):
                for k in range(counts[2]):
                    offset = [idx * s - ((centred and (c - 1) * s / 2) or 0)
                              for idx, s, c in zip((i, j, k), spacing, counts, strict=True)]
                    mats.append(transform_matrix({"translate": offset}))
        return mats
    if node_type == "mirror":
        n = np.asarray(_vec(p, "normal", (1, 0, 0)))
        if np.linalg.norm(n) < 1e-9:
            raise GeometryError("A mirror needs a non-zero normal.")
        n = n / np.linalg.norm(n)
        reflect = np.eye(4)
        reflect[:3, :3] -= 2 * np.outer(n, n)
        return [np.eye(4), reflect] if p.get("keep_original", True) else [reflect]
    return [np.eye(4)]


def _apply(solid: m3d.Manifold, mat: np.ndarray) -> m3d.Manifold:
    return solid.transform(mat[:3, :].tolist())


def _placed_copies(node_type: str) -> Builder:
    """Transform-like nodes: their children, unioned, placed once per matrix of node_copies()."""

    def build(p: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
        if not kids:
            return EMPTY
        base = m3d.Manifold.batch_boolean(kids, m3d.OpType.Add)
        copies = [_apply(base, m) for m in node_copies(node_type, p)]
        return m3d.Manifold.batch_boolean(copies, m3d.OpType.Add) if copies else EMPTY

    return build


for _type in TRANSFORMS:
    BUILDERS[_type] = _placed_copies(_type)


class Evaluator:
    """Builds documents into solids, reusing cached subtrees. Thread-safe: one worker at a time."""

    def __init__(self, max_entries: int = 2048, segments: int = DEFAULT_SEGMENTS) -> None:
        self._cache: OrderedDict[str, m3d.Manifold] = OrderedDict()
        self._max = max_entries
        self._lock = threading.RLock()
        self.segments = segments
        self.hits = 0
        self.misses = 0

    def solid(self, doc: Document, node_id: str | None = None, task: Task = NULL_TASK) -> m3d.Manifold:
        values = doc.values()
        node = doc.root if node_id is None else doc.node(node_id)
        with self._lock:
            _, solid = self._build(node, values, task)
        return solid

    def mesh(self, doc: Document, node_id: str | None = None, task: Task = NULL_TASK) -> trimesh.Trimesh:
        solid = self.solid(doc, node_id, task)
        if solid.status() != m3d.Error.NoError:
            raise GeometryError(f"The model could not be built ({solid.status().name}).")
        return to_trimesh(solid)

    def world_mesh(self, doc: Document, node_id: str) -> trimesh.Trimesh:
        """A part placed where it sits in the model (through its ancestors' transforms/patterns)."""
        values = doc.values()
        with self._lock:
            _, solid = self._build(doc.node(node_id), values, NULL_TASK)
            for ancestor in reversed(doc.ancestors(node_id)):
                if ancestor.type in TRANSFORMS:
                    props = resolve_value(ancestor.props, values)
                    copies = [_apply(solid, m) for m in node_copies(ancestor.type, props)]
                    solid = m3d.Manifold.batch_boolean(copies, m3d.OpType.Add) if copies else EMPTY
        return to_trimesh(solid)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _build(self, node: Node, values: Mapping[str, Number], task: Task) -> tuple[str, m3d.Manifold]:
        task.check()
        try:
            enabled = resolve_enabled(node, values)
            props = resolve_value(node.props, values) if enabled else {}
        except PotStudioError as exc:
            raise GeometryError(f"{node.label}: {exc}") from None
        children = [self._build(c, values, task) for c in node.children] if enabled else []
        kids = [solid for _, solid in children if solid is not EMPTY]
        key_src = json.dumps(
            [node.type, props, enabled, self.segments, [k for k, _ in children]], sort_keys=True, default=str
        )
        key = hashlib.blake2b(key_src.encode(), digest_size=16).hexdigest()
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.hits += 1
            return key, cached
        self.misses += 1
        if not enabled:
            solid = EMPTY
        else:
            try:
                solid = BUILDERS[node.type](props, kids, self.segments)
            except PotStudioError as exc:
                raise GeometryError(f"{node.label}: {exc}") from None
            except (ValueError, TypeError, RuntimeError) as exc:
                raise GeometryError(f"{node.label}: cannot build this part ({exc}).") from None
        self._cache[key] = solid
        if len(self._cache) > self._max:
            self._cache.popitem(last=False)
        return key, solid


def to_trimesh(solid: m3d.Manifold) -> trimesh.Trimesh:
    mesh = solid.to_mesh()
    vertices = np.asarray(mesh.vert_properties, dtype=np.float64)[:, :3]
    faces = np.asarray(mesh.tri_verts, dtype=np.int64)
    return trimesh.Trimesh(vertices=vertices, faces=faces, process=False)
