"""SyncBridge: the SyncEngine's signals, re-emitted on the GUI thread, and the engine's network
work (sync, resolve, live follow) moved onto worker threads.

core.events.Signal fires on whatever thread called the engine; touching widgets from there would
crash Qt, so every engine signal is forwarded through a Qt signal of this QObject (queued across
threads), like pyvistaqt's render_signal and desktop/bridge.py for the printers.
"""

from __future__ import annotations

import logging
import threading
from typing import Literal

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.workers import Workers
from sync_client.errors import HubError
from sync_client.models import RemoteOp
from sync_client.outbox import ConflictRecord
from sync_client.sync import SyncEngine, SyncStatus

log = logging.getLogger(__name__)
RECONNECT_S = 3.0


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    remote_ops = Signal(int, object)  # project id, list[RemoteOp]
    conflict_added = Signal(object)  # ConflictRecord
    failed = Signal(object)  # an exception from a sync the user started

    def __init__(self, engine: SyncEngine, workers: Workers, interval_ms: int = 10_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.projects: set[int] = set()
        self._following: dict[int, threading.Event] = {}
        self._syncing = False
        engine.status_changed.connect(self._status)
        engine.remote_ops.connect(self._ops)
        engine.conflict_added.connect(self._conflict)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.sync_now)

    # called on the engine's thread; Qt queues each emit to the GUI thread
    def _status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _ops(self, project_id: int, ops: list[RemoteOp]) -> None:
        self.remote_ops.emit(project_id, ops)

    def _conflict(self, record: ConflictRecord) -> None:
        self.conflict_added.emit(record)

    def status(self) -> SyncStatus:
        return self.engine.status()

    def start(self) -> None:
        """Sync now and then every interval: pushes queued edits as soon as the hub is back."""
        self.timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.timer.stop()
        for stop in self._following.values():
            stop.set()
        self._following.clear()

    def close(self) -> None:
        """Stop syncing and let go of the engine (the owner calls this before deleting the bridge)."""
        self.stop()
        self.engine.status_changed.disconnect(self._status)
        self.engine.remote_ops.disconnect(self._ops)
        self.engine.conflict_added.disconnect(self._conflict)

    def sync_now(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        projects = sorted(self.projects)
        self.workers.submit("sync", lambda _t: self.engine.sync(projects), self._synced, on_error=self._sync_failed,
                            show=False)

    def _synced(self, _status: SyncStatus) -> None:
        self._syncing = False

    def _sync_failed(self, exc: BaseException) -> None:
        self._syncing = False
        log.warning("sync failed: %s", exc)
        self.failed.emit(exc)

    def resolve(self, conflict: ConflictRecord, keep: Literal["mine", "theirs"]) -> None:
        self.workers.submit("resolve conflict", lambda _t: self.engine.resolve(conflict.id, keep),
                            lambda _s: None, on_error=self.failed.emit)

    def follow(self, project_id: int) -> None:
        """Live updates for a project while online; reconnects after a drop until unfollowed."""
        if project_id in self._following:
            return
        self.projects.add(project_id)
        stop = threading.Event()
        self._following[project_id] = stop
        # its own daemon thread, not the shared pool: a live stream blocks for as long as it is open, and
        # SyncEngine.follow only notices `stop` when an op arrives (keep-alives are not surfaced to it)
        threading.Thread(target=self._follow_loop, args=(project_id, stop), name=f"live-{project_id}",
                         daemon=True).start()

    def unfollow(self, project_id: int) -> None:
        stop = self._following.pop(project_id, None)
        if stop is not None:
            stop.set()

    def _follow_loop(self, project_id: int, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.engine.follow(project_id, stop)
            except HubError as exc:  # offline or dropped: the indicator says so, we retry quietly
                log.info("live updates for project %s paused: %s", project_id, exc)
            stop.wait(RECONNECT_S)
