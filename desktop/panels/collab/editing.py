"""Who edits which part of the open shared project, both ways.

Out: the part this designer selects in the Model tree, or edits (its transform, its props, a part they
add), is told to the hub — debounced, so clicking through the tree sends the last part only, on a
worker thread, and only when it changed; deselecting (or the root) and leaving the project clear it.
The hub keeps the claim only while this user's live stream is open, so whenever a `presence` event
shows this user without the part they are on (the stream opened after the claim, the hub restarted),
the claim is sent again.

In: collaborators' claims mark their parts in the Model tree and name the part in the Collaboration
dock's people line ("Ana (editor · ● editing Lid)").
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer

from core.document.document import Document, DocumentChange
from core.errors import PotStudioError
from desktop.panels.collab.bridge import SyncBridge
from desktop.panels.model_tree import ModelTreePanel, node_label
from desktop.workers import Workers
from sync_client.client import HubClient
from sync_client.errors import Conflict, HubError, PermissionDenied
from sync_client.models import Presence

log = logging.getLogger(__name__)
CLAIM_DELAY_MS = 400  # a click through five parts of the tree tells the hub about the last one only


class EditingPresence(QObject):
    def __init__(self, client: HubClient, workers: Workers, bridge: SyncBridge, project_id: int, doc: Document,
                 tree: ModelTreePanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client, self.workers, self.bridge, self.project_id = client, workers, bridge, project_id
        self.doc, self.tree = doc, tree
        self.me: str | None = None  # this user's name, asked once on a worker
        self.wanted: str | None = None  # the part this user is on now
        self.told: str | None = None  # what the hub last accepted from us
        self.presence = Presence(users=[])
        self._sending = False
        self._refused = False  # a viewer: the hub will never take a claim from us
        self._timer = QTimer(self, singleShot=True, interval=CLAIM_DELAY_MS)
        self._timer.timeout.connect(self._send)
        tree.selected.connect(self.select)
        doc.changed.connect(self._edited)
        bridge.presence_changed.connect(self._presence)
        workers.submit("editing", lambda _t: client.me().username, self._learnt,
                       on_error=lambda exc: log.info("who am I, for the parts being edited: %s", exc), show=False)
        self.select(tree.current_id)

    def detach(self) -> None:
        """Leaving the project: clear the claim (the hub also drops it when the stream closes) and the marks."""
        self._timer.stop()
        self.tree.selected.disconnect(self.select)
        self.doc.changed.disconnect(self._edited)
        self.bridge.presence_changed.disconnect(self._presence)
        self.tree.show_editors({})
        if self.told is not None and not self._refused:
            projects, pid = self.client.projects, self.project_id
            self.workers.submit("editing", lambda _t: projects.set_editing(pid, None), lambda _p: None,
                                on_error=lambda exc: log.info("clearing the part being edited: %s", exc), show=False)

    def part_name(self, node_id: str) -> str:
        """A part as the Model tree names it ("Lid"), or its id when this copy does not have it (yet)."""
        try:
            return node_label(self.doc.node(node_id), self.tree.lang)
        except PotStudioError:
            return node_id

    def select(self, node_id: str | None) -> None:
        """This user is on `node_id` now (None or the root: on no part in particular)."""
        self.wanted = None if node_id is None or node_id == self.doc.root.id else node_id
        if self.wanted != self.told:
            self._timer.start()

    def _edited(self, change: DocumentChange) -> None:
        # Collaborators' edits reach the open document as a whole ("replaced"): a change naming a part
        # is this user's own (a command, an undo), so they are working on that part.
        if change.kind in ("node_changed", "node_added") and change.names:
            self.select(change.names[0])

    def _learnt(self, me: str) -> None:
        self.me = me
        self._presence(self.project_id, self.presence)

    def _send(self) -> None:
        if self._sending or self._refused or self.wanted == self.told:
            return
        self._sending = True
        projects, pid, part = self.client.projects, self.project_id, self.wanted

        def claim(_task: Any) -> tuple[str | None, Presence]:
            return part, projects.set_editing(pid, part)

        self.workers.submit("editing", claim, self._sent, on_error=self._failed, show=False)

    def _sent(self, answer: tuple[str | None, Presence]) -> None:
        self._sending = False
        self.told, presence = answer
        self._presence(self.project_id, presence)
        if self.wanted != self.told:  # the user moved on while it was on its way
            self._timer.start()

    def _failed(self, exc: BaseException) -> None:
        self._sending = False
        if isinstance(exc, Conflict) and exc.code == "not_watching":
            log.debug("the live stream is not open yet; the claim goes when presence shows us")
            if self.me in self.presence.users:  # it opened while the claim was on its way
                self._timer.start()
        elif isinstance(exc, PermissionDenied):
            self._refused = True
            log.info("not telling the hub which part is edited: %s", exc)
        elif isinstance(exc, HubError):
            log.info("could not tell the hub which part is edited (tried again with the next change): %s", exc)
        else:
            log.warning("telling the hub which part is edited failed", exc_info=exc)

    def _presence(self, project_id: int, presence: Presence) -> None:
        if project_id != self.project_id:
            return
        self.presence = presence
        mine = presence.editing.get(self.me) if self.me else None
        if self.me in presence.users and mine != self.wanted:  # the hub forgot or never got our claim
            self.told = mine
            self._timer.start()
        editors: dict[str, list[str]] = {}
        for user, part in sorted(presence.editing.items()):
            if user != self.me:
                editors.setdefault(part, []).append(user)
        self.tree.show_editors(editors)

