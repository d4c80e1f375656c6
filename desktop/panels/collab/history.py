"""Revision history of a shared project: named versions (restorable as a new revision) and the
latest changes, each with who and when, so a collaborator can see what happened while they were
away — including their own edits a collaborator later replaced ("overwritten by …"), which leave no
other trace since the last writer wins."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.document.ops import LoggedOp, overwritten
from desktop.panels.collab.common import tr, when
from sync_client.models import RemoteOp, Version

ID_ROLE = Qt.ItemDataRole.UserRole

KIND_LABELS = {"set_param": "changed parameter", "add_param": "added parameter", "remove_param": "removed parameter",
               "add_node": "added a part", "remove_node": "removed a part", "update_node": "edited a part",
               "move": "moved a part", "replace": "replaced the design"}


def op_summary(op: RemoteOp) -> str:
    what = tr(KIND_LABELS.get(op.kind, op.kind))
    detail = op.args.get("name") or op.args.get("node") or ""
    if op.kind == "set_param" and "value" in op.args:
        detail = f"{detail} = {op.args['value']}"
    return tr("r{0} · {1} {2} {3} · {4}").format(op.rev, op.author, what, detail, when(op.created_at))


class RevisionHistory(QWidget):
    restore_requested = Signal(int)  # version id
    compare_requested = Signal(object)  # list[int]: one version id (with the current model) or two
    save_requested = Signal()  # name the current model as a version

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionHistory")
        self.versions = QListWidget(objectName="versionList")
        self.changes = QListWidget(objectName="changeList")
        self.restore = QPushButton(tr("Restore as New Revision"), objectName="restoreVersion", enabled=False)
        self.restore.clicked.connect(self._restore)
        self.versions.currentItemChanged.connect(
            lambda item, _old: self.restore.setEnabled(item is not None and item.data(ID_ROLE) is not None))
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.versions.itemSelectionChanged.connect(self._selection_changed)
        self.compare = QPushButton(tr("Compare with Current"), objectName="compareVersions", enabled=False)
        self.compare.setToolTip(tr("Select one version to compare with the current model, or two (Ctrl+click) to "
                                   "compare them side by side"))
        self.compare.clicked.connect(lambda: self.compare_requested.emit(self.selected()))
        self.save = QPushButton(tr("Save Version…"), objectName="saveVersion")
        self.save.setToolTip(tr("Name the model as it is now, to compare with or restore later"))
        self.save.clicked.connect(self.save_requested)
        header = QHBoxLayout()
        header.addWidget(QLabel(tr("<b>Versions</b>")), 1)
        header.addWidget(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare)
        buttons.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.versions)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("<b>Recent changes</b>")))
        layout.addWidget(self.changes, 1)

    def show_versions(self, versions: list[Version]) -> None:
        self.versions.clear()
        for version in sorted(versions, key=lambda v: (v.rev, v.id), reverse=True):
            item = QListWidgetItem(tr("{0} · revision {1} · {2} · {3}").format(
                version.name, version.rev, version.author, when(version.created_at)))
            item.setData(ID_ROLE, version.id)
            self.versions.addItem(item)
        if not versions:
            self.versions.addItem(tr("No named versions yet."))

    def show_changes(self, ops: list[RemoteOp]) -> None:
        """Newest first; live updates call this again with the grown list."""
        self.changes.clear()
        lost = overwritten([LoggedOp(op.rev, op.author, op.kind, op.args) for op in ops])
        for op in sorted(ops, key=lambda o: o.rev, reverse=True):
            by = lost.get(op.rev)
            note = tr(" · overwritten by {0} (r{1})").format(by.author, by.rev) if by else ""
            self.changes.addItem(op_summary(op) + note)

    def selected(self) -> list[int]:
        """The selected versions' ids, newest first."""
        rows = sorted(self.versions.row(item) for item in self.versions.selectedItems()
                      if item.data(ID_ROLE) is not None)
        return [int(self.versions.item(row).data(ID_ROLE)) for row in rows]

    def _selection_changed(self) -> None:
        count = len(self.selected())
        self.compare.setEnabled(count in (1, 2))  # a comparison has two sides
        self.compare.setText(tr("Compare Selected") if count == 2 else tr("Compare with Current"))

    def _restore(self) -> None:
        item = self.versions.currentItem()
        if item is not None and item.data(ID_ROLE) is not None:
            self.restore_requested.emit(int(item.data(ID_ROLE)))
