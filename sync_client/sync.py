"""Project sync: push the outbox in order, pull the change feed, keep conflicts — an evented,
Qt-free model the desktop binds to (sync indicator, pending counts, conflict view, open document).

What the user sees is `document(project)`: the hub's head as this client last heard it, with the
user's own unconfirmed ops replayed on top by core.document.ops — the function the hub applies ops
with. Collaborators' ops are applied to the head, never to the local copy, and the pending ops are
replayed over the new head (rebased), so once the queue drains the copy equals the hub's head.

Rules:
- ops go out one at a time per project, oldest first, each with its client op id as
  Idempotency-Key, so resending after a lost answer cannot apply an op twice; an accepted op stays
  in view (`sent`) until the feed brings it into the head;
- the hub rebases ops on disjoint nodes/parameters itself; an op it cannot apply because of newer
  edits (409, or 422 for an op that was valid on the user's copy, e.g. a value out of a range a
  collaborator just narrowed) is not dropped: it moves to `conflict`, the local document at that
  moment ("mine") is kept beside the hub's head ("theirs") and saved on the hub as a version with
  a unique name, so both are there to compare and choose from;
- an op wrong in itself (refused on the user's own copy too), or too large, moves to `failed`;
- a project the user was removed from stops syncing, its local copy is kept (`removed`) and the
  other projects go on;
- being offline or signed out stops the push and leaves everything queued.
Signals fire on the calling thread (see core.events); the desktop re-emits them on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from core.document.ops import OpRejected, apply, diff
from core.events import Signal
from core.tasks import Task
from sync_client.api.projects import Projects
from sync_client.errors import Conflict, HubError, HubUnavailable, NotFound, NotSignedIn, PermissionDenied
from sync_client.models import Presence, RemoteOp
from sync_client.outbox import ConflictRecord, Outbox, PendingOp
from sync_client.replica import Replicas

log = logging.getLogger(__name__)
State = Literal["synced", "pending", "syncing", "offline", "signed_out", "conflict"]


@dataclass(frozen=True)
class SyncStatus:
    state: State
    pending: int = 0
    failed: int = 0
    conflicts: int = 0
    message: str = ""


@dataclass(frozen=True)
class Removal:
    """The user was removed from a shared project: their copy (with unsent edits) is kept to save."""

    project_id: int
    project_name: str
    removed_by: str
    message: str
    document: dict[str, Any] | None


def conflict_copy_name(label: str = "Conflict copy") -> str:
    """Readable and unique across every client: two designers' first conflicts in the same second
    used to get the same name, and the hub refused the second copy (versions never change)."""
    return f"{label} {time.strftime('%Y-%m-%d %H:%M')} · {uuid.uuid4()}"


class SyncEngine:
    def __init__(self, projects: Projects, outbox: Outbox) -> None:
        self.projects = projects
        self.outbox = outbox
        self.replicas = Replicas(outbox)
        self.status_changed: Signal[[SyncStatus]] = Signal()
        self.remote_ops: Signal[[int, list[RemoteOp]]] = Signal()
        self.conflict_added: Signal[[ConflictRecord]] = Signal()
        self.presence_changed: Signal[[int, Presence]] = Signal()  # who watches, who edits which part
        self.comments_changed: Signal[[int]] = Signal()  # a comment of the project was written or (un)resolved
        self.document_changed: Signal[[int]] = Signal()  # what `document(project)` returns may have changed
        self.removed: Signal[[Removal]] = Signal()
        self._lock = threading.Lock()
        self._heads = threading.RLock()  # the head moves on the sync thread and on live-update threads
        self._last: State | None = None
        self._message = ""
        self._gone: set[int] = set()  # projects this user lost (removed, deleted): told once, not retried
        self._notes: list[str] = []
        self._unsent: set[str] = set()  # ops recorded here and never attempted: a next step may fold into them

    # --- the user's copy --------------------------------------------------------------------------
    def document(self, project_id: int) -> dict[str, Any] | None:
        """What the user sees: the hub's head plus their own unconfirmed ops, rebased on it."""
        with self._heads:
            view = self.replicas.view(project_id)
            return view if view is not None else self.outbox.local_document(project_id)

    def open(self, project_id: int) -> dict[str, Any]:
        """The user's copy, reading the hub's head first if this client never had it (needs the hub)."""
        with self._heads:
            if self.replicas.head(project_id) is None:
                head = self.projects.head(project_id)
                self.replicas.set_head(project_id, head.rev, head.document)
            self._gone.discard(project_id)  # shared again
            document = self.document(project_id)
        assert document is not None
        return document

    def record(self, project_id: int, kind: str, args: dict[str, Any],
               local_document: dict[str, Any] | None = None) -> PendingOp:
        """Queue a local edit (works offline); `local_document` is the document after the edit, for
        a client that keeps no head. An op that does not apply to the user's own copy is queued
        with that reason: if the hub refuses it too, it was wrong in itself, not a clash."""
        with self._heads:
            error = self._wrong_in_itself(project_id, kind, args)
            op = self._fold(project_id, kind, args) if not error else None
            if op is None:
                op = self.outbox.add(project_id, kind, args)
                if error:
                    self.outbox.mark(op.op_id, "pending", error)
                else:
                    self._unsent.add(op.op_id)
        if local_document is not None:
            self.outbox.set_local_document(project_id, local_document)
        # offline, signed out and a sync on its way stay as they are: the edit only changes the count
        self._emit(self._last if self._last in ("offline", "signed_out", "syncing") else None, self._message)
        return op

    def _wrong_in_itself(self, project_id: int, kind: str, args: dict[str, Any]) -> str:
        """Why the op does not apply to the user's own copy ("" when it does, or when no head is known yet)."""
        with self._heads:
            mine = self.document(project_id) if self.replicas.head(project_id) is not None else None
            if mine is None:
                return ""
            try:
                apply(mine, kind, args)
            except OpRejected as exc:
                return str(exc)
            return ""

    def _fold(self, project_id: int, kind: str, args: dict[str, Any]) -> PendingOp | None:
        """Fold this edit into the last queued op when that op was never sent and sets the same value
        (a slider drag's steps, a part dragged): one op, not one per step, and replaying stays short."""
        queued = self.outbox.in_flight(project_id)
        last = queued[-1] if queued else None
        # an op queued with an error (wrong in itself) never enters _unsent, so nothing folds into it
        if last is None or last.op_id not in self._unsent or last.kind != kind:
            return None
        if kind == "set_param" and last.args.get("name") == args.get("name"):
            merged = dict(args)
        elif kind == "update_node" and last.args.get("node") == args.get("node") \
                and isinstance(last.args.get("props", {}), dict) and isinstance(args.get("props", {}), dict):
            merged = {**last.args, **args, "props": {**last.args.get("props", {}), **args.get("props", {})}}
        else:
            return None
        self.outbox.fold(last.op_id, merged)
        return self.outbox.op(last.op_id)

    def record_document(self, project_id: int, document: dict[str, Any]) -> list[PendingOp]:
        """Queue whatever turns the user's copy into `document` (an edit, an undo, an AI change) as ops."""
        with self._heads:
            current = self.document(project_id)
            changes = diff(current, document) if current is not None else [("replace", {"document": document})]
            return [self.record(project_id, kind, args) for kind, args in changes]

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
        """Push every queued op, then pull the feed of those projects. Safe to call any time; a project
        that fails for its own reason (removed, deleted) does not hold up the others."""
        with self._lock:
            targets = sorted((set(self.outbox.projects_with_pending()) | set(project_ids or [])) - self._gone)
            state: State | None = None
            notes = self._notes = []  # what the user should read about this sync (refusals, copies kept here)
            self._emit("syncing")
            try:
                for project_id in targets:
                    try:
                        notes += self._push(project_id)
                        self._pull(project_id)
                    except (PermissionDenied, NotFound) as exc:
                        notes.append(self._lost(project_id, exc) if gone(exc) else str(exc))
            except HubUnavailable as exc:
                state, notes = "offline", [str(exc)]
            except NotSignedIn as exc:
                state, notes = "signed_out", [str(exc)]
            finally:
                self._emit(state, " ".join(notes))  # never left at "syncing", whatever happened
            return self.status()

    def _push(self, project_id: int) -> list[str]:
        """Send the queued ops; returns why any was refused for good, for the status message."""
        notes: list[str] = []
        conflict_id: int | None = None
        for queued in self.outbox.ops(project_id):
            with self._heads:  # from here on nothing folds into it; read what it holds now
                self._unsent.discard(queued.op_id)
                op = self.outbox.op(queued.op_id)
            if op is None or op.state != "pending":
                continue
            try:
                accepted = self.projects.send_op(project_id, op.op_id, op.base_rev, op.kind, op.args)
            except Conflict as exc:
                conflict_id = self._keep_conflict(project_id, op, exc, conflict_id)
                continue
            except (HubUnavailable, NotSignedIn):
                raise
            except HubError as exc:
                if gone(exc):
                    raise
                if exc.status == 422 and exc.code == "op_rejected" and not op.error:
                    # valid on the user's copy, refused on the hub's: someone's newer edit made it wrong
                    conflict_id = self._keep_conflict(project_id, op, exc, conflict_id)
                    continue
                reason = too_large(exc) or op.error or str(exc)
                log.warning("op %s refused by the hub: %s", op.op_id, reason)
                self.outbox.mark(op.op_id, "failed", reason)
                self.document_changed.emit(project_id)  # the refused edit leaves what the user sees
                notes.append(reason)
                continue
            with self._heads:  # a resend of an op the head already holds (its answer was lost) is done
                head = self.replicas.head(project_id)
                if head is not None and accepted.rev <= head[0]:
                    self.outbox.arrived([op.op_id])
                else:
                    self.outbox.sent(op.op_id)
        self._keep_copies(project_id)
        return notes

    def _keep_conflict(self, project_id: int, op: PendingOp, exc: HubError, conflict_id: int | None) -> int:
        mine = self.document(project_id)  # with no head, the document the client said it edited
        self.outbox.mark(op.op_id, "conflict", str(exc))
        self.document_changed.emit(project_id)
        if conflict_id is not None:
            self.outbox.add_to_conflict(conflict_id, op.op_id)
            return conflict_id
        head = exc.head if isinstance(exc, Conflict) else None
        theirs = (head or {}).get("document")
        rev = (head or {}).get("rev")
        if not isinstance(theirs, dict) or not isinstance(rev, int):
            theirs_head = self.projects.head(project_id)
            theirs, rev = theirs_head.document, theirs_head.rev
        conflict_id = self.outbox.add_conflict(project_id, mine, theirs, rev, [op.op_id], str(exc))
        self._keep_copy(self.outbox.conflict(conflict_id))
        self.conflict_added.emit(self.outbox.conflict(conflict_id))
        return conflict_id

    def _keep_copy(self, record: ConflictRecord) -> None:
        """Save "mine" of a conflict on the hub as a named version; offline, the next sync retries."""
        if record.mine is None or record.kept_as is not None:
            return
        name = conflict_copy_name()
        try:
            self.projects.create_version(record.project_id, name, record.mine)
        except (HubUnavailable, NotSignedIn):
            raise
        except HubError as err:  # still kept in the local record; the user is told, not left guessing
            reason = too_large(err) or str(err)
            log.warning("could not keep the conflict copy on the hub: %s", reason)
            self._notes.append(f"Your conflicting copy is kept on this computer only: {reason}")
            return
        self.outbox.set_kept_as(record.id, name)

    def _keep_copies(self, project_id: int) -> None:
        for record in self.outbox.conflicts(project_id):
            self._keep_copy(record)

    def _pull(self, project_id: int) -> list[RemoteOp]:
        with self._heads:
            if self.replicas.head(project_id) is None:
                head = self.projects.head(project_id)
                self.replicas.set_head(project_id, head.rev, head.document)
                self.outbox.arrived([op.op_id for op in self.outbox.ops(project_id, "sent")])
                self.document_changed.emit(project_id)
        received = self._feed(project_id, self.outbox.checkpoint(project_id))
        self._receive(project_id, received)
        return received

    def _feed(self, project_id: int, since: int, until: int | None = None) -> list[RemoteOp]:
        received: list[RemoteOp] = []
        while True:
            feed = self.projects.feed(project_id, since)
            received.extend(op for op in feed.ops if until is None or op.rev <= until)
            last = until if until is not None else feed.head_rev
            if not feed.ops or feed.ops[-1].rev >= last:
                return received
            since = feed.ops[-1].rev

    def _receive(self, project_id: int, ops: Sequence[RemoteOp]) -> None:
        """Move the head forward by the hub's ops, with the hub's own `apply`; the user's pending ops
        are replayed on the new head by `document`. Ops missed in between (a live stream that
        resumed late) are read from the feed first, so every op of the log passes through here."""
        head = self.replicas.head(project_id)
        fresh = sorted((op for op in ops if head is None or op.rev > head[0]), key=lambda o: o.rev)
        if head is not None and fresh and fresh[0].rev != head[0] + 1:
            fresh = [*self._feed(project_id, head[0], fresh[0].rev - 1), *fresh]
        with self._heads:
            head = self.replicas.head(project_id)
            if head is None:
                return  # opened by nobody yet: `open` reads the head
            rev, document = head
            fresh = [op for op in fresh if op.rev > rev]
            if not fresh:
                return
            try:
                for op in fresh:
                    if op.rev != rev + 1:
                        raise OpRejected(f"revision {op.rev} does not follow {rev}")
                    document, rev = apply(document, op.kind, op.args), op.rev
            except OpRejected as exc:  # never expected: the hub applied them with the same function
                log.warning("project %s: the hub's ops do not replay here (%s); taking its head", project_id, exc)
                hub_head = self.projects.head(project_id)
                document, rev = hub_head.document, hub_head.rev
            self.replicas.set_head(project_id, rev, document)
            self.outbox.arrived([op.op_id for op in fresh])
        self.remote_ops.emit(project_id, fresh)
        self.document_changed.emit(project_id)

    def _lost(self, project_id: int, exc: HubError) -> str:
        """The project is gone for this user: keep their copy, stop syncing it, say who removed them
        (once: the live stream and the sync may both find out)."""
        with self._heads:
            if project_id in self._gone:
                return str(exc)
            self._gone.add(project_id)
        document = self.document(project_id)
        name = str(exc.detail.get("project_name") or "")
        by = str(exc.detail.get("removed_by") or "")
        if document is not None:
            self.outbox.set_local_document(project_id, document)
        self.replicas.forget(project_id)
        log.info("project %s is no longer shared with this user: %s", project_id, exc)
        self.removed.emit(Removal(project_id, name, by, str(exc), document))
        return str(exc)

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
        self.document_changed.emit(record.project_id)
        return self.sync([record.project_id])

    def retry_failed(self, op_id: str) -> None:
        """Queue a refused edit again, checked against the user's copy as `record` checks a new one: an edit
        wrong in itself keeps its reason, so when the hub refuses it again it fails again instead of being taken
        for a clash with someone's newer edit (which saved a "conflict copy" identical to the head)."""
        op = self.outbox.op(op_id)
        if op is None:  # not in this outbox (a stale row of a list): nothing to queue
            return
        self.outbox.mark(op_id, "pending", self._wrong_in_itself(op.project_id, op.kind, op.args))
        self._emit()

    def follow(self, project_id: int, task: Task) -> None:
        """Hear live updates until `task` is cancelled (noticed within one hub heartbeat, even when
        nothing changes) or the connection drops (HubUnavailable). Run it in a worker thread."""
        stream = self.projects.events(project_id, self.outbox.checkpoint(project_id),
                                      on_presence=lambda presence: self.presence_changed.emit(project_id, presence),
                                      on_comments=lambda: self.comments_changed.emit(project_id), task=task)
        if project_id in self._gone:
            return
        try:
            for op in stream:
                self._receive(project_id, [op])
        except HubError as exc:
            if not gone(exc):
                raise
            self._lost(project_id, exc)
        finally:
            stream.close()


def gone(exc: HubError) -> bool:
    """The project no longer exists for this user (deleted, or they were removed from it)."""
    return isinstance(exc, NotFound) or exc.code == "removed"


def too_large(exc: HubError) -> str:
    """The hub's 413 in words (the change or copy is bigger than it accepts), else ""."""
    if exc.status != 413:
        return ""
    return str(exc) if exc.code == "too_large" else f"This change is too large for the hub ({exc})."
