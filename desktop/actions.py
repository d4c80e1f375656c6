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

Key = QKeySequence.StandardKey


def _noop(text: str) -> str:
    """Marks a source string for translation (like QT_TRANSLATE_NOOP) without translating it here."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str
    menu: str
    shortcut: QKeySequence.StandardKey | str | None = None
    enabled_when: str | None = None
    checkable: bool = False
    separator_before: bool = False


MENUS = (_noop("&File"), _noop("&Edit"), _noop("&View"))

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", _noop("New"), "&File", Key.New),
    ActionSpec("file.open", _noop("Open…"), "&File", Key.Open),
    ActionSpec("file.save", _noop("Save"), "&File", Key.Save, "has_model"),
    ActionSpec("file.save_as", _noop("Save As…"), "&File", Key.SaveAs, "has_model"),
    ActionSpec("file.import", _noop("Import Mesh (STL/3MF/OBJ)…"), "&File", "Ctrl+I", separator_before=True),
    ActionSpec("file.export", _noop("Export Mesh (STL/3MF/OBJ)…"), "&File", "Ctrl+E", "has_mesh"),
    ActionSpec("file.quit", _noop("Quit"), "&File", Key.Quit, separator_before=True),
    ActionSpec("edit.undo", _noop("Undo"), "&Edit", Key.Undo, "can_undo"),
    ActionSpec("edit.redo", _noop("Redo"), "&Edit", Key.Redo, "can_redo"),
    ActionSpec("edit.palette", _noop("Command Palette…"), "&Edit", "Ctrl+K", separator_before=True),
    ActionSpec("edit.preferences", _noop("Preferences…"), "&Edit", Key.Preferences),
    ActionSpec("view.fit", _noop("Fit View"), "&View", "F"),
    ActionSpec("view.front", _noop("Front View"), "&View", "1"),
    ActionSpec("view.top", _noop("Top View"), "&View", "7"),
    ActionSpec("view.right", _noop("Right View"), "&View", "3"),
    ActionSpec("view.iso", _noop("Isometric View"), "&View", "0"),
    ActionSpec("view.ortho", _noop("Orthographic"), "&View", "5", checkable=True, separator_before=True),
    ActionSpec("view.wireframe", _noop("Wireframe"), "&View", "W", checkable=True),
    ActionSpec("view.xray", _noop("X-Ray"), "&View", "X", checkable=True),
    ActionSpec("view.section", _noop("Section Plane"), "&View", "S", "has_mesh", checkable=True),
    ActionSpec("view.overhang", _noop("Overhang Overlay"), "&View", "O", "has_mesh", checkable=True),
    ActionSpec("view.measure", _noop("Measure (Click Two Points)"), "&View", "M", "has_mesh", checkable=True),
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

