"""Account: which hub the app talks to (the built-in one on this computer, the hosted 3D Pot
service, or a self-hosted hub) and signing in / out.

Signing in opens the hub's page in the browser (authorization code + PKCE, redirect caught on
127.0.0.1, RFC 8252); the app never sees the password. The wait for the browser is a worker job
with a Cancel button: a person who closed the tab gets the thread (and the loopback port) back at
once instead of after the five-minute timeout. With the built-in hub the app signs in by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.tasks import Task
from desktop.dialogs.errors import user_message
from desktop.workers import Job, Workers
from sync_client.client import HubClient
from sync_client.models import User

log = logging.getLogger(__name__)
HOSTED_URL = "https://hub.3dpot.studio"


def tr(text: str) -> str:
    return QCoreApplication.translate("Account", text)


def open_in_browser(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


class AccountPanel(QWidget):
    server_changed = Signal(str)  # "" = the built-in hub; the owner saves it and builds a new HubClient
    signed_in = Signal(object)  # User
    signed_out = Signal()
    _browser = Signal(str)  # from the sign-in job to the GUI thread

    def __init__(self, client: HubClient | None, workers: Workers, server_url: str = "",
                 open_url: Callable[[str], Any] = open_in_browser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPanel")
        self.client = client
        self.workers = workers
        self.user: User | None = None
        self.signing_in: Job | None = None
        self.embedded = QRadioButton(tr("On this computer (built-in marketplace, works offline)"))
        self.hosted = QRadioButton(tr("3D Pot ({0})").format(HOSTED_URL))
        self.custom = QRadioButton(tr("Self-hosted hub:"))
        self.url = QLineEdit(objectName="serverUrl")
        self.url.setPlaceholderText("https://hub.example.org")
        self.group = QButtonGroup(self)
        for button in (self.embedded, self.hosted, self.custom):
            self.group.addButton(button)
        self.apply = QPushButton(tr("Use this server"), objectName="applyServer")
        self.apply.clicked.connect(self._apply)
        self.status = QLabel(objectName="accountStatus", wordWrap=True)
        self.sign_in_button = QPushButton(tr("Sign in…"), objectName="signInButton")
        self.sign_out_button = QPushButton(tr("Sign out"), objectName="signOutButton")
        self.cancel_button = QPushButton(tr("Cancel sign-in"), objectName="cancelSignIn", visible=False)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.cancel_button.clicked.connect(self.cancel_sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.custom)
        custom_row.addWidget(self.url, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>Marketplace server</b>")))
        layout.addWidget(self.embedded)
        layout.addWidget(self.hosted)
        layout.addLayout(custom_row)
        layout.addWidget(self.apply)
        layout.addWidget(QLabel(tr("<b>Account</b>")))
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._browser.connect(open_url)
        self._show_server(server_url)
        self.refresh()

    def _show_server(self, url: str) -> None:
        (self.embedded if not url else self.hosted if url == HOSTED_URL else self.custom).setChecked(True)
        self.url.setText(url if url and url != HOSTED_URL else "")

    def chosen_url(self) -> str:
        if self.embedded.isChecked():
            return ""
        if self.hosted.isChecked():
            return HOSTED_URL
        return self.url.text().strip().rstrip("/")

    def _apply(self) -> None:
        url = self.chosen_url()
        if self.custom.isChecked() and not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            self.status.setText(tr("A self-hosted hub needs an https:// address (plain http only on this computer)."))
            return
        self.server_changed.emit(url)

    def set_client(self, client: HubClient | None, server_url: str) -> None:
        """The owner built a client for the (new) server."""
        self.client = client
        self._show_server(server_url)
        self.refresh()

    def refresh(self) -> None:
        self.user = None
        if self.client is None or not self.client.session.signed_in:
            self._show_user(None)
            return
        client = self.client
        self.workers.submit("account", lambda _t: client.me(), self._show_user,
                            on_error=lambda exc: self._show_user(None, exc), show=False)

    def _show_user(self, user: User | None, problem: BaseException | None = None) -> None:
        self.user = user
        signed = user is not None
        if signed:
            assert user is not None
            self.status.setText(tr("Signed in as <b>{0}</b> on {1}").format(user.username, self.client and
                                                                            self.client.base_url))
        elif problem is not None:
            self.status.setText(user_message(problem))
        else:
            self.status.setText(tr("Not signed in. Browsing works without an account; sign in to like, "
                                   "publish and share."))
        self.sign_in_button.setEnabled(not signed and self.client is not None)
        self.sign_out_button.setEnabled(signed)

    def sign_in(self) -> None:
        if self.client is None or self.signing_in is not None:
            return
        client = self.client
        self.sign_in_button.setEnabled(False)
        self.cancel_button.show()
        self.status.setText(tr("Finish signing in in your browser…"))

        def run(task: Task) -> User:
            client.session.sign_in_browser(open_url=self._browser.emit, task=task)
            return client.me()

        job = self.workers.submit("sign in", run, self._signed_in, on_error=lambda exc: self._show_user(None, exc),
                                  show=False)
        job.cancelled.connect(lambda: self._show_user(None))
        job.ended.connect(self._sign_in_ended)
        self.signing_in = job

    def cancel_sign_in(self) -> None:
        if self.signing_in is not None:
            self.signing_in.cancel()

    def _sign_in_ended(self) -> None:
        self.signing_in = None
        self.cancel_button.hide()
        self.sign_in_button.setEnabled(self.user is None and self.client is not None)

    def _signed_in(self, user: User) -> None:
        self._show_user(user)
        self.signed_in.emit(user)

    def sign_out(self) -> None:
        if self.client is None:
            return
        client = self.client
        self.workers.submit("sign out", lambda _t: client.session.sign_out(), lambda _r: self._signed_out(),
                            on_error=lambda exc: self._show_user(None, exc), show=False)

    def _signed_out(self) -> None:
        self._show_user(None)
        self.signed_out.emit()
