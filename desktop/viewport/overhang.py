"""Overhang overlay: faces that need support, in red, with the printability report's figures.

The report (core.geometry.printability.analyse) runs on a worker for each new mesh while the
overlay is on; the faces painted come from the same rule (printability.overhang_faces) that the
report's overhang area sums, so the picture and the figure always agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from core.geometry.printability import PrintabilityReport, analyse, overhang_faces
from core.tasks import Task
from desktop.viewport.view import Viewport
from desktop.workers import Workers

if TYPE_CHECKING:
    import trimesh

ANGLE = 45.0


def tr(text: str) -> str:
    return QCoreApplication.translate("Overhang", text)


class OverhangOverlay(QObject):
    def __init__(self, viewport: Viewport, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.viewport = viewport
        self.workers = workers
        self.on = False
        self.report: PrintabilityReport | None = None

    def set_on(self, on: bool) -> None:
        self.on = on
        self.refresh()

    def refresh(self) -> None:
        """Recompute for the mesh on screen (called when the overlay is toggled or the model changes)."""
        mesh = self.viewport.mesh
        if not self.on or mesh is None:
            self.report = None
            self.viewport.set_overlay(None)
            self.viewport.info_label.setText("")
            return
        bed = self.viewport.bed

        def run(_task: Task) -> tuple[np.ndarray, PrintabilityReport]:
            mask = np.zeros(len(mesh.faces), dtype=bool)
            mask[overhang_faces(mesh, ANGLE)] = True
            return mask, analyse(mesh, bed, overhang_angle=ANGLE, samples=200)

        self.workers.submit(tr("Checking printability"), run, lambda result: self._show(mesh, *result))

    def _show(self, mesh: trimesh.Trimesh, mask: np.ndarray, report: PrintabilityReport) -> None:
        if not self.on or self.viewport.mesh is not mesh:
            return  # the model changed meanwhile; its own check is on the way
        self.report = report
        self.viewport.set_overlay(mask)
        fits = tr("fits the bed") if report.fits else tr("does NOT fit the bed")
        self.viewport.info_label.setText(
            tr("Overhang > {0:g}°: {1:.0f} mm² · {2}").format(ANGLE, report.overhang_area_mm2, fits))
