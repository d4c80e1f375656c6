"""The section tool: a plane across X, Y or Z that the user slides through the model and flips, as slicers'
and CAD programs' section views do, to look at walls, floors and fits from inside.

The cut (desktop.viewport.section.capped_cut) is VTK, so it runs on the GUI thread (a worker making VTK
objects can deadlock with the renderer: desktop.viewport.shading). A drag asks for a cut per slider step;
the steps of one event-loop pass make one cut, at the plane reached last. A designed model cuts in a few
milliseconds, live; a mesh over LIVE_CUT_FACES (a 1M-triangle import takes ~0.4 s per cut here) is cut
once the plane has rested for SETTLE_MS, so a drag through it stays smooth and pays for one cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from desktop.i18n import number
from desktop.stable_label import StableLabel
from desktop.viewport.section import SectionPlane, capped_cut
from desktop.viewport.view import Viewport

STEPS = 1000
LIVE_CUT_FACES = 200_000
SETTLE_MS = 200
AXES = "XYZ"


def tr(text: str) -> str:
    return QCoreApplication.translate("Section", text)


class SectionBar(QWidget):
    """Axis, position and side of the plane, in the viewport's bottom bar while the section is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="sectionBar", visible=False)
        self.title = QLabel()
        self.axes = QButtonGroup(self)
        self.axis_buttons = []
        for i, name in enumerate(AXES):
            button = QToolButton(text=name, checkable=True, objectName=f"sectionAxis{name}", autoRaise=True)
            self.axes.addButton(button, i)
            self.axis_buttons.append(button)
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="sectionSlider", minimum=0, maximum=STEPS)
        self.slider.setMinimumWidth(120)
        self.position = StableLabel()
        self.position.setObjectName("sectionPosition")
        self.flip = QToolButton(objectName="sectionFlip", checkable=True, autoRaise=True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        for button in self.axis_buttons:
            lay.addWidget(button)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.position)
        lay.addWidget(self.flip)
        self.retranslate()

    def show_plane(self, plane: SectionPlane) -> None:
        for widget in (self.axes, self.slider, self.flip):
            widget.blockSignals(True)
        self.axis_buttons[plane.axis].setChecked(True)
        self.slider.setValue(round(plane.fraction * STEPS))
        self.flip.setChecked(plane.flipped)
        for widget in (self.axes, self.slider, self.flip):
            widget.blockSignals(False)

    def plane(self) -> SectionPlane:
        return SectionPlane(max(0, self.axes.checkedId()), self.slider.value() / STEPS, self.flip.isChecked())

    def retranslate(self) -> None:
        self.title.setText(tr("Section"))
        for name, button in zip(AXES, self.axis_buttons, strict=True):
            button.setToolTip(tr("Cut across the {0} axis").format(name))
        self.slider.setToolTip(tr("Where the plane cuts the model"))
        self.flip.setText(tr("Flip"))
        self.flip.setToolTip(tr("Show the other side of the cut"))


class SectionTool(QObject):
    def __init__(self, viewport: Viewport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.viewport = viewport
        self.plane = SectionPlane()
        self.on = False
        self.cuts = 0
        """Cuts shown so far (tests wait on it)."""
        self.bar = SectionBar()
        viewport.bar.insertWidget(2, self.bar, 3)
        self.bar.show_plane(self.plane)
        self.bar.axes.idClicked.connect(lambda _id: self._moved())
        self.bar.slider.valueChanged.connect(lambda _v: self._moved())
        self.bar.flip.toggled.connect(lambda _on: self._moved())
        self._cut_due = QTimer(self, singleShot=True, interval=0)
        self._cut_due.timeout.connect(self._cut)

    def set_on(self, on: bool) -> None:
        self.on = on
        self.bar.setVisible(on)
        self.refresh()

    def refresh(self) -> None:
        """Cut the model on screen again (the tool was switched, the plane moved or the model changed)."""
        full = self.viewport.full_poly
        if not self.on or full.n_cells == 0:
            self._cut_due.stop()
            if self.viewport.cut_shown:  # not on every build while the section is off: it re-copies the mesh
                self.viewport.show_cut(None)
            self._show_position()
            return
        self._cut_due.start(0 if full.n_cells <= LIVE_CUT_FACES else SETTLE_MS)  # restarts: a drag debounces
        self._show_position()

    def retranslate(self) -> None:
        self.bar.retranslate()
        self._show_position()

    def _moved(self) -> None:
        plane = self.bar.plane()
        if plane != self.plane:
            self.plane = plane
            self.refresh()

    def _cut(self) -> None:
        full = self.viewport.full_poly
        if self.on and full.n_cells:
            self.viewport.show_cut(capped_cut(full, *self.plane.place(full.bounds)))
            self.cuts += 1

    def _show_position(self) -> None:
        full = self.viewport.full_poly
        if not self.on or full.n_cells == 0:
            self.bar.position.setText("")
            return
        where = self.plane.position(full.bounds)
        self.bar.position.setText(f"{AXES[self.plane.axis].lower()} = {number(where, 1)} mm")

