"""Will it print? A quick report on a mesh before it goes to the slicer.

The estimates are deliberately simple and documented so a designer can reason about them:

* Wall thickness: rays are cast inward (along the inverted normal) from points sampled on the
  surface with a fixed seed; the distance to the first surface hit is the local thickness. The
  report gives a low percentile (a single stray ray must not cry wolf) and the share of samples below
  THIN_WALL_MM, so a thin rib on a big part is still noticed.
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
WALL_SAMPLES = 1024
WALL_PERCENTILE = 5.0
THIN_SHARE_WARNING = 0.02
BIG_OVERHANG_MM2 = 100.0
BED_TOLERANCE_MM = 0.01
_SEED = 20240601


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
    watertight = bool(mesh.is_watertight)
    signed = _signed_volumes(mesh)
    labels = _shell_labels(mesh)
    bodies = _bodies(mesh, labels, signed)
    volume = abs(float(signed.sum()))
    area = float(mesh.area)
    extents = tuple(float(v) for v in mesh.extents)
    bbox = (extents[0], extents[1], extents[2])
    thickness = wall_thickness(mesh, samples)
    min_wall = float(np.percentile(thickness, WALL_PERCENTILE)) if len(thickness) else None
    thin = thickness[thickness < THIN_WALL_MM]
    thin_share = len(thin) / len(thickness) if len(thickness) else 0.0
    parts = part_sizes(mesh, labels) if bodies > 1 else [bbox]
    overhang = overhang_area(mesh, overhang_angle)
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
    return _bodies(mesh, _shell_labels(mesh), signed)


def _shell_labels(mesh: trimesh.Trimesh) -> np.ndarray:
    """One connected-components pass over the faces; everything about pieces is read from its labels."""
    import trimesh  # off the import path of the desktop's first frame (scipy comes with it)

    return np.asarray(trimesh.graph.connected_component_labels(mesh.face_adjacency, node_count=len(mesh.faces)))


def _bodies(mesh: trimesh.Trimesh, labels: np.ndarray, signed: np.ndarray | None) -> int:
    shells = int(labels.max()) + 1
    if shells == 1 or not mesh.is_watertight:
        return shells
    per_shell = np.bincount(labels, weights=_signed_volumes(mesh) if signed is None else signed, minlength=shells)
    return int((np.sign(per_shell) == np.sign(per_shell.sum())).sum())


def part_sizes(mesh: trimesh.Trimesh, labels: np.ndarray) -> list[tuple[float, float, float]]:
    """Bounding-box size of each separate shell, biggest first.

    Reduced per label in one sorted pass: splitting the mesh into a Trimesh per piece took minutes on an
    STL of 100k separate tetrahedra, which `check` must answer in seconds."""
    tri = np.asarray(mesh.triangles)
    order = np.argsort(labels, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0])
    lows = np.minimum.reduceat(tri.min(axis=1)[order], starts)
    highs = np.maximum.reduceat(tri.max(axis=1)[order], starts)
    sizes = [(float(x), float(y), float(z)) for x, y, z in highs - lows]
    return sorted(sizes, key=lambda s: -s[0] * s[1])


def _signed_volumes(mesh: trimesh.Trimesh) -> np.ndarray:
    """Each triangle's tetrahedron with the origin; they sum to the volume of a closed mesh (trimesh's
    mass_properties also computes inertia, which costs five times as much on big meshes)."""
    tri = np.asarray(mesh.triangles)
    return np.einsum("ij,ij->i", tri[:, 0], np.cross(tri[:, 1], tri[:, 2])) / 6.0


def wall_thickness(mesh: trimesh.Trimesh, samples: int = WALL_SAMPLES) -> np.ndarray:
    """Distances along inward rays from `samples` seeded surface points; rays that escape are dropped."""
    import trimesh

    points, face_index = trimesh.sample.sample_surface(mesh, samples, seed=_SEED)
    normals = np.asarray(mesh.face_normals)[face_index]
    keep = np.linalg.norm(normals, axis=1) > 0.5  # degenerate triangles have no direction to cast along
    points, normals = points[keep], normals[keep]
    eps = max(1e-6, 1e-6 * float(np.max(mesh.extents)))
    origins = points - normals * eps
    hits, ray_index, _ = mesh.ray.intersects_location(origins, -normals, multiple_hits=False)
    if len(hits) == 0:
        return np.empty(0)
    return np.linalg.norm(hits - origins[ray_index], axis=1) + eps


def overhang_faces(mesh: trimesh.Trimesh, angle: float = 45.0) -> np.ndarray:
    """Indices of the faces that need support: the one rule the report's area and the viewport's red
    overlay share, so what the designer sees painted is exactly what the figure sums."""
    normals = np.asarray(mesh.face_normals)
    down = -normals[:, 2] > math.sin(math.radians(angle)) + 1e-6
    corners_z = np.asarray(mesh.vertices)[np.asarray(mesh.faces)][:, :, 2]
    on_bed = corners_z.max(axis=1) <= float(mesh.bounds[0][2]) + BED_TOLERANCE_MM
    return np.flatnonzero(down & ~on_bed)


def overhang_area(mesh: trimesh.Trimesh, overhang_angle: float = 45.0) -> float:
    return float(np.asarray(mesh.area_faces)[overhang_faces(mesh, overhang_angle)].sum())


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
