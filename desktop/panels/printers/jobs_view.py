"""The table both job views share: refreshed when the queue announces a change (JobQueue.changed, relayed
to the GUI thread), only while visible; a hidden tab notes the change and reloads when shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QVBoxLayout, QWidget

from desktop.panels.printers.bridge import Relay
from desktop.panels.printers.widgets import named
from printers.queue import Job, JobQueue


class JobsView(QWidget):
    def __init__(self, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.empty = named("emptyHint", QLabel(wordWrap=True))
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.table, 1)
        self.jobs: list[Job] = []
        self._stale = True
        self.relay = Relay(queue.changed, self._queue_changed, self, coalesce=True)

    def _queue_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def load(self) -> list[Job]:
        raise NotImplementedError

    def refresh(self) -> None:
        self._stale = False
        self.jobs = self.load()
        self.fill(self.jobs)
        self.empty.setVisible(not self.jobs)
        self.table.setVisible(bool(self.jobs))

    def fill(self, jobs: list[Job]) -> None:
        raise NotImplementedError
