"""A comment thread (the root pinned on the model and its replies) with reply and resolve; @mentions
are highlighted (the user's own name most) and typing "@" in the reply offers the project's members."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.panels.collab.common import tr, when
from desktop.panels.collab.mention_input import MentionCompleter
from desktop.panels.collab.mentions import highlight
from sync_client.models import ProjectComment


class ThreadView(QWidget):
    reply_requested = Signal(int, str)  # root comment id, text
    resolve_requested = Signal(int, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadView")
        self.root: ProjectComment | None = None
        self.me: str | None = None
        self.header = QLabel(objectName="threadHeader")
        self.body = QLabel(objectName="threadBody", wordWrap=True)
        self.reply = QLineEdit(objectName="threadReply")
        self.reply.setPlaceholderText(tr("Reply… (@ to mention someone)"))
        self.mentions = MentionCompleter(self.reply)
        self.send = QPushButton(tr("Reply"), objectName="threadSend")
        self.resolve = QPushButton(objectName="threadResolve")
        close = QPushButton(tr("Close"))
        self.send.clicked.connect(self._send)
        self.reply.returnPressed.connect(self._send)
        self.resolve.clicked.connect(lambda: self.root and self.resolve_requested.emit(self.root.id,
                                                                                        not self.root.resolved))
        close.clicked.connect(self.closed)
        row = QHBoxLayout()
        row.addWidget(self.reply, 1)
        row.addWidget(self.send)
        actions = QHBoxLayout()
        actions.addWidget(self.resolve)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        layout.addLayout(row)
        layout.addLayout(actions)

    def show_thread(self, root: ProjectComment, replies: list[ProjectComment]) -> None:
        self.root = root
        where = tr(" on {0}").format(root.node_id) if root.node_id else ""
        self.header.setText(tr("<b>{0}</b>{1} · {2}").format(escape(root.author), escape(where), when(root.created_at))
                            + (tr(" · resolved") if root.resolved else ""))
        palette = self.palette()
        lines = [highlight(root.body, root.mentions, self.me, palette)] + [
            f"<br><b>{escape(r.author)}</b> · {when(r.created_at)}<br>{highlight(r.body, r.mentions, self.me, palette)}"
            for r in replies]
        self.body.setText("<br>".join(lines))
        self.resolve.setText(tr("Reopen") if root.resolved else tr("Resolve"))

    def set_people(self, members: list[str], me: str | None) -> None:
        """Who the reply box offers after "@" (everyone but the user), and whose name is the user's."""
        self.me = me
        self.mentions.set_names([name for name in members if name != me])

    def _send(self) -> None:
        text = self.reply.text().strip()
        if self.root is not None and text:
            self.reply_requested.emit(self.root.id, text)
            self.reply.clear()
