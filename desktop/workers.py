"""The one helper for background work (napari's `thread_worker` + error relay).

`Workers.submit(label, fn, on_done)` runs `fn(task)` on a QThreadPool thread with a core.tasks.Task;
progress, the result and any exception come back to the GUI thread through the Job's queued
signals. Core functions never see Qt: they only call `task.progress()` / `task.check()`.
Cancel is `job.task.cancel()`; a cancelled job reports through `cancelled`, not as an error.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from core.errors import CancelledError
from core.tasks import Task
from desktop.i18n import say

log = logging.getLogger(__name__)


class Job(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    errored = Signal(object)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, label: str, show: bool) -> None:
        super().__init__()
        self.label = label
        self.show = show
        self.running = True
        self.task = Task(on_progress=lambda f, m: self.progressed.emit(f, say(m)))
        self.ended.connect(self._mark_ended)

    def cancel(self) -> None:
        self.task.cancel()

    def _mark_ended(self) -> None:
        self.running = False


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self._work: tuple[Job, Callable[[Task], Any]] | None = (job, fn)
        self.setAutoDelete(True)

    def run(self) -> None:
        assert self._work is not None
        # Drop our references before reporting: PySide may keep this wrapper alive after the pool
        # deletes the C++ runnable, and it must not keep the job (and the window its slots reach).
        job, fn = self._work
        self._work = None
        try:
            result = fn(job.task)
        except CancelledError:
            job.cancelled.emit()
        except Exception as exc:  # relayed to the GUI thread, where it is shown and logged
            log.debug("job %s failed", job.label, exc_info=True)
            job.errored.emit(exc)
        else:
            job.succeeded.emit(result)
        job.ended.emit()


class Workers(QObject):
    """Owns the thread pool and the live jobs; `started` lets the status bar show each job."""

    started = Signal(object)

    def __init__(self, on_error: Callable[[str, BaseException], None], threads: int = 2,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._on_error = on_error
        self._jobs: set[Job] = set()
        self._closed = False

    def submit(
        self,
        label: str,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        show: bool = True,
    ) -> Job:
        job = Job(label, show)
        if self._closed:
            # The window is closing (a late queued result asked for more work): never start it, or
            # its callbacks would outlive the window.
            job.running = False
            job.deleteLater()
            return job
        job.succeeded.connect(on_done)
        job.errored.connect(on_error or (lambda exc: self._on_error(label, exc)))
        job.ended.connect(lambda: self._finish(job))
        self._jobs.add(job)
        self.started.emit(job)
        # Start on the next event-loop pass, so the caller can connect to the returned job first:
        # a cache-hit build finishes faster than the caller's next line.
        runnable = _Runnable(job, fn)
        QTimer.singleShot(0, self, lambda: self._pool.start(runnable))
        return job

    def _finish(self, job: Job) -> None:
        """Forget the job and delete it once its queued signals are delivered. Slots connected to a
        job often capture it (and the window); Qt holds those connections where Python's gc cannot
        see the cycle, so only deleting the QObject releases them."""
        self._jobs.discard(job)
        job.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel what runs and wait for the threads: no worker may outlive the window.

        Events keep flowing while we wait, because a worker may be blocked on a call it asked the
        GUI thread to run (Bridge.call_blocking); a plain waitForDone would deadlock with it.
        """
        self._closed = True
        self.cancel_all()
        deadline = time.monotonic() + timeout_ms / 1000
        while self._jobs or not self._pool.waitForDone(20):
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                return False
        QCoreApplication.processEvents()
        return True


class LatestOnly:
    """At most one job of a kind at a time: a request made while one runs replaces the single pending one,
    so a burst (a slider drag, a section plane slid through the model) ends on its last value and the GUI
    never waits. Each request names its own label and work; the results all go to `on_done`."""

    def __init__(self, workers: Workers, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None, show: bool = True,
                 on_idle: Callable[[], None] | None = None) -> None:
        self.workers = workers
        self._on_done, self._on_error, self._show, self._on_idle = on_done, on_error, show, on_idle
        self._running: Job | None = None
        self._pending: tuple[str, Callable[[Task], Any]] | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def request(self, label: str, fn: Callable[[Task], Any]) -> None:
        if self._running is not None:
            self._pending = (label, fn)
        else:
            self._start(label, fn)

    def drop_pending(self) -> None:
        self._pending = None

    def _start(self, label: str, fn: Callable[[Task], Any]) -> None:
        job = self.workers.submit(label, fn, self._on_done, self._on_error, show=self._show)
        job.ended.connect(self._next)
        self._running = job

    def _next(self) -> None:
        self._running = None
        if self._pending is not None:
            (label, fn), self._pending = self._pending, None
            self._start(label, fn)
        elif self._on_idle is not None:
            self._on_idle()
