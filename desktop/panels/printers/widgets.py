"""Small widget helpers shared by the printer views."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

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
