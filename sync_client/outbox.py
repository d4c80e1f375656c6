"""The offline outbox: a small SQLite file that outlives crashes and restarts.

It holds every local op (client op id, base revision, payload) until it comes back in the hub's
change feed, the hub's head per project (its revision and document: the base the client rebases its
pending ops on), the last local document per project, conflict records, and resumable-upload URLs.
An op's states: `pending` (not yet accepted), `sent` (accepted, not yet seen in the feed: still part
of what the user sees), `conflict`, `failed`, `resolved`. Nothing is ever deleted by a failure: an op
the hub refuses for good moves to `failed`, a clashing one to `conflict`, both still visible.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS ops (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, project_id INTEGER NOT NULL, op_id TEXT NOT NULL UNIQUE,
    base_rev INTEGER NOT NULL, kind TEXT NOT NULL, args TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending', error TEXT NOT NULL DEFAULT '', created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS ops_project ON ops(project_id, state, seq);
CREATE TABLE IF NOT EXISTS checkpoints (project_id INTEGER PRIMARY KEY, rev INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS local_docs (project_id INTEGER PRIMARY KEY, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS heads (project_id INTEGER PRIMARY KEY, rev INTEGER NOT NULL, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, project_id INTEGER NOT NULL, mine TEXT, theirs TEXT NOT NULL,
    theirs_rev INTEGER NOT NULL, op_ids TEXT NOT NULL, message TEXT NOT NULL, kept_as TEXT,
    resolution TEXT, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (sha256 TEXT PRIMARY KEY, url TEXT NOT NULL, created REAL NOT NULL);
"""


@dataclass(frozen=True)
class PendingOp:
    seq: int
    project_id: int
    op_id: str
    base_rev: int
    kind: str
    args: dict[str, Any]
    state: str
    error: str


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    project_id: int
    mine: dict[str, Any] | None
    theirs: dict[str, Any]
    theirs_rev: int
    op_ids: list[str]
    message: str
    kept_as: str | None
    resolution: str | None


class Outbox:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._lock = threading.RLock()

    def close(self) -> None:
        self._db.close()

    # --- ops ---------------------------------------------------------------------------------------
    def add(self, project_id: int, kind: str, args: dict[str, Any], base_rev: int | None = None,
            op_id: str | None = None) -> PendingOp:
        """Queue an op made against `base_rev` (default: the last revision this client saw)."""
        with self._lock:
            base = self.checkpoint(project_id) if base_rev is None else base_rev
            oid = op_id or uuid.uuid4().hex
            cur = self._db.execute(
                "INSERT INTO ops(project_id, op_id, base_rev, kind, args, created) VALUES (?,?,?,?,?,?)",
                (project_id, oid, base, kind, json.dumps(args), time.time()))
            return PendingOp(int(cur.lastrowid or 0), project_id, oid, base, kind, args, "pending", "")

    def ops(self, project_id: int | None = None, state: str = "pending") -> list[PendingOp]:
        sql = "SELECT seq, project_id, op_id, base_rev, kind, args, state, error FROM ops WHERE state = ?"
        params: tuple[Any, ...] = (state,)
        if project_id is not None:
            sql += " AND project_id = ?"
            params += (project_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY seq", params).fetchall()
        return [PendingOp(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]

    def projects_with_pending(self) -> list[int]:
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT project_id FROM ops WHERE state='pending' ORDER BY 1")
            return [r[0] for r in rows.fetchall()]

    def op(self, op_id: str) -> PendingOp | None:
        with self._lock:
            r = self._db.execute("SELECT seq, project_id, op_id, base_rev, kind, args, state, error FROM ops "
                                 "WHERE op_id = ?", (op_id,)).fetchone()
        return PendingOp(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) if r else None

    def fold(self, op_id: str, args: dict[str, Any]) -> None:
        """Give a queued op, never sent, the arguments of a later op it absorbs (a drag's next step)."""
        with self._lock:
            self._db.execute("UPDATE ops SET args = ? WHERE op_id = ? AND state = 'pending'", (json.dumps(args), op_id))

    def in_flight(self, project_id: int) -> list[PendingOp]:
        """The ops the user sees on top of the hub's head: accepted but not yet in the feed, then pending."""
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, project_id, op_id, base_rev, kind, args, state, error FROM ops "
                "WHERE project_id = ? AND state IN ('sent', 'pending') ORDER BY seq", (project_id,)).fetchall()
        return [PendingOp(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]

    def sent(self, op_id: str) -> None:
        """The hub accepted the op; it stays in view until the feed brings it (see `arrived`)."""
        self.mark(op_id, "sent")

    def arrived(self, op_ids: list[str]) -> None:
        """These ops are in the hub's head now: they leave the queue, whatever state they were in."""
        with self._lock:
            self._db.executemany("DELETE FROM ops WHERE op_id = ? AND state IN ('sent', 'pending')",
                                 [(i,) for i in op_ids])

    def mark(self, op_id: str, state: str, error: str = "") -> None:
        with self._lock:
            self._db.execute("UPDATE ops SET state = ?, error = ? WHERE op_id = ?", (state, error, op_id))

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM ops GROUP BY state").fetchall()
            conflicts = self._db.execute("SELECT COUNT(*) FROM conflicts WHERE resolution IS NULL").fetchone()[0]
        counts = {"pending": 0, "failed": 0, "conflict": 0} | {r[0]: r[1] for r in rows}
        counts["conflicts"] = int(conflicts)
        return counts

    # --- checkpoints and local documents ---------------------------------------------------------------
    def checkpoint(self, project_id: int) -> int:
        with self._lock:
            row = self._db.execute("SELECT rev FROM checkpoints WHERE project_id = ?", (project_id,)).fetchone()
        return int(row[0]) if row else 0

    def set_checkpoint(self, project_id: int, rev: int) -> None:
        with self._lock:
            self._db.execute("INSERT INTO checkpoints(project_id, rev) VALUES (?, ?) ON CONFLICT(project_id) "
                             "DO UPDATE SET rev = max(rev, excluded.rev)", (project_id, rev))

    def head(self, project_id: int) -> tuple[int, dict[str, Any]] | None:
        with self._lock:
            row = self._db.execute("SELECT rev, document FROM heads WHERE project_id = ?", (project_id,)).fetchone()
        return (int(row[0]), json.loads(row[1])) if row else None

    def set_head(self, project_id: int, rev: int, document: dict[str, Any]) -> None:
        """The hub's head as this client now knows it (and the feed's checkpoint with it)."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO heads(project_id, rev, document) VALUES (?, ?, ?)",
                             (project_id, rev, json.dumps(document)))
            self._db.execute("INSERT OR REPLACE INTO checkpoints(project_id, rev) VALUES (?, ?)", (project_id, rev))

    def forget_project(self, project_id: int) -> None:
        """Drop the head and queued ops of a project this user no longer has; its local document stays."""
        with self._lock:
            for table in ("heads", "checkpoints"):
                self._db.execute(f"DELETE FROM {table} WHERE project_id = ?", (project_id,))
            self._db.execute("UPDATE ops SET state = 'resolved', error = 'removed from the project' "
                             "WHERE project_id = ? AND state IN ('pending', 'sent')", (project_id,))

    def set_local_document(self, project_id: int, document: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("INSERT INTO local_docs(project_id, document) VALUES (?, ?) ON CONFLICT(project_id) "
                             "DO UPDATE SET document = excluded.document", (project_id, json.dumps(document)))

    def local_document(self, project_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT document FROM local_docs WHERE project_id = ?", (project_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # --- conflicts ----------------------------------------------------------------------------------
    def add_conflict(self, project_id: int, mine: dict[str, Any] | None, theirs: dict[str, Any], theirs_rev: int,
                     op_ids: list[str], message: str) -> int:
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO conflicts(project_id, mine, theirs, theirs_rev, op_ids, message, created) "
                "VALUES (?,?,?,?,?,?,?)",
                (project_id, json.dumps(mine) if mine is not None else None, json.dumps(theirs), theirs_rev,
                 json.dumps(op_ids), message, time.time()))
            return int(cur.lastrowid or 0)

    def add_to_conflict(self, conflict_id: int, op_id: str) -> None:
        with self._lock:
            record = self.conflict(conflict_id)
            ids = [*record.op_ids, op_id]
            self._db.execute("UPDATE conflicts SET op_ids = ? WHERE id = ?", (json.dumps(ids), conflict_id))

    def set_kept_as(self, conflict_id: int, version_name: str) -> None:
        with self._lock:
            self._db.execute("UPDATE conflicts SET kept_as = ? WHERE id = ?", (version_name, conflict_id))

    def resolve_conflict(self, conflict_id: int, resolution: str) -> None:
        with self._lock:
            self._db.execute("UPDATE conflicts SET resolution = ? WHERE id = ?", (resolution, conflict_id))

    def conflict(self, conflict_id: int) -> ConflictRecord:
        found = [c for c in self.conflicts(include_resolved=True) if c.id == conflict_id]
        if not found:
            raise KeyError(conflict_id)
        return found[0]

    def conflicts(self, project_id: int | None = None, include_resolved: bool = False) -> list[ConflictRecord]:
        sql = ("SELECT id, project_id, mine, theirs, theirs_rev, op_ids, message, kept_as, resolution "
               "FROM conflicts WHERE 1=1")
        params: tuple[Any, ...] = ()
        if not include_resolved:
            sql += " AND resolution IS NULL"
        if project_id is not None:
            sql += " AND project_id = ?"
            params = (project_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return [ConflictRecord(r[0], r[1], json.loads(r[2]) if r[2] else None, json.loads(r[3]), r[4],
                               json.loads(r[5]), r[6], r[7], r[8]) for r in rows]

    # --- resumable uploads ----------------------------------------------------------------------------
    def upload_url(self, sha256: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT url FROM uploads WHERE sha256 = ?", (sha256,)).fetchone()
        return str(row[0]) if row else None

    def set_upload_url(self, sha256: str, url: str | None) -> None:
        with self._lock:
            if url is None:
                self._db.execute("DELETE FROM uploads WHERE sha256 = ?", (sha256,))
            else:
                self._db.execute("INSERT OR REPLACE INTO uploads(sha256, url, created) VALUES (?,?,?)",
                                 (sha256, url, time.time()))
