"""A small live temperature chart drawn with QPainter (no chart library for three lines).

Each heater keeps its last `capacity` readings; a dashed line marks its target so a designer sees at a
glance whether the bed is still heating or the nozzle overshot.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLOURS = {"nozzle": "#f2603c", "bed": "#2f80ed", "chamber": "#9b6ce0"}


class TemperatureChart(QWidget):
    def __init__(self, capacity: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temperatureChart")
        self.capacity = capacity
        self.series: dict[str, deque[float]] = {name: deque(maxlen=capacity) for name in SERIES_COLOURS}
        self.targets: dict[str, float | None] = dict.fromkeys(SERIES_COLOURS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(46)

    def sizeHint(self) -> QSize:
        return QSize(240, 50)

    def add(self, readings: dict[str, float | None], targets: dict[str, float | None]) -> None:
        for name, value in readings.items():
            if value is not None and name in self.series:
                self.series[name].append(float(value))
        self.targets.update({k: v for k, v in targets.items() if k in self.targets})
        self.update()

    def _range(self) -> tuple[float, float]:
        values = [v for s in self.series.values() for v in s]
        values += [t for t in self.targets.values() if t]
        if not values:
            return 0.0, 100.0
        low, high = min(values), max(values)
        pad = max(5.0, (high - low) * 0.1)
        return max(0.0, low - pad), high + pad

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(1, 3, -1, -3)
        base = self.palette().color(QPalette.ColorRole.Base)
        grid = self.palette().color(QPalette.ColorRole.Mid)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(QRectF(self.rect()), 6, 6)
        low, high = self._range()
        span = high - low or 1.0

        def y_of(value: float) -> float:
            return area.bottom() - (value - low) / span * area.height()

        grid.setAlpha(60)
        painter.setPen(QPen(grid, 1))
        for frac in (0.25, 0.5, 0.75):
            y = area.top() + area.height() * frac
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        step = area.width() / max(1, self.capacity - 1)
        for name, colour in SERIES_COLOURS.items():
            pen_colour = QColor(colour)
            target = self.targets.get(name)
            if target:
                faint = QColor(pen_colour)
                faint.setAlpha(140)
                painter.setPen(QPen(faint, 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(area.left(), y_of(target)), QPointF(area.right(), y_of(target)))
            values = self.series[name]
            if len(values) < 2:
                continue
            offset = area.right() - step * (len(values) - 1)
            path = QPainterPath(QPointF(offset, y_of(values[0])))
            for i, value in enumerate(values):
                path.lineTo(QPointF(offset + i * step, y_of(value)))
            painter.setPen(QPen(pen_colour, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.end()
