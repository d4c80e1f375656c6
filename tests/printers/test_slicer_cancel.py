"""Cancelling a slice while the slicer runs stops the slicer process, not only our wait for it (issue 16: the
existing test cancelled before the slicer started, so a cancel that never reached the kill went unnoticed)."""

from __future__ import annotations

import threading
from pathlib import Path

import psutil
import pytest
import trimesh

from core.errors import CancelledError
from core.tasks import Task
from printers.slicing import SliceProfile, slice_mesh


def test_cancel_during_slicing_kills_the_running_slicer(tmp_path: Path) -> None:
    me = psutil.Process()
    seen: list[psutil.Process] = []
    before = {child.pid for child in me.children()}  # services other tests of this session started (PostgreSQL)

    def cancel_once_the_slicer_runs() -> None:
        while not seen and not task.cancelled:
            seen.extend(child for child in me.children() if child.pid not in before)  # the slicer
            if not seen:
                threading.Event().wait(0.02)
        task.cancel()

    def on_progress(fraction: float, message: str) -> None:
        if "Slicing with" in str(message):
            threading.Thread(target=cancel_once_the_slicer_runs, daemon=True).start()

    task = Task(on_progress)
    with pytest.raises(CancelledError):
        slice_mesh(trimesh.creation.icosphere(subdivisions=6, radius=60), SliceProfile("bambu_x1c"),
                   tmp_path / "s.gcode", task)
    assert seen, "the slicer was never seen running"
    slicer = seen[0]
    assert not slicer.is_running() or slicer.status() == psutil.STATUS_ZOMBIE
    assert not (tmp_path / "s.gcode").exists()
