"""The open document bound to a shared project: what the designer sees is always the SyncEngine's
copy — the hub's head plus their own pending ops, rebased (core.document.ops) — never collaborators'
ops applied on top of local edits in arrival order, which is how two designers' copies drifted apart.

- a local change (any command, an undo, an AI edit) is recorded as ops right after the undo stack
  changed, so the engine's copy and the open document stay equal;
- when the engine's copy changes (collaborators' ops arrived, an op clashed and left the view) the
  open document takes it as a whole. Choice: outside the undo stack — a designer's Ctrl+Z takes
  back their own last edit, never a collaborator's (as in Figma, Google Docs); undoing one after a
  collaborator changed the same value writes the old value back as a new edit that syncs like any other.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from core.commands import CommandStack
from core.document.document import Document
from desktop.panels.collab.bridge import SyncBridge

log = logging.getLogger(__name__)
PUSH_DELAY_MS = 250  # a slider drag's steps go out together


class SharedDocument(QObject):
    updated = Signal()  # the open document took collaborators' changes (views redraw from it)

    def __init__(self, doc: Document, stack: CommandStack, bridge: SyncBridge, project_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.bridge, self.project_id = doc, stack, bridge, project_id
        self.engine = bridge.engine
        self._push = QTimer(self, singleShot=True, interval=PUSH_DELAY_MS)
        self._push.timeout.connect(bridge.sync_now)
        stack.changed.connect(self._local_change)
        bridge.document_changed.connect(self._remote_change)
        bridge.follow(project_id)

    def detach(self) -> None:
        self._push.stop()
        self.stack.changed.disconnect(self._local_change)
        self.bridge.document_changed.disconnect(self._remote_change)
        self.bridge.unfollow(self.project_id)
        self.bridge.projects.discard(self.project_id)

    def _local_change(self) -> None:
        ops = self.engine.record_document(self.project_id, self.doc.to_json())
        if ops:
            self._push.start()

    def _remote_change(self, project_id: int) -> None:
        if project_id != self.project_id:
            return
        copy = self.engine.document(project_id)
        if copy is None or copy == self.doc.to_json():
            return
        self.doc.replace_with(Document.from_json(copy))
        self.updated.emit()
