"""SyncBridge: the SyncEngine's signals, re-emitted on the GUI thread, and the engine's network
work (sync, resolve, live follow) moved onto worker threads.

Live streams run as jobs of the bridge's own small Workers pool, not the window's shared one: a
stream holds its thread for as long as the project is open, and the shared pool has two threads
that thumbnails and searches need. Unfollowing cancels the job's Task, which SyncEngine.follow
notices within one hub heartbeat, and close() waits for every stream to end.

core.events.Signal fires on whatever thread called the engine; touching widgets from there would
crash Qt, so every engine signal is forwarded through a Qt signal of this QObject (queued across
threads), like pyvistaqt's render_signal and desktop/bridge.py for the printers.
"""

from __future__ import annotations

import logging
import time
from typing import Literal

from PySide6.QtCore import QObject, QTimer, Signal

from core.tasks import Task
from desktop.workers import Job, Workers
from sync_client.errors import HubError
from sync_client.models import Presence, RemoteOp
from sync_client.outbox import ConflictRecord
from sync_client.sync import Removal, SyncEngine, SyncStatus

log = logging.getLogger(__name__)
RECONNECT_S = 3.0
MAX_LIVE = 4  # projects followed at once; more wait for a free thread


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    remote_ops = Signal(int, object)  # project id, list[RemoteOp]
    conflict_added = Signal(object)  # ConflictRecord
    document_changed = Signal(int)  # project id: the engine's copy of it changed (SharedDocument follows)
    presence_changed = Signal(int, object)  # project id, sync_client.models.Presence (who watches, edits what)
    comments_changed = Signal(int)  # project id: a collaborator wrote, resolved or reopened a comment
    removed = Signal(object)  # sync_client.sync.Removal: the user was removed from a project
    failed = Signal(object)  # an exception from a sync the user started

    def __init__(self, engine: SyncEngine, workers: Workers, interval_ms: int = 10_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.projects: set[int] = set()
        self._following: dict[int, Job] = {}
        self.live = Workers(lambda _label, exc: self.failed.emit(exc), threads=MAX_LIVE, parent=self)
        self._syncing = False
        engine.status_changed.connect(self._status)
        engine.remote_ops.connect(self._ops)
        engine.conflict_added.connect(self._conflict)
        engine.document_changed.connect(self._document)
        engine.presence_changed.connect(self._presence)
        engine.comments_changed.connect(self._comments)
        engine.removed.connect(self._removed)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.sync_now)

    # called on the engine's thread; Qt queues each emit to the GUI thread
    def _status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _ops(self, project_id: int, ops: list[RemoteOp]) -> None:
        self.remote_ops.emit(project_id, ops)

    def _conflict(self, record: ConflictRecord) -> None:
        self.conflict_added.emit(record)

    def _document(self, project_id: int) -> None:
        self.document_changed.emit(project_id)

    def _presence(self, project_id: int, presence: Presence) -> None:
        self.presence_changed.emit(project_id, presence)

    def _comments(self, project_id: int) -> None:
        self.comments_changed.emit(project_id)

    def _removed(self, removal: Removal) -> None:
        self.removed.emit(removal)

    def status(self) -> SyncStatus:
        return self.engine.status()

    def start(self) -> None:
        """Sync now and then every interval: pushes queued edits as soon as the hub is back."""
        self.timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.timer.stop()
        for job in self._following.values():
            job.cancel()
        self._following.clear()

    def close(self) -> None:
        """Stop syncing, end the live streams and let go of the engine (the owner calls this before
        deleting the bridge)."""
        self.stop()
        if not self.live.shutdown():
            log.warning("a live update stream did not end in time")
        self.engine.status_changed.disconnect(self._status)
        self.engine.remote_ops.disconnect(self._ops)
        self.engine.conflict_added.disconnect(self._conflict)
        self.engine.document_changed.disconnect(self._document)
        self.engine.presence_changed.disconnect(self._presence)
        self.engine.comments_changed.disconnect(self._comments)
        self.engine.removed.disconnect(self._removed)

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
        self._following[project_id] = self.live.submit(
            f"live updates {project_id}", lambda task: self._follow_loop(project_id, task), lambda _r: None,
            show=False)

    def unfollow(self, project_id: int) -> None:
        job = self._following.pop(project_id, None)
        if job is not None:
            job.cancel()

    def _follow_loop(self, project_id: int, task: Task) -> None:
        while not task.cancelled:
            try:
                self.engine.follow(project_id, task)
            except HubError as exc:  # offline or dropped: the indicator says so, we retry quietly
                log.info("live updates for project %s paused: %s", project_id, exc)
            resume = time.monotonic() + RECONNECT_S
            while not task.cancelled and time.monotonic() < resume:
                time.sleep(0.1)
