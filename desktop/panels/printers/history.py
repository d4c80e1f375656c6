"""History view: finished, failed and cancelled jobs with duration, filament used and the reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget

from desktop.i18n import number
from desktop.panels.printers.jobs_view import JobsView
from desktop.panels.printers.texts import BAD, GOOD, IDLE, duration, readable, tr
from printers.queue import Job, JobQueue

_OUTCOMES = {"finished": GOOD, "failed": BAD, "cancelled": IDLE}


def outcome_words(status: str) -> str:
    return {"finished": tr("Finished"), "failed": tr("Failed"), "cancelled": tr("Cancelled")}.get(status, status)


class HistoryView(JobsView):
    def __init__(self, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(queue, parent)
        self.setObjectName("printHistory")
        self.table.setHeaderLabels([tr("Job"), tr("Printer"), tr("Outcome"), tr("Duration"), tr("Filament")])
        self.empty.setText(tr("Finished, failed and cancelled prints appear here."))

    def load(self) -> list[Job]:
        return self.queue.history()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.jobs:  # outcome colours for the new theme
            self.fill(self.jobs)
        super().changeEvent(event)

    def fill(self, jobs: list[Job]) -> None:
        self.table.clear()
        for job in jobs:
            minutes = round(job.duration_s / 60) if job.duration_s is not None else None
            grams = f"{number(job.filament_g, 1)} g" if job.filament_g is not None else "–"
            item = QTreeWidgetItem([job.name, job.printer or "–", outcome_words(job.status), duration(minutes), grams])
            colour = readable(_OUTCOMES.get(job.status, IDLE), QApplication.palette().color(QPalette.ColorRole.Base))
            item.setForeground(2, QBrush(QColor(colour)))
            if job.message:
                item.setToolTip(0, job.message)
                item.setToolTip(2, job.message)
            self.table.addTopLevelItem(item)
