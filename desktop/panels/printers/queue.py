"""Queue view: jobs waiting, being sent or printing, across printers; a queued job can be removed
(confirmed) and "Start next jobs" hands waiting jobs to free printers that fit them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTreeWidgetItem, QWidget

from desktop.i18n import say_error
from desktop.panels.printers.jobs_view import JobsView
from desktop.panels.printers.texts import BAD, tr
from desktop.panels.printers.widgets import ToneLabel, named
from desktop.workers import Workers
from printers.dispatch import dispatch_once
from printers.fleet import Fleet
from printers.queue import Job, JobQueue

JOB_ROLE = Qt.ItemDataRole.UserRole


def status_words(status: str) -> str:
    return {"queued": tr("Waiting"), "sending": tr("Sending"), "printing": tr("Printing")}.get(status, status)


class QueueView(JobsView):
    def __init__(self, queue: JobQueue, fleet: Fleet, workers: Workers, cleared: Callable[[], set[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(queue, parent)
        self.setObjectName("printQueue")
        self.fleet, self.workers, self.cleared = fleet, workers, cleared
        self.table.setHeaderLabels([tr("Job"), tr("Printer"), tr("Material"), tr("Status")])
        self.remove_button = named("removeJob", QPushButton(tr("Remove from queue")))
        self.remove_button.clicked.connect(self.ask_remove)
        self.dispatch_button = named("dispatchJobs", QPushButton(tr("Start next jobs")))
        self.dispatch_button.setToolTip(tr("Send waiting jobs to free printers whose bed and material fit. A printer "
                                           "with a finished print needs \"Plate is clear\" on its card first."))
        self.dispatch_button.clicked.connect(self.dispatch)
        self.error = ToneLabel(BAD, wordWrap=True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.dispatch_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.layout_.insertLayout(0, row)
        self.layout_.addWidget(self.error)
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.confirm_box: QMessageBox | None = None
        self.empty.setText(tr("No jobs waiting. Send a model to a printer, or queue it for the first free one."))

    def load(self) -> list[Job]:
        return self.queue.pending()

    def fill(self, jobs: list[Job]) -> None:
        current = self.selected()
        self.table.clear()
        for job in jobs:
            item = QTreeWidgetItem([job.name, job.printer or tr("first free printer"), job.material,
                                    status_words(job.status)])
            item.setData(0, JOB_ROLE, job.id)
            self.table.addTopLevelItem(item)
            if current is not None and job.id == current.id:
                self.table.setCurrentItem(item)
        self._update_buttons()

    def selected(self) -> Job | None:
        item = self.table.currentItem()
        job_id = item.data(0, JOB_ROLE) if item is not None else None
        return next((j for j in self.jobs if j.id == job_id), None)

    def _update_buttons(self) -> None:
        job = self.selected()
        self.remove_button.setEnabled(job is not None and job.status == "queued")

    def ask_remove(self) -> None:
        job = self.selected()
        if job is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove job?"),
                          tr("Remove \"{0}\" from the queue?").format(job.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._remove_answered(box, job, result))
        self.confirm_box = box
        box.open()

    def _remove_answered(self, box: QMessageBox, job: Job, result: int) -> None:
        self.confirm_box = None
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self.queue.cancel(job.id)  # the view reloads on the queue's change signal

    def dispatch(self) -> None:
        self.dispatch_button.setEnabled(False)
        self.error.hide()
        drivers = list(self.fleet.drivers.values())
        cleared = self.cleared()
        self.workers.submit(tr("Starting queued jobs"), lambda task: dispatch_once(self.queue, drivers, cleared, task),
                            self._dispatched, self._dispatch_failed)

    def _dispatched(self, _started: object) -> None:
        self.dispatch_button.setEnabled(True)

    def _dispatch_failed(self, exc: BaseException) -> None:
        self.dispatch_button.setEnabled(True)
        self.error.setText(say_error(exc))
        self.error.show()
