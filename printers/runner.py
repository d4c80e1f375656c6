"""Keeps the queue moving: whenever a printer becomes free (or a job is added, or the user confirms a plate is
clear) it dispatches on its own worker thread, never on a network thread, because starting a print slices
and uploads for seconds to minutes."""

from __future__ import annotations

import logging
import threading

from core.events import Signal
from core.tasks import Task
from printers.base import PrinterDriver
from printers.dispatch import dispatch_once
from printers.errors import PrinterError
from printers.fleet import Fleet
from printers.queue import Job, JobQueue
from printers.state import JobState, PrinterState

log = logging.getLogger(__name__)
ACTIVE_STATES = (JobState.PREPARING, JobState.PRINTING, JobState.PAUSED)


class QueueRunner:
    def __init__(self, queue: JobQueue, fleet: Fleet) -> None:
        self.queue = queue
        self.fleet = fleet
        self.started: Signal[[Job]] = Signal()
        self.task = Task()
        self._cleared: set[str] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watched: set[str] = set()

    def start(self) -> QueueRunner:
        for driver in list(self.fleet.drivers.values()):
            self._watch(driver)
        self.fleet.driver_added.connect(self._watch)
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()
        self.poke()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.task.cancel()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)

    def poke(self) -> None:
        """Something changed (job added, printer state); look for work."""
        self._wake.set()

    def plate_cleared(self, printer: str) -> None:
        """The user removed the last part: this printer may take the next job."""
        state = self.fleet.get(printer).model.state.state
        if state in ACTIVE_STATES:
            raise PrinterError(f"{printer} is still {state}; confirm the plate is clear once the print has ended.")
        with self._lock:
            self._cleared.add(printer)
        self.poke()

    def _watch(self, driver: PrinterDriver) -> None:
        name = driver.config.name
        if name in self._watched:
            return
        self._watched.add(name)

        def on_change(state: PrinterState) -> None:
            if state.state in ACTIVE_STATES:  # printing again (maybe started elsewhere): the plate is taken
                with self._lock:
                    self._cleared.discard(name)
            self.poke()

        driver.model.changed.connect(on_change)
        driver.model.connection_changed.connect(lambda _c, _d: self.poke())

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                return
            with self._lock:
                cleared = set(self._cleared)
            try:
                jobs = dispatch_once(self.queue, list(self.fleet.drivers.values()), cleared, self.task)
            except Exception:  # keep the queue alive; the failure is logged with its traceback
                log.exception("print queue dispatch failed")
                continue
            with self._lock:
                self._cleared -= {job.printer for job in jobs if job.printer}
            for job in jobs:
                self.started.emit(job)
