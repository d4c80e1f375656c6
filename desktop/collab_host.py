"""Collaboration in the main window: File ▸ Share…, the Collaboration dock (shared projects and
invitations; for the open shared project its people, comments and history), who edits which part
(told to the hub from the Model tree's selection, shown in the dock and the tree), comments pinned in 3D,
the conflict view when an edit clashes, and the news that one was removed from a project.

It rides on the HubHost's client and SyncBridge (made off the GUI thread when the hub connects); an
action asked for before that waits for the connection. The open document is bound to its shared
project by collab.live.SharedDocument, which keeps it equal to the engine's rebased copy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from core.commands import CommandStack, ReplaceDocument
from core.document.document import Document
from core.geometry.build import Evaluator
from desktop.hub_host import HubHost
from desktop.panels.collab.changes import CHANGED_ACTOR, CHANGED_COLOUR, changed_parts, parts_mesh
from desktop.panels.collab.compare import VersionCompare, sides
from desktop.project import ProjectController
from desktop.viewport.picking import ClickPicker
from desktop.viewport.scene import to_polydata
from desktop.viewport.view import Viewport
from desktop.workers import LatestOnly, Workers

if TYPE_CHECKING:
    import trimesh

    from desktop.panels.collab.editing import EditingPresence
    from desktop.panels.collab.live import SharedDocument
    from desktop.panels.collab.mentions import MentionsIndicator
    from desktop.panels.collab.panel import CollabPanel
    from desktop.panels.collab.pins import CommentPin
    from desktop.panels.collab.projects import SharedProjects
    from desktop.panels.model_tree import ModelTreePanel
    from sync_client.client import HubClient
    from sync_client.models import Mention, Project, VersionDetail
    from sync_client.outbox import ConflictRecord
    from sync_client.sync import Removal

log = logging.getLogger(__name__)
FLASH_MS = 1500  # how long a collaborator's change stays lit
PIN_REACH_PX = 16  # a click this close to a pin (in screen pixels) opens its thread


def tr(text: str) -> str:
    return QCoreApplication.translate("CollabHost", text)


def _share(client: HubClient, name: str, document: dict[str, Any]) -> Project:
    """Worker: the open document becomes a project on the hub, and this client's copy of it."""
    project = client.projects.create(name, document)
    client.sync.open(project.id)
    return project


class CollabHost(QObject):
    opened = Signal(int)  # a shared project is open and bound (tests and the dock wait on it)
    message = Signal(str)  # for the status bar

    def __init__(self, window: QMainWindow, hub: HubHost, workers: Workers, project: ProjectController,
                 stack: CommandStack, viewport: Viewport, evaluator: Evaluator,
                 on_error: Callable[[str, BaseException], None], may_discard: Callable[[], bool],
                 save_as: Callable[[], None]) -> None:
        """`may_discard()` asks about unsaved changes before another project opens; `save_as()` saves
        a copy (of a project one was removed from)."""
        super().__init__(window)
        self.may_discard, self.save_as = may_discard, save_as
        self.window, self.hub, self.workers, self.project = window, hub, workers, project
        self.stack, self.viewport, self.evaluator, self.on_error = stack, viewport, evaluator, on_error
        self.client: HubClient | None = None
        self.list: SharedProjects | None = None
        self.panel: CollabPanel | None = None
        self.live: SharedDocument | None = None
        self.tree: ModelTreePanel | None = None  # see watch_tree
        self.editing: EditingPresence | None = None
        self.project_id: int | None = None
        self.commenting = False  # the next click on the model starts a comment thread there
        self.prompt: QInputDialog | None = None
        self.link_prompt: QInputDialog | None = None
        self.notice: QMessageBox | None = None
        self._when_connected: list[Callable[[], None]] = []
        self.pins: list[CommentPin] = []  # the open project's threads, at their anchors
        self.mentions: MentionsIndicator | None = None  # the status bar's "2 mentions", once connected
        self.mention_count = 0
        self._thread_to_open: tuple[int, int] | None = None  # (project, thread) to show once that project loads
        self.drawn: list[CommentPin] = []  # the same, where they are drawn on the current model
        self.flash_runner = LatestOnly(workers, self._flash, lambda exc: log.info("changed parts: %s", exc),
                                       show=False)
        self.flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self.flash_timer.timeout.connect(self._unflash)
        self.pin_runner = LatestOnly(workers, self._show_pins, lambda exc: log.info("comment pins: %s", exc),
                                     show=False)
        self.comparer = VersionCompare(viewport, workers, evaluator, window)
        stack.changed.connect(self.comparer.exit)  # my edit (a slider, a restore) must show: back to the model
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, objectName="collabPlaceholder")
        self.pages = QStackedWidget(objectName="collabPages")
        self.pages.addWidget(self.placeholder)
        self.slot = QDockWidget(window)
        self.slot.setObjectName("dock_collaboration")
        self.slot.setWidget(self.pages)
        self.slot.visibilityChanged.connect(self._visible)
        self.picker = ClickPicker(viewport.plotter, self._clicked,
                                  lambda: self.panel is not None and not viewport.measure.active)
        hub.connected.connect(self._connected)
        viewport.rendered.connect(lambda: self._draw_pins(self.pins))
        project.closing.connect(self.leave)
        self.retranslate()

    def watch_tree(self, tree: ModelTreePanel) -> None:
        """The Model tree whose selection says which part this user edits, and that marks collaborators' parts."""
        self.tree = tree

    @property
    def is_shared(self) -> bool:
        return self.project_id is not None

    # --- connection ------------------------------------------------------------------------------------
    def _visible(self, visible: bool) -> None:
        """Brought to the front once the window is settled: connect, as the Marketplace tab does."""
        if visible and self.hub.armed:
            self._with_client(lambda: None)

    def _with_client(self, then: Callable[[], None]) -> None:
        if self.client is not None:
            then()
            return
        self._when_connected.append(then)
        self.placeholder.setText(tr("Connecting to the hub…"))
        self.hub.connect_hub()

    def _connected(self, client: HubClient) -> None:
        from desktop.panels.collab.mentions import MentionsIndicator
        from desktop.panels.collab.projects import SharedProjects

        if self.list is not None:  # another server or account: nothing of the old one stays bound
            self.leave(reload=False)
            self.pages.removeWidget(self.list)
            self.list.deleteLater()
        if self.mentions is not None:
            self.window.statusBar().removeWidget(self.mentions)
            self.mentions.deleteLater()
        self.client = client
        bridge = self.hub.bridge
        assert bridge is not None
        bridge.removed.connect(self._removed)
        bridge.conflict_added.connect(self.open_conflict)
        self.list = SharedProjects(client, self.workers)
        self.list.open_requested.connect(self.open_shared)
        self.mentions = MentionsIndicator(client, self.workers, bridge)
        self.mentions.open_requested.connect(self.open_mention)
        self.mentions.count_changed.connect(self._mention_count)
        self.window.statusBar().addPermanentWidget(self.mentions)
        self.pages.addWidget(self.list)
        self.pages.setCurrentWidget(self.list)
        waiting, self._when_connected = self._when_connected, []
        for then in waiting:
            then()

    # --- actions -----------------------------------------------------------------------------------------
    def show(self) -> None:
        self.slot.show()
        self.slot.raise_()
        self._with_client(lambda: None)

    def share(self) -> None:
        """File ▸ Share…: the open project goes to the hub (once), then the share dialog opens."""
        self.show()
        self._with_client(self._share_now)

    def _share_now(self) -> None:
        if self.panel is not None:
            self.panel.open_share()
            return
        client, name, document = self.client, self.project.name, self.project.doc.to_json()
        assert client is not None
        self.workers.submit(tr("Sharing {0}").format(name), lambda _t: _share(client, name, document),
                            self._shared, lambda exc: self.on_error(tr("Share"), exc))

    def _shared(self, project: Project) -> None:
        self._bind(project.id, project.name)
        assert self.panel is not None
        self.panel.open_share()

    def open_shared(self, project_id: int, name: str) -> None:
        """Open a shared project from the dock's list: the engine's copy becomes the open document."""
        if not self.may_discard():
            return
        client = self.client
        assert client is not None
        self.workers.submit(tr("Opening {0}").format(name), lambda _t: client.sync.open(project_id),
                            lambda copy: self._opened(project_id, name, copy),
                            lambda exc: self.on_error(tr("Open shared project"), exc))

    def _opened(self, project_id: int, name: str, copy: dict[str, Any]) -> None:
        self.project.open_shared(Document.from_json(copy))
        self._bind(project_id, name)

    def open_link(self) -> None:
        """File ▸ Open Shared Link…: paste a link someone sent; we join its project and open it."""
        self.link_prompt = QInputDialog(self.window)
        self.link_prompt.setObjectName("openLinkPrompt")
        self.link_prompt.setWindowTitle(tr("Open Shared Link"))
        self.link_prompt.setLabelText(tr("Paste the share link you were sent:"))
        self.link_prompt.textValueSelected.connect(lambda text: self._with_client(lambda: self._join(text)))
        self.link_prompt.finished.connect(self.link_prompt.deleteLater)
        self.link_prompt.open()

    def _join(self, link: str) -> None:
        client = self.client
        assert client is not None
        self.workers.submit(tr("Joining a shared project"), lambda _t: client.projects.accept_link(link),
                            self._joined, lambda exc: self.on_error(tr("Open Shared Link"), exc))

    def _joined(self, project: Project) -> None:
        self.message.emit(tr("You joined '{0}', shared by {1}.").format(project.name, project.owner))
        if self.list is not None:
            self.list.reload()
        self.open_shared(project.id, project.name)

    def open_mention(self, mention: Mention) -> None:
        """A mention from the status bar's list: its thread in the dock once the project's comments are loaded
        (the project opened first if it is not the open one). Showing the thread marks its mentions read."""
        self.show()
        self._thread_to_open = (mention.project_id, mention.thread_id)
        if self.panel is not None and self.project_id == mention.project_id:
            self.panel.reload()  # the comment may be newer than the open thread list
            return
        self.open_shared(mention.project_id, mention.project_name)

    def _open_pending_thread(self) -> None:
        if self.panel is not None and self._thread_to_open is not None \
                and self._thread_to_open[0] == self.project_id:
            self.panel.open_thread(self._thread_to_open[1])
            self._thread_to_open = None

    def _thread_seen(self, thread_id: int) -> None:
        if self.mentions is not None and self.project_id is not None:
            self.mentions.mark_thread_read(self.project_id, thread_id)

    def _mention_count(self, count: int) -> None:
        self.mention_count = count
        self.retranslate()

    def set_commenting(self, on: bool) -> None:
        """Comment on a Point: the next click on the model asks for the comment and pins it there."""
        self.commenting = on and self.panel is not None
        if self.commenting:
            self.message.emit(tr("Click a point on the model to comment on it."))

    # --- the open shared project -----------------------------------------------------------------------
    def _bind(self, project_id: int, name: str) -> None:
        from desktop.panels.collab.live import SharedDocument
        from desktop.panels.collab.panel import CollabPanel

        client, bridge = self.client, self.hub.bridge
        assert client is not None and bridge is not None
        self.leave()
        self.project_id = project_id
        bridge.projects.add(project_id)
        self.live = SharedDocument(self.project.doc, self.stack, bridge, project_id, self)
        self.panel = CollabPanel(client, self.workers, bridge, project_id, name)
        if self.tree is not None:
            from desktop.panels.collab.editing import EditingPresence

            self.editing = EditingPresence(client, self.workers, bridge, project_id, self.project.doc, self.tree, self)
            self.panel.part_name = self.editing.part_name
        self.panel.pins_changed.connect(self._draw_pins)
        self.panel.restore_requested.connect(self.restore)
        self.panel.compare_requested.connect(self.compare_versions)
        self.panel.remote_changes.connect(self._remote)
        self.panel.thread_opened.connect(self._thread_seen)
        self.panel.loaded.connect(self._open_pending_thread)
        self.pages.addWidget(self.panel)
        self.pages.setCurrentWidget(self.panel)
        self.show()
        self.opened.emit(project_id)

    def leave(self, reload: bool = True) -> None:
        """Stop binding the open document to its shared project (another one is about to open); the
        dock shows the list of shared projects again (`reload`: fetched anew)."""
        if self.editing is not None:  # before the live stream ends: the hub takes the "no part" claim
            self.editing.detach()
            self.editing.deleteLater()
            self.editing = None
        self.comparer.exit()
        if self.live is not None:
            self.live.detach()
            self.live.deleteLater()
            self.live = None
        if self.panel is not None:
            self.panel.close_project()
            self.pages.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
            self._draw_pins([])
        self.project_id = None
        self.commenting = False
        if self.list is not None:
            self.pages.setCurrentWidget(self.list)
            if reload:
                self.list.reload()

    def restore(self, document: dict[str, Any], name: str) -> None:
        """A version comes back as a new revision: an undoable local edit that syncs like any other."""
        self.stack.push(ReplaceDocument(Document.from_json(document), label=tr("Restore '{0}'").format(name)))
        self.message.emit(tr("Restored '{0}' as a new revision.").format(name))

    def compare(self) -> None:
        """View ▸ Compare Versions…: the versions selected in the History tab, else the newest one, side by
        side with the current model."""
        panel = self.panel
        if panel is None:
            return
        self.show()
        panel.tabs.setCurrentWidget(panel.history)
        chosen = panel.history.selected()
        newest = panel.history.versions.item(0)
        if not chosen and newest is not None and newest.data(Qt.ItemDataRole.UserRole) is not None:
            chosen = [int(newest.data(Qt.ItemDataRole.UserRole))]
        if not 0 < len(chosen) <= 2:
            self.message.emit(tr("Select one or two versions in the History tab to compare (Save Version… names "
                                 "the model as it is now)."))
            return
        panel.compare(chosen)

    def compare_versions(self, versions: list[VersionDetail]) -> None:
        self.comparer.start(*sides(versions, self.project.doc.to_json()))

    def _remote(self, ops: list[Any]) -> None:
        """A collaborator's edit arrived (the model rebuilds from the document): say who, and light up
        the parts it changed for a moment so the eye finds them."""
        authors = sorted({op.author for op in ops})
        self.message.emit(tr("{0} changed the model.").format(", ".join(authors)))
        snapshot = self.project.doc.copy()
        parts = changed_parts(snapshot, ops)
        if parts:
            evaluator = self.evaluator
            self.flash_runner.request(tr("Showing what changed"), lambda _t: parts_mesh(evaluator, snapshot, parts))

    def _flash(self, mesh: trimesh.Trimesh | None) -> None:
        plotter = self.viewport.plotter
        if mesh is None or self.panel is None:
            return
        plotter.add_mesh(to_polydata(mesh), color=CHANGED_COLOUR, opacity=0.45, name=CHANGED_ACTOR, reset_camera=False,
                         pickable=False, render=False)
        self.viewport.schedule_render()
        self.flash_timer.start()

    def _unflash(self) -> None:
        self.viewport.plotter.remove_actor(CHANGED_ACTOR, render=False)
        self.viewport.schedule_render()

    def _draw_pins(self, pins: list[CommentPin]) -> None:
        """Draw the threads' pins on the model as it is now: each anchor moves to the nearest point of the
        current surface (on a worker), so a pin stays on the wall it was put on when the pot grows wider."""
        from desktop.panels.collab.pins import draw_pins

        self.pins = list(pins)
        mesh = self.viewport.mesh
        if not pins or mesh is None or len(mesh.faces) == 0:
            self.drawn = self.pins
            draw_pins(self.viewport.plotter, self.drawn)  # type: ignore[arg-type]  # a QtInteractor is a Plotter
            self.viewport.plotter.update()  # a Qt repaint: VTK draws in paintGL (not viewport.rendered again)
            return
        from desktop.panels.collab.pins import on_surface

        self.pin_runner.request(tr("Placing comment pins"), lambda _t: on_surface(mesh, pins))

    def _show_pins(self, pins: list[CommentPin]) -> None:
        from desktop.panels.collab.pins import draw_pins

        if self.panel is None:
            return
        self.drawn = pins
        draw_pins(self.viewport.plotter, pins)  # type: ignore[arg-type]  # a QtInteractor is a pyvista Plotter
        self.viewport.plotter.update()

    def _clicked(self, point: tuple[float, float, float]) -> None:
        if self.panel is None:
            return
        if not self.commenting:
            nearest = self._pin_at(point)
            if nearest is not None:
                self.panel.open_thread(nearest.comment_id)
                self.show()
            return
        self.commenting = False
        self.prompt = QInputDialog(self.window)
        self.prompt.setObjectName("commentPrompt")
        self.prompt.setWindowTitle(tr("Comment"))
        self.prompt.setLabelText(tr("Your comment on this point (@ to mention someone):"))
        self.prompt.setInputMode(QInputDialog.InputMode.TextInput)
        self._offer_members(self.prompt.findChild(QLineEdit))
        panel = self.panel
        self.prompt.textValueSelected.connect(lambda text: self._comment(panel, text, point))
        self.prompt.finished.connect(self._prompt_closed)
        self.prompt.open()

    def _offer_members(self, edit: QLineEdit | None) -> None:
        """Typing "@" in the new comment offers the project's members, as in a thread's reply box."""
        from desktop.panels.collab.mention_input import MentionCompleter

        panel = self.panel
        if panel is not None and edit is not None:
            self.prompt_mentions = MentionCompleter(edit)
            self.prompt_mentions.set_names([m.username for m in panel.members if m.username != panel.me])

    def _pin_at(self, point: tuple[float, float, float]) -> CommentPin | None:
        """The pin drawn where the user clicked: pins are labels of a fixed size on screen, so "near"
        is measured in pixels, not millimetres (a pin on a far wall is still easy to hit)."""
        renderer = self.viewport.plotter.renderer
        reach = PIN_REACH_PX * self.viewport.plotter.devicePixelRatioF()

        def on_screen(world: tuple[float, float, float]) -> np.ndarray:
            renderer.SetWorldPoint(*world, 1.0)
            renderer.WorldToDisplay()
            return np.array(renderer.GetDisplayPoint()[:2])

        click = on_screen(point)
        hits = [(float(np.linalg.norm(on_screen(pin.position) - click)), pin) for pin in self.drawn]
        hits = [(d, pin) for d, pin in hits if d <= reach]
        return min(hits, key=lambda hit: hit[0])[1] if hits else None

    @staticmethod
    def _comment(panel: CollabPanel, text: str, point: tuple[float, float, float]) -> None:
        if text.strip():
            panel.add_comment(text.strip(), anchor=point)

    def _prompt_closed(self) -> None:
        if self.prompt is not None:
            self.prompt.deleteLater()
            self.prompt = None

    def open_conflict(self, record: ConflictRecord) -> None:
        from desktop.panels.collab.conflict import ConflictView

        view = ConflictView(record, self.workers, self.evaluator, self.window)
        bridge = self.hub.bridge
        if bridge is not None:
            view.chosen.connect(lambda keep: bridge.resolve(record, keep))
        view.finished.connect(view.deleteLater)
        view.open()

    def _removed(self, removal: Removal) -> None:
        """Told who removed us; the open copy (with unsent edits) stays open for the user to save."""
        text = tr("You were removed from '{0}' by {1}.").format(removal.project_name, removal.removed_by) \
            if removal.project_name and removal.removed_by else removal.message
        if removal.project_id == self.project_id:
            self.leave()
            text += " " + tr("Your copy, with the edits not yet sent, stays open: save it to keep it.")
        self.message.emit(text)
        self.notice = QMessageBox(QMessageBox.Icon.Information, tr("Removed from a shared project"), text,
                                  QMessageBox.StandardButton.Close, self.window)
        self.notice.setObjectName("removedNotice")
        self.save_copy = self.notice.addButton(tr("Save a Copy…"), QMessageBox.ButtonRole.AcceptRole)
        self.notice.finished.connect(self._notice_closed)
        self.notice.open()

    def _notice_closed(self) -> None:
        notice, self.notice = self.notice, None
        if notice is None:
            return
        chose_save = notice.clickedButton() is self.save_copy
        notice.deleteLater()
        if chose_save:
            self.save_as()

    def retranslate(self) -> None:
        # the count first, as "(2) Inbox" in a browser tab: a tabbed dock's title is elided at its end
        self.slot.setWindowTitle((f"({self.mention_count}) " if self.mention_count else "") + tr("Collaboration"))
        if self.client is None:
            self.placeholder.setText(tr("Share a project with File ▸ Share…, or open the projects shared with you "
                                        "here. The hub connects when you open this tab."))

    def detach(self) -> None:
        """On quit, before the hub's bridge closes."""
        self.leave(reload=False)
        self.stack.changed.disconnect(self.comparer.exit)
        self.picker.detach()
