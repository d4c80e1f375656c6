"""Click-to-select in the viewport: a click (press and release without dragging, so orbiting still
works) on the model reports the picked surface point; the window maps it to a part of the tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import trimesh
import vtk

from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator

CLICK_SLOP_PX = 3
HIT_TOLERANCE_MM = 0.5


class ClickPicker:
    def __init__(self, plotter: Any, on_click: Callable[[tuple[float, float, float]], None],
                 enabled: Callable[[], bool]) -> None:
        self.plotter = plotter
        self.on_click = on_click
        self.enabled = enabled
        self._down: tuple[int, int] | None = None
        self._picker = vtk.vtkCellPicker()
        self._picker.SetTolerance(0.0005)
        iren = plotter.iren.interactor
        self._tags = [iren.AddObserver("LeftButtonPressEvent", self._press, 1.0),
                      iren.AddObserver("LeftButtonReleaseEvent", self._release, 1.0)]

    def detach(self) -> None:
        iren = self.plotter.iren.interactor
        for tag in self._tags:
            iren.RemoveObserver(tag)
        self._tags = []

    def _press(self, iren: Any, _event: str) -> None:
        self._down = iren.GetEventPosition()

    def _release(self, iren: Any, _event: str) -> None:
        down, self._down = self._down, None
        x, y = iren.GetEventPosition()
        if down is None or not self.enabled() or abs(x - down[0]) + abs(y - down[1]) > CLICK_SLOP_PX:
            return
        self.pick_at(x, y)

    def pick_at(self, x: int, y: int) -> bool:
        """Pick at display coordinates (VTK's, origin bottom-left); True when the model was hit."""
        if not self._picker.Pick(x, y, 0, self.plotter.renderer) or self._picker.GetActor() is None:
            return False
        px, py, pz = self._picker.GetPickPosition()
        self.on_click((px, py, pz))
        return True


def part_at(evaluator: Evaluator, doc: Document, point: tuple[float, float, float]) -> str | None:
    """The top-level part (a child of the root, or its child when the root has one) under `point`."""
    parts = list(doc.root.children)
    if len(parts) == 1 and parts[0].children:
        parts = list(parts[0].children)
    best: tuple[float, str] | None = None
    for node in parts:
        try:
            mesh = evaluator.world_mesh(doc, node.id)
        except PotStudioError:
            continue
        if len(mesh.faces) == 0:
            continue
        _, distance, _ = trimesh.proximity.closest_point(mesh, np.array([point]))
        if distance[0] <= HIT_TOLERANCE_MM and (best is None or distance[0] < best[0]):
            best = (float(distance[0]), node.id)
    return best[1] if best else None
