"""Click-to-select in the viewport: a click (press and release without dragging, so orbiting still
works) on the model reports the picked surface point; the window maps it to a part of the tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent
from vtkmodules.vtkRenderingCore import vtkCellPicker

from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator

CLICK_SLOP_PX = 3
HIT_TOLERANCE_MM = 0.5


class ClickPicker(QObject):
    """A Qt event filter on the viewport canvas. Qt events rather than VTK observers, because the
    VTK interactor style grabs the mouse on press and keeps the release from other observers."""

    def __init__(self, plotter: Any, on_click: Callable[[tuple[float, float, float]], None],
                 enabled: Callable[[], bool]) -> None:
        super().__init__()
        self.plotter = plotter
        self.on_click = on_click
        self.enabled = enabled
        self._down: QPoint | None = None
        self._picker = vtkCellPicker()
        self._picker.SetTolerance(0.0005)
        plotter.installEventFilter(self)

    def detach(self) -> None:
        """Stop filtering and drop the window's callbacks, so nothing here keeps the window alive."""
        self.plotter.removeEventFilter(self)
        self.on_click = _ignore
        self.enabled = _never

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            if event.type() == QEvent.Type.MouseButtonPress:
                self._down = pos
            elif event.type() == QEvent.Type.MouseButtonRelease:
                down, self._down = self._down, None
                if down is not None and self.enabled() and (pos - down).manhattanLength() <= CLICK_SLOP_PX:
                    ratio = self.plotter.devicePixelRatioF()
                    self.pick_at(round(pos.x() * ratio), round((self.plotter.height() - pos.y()) * ratio))
        return False

    def pick_at(self, x: int, y: int) -> bool:
        """Pick at display coordinates (VTK's, origin bottom-left); True when the model was hit."""
        if not self._picker.Pick(x, y, 0, self.plotter.renderer) or self._picker.GetActor() is None:
            return False
        px, py, pz = self._picker.GetPickPosition()
        self.on_click((px, py, pz))
        return True


def _ignore(_point: tuple[float, float, float]) -> None:
    return None


def _never() -> bool:
    return False


def part_at(evaluator: Evaluator, doc: Document, point: tuple[float, float, float]) -> str | None:
    """The top-level part (a child of the root, or its child when the root has one; the root itself when it is the
    one solid) under `point`."""
    import trimesh  # scipy comes with it: keep it off the start-up path

    parts = list(doc.root.children) or ([doc.root] if doc.has_geometry else [])
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
