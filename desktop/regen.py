"""Live regeneration: document changes → mesh, on a worker, coalescing intermediate values.

While a slider is dragged the document changes dozens of times per second; a build may take longer
than that. At most one build runs; a change that arrives meanwhile replaces the single pending
snapshot, so only the latest value is ever built after the running one, and the GUI thread only
copies the document (cheap) — it never waits for geometry.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.document.document import Document, DocumentChange
from core.geometry.build import Evaluator
from core.tasks import Task
from desktop.i18n import say_error
from desktop.viewport.scene import prepare
from desktop.viewport.shading import Shaded
from desktop.workers import LatestOnly, Workers

if TYPE_CHECKING:
    import trimesh

log = logging.getLogger(__name__)


class Regenerator(QObject):
    mesh_ready = Signal(object, object)  # trimesh.Trimesh or None (empty model), its display arrays (Shaded)
    failed = Signal(str)
    idle = Signal()

    def __init__(self, doc: Document, evaluator: Evaluator, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.evaluator = evaluator
        self.builds = 0
        self.mesh: trimesh.Trimesh | None = None
        self._builds = LatestOnly(workers, self._built, self._error, on_idle=self.idle.emit)
        doc.changed.connect(self._on_change)

    def detach(self) -> None:
        self.doc.changed.disconnect(self._on_change)

    @property
    def busy(self) -> bool:
        return self._builds.busy

    def request(self) -> None:
        snapshot = self.doc.copy()

        def build(task: Task) -> tuple[trimesh.Trimesh | None, Shaded]:
            mesh = self.evaluator.mesh(snapshot, task=task) if snapshot.has_geometry else None
            return mesh, prepare(mesh)  # normals too are computed here, off the GUI thread (arrays, no VTK)

        self._builds.request(QCoreApplication.translate("Regenerator", "Building model"), build)

    def _on_change(self, change: DocumentChange) -> None:
        self.request()

    def _built(self, result: tuple[trimesh.Trimesh | None, Shaded]) -> None:
        self.builds += 1
        self.mesh = result[0]
        self.mesh_ready.emit(*result)

    def _error(self, exc: BaseException) -> None:
        log.info("model build failed: %s", exc)
        self.failed.emit(say_error(exc))
