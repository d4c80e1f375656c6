"""Crash recovery offered on start: unsaved work left by a session that ended without saving
(core.autosave journals). The user recovers one, discards them, or decides later (they stay)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.autosave import Recoverable


def tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryDialog", text)


class RecoveryDialog(QDialog):
    recover_requested = Signal(object)  # Recoverable
    discard_requested = Signal(object)  # list[Recoverable]

    def __init__(self, entries: list[Recoverable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(tr("Recover unsaved work"))
        self.entries = entries
        intro = QLabel(tr("3D Pot Studio closed unexpectedly last time. This unsaved work can be recovered:"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for entry in entries:
            when = dt.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{entry.project_name or tr('Untitled')} — {when}")
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.recover = QPushButton(tr("Recover"))
        self.recover.setObjectName("recoverButton")
        self.discard = QPushButton(tr("Discard all"))
        self.later = QPushButton(tr("Later"))
        self.recover.clicked.connect(self._recover)
        self.discard.clicked.connect(self._discard)
        self.later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.later, self.discard, self.recover):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list)
        lay.addLayout(buttons)

    def _recover(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.recover_requested.emit(self.entries[row])
        self.accept()

    def _discard(self) -> None:
        self.discard_requested.emit(list(self.entries))
        self.accept()
