"""Node tree → manifold3d solid, with a content-keyed cache of every subtree.

Each node's cache key hashes its type, its props *after* expressions are resolved, its enabled
state and its children's keys. A parameter change therefore only misses the cache for nodes whose
resolved props changed and their ancestors; every other subtree is reused as is. That is what makes
a slider drag cheap (see bench/bench_regenerate.py). The per-rebuild bookkeeping is proportional to
what changed too: a node whose parameters kept their values is neither re-resolved nor re-hashed
(_Memo), and a plate of separate parts is meshed part by part, re-converting only the part that
changed. What remains of a rebuild is manifold3d's booleans on the path from the edit to the root,
so templates keep local features out of the big booleans where they can.

Conventions: lengths in mm, angles in degrees; box/cylinder/cone/extrude stand on z = 0 and are
centred in XY unless `"center": true`; sphere and torus are centred on the origin. Round things take
`"segments"` (a box: for its rounded corners) to override the evaluator's count.

An extrude takes one 2D "shape", optionally scaled along its height by a "profile" while it twists, or a
stack of "layers" (a floor, then walls with pockets; chamfered or bored ones too): both are meshed without a
boolean, which is why templates draw prismatic parts whole in 2D (core/geometry/shapes.py) rather than cutting
them in 3D. A stack is kept as its own mesh (core/geometry/meshsolid.py) until a boolean needs a Manifold.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import manifold3d as m3d
import numpy as np

from core.document.document import Document
from core.document.expressions import Number
from core.document.nodes import TRANSFORMS, Node, resolve_enabled, resolve_value
from core.errors import GeometryError, PotStudioError
from core.geometry import budget, font, gear  # noqa: F401  (register the 'text' and 'gear' 2D shapes)
from core.geometry.loft import layer_bands, lofted
from core.geometry.meshsolid import MeshSolid, Solid, manifold_of
from core.geometry.shapes import build_shape, num, positive
from core.geometry.stack import stacked
from core.tasks import NULL_TASK, Phrase, Task

if TYPE_CHECKING:
    import trimesh

Builder = Callable[[Mapping[str, Any], list[m3d.Manifold], int], Solid]
BUILDERS: dict[str, Builder] = {}
DEFAULT_SEGMENTS = 64
EMPTY = m3d.Manifold()
_MISSING = object()
_MESHES_KEPT = 64
_PASS_THROUGH = frozenset(("union", "difference", "intersection", "group"))
"""Nodes whose one child is their solid as it is."""


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
        raise GeometryError(Phrase("'{0}' must be a list of {1} numbers.", key, n))
    out = tuple(float(v) for v in value)
    if not all(math.isfinite(v) for v in out):
        raise GeometryError(Phrase("'{0}' must contain finite numbers.", key))
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
        raise GeometryError(Phrase("A box needs a positive size (got {0:g} × {1:g} × {2:g}).", x, y, z))
    r = float(p.get("radius", 0) or 0)
    if r > 1e-3:
        shape = {"kind": "rect", "size": [x, y], "radius": r}
        solid = build_shape(shape, budget.segments(p.get("segments", seg))).extrude(z)
    else:
        solid = m3d.Manifold.cube((x, y, z), True).translate((0, 0, z / 2))
    return _place(solid, p, z)


@builder("cylinder", "cone")
def _cylinder(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    h = positive(p, "h")
    r1 = num(p, "r1", p.get("r"))
    r2 = num(p, "r2", r1)
    if r1 < 0 or r2 < 0 or (r1 == 0 and r2 == 0):
        raise GeometryError(Phrase("A cylinder/cone needs positive radii (got {0:g} and {1:g}).", r1, r2))
    sides = budget.segments(p.get("segments", seg))
    return _place(m3d.Manifold.cylinder(h, r1, r2, sides), p, h)


@builder("sphere")
def _sphere(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    return m3d.Manifold.sphere(positive(p, "r"), budget.segments(p.get("segments", seg)))


@builder("torus")
def _torus(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    major, minor = positive(p, "R"), positive(p, "r")
    if minor >= major:
        raise GeometryError(Phrase(
            "A torus's tube radius ({0:g}) must be smaller than its ring radius ({1:g}).",
            minor, major,
        ))
    tube = m3d.CrossSection.circle(minor, max(12, seg // 2)).translate((major, 0.0))
    return tube.revolve(budget.segments(p.get("segments", seg)))


@builder("extrude")
def _extrude(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> Solid:
    if "layers" in p:
        return _layers(p["layers"], seg)
    h = positive(p, "height")
    twist = float(p.get("twist", 0) or 0)
    scale = _vec(p, "scale_top", (1.0, 1.0), 2)
    slices = budget.slices(p.get("slices", max(1, int(abs(twist) / 5)) if twist else 0))
    section = build_shape(p.get("shape"), seg)
    if section.is_empty():
        raise GeometryError(Phrase("The extruded outline is empty."))
    if "profile" in p:
        return _place(_profiled(section, h, twist, slices, p["profile"]), p, h)
    return _place(section.extrude(h, slices, twist, scale), p, h)


def _layers(layers: Any, seg: int) -> Solid:
    """Sections stacked bottom to top, each {"shape", "height"} (see core/geometry/stack.py); a layer with a
    "top" outline (a chamfer) or a "bore" (a thread) changes with height (see core/geometry/loft.py)."""
    if not isinstance(layers, list) or not layers or not all(isinstance(layer, Mapping) for layer in layers):
        raise GeometryError(Phrase("An extrusion's 'layers' must be a list of {{shape, height}}."))
    if len(layers) > budget.MAX_SLICES:
        raise GeometryError(Phrase("An extrusion has {0} layers; at most {1} are allowed.", len(layers),
                                   budget.MAX_SLICES))
    if any("top" in layer or "bore" in layer for layer in layers):
        return lofted(layer_bands(layers, seg))
    sections = [build_shape(layer.get("shape"), seg) for layer in layers]
    if any(section.is_empty() for section in sections):
        raise GeometryError(Phrase("A layer's outline is empty."))
    return stacked(sections, [positive(layer, "height") for layer in layers])


def _profiled(section: m3d.CrossSection, h: float, twist: float, slices: int, profile: Any) -> m3d.Manifold:
    """An extrusion whose outline is scaled by a piecewise-linear factor of the height (`profile`: [z, factor]
    points, z increasing, held at the end values beyond them) while it turns by `twist`: a vase's bulb or
    flare with its twist in one sweep. A layer lies at every point of the profile (its corners are exact) and
    at `slices` even steps for the twist. One solid, no boolean: stacking or intersecting one tapered
    extrusion per straight run of the profile did the same with a boolean per run."""
    try:
        points = np.asarray(profile, dtype=float)
    except (TypeError, ValueError):
        points = np.empty((0, 0))
    if points.ndim != 2 or points.shape[1] != 2 or len(points) < 2 or not np.isfinite(points).all():
        raise GeometryError(Phrase("An extrusion's 'profile' needs at least two finite [z, factor] points."))
    if np.any(np.diff(points[:, 0]) <= 0) or np.any(points[:, 1] <= 0):
        raise GeometryError(Phrase("An extrusion's 'profile' needs increasing heights and factors above 0."))
    inside = points[(points[:, 0] > 1e-6 * h) & (points[:, 0] < h * (1 - 1e-6)), 0]
    levels = np.union1d(np.linspace(0.0, h, slices + 2), inside)
    levels = levels[np.concatenate(([True], np.diff(levels) > 1e-6 * h))]
    levels[-1] = h
    budget.slices(len(levels) - 2)
    steps = np.linspace(0.0, 1.0, len(levels))
    turn = math.radians(twist) / h

    def warp(v: np.ndarray) -> np.ndarray:
        z = np.interp(v[:, 2], steps, levels)
        factor = np.interp(z, points[:, 0], points[:, 1])
        cos, sin = np.cos(turn * z) * factor, np.sin(turn * z) * factor
        return np.column_stack((v[:, 0] * cos - v[:, 1] * sin, v[:, 0] * sin + v[:, 1] * cos, z))

    return section.extrude(1.0, len(levels) - 2).warp_batch(warp)


@builder("revolve")
def _revolve(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    shape = p.get("shape") or {"kind": "polygon", "points": p.get("profile", [])}
    section = build_shape(shape, seg)
    return section.revolve(budget.segments(p.get("segments", seg)), float(p.get("angle", 360)))


@builder("mesh")
def _mesh(p: Mapping[str, Any], _: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    from core.geometry.meshdata import decode_mesh

    vertices, faces = decode_mesh(p)
    mesh = m3d.Mesh(vert_properties=vertices.astype(np.float32), tri_verts=faces.astype(np.uint32))
    solid = m3d.Manifold(mesh)
    if solid.status() != m3d.Error.NoError:
        raise GeometryError(Phrase(
            "The imported mesh '{0}' is not a closed solid ({1}); repair it before using it in a boolean.",
            p.get("name", ""), solid.status().name,
        ))
    return solid


@builder("group")
def _group(_: Mapping[str, Any], kids: list[m3d.Manifold], seg: int) -> m3d.Manifold:
    """Parts laid out side by side on the plate: composed without a boolean when their boxes do not
    touch (no work at all when one part changes), unioned when they do."""
    if not disjoint(kids):
        return _union({}, kids, seg)
    return m3d.Manifold.compose(kids) if kids else EMPTY


def disjoint(solids: Sequence[Solid]) -> bool:
    """Whether no two bounding boxes touch, so the solids can lie together without a boolean."""
    if len(solids) < 2:
        return True
    boxes = np.array([k.bounding_box() for k in solids])
    lo, hi = boxes[:, None, :3], boxes[None, :, 3:]
    touching = np.all((lo <= hi) & (np.swapaxes(lo, 0, 1) <= np.swapaxes(hi, 0, 1)), axis=2)
    np.fill_diagonal(touching, False)
    return not bool(touching.any())


def combined(solids: list[m3d.Manifold]) -> m3d.Manifold:
    """The union of `solids`, composed without a boolean when their bounding boxes do not touch (a
    pattern of separate ridges, pegs or pockets): the same solid, for none of a boolean's work."""
    if len(solids) == 1:
        return solids[0]
    if disjoint(solids):
        return m3d.Manifold.compose(solids)
    return m3d.Manifold.batch_boolean(solids, m3d.OpType.Add)


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
        raise GeometryError(Phrase("A scale of 0 flattens the part; use a positive scale."))
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
            raise GeometryError(Phrase("A circular pattern needs 0 to 1000 copies (got {0}).", count))
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
            raise GeometryError(Phrase("A grid pattern needs between 0 and 1000 copies in all."))
        spacing = _vec(p, "spacing", (10, 10, 10))
        centred = bool(p.get("center", True))
        mats = []
        for i in range(counts[0]):
            for j in range(counts[1]):
                for k in range(counts[2]):
                    offset = [idx * s - ((centred and (c - 1) * s / 2) or 0)
                              for idx, s, c in zip((i, j, k), spacing, counts, strict=True)]
                    mats.append(transform_matrix({"translate": offset}))
        total = p.get("total")  # a grid whose last row is not full: five copies in rows of three
        return mats[:max(0, int(total))] if total is not None else mats
    if node_type == "mirror":
        n = np.asarray(_vec(p, "normal", (1, 0, 0)))
        if np.linalg.norm(n) < 1e-9:
            raise GeometryError(Phrase("A mirror needs a non-zero normal."))
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
        placements = node_copies(node_type, p)
        budget.copies(base.num_tri(), len(placements))
        copies = [_apply(base, m) for m in placements]
        return combined(copies) if copies else EMPTY

    return build


for _type in TRANSFORMS:
    BUILDERS[_type] = _placed_copies(_type)


@dataclass(slots=True, eq=False)
class _Memo:
    """What the evaluator remembers of one node between rebuilds, so that an untouched node costs a
    dictionary lookup and a tuple comparison instead of expression evaluation and JSON hashing.

    It is valid while the node still holds the same props object and `enabled`: documents replace a
    node's props on every edit (Document.update_node), they never edit them in place. Holding the
    node itself keeps its id() from being reused by another node while the memo lives."""

    node: Node
    props_src: dict[str, Any]
    enabled_src: bool | str
    names: tuple[str, ...]
    inputs: tuple[object, ...] | None = None
    enabled: bool = False
    props: dict[str, Any] = field(default_factory=dict)
    own: str = ""
    kids: tuple[str, ...] | None = None
    key: str = ""
    solid: Solid = EMPTY
    parts: list[Solid] = field(default_factory=list)
    """The children's solids the last build combined (what a plate of separate parts is made of)."""

    def fits(self, node: Node) -> bool:
        return self.node is node and self.props_src is node.props and self.enabled_src == node.enabled

    def read(self, values: Mapping[str, Number], segments: int) -> tuple[object, ...]:
        """What the resolved props depend on: the values this node's expressions read (with their
        type, keeping True apart from 1 and 1.0) and the evaluator's segment count."""
        return (segments, *((type(v), v) for v in (values.get(n, _MISSING) for n in self.names)))


class Evaluator:
    """Builds documents into solids, reusing cached subtrees. Thread-safe: one worker at a time.

    Two layers of reuse: a per-node memo (see _Memo) skips the resolution of nodes whose inputs did
    not change and returns their last solid when their children did not change either; a
    content-keyed LRU cache finds any subtree built before (undo, a value dragged back)."""

    def __init__(self, max_entries: int = 2048, segments: int = DEFAULT_SEGMENTS) -> None:
        self._cache: OrderedDict[str, Solid] = OrderedDict()
        self._memos: dict[int, _Memo] = {}
        self._meshes: OrderedDict[int, tuple[Solid, np.ndarray, np.ndarray]] = OrderedDict()
        self._max = max_entries
        self._lock = threading.RLock()
        self.segments = segments
        self.hits = 0
        self.misses = 0
        self.rebuilt: list[str] = []
        """Ids of the nodes rebuilt (cache misses) by the last solid()/mesh() call, children first."""

    def solid(self, doc: Document, node_id: str | None = None, task: Task = NULL_TASK) -> m3d.Manifold:
        values = doc.values()
        node = doc.root if node_id is None else doc.node(node_id)
        with self._lock:
            self.rebuilt = []
            return manifold_of(self._build(node, values, task).solid)

    def mesh(self, doc: Document, node_id: str | None = None, task: Task = NULL_TASK) -> trimesh.Trimesh:
        """The node's solid as a triangle mesh. A plate of separate parts (a "group" whose parts do not
        touch) is assembled from each part's own triangles, so re-meshing it after one part changed
        converts only that part; the composed Manifold is never forced."""
        values = doc.values()
        node = doc.root if node_id is None else doc.node(node_id)
        with self._lock:
            self.rebuilt = []
            memo = self._build(node, values, task)
            parts = memo.parts if node.type == "group" and memo.parts and disjoint(memo.parts) else [memo.solid]
            for part in parts:  # a MeshSolid was checked closed when it was made
                if not isinstance(part, MeshSolid) and part.status() != m3d.Error.NoError:
                    raise GeometryError(Phrase("The model could not be built ({0}).", part.status().name))
            arrays = [self._arrays(part) for part in parts]
        return _trimesh_of(arrays)

    def world_mesh(self, doc: Document, node_id: str) -> trimesh.Trimesh:
        """A part placed where it sits in the model (through its ancestors' transforms/patterns)."""
        values = doc.values()
        with self._lock:
            solid = manifold_of(self._build(doc.node(node_id), values, NULL_TASK).solid)
            for ancestor in reversed(doc.ancestors(node_id)):
                if ancestor.type in TRANSFORMS:
                    props = resolve_value(ancestor.props, values)
                    copies = [_apply(solid, m) for m in node_copies(ancestor.type, props)]
                    solid = m3d.Manifold.batch_boolean(copies, m3d.OpType.Add) if copies else EMPTY
        return to_trimesh(solid)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._memos.clear()
            self._meshes.clear()

    def _arrays(self, solid: Solid) -> tuple[np.ndarray, np.ndarray]:
        """Vertices and faces of a solid, kept for the last few solids built (by identity: a solid
        that did not change is the same object, see _Memo)."""
        entry = self._meshes.get(id(solid))
        if entry is None or entry[0] is not solid:
            entry = (solid, *_arrays_of(solid))
            self._meshes[id(solid)] = entry
            if len(self._meshes) > _MESHES_KEPT:
                self._meshes.popitem(last=False)
        else:
            self._meshes.move_to_end(id(solid))
        return entry[1], entry[2]

    def _memo(self, node: Node, values: Mapping[str, Number]) -> _Memo:
        """The node's memo with its props resolved for `values` (re-resolved only if its inputs moved)."""
        memo = self._memos.get(id(node))
        if memo is None or not memo.fits(node):
            if len(self._memos) >= self._max:
                self._memos.clear()
            memo = _Memo(node, node.props, node.enabled, tuple(sorted(node.parameter_names())))
            self._memos[id(node)] = memo
        inputs = memo.read(values, self.segments)
        if inputs != memo.inputs:
            try:
                enabled = resolve_enabled(node, values)
                props = resolve_value(node.props, values) if enabled else {}
            except PotStudioError as exc:
                raise GeometryError(Phrase("{0}: {1}", node.part, _message(exc))) from None
            own = json.dumps([node.type, _identity(props), enabled, self.segments], sort_keys=True, default=str)
            if own != memo.own:
                memo.own, memo.key = own, ""
            memo.inputs, memo.enabled, memo.props = inputs, enabled, props
        return memo

    def _build(self, node: Node, values: Mapping[str, Number], task: Task) -> _Memo:
        task.check()
        memo = self._memo(node, values)
        children = [self._build(c, values, task) for c in node.children] if memo.enabled else []
        kids = tuple(c.key for c in children)
        if kids == memo.kids and memo.key:
            self.hits += 1
            return memo
        key = hashlib.blake2b("\x1f".join((memo.own, *kids)).encode(), digest_size=16).hexdigest()
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.hits += 1
        else:
            self.misses += 1
            self.rebuilt.append(node.id)
            cached = self._run(node, memo, [c.solid for c in children if c.solid is not EMPTY])
            self._cache[key] = cached
            if len(self._cache) > self._max:
                self._cache.popitem(last=False)
        memo.kids, memo.key, memo.solid = kids, key, cached
        memo.parts = [c.solid for c in children if c.solid is not EMPTY]
        return memo

    def _run(self, node: Node, memo: _Memo, kids: list[Solid]) -> Solid:
        if not memo.enabled:
            return EMPTY
        if len(kids) == 1 and node.type in _PASS_THROUGH:
            return kids[0]  # a directly meshed child stays one until something needs its Manifold
        try:
            return BUILDERS[node.type](memo.props, [manifold_of(k) for k in kids], self.segments)
        except PotStudioError as exc:
            raise GeometryError(Phrase("{0}: {1}", node.part, _message(exc))) from None
        except (ValueError, TypeError, RuntimeError) as exc:
            raise GeometryError(Phrase("{0}: cannot build this part ({1}).", node.part, exc)) from None


def _message(exc: BaseException) -> str:
    """What `exc` says, still a Phrase (which the UI can translate) when it was raised with one."""
    text = str(exc)
    return exc.args[0] if exc.args and isinstance(exc.args[0], Phrase) and exc.args[0] == text else text


def to_trimesh(solid: m3d.Manifold) -> trimesh.Trimesh:
    return _trimesh_of([_arrays_of(solid)])


def _identity(props: Mapping[str, Any]) -> Mapping[str, Any]:
    """What a node's cache key needs from its props: an embedded mesh is named by its checksum (which
    decode_mesh verifies) rather than by megabytes of base64 that the memo would keep a copy of."""
    if "sha256" in props and "vertices" in props:
        return {k: v for k, v in props.items() if k not in ("vertices", "faces")}
    return props


def _arrays_of(solid: Solid) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(solid, MeshSolid):
        return solid.vertices, solid.faces
    mesh = solid.to_mesh()
    return np.asarray(mesh.vert_properties, dtype=np.float64)[:, :3], np.asarray(mesh.tri_verts, dtype=np.int64)


def _trimesh_of(arrays: Sequence[tuple[np.ndarray, np.ndarray]]) -> trimesh.Trimesh:
    """One mesh of several parts' arrays (never empty), always copied: the caller may move or edit it."""
    # Imported here: `import trimesh` pulls scipy, networkx, lxml... (~0.5 s, ~95 MB), which the
    # desktop's first frame does not need; core.geometry.build itself is on that path.
    import trimesh

    offsets = np.cumsum([0] + [len(v) for v, _ in arrays[:-1]])
    vertices = np.concatenate([v for v, _ in arrays])
    faces = np.concatenate([f + o for (_, f), o in zip(arrays, offsets, strict=True)])
    return trimesh.Trimesh(vertices=vertices, faces=faces, process=False)
