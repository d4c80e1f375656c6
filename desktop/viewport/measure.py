"""Measure tool: click two points on the model, see the straight distance between them in mm."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyvista as pv
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pyvistaqt import QtInteractor

from desktop.i18n import number


def tr(text: str) -> str:
    return QCoreApplication.translate("Viewport", text)


class MeasureTool:
    def __init__(self, plotter: QtInteractor, label: QLabel, colour: Callable[[], str]) -> None:
        self.plotter = plotter
        self.label = label
        self.colour = colour
        self.active = False
        self.points: list[np.ndarray] = []
        self.distance: float | None = None
        self._actors: list[pv.Actor] = []

    def set_active(self, on: bool) -> None:
        self.active = on
        self.clear()
        if on:
            self.plotter.enable_point_picking(callback=self.pick, show_message=False, left_clicking=True,
                                              show_point=False, use_picker=True)
        else:
            self.plotter.disable_picking()
        self.retranslate()

    def pick(self, point: Sequence[float]) -> None:
        """One click on the surface; the second click completes a measurement, a third starts anew."""
        if len(self.points) == 2:
            self.clear()
        p = np.asarray(point, dtype=float)
        self.points.append(p)
        self._actors.append(self.plotter.add_mesh(pv.Sphere(radius=self._marker_size(), center=p),
                                                  color=self.colour(), reset_camera=False, pickable=False))
        if len(self.points) == 2:
            a, b = self.points
            self.distance = float(np.linalg.norm(b - a))
            self._actors.append(self.plotter.add_mesh(pv.Line(a, b), color=self.colour(), line_width=3,
                                                      reset_camera=False, pickable=False))
        self.retranslate()
        self.plotter.render()

    def clear(self) -> None:
        for actor in self._actors:
            self.plotter.remove_actor(actor, render=False)
        self._actors.clear()
        self.points.clear()
        self.distance = None

    def retranslate(self) -> None:
        if not self.active:
            self.label.setText("")
        elif self.distance is not None:
            self.label.setText(tr("Distance: {0} mm").format(number(self.distance, 2)))
        elif self.points:
            self.label.setText(tr("Click the second point"))
        else:
            self.label.setText(tr("Click the first point"))

    def _marker_size(self) -> float:
        bounds = self.plotter.bounds
        span = max(bounds[1] - bounds[0], bounds[3] - bounds[2], bounds[5] - bounds[4], 1.0)
        return span / 150
