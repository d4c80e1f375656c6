"""AMS trays as colour chips (the filament's own colour, its material, what is left and the slot's name as
Bambu's apps print it: A1, HT-A for an AMS HT, Ext-L / Ext-R for an H2D's two external spools).

Painted rather than styled: a tray colour comes from the printer as RRGGBBAA and must show exactly,
including white on a light theme (hence the outline) and an empty slot (hatched, no colour).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.flow import FlowLayout
from desktop.panels.printers.texts import BUSY, tr
from printers.state import Tray


def tray_colour(tray: Tray) -> QColor | None:
    text = tray.color.strip().lstrip("#")
    if not tray.material or len(text) < 6:
        return None
    try:
        rgb = int(text[:6], 16)
    except ValueError:
        return None
    return QColor((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255)


def slot_name(tray: Tray) -> str:
    if tray.name:
        return tray.name
    return tr("Ext") if tray.unit < 0 else f"{chr(65 + tray.unit % 16)}{tray.slot + 1}"


def tray_label(tray: Tray) -> str:
    slot = slot_name(tray)
    if not tray.material:
        return tr("{0}: empty").format(slot)
    remain = f" {tray.remain}%" if tray.remain is not None and tray.remain >= 0 else ""
    return f"{slot}: {tray.material}{remain}"


class TrayChip(QWidget):
    def __init__(self, tray: Tray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        unit = f"{tray.unit_model} · " if tray.unit_model else ""
        self.setToolTip(unit + tray_label(tray) + (" · " + tr("in use") if tray.active else ""))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def caption(self) -> str:
        """The line under the swatch: material and what is left ("PA-GF 100%"), or "empty"."""
        label = self.tray.material or tr("empty")
        if self.tray.material and self.tray.remain is not None and self.tray.remain >= 0:
            label += f" {self.tray.remain}%"
        return label

    def caption_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        return font

    def sizeHint(self) -> QSize:
        # As wide as its caption: a fixed 62 px cut "PA-GF 100%" and "PETG 26%" at both ends.
        metrics = QFontMetrics(self.caption_font())
        text = max(metrics.horizontalAdvance(self.caption()), metrics.horizontalAdvance(slot_name(self.tray)))
        return QSize(max(62, text + 8), 58)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.tray.active:
            p.setPen(QPen(QColor(BUSY), 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(box, 7, 7)
        swatch = QRectF(box.center().x() - 9, box.top() + 17, 18, 18)
        colour = tray_colour(self.tray)
        outline = QColor(muted)
        outline.setAlpha(150)
        p.setPen(QPen(outline, 1))
        p.setBrush(QBrush(colour) if colour is not None else QBrush(muted, Qt.BrushStyle.BDiagPattern))
        p.drawEllipse(swatch)
        if self.tray.remain is not None and self.tray.remain >= 0 and colour is not None:
            ring = QColor(BUSY) if self.tray.active else QColor(muted)
            p.setPen(QPen(ring, 2.2))
            p.drawArc(swatch.adjusted(-3, -3, 3, 3), 90 * 16, -round(360 * 16 * min(100, self.tray.remain) / 100))
        p.setFont(self.caption_font())
        p.setPen(muted)
        p.drawText(QRectF(box.left(), box.top() + 1, box.width(), 14), Qt.AlignmentFlag.AlignHCenter,
                   slot_name(self.tray))
        p.setPen(text if self.tray.material else muted)
        p.drawText(QRectF(box.left(), swatch.bottom() + 3, box.width(), 16), Qt.AlignmentFlag.AlignHCenter,
                   self.caption())
        p.end()


class TrayStrip(QWidget):
    """The chips, wrapping onto another line in a narrow dock (an H2D has seven); rebuilt only when the trays
    actually change (reports repeat them every second)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayStrip")
        self._layout = FlowLayout(self, spacing=4)
        self._trays: tuple[Tray, ...] = ()
        self.hide()  # until a printer reports trays

    def set_trays(self, trays: tuple[Tray, ...]) -> None:
        if trays == self._trays:
            return
        self._trays = trays
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for tray in trays:
            self._layout.addWidget(TrayChip(tray, self))
        self.setVisible(bool(trays))

    @property
    def labels(self) -> list[str]:
        return [tray_label(t) for t in self._trays]
