"""Will it print? A quick report on a mesh before it goes to the slicer.

The estimates are deliberately simple and documented so a designer can reason about them:

* Wall thickness: rays are cast inward (along the inverted normal) from WALL_SAMPLES points sampled
  on the surface, area-weighted with a fixed seed; the distance to the first surface hit is the local
  thickness. The report gives a low percentile (a single stray ray must not cry wolf) and the share of
  samples below THIN_WALL_MM, so a thin rib on a big part is still noticed. The share is an estimate of
  the thin share of the whole surface, and the report says how good: with n independent samples it is
  within sqrt(ln(2/0.05) / 2n) of the true share with 95 % confidence (Hoeffding), whatever the mesh.
  Rays cost the same on 12 triangles as on 5 million (core.geometry.rays), so a big mesh is measured
  as a small one is.
* Overhang: triangles whose surface leans more than `overhang_angle` past vertical (normal pointing
  down) and that do not lie on the bed, summed by area.
* Filament: a shell of SHELL_MM under the whole surface is printed solid, the rest at the infill
  fraction: extruded = min(V, A·s) + infill · max(0, V − A·s). Grams = extruded × density,
  metres = extruded / filament cross-section, cost = kg × price.
* Print time: extruded volume over the material's typical volumetric flow
  (speed × LINE_WIDTH_MM × LAYER_HEIGHT_MM), plus LAYER_OVERHEAD_S per layer for travel and layer
  changes. Slicers do better; this is for "minutes or hours?".
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from core.errors import GeometryError
from core.materials import CURRENCY, get_material
from core.tasks import Phrase

if TYPE_CHECKING:
    import trimesh

SHELL_MM = 0.8
"""Two 0.4 mm perimeters; also about four 0.2 mm top/bottom layers."""
LINE_WIDTH_MM = 0.45
LAYER_HEIGHT_MM = 0.2
LAYER_OVERHEAD_S = 2.0
THIN_WALL_MM = 0.8
WALL_SAMPLES = 4096
"""±2.1 % on the thin share (95 %), the size of THIN_SHARE_WARNING; a 5M-triangle mesh casts them in under 2 s."""
WALL_PERCENTILE = 5.0
THIN_SHARE_WARNING = 0.02
BIG_OVERHANG_MM2 = 100.0
BED_TOLERANCE_MM = 0.01
CONFIDENCE = 0.95
_SEED = 20240601
_CHUNK = 1 << 16
"""Triangles per step of the per-face pass: its float64 temporaries (~1.5 MB each) stay in the CPU cache and are
reused by the allocator instead of being mapped afresh (1M-triangle steps spent a fifth of their time in the kernel)."""


@dataclass
class PrintabilityReport:
    watertight: bool
    bodies: int
    volume_mm3: float
    surface_area_mm2: float
    bbox_mm: tuple[float, float, float]
    min_wall_mm: float | None
    """Low percentile of the sampled thickness; None when no inward ray hit anything (open sheet)."""
    thin_wall_share: float
    thin_wall_mm: float | None
    """Median thickness of the samples below THIN_WALL_MM (None when there are none): the number the
    thin-wall warning quotes, so it speaks of the same walls it counts."""
    wall_samples: int
    """Surface points whose inward ray met a wall: the thickness figures are measured on these."""
    thin_wall_share_bound: float
    """thin_wall_share is within this of the whole surface's thin share with CONFIDENCE (1.0 without samples)."""
    overhang_area_mm2: float
    overhang_angle_deg: float
    bed_mm: tuple[float, float, float] | None
    fits: bool | None
    fits_rotated: bool | None
    """Whether it fits after turning it 90° on the bed (None without a bed)."""
    part_sizes_mm: list[tuple[float, float, float]]
    """Bounding box of each separate piece (one entry for a single body)."""
    parts_fit: bool | None
    """Whether every piece fits on its own (turned 90° if need be): a plate of parts laid out in a
    row may overflow the bed while the slicer can still arrange them (None without a bed)."""
    material: str
    infill: float
    filament_g: float
    filament_m: float
    cost: float
    currency: str
    print_time_s: float
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        x, y, z = self.bbox_mm
        wall = "n/a" if self.min_wall_mm is None else f"{self.min_wall_mm:.2f} mm"
        hours, rest = divmod(round(self.print_time_s), 3600)
        rows = [
            ("Watertight", "yes" if self.watertight else "NO"),
            ("Bodies", str(self.bodies)),
            ("Size", f"{x:.2f} × {y:.2f} × {z:.2f} mm"),
            ("Volume", f"{self.volume_mm3 / 1000:.2f} cm³"),
            ("Thinnest walls", f"{wall} (p{WALL_PERCENTILE:g})"),
            (f"Walls under {THIN_WALL_MM:g} mm", f"{self.thin_wall_share:.1%} of the surface "
             f"(±{self.thin_wall_share_bound:.1%} at {CONFIDENCE:.0%}, from {self.wall_samples} sampled points)"),
            (f"Overhang >{self.overhang_angle_deg:g}°", f"{self.overhang_area_mm2:.0f} mm²"),
        ]
        if self.bed_mm is not None:
            bx, by, bz = self.bed_mm
            verdict = "yes" if self.fits else ("only rotated 90°" if self.fits_rotated else (
                "when the parts are arranged separately" if self.parts_fit else "NO"))
            rows.append((f"Fits {bx:g}×{by:g}×{bz:g}", verdict))
        rows += [
            (f"Filament ({self.material}, {self.infill:.0%} infill)",
             f"{self.filament_g:.1f} g, {self.filament_m:.2f} m, {self.cost:.2f} {self.currency}"),
            ("Print time", f"~{hours} h {rest // 60:02d} min"),
        ]
        width = max(len(label) for label, _ in rows) + 2  # every value starts in one column, however long a label
        lines = [f"{label + ':':<{width}}{value}" for label, value in rows]
        lines += [f"Warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def analyse(
    mesh: trimesh.Trimesh,
    bed: tuple[float, float, float] | None = None,
    material: str = "PLA",
    infill: float = 0.15,
    overhang_angle: float = 45.0,
    samples: int = WALL_SAMPLES,
) -> PrintabilityReport:
    mat = get_material(material)
    if not 0.0 <= infill <= 1.0:
        raise GeometryError(Phrase("Infill must be between 0 and 100 % (got {0:.0%}).", infill))
    if len(mesh.faces) == 0:
        raise GeometryError(Phrase("The model is empty: there is nothing to print."))
    if bed is not None and min(bed) <= 0:
        raise GeometryError(Phrase("The build volume must be positive in X, Y and Z."))
    vertices = np.asarray(mesh.vertices, dtype=np.float64)
    faces = np.asarray(mesh.faces, dtype=np.int64)
    figures = _face_figures(vertices, faces)
    watertight, labels = _shells(faces, len(vertices))
    bodies = _bodies(labels, watertight, figures.signed)
    volume = abs(float(figures.signed.sum()))
    area = float(figures.area.sum())
    extents = figures.high - figures.low
    bbox = (float(extents[0]), float(extents[1]), float(extents[2]))
    thickness = _thickness(vertices, faces, figures.area, samples)
    min_wall = float(np.percentile(thickness, WALL_PERCENTILE)) if len(thickness) else None
    thin = thickness[thickness < THIN_WALL_MM]
    thin_share = len(thin) / len(thickness) if len(thickness) else 0.0
    parts = _part_sizes(vertices, faces, labels) if bodies > 1 else [bbox]
    overhang = float(figures.area[_overhanging(figures.normal_z, figures.top_z, figures.low[2],
                                               overhang_angle)].sum())
    fits = fits_rotated = parts_fit = None
    if bed is not None:
        fits = _fits(bbox, bed)
        fits_rotated = _fits((bbox[1], bbox[0], bbox[2]), bed)
        parts_fit = all(_fits(p, bed) or _fits((p[1], p[0], p[2]), bed) for p in parts)
    shell = min(volume, area * SHELL_MM)
    extruded = shell + infill * max(0.0, volume - shell)
    grams = extruded / 1000.0 * mat.density_g_cm3
    metres = extruded / (math.pi * (mat.diameter_mm / 2) ** 2) / 1000.0
    flow = mat.print_speed_mm_s * LINE_WIDTH_MM * LAYER_HEIGHT_MM
    layers = math.ceil(bbox[2] / LAYER_HEIGHT_MM)
    report = PrintabilityReport(
        watertight=watertight, bodies=bodies, volume_mm3=volume, surface_area_mm2=area, bbox_mm=bbox,
        min_wall_mm=min_wall, thin_wall_share=thin_share, thin_wall_mm=float(np.median(thin)) if len(thin) else None,
        wall_samples=len(thickness), thin_wall_share_bound=sampling_bound(len(thickness)),
        overhang_area_mm2=overhang, overhang_angle_deg=overhang_angle, bed_mm=bed, fits=fits,
        fits_rotated=fits_rotated, part_sizes_mm=parts, parts_fit=parts_fit,
        material=mat.name, infill=infill, filament_g=grams, filament_m=metres,
        cost=grams / 1000.0 * mat.price_per_kg, currency=CURRENCY,
        print_time_s=extruded / flow + layers * LAYER_OVERHEAD_S,
    )
    report.warnings = _warnings(report)
    return report


def body_count(mesh: trimesh.Trimesh, signed: np.ndarray | None = None) -> int:
    """Separate pieces, connected through shared edges (parts touching at one corner count as two).

    The inside surface of a sealed cavity is its own shell but not a piece you could pick up: on a
    closed mesh it encloses volume with the opposite sign to the whole, so it is not counted.
    """
    vertices = np.asarray(mesh.vertices, dtype=np.float64)
    faces = np.asarray(mesh.faces, dtype=np.int64)
    watertight, labels = _shells(faces, len(vertices))
    return _bodies(labels, watertight, _face_figures(vertices, faces).signed if signed is None else signed)


def _shells(faces: np.ndarray, vertex_count: int) -> tuple[bool, np.ndarray]:
    """(watertight, shell label of each face) from one sort of the edges.

    Watertight: every edge is shared by exactly two faces. Shells: faces joined through such edges (an
    edge of three or more faces joins none of them, as in trimesh). One argsort of int64 edge keys
    answers both; trimesh grouped the edges twice over, which took 8 s of a 5M-triangle `check`.
    """
    from scipy.sparse import coo_matrix  # scipy comes with trimesh, off the desktop's start-up path
    from scipy.sparse.csgraph import connected_components

    turned = faces[:, [1, 2, 0]]
    keys = np.minimum(faces, turned)
    keys *= vertex_count
    keys += np.maximum(faces, turned, out=turned)
    del turned
    keys = keys.ravel()
    # Stable: timsort rides the runs that neighbouring faces leave in the keys, twice as fast as quicksort here.
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    first = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    del keys
    twice = np.diff(np.r_[first, 3 * len(faces)]) == 2
    watertight = bool(twice.all())
    paired = first[twice]
    a, b = order[paired] // 3, order[paired + 1] // 3
    graph = coo_matrix((np.ones(len(a), dtype=bool), (a, b)), shape=(len(faces), len(faces)))
    _, labels = connected_components(graph, directed=False)
    return watertight, np.asarray(labels)


def _bodies(labels: np.ndarray, watertight: bool, signed: np.ndarray) -> int:
    shells = int(labels.max()) + 1
    if shells == 1 or not watertight:
        return shells
    per_shell = np.bincount(labels, weights=signed, minlength=shells)
    return int((np.sign(per_shell) == np.sign(per_shell.sum())).sum())


def _part_sizes(vertices: np.ndarray, faces: np.ndarray, labels: np.ndarray) -> list[tuple[float, float, float]]:
    """Bounding-box size of each separate shell, biggest first.

    Reduced per label in one sorted pass: splitting the mesh into a Trimesh per piece took minutes on an
    STL of 100k separate tetrahedra, which `check` must answer in seconds."""
    order = np.argsort(labels, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0])
    ordered = faces[order]
    lows, highs = np.empty((len(faces), 3)), np.empty((len(faces), 3))
    for start in range(0, len(faces), _CHUNK):  # each face's box, without a float64 copy of every corner
        a, b, c = (vertices[ordered[start:start + _CHUNK, k]] for k in range(3))
        np.minimum(np.minimum(a, b), c, out=lows[start:start + _CHUNK])
        np.maximum(np.maximum(a, b), c, out=highs[start:start + _CHUNK])
    extents = np.maximum.reduceat(highs, starts) - np.minimum.reduceat(lows, starts)
    sizes = [(float(x), float(y), float(z)) for x, y, z in extents]
    return sorted(sizes, key=lambda s: -s[0] * s[1])


@dataclass(frozen=True)
class _FaceFigures:
    """What the report needs of each triangle, from one chunked pass (trimesh's cached triangles, cross
    products and normals held ~1.5 GB of float64 on a 5M-triangle mesh)."""

    signed: np.ndarray
    """Each triangle's tetrahedron with the origin; they sum to the volume of a closed mesh."""
    area: np.ndarray
    normal_z: np.ndarray
    """Z of the unit normal (0 for a degenerate triangle)."""
    top_z: np.ndarray
    """Highest corner."""
    low: np.ndarray
    high: np.ndarray
    """Bounds of the corners the faces use."""


def _face_figures(vertices: np.ndarray, faces: np.ndarray) -> _FaceFigures:
    count = len(faces)
    signed, area, normal_z, top_z = (np.empty(count) for _ in range(4))
    low, high = np.full(3, np.inf), np.full(3, -np.inf)
    for start in range(0, count, _CHUNK):
        part = slice(start, min(start + _CHUNK, count))
        a, b, c = (vertices[faces[part, k]] for k in range(3))
        cross = np.cross(b - a, c - a)
        norm = np.sqrt(np.einsum("ij,ij->i", cross, cross))
        signed[part] = np.einsum("ij,ij->i", a, cross) / 6.0  # a·((b−a)×(c−a)) = a·(b×c)
        area[part] = norm / 2.0
        normal_z[part] = np.divide(cross[:, 2], norm, out=np.zeros(len(norm)), where=norm > 0)
        top = np.maximum(np.maximum(a, b), c)
        top_z[part] = top[:, 2]
        high = np.maximum(high, top.max(axis=0))
        low = np.minimum(low, np.minimum(np.minimum(a, b), c).min(axis=0))
    return _FaceFigures(signed, area, normal_z, top_z, low, high)


def sampling_bound(samples: int) -> float:
    """Half-width of the CONFIDENCE interval of a share measured on `samples` independent points (Hoeffding:
    it holds for any mesh, not only for large samples)."""
    return 1.0 if samples == 0 else math.sqrt(math.log(2 / (1 - CONFIDENCE)) / (2 * samples))


def wall_thickness(mesh: trimesh.Trimesh, samples: int = WALL_SAMPLES) -> np.ndarray:
    """Distances along inward rays from `samples` seeded surface points; rays that escape are dropped."""
    vertices = np.asarray(mesh.vertices, dtype=np.float64)
    faces = np.asarray(mesh.faces, dtype=np.int64)
    return _thickness(vertices, faces, np.asarray(mesh.area_faces), samples)


def _thickness(vertices: np.ndarray, faces: np.ndarray, area: np.ndarray, samples: int) -> np.ndarray:
    from core.geometry.rays import first_hits

    rng = np.random.default_rng(_SEED)
    total = np.cumsum(area)
    face = np.searchsorted(total, rng.random(samples) * total[-1], side="right").clip(max=len(faces) - 1)
    u, v = rng.random((2, samples))
    folded = u + v > 1  # reflected back into the triangle: uniform over its area
    u, v = np.where(folded, 1 - u, u), np.where(folded, 1 - v, v)
    corners = vertices[faces[face]]
    edge1, edge2 = corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0]
    points = corners[:, 0] + u[:, None] * edge1 + v[:, None] * edge2
    normals = np.cross(edge1, edge2)
    length = np.linalg.norm(normals, axis=1)
    keep = length > 0  # degenerate triangles have no direction to cast along
    points, normals = points[keep], normals[keep] / length[keep, None]
    eps = max(1e-6, 1e-6 * float(np.max(vertices.max(axis=0) - vertices.min(axis=0))))
    distance = first_hits(vertices, faces, points - normals * eps, -normals)
    hit: np.ndarray = distance[np.isfinite(distance)] + eps
    return hit


def overhang_faces(mesh: trimesh.Trimesh, angle: float = 45.0) -> np.ndarray:
    """Indices of the faces that need support: the one rule the report's area and the viewport's red
    overlay share, so what the designer sees painted is exactly what the figure sums."""
    figures = _face_figures(np.asarray(mesh.vertices, dtype=np.float64), np.asarray(mesh.faces, dtype=np.int64))
    return np.flatnonzero(_overhanging(figures.normal_z, figures.top_z, figures.low[2], angle))


def _overhanging(normal_z: np.ndarray, top_z: np.ndarray, bed_z: float, angle: float) -> np.ndarray:
    """Faces leaning more than `angle` past vertical, downwards, that do not lie on the bed."""
    return (-normal_z > math.sin(math.radians(angle)) + 1e-6) & (top_z > bed_z + BED_TOLERANCE_MM)


def _fits(size: tuple[float, float, float], bed: tuple[float, float, float]) -> bool:
    return all(s <= b + 1e-6 for s, b in zip(size, bed, strict=True))


def _warnings(r: PrintabilityReport) -> list[str]:
    out: list[str] = []
    if not r.watertight:
        out.append("The mesh is not watertight (it has holes or loose edges); the volume and slicing may be wrong.")
    if r.bodies > 1:
        out.append(f"The model is made of {r.bodies} separate pieces; check that this is intended.")
    if r.thin_wall_mm is not None and ((r.min_wall_mm is not None and r.min_wall_mm < THIN_WALL_MM)
                                       or r.thin_wall_share >= THIN_SHARE_WARNING):
        out.append(f"Some walls are thinner than {THIN_WALL_MM:g} mm ({r.thin_wall_share:.0%} of the surface, "
                   f"typically about {r.thin_wall_mm:.2f} mm there); they may not print or may break.")
    if r.overhang_area_mm2 > BIG_OVERHANG_MM2:
        out.append(f"{r.overhang_area_mm2:.0f} mm² overhangs more than {r.overhang_angle_deg:g}°; "
                   "it will need supports or a different orientation.")
    if r.bed_mm is not None and not r.fits:
        bx, by, bz = r.bed_mm
        hint = " It fits if rotated 90° on the bed." if r.fits_rotated else (
            " Each part fits when the parts are arranged separately (let the slicer arrange them)."
            if r.parts_fit and r.bodies > 1 else "")
        out.append(f"It does not fit the {bx:g} × {by:g} × {bz:g} mm build volume.{hint}")
    return out
