"""Project sync: push the outbox in order, pull the change feed, keep conflicts — an evented,
Qt-free model the desktop binds to (sync indicator, pending counts, conflict view).

Rules:
- ops go out one at a time per project, oldest first, each with its client op id as
  Idempotency-Key, so resending after a lost answer cannot apply an op twice;
- the hub rebases ops on disjoint nodes/parameters itself; an op it still cannot apply (409) is
  not dropped: the op moves to `conflict`, the local document at that moment ("mine") is kept
  beside the hub's head ("theirs") in a conflict record, and also saved on the hub as a named
  version, so both are there to compare and choose from;
- an op refused for good (422, 403, ...) moves to `failed`, visible and retryable;
- being offline or signed out stops the push and leaves everything queued.
Signals fire on the calling thread (see core.events); the desktop re-emits them on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from core.events import Signal
from core.tasks import Task
from sync_client.api.projects import Projects
from sync_client.errors import Conflict, HubError, HubUnavailable, NotSignedIn
from sync_client.models import RemoteOp
from sync_client.outbox import ConflictRecord, Outbox, PendingOp

log = logging.getLogger(__name__)
State = Literal["synced", "pending", "syncing", "offline", "signed_out", "conflict"]


@dataclass(frozen=True)
class SyncStatus:
    state: State
    pending: int = 0
    failed: int = 0
    conflicts: int = 0
    message: str = ""


class SyncEngine:
    def __init__(self, projects: Projects, outbox: Outbox) -> None:
        self.projects = projects
        self.outbox = outbox
        self.status_changed: Signal[[SyncStatus]] = Signal()
        self.remote_ops: Signal[[int, list[RemoteOp]]] = Signal()
        self.conflict_added: Signal[[ConflictRecord]] = Signal()
        self.presence_changed: Signal[[int, list[str]]] = Signal()
        self._lock = threading.Lock()
        self._last: State | None = None
        self._message = ""

    # --- local side ----------------------------------------------------------------------------
    def record(self, project_id: int, kind: str, args: dict[str, Any],
               local_document: dict[str, Any] | None = None) -> PendingOp:
        """Queue a local edit (works offline); `local_document` is the document after the edit."""
        op = self.outbox.add(project_id, kind, args)
        if local_document is not None:
            self.outbox.set_local_document(project_id, local_document)
        self._emit()
        return op

    def status(self) -> SyncStatus:
        counts = self.outbox.counts()
        if self._last in ("offline", "signed_out"):
            state: State = self._last
        elif counts["conflicts"]:
            state = "conflict"
        elif counts["pending"]:
            state = "syncing" if self._last == "syncing" else "pending"
        else:
            state = "synced"
        return SyncStatus(state, counts["pending"], counts["failed"], counts["conflicts"], self._message)

    def _emit(self, state: State | None = None, message: str = "") -> None:
        self._last = state
        self._message = message
        self.status_changed.emit(self.status())

    # --- talking to the hub -------------------------------------------------------------------------
    def sync(self, project_ids: list[int] | None = None) -> SyncStatus:
        """Push every queued op, then pull the feed of those projects. Safe to call any time."""
        with self._lock:
            targets = sorted(set(self.outbox.projects_with_pending()) | set(project_ids or []))
            try:
                self._emit("syncing")
                for project_id in targets:
                    self._push(project_id)
                    self._pull(project_id)
            except HubUnavailable as exc:
                self._emit("offline", str(exc))
            except NotSignedIn as exc:
                self._emit("signed_out", str(exc))
            else:
                self._emit()
            return self.status()

    def _push(self, project_id: int) -> None:
        conflict_id: int | None = None
        for op in self.outbox.ops(project_id):
            try:
                self.projects.send_op(project_id, op.op_id, op.base_rev, op.kind, op.args)
            except Conflict as exc:
                conflict_id = self._keep_conflict(project_id, op, exc, conflict_id)
                continue
            except (HubUnavailable, NotSignedIn):
                raise
            except HubError as exc:
                log.warning("op %s refused by the hub: %s", op.op_id, exc)
                self.outbox.mark(op.op_id, "failed", str(exc))
                continue
            self.outbox.sent(op.op_id)

    def _keep_conflict(self, project_id: int, op: PendingOp, exc: Conflict, conflict_id: int | None) -> int:
        self.outbox.mark(op.op_id, "conflict", str(exc))
        if conflict_id is not None:
            self.outbox.add_to_conflict(conflict_id, op.op_id)
            return conflict_id
        head = exc.head or {}
        theirs = head.get("document")
        rev = head.get("rev")
        if not isinstance(theirs, dict) or not isinstance(rev, int):
            theirs_head = self.projects.head(project_id)
            theirs, rev = theirs_head.document, theirs_head.rev
        mine = self.outbox.local_document(project_id)
        conflict_id = self.outbox.add_conflict(project_id, mine, theirs, rev, [op.op_id], str(exc))
        if mine is not None:
            name = f"conflict copy {time.strftime('%Y-%m-%d %H:%M:%S')} #{conflict_id}"
            try:
                self.projects.create_version(project_id, name, mine)
                self.outbox.set_kept_as(conflict_id, name)
            except HubError as err:  # still kept locally in the conflict record
                log.warning("could not keep the conflict copy on the hub: %s", err)
        self.conflict_added.emit(self.outbox.conflict(conflict_id))
        return conflict_id

    def _pull(self, project_id: int) -> list[RemoteOp]:
        since = self.outbox.checkpoint(project_id)
        received: list[RemoteOp] = []
        while True:
            feed = self.projects.feed(project_id, since)
            received.extend(feed.ops)
            if not feed.ops or feed.ops[-1].rev >= feed.head_rev:
                self.outbox.set_checkpoint(project_id, feed.head_rev)
                break
            since = feed.ops[-1].rev
        if received:
            self.remote_ops.emit(project_id, received)
        return received

    def resolve(self, conflict_id: int, keep: Literal["mine", "theirs"]) -> SyncStatus:
        """The user chose: 'theirs' keeps the hub's head (mine stays as a named version);
        'mine' puts the local document back as a new revision on top of theirs."""
        record = self.outbox.conflict(conflict_id)
        if keep == "mine":
            if record.mine is None:
                raise HubError("This conflict has no local copy to keep; choose the hub's version.")
            self.outbox.add(record.project_id, "replace", {"document": record.mine},
                            base_rev=max(record.theirs_rev, self.outbox.checkpoint(record.project_id)))
        for op_id in record.op_ids:
            self.outbox.mark(op_id, "resolved", f"conflict {conflict_id}: kept {keep}")
        self.outbox.resolve_conflict(conflict_id, keep)
        return self.sync([record.project_id])

    def retry_failed(self, op_id: str) -> None:
        self.outbox.mark(op_id, "pending")
        self._emit()

    def follow(self, project_id: int, task: Task) -> None:
        """Hear live updates until `task` is cancelled (noticed within one hub heartbeat, even when
        nothing changes) or the connection drops (HubUnavailable). Run it in a worker thread."""
        stream = self.projects.events(project_id, self.outbox.checkpoint(project_id),
                                      on_presence=lambda users: self.presence_changed.emit(project_id, users),
                                      task=task)
        try:
            for op in stream:
                self.outbox.set_checkpoint(project_id, op.rev)
                self.remote_ops.emit(project_id, [op])
        finally:
            stream.close()
