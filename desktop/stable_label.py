"""A label for text that changes many times a second (dimensions while dragging, printer temperatures).

Every QLabel.setText calls updateGeometry(), and unless the label has a fixed size that invalidates every
layout up to the main window: QMainWindow then lays out all docks again and repaints the whole window,
which on a software-GL desktop costs a frame each time. This label keeps a fixed size that only grows
(to the widest text it has shown), so a new value that fits stops at the label and repaints only it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class StableLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        size = self.minimumSize()
        plain = self.textFormat() == Qt.TextFormat.PlainText or (
            self.textFormat() == Qt.TextFormat.AutoText and "<" not in text)
        if plain and size.height() > 0:
            # the common case, cheaply: plain text only needs its advance compared with the room it has
            room = size.width() - self.contentsMargins().left() - self.contentsMargins().right() - 2 * self.margin()
            if self.fontMetrics().horizontalAdvance(text) <= room:
                return
        hint = self.sizeHint()
        if hint.width() > size.width() or hint.height() > size.height():
            self.setFixedSize(max(hint.width(), size.width()), max(hint.height(), size.height()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.reset_size()  # a style sheet applied later may change the font: size for that

    def reset_size(self) -> None:
        """Shrink to the current text, e.g. after a language or font change made older widths meaningless."""
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        hint = self.sizeHint()
        self.setFixedSize(hint.width(), hint.height())
