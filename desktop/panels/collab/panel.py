"""CollabPanel: one shared project's people (who is here now, who edits which part), comment threads and
history, kept live.

The Collaboration dock (desktop.collab_host) shows it for the open shared project, connects
`pins_changed` to `pins.draw_pins(viewport.plotter, pins)` and a viewport pick to `open_pin_near(point)`
or, in comment mode, to a new thread at that point. Collaborators' ops reach the open document through
collab.live.SharedDocument (head + own pending ops, rebased), not through this panel: here they only
grow the history, where an edit a later collaborator replaced says "overwritten by …".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.errors import user_message
from desktop.panels.collab.bridge import SyncBridge
from desktop.panels.collab.common import role_label, tr
from desktop.panels.collab.history import RevisionHistory
from desktop.panels.collab.pins import CommentPin, pin_near, pins_from_comments
from desktop.panels.collab.share import ShareDialog
from desktop.panels.collab.threads import ThreadView
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.models import Member, Presence, ProjectComment, RemoteOp, Version

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole
PIN_TOLERANCE_MM = 4.0


class CollabPanel(QWidget):
    pins_changed = Signal(object)  # list[CommentPin]
    remote_changes = Signal(object)  # list[RemoteOp] made by collaborators
    loaded = Signal()  # a reload finished (comments, members, history)
    thread_opened = Signal(int)  # the first comment's id of the thread now shown (its mentions are seen)
    restore_requested = Signal(object, str)  # a version's document (dict) and its name: restore as a new revision
    compare_requested = Signal(object)  # list[VersionDetail]: one (compare with the current model) or two

    def __init__(self, client: HubClient, workers: Workers, bridge: SyncBridge, project_id: int, project_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabPanel")
        self.client, self.workers, self.bridge = client, workers, bridge
        self.project_id, self.project_name = project_id, project_name
        self.comments: list[ProjectComment] = []
        self.pins: list[CommentPin] = []
        self.ops: list[RemoteOp] = []
        self.me: str | None = None  # whose ops are our own (not reported as remote changes)
        self.members: list[Member] = []
        self.present: list[str] = []
        self.editing: dict[str, str] = {}  # username -> the node id they are editing
        self.part_name: Callable[[str], str] = str  # the window names parts as its Model tree does
        self._asked = self._shown = 0  # comment lists are numbered so a slow, older answer never wins
        self.share_dialog: ShareDialog | None = None
        self.title = QLabel(f"<b>{project_name}</b>", objectName="collabTitle")
        self.people = QLabel(objectName="collabPeople", wordWrap=True)
        self.share_button = QPushButton(tr("Share…"), objectName="shareButton")
        self.share_button.clicked.connect(self.open_share)
        self.error = QLabel(objectName="collabError", wordWrap=True, visible=False)
        self.threads = QListWidget(objectName="threadList", wordWrap=True)  # long first comments wrap in a narrow dock
        self.threads.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.threads.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.threads.itemClicked.connect(lambda item: self.open_thread(item.data(ID_ROLE)))
        self.thread_view = ThreadView()
        self.thread_view.hide()
        self.thread_view.reply_requested.connect(lambda root, text: self.add_comment(text, parent_id=root))
        self.thread_view.resolve_requested.connect(self.resolve)
        self.thread_view.closed.connect(lambda: self.thread_view.hide())
        self.history = RevisionHistory()
        self.history.restore_requested.connect(self.restore)
        self.history.compare_requested.connect(self.compare)
        self.history.save_requested.connect(self.ask_version_name)
        comments_tab = QWidget()
        comments = QVBoxLayout(comments_tab)
        comments.addWidget(self.threads, 1)
        comments.addWidget(self.thread_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(comments_tab, tr("Comments"))
        self.tabs.addTab(self.history, tr("History"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.share_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.people)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        bridge.remote_ops.connect(self._remote_ops)
        bridge.presence_changed.connect(self._presence)
        bridge.comments_changed.connect(self._comments_changed)
        self.reload()

    def close_project(self) -> None:
        """Stop hearing this project's updates (call before dropping the panel)."""
        self.bridge.remote_ops.disconnect(self._remote_ops)
        self.bridge.presence_changed.disconnect(self._presence)
        self.bridge.comments_changed.disconnect(self._comments_changed)

    def _run(self, label: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.workers.submit(label, lambda _t: fn(), done, on_error=self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        log.info("collaboration: %s", exc)
        self.error.setText(user_message(exc))
        self.error.show()

    def reload(self) -> None:
        projects = self.client.projects

        def fetch() -> tuple[str, list[ProjectComment], list[Member], list[Version], list[RemoteOp]]:
            pid = self.project_id
            me = self.me or self.client.me().username
            return me, projects.comments(pid), projects.members(pid), projects.versions(pid), projects.feed(pid, 0).ops

        seq = self._next()
        self._run("project", fetch, lambda data: self._loaded(seq, data))

    def _next(self) -> int:
        self._asked += 1
        return self._asked

    def _loaded(self, seq: int,
                data: tuple[str, list[ProjectComment], list[Member], list[Version], list[RemoteOp]]) -> None:
        self.me, comments, self.members, versions, ops = data
        self.error.hide()
        self._show_people()
        self.thread_view.set_people([m.username for m in self.members], self.me)
        self.history.show_versions(versions)
        self.ops = ops
        self.history.show_changes(ops)
        self._show_comments(seq, comments)
        self.loaded.emit()

    def _presence(self, project_id: int, presence: Presence) -> None:
        if project_id != self.project_id:
            return
        self.present, self.editing = presence.users, presence.editing
        self._show_people()
        if set(presence.users) - {m.username for m in self.members}:  # someone joined since the list was read
            projects = self.client.projects
            self._run("members", lambda: projects.members(project_id), self._members_read)

    def _members_read(self, members: list[Member]) -> None:
        self.members = members
        self._show_people()

    def _show_people(self) -> None:
        self.people.setText(", ".join(f"{m.username} ({role_label(m.role)}{self._doing(m.username)})"
                                      for m in self.members))

    def _doing(self, username: str) -> str:
        """" · ● editing Lid", " · ● here now" or nothing: what a member is doing in the project now."""
        if username in self.editing:
            return " · ● " + tr("editing {0}").format(self.part_name(self.editing[username]))
        return " · ● " + tr("here now") if username in self.present else ""

    def _show_comments(self, seq: int, comments: list[ProjectComment]) -> None:
        if seq < self._shown:
            return
        self._shown = seq
        self.comments = comments
        self.pins = pins_from_comments(comments, include_resolved=True)
        self.threads.clear()
        for pin in self.pins:
            state = tr(" · resolved") if pin.resolved else ""
            item = QListWidgetItem(tr("#{0} {1}: {2} · ↩ {3}{4}").format(pin.number, pin.author, pin.body,
                                                                           pin.replies, state))
            item.setData(ID_ROLE, pin.comment_id)
            self.threads.addItem(item)
        if self.thread_view.isVisible() and self.thread_view.root is not None:
            self.open_thread(self.thread_view.root.id)
        self.pins_changed.emit(self.pins)

    def open_thread(self, comment_id: int) -> None:
        roots = [c for c in self.comments if c.id == comment_id]
        if roots:
            replies = sorted((c for c in self.comments if c.parent_id == comment_id), key=lambda c: c.id)
            self.tabs.setCurrentIndex(0)
            self.thread_view.show_thread(roots[0], replies)
            self.thread_view.show()
            self.thread_opened.emit(comment_id)

    def open_pin_near(self, point: Sequence[float], tolerance: float = PIN_TOLERANCE_MM) -> CommentPin | None:
        """The viewport's click handler: open the thread of the pin at `point`, if any."""
        pin = pin_near(self.pins, point, tolerance)
        if pin is not None:
            self.open_thread(pin.comment_id)
        return pin

    def _comments_changed(self, project_id: int) -> None:
        """A collaborator wrote, resolved or reopened a comment: read the threads again (pins follow)."""
        if project_id == self.project_id:
            projects, seq = self.client.projects, self._next()
            self._run("comments", lambda: projects.comments(project_id),
                      lambda comments: self._show_comments(seq, comments))

    def add_comment(self, body: str, node_id: str | None = None, anchor: tuple[float, float, float] | None = None,
                    parent_id: int | None = None) -> None:
        projects, pid, seq = self.client.projects, self.project_id, self._next()
        self._run("comment", lambda: (projects.comment(pid, body, node_id=node_id, anchor=anchor, parent_id=parent_id),
                                      projects.comments(pid))[1], lambda comments: self._show_comments(seq, comments))

    def resolve(self, comment_id: int, resolved: bool) -> None:
        projects, pid, seq = self.client.projects, self.project_id, self._next()
        self._run("resolve", lambda: (projects.resolve_comment(pid, comment_id, resolved), projects.comments(pid))[1],
                  lambda comments: self._show_comments(seq, comments))

    def open_share(self) -> None:
        self.share_dialog = ShareDialog(self.client, self.workers, self.project_id, self.project_name, self)
        self.share_dialog.finished.connect(lambda _r: self.reload())
        self.share_dialog.open()

    def _remote_ops(self, project_id: int, ops: list[RemoteOp]) -> None:
        if project_id != self.project_id:
            return
        known = {op.rev for op in self.ops}
        fresh = [op for op in ops if op.rev not in known]
        if not fresh:
            return
        self.ops = sorted([*self.ops, *fresh], key=lambda o: o.rev)
        self.history.show_changes(self.ops)
        theirs = [op for op in fresh if op.author != self.me]
        if theirs:
            self.remote_changes.emit(theirs)

    def compare(self, version_ids: list[int]) -> None:
        """Fetch the versions to compare side by side (the window shows them in the viewport)."""
        projects, pid = self.client.projects, self.project_id
        self._run("versions", lambda: [projects.version(pid, v) for v in version_ids], self.compare_requested.emit)

    def ask_version_name(self) -> None:
        self.version_prompt = QInputDialog(self)
        self.version_prompt.setObjectName("versionNamePrompt")
        self.version_prompt.setWindowTitle(tr("Save Version"))
        self.version_prompt.setLabelText(tr("Name this version (what changed, or why it matters):"))
        self.version_prompt.textValueSelected.connect(self.save_version)
        self.version_prompt.finished.connect(self.version_prompt.deleteLater)
        self.version_prompt.open()

    def save_version(self, name: str) -> None:
        """The hub names its head (everyone's edits so far) as a version the history lists."""
        if not name.strip():
            return
        projects, pid = self.client.projects, self.project_id
        self._run("version", lambda: (projects.create_version(pid, name.strip()), projects.versions(pid))[1],
                  self.history.show_versions)

    def restore(self, version_id: int) -> None:
        """Fetch a named version; the owner puts it back as a new revision (history stays intact)."""
        projects, pid = self.client.projects, self.project_id
        self._run("version", lambda: projects.version(pid, version_id),
                  lambda v: self.restore_requested.emit(v.document, v.name))
