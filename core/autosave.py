"""Autosave and crash recovery.

While a project is open, an `Autosaver` keeps a recovery journal of the unsaved document and
conversation in `data_dir()/recovery/<key>.json`, and a lock file `<key>.lock` naming its process.
Journal writes are atomic (core.atomic: write + fsync + rename), so a kill -9 at any moment leaves
the previous journal or the new one, never half of one.

On the next start, `find_recoverable()` lists journals whose owner process is gone (a crash, a
kill, a power cut) and the desktop offers them: `recover()` returns the state, `discard()` drops it.
A journal whose owner is alive belongs to another open window and is never offered.

Snapshots are taken on the thread that changes the document (the GUI thread, inside the change
event), so the writer thread never reads a document while it is being edited; the writer only
serialises and writes. Writes are debounced (a slider drag is one write, not sixty), with a maximum
wait so a long continuous edit is still saved periodically.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from core.assistant.base import Conversation
from core.atomic import atomic_write_text
from core.document.document import Document
from core.errors import PotStudioError, StoreError
from core.events import Signal
from core.paths import data_dir

log = logging.getLogger(__name__)
FORMAT = "potstudio.recovery"
SCHEMA_VERSION = 1
_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")

Snapshot = tuple[dict[str, Any], list[dict[str, Any]]]


class UnrecoveredChangesError(StoreError):
    """A project still has a recovery journal from a session that ended without saving."""


def recovery_dir() -> Path:
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Recoverable:
    """An unsaved session left behind by a process that is gone."""

    key: str
    project_id: str | None
    project_name: str
    saved_at: float
    pid: int
    path: Path


@dataclass
class RecoveredState:
    key: str
    project_id: str | None
    project_name: str
    saved_at: float
    document: Document
    conversation: Conversation


class Autosaver:
    """Journals one open project. `key` names the journal: the project id, or a fresh
    `untitled-…` key for a project that was never saved. To take over a recovered journal, use its
    key and `start(resume=True)`; its content stays until this session's first write replaces it."""

    def __init__(
        self,
        doc: Document,
        conversation: Conversation,
        project_name: str,
        project_id: str | None = None,
        *,
        key: str | None = None,
        debounce: float = 2.0,
        max_wait: float = 30.0,
        directory: Path | None = None,
    ) -> None:
        self.key = key or project_id or f"untitled-{uuid.uuid4().hex[:12]}"
        if not _KEY.fullmatch(self.key):
            raise StoreError(f"'{self.key}' cannot name a recovery journal (letters, digits, - and _ only).")
        self.doc = doc
        self.conversation = conversation
        self.project_name = project_name
        self.project_id = project_id
        self.debounce = debounce
        self.max_wait = max_wait
        self.directory = directory or recovery_dir()
        self.write_failed: Signal[[StoreError]] = Signal()
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self._pending: Snapshot | None = None
        self._first_change = self._last_change = 0.0
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def journal_path(self) -> Path:
        return self.directory / f"{self.key}.json"

    @property
    def lock_path(self) -> Path:
        return self.directory / f"{self.key}.lock"

    def start(self, resume: bool = False) -> Autosaver:
        """Take the lock and begin watching.

        Refuses when another live process has this project open, and when an earlier session left
        unsaved changes under this key: our first write would replace them, so they must be
        recovered (then start with resume=True) or discarded first.
        """
        owner = _read_owner(self.lock_path)
        if owner is not None and _alive(*owner):
            raise StoreError(
                f"'{self.project_name}' is already open in another 3D Pot Studio window (process {owner[0]})."
            )
        if self.journal_path.exists() and not resume:
            raise UnrecoveredChangesError(
                f"'{self.project_name}' has unsaved changes from an earlier session; recover or discard them first."
            )
        me = psutil.Process()
        try:
            atomic_write_text(self.lock_path, json.dumps({"pid": me.pid, "started": me.create_time()}))
        except OSError as exc:
            raise StoreError(f"Cannot start autosave in {self.directory}: {exc.strerror or exc}.") from None
        self.doc.changed.connect(self._on_change)
        self.conversation.message_added.connect(self._on_change)
        self._thread = threading.Thread(target=self._run, name=f"autosave-{self.key}", daemon=True)
        self._thread.start()
        return self

    def mark_changed(self) -> None:
        """Record the current state as unsaved and schedule a journal write."""
        snapshot = (self.doc.to_json(), self.conversation.to_json())
        with self._cond:
            now = time.monotonic()
            if self._pending is None:
                self._first_change = now
            self._pending = snapshot
            self._last_change = now
            self._cond.notify()

    def flush(self) -> None:
        """Write the pending state now (e.g. before a risky operation); no-op when nothing changed.

        Taking the snapshot and writing it happen under one lock, so writes land in the order the
        states were made: an older snapshot never overwrites a newer journal.
        """
        with self._write_lock:
            with self._cond:
                snapshot, self._pending = self._pending, None
            if snapshot is not None:
                self._write(snapshot)

    def mark_saved(self) -> None:
        """The project was saved to the store or a file: nothing is unsaved, the journal goes.
        A write in progress finishes first, so it cannot bring the journal back afterwards."""
        with self._write_lock:
            with self._cond:
                self._pending = None
            self.journal_path.unlink(missing_ok=True)

    def close(self, keep_journal: bool = False) -> None:
        """Stop watching and release the lock. A clean close drops the journal too; pass
        keep_journal=True when the user quits without saving but wants the state offered again."""
        if self._thread is None:
            return  # never started (or already closed): the lock is not ours to release
        self.doc.changed.disconnect(self._on_change)
        self.conversation.message_added.disconnect(self._on_change)
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join()
        self._thread = None
        if keep_journal:
            self.flush()
        else:
            self.mark_saved()
        self.lock_path.unlink(missing_ok=True)

    def _on_change(self, *_: object) -> None:
        self.mark_changed()

    def _run(self) -> None:
        with self._cond:
            while not self._stopping:
                if self._pending is None:
                    self._cond.wait()
                    continue
                due = min(self._last_change + self.debounce, self._first_change + self.max_wait)
                wait = due - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                self._cond.release()
                try:
                    self.flush()
                finally:
                    self._cond.acquire()

    def _write(self, snapshot: Snapshot) -> None:
        document, messages = snapshot
        payload = {
            "format": FORMAT, "schema_version": SCHEMA_VERSION, "key": self.key, "project_id": self.project_id,
            "project_name": self.project_name, "pid": os.getpid(), "saved_at": time.time(),
            "document": document, "conversation": messages,
        }
        try:
            atomic_write_text(self.journal_path, json.dumps(payload, separators=(",", ":")))
        except (OSError, TypeError, ValueError) as exc:
            log.exception("autosave of %s failed", self.key)
            with self._cond:  # keep the state pending and retry after the debounce delay
                if self._pending is None:
                    self._pending = snapshot
                self._last_change = time.monotonic()
            self.write_failed.emit(StoreError(f"Autosave of '{self.project_name}' failed: {exc}."))


def find_recoverable(directory: Path | None = None) -> list[Recoverable]:
    """Journals left by processes that are gone, the newest first."""
    folder = directory or recovery_dir()
    found: list[Recoverable] = []
    for path in sorted(folder.glob("*.json")):
        owner = _read_owner(path.with_suffix(".lock"))
        if owner is not None and _alive(*owner):
            continue
        try:
            data = _read_journal(path)
        except StoreError as exc:
            log.warning("skipping recovery journal %s: %s", path, exc)
            continue
        found.append(Recoverable(
            key=path.stem, project_id=data.get("project_id"), project_name=str(data.get("project_name", "")),
            saved_at=float(data.get("saved_at", 0.0)), pid=int(data.get("pid", 0)), path=path,
        ))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def recover(entry: Recoverable) -> RecoveredState:
    """The unsaved state of a dead session. The journal stays until a new Autosaver with the same
    key writes over it or is closed, so a second crash right after recovering loses nothing."""
    _refuse_if_owned(entry)
    data = _read_journal(entry.path)
    try:
        document = Document.from_json(data["document"])
        conversation = Conversation.from_json(data.get("conversation") or [])
    except PotStudioError as exc:
        raise StoreError(f"The unsaved state of '{entry.project_name}' cannot be recovered: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"The unsaved state of '{entry.project_name}' is damaged ({exc}).") from None
    entry.path.with_suffix(".lock").unlink(missing_ok=True)
    return RecoveredState(entry.key, entry.project_id, entry.project_name, entry.saved_at, document, conversation)


def discard(entry: Recoverable) -> None:
    """Forget a dead session's unsaved state (the user declined to recover it)."""
    _refuse_if_owned(entry)
    entry.path.unlink(missing_ok=True)
    entry.path.with_suffix(".lock").unlink(missing_ok=True)


def _refuse_if_owned(entry: Recoverable) -> None:
    owner = _read_owner(entry.path.with_suffix(".lock"))
    if owner is not None and _alive(*owner):
        raise StoreError(f"'{entry.project_name}' is open in a running 3D Pot Studio (process {owner[0]}).")


def _read_journal(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"Cannot read the recovery journal {path.name}: {exc}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(f"{path.name} is not a recovery journal.")
    if not isinstance(data.get("schema_version"), int) or data["schema_version"] > SCHEMA_VERSION:
        raise StoreError(f"{path.name} was written by a newer 3D Pot Studio; please update the app.")
    return data


def _read_owner(lock: Path) -> tuple[int, float] | None:
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return int(data["pid"]), float(data["started"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("ignoring unreadable lock file %s", lock)
        return None


def _alive(pid: int, started: float) -> bool:
    """Is the process that took the lock still running? A reused PID (another program started
    later) or a zombie (killed, not yet reaped) counts as gone."""
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return abs(process.create_time() - started) < 1.0
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True
