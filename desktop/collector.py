"""When the cyclic garbage collector walks the heap, so its pauses never land in a slider drag.

After the staged start some 300,000 objects (modules, classes, Qt wrappers, the planner's tables) live
for good, and CPython's full collection walks all of them: ~110 ms on the bench machine, more than the
100 ms a drag may stall, whenever the collector decides to run one. `settle()` runs that full pass at
a moment we choose and then freezes the survivors (gc.freeze), so the collector's own passes only walk
what was made since. The price of freezing: a reference cycle among frozen objects is not freed (a
trimesh and its cache form one), so when the document is replaced (a new model, an opened file) the
next model on screen is followed by another settle, once the workers that still hold the old model
(overhang check, thumbnails) are done, no mouse button is down and the document has not changed for
QUIET_S (a spin box held on its arrow key edits without the mouse): right after the user waited for a
build, not in the middle of an edit. At exit everything is unfrozen, so the interpreter's last passes
still finalise it (nanobind reports objects that were never freed).
"""

from __future__ import annotations

import atexit
import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from core.document.document import Document, DocumentChange
from desktop.viewport.view import Viewport

log = logging.getLogger(__name__)
SETTLE_POLL_MS = 250
QUIET_S = 1.0
atexit.register(gc.unfreeze)


def settle() -> None:
    """Collect everything (frozen objects included), then freeze what survived."""
    start = time.perf_counter()
    gc.unfreeze()
    found = gc.collect()
    gc.freeze()
    log.debug("gc settle: %d unreachable, %d frozen, %.0f ms", found, gc.get_freeze_count(),
              (time.perf_counter() - start) * 1000)


class Collector(QObject):
    """Settles once the model that replaced the document is on screen (see the module docstring)."""

    def __init__(self, doc: Document, viewport: Viewport, busy: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.busy = busy
        self._replaced = False
        self._last_change = time.monotonic()
        self._poll = QTimer(self)
        self._poll.setInterval(SETTLE_POLL_MS)
        self._poll.timeout.connect(self._settle_when_quiet)
        doc.changed.connect(self._changed)
        viewport.rendered.connect(self._rendered)

    def detach(self) -> None:
        self.doc.changed.disconnect(self._changed)

    def _changed(self, change: DocumentChange) -> None:
        self._last_change = time.monotonic()
        if change.kind == "replaced":
            self._replaced = True

    def _rendered(self) -> None:
        if self._replaced:
            self._replaced = False
            self._poll.start()

    def _settle_when_quiet(self) -> None:
        if (self.busy() or QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
                or time.monotonic() - self._last_change < QUIET_S):
            return
        self._poll.stop()
        settle()
