"""Autosave and crash recovery for the window, over core.autosave.

One Autosaver per open project (re-created when a project is started, opened or recovered); a save
removes the journal; a clean close removes it too. On start the window offers what a crashed session
left behind (dialogs/recovery.py); recovering it is an undoable "Recovered work" edit, so the window
shows unsaved changes until the user saves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from core.assistant.base import Conversation
from core.autosave import Autosaver, Recoverable, RecoveredState, discard, find_recoverable, recover
from core.document.document import Document
from core.errors import PotStudioError
from desktop.dialogs.recovery import RecoveryDialog

log = logging.getLogger(__name__)


class AutosaveController(QObject):
    recovered = Signal(object)  # RecoveredState
    failed = Signal(str, object)  # title, exception

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.saver: Autosaver | None = None

    def watch(self, conversation: Conversation, name: str, key: str | None = None) -> None:
        """Journal this project from now on (resuming `key`'s journal after a recovery)."""
        self.close()
        try:
            self.saver = Autosaver(self.doc, conversation, name, key=key).start(resume=key is not None)
        except PotStudioError as exc:
            self.saver = None
            self.failed.emit(QCoreApplication.translate("Autosave", "Autosave"), exc)
            return
        self.saver.write_failed.connect(lambda exc: log.warning("%s", exc))

    def saved(self) -> None:
        if self.saver is not None:
            self.saver.mark_saved()

    def close(self) -> None:
        if self.saver is not None:
            self.saver.close()
            self.saver = None

    def offer(self, parent: QWidget) -> RecoveryDialog | None:
        entries = find_recoverable()
        if not entries:
            return None
        dialog = RecoveryDialog(entries, parent)
        dialog.recover_requested.connect(self._recover)
        dialog.discard_requested.connect(self._discard)
        dialog.open()
        return dialog

    def _recover(self, entry: Recoverable) -> None:
        try:
            state: RecoveredState = recover(entry)
        except PotStudioError as exc:
            self.failed.emit(QCoreApplication.translate("Autosave", "Recover unsaved work"), exc)
            return
        self.recovered.emit(state)

    def _discard(self, entries: list[Recoverable]) -> None:
        for entry in entries:
            try:
                discard(entry)
            except PotStudioError as exc:
                self.failed.emit(QCoreApplication.translate("Autosave", "Discard unsaved work"), exc)
