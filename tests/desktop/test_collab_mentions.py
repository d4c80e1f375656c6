"""@mentions as a designer meets them in the main window, against a real hub: a collaborator (a headless
sync client) mentions me on a pinned thread while I work on something else; my status bar says
"1 mention" and the Collaboration tab counts it; clicking it in the list opens that shared project and
that thread, with my name highlighted, and marks it read; replying, typing "@" offers the project's
members, Enter picks one (without sending the half-typed name) and the reply mentions them; a mention in
the project already open opens its (new) thread there."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.panels.collab.mentions import MENTION_ROLE
from tests.desktop.conftest import wait_idle, wait_until
from tests.desktop.market_support import market_hub_fixture, signed_in  # noqa: F401
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json

pytestmark = pytest.mark.gui


def test_a_mention_on_a_pin_reaches_me_and_opens_its_thread(make_window, qtbot, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path, artifacts_dir: Path) -> None:
    tag = uuid.uuid4().hex[:6]
    ana = signed_in(market_hub.url, tmp_path, name=f"ana{tag}")
    me = signed_in(market_hub.url, tmp_path, name=f"bia{tag}")
    window = make_window((1280, 800))
    try:
        project = ana.projects.create("Balcony planter", planter_json())
        invitation = ana.projects.invite(project.id, f"bia{tag}", "editor")
        me.projects.answer(invitation.id, accept=True)
        window.hub.use_client(me)
        collab = window.collab
        wait_until(qtbot, lambda: collab.mentions is not None, timeout=30)
        indicator = collab.mentions
        assert not indicator.isVisible()  # nothing to say yet

        # Ana pins a thread on the model and mentions me (in capitals, as people type), and a stranger
        thread = ana.projects.comment(project.id, f"@BIA{tag} is the drain big enough? cc @nobody{tag}",
                                      node_id="body", anchor=(0.0, 0.0, 20.0))
        assert thread.mentions == [f"bia{tag}"]
        wait_until(qtbot, lambda: indicator.isVisible(), timeout=60)  # within one sync
        assert indicator.text() == "@ 1 mention"
        assert window.docks["collaboration"].windowTitle() == "(1) Collaboration"
        assert window.grab().save(str(artifacts_dir / "collab-mention-status-bar.png"))

        # the list says who, where and what; clicking the entry opens the project at that thread
        qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
        popup = indicator.popup
        wait_until(qtbot, lambda: popup.isVisible() and popup.items.count() == 1, timeout=10)
        entry = popup.items.item(0)
        assert entry.data(MENTION_ROLE).thread_id == thread.id
        assert f"ana{tag} mentioned you in Balcony planter" in entry.text() and "drain big enough" in entry.text()
        assert popup.grab().save(str(artifacts_dir / "collab-mentions-list.png"))
        with qtbot.waitSignal(collab.opened, timeout=30_000):
            qtbot.mouseClick(popup.items.viewport(), Qt.MouseButton.LeftButton,
                             pos=popup.items.visualItemRect(entry).center())
        panel = collab.panel
        assert panel is not None and collab.project_id == project.id
        wait_until(qtbot, lambda: panel.thread_view.isVisible() and panel.thread_view.root is not None
                   and panel.thread_view.root.id == thread.id, timeout=30)
        body = panel.thread_view.body.text()
        assert f"font-weight:600\">@BIA{tag}</span>" in body  # my name, highlighted
        assert f"@nobody{tag}" in body and f">@nobody{tag}<" not in body  # a stranger's is plain text
        wait_until(qtbot, lambda: not indicator.isVisible(), timeout=30)
        assert me.projects.mentions(unread=True) == []  # read on the hub too, for my other devices
        assert window.docks["collaboration"].windowTitle() == "Collaboration"

        # replying: "@an" offers Ana; choosing her writes her name, and the reply mentions her
        reply = panel.thread_view.reply
        wait_idle(qtbot, window)
        reply.setFocus()
        qtbot.keyClicks(reply, "Yes, 8 mm. @an")
        completer = panel.thread_view.mentions.completer
        wait_until(qtbot, lambda: completer.popup().isVisible(), timeout=10)
        choices = completer.popup()
        first = choices.model().index(0, 0)
        assert first.data() == f"ana{tag}" and choices.model().rowCount() == 1
        qtbot.wait(200)  # let the X server show the last frames before reading the screen back
        screen = QApplication.primaryScreen().grabWindow(0)  # the popup is a window of its own
        assert screen.save(str(artifacts_dir / "collab-mention-completer.png"))
        qtbot.keyClick(choices, Qt.Key.Key_Return)  # Enter picks the name; it does not send the reply yet
        assert reply.text() == f"Yes, 8 mm. @ana{tag} " and not choices.isVisible()
        qtbot.keyClicks(reply, "thanks")
        qtbot.keyClick(reply, Qt.Key.Key_Return)
        wait_until(qtbot, lambda: len(ana.projects.mentions(unread=True)) == 1, timeout=30)
        [theirs] = ana.projects.mentions(unread=True)
        assert (theirs.author, theirs.thread_id, theirs.excerpt) == (f"bia{tag}", thread.id,
                                                                     f"Yes, 8 mm. @ana{tag} thanks")
        wait_until(qtbot, lambda: f"ana{tag}</span> thanks" in panel.thread_view.body.text(), timeout=30)
        wait_idle(qtbot, window)
        assert window.grab().save(str(artifacts_dir / "collab-mention-thread.png"))
        assert indicator.mapToGlobal(QPoint(0, 0)).y() > window.mapToGlobal(QPoint(0, 0)).y()

        # a new thread in the project I have open: the list opens it too, though my thread list predates it
        second = ana.projects.comment(project.id, f"And the rim, @bia{tag}?", anchor=(50.0, 0.0, 90.0))
        wait_until(qtbot, lambda: indicator.isVisible(), timeout=60)
        qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: popup.isVisible() and popup.items.count() == 1, timeout=10)
        qtbot.mouseClick(popup.items.viewport(), Qt.MouseButton.LeftButton,
                         pos=popup.items.visualItemRect(popup.items.item(0)).center())
        wait_until(qtbot, lambda: panel.thread_view.root is not None and panel.thread_view.root.id == second.id,
                   timeout=30)
        assert len(panel.pins) == 2 and "And the rim" in panel.thread_view.body.text()
        wait_until(qtbot, lambda: not indicator.isVisible(), timeout=30)
    finally:
        ana.close()
