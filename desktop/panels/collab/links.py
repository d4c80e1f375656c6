"""The share dialog's "share by link" part: make a link with a role and how long it works, copy it,
see the project's live links and revoke one. The hub shows a link's secret only when it is made, so
the list names links by role, maker and expiry, and a new link stays in the box until it is copied."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.errors import user_message
from desktop.panels.collab.common import ROLES, role_label, tr, when
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import ShareLink, ShareLinkCreated

EXPIRY_DAYS = (1, 7, 30, None)


def _expiry_label(days: int | None) -> str:
    return {1: tr("for 1 day"), 7: tr("for 7 days"), 30: tr("for 30 days")}.get(days or 0, tr("until revoked"))


class LinkSection(QWidget):
    changed = Signal()  # links reloaded (tests wait on it)

    def __init__(self, client: HubClient, workers: Workers, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.workers, self.project_id = client, workers, project_id
        self.role = QComboBox(objectName="linkRole")
        for role in ROLES[1:]:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(self.role.findData("viewer"))
        self.expiry = QComboBox(objectName="linkExpiry")
        for days in EXPIRY_DAYS:
            self.expiry.addItem(_expiry_label(days), days)
        self.expiry.setCurrentIndex(1)
        self.create_button = QPushButton(tr("Create Link"), objectName="createLink")
        self.create_button.clicked.connect(self.create)
        self.link = QLineEdit(objectName="shareLink", readOnly=True)
        self.link.setPlaceholderText(tr("Create a link, then copy it and send it"))
        self.copy_button = QPushButton(tr("Copy"), objectName="copyLink", enabled=False)
        self.copy_button.clicked.connect(self.copy)
        self.links = QTreeWidget(objectName="linkList")
        self.links.setHeaderLabels([tr("Link"), tr("Works"), ""])
        self.links.setRootIsDecorated(False)
        self.links.setMaximumHeight(110)  # a handful of live links; the people list above gets the room
        header = self.links.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(objectName="linkMessage", wordWrap=True)
        make = QHBoxLayout()
        make.addWidget(QLabel(tr("Anyone with the link")))
        make.addWidget(self.role)
        make.addWidget(self.expiry)
        make.addWidget(self.create_button)
        show = QHBoxLayout()
        show.addWidget(self.link, 1)
        show.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(make)
        layout.addLayout(show)
        layout.addWidget(self.message)
        layout.addWidget(self.links)
        self.reload()

    def _run(self, label: str, fn: Any, done: Any) -> None:
        self.workers.submit(label, lambda _t: fn(), done, on_error=self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.create_button.setEnabled(True)

    def reload(self) -> None:
        self._run("share links", lambda: self.client.projects.links(self.project_id), self._show)

    def _show(self, links: list[ShareLink]) -> None:
        self.links.clear()
        for link in links:
            works = tr("until {0}").format(when(link.expires_at)) if link.expires_at else tr("until revoked")
            item = QTreeWidgetItem([tr("{0}, made by {1}").format(role_label(link.role), link.creator), works, ""])
            self.links.addTopLevelItem(item)
            revoke = QPushButton(tr("Revoke"), objectName="revokeLink")
            revoke.clicked.connect(lambda _=False, i=link.id: self.revoke(i))
            self.links.setItemWidget(item, 2, revoke)
        self.links.setVisible(bool(links))
        self.changed.emit()

    def create(self) -> None:
        role, days = self.role.currentData(), self.expiry.currentData()
        self.create_button.setEnabled(False)
        self._run("create link", lambda: self.client.projects.create_link(self.project_id, role, days), self._created)

    def _created(self, made: tuple[ShareLinkCreated, str]) -> None:
        link, text = made
        self.create_button.setEnabled(True)
        self.link.setText(text)
        self.copy_button.setEnabled(True)
        self.message.setText(tr("Anyone signed in who opens this link joins as '{0}' ({1}).").format(
            role_label(link.role), _expiry_label(self.expiry.currentData())))
        self.reload()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())
        self.message.setText(tr("Link copied. Send it to the people you want to share with."))

    def revoke(self, link_id: int) -> None:
        def revoked(_: object) -> None:
            self.link.clear()
            self.copy_button.setEnabled(False)
            self.message.setText(tr("Link revoked: nobody can join with it any more."))
            self.reload()

        self._run("revoke link", lambda: self.client.projects.revoke_link(self.project_id, link_id), revoked)
