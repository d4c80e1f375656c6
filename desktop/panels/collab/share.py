"""The share dialog: invite people by username with a role or by a link (links.LinkSection), see who
has access and who was invited but has not answered yet, change or remove their role.
Roles: owner, editor, commenter, viewer (the hub enforces them; we only offer them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.errors import user_message
from desktop.dialogs.fitting import FittingDialog
from desktop.panels.collab.common import ROLES, role_label, tr
from desktop.panels.collab.links import LinkSection
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import Invitation, Member


class ShareDialog(FittingDialog):
    changed = Signal()  # members or invitations reloaded (tests and the members list wait on it)

    def __init__(self, client: HubClient, workers: Workers, project_id: int, project_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle(tr("Share '{0}'").format(project_name))
        self.client = client
        self.workers = workers
        self.project_id = project_id
        self.username = QLineEdit(objectName="inviteUsername")
        self.username.setPlaceholderText(tr("Username"))
        self.role = QComboBox(objectName="inviteRole")
        for role in ROLES[1:]:
            self.role.addItem(role_label(role), role)
        self.invite_button = QPushButton(tr("Invite"), objectName="inviteButton")
        self.invite_button.clicked.connect(self.invite)
        self.username.returnPressed.connect(self.invite)
        self.members = QTreeWidget(objectName="memberList")
        self.members.setHeaderLabels([tr("Person"), tr("Access"), ""])
        self.message = QLabel(objectName="shareMessage", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.username, 1)
        row.addWidget(self.role)
        row.addWidget(self.invite_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Invite someone by their 3D Pot username")))
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.members, 1)
        layout.addWidget(QLabel(tr("Or share a link")))
        self.link_section = LinkSection(client, workers, project_id, self)
        layout.addWidget(self.link_section)
        self.resize(560, 520)
        self.reload()

    def _run(self, label: str, fn: Any, done: Any) -> None:
        self.workers.submit(label, lambda _t: fn(), done, on_error=self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.invite_button.setEnabled(True)

    def reload(self) -> None:
        client, project_id = self.client, self.project_id
        self._run("members", lambda: (client.projects.members(project_id), client.projects.pending_invitations(
            project_id)), self._show_members)

    def _show_members(self, found: tuple[list[Member], list[Invitation]]) -> None:
        members, pending = found
        self.members.clear()
        for member in members:
            item = QTreeWidgetItem([member.username, "", ""])
            self.members.addTopLevelItem(item)
            if member.role == "owner":
                item.setText(1, role_label("owner"))
                continue
            combo = QComboBox()
            for role in ROLES[1:]:
                combo.addItem(role_label(role), role)
            combo.setCurrentIndex(combo.findData(member.role))
            combo.currentIndexChanged.connect(lambda _i, c=combo, u=member.username: self.set_role(u, c.currentData()))
            self.members.setItemWidget(item, 1, combo)
            remove = QPushButton(tr("Remove"))
            remove.clicked.connect(lambda _=False, u=member.username: self.remove(u))
            self.members.setItemWidget(item, 2, remove)
        for invitation in pending:
            self.members.addTopLevelItem(QTreeWidgetItem([invitation.invitee, tr("{0}, invited").format(
                role_label(invitation.role)), ""]))
        self.members.resizeColumnToContents(0)
        self.changed.emit()

    def invite(self) -> None:
        name = self.username.text().strip().lower()
        if not name:
            self.message.setText(tr("Type the username of the person to invite."))
            return
        role = self.role.currentData()
        self.invite_button.setEnabled(False)
        self._run("invite", lambda: self.client.projects.invite(self.project_id, name, role), self._invited)

    def _invited(self, invitation: Invitation) -> None:
        self.invite_button.setEnabled(True)
        self.username.clear()
        self.message.setText(tr("Invitation sent to {0} ({1}). They get access once they accept.").format(
            invitation.invitee, role_label(invitation.role)))
        self.reload()

    def set_role(self, username: str, role: str) -> None:
        self._run("role", lambda: self.client.projects.set_role(self.project_id, username, role),
                  lambda _m: self.reload())

    def remove(self, username: str) -> None:
        self._run("remove member", lambda: self.client.projects.remove_member(self.project_id, username),
                  lambda _r: self.reload())
