"""Autosave and crash recovery, with a real session process killed with SIGKILL mid-edit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.assistant.base import Conversation, Message
from core.autosave import Autosaver, UnrecoveredChangesError, discard, find_recoverable, recover, recovery_dir
from core.commands import CommandStack, SetParameters
from core.document import Document, Node, Parameter
from core.errors import StoreError

SESSION = """
import sys, time
from core.assistant.base import Conversation, Message
from core.autosave import Autosaver
from core.commands import CommandStack, SetParameters
from core.document import Document, Node, Parameter

doc = Document("Planter", params=[Parameter("height", 80, min=10, max=300)],
               root=Node("union", id="root", children=[Node("cylinder", {"r": 30, "h": "=height"}, id="body")]))
conversation = Conversation()
Autosaver(doc, conversation, "Planter", project_id=sys.argv[1], debounce=0.05, max_wait=0.5).start()
stack = CommandStack(doc)
conversation.add(Message("user", "make it 20% taller"))
stack.push(SetParameters({"height": 96}))
conversation.add(Message("assistant", "Height is now 96 mm."))
print("edited", flush=True)
time.sleep(600)
"""


def planter() -> tuple[Document, Conversation]:
    doc = Document("Planter", params=[Parameter("height", 80, min=10, max=300)],
                   root=Node("union", id="root", children=[Node("cylinder", {"r": 30, "h": "=height"}, id="body")]))
    return doc, Conversation()


def wait_for(predicate: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def journal_height(path: Path) -> float | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return next(p["value"] for p in data["document"]["parameters"] if p["name"] == "height")


def test_a_killed_session_is_offered_and_recovered_with_the_edit_intact(tmp_path: Path) -> None:
    script = tmp_path / "session.py"
    script.write_text(SESSION)
    project_id = "c0ffee" * 4
    proc = subprocess.Popen([sys.executable, str(script), project_id], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "edited"
        journal = recovery_dir() / f"{project_id}.json"
        wait_for(lambda: journal_height(journal) == 96)
        assert find_recoverable() == []  # its window is still open: nothing to offer
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    # "next start"
    [entry] = find_recoverable()
    assert (entry.project_id, entry.project_name, entry.pid) == (project_id, "Planter", proc.pid)
    assert time.time() - entry.saved_at < 60
    state = recover(entry)
    assert state.document.values()["height"] == 96
    assert [m.text for m in state.conversation.messages] == ["make it 20% taller", "Height is now 96 mm."]

    # opening the project without recovering would overwrite the unsaved state: refused
    with pytest.raises(UnrecoveredChangesError, match="recover or discard"):
        Autosaver(*planter(), "Planter", project_id).start()
    # the recovering session takes the journal over, and a clean close leaves nothing to recover
    saver = Autosaver(state.document, state.conversation, state.project_name, state.project_id).start(resume=True)
    CommandStack(state.document).push(SetParameters({"height": 100}))
    saver.flush()
    assert journal_height(entry.path) == 100
    saver.close()
    assert find_recoverable() == []
    assert list(recovery_dir().iterdir()) == []


def test_an_open_project_cannot_be_opened_twice_nor_recovered_under_its_owner() -> None:
    doc, conversation = planter()
    saver = Autosaver(doc, conversation, "Planter", "p1", debounce=60).start()
    try:
        doc.set_param_value("height", 120)
        saver.flush()
        with pytest.raises(StoreError, match="already open in another"):
            Autosaver(*planter(), "Planter", "p1").start()
        assert find_recoverable() == []
    finally:
        saver.close()


def test_quitting_without_saving_keeps_the_journal_for_next_time() -> None:
    doc, conversation = planter()
    saver = Autosaver(doc, conversation, "Untitled planter", debounce=60).start()
    assert saver.key.startswith("untitled-")
    conversation.add(Message("user", "a planter"))
    doc.set_param_value("height", 150)
    saver.close(keep_journal=True)
    [entry] = find_recoverable()
    assert entry.project_id is None and entry.project_name == "Untitled planter"
    assert recover(entry).document.values()["height"] == 150
    discard(entry)
    assert find_recoverable() == []


def test_saving_drops_the_journal_and_a_pending_write_does_not_bring_it_back() -> None:
    doc, conversation = planter()
    saver = Autosaver(doc, conversation, "Planter", "p2", debounce=0.01, max_wait=0.05).start()
    try:
        doc.set_param_value("height", 90)
        wait_for(lambda: saver.journal_path.exists())
        doc.set_param_value("height", 91)
        saver.mark_saved()
        saver.flush()  # returns once any write in progress is done and whatever is still pending is written
        assert not saver.journal_path.exists()
        doc.set_param_value("height", 92)  # a change after saving is unsaved work again
        wait_for(lambda: journal_height(saver.journal_path) == 92)
    finally:
        saver.close()
    assert not saver.journal_path.exists() and not saver.lock_path.exists()


def test_a_reused_pid_does_not_hide_a_crashed_session() -> None:
    """The lock names our own (alive) PID but another start time: the owner is a different, dead process."""
    folder = recovery_dir()
    doc, conversation = planter()
    doc.set_param_value("height", 77)
    journal = {
        "format": "potstudio.recovery", "schema_version": 1, "key": "p3", "project_id": "p3",
        "project_name": "Old planter", "pid": os.getpid(), "saved_at": time.time() - 3600,
        "document": doc.to_json(), "conversation": conversation.to_json(),
    }
    (folder / "p3.json").write_text(json.dumps(journal))
    (folder / "p3.lock").write_text(json.dumps({"pid": os.getpid(), "started": 1.0}))
    [entry] = find_recoverable()
    assert entry.project_name == "Old planter"
    assert recover(entry).document.values()["height"] == 77


def test_a_damaged_journal_is_skipped_and_left_in_place() -> None:
    damaged = recovery_dir() / "broken.json"
    damaged.write_text('{"format": "potstudio.recovery", "schema_ver')
    assert find_recoverable() == []
    assert damaged.exists()  # never delete what we could not read
    with pytest.raises(StoreError, match="letters, digits"):
        Autosaver(*planter(), "x", key="../escape")


def test_a_failing_autosave_is_reported_and_retried(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    with pytest.raises(StoreError, match="Cannot start autosave"):
        (tmp_path / "blocked").write_text("a file where the folder should be")
        Autosaver(*planter(), "Planter", "p4", directory=tmp_path / "blocked").start()
    doc, conversation = planter()
    saver = Autosaver(doc, conversation, "Planter", "p4", debounce=60, directory=folder).start()
    failures: list[StoreError] = []
    saver.write_failed.connect(failures.append)
    try:
        saver.journal_path.mkdir()  # something in the way of the journal: the rename fails
        doc.set_param_value("height", 140)
        saver.flush()
        assert len(failures) == 1 and "Autosave of 'Planter' failed" in str(failures[0])
        saver.journal_path.rmdir()
        saver.flush()  # the failed state was kept pending, so the retry writes it
        assert journal_height(saver.journal_path) == 140
    finally:
        saver.close()
