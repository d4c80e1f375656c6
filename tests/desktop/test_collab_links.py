"""Invite by link from the main window: File ▸ Share… makes, copies and revokes a link and lists who
was invited but has not answered; File ▸ Open Shared Link… joins the project of a pasted link and opens
it — against a real hub, with the collaborator's headless client on the other side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from core.document.document import Document
from sync_client.errors import NotFound
from tests.desktop.conftest import ask, wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, signed_in  # noqa: F401
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


def _errors(window: object) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, "errorDialog") if box.isVisible()]  # type: ignore[attr-defined]


def test_share_dialog_makes_copies_and_revokes_a_link_and_lists_pending_invitations(
        make_window, qtbot, market_hub: HubProcess, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    friend, invited, stranger = (signed_in(market_hub.url, tmp_path) for _ in range(3))
    window = make_window()
    try:
        ask(window, "a plant pot 12 cm wide", qtbot)
        window.hub.use_client(signed_in(market_hub.url, tmp_path))
        collab = window.collab
        with qtbot.waitSignal(collab.opened, timeout=30_000) as opened:
            window.action_set["file.share"].trigger()
        project_id = opened.args[0]
        dialog = collab.panel.share_dialog
        links = dialog.link_section
        qtbot.waitSignal(links.changed, timeout=20_000).wait()

        links.role.setCurrentIndex(links.role.findData("editor"))
        links.expiry.setCurrentIndex(links.expiry.findData(7))
        with qtbot.waitSignal(links.changed, timeout=20_000):
            qtbot.mouseClick(links.create_button, Qt.MouseButton.LeftButton)
        text = links.link.text()
        assert text.startswith(f"{market_hub.url}/join/") and "7 days" in links.message.text()
        assert links.links.topLevelItemCount() == 1 and "Can edit" in links.links.topLevelItem(0).text(0)
        qtbot.mouseClick(links.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == text

        # the friend opens the link: they are an editor; someone invited by name shows as not answered yet
        assert friend.projects.accept_link(text).role == "editor"
        qtbot.keyClicks(dialog.username, invited.me().username)
        dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
        with qtbot.waitSignal(dialog.changed, timeout=20_000):
            qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
        rows = {dialog.members.topLevelItem(i).text(0): dialog.members.topLevelItem(i)
                for i in range(dialog.members.topLevelItemCount())}
        assert friend.me().username in rows
        assert rows[invited.me().username].text(1) == "Can view, invited"

        revoke = links.links.findChild(QPushButton, "revokeLink") or links.links.itemWidget(
            links.links.topLevelItem(0), 2)
        with qtbot.waitSignal(links.changed, timeout=20_000):
            qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
        assert links.links.topLevelItemCount() == 0 and links.link.text() == ""
        with pytest.raises(NotFound):
            stranger.projects.accept_link(text)
        assert project_id not in [p.id for p in stranger.projects.mine()]
        dialog.close()
    finally:
        for client in (friend, invited, stranger):
            client.close()


def test_open_shared_link_joins_and_opens_the_project(make_window, qtbot, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    from tests.sync_client.samples import planter_json

    owner = signed_in(market_hub.url, tmp_path)
    window = make_window()
    try:
        project = owner.projects.create("Balcony planter", planter_json())
        _, text = owner.projects.create_link(project.id, "viewer", expires_in_days=1)
        window.hub.use_client(signed_in(market_hub.url, tmp_path))
        collab = window.collab

        action = window.action_set["file.open_link"]
        assert action.isEnabled()
        action.trigger()
        wait_until(qtbot, lambda: collab.link_prompt is not None and collab.link_prompt.isVisible(), timeout=10)
        collab.link_prompt.setTextValue(text)
        with qtbot.waitSignal(collab.opened, timeout=30_000) as opened:
            collab.link_prompt.accept()
        assert opened.args[0] == project.id
        wait_idle(qtbot, window)
        assert window.doc.to_json() == Document.from_json(owner.projects.head(project.id).document).to_json()
        assert window.docks["collaboration"].isVisible() and collab.pages.currentWidget() is collab.panel
        assert {m.username: m.role for m in owner.projects.members(project.id)}[
            window.hub.client.me().username] == "viewer"

        # a pasted line that is not a link says so, and nothing else happens
        action.trigger()
        wait_until(qtbot, lambda: collab.link_prompt is not None and collab.link_prompt.isVisible(), timeout=10)
        collab.link_prompt.setTextValue("see you tomorrow")
        collab.link_prompt.accept()
        wait_until(qtbot, lambda: bool(_errors(window)), timeout=30)
        [box] = _errors(window)
        assert "not a 3D Pot share link" in box.text() + box.informativeText()
        box.done(0)
        assert collab.project_id == project.id  # the open project stays open
    finally:
        owner.close()
