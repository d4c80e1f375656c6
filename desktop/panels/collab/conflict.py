"""The conflict view: the user's version and the hub's, side by side (a preview of each and their
parameters and parts, differences highlighted), and a choice. Nothing is lost either way: the
version not chosen stays on the hub as a named version (SyncEngine keeps the conflict copy)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from desktop.i18n import say_error
from desktop.panels.collab.common import tr
from desktop.workers import Workers
from sync_client.outbox import ConflictRecord

log = logging.getLogger(__name__)
PREVIEW = 220


def facts(document: dict[str, Any] | None) -> dict[str, str]:
    """The comparable facts of a document: each parameter's value and each part's type and settings."""
    if document is None:
        return {}
    doc = Document.from_json(document)
    found = {tr("Parameter {0}").format(name): f"{p.value:g}" if isinstance(p.value, int | float) else str(p.value)
             for name, p in doc.params.items()}

    for node in doc.root.walk():
        found[tr("Part {0}").format(node.name or node.id)] = f"{node.type} {node.props}" if node.props else node.type
    return found


def preview(document: dict[str, Any], evaluator: Evaluator) -> QImage:
    mesh = evaluator.mesh(Document.from_json(document))
    return QImage.fromData(render_png(mesh, size=(PREVIEW, PREVIEW)))


class ConflictView(QDialog):
    chosen = Signal(str)  # "mine" or "theirs"

    def __init__(self, record: ConflictRecord, workers: Workers | None = None, evaluator: Evaluator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictView")
        self.setWindowTitle(tr("Two versions of this project"))
        self.record = record
        intro = QLabel(tr("Your edits and a collaborator's could not be merged ({0}). Compare them and choose "
                          "the one to continue with; the other stays in the revision history.").format(record.message),
                       wordWrap=True)
        mine, theirs = facts(record.mine), facts(record.theirs)
        self.differences = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
        self.mine_tree = self._tree(mine, theirs, "mineTree")
        self.theirs_tree = self._tree(theirs, mine, "theirsTree")
        self.mine_preview = QLabel(tr("Preparing preview…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.theirs_preview = QLabel(tr("Preparing preview…"), alignment=Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("<b>Your version</b> (on this computer)")), 0, 0)
        grid.addWidget(QLabel(tr("<b>Their version</b> (on the hub, revision {0})").format(record.theirs_rev)), 0, 1)
        grid.addWidget(self.mine_preview, 1, 0)
        grid.addWidget(self.theirs_preview, 1, 1)
        grid.addWidget(self.mine_tree, 2, 0)
        grid.addWidget(self.theirs_tree, 2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.keep_mine = buttons.addButton(tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_theirs = buttons.addButton(tr("Keep theirs"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_mine.setEnabled(record.mine is not None)
        self.keep_mine.clicked.connect(lambda: self._choose("mine"))
        self.keep_theirs.clicked.connect(lambda: self._choose("theirs"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)
        if workers is not None and evaluator is not None:
            self._previews(workers, evaluator)

    def _tree(self, own: dict[str, str], other: dict[str, str], name: str) -> QTreeWidget:
        tree = QTreeWidget(objectName=name)
        tree.setHeaderLabels([tr("What"), tr("Value")])
        tree.setRootIsDecorated(False)
        bold = QFont()
        bold.setBold(True)
        for key in sorted(own.keys() | other.keys()):
            item = QTreeWidgetItem([key, own.get(key, tr("(absent)"))])
            if own.get(key) != other.get(key):
                for column in (0, 1):
                    item.setFont(column, bold)
                    item.setForeground(column, Qt.GlobalColor.darkYellow)
                item.setToolTip(1, tr("Differs from the other version"))
            tree.addTopLevelItem(item)
        tree.resizeColumnToContents(0)
        return tree

    def _previews(self, workers: Workers, evaluator: Evaluator) -> None:
        for document, label in ((self.record.mine, self.mine_preview), (self.record.theirs, self.theirs_preview)):
            if document is None:
                label.setText(tr("No local copy"))
                continue
            workers.submit("conflict preview", lambda _t, d=document: preview(d, evaluator),
                           lambda image, lab=label: isValid(lab) and lab.setPixmap(QPixmap.fromImage(image)),
                           on_error=lambda exc, lab=label: self._no_preview(lab, exc), show=False)

    @staticmethod
    def _no_preview(label: QLabel, exc: BaseException) -> None:
        log.info("no conflict preview: %s", exc)
        if not isValid(label):
            return
        label.setText(say_error(exc) if isinstance(exc, PotStudioError) else tr("No preview"))

    def _choose(self, keep: str) -> None:
        self.chosen.emit(keep)
        self.accept()
