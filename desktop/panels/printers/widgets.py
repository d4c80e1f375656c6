"""Small widget helpers shared by the printer views."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.panels.printers.texts import readable

W = TypeVar("W", bound=QObject)


def named(name: str, obj: W) -> W:
    """Give `obj` an object name (style sheets and tests find widgets by it) and return it, inline."""
    obj.setObjectName(name)
    return obj


def set_shown(widget: QWidget, visible: bool) -> None:
    """setVisible costs a relayout even when nothing changes; 20 printers updating at 4 Hz make that add up."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


MUTED_STYLE = "QLabel#muted { color: palette(placeholder-text); }"
"""Secondary text (hints, summaries) in the printer dialogs, matching the cards' muted labels."""


class ToneLabel(QLabel):
    """A label in a semantic colour (BAD for an error) shaded to read on the theme's window, again after a
    light <-> dark switch: the plain red was 3.4:1 on the dark dialogs. The theme comes from the application
    palette, because the label's own palette is rewritten by its style sheet."""

    def __init__(self, tone: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._tone = tone
        self._shade()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._shade()
        super().changeEvent(event)

    def _shade(self) -> None:
        style = f"color: {readable(self._tone, QApplication.palette().color(QPalette.ColorRole.Window))};"
        if self.styleSheet() != style:  # setting it sends PaletteChange again: only when the colour moved
            self.setStyleSheet(style)
