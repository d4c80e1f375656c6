"""Status-bar view of running jobs: what runs, its progress, and Cancel for the one on show."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.progress_bar import ProgressBar
from desktop.workers import Job, Workers

SHOW_AFTER_MS = 400


class TaskStatus(QWidget):
    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._since: dict[Job, float] = {}
        self.label = QLabel()
        self.bar = ProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelTask")
        self.cancel.clicked.connect(self._cancel_current)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._refresh)
        workers.started.connect(self._track)
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        self.cancel.setText(QCoreApplication.translate("TaskStatus", "Cancel"))

    def _track(self, job: Job) -> None:
        if not job.show:
            return
        self._jobs.append(job)
        job.progressed.connect(lambda f, m: self._progress(job, f, m))
        job.ended.connect(lambda: self._ended(job))
        # Appear only for work that lasts: quick builds during a slider drag would otherwise make the
        # bar flicker (and repaint the window) many times a second.
        self._since[job] = time.monotonic()
        if not self._show_timer.isActive():
            self._show_timer.start()

    def _progress(self, job: Job, fraction: float, message: str) -> None:
        if self._jobs and self._jobs[-1] is job:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(fraction * 1000))
            if message:
                self.label.setText(f"{job.label}: {message}")

    def _ended(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self._since.pop(job, None)
        if not self._jobs or self.isVisible():
            self._refresh()

    def _cancel_current(self) -> None:
        if self._jobs:
            self._jobs[-1].cancel()

    def _refresh(self) -> None:
        now = time.monotonic()
        lasting = [j for j in self._jobs if now - self._since.get(j, now) >= SHOW_AFTER_MS / 1000]
        if self._jobs and not lasting:
            self._show_timer.start()  # look again when the newest job has run long enough
        self.setVisible(bool(lasting) or (self.isVisible() and bool(self._jobs)))
        if self.isVisible():
            job = self._jobs[-1]
            self.label.setText(job.label + "…")
            self.bar.setRange(0, 0)  # busy until the first progress report

    @property
    def current(self) -> Job | None:
        return self._jobs[-1] if self._jobs else None
