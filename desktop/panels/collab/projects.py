"""The shared projects a designer can open: invitations waiting for an answer, projects others shared
with them (who shared it, the last change and by whom) and their own shared projects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.dialogs.errors import user_message
from desktop.panels.collab.common import role_label, tr, when
from desktop.panels.collab.invitations import InvitationsView
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import Project, RemoteOp

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class SharedEntry:
    project: Project
    last: RemoteOp | None  # the newest change, None when nobody edited it since it was shared


def fetch_entries(client: HubClient) -> tuple[str, list[SharedEntry]]:
    """Worker: who I am, and each of my projects with its newest change."""
    me = client.me().username
    entries = []
    for project in client.projects.mine():
        ops = client.projects.feed(project.id, max(0, project.head_rev - 1)).ops if project.head_rev else []
        entries.append(SharedEntry(project, ops[-1] if ops else None))
    return me, entries


def describe(entry: SharedEntry, me: str) -> str:
    project, last = entry.project, entry.last
    who = tr("yours") if project.owner == me else tr("shared by {0} · {1}").format(project.owner,
                                                                                   role_label(project.role))
    change = tr("last change by {0}, {1}").format(last.author, when(last.created_at)) if last \
        else tr("no changes yet")
    return f"{project.name}\n{who} · {change}"


class SharedProjects(QWidget):
    open_requested = Signal(int, str)  # project id, name
    loaded = Signal()

    def __init__(self, client: HubClient, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharedProjects")
        self.client, self.workers = client, workers
        self.me = ""
        self.entries: list[SharedEntry] = []
        self.invitations = InvitationsView(client, workers)
        self.invitations.joined.connect(lambda _i: self.reload())
        self.shared = QListWidget(objectName="sharedWithMe")
        self.own = QListWidget(objectName="mySharedProjects")
        for view in (self.shared, self.own):
            view.itemActivated.connect(self._activated)
        self.open_button = QPushButton(tr("Open"), objectName="openShared")
        self.open_button.clicked.connect(self._open_selected)
        self.message = QLabel(objectName="sharedMessage", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.invitations)
        layout.addWidget(QLabel(tr("<b>Shared with me</b>")))
        layout.addWidget(self.shared, 2)
        layout.addWidget(QLabel(tr("<b>My projects on the hub</b>")))
        layout.addWidget(self.own, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def reload(self) -> None:
        self.workers.submit(tr("Shared projects"), lambda _t: fetch_entries(self.client), self._show,
                            on_error=lambda exc: self.message.setText(user_message(exc)), show=False)

    def _show(self, data: tuple[str, list[SharedEntry]]) -> None:
        self.me, self.entries = data
        self.shared.clear()
        self.own.clear()
        for entry in self.entries:
            item = QListWidgetItem(describe(entry, self.me))
            item.setData(ID_ROLE, (entry.project.id, entry.project.name))
            (self.own if entry.project.owner == self.me else self.shared).addItem(item)
        if not self.shared.count():
            self.shared.addItem(tr("Nothing shared with you yet. Projects appear here when you accept an invitation."))
            self.shared.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.message.clear()
        self.loaded.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        data = item.data(ID_ROLE)
        if data:
            self.open_requested.emit(*data)

    def _open_selected(self) -> None:
        for view in (self.shared, self.own):
            item = view.currentItem()
            if item is not None and item.data(ID_ROLE):
                self._activated(item)
                return
        self.message.setText(tr("Choose a project to open."))
