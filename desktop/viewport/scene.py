"""Scene pieces that do not depend on the model: palettes, the build plate, trimesh → pyvista."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyvista as pv

from desktop.viewport.shading import EMPTY, Shaded, shade

if TYPE_CHECKING:
    import trimesh


@dataclass(frozen=True)
class ScenePalette:
    background_top: str
    background_bottom: str
    plate: str
    grid: str
    grid_major: str
    model: str
    highlight: str
    overhang: str
    measure: str
    section: str  # the cap over a section cut: the model's blue, darker, so the cut reads as solid material


LIGHT = ScenePalette("#f4f6fa", "#d9dee8", "#e9edf3", "#b8c0cc", "#8d97a6", "#3f8fd2", "#ff9f1c", "#e5484d", "#0f9d58",
                     "#1f4f7d")
DARK = ScenePalette("#2b303a", "#15181e", "#22262e", "#3a404c", "#545c6b", "#4aa3ff", "#ffb347", "#ff5a5f", "#3ddc84",
                    "#1c5a9c")

# The model colour, as it lands in screenshots: tests look for it in the viewport's pixels.
MODEL_RGB = {"light": (0x3F, 0x8F, 0xD2), "dark": (0x4A, 0xA3, 0xFF)}


def palette(dark: bool) -> ScenePalette:
    return DARK if dark else LIGHT


def to_polydata(mesh: trimesh.Trimesh) -> pv.PolyData:
    """GUI thread only (see desktop.viewport.shading)."""
    return pv.PolyData(np.asarray(mesh.vertices, dtype=np.float64), _cells(np.asarray(mesh.faces)))


def _cells(faces: np.ndarray) -> np.ndarray:
    return np.hstack([np.full((len(faces), 1), 3, dtype=np.int64), faces.astype(np.int64)]).ravel()


def prepare(mesh: trimesh.Trimesh | None) -> Shaded:
    """The display form of a model, on any thread: plain arrays, no VTK object."""
    if mesh is None or len(mesh.faces) == 0:
        return EMPTY
    return shade(mesh.vertices, mesh.faces)


def to_poly(shaded: Shaded) -> pv.PolyData:
    """GUI thread: the shaded arrays as a PolyData whose point normals drive smooth shading."""
    if shaded.n_faces == 0:
        return pv.PolyData()
    poly = pv.PolyData(shaded.points, _cells(shaded.faces))
    poly.point_data.set_array(shaded.normals, "Normals")
    poly.GetPointData().SetActiveNormals("Normals")
    return poly


def plate(bed: tuple[float, float, float], minor: float = 10.0) -> tuple[pv.PolyData, pv.PolyData, pv.PolyData]:
    """(plate surface, minor grid, major grid) centred on the origin like the models are.

    Lines every `minor` mm, heavier every 5 × minor, so the user can read sizes off the plate.
    """
    bx, by = bed[0], bed[1]
    surface = pv.Plane(center=(0, 0, -0.2), direction=(0, 0, 1), i_size=bx, j_size=by, i_resolution=1, j_resolution=1)
    minor_lines = _grid_lines(bx, by, minor, skip_every=5)
    major_lines = _grid_lines(bx, by, minor * 5, skip_every=0)
    return surface, minor_lines, major_lines


def _grid_lines(bx: float, by: float, step: float, skip_every: int) -> pv.PolyData:
    xs = np.arange(0.0, bx / 2 + 1e-6, step)
    ys = np.arange(0.0, by / 2 + 1e-6, step)
    xs = np.unique(np.concatenate([-xs, xs]))
    ys = np.unique(np.concatenate([-ys, ys]))
    if skip_every:
        xs = xs[np.round(xs / step).astype(int) % skip_every != 0]
        ys = ys[np.round(ys / step).astype(int) % skip_every != 0]
    segments = [((x, -by / 2, 0.0), (x, by / 2, 0.0)) for x in xs] + [((-bx / 2, y, 0.0), (bx / 2, y, 0.0)) for y in ys]
    segments += [((-bx / 2, -by / 2, 0), (bx / 2, -by / 2, 0)), ((-bx / 2, by / 2, 0), (bx / 2, by / 2, 0)),
                  ((-bx / 2, -by / 2, 0), (-bx / 2, by / 2, 0)), ((bx / 2, -by / 2, 0), (bx / 2, by / 2, 0))]
    points = np.array([p for seg in segments for p in seg], dtype=float)
    lines = np.hstack([[2, 2 * i, 2 * i + 1] for i in range(len(segments))])
    return pv.PolyData(points, lines=lines)
