"""Send queued jobs to free printers. A job holding a model (.stl, .obj, .3mf) is sliced for the printer that
takes it, so "first free printer that fits" works across Bambu and Klipper machines."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import trimesh

from core.errors import PotStudioError
from core.paths import cache_dir
from core.tasks import NULL_TASK, Task
from printers.base import ConnectionState, PrinterConfig, PrinterDriver
from printers.errors import SlicingError
from printers.queue import FREE_STATES, Job, JobQueue
from printers.slicing import slice_for_printer

log = logging.getLogger(__name__)
_SLICED = (".gcode", ".gcode.3mf")


def printable_file(path: Path, config: PrinterConfig, task: Task = NULL_TASK) -> Path:
    """`path` itself when already sliced, else the model sliced for this printer into the cache."""
    if path.name.lower().endswith(_SLICED):
        return path
    mesh = trimesh.load(path, force="mesh")
    if not isinstance(mesh, trimesh.Trimesh) or mesh.is_empty:
        raise SlicingError(f"{path.name} holds no mesh to slice.")
    out = cache_dir() / "sliced" / config.name.replace(" ", "_")
    return slice_for_printer(mesh, config, out, name=path.stem, task=task)


def dispatch_once(queue: JobQueue, drivers: Iterable[PrinterDriver], task: Task = NULL_TASK) -> list[Job]:
    """Start at most one job on each free, online printer; failures are recorded on the job, not raised."""
    started: list[Job] = []
    for driver in drivers:
        state = driver.model.state
        if driver.model.connection != ConnectionState.ONLINE or state.state not in FREE_STATES:
            continue
        job = queue.next_for(driver.config)
        if job is None:
            continue
        queue.mark_sending(job.id, driver.config.name)
        slot = queue.track(job, driver.model)
        try:
            driver.start_print(printable_file(job.file, driver.config, task), task=task)
        except PotStudioError as exc:
            driver.model.changed.disconnect(slot)
            queue.finish(job.id, "failed", message=str(exc))
            log.warning("job %s on %s failed to start: %s", job.id, driver.config.name, exc)
            continue
        started.append(job)
    return started
