"""Light and dark looks: a Fusion palette plus a small style sheet (resources/themes/*.qss).

"system" follows the desktop's colour scheme where Qt can read it (Qt ≥ 6.5), else light.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from core.resources import resources_dir

_COLOURS = {
    "light": {
        "window": "#eef1f5", "base": "#ffffff", "alt": "#f5f7fa", "text": "#1f2430", "muted": "#6b7280",
        "button": "#f7f8fa", "highlight": "#1368db", "highlight_text": "#ffffff", "tooltip": "#ffffff",
    },
    "dark": {
        "window": "#1b1f26", "base": "#232831", "alt": "#2a303a", "text": "#e6e9ef", "muted": "#9aa3b2",
        "button": "#2a303a", "highlight": "#4aa3ff", "highlight_text": "#0b1220", "tooltip": "#2a303a",
    },
}


def resolve(theme: str) -> str:
    """'light' or 'dark' for a settings value of system/light/dark."""
    if theme in ("light", "dark"):
        return theme
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply(app: QApplication, theme: str) -> str:
    name = resolve(theme)
    c = _COLOURS[name]
    app.setStyle("Fusion")
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alt"),
                   (role.WindowText, "text"), (role.Text, "text"), (role.ButtonText, "text"),
                   (role.Button, "button"), (role.Highlight, "highlight"), (role.HighlightedText, "highlight_text"),
                   (role.ToolTipBase, "tooltip"), (role.ToolTipText, "text"), (role.PlaceholderText, "muted")):
        pal.setColor(r, QColor(c[key]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c["muted"]))
    app.setPalette(pal)
    sheet = (resources_dir() / "themes" / f"{name}.qss").read_text(encoding="utf-8")
    # Style sheets name images by path; the icons live beside the themes, wherever the app is installed.
    app.setStyleSheet(sheet.replace("@icons@", (resources_dir() / "icons").as_posix()))
    return name
