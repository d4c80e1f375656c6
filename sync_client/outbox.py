"""The offline outbox: a small SQLite file that outlives crashes and restarts.

It holds every local op (client op id, base revision, payload) until the hub accepts it, the
change-feed checkpoint per project, the last local document per project (so a conflict can keep
"mine"), conflict records, and resumable-upload URLs. Nothing is ever deleted by a failure: an op
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

    def sent(self, op_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM ops WHERE op_id = ?", (op_id,))

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
