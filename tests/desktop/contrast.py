"""Contrast as a user sees it: measured on a widget's rendered pixels, so style sheets, palettes and
painting all count (WCAG 2 ratio, 4.5:1 for body text)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.panels.printers.texts import contrast


def seen_contrast(widget: QWidget, inset: int = 3) -> float:
    """Contrast between the widget's own background (its commonest colour, `inset` px cropped off each side so
    rounded corners show none of the parent) and the colour that stands out most: the core pixels of its text."""
    image = widget.grab().toImage()
    inner = QRect(0, 0, image.width(), image.height()).adjusted(inset, inset, -inset, -inset)
    pixels = Counter(image.pixel(x, y) for x in range(inner.left(), inner.right() + 1)
                     for y in range(inner.top(), inner.bottom() + 1))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(p), background) for p in pixels)
