"""Staged start: the window's first frame first, everything else in the event-loop turns after it.

Phase 1 is MainWindow's constructor and its first show: viewport, menus, docks. Nothing on that path
imports trimesh (with scipy.spatial/sparse, rtree… ~0.4 s and ~50 MB; the optional stacks it would
import too, networkx, scipy.optimize, lxml…, wait for first use: desktop/deferred_imports.py), the
offline planner, keyring, the printer stack or the project store. A mesh opened at start-up is shown
as a preview (`mesh_preview`: meshio's numpy STL reader, no trimesh) while the real open (trimesh mesh
→ document → manifold build) follows on a worker and replaces it with the same picture.

Phase 2 starts once that first frame is on screen: a worker imports trimesh and the planner, then the
window starts its background services (printers only when some are configured, the marketplace
client only with a hub address), and once the workers are idle the start-up burst's freed heap goes
back to the OS. `done` then says the window is fully interactive (bench/bench_desktop.py times it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from core.errors import PotStudioError
from core.geometry.meshio import LoadedModel, load_mesh
from core.geometry.weld import TriangleSoup
from desktop.collector import settle
from desktop.viewport.shading import Shaded, shade
from desktop.viewport.view import Viewport
from desktop.workers import Workers

log = logging.getLogger(__name__)
IDLE_POLL_MS = 50
FRAME_WAIT_MS = 500
INLINE_PREVIEW_BYTES = 4 << 20
"""An STL up to this size (~80k triangles, ≤ ~60 ms to read, weld and shade here) is previewed on the GUI
thread, so the window's first frame shows it; a bigger one is read on a worker while the window shows."""


def mesh_preview(path: Path) -> tuple[Shaded, LoadedModel] | None:
    """Worker: the display form of an STL straight from its checked triangle soup, welded so it is shaded
    like the model that replaces it, and placed on the plate the way an opened mesh is (centred in XY,
    standing on z = 0). None for other formats (reading them makes a trimesh anyway); a damaged file
    raises here and again in the real open, which reports it."""
    if path.suffix.lower() != ".stl":
        return None
    loaded = load_mesh(path)
    if not isinstance(loaded.display, TriangleSoup):
        return None
    vertices, faces = loaded.weld_arrays()
    points = np.asarray(vertices, dtype=np.float64)
    lo, hi = points.min(axis=0), points.max(axis=0)
    points -= ((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2])
    return shade(points, faces), loaded  # the real open goes on from `loaded`: no second read


def warm_up(warm: Callable[[], object]) -> None:
    """Worker: import what the first edit, build or chat turn needs, so it is not paid then."""
    import trimesh  # noqa: F401 - with scipy.spatial & co.: every build and mesh open needs them

    warm()


def release_memory() -> None:
    """Start-up frees many small objects (import-time tables, VTK set-up, the preview); glibc keeps
    that heap mapped unless asked. malloc_trim hands it back, so the idle footprint is what is live. The
    collector's full pass runs here too, and what survives it is frozen (desktop/collector.py)."""
    settle()
    if not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim(0)
    except (OSError, AttributeError) as exc:  # musl and others have no malloc_trim: nothing to hand back
        log.debug("malloc_trim unavailable: %s", exc)


class StagedStart(QObject):
    """Sequences phase 2 after the window's first frame; see the module docstring."""

    first_frame = Signal()  # the window's first frame is on screen (the moment to offer recovered work)
    done = Signal()  # fully interactive: warm-up finished, background services started, workers idle

    def __init__(self, viewport: Viewport, workers: Workers, warm: Callable[[], object],
                 background: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.viewport = viewport
        self.workers = workers
        self.warm = warm
        self.background = background
        self.finished = False
        self.warmed = False  # trimesh and the planner are loaded: a preview would no longer pay
        self._shown = False
        self._phase2_started = False
        self._previews = 0  # previews on their way to the screen: phase 2 waits for them
        self._idle_poll = QTimer(self)
        self._idle_poll.setInterval(IDLE_POLL_MS)
        self._idle_poll.timeout.connect(self._check_idle)

    def begin(self) -> None:
        """The window is shown: phase 2 follows its first frame (or the preview's, when one is coming)."""
        if not self._shown:
            self._shown = True
            self._after_frame(self._on_first_frame)

    def _on_first_frame(self) -> None:
        self.first_frame.emit()
        self._phase2()

    def preview(self, path: Path, then: Callable[[LoadedModel | None], None]) -> None:
        """Show `path`'s preview, then, once it is on screen, call `then` (the real open) with the model the
        preview read, so the file is read and welded once. A small file is read on the spot, so a window not
        shown yet has the model in its very first frame; a big one on a worker. A file the preview cannot
        read goes straight to `then(None)`, whose own read reports the problem. Only worth it before phase 2
        has loaded trimesh (`warmed`): after that the real open is as quick."""
        self._previews += 1
        try:
            inline = path.stat().st_size <= INLINE_PREVIEW_BYTES
        except OSError:
            inline = False
        if not inline:
            self.workers.submit("", lambda _t: mesh_preview(path), lambda shown: self._show(shown, then),
                                lambda exc: self._unreadable(path, exc, then), show=False)
            return
        try:
            shown = mesh_preview(path)
        except (PotStudioError, OSError) as exc:
            self._unreadable(path, exc, then)
        else:
            self._show(shown, then)

    def _unreadable(self, path: Path, exc: BaseException, then: Callable[[LoadedModel | None], None]) -> None:
        if isinstance(exc, PotStudioError | OSError):
            log.debug("no preview of %s (%s); the open reports it", path, exc)
        else:  # a bug in the preview itself: the open goes on, the log keeps the traceback
            log.warning("preview of %s failed", path, exc_info=exc)
        self._show(None, then)

    def _show(self, shown: tuple[Shaded, LoadedModel] | None, then: Callable[[LoadedModel | None], None]) -> None:
        preview, loaded = shown if shown is not None else (None, None)
        if preview is not None and preview.n_faces:
            self.viewport.show_mesh(None, preview)
            self.viewport.fit()
        # The real open and phase 2 import trimesh on workers: start them once this frame is painted, not
        # while the GUI thread draws it.
        self._after_frame(lambda: self._preview_done(lambda: then(loaded)))

    def _preview_done(self, then: Callable[[], None]) -> None:
        then()
        self._previews -= 1
        if self._shown:
            self._phase2()

    def _after_frame(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the viewport has put its next frame on screen (or after FRAME_WAIT_MS, for
        a window that is hidden or minimised and draws nothing)."""
        fired = [False]

        def once() -> None:
            if not fired[0]:
                fired[0] = True
                self.viewport.plotter.frameSwapped.disconnect(once)
                callback()

        self.viewport.plotter.frameSwapped.connect(once)
        self.viewport.schedule_render()
        QTimer.singleShot(FRAME_WAIT_MS, self, once)

    def _phase2(self) -> None:
        if self._phase2_started or self._previews:
            return
        self._phase2_started = True
        self.workers.submit("", lambda _t: warm_up(self.warm), self._warmed, self._warm_failed, show=False)

    def _warm_failed(self, exc: BaseException) -> None:
        # Only an import can fail here, and the same import fails again, visibly, at first use.
        log.warning("warming the model stack failed: %s", exc)
        self._warmed(None)

    def _warmed(self, _result: object) -> None:
        self.warmed = True
        self.background()
        self._idle_poll.start()

    def _check_idle(self) -> None:
        if self.workers.busy:
            return
        self._idle_poll.stop()
        release_memory()
        self.finished = True
        self.done.emit()
