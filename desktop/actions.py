"""Every menu command as data (napari's `_app_model/actions`): id, title, shortcut, menu, enablement.

QActions, the menus and the Ctrl+K command palette are all built from ACTIONS, so a command exists
once. Titles are translation sources (context "Actions"); the window supplies one handler per id and
named predicates for enablement, re-evaluated by `ActionSet.refresh()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from desktop.i18n import mark

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str
    menu: str
    shortcut: QKeySequence.StandardKey | str | None = None
    enabled_when: str | None = None
    checkable: bool = False
    separator_before: bool = False


MENUS = (mark("&File"), mark("&Edit"), mark("&View"))

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", mark("New"), "&File", Key.New),
    ActionSpec("file.open", mark("Open…"), "&File", Key.Open),
    ActionSpec("file.save", mark("Save"), "&File", Key.Save, "has_model"),
    ActionSpec("file.save_as", mark("Save As…"), "&File", Key.SaveAs, "has_model"),
    ActionSpec("file.import", mark("Import Mesh (STL/3MF/OBJ)…"), "&File", "Ctrl+I", separator_before=True),
    ActionSpec("file.export", mark("Export Mesh (STL/3MF/OBJ)…"), "&File", "Ctrl+E", "has_mesh"),
    ActionSpec("file.send_to_printer", mark("Send to Printer…"), "&File", "Ctrl+P", "has_model",
               separator_before=True),
    ActionSpec("file.publish", mark("Publish to Marketplace…"), "&File", None, "has_mesh"),
    ActionSpec("file.share", mark("Share…"), "&File", None, "has_model"),
    ActionSpec("file.open_link", mark("Open Shared Link…"), "&File", None),
    ActionSpec("file.quit", mark("Quit"), "&File", Key.Quit, separator_before=True),
    ActionSpec("edit.undo", mark("Undo"), "&Edit", Key.Undo, "can_undo"),
    ActionSpec("edit.redo", mark("Redo"), "&Edit", Key.Redo, "can_redo"),
    ActionSpec("edit.palette", mark("Command Palette…"), "&Edit", "Ctrl+K", separator_before=True),
    ActionSpec("edit.preferences", mark("Preferences…"), "&Edit", Key.Preferences),
    ActionSpec("edit.account", mark("Account and Server…"), "&Edit"),
    ActionSpec("view.fit", mark("Fit View"), "&View", "F"),
    ActionSpec("view.front", mark("Front View"), "&View", "1"),
    ActionSpec("view.top", mark("Top View"), "&View", "7"),
    ActionSpec("view.right", mark("Right View"), "&View", "3"),
    ActionSpec("view.iso", mark("Isometric View"), "&View", "0"),
    ActionSpec("view.ortho", mark("Orthographic"), "&View", "5", checkable=True, separator_before=True),
    ActionSpec("view.wireframe", mark("Wireframe"), "&View", "W", checkable=True),
    ActionSpec("view.xray", mark("X-Ray"), "&View", "X", checkable=True),
    ActionSpec("view.section", mark("Section Plane"), "&View", "S", "has_mesh", checkable=True),
    ActionSpec("view.overhang", mark("Overhang Overlay"), "&View", "O", "has_mesh", checkable=True),
    ActionSpec("view.measure", mark("Measure (Click Two Points)"), "&View", "M", "has_mesh", checkable=True),
    ActionSpec("view.printers", mark("Printers"), "&View", "Ctrl+Shift+P", checkable=True, separator_before=True),
    ActionSpec("view.marketplace", mark("Marketplace"), "&View", "Ctrl+Shift+M", checkable=True),
    ActionSpec("view.collaboration", mark("Collaboration"), "&View", "Ctrl+Shift+C", checkable=True),
    ActionSpec("view.comment", mark("Comment on a Point"), "&View", "C", "shared_open", checkable=True),
    ActionSpec("view.compare", mark("Compare Versions…"), "&View", None, "shared_open"),
)

def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class ActionSet:
    """The QActions of one window, built from ACTIONS."""

    def __init__(
        self,
        parent: QObject,
        handlers: Mapping[str, Callable[[], None]],
        predicates: Mapping[str, Callable[[], bool]],
    ) -> None:
        missing = {a.id for a in ACTIONS} - set(handlers)
        if missing:
            raise ValueError(f"no handler for actions: {', '.join(sorted(missing))}")
        self.predicates = predicates
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(parent)
            action.setObjectName(spec.id)
            action.setCheckable(spec.checkable)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            handler = handlers[spec.id]
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.actions[spec.id] = action
        self.retranslate()
        self.refresh()

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def specs(self) -> tuple[ActionSpec, ...]:
        return ACTIONS

    def retranslate(self) -> None:
        for spec in ACTIONS:
            self.actions[spec.id].setText(tr(spec.title))

    def refresh(self) -> None:
        for spec in ACTIONS:
            if spec.enabled_when is not None:
                self.actions[spec.id].setEnabled(bool(self.predicates[spec.enabled_when]()))

    def populate(self, bar: QMenuBar, extra: Mapping[str, list[QAction | QMenu]] | None = None) -> dict[str, QMenu]:
        """Fill the menu bar; `extra` appends window-made entries (Open Recent, dock toggles) per menu."""
        bar.clear()
        menus: dict[str, QMenu] = {}
        for title in MENUS:
            menu = bar.addMenu(tr(title))
            menus[title] = menu
            for spec in ACTIONS:
                if spec.menu != title:
                    continue
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(self.actions[spec.id])
            for item in (extra or {}).get(title, []):
                if isinstance(item, QMenu):
                    menu.addMenu(item)
                else:
                    menu.addAction(item)
        return menus

