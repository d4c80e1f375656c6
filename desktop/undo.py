"""Undo/Redo actions over core's CommandStack: the one stack, never a second one in Qt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from core.commands import CommandStack
from core.errors import PotStudioError
from desktop.i18n import say


class UndoAdapter:
    def __init__(
        self, stack: CommandStack, undo: QAction, redo: QAction, report: Callable[[str, BaseException], None]
    ) -> None:
        self.stack = stack
        self.undo_action = undo
        self.redo_action = redo
        self.report = report
        stack.changed.connect(self.refresh)
        self.refresh()

    def detach(self) -> None:
        self.stack.changed.disconnect(self.refresh)

    def undo(self) -> None:
        try:
            self.stack.undo()
        except PotStudioError as exc:
            self.report(QCoreApplication.translate("Undo", "Undo"), exc)

    def redo(self) -> None:
        try:
            self.stack.redo()
        except PotStudioError as exc:
            self.report(QCoreApplication.translate("Undo", "Redo"), exc)

    def refresh(self) -> None:
        tr = QCoreApplication.translate
        self.undo_action.setEnabled(self.stack.can_undo)
        self.redo_action.setEnabled(self.stack.can_redo)
        self.undo_action.setText(
            tr("Undo", "Undo {0}").format(say(self.stack.undo_label)) if self.stack.can_undo else tr("Undo", "Undo")
        )
        self.redo_action.setText(
            tr("Undo", "Redo {0}").format(say(self.stack.redo_label)) if self.stack.can_redo else tr("Undo", "Redo")
        )

