"""The send-to-printer pipeline, Qt-free so it runs on a worker: slice → record the job → upload → start.

Progress is one bar for the user, so each stage reports into its own slice of 0..1 (`StageTask`), while a
cancel anywhere stops the slicer process or the FTPS transfer at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import trimesh

from core.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator
from core.paths import cache_dir
from core.tasks import Phrase, Task
from printers.base import PrinterDriver, PrintOptions
from printers.queue import Job, JobQueue
from printers.slicing import slice_for_printer

SLICE_SHARE = 0.45


@dataclass(frozen=True)
class ModelToSend:
    """What the window hands over: a name and a function that builds the mesh on the worker thread
    (it must work from a document snapshot, never from the live document or Qt)."""

    name: str
    mesh: Callable[[], trimesh.Trimesh]


def document_model(doc: Document, evaluator: Evaluator) -> ModelToSend | None:
    """The window's current design as something to send: snapshotted now (GUI thread), meshed on the worker."""
    if not doc.has_geometry:
        return None
    snapshot = doc.copy()
    return ModelToSend(snapshot.name, lambda: evaluator.mesh(snapshot))


@dataclass(frozen=True)
class SendRequest:
    printer: str
    material: str
    nozzle: float
    options: PrintOptions
    model: ModelToSend | None = None
    file: Path | None = None  # a file sliced elsewhere (e.g. a Bambu Studio .gcode.3mf)


class StageTask(Task):
    """A Task reporting into [start, end] of its parent and sharing the parent's cancel flag."""

    def __init__(self, parent: Task, start: float, end: float) -> None:
        super().__init__(lambda f, m: parent.progress(start + f * (end - start), m))
        self._parent = parent

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled

    def check(self) -> None:
        self._parent.check()


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip())
    return cleaned.strip("_") or "model"


def prepare_file(request: SendRequest, driver: PrinterDriver, task: Task) -> tuple[Path, tuple[float, float, float]]:
    """The printable file for `driver` and the model's size (for the queue's fit check)."""
    if request.file is not None:
        return request.file, (0.0, 0.0, 0.0)
    if request.model is None:
        raise PotStudioError("There is no model to send; design one or choose a sliced file.")
    task.progress(0.0, Phrase("Preparing the model"))
    mesh = request.model.mesh()
    config = replace(driver.config, material=request.material, nozzle=request.nozzle)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = cache_dir() / "sliced" / f"{_safe_name(driver.config.name)}-{stamp}"
    path = slice_for_printer(mesh, config, out, name=_safe_name(request.model.name), task=task)
    x, y, z = (float(v) for v in mesh.extents)
    return path, (x, y, z)


def send(request: SendRequest, driver: PrinterDriver, queue: JobQueue | None, task: Task) -> Job | None:
    """Run the whole pipeline; the job (when a queue is given) ends up printing, or failed with the reason."""
    path, size = prepare_file(request, driver, StageTask(task, 0.0, SLICE_SHARE))
    job = None
    if queue is not None:
        name = request.model.name if request.model is not None else path.name
        job = queue.enqueue(path, name=name, printer=driver.config.name, material=request.material, size=size)
        job = queue.mark_sending(job.id, driver.config.name)
        slot = queue.track(job, driver.model)
    try:
        driver.start_print(path, request.options, StageTask(task, SLICE_SHARE, 1.0))
    except BaseException as exc:
        if queue is not None and job is not None:
            driver.model.changed.disconnect(slot)
            outcome = "cancelled" if task.cancelled else "failed"
            queue.finish(job.id, outcome, message=str(exc) or outcome)
        raise
    return job
