"""Revision history of a shared project: named versions and the latest changes, each with who and
when, so a collaborator can see what happened while they were away."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.panels.collab.common import tr, when
from sync_client.models import RemoteOp, Version

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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionHistory")
        self.versions = QListWidget(objectName="versionList")
        self.changes = QListWidget(objectName="changeList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("<b>Versions</b>")))
        layout.addWidget(self.versions)
        layout.addWidget(QLabel(tr("<b>Recent changes</b>")))
        layout.addWidget(self.changes, 1)

    def show_versions(self, versions: list[Version]) -> None:
        self.versions.clear()
        for version in sorted(versions, key=lambda v: v.rev, reverse=True):
            self.versions.addItem(tr("{0} · revision {1} · {2} · {3}").format(version.name, version.rev,
                                                                              version.author, when(version.created_at)))
        if not versions:
            self.versions.addItem(tr("No named versions yet."))

    def show_changes(self, ops: list[RemoteOp]) -> None:
        """Newest first; live updates call this again with the grown list."""
        self.changes.clear()
        for op in sorted(ops, key=lambda o: o.rev, reverse=True):
            self.changes.addItem(op_summary(op))
