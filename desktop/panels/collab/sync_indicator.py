"""The status-bar sync indicator (synced / N pending / offline / conflict) and its details view:
what waits to be sent, what the hub refused (with a Retry), and the conflicts to decide on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.errors import user_message
from desktop.panels.collab.bridge import SyncBridge
from desktop.panels.collab.common import tr
from sync_client.outbox import ConflictRecord
from sync_client.sync import SyncStatus

COLOURS = {"synced": "#0f9d58", "pending": "#e0a100", "syncing": "#2f80ed", "offline": "#9aa3b2",
           "signed_out": "#9aa3b2", "conflict": "#d93025"}
OP_ROLE = Qt.ItemDataRole.UserRole


def describe(status: SyncStatus) -> str:
    """The indicator's words; edits the hub refused for good (e.g. too large) are counted, never hidden."""
    refused = tr(" · {0} refused").format(status.failed) if status.failed else ""
    return _state_words(status) + refused


def _state_words(status: SyncStatus) -> str:
    if status.state == "synced":
        return tr("Synced")
    if status.state == "conflict":
        return tr("Conflict: choose a version")
    if status.state == "offline":
        return tr("Offline · {0} pending").format(status.pending) if status.pending else tr("Offline")
    if status.state == "signed_out":
        return tr("Signed out · {0} pending").format(status.pending) if status.pending else tr("Signed out")
    if status.state == "syncing":
        return tr("Syncing {0}…").format(status.pending)
    return tr("{0} pending").format(status.pending)


class SyncIndicator(QToolButton):
    """Lives in the status bar; click it for the details."""

    conflict_opened = Signal(object)  # ConflictRecord: the owner shows ConflictView

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.bridge = bridge
        self.details: SyncDetails | None = None
        self.state = ""
        bridge.status_changed.connect(self.show_status)
        bridge.failed.connect(self.show_problem)
        self.clicked.connect(self.open_details)
        self.show_status(bridge.status())

    def show_status(self, status: SyncStatus) -> None:
        self.state = status.state
        self.setText("● " + describe(status))
        self.setToolTip(status.message or tr("Shared projects: click for details"))
        self.setStyleSheet(f"QToolButton#syncIndicator {{ color: {COLOURS.get(status.state, '#9aa3b2')}; }}")
        if self.details is not None:
            self.details.refresh()

    def show_problem(self, exc: BaseException) -> None:
        """A sync step failed in a way the engine does not model (e.g. a malformed answer)."""
        self.state = "problem"
        self.setText("● " + tr("Sync problem"))
        self.setToolTip(user_message(exc))
        self.setStyleSheet(f"QToolButton#syncIndicator {{ color: {COLOURS['conflict']}; }}")

    def open_details(self) -> None:
        if self.details is None:
            self.details = SyncDetails(self.bridge, self.window())
            self.details.conflict_opened.connect(self.conflict_opened)
            self.details.finished.connect(self._details_closed)
        self.details.refresh()
        self.details.show()
        self.details.raise_()

    def _details_closed(self) -> None:
        if self.details is not None:
            self.details.deleteLater()
        self.details = None


class SyncDetails(QDialog):
    conflict_opened = Signal(object)

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDetails")
        self.setWindowTitle(tr("Sync details"))
        self.bridge = bridge
        self.summary = QLabel(wordWrap=True)
        self.pending = QListWidget(objectName="pendingOps")
        self.failed = QListWidget(objectName="failedOps")
        self.conflicts = QListWidget(objectName="conflictList")
        self.retry = QPushButton(tr("Retry selected"))
        self.retry.clicked.connect(self._retry)
        self.compare = QPushButton(tr("Compare and choose…"))
        self.compare.clicked.connect(self._compare)
        self.sync = QPushButton(tr("Sync now"))
        self.sync.clicked.connect(bridge.sync_now)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        for title, widget, button in ((tr("Waiting to be sent"), self.pending, None),
                                      (tr("Refused by the hub"), self.failed, self.retry),
                                      (tr("Conflicts"), self.conflicts, self.compare)):
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{title}</b>"))
            row.addStretch(1)
            if button is not None:
                row.addWidget(button)
            layout.addLayout(row)
            layout.addWidget(widget)
        layout.addWidget(self.sync, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(520, 520)

    def refresh(self) -> None:
        status = self.bridge.status()
        self.summary.setText(describe(status) + (f"\n{status.message}" if status.message else ""))
        outbox = self.bridge.engine.outbox
        self.pending.clear()
        for op in outbox.ops(state="pending"):
            self.pending.addItem(tr("Project {0}: {1} (made on revision {2})").format(op.project_id, op.kind,
                                                                                       op.base_rev))
        self.failed.clear()
        for op in outbox.ops(state="failed"):
            item = QListWidgetItem(tr("Project {0}: {1} — {2}").format(op.project_id, op.kind, op.error))
            item.setData(OP_ROLE, op.op_id)
            self.failed.addItem(item)
        self.conflicts.clear()
        for record in outbox.conflicts():
            item = QListWidgetItem(tr("Project {0}: {1}").format(record.project_id, record.message))
            item.setData(OP_ROLE, record)
            self.conflicts.addItem(item)
        self.retry.setEnabled(self.failed.count() > 0)
        self.compare.setEnabled(self.conflicts.count() > 0)

    def _retry(self) -> None:
        item = self.failed.currentItem() or self.failed.item(0)
        if item is not None:
            self.bridge.engine.retry_failed(item.data(OP_ROLE))
            self.bridge.sync_now()

    def _compare(self) -> None:
        item = self.conflicts.currentItem() or self.conflicts.item(0)
        if item is not None:
            record: ConflictRecord = item.data(OP_ROLE)
            self.conflict_opened.emit(record)
