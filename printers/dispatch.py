"""Send queued jobs to free printers. A job holding a model (.stl, .obj, .3mf) is sliced for the printer that
takes it, so "first free printer that fits" works across Bambu and Klipper machines.

"Free" means idle, or finished/cancelled *and the user confirmed the plate is clear*: starting the next job on
top of the last part is how unattended queues wreck printers, so that confirmation is never assumed.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from pathlib import Path

import trimesh

from core.errors import PotStudioError
from core.paths import cache_dir
from core.tasks import NULL_TASK, Task
from printers.base import ConnectionState, PrinterConfig, PrinterDriver
from printers.errors import SlicingError
from printers.queue import Job, JobQueue
from printers.slicing import slice_for_printer
from printers.state import JobState

log = logging.getLogger(__name__)
_SLICED = (".gcode", ".gcode.3mf")
PLATE_STATES = (JobState.FINISHED, JobState.CANCELLED, JobState.FAILED)


def printable_file(path: Path, config: PrinterConfig, task: Task = NULL_TASK) -> Path:
    """`path` itself when already sliced, else the model sliced for this printer into the cache."""
    if path.name.lower().endswith(_SLICED):
        return path
    mesh = trimesh.load(path, force="mesh")
    if not isinstance(mesh, trimesh.Trimesh) or mesh.is_empty:
        raise SlicingError(f"{path.name} holds no mesh to slice.")
    out = cache_dir() / "sliced" / config.name.replace(" ", "_")
    return slice_for_printer(mesh, config, out, name=path.stem, task=task)


def is_free(driver: PrinterDriver, plate_cleared: bool) -> bool:
    if driver.model.connection != ConnectionState.ONLINE or driver.config.kind == "potscale":
        return False
    state = driver.model.state.state
    return state == JobState.IDLE or (state in PLATE_STATES and plate_cleared)


def dispatch_once(queue: JobQueue, drivers: Iterable[PrinterDriver], cleared: Collection[str] = (),
                  task: Task = NULL_TASK) -> list[Job]:
    """Start at most one job on each free printer (`cleared`: names whose plate the user confirmed clear);
    failures are recorded on the job, not raised."""
    started: list[Job] = []
    # A printer that was just sent a job may still report idle for a moment: the queue knows better.
    busy = {job.printer for job in queue.pending() if job.status != "queued"}
    for driver in drivers:
        if driver.config.name in busy or not is_free(driver, driver.config.name in cleared):
            continue
        job = queue.next_for(driver.config)
        if job is None:
            continue
        job = queue.mark_sending(job.id, driver.config.name)
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
