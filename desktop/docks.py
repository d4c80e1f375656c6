"""Where the docks go: Chat on the left; on the right a tall tab group (Parameters, Printers,
Marketplace, Collaboration: each wants height for sliders, printer cards, a grid of models or comment
threads, and a designer looks at one of them at a time) above a short one (Model Tree, History). Side
columns take about a quarter of the width each, so the viewport stays the largest area.

The window's View menu and Ctrl+K palette reach Printers, Marketplace and Collaboration through the
action table (`view.printers`, `view.marketplace`, `view.collaboration`), kept in step with the docks'
own close buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
TABLE_DOCKS = ("printers", "marketplace", "collaboration")  # toggled through the action table, not plain toggle actions


def add_docks(window: QMainWindow, panels: dict[str, QWidget], ready: dict[str, QDockWidget]) -> dict[str, QDockWidget]:
    """Wrap each panel in a dock, add the ready-made docks, and place them all (tabs come in `arrange`)."""
    docks: dict[str, QDockWidget] = {}
    for key, widget in panels.items():
        dock = QDockWidget(window)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        docks[key] = dock
    docks.update(ready)
    for key, dock in docks.items():
        window.addDockWidget(LEFT if key == "chat" else RIGHT, dock)
    return docks


def arrange(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Form the tab groups. Called once the window is shown: tabifying two groups before that leaves a
    stray, empty tab bar floating on the window (a Qt bug)."""
    if window.tabifiedDockWidgets(docks["parameters"]):
        return
    for key in TABLE_DOCKS:
        window.tabifyDockWidget(docks["parameters"], docks[key])
    window.tabifyDockWidget(docks["tree"], docks["history"])
    docks["tree"].raise_()
    docks["parameters"].raise_()


def default_sizes(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    side = max(340, min(480, window.width() // 4))
    window.resizeDocks([docks["chat"], docks["parameters"]], [side, side], Qt.Orientation.Horizontal)
    column = docks["parameters"].height() + docks["tree"].height()
    window.resizeDocks([docks["parameters"], docks["tree"]], [column * 7 // 10, column * 3 // 10],
                       Qt.Orientation.Vertical)


def bind_toggle(dock: QDockWidget, action: QAction) -> None:
    """The table's checkable action follows the dock (closed with its × button, restored, ...)."""
    dock.toggleViewAction().toggled.connect(action.setChecked)
    action.setChecked(dock.toggleViewAction().isChecked())


def toggle(dock: QDockWidget, action: QAction) -> None:
    """The action was triggered: close the dock when it is in front; otherwise show it and bring it to the
    front (an open dock behind another tab is brought forward, not closed)."""
    if not action.isChecked() and not dock.isHidden() and dock.visibleRegion().isEmpty():
        action.setChecked(True)
    if action.isChecked():
        dock.show()
        dock.raise_()
    else:
        dock.close()
