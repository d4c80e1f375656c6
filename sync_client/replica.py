"""Each shared project as this client holds it: the hub's head (revision and document) and, on top,
the user's own ops not yet in the head — the rebased view the user sees (core.document.ops.replay).

The view is asked for after every local edit (a slider drag asks per step), so it is kept in memory
and extended rather than rebuilt: a new op is applied to the last view; an op whose arguments grew
(a drag's steps folded into one op) is applied to the view before it. The outbox stays the record
that survives restarts; this is only its cache.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

from core.document.ops import replay
from sync_client.outbox import Outbox, PendingOp

Key = tuple[str, str]  # (op id, kind + arguments as JSON): an op as the view depends on it


@dataclass
class _View:
    rev: int
    keys: list[Key]
    document: dict[str, Any]
    before_last: dict[str, Any]  # the view without its last op


def _key(op: PendingOp) -> Key:
    return op.op_id, op.kind + json.dumps(op.args, sort_keys=True)


class Replicas:
    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox
        self._lock = threading.RLock()
        self._heads: dict[int, tuple[int, dict[str, Any]] | None] = {}
        self._views: dict[int, _View] = {}

    def head(self, project_id: int) -> tuple[int, dict[str, Any]] | None:
        with self._lock:
            if project_id not in self._heads:
                self._heads[project_id] = self.outbox.head(project_id)
            return self._heads[project_id]

    def set_head(self, project_id: int, rev: int, document: dict[str, Any]) -> None:
        with self._lock:
            self.outbox.set_head(project_id, rev, document)
            self._heads[project_id] = (rev, document)
            self._views.pop(project_id, None)

    def forget(self, project_id: int) -> None:
        with self._lock:
            self.outbox.forget_project(project_id)
            self._heads.pop(project_id, None)
            self._views.pop(project_id, None)

    def view(self, project_id: int) -> dict[str, Any] | None:
        """The head with the user's in-flight ops replayed on it; None without a head."""
        with self._lock:
            head = self.head(project_id)
            if head is None:
                return None
            ops = self.outbox.in_flight(project_id)
            keys = [_key(op) for op in ops]
            cached = self._views.get(project_id)
            if cached is not None and cached.rev == head[0] and keys[:len(cached.keys)] == cached.keys:
                base, start = cached.document, len(cached.keys)
                before_last = cached.before_last if start == len(keys) else None
            elif cached is not None and cached.rev == head[0] and cached.keys \
                    and keys[:len(cached.keys) - 1] == cached.keys[:-1] and len(keys) >= len(cached.keys):
                base, start, before_last = cached.before_last, len(cached.keys) - 1, None
            else:
                base, start, before_last = head[1], 0, None
            rest = [(op.kind, op.args) for op in ops[start:]]
            if before_last is None:
                before_last = replay(base, rest[:-1]).document if len(rest) > 1 else base
                document = replay(before_last, rest[-1:]).document if rest else base
            else:
                document = base
            self._views[project_id] = _View(head[0], keys, document, before_last)
            return document
