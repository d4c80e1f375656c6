"""@mentions in the window: names shown highlighted in a thread, and the status bar's "2 mentions" with
the list of where others mentioned the user, across their shared projects.

The list comes from the hub (GET /me/mentions?unread=true) on a worker, when the hub connects and then
on the sync cadence (the SyncBridge's timer), so a mention written while the user works on something
else shows up within one sync. Clicking one asks the owner (collab_host) to open that project and
thread; showing a thread, from here or any other way, marks its mentions read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.mentions import mention_spans
from desktop.dialogs.errors import user_message
from desktop.panels.collab.bridge import SyncBridge
from desktop.panels.collab.common import tr, when
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import Mention

log = logging.getLogger(__name__)
MENTION_ROLE = Qt.ItemDataRole.UserRole


def highlight(body: str, mentions: Sequence[str], me: str | None, palette: QPalette) -> str:
    """`body` as rich text with each @mention coloured, and the user's own name as a chip, so a reader
    sees at a glance who is asked and whether it is them."""
    colour = palette.color(QPalette.ColorRole.Highlight).name()
    chip = palette.color(QPalette.ColorRole.HighlightedText).name()
    parts, at = [], 0
    for span in mention_spans(body, mentions):
        parts.append(escape(body[at:span.start]))
        name = escape(body[span.start:span.end])
        style = f"background-color:{colour}; color:{chip}" if span.username == (me or "").lower() \
            else f"color:{colour}"
        parts.append(f'<span style="{style}; font-weight:600">{name}</span>')
        at = span.end
    parts.append(escape(body[at:]))
    return "".join(parts).replace("\n", "<br>")


def describe(mention: Mention) -> str:
    said = tr("{0} mentioned you in {1} · {2}").format(mention.author, mention.project_name, when(mention.created_at))
    return f"{said}\n{mention.excerpt}"


class MentionsList(QFrame):
    """The popup under the status bar's button: the unread mentions, newest first."""

    chosen = Signal(object)  # Mention
    mark_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("mentionsList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(objectName="mentionsTitle")
        self.items = QListWidget(objectName="mentionItems")
        self.items.setWordWrap(True)
        self.items.itemClicked.connect(self._clicked)
        self.items.itemActivated.connect(self._clicked)
        self.mark_all_button = QPushButton(tr("Mark All Read"), objectName="markAllMentionsRead")
        self.mark_all_button.clicked.connect(self.mark_all)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.mark_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.items, 1)
        self.resize(420, 320)

    def show_mentions(self, mentions: Sequence[Mention]) -> None:
        self.title.setText(tr("<b>Mentions</b>"))
        self.items.clear()
        for mention in mentions:
            item = QListWidgetItem(describe(mention))
            item.setData(MENTION_ROLE, mention)
            item.setToolTip(tr("Open the thread in {0}").format(mention.project_name))
            self.items.addItem(item)
        if not mentions:
            self.items.addItem(tr("No unread mentions. When someone writes @ and your name in a comment, it shows "
                                  "here."))
            self.items.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.mark_all_button.setEnabled(bool(mentions))

    def _clicked(self, item: QListWidgetItem) -> None:
        mention = item.data(MENTION_ROLE)
        if isinstance(mention, Mention):
            self.hide()
            self.chosen.emit(mention)


class MentionsIndicator(QToolButton):
    """"@ 2 mentions" in the status bar (hidden while there are none); click for the list."""

    open_requested = Signal(object)  # Mention: open its project and thread
    count_changed = Signal(int)

    def __init__(self, client: HubClient, workers: Workers, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentionsIndicator")
        self.setAutoRaise(True)
        self.client, self.workers = client, workers
        self.unread: list[Mention] = []
        self._asked = self._shown = 0  # answers are numbered so a slow, older one never wins
        self.popup = MentionsList(self)
        self.popup.chosen.connect(self._chosen)
        self.popup.mark_all.connect(self.mark_all_read)
        self.clicked.connect(self.open_list)
        bridge.timer.timeout.connect(self.refresh)
        bridge.comments_changed.connect(self._comments_changed)
        self.setVisible(False)
        self.refresh()

    def _run(self, label: str, fn: Callable[[], Any]) -> None:
        seq = self._asked = self._asked + 1
        self.workers.submit(label, lambda _t: fn(), lambda mentions: self._show(seq, mentions),
                            on_error=self._failed, show=False)

    def _comments_changed(self, _project_id: int) -> None:
        self.refresh()  # a comment just written in a project I watch may mention me

    def refresh(self) -> None:
        projects = self.client.projects
        self._run(tr("Mentions"), lambda: projects.mentions(unread=True))

    def _show(self, seq: int, mentions: list[Mention]) -> None:
        if seq < self._shown:
            return
        self._shown = seq
        self.unread = mentions
        count = len(mentions)
        self.setText("@ " + (tr("1 mention") if count == 1 else tr("{0} mentions").format(count)))
        colour = self.palette().color(QPalette.ColorRole.Highlight).name()
        self.setStyleSheet(f"QToolButton#mentionsIndicator {{ color: {colour}; font-weight: 600; }}")
        self.setToolTip(tr("Comments where someone mentioned you: click to see them"))
        self.setVisible(count > 0)
        self.popup.show_mentions(mentions)
        self.count_changed.emit(count)

    def _failed(self, exc: BaseException) -> None:
        """Offline or signed out: the sync indicator says so; the last list stays, with the reason."""
        log.info("mentions: %s", exc)
        self.setToolTip(tr("Mentions could not be updated: {0}").format(user_message(exc)))

    def open_list(self) -> None:
        self.popup.show_mentions(self.unread)
        above = self.mapToGlobal(QPoint(self.width() - self.popup.width(), -self.popup.height()))
        self.popup.move(above)
        self.popup.show()
        self.refresh()

    def _chosen(self, mention: Mention) -> None:
        """Read once its thread is shown (mark_thread_read): a project that does not open leaves it unread."""
        self.open_requested.emit(mention)

    def mark_read(self, mentions: Sequence[Mention]) -> None:
        ids = [m.id for m in mentions]
        if not ids:
            return
        projects = self.client.projects

        def mark() -> list[Mention]:
            for mention_id in ids:
                projects.mark_mention(mention_id, read=True)
            return projects.mentions(unread=True)

        self._run(tr("Marking mentions read"), mark)

    def mark_thread_read(self, project_id: int, thread_id: int) -> None:
        """A thread was opened: the mentions in it are seen."""
        self.mark_read([m for m in self.unread if m.project_id == project_id and m.thread_id == thread_id])

    def mark_all_read(self) -> None:
        projects = self.client.projects
        self._run(tr("Marking mentions read"),
                  lambda: (projects.mark_mentions_read(), projects.mentions(unread=True))[1])
