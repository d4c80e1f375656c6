"""Invitations waiting for the signed-in person: accept to join a shared project, or decline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.dialogs.errors import user_message
from desktop.panels.collab.common import role_label, tr
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import Invitation


class InvitationsView(QWidget):
    joined = Signal(object)  # the accepted Invitation: the owner opens its project
    changed = Signal()

    def __init__(self, client: HubClient, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invitationsView")
        self.client, self.workers = client, workers
        self.invitations: list[Invitation] = []
        self.message = QLabel(objectName="invitationsMessage", wordWrap=True)
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>Invitations</b>")))
        layout.addLayout(self.rows)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.workers.submit("invitations", lambda _t: self.client.projects.invitations(), self._show,
                            on_error=self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))

    def _show(self, invitations: list[Invitation]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.invitations = [i for i in invitations if i.status == "pending"]
        for invitation in self.invitations:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(tr("{0} invites you to '{1}' ({2})").format(
                invitation.inviter, invitation.project_name, role_label(invitation.role))), 1)
            for text, accept in ((tr("Accept"), True), (tr("Decline"), False)):
                button = QPushButton(text, objectName="acceptInvitation" if accept else "declineInvitation")
                button.clicked.connect(lambda _=False, i=invitation.id, a=accept: self.answer(i, a))
                line.addWidget(button)
            self.rows.addWidget(row)
        self.message.setText("" if self.invitations else tr("No invitations right now."))
        self.changed.emit()

    def answer(self, invitation_id: int, accept: bool) -> None:
        def done(invitation: Invitation) -> None:
            if accept:
                self.joined.emit(invitation)
            self.reload()

        self.workers.submit("answer invitation", lambda _t: self.client.projects.answer(invitation_id, accept), done,
                            on_error=self._failed, show=False)
