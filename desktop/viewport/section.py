"""The section view: the model cut by a plane and closed over the cut, so a wall reads as a solid band
of material, as slicers and CAD show it, instead of a thin shell the user looks into."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyvista as pv
from vtkmodules.vtkCommonDataModel import vtkPlane, vtkPlaneCollection
from vtkmodules.vtkFiltersGeneral import vtkClipClosedSurface

from desktop.viewport.shading import FEATURE_ANGLE

Bounds = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class SectionPlane:
    """Where the model is cut: across an axis (0 X, 1 Y, 2 Z) at a fraction of the model's extent along it.

    By default the half kept is the one away from the iso camera (which looks from +X +Y, from above), so the
    cut faces the user; `flipped` keeps the other half. A fraction rather than millimetres keeps the plane
    inside the model while its parameters change under it."""

    axis: int = 1
    fraction: float = 0.5
    flipped: bool = False

    def position(self, bounds: Bounds) -> float:
        lo, hi = bounds[2 * self.axis], bounds[2 * self.axis + 1]
        return lo + min(1.0, max(0.0, self.fraction)) * (hi - lo)

    def place(self, bounds: Bounds) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
        """(a point on the plane, the normal towards the half kept)."""
        centre = [(bounds[2 * i] + bounds[2 * i + 1]) / 2 for i in range(3)]
        centre[self.axis] = self.position(bounds)
        normal = [0.0, 0.0, 0.0]
        normal[self.axis] = 1.0 if self.flipped else -1.0
        return (centre[0], centre[1], centre[2]), (normal[0], normal[1], normal[2])


def capped_cut(poly: pv.PolyData, origin: tuple[float, float, float],
               normal: tuple[float, float, float]) -> tuple[pv.PolyData, pv.PolyData]:
    """(the model's surface on the side `normal` points to, shaded; the cap over the cut). GUI thread only
    (VTK; see desktop.viewport.shading).

    vtkClipClosedSurface joins the cut edges into loops by position, so a mesh whose vertices are split
    at sharp edges for shading, or an unwelded STL, still gets its caps; an open mesh keeps its surface and
    gets whatever caps its closed parts allow."""
    plane = vtkPlane()
    plane.SetOrigin(*origin)
    plane.SetNormal(*normal)
    planes = vtkPlaneCollection()
    planes.AddItem(plane)
    clip = vtkClipClosedSurface()
    clip.SetClippingPlanes(planes)
    clip.SetScalarModeToLabels()  # 0: an original face, 1: a face made on the cut
    clip.SetInputData(poly)
    clip.Update()
    out = pv.wrap(clip.GetOutput())
    if out.n_cells == 0:
        return pv.PolyData(), pv.PolyData()
    made = np.asarray(out.cell_data["Labels"]) != 0
    # on the GUI thread VTK's own normals filter is the quicker one; the same sharp-edge angle as the model's
    surface = out.remove_cells(made).compute_normals(split_vertices=True, feature_angle=FEATURE_ANGLE,
                                                     auto_orient_normals=False)
    return surface, out.remove_cells(~made)
