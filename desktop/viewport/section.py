"""The section view: the model cut by a plane and closed over the cut, so a wall reads as a solid band
of material, as slicers and CAD show it, instead of a thin shell the user looks into."""

from __future__ import annotations

import numpy as np
import pyvista as pv
from vtkmodules.vtkCommonDataModel import vtkPlane, vtkPlaneCollection
from vtkmodules.vtkFiltersGeneral import vtkClipClosedSurface

from desktop.viewport.scene import shaded


def capped_cut(poly: pv.PolyData, origin: tuple[float, float, float],
               normal: tuple[float, float, float]) -> tuple[pv.PolyData, pv.PolyData]:
    """(the model's surface on the side `normal` points to, shaded; the cap over the cut).

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
    return shaded(out.remove_cells(made)), out.remove_cells(~made)
