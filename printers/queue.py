"""Print jobs across printers and their history, persisted in SQLite (SQLAlchemy 2) in the app's data dir.

A job targets one printer, or none: then the first free printer whose bed fits the model and whose material
matches takes it. The printer models drive the job's lifecycle: `track()` records the outcome, duration and
filament used when the printer reports finished, failed or cancelled.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import DateTime, Float, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from core.errors import StoreError
from core.events import Signal
from core.paths import data_dir
from printers.base import PrinterConfig
from printers.state import JobState, PrinterModel, PrinterState

log = logging.getLogger(__name__)
ACTIVE = ("queued", "sending", "printing")
_ENDINGS = {JobState.FINISHED: "finished", JobState.FAILED: "failed", JobState.CANCELLED: "cancelled"}


class _Base(DeclarativeBase):
    pass


class JobRow(_Base):
    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    file: Mapped[str] = mapped_column(String(1000))
    printer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    material: Mapped[str] = mapped_column(String(40), default="PLA")
    size_x: Mapped[float] = mapped_column(Float, default=0.0)
    size_y: Mapped[float] = mapped_column(Float, default=0.0)
    size_z: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime)
    started: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finished: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    filament_g: Mapped[float | None] = mapped_column(Float, nullable=True)
    message: Mapped[str] = mapped_column(String(500), default="")


@dataclass(frozen=True)
class Job:
    id: int
    name: str
    file: Path
    printer: str | None
    material: str
    size: tuple[float, float, float]
    status: str
    duration_s: float | None
    filament_g: float | None
    message: str

    @classmethod
    def of(cls, row: JobRow) -> Job:
        duration = (row.finished - row.started).total_seconds() if row.finished and row.started else None
        return cls(row.id, row.name, Path(row.file), row.printer, row.material, (row.size_x, row.size_y, row.size_z),
                   row.status, duration, row.filament_g, row.message)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class JobQueue:
    def __init__(self, path: Path | None = None) -> None:
        self.changed: Signal[[]] = Signal()
        """Fires after every change (new job, status, outcome), on the thread that made it: often a printer's
        network thread, since `track()` records outcomes as reports arrive."""
        target = path or data_dir() / "print_jobs.sqlite"
        self._engine = create_engine(f"sqlite:///{target}")
        try:
            _Base.metadata.create_all(self._engine)
        except Exception as exc:
            raise StoreError(f"Cannot open the print queue at {target}: {exc}") from exc

    def enqueue(self, file: Path, *, name: str = "", printer: str | None = None, material: str = "PLA",
                size: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> Job:
        with Session(self._engine) as s, s.begin():
            row = JobRow(name=name or file.name, file=str(file), printer=printer, material=material.upper(),
                         size_x=size[0], size_y=size[1], size_z=size[2], status="queued", created=_now())
            s.add(row)
            s.flush()
            job = Job.of(row)
        self.changed.emit()
        return job

    def pending(self) -> list[Job]:
        with Session(self._engine) as s:
            rows = s.scalars(select(JobRow).where(JobRow.status.in_(ACTIVE)).order_by(JobRow.id))
            return [Job.of(r) for r in rows]

    def history(self, limit: int = 100) -> list[Job]:
        with Session(self._engine) as s:
            rows = s.scalars(select(JobRow).where(JobRow.status.not_in(ACTIVE)).order_by(JobRow.id.desc())
                             .limit(limit))
            return [Job.of(r) for r in rows]

    def next_for(self, config: PrinterConfig) -> Job | None:
        """The oldest queued job this printer may take: aimed at it, or unassigned and fitting bed and material."""
        with Session(self._engine) as s:
            for row in s.scalars(select(JobRow).where(JobRow.status == "queued").order_by(JobRow.id)):
                if row.printer == config.name:
                    return Job.of(row)
                fits = all(a <= b for a, b in zip((row.size_x, row.size_y, row.size_z), config.bed, strict=True))
                if row.printer is None and fits and row.material == config.material.upper():
                    return Job.of(row)
        return None

    def _update(self, job_id: int, **values: object) -> Job:
        with Session(self._engine) as s, s.begin():
            row = s.get(JobRow, job_id)
            if row is None:
                raise StoreError(f"Print job {job_id} no longer exists.")
            for key, value in values.items():
                setattr(row, key, value)
            job = Job.of(row)
        self.changed.emit()
        return job

    def mark_sending(self, job_id: int, printer: str) -> Job:
        return self._update(job_id, status="sending", printer=printer)

    def mark_printing(self, job_id: int) -> Job:
        return self._update(job_id, status="printing", started=_now())

    def finish(self, job_id: int, outcome: str, filament_g: float | None = None, message: str = "") -> Job:
        return self._update(job_id, status=outcome, finished=_now(), filament_g=filament_g, message=message[:500])

    def cancel(self, job_id: int) -> Job:
        return self.finish(job_id, "cancelled", message="removed from the queue")

    def track(self, job: Job, model: PrinterModel) -> Callable[[PrinterState], None]:
        """Follow `model` until the job ends and record the outcome; returns the connected slot.

        A Bambu printer stopped by its user reports FAILED with no reason first and its cancel code seconds later
        (a real P2S log in tests/fixtures/printers/real): such an ending is recorded as "failed" at once, so the
        queue moves on, and the tracking goes on until the reason arrives, which may turn it into "cancelled"
        or give the failure its text, or until the printer reports something else.
        """
        start_consumed = model.state.filament.consumed_g if model.state.filament else None
        unexplained = False

        def on_change(state: PrinterState) -> None:
            nonlocal unexplained
            # Only an ending seen after this job started counts: right after dispatch the printer may still
            # report the previous job as finished.
            if state.state in (JobState.PREPARING, JobState.PRINTING) and self._status(job.id) == "sending":
                self.mark_printing(job.id)
            elif not unexplained and state.state in _ENDINGS and self._status(job.id) == "printing":
                used = None
                if state.filament and state.filament.consumed_g is not None and start_consumed is not None:
                    used = round(state.filament.consumed_g - start_consumed, 1)
                self.finish(job.id, _ENDINGS[state.state], used, state.error)
                unexplained = state.state == JobState.FAILED and state.print_error is None and not state.error
                if not unexplained:
                    model.changed.disconnect(on_change)
            elif unexplained:
                if state.state == JobState.CANCELLED:
                    self._update(job.id, status="cancelled", message="")
                elif state.state == JobState.FAILED and state.error:
                    self._update(job.id, message=state.error[:500])
                elif state.state == JobState.FAILED:
                    return  # still no reason: keep waiting for it
                unexplained = False
                model.changed.disconnect(on_change)

        model.changed.connect(on_change)
        return on_change

    def _status(self, job_id: int) -> str:
        with Session(self._engine) as s:
            row = s.get(JobRow, job_id)
            return row.status if row else ""
