"""Tree ↔ view selection: a part selected in the Model tree is highlighted in the viewport, and a
click on the model in the viewport selects its part in the tree (which then highlights it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from core.document.document import Document
from core.geometry.build import Evaluator
from desktop.panels.model_tree import ModelTreePanel
from desktop.viewport.picking import ClickPicker, part_at
from desktop.viewport.view import Viewport
from desktop.workers import Workers


class SelectionSync(QObject):
    def __init__(self, doc: Document, evaluator: Evaluator, workers: Workers, tree: ModelTreePanel,
                 viewport: Viewport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.evaluator = evaluator
        self.workers = workers
        self.tree = tree
        self.viewport = viewport
        self.picker = ClickPicker(viewport.plotter, self._clicked, lambda: not viewport.measure.active)
        tree.selected.connect(self.highlight)

    def detach(self) -> None:
        self.picker.detach()

    def highlight(self, node_id: str | None) -> None:
        if node_id is None or node_id == self.doc.root.id:
            self.viewport.set_highlight(None)
            return
        snapshot = self.doc.copy()
        self._submit("highlight", lambda: self.evaluator.world_mesh(snapshot, node_id), self.viewport.set_highlight)

    def refresh(self) -> None:
        """The model changed: highlight the selected part where it now is."""
        if self.tree.current_id is not None:
            self.highlight(self.tree.current_id)

    def _clicked(self, point: tuple[float, float, float]) -> None:
        snapshot = self.doc.copy()
        self._submit("select", lambda: part_at(self.evaluator, snapshot, point), self.tree.select)

    def _submit(self, label: str, fn: Callable[[], object], done: Callable[..., None]) -> None:
        # Quick and not shown in the status bar, so the label only names the job in logs.
        self.workers.submit(label, lambda _t: fn(), done, show=False)
