"""Every save is also a version in the local store (core.store, SQLite): the document as saved and a
PNG thumbnail of it, so the project's history survives even if the .potproj file is lost or
overwritten, and the CLI (`potstudio projects`) sees the same versions as the app.

The .potproj file keeps its own version list (the History dock's source: it travels with the file);
the store is the machine-wide record, keyed by the file's name. Building the mesh, drawing the
thumbnail and writing SQLite run on a worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from core.tasks import Task
from desktop.workers import Workers

if TYPE_CHECKING:
    from core.store.projects import VersionInfo

log = logging.getLogger(__name__)
THUMBNAIL = (256, 256)


def tr(text: str) -> str:
    return QCoreApplication.translate("VersionStore", text)


def store_version(path: Path, doc: Document, label: str, evaluator: Evaluator,
                  store_path: Path | None = None) -> VersionInfo:
    """Append `doc` as the next version of the store project named after `path` (created on first save)."""
    from core.store.projects import ProjectNotFoundError
    from core.store.store import Store

    png = render_png(evaluator.mesh(doc), THUMBNAIL)
    with Store.open(store_path) as store:
        try:
            project = store.projects.get(path.stem)
        except ProjectNotFoundError:
            project = store.projects.create(path.stem)
        return store.projects.save_version(project.id, doc.to_json(), png, label, {"file": str(path)})


class SavedVersions(QObject):
    recorded = Signal(object)  # VersionInfo
    failed = Signal(str)

    def __init__(self, evaluator: Evaluator, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evaluator = evaluator
        self.workers = workers

    def record(self, path: Path, doc: Document, label: str) -> None:
        """`doc` must be a snapshot (it is read on a worker)."""
        def run(_task: Task) -> VersionInfo:
            return store_version(path, doc, label, self.evaluator)

        self.workers.submit(tr("Recording the version"), run, self.recorded.emit, self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        # The file itself was saved: say that the history copy is missing, without an error dialog.
        log.warning("the saved version was not added to the local store", exc_info=exc)
        self.failed.emit(tr("Saved, but the version could not be added to the project history: {0}").format(exc))
