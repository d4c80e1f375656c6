"""The table both job views share: refreshed from the SQLite queue while visible, never on a hidden tab."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QVBoxLayout, QWidget

from desktop.panels.printers.widgets import named
from printers.queue import Job, JobQueue

REFRESH_MS = 3000


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
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.jobs: list[Job] = []

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def load(self) -> list[Job]:
        raise NotImplementedError

    def refresh(self) -> None:
        self.jobs = self.load()
        self.fill(self.jobs)
        self.empty.setVisible(not self.jobs)
        self.table.setVisible(bool(self.jobs))

    def fill(self, jobs: list[Job]) -> None:
        raise NotImplementedError
