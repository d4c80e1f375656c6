"""The main window: viewport in the centre, Chat / Parameters / Model tree / History / Printers /
Marketplace docks (placed by docks.py), menus built from the action table, a status bar with running
tasks and the sync state. It binds views to core models and commands and holds no domain logic; file
work lives in project.py, chat turns in assistant.py, the printer services in printing.py, the
marketplace/sync/account in hub_host.py, the store copy of each saved version in version_store.py.
The start is staged (startup.py): what the first frame does not need loads in the turns after it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMessageBox, QWidget

from core.assistant.base import PrinterContext
from core.autosave import RecoveredState
from core.commands import CommandStack, ReplaceDocument
from core.document.document import Document
from core.errors import PotStudioError
from core.settings import Settings
from desktop import docks, theme
from desktop.actions import ActionSet
from desktop.assistant import ChatController
from desktop.autosave import AutosaveController
from desktop.bridge import Bridge
from desktop.collab_host import CollabHost
from desktop.collector import Collector
from desktop.dialogs.errors import show_error
from desktop.dialogs.palette import CommandPalette
from desktop.file_actions import FileActions
from desktop.hub_host import HubHost, listing_document
from desktop.i18n import say_error
from desktop.panels.chat import ChatPanel
from desktop.panels.history import HistoryPanel
from desktop.panels.model_tree import ModelTreePanel
from desktop.panels.parameters import ParametersPanel
from desktop.printing import PrintersHost
from desktop.project import ProjectController
from desktop.regen import Regenerator
from desktop.selection import SelectionSync
from desktop.services import Services
from desktop.startup import StagedStart
from desktop.status import TaskStatus
from desktop.undo import UndoAdapter
from desktop.version_store import SavedVersions
from desktop.versions import VersionPreviews
from desktop.viewport.overhang import OverhangOverlay
from desktop.viewport.scene import palette
from desktop.viewport.section_tool import SectionTool
from desktop.viewport.view import Viewport
from desktop.workers import Workers

if TYPE_CHECKING:
    import trimesh

    from desktop.dialogs.preferences import PreferencesDialog
    from desktop.panels.marketplace import OpenedListing
    from desktop.viewport.shading import Shaded

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(FileActions, QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.settings: Settings = services.settings.settings
        self.doc = Document(name=tr("Untitled"))
        self.stack = CommandStack(self.doc)
        self.bridge = Bridge(self)
        self.workers = Workers(self.report_error, parent=self)
        self.errors: list[str] = []  # user-facing messages shown, newest last (tests and screenshot mode read it)
        self.ask_unsaved: Callable[[], QMessageBox.StandardButton] = self._ask_unsaved
        self.setAcceptDrops(True)

        self.regen = Regenerator(self.doc, services.evaluator, self.workers, self)
        self.viewport = Viewport(self.settings.bed, theme.resolve(self.settings.theme) == "dark")
        self.setCentralWidget(self.viewport)
        self.project = ProjectController(self.doc, self.stack, services.evaluator, self.workers, self)
        context = PrinterContext(bed=self.settings.bed, units=self.settings.units)
        provider = services.make_provider(self.settings.ai)
        self.chat_ctl = ChatController(provider, self.doc, self.stack, context, self.workers, self.bridge, self)

        self.chat = ChatPanel(self.settings.ai.provider)
        self.params = ParametersPanel(self.doc, self.stack, self.settings.units == "in")
        self.tree = ModelTreePanel(self.doc, self.stack)
        self.history = HistoryPanel()
        self.printers = PrintersHost(self, self.workers, self.doc, services.evaluator, self.report_error)
        self.hub = HubHost(self, self.workers, services.settings, services.evaluator,
                           lambda: (self.project.name, self.doc, self.viewport.mesh, self.viewport), self.report_error)
        self.collab = CollabHost(self, self.hub, self.workers, self.project, self.stack, self.viewport,
                                 services.evaluator, self.report_error, lambda: self._may_discard(),
                                 lambda: self.save_as())
        self.docks = docks.add_docks(self, {"chat": self.chat, "parameters": self.params, "tree": self.tree,
                                            "history": self.history},
                                     {"printers": self.printers.slot, "marketplace": self.hub.slot,
                                      "collaboration": self.collab.slot})
        self._background_started = False
        self._shown = False
        self._fit_next = False
        self._previewing = False  # the viewport shows a start-up preview of the file being opened
        self.startup = StagedStart(self.viewport, self.workers, services.warm_up, self.start_background, self)
        self.collector = Collector(self.doc, self.viewport, lambda: self.workers.busy, self)

        self.action_set = ActionSet(self, self._handlers(), {
            "has_model": lambda: self.doc.has_geometry,
            "has_mesh": lambda: self.viewport.mesh is not None,
            "can_undo": lambda: self.stack.can_undo,
            "can_redo": lambda: self.stack.can_redo,
            "shared_open": lambda: self.collab.is_shared,
        })
        self.undo = UndoAdapter(self.stack, self.action_set["edit.undo"], self.action_set["edit.redo"],
                                self.report_error)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.toolbar = self.addToolBar("view")
        self.toolbar.setObjectName("viewToolbar")
        self.toolbar.setMovable(False)
        for key in ("file.share", None, "view.fit", "view.front", "view.top", "view.right", "view.iso", None,
                    "view.ortho", "view.wireframe", "view.xray", "view.section", "view.overhang", "view.measure",
                    "view.comment"):
            if key is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.action_set[key])
        self.previews = VersionPreviews(services.evaluator, self.workers, self.history, self.chat,
                                        lambda: palette(self.viewport.dark).model, self)
        self.autosave = AutosaveController(self.doc, self)
        self.saved_versions = SavedVersions(services.evaluator, self.workers, self)
        self._unstored: tuple[Document, str] | None = None  # the version being saved, for the store
        self.overhang = OverhangOverlay(self.viewport, self.workers, self)
        self.section = SectionTool(self.viewport, self)
        self.selection = SelectionSync(self.doc, services.evaluator, self.workers, self.tree, self.viewport, self)
        self.collab.watch_tree(self.tree)
        self.task_status = TaskStatus(self.workers)
        self.statusBar().addPermanentWidget(self.task_status)
        self._connect()
        self._watch_autosave()
        self.apply_settings(self.settings, first=True)
        self._update_title()

    # --- wiring ----------------------------------------------------------------------------------
    def _handlers(self) -> dict[str, Callable[[], None]]:
        v = self.viewport
        return {
            "file.new": self.new_project, "file.open": self.open_dialog, "file.save": self.save,
            "file.save_as": self.save_as, "file.import": self.import_dialog, "file.export": self.export_dialog,
            "file.quit": self.close, "edit.undo": lambda: self.undo.undo(), "edit.redo": lambda: self.undo.redo(),
            "edit.palette": self.show_palette, "edit.preferences": self.show_preferences,
            "view.fit": v.fit, "view.front": lambda: v.set_view("front"), "view.top": lambda: v.set_view("top"),
            "view.right": lambda: v.set_view("right"), "view.iso": lambda: v.set_view("iso"),
            "view.ortho": lambda: v.set_ortho(self.action_set["view.ortho"].isChecked()),
            "view.wireframe": lambda: self._set_style("view.wireframe"),
            "view.xray": lambda: self._set_style("view.xray"),
            "view.section": lambda: self.section.set_on(self.action_set["view.section"].isChecked()),
            "view.overhang": self._toggle_overhang,
            "view.measure": lambda: v.measure.set_active(self.action_set["view.measure"].isChecked()),
            "view.printers": lambda: docks.toggle(self.docks["printers"], self.action_set["view.printers"]),
            "view.marketplace": lambda: docks.toggle(self.docks["marketplace"], self.action_set["view.marketplace"]),
            "view.collaboration": lambda: docks.toggle(self.docks["collaboration"],
                                                       self.action_set["view.collaboration"]),
            "view.comment": lambda: self.collab.set_commenting(self.action_set["view.comment"].isChecked()),
            "file.share": self.collab.share,
            "view.compare": self.collab.compare,
            "file.open_link": self.collab.open_link,
            "file.send_to_printer": self.printers.send_current, "file.publish": self.hub.publish,
            "edit.account": self.hub.open_account,
        }

    def _connect(self) -> None:
        self.stack.changed.connect(self._stack_changed)
        self.regen.mesh_ready.connect(self._mesh_ready)
        self.regen.failed.connect(lambda msg: self._show_message(msg))
        self.regen.failed.connect(self._drop_preview)
        self.params.edit_failed.connect(self._show_message)
        self.tree.edit_failed.connect(self._show_message)
        self.chat.send_requested.connect(self.chat_ctl.send)
        self.chat.stop_requested.connect(self.chat_ctl.stop)
        self.chat.open_version.connect(self.restore_version)
        self.chat.provider_chosen.connect(self._provider_chosen)
        self.chat_ctl.message_added.connect(self.chat.add_message)
        self.chat_ctl.state_changed.connect(self.chat.set_state)
        self.chat_ctl.token.connect(self.chat.add_token)
        self.chat_ctl.turn_ended.connect(self.chat.turn_ended)
        self.chat_ctl.version_added.connect(self.history.add_version)
        self.chat_ctl.reset.connect(self._reset_docks)
        self.history.restore_requested.connect(self.restore_version)
        self.chat_ctl.reset.connect(self._watch_autosave)
        self.autosave.recovered.connect(self._recovered)
        self.autosave.failed.connect(self.report_error)
        self.project.opened.connect(self._opened)
        self.project.saved.connect(self._saved)
        self.project.exported.connect(lambda p: self._show_message(tr("Exported {0}").format(Path(p).name)))
        self.services.settings.changed.connect(self.apply_settings)
        self.hub.open_in_studio.connect(self.open_listing)
        self.collab.message.connect(self._show_message)
        self.collab.opened.connect(lambda _pid: self.action_set.refresh())
        self.project.closing.connect(lambda: self.action_set["view.comment"].setChecked(False))
        self.saved_versions.failed.connect(self._show_message)
        for key in docks.TABLE_DOCKS:
            docks.bind_toggle(self.docks[key], self.action_set[f"view.{key}"])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            docks.arrange(self, self.docks)
            QTimer.singleShot(0, self, lambda: docks.default_sizes(self, self.docks))  # once sizes are known
            self.startup.begin()  # the rest of the start follows the first frame (desktop/startup.py)

    def start_background(self) -> None:
        """Printers and the marketplace, once the first frame is up: their services are built on workers
        (nothing heavy on the GUI thread), and only when configured or when the user opens their dock."""
        if not self._background_started:
            self._background_started = True
            if self._keyring_locked():
                return  # started once the user has unlocked it (or cancelled: then without secrets)
            self.printers.start()
            self.hub.start_in_background()

    def _keyring_locked(self) -> bool:
        """The encrypted keyring file chosen in Preferences needs its passphrase before printers and the hub
        read their secrets; ask now, and start them when it is answered either way."""
        path = self.settings.keyring_file
        if not path:
            return False  # no keyring file chosen: keyring itself (~4 MB) loads when a secret is first needed
        from core import secrets
        from desktop.dialogs.keyring_file import PassphraseDialog

        if secrets.backend_is_secure():
            return False
        dialog = PassphraseDialog(Path(path), lambda _p: None, self)
        dialog.finished.connect(lambda _r: (self.printers.start(), self.hub.start_in_background()))
        dialog.open()
        return True

    # --- settings, language, theme -----------------------------------------------------------------
    def apply_settings(self, settings: Settings, first: bool = False) -> None:
        old = self.settings
        self.settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        dark = theme.apply(app, settings.theme) == "dark"
        # pyvista colour parsing is slow (~10 ms a colour): only repaint the scene when it changed.
        if dark != self.viewport.dark:
            self.viewport.set_dark(dark)
        if settings.bed != self.viewport.bed:
            self.viewport.set_bed(settings.bed)
        self.chat_ctl.context.bed = settings.bed
        self.params.set_inches(settings.units == "in")
        self.chat_ctl.context.units = settings.units
        if first or settings.language != old.language:
            if not self.services.translations.set_language(settings.language):
                self._show_message(tr("The {0} translation is missing; using English.").format(settings.language))
            self.retranslate()
        # A language switch checks again too: the chat's "Offline assistant ready" is written in the old language.
        if first or settings.ai != old.ai or settings.language != old.language:
            self.chat.show_provider(settings.ai.provider)
            self.chat_ctl.configure(settings.ai, self.services.make_provider, self.services.check_provider)

    def retranslate(self) -> None:
        self.setLocale(QLocale())  # spin boxes and every child widget write numbers the new way (120,5)
        self.action_set.retranslate()
        toggles = [d.toggleViewAction() for k, d in self.docks.items() if k not in docks.TABLE_DOCKS]
        menus = self.action_set.populate(self.menuBar(), {"&View": toggles})
        menus["&File"].insertMenu(self.action_set["file.save"], self.recent_menu)
        self.recent_menu.setTitle(tr("Open Recent"))
        for key, title in (("chat", tr("Chat")), ("parameters", tr("Parameters")), ("tree", tr("Model Tree")),
                           ("history", tr("History"))):
            self.docks[key].setWindowTitle(title)
        self.toolbar.setWindowTitle(tr("View"))
        self.chat.retranslate()
        self.params.lang = self.tree.lang = "pt" if self.services.translations.language.startswith("pt") else "en"
        self.params.rebuild()
        self.tree.transform.retranslate()
        self.tree.rebuild()  # unnamed nodes are labelled in the UI language
        self.history.retranslate()
        self.printers.retranslate()
        self.hub.retranslate()
        self.collab.retranslate()
        self.task_status.retranslate()
        self.viewport.retranslate()
        self.section.retranslate()
        self.undo.refresh()
        self._update_title()

    # --- model updates ---------------------------------------------------------------------------
    def _stack_changed(self) -> None:
        self.action_set.refresh()
        self._update_title()

    def _update_title(self) -> None:
        # Qt sends the title and the modified mark to the window system on every call, even unchanged:
        # this runs on every edit of a slider drag, so only real changes go out.
        title = f"{self.project.name}[*] — 3D Pot Studio"
        if title != self.windowTitle():
            self.setWindowTitle(title)
        if self.isWindowModified() == self.stack.is_clean:
            self.setWindowModified(not self.stack.is_clean)

    def _mesh_ready(self, mesh: trimesh.Trimesh | None, prepared: Shaded) -> None:
        self._previewing = False
        self.viewport.show_mesh(mesh, prepared)
        if self._fit_next and mesh is not None:
            self._fit_next = False
            self.viewport.fit()
        self.action_set.refresh()
        self.overhang.refresh()
        self.section.refresh()
        self.selection.refresh()

    def _set_style(self, key: str) -> None:
        other = "view.xray" if key == "view.wireframe" else "view.wireframe"
        if self.action_set[key].isChecked():
            self.action_set[other].setChecked(False)
        on = self.action_set[key].isChecked()
        self.viewport.set_style(("wireframe" if key == "view.wireframe" else "xray") if on else "surface")

    def _toggle_overhang(self) -> None:
        self.overhang.set_on(self.action_set["view.overhang"].isChecked())

    # --- chat and versions -------------------------------------------------------------------------
    def _provider_chosen(self, kind: str) -> None:
        ai = self.settings.ai.model_copy(update={"provider": kind})
        self.services.settings.update(self.settings.model_copy(update={"ai": ai}))

    def _watch_autosave(self) -> None:
        self.autosave.watch(self.chat_ctl.session.conversation, self.project.name)

    def offer_recovery(self) -> QDialog | None:
        """Called once the window is up: unsaved work from a crashed session, if any."""
        return self.autosave.offer(self)

    def _recovered(self, state: RecoveredState) -> None:
        self.project.new()
        self.chat_ctl.start(state.conversation)
        self.autosave.watch(self.chat_ctl.session.conversation, state.project_name or self.project.name, state.key)
        self.stack.push(ReplaceDocument(state.document, label=tr("Recovered work")))
        self._update_title()

    def _reset_docks(self) -> None:
        self.history.clear()
        self.chat.clear()

    def restore_version(self, number: int) -> None:
        try:
            doc = self.chat_ctl.restore(number)
            self.stack.push(ReplaceDocument(doc, label=tr("Restore version {0}").format(number)))
        except PotStudioError as exc:
            self.report_error(tr("Restore version"), exc)
            return
        self.chat_ctl.record_version(tr("Restored version {0}").format(number))

    def open_listing(self, opened: OpenedListing) -> None:
        """"Open in Studio": the listing becomes a new, unsaved project; with its parametric document
        its parameters are editable, else its mesh is one part. A later Publish credits it if remixed."""
        if not self._may_discard():
            return
        title, doc = opened.listing.title, listing_document(opened)
        if doc is None:
            self._show_message(tr("'{0}' has no model the Studio can open.").format(title))
            return
        self.project.new()
        self.chat_ctl.start()
        self.hub.remix_of = opened.remix_of
        self._fit_next = True
        self.stack.push(ReplaceDocument(doc, label=tr("Open '{0}' from the marketplace").format(title)))
        self.chat_ctl.record_version(tr("From the marketplace: {0}").format(title))
        self._update_title()

    # --- dialogs, errors, closing -----------------------------------------------------------------
    def show_palette(self) -> CommandPalette:
        palette_dialog = CommandPalette(list(self.action_set.actions.values()), self)
        palette_dialog.open()
        return palette_dialog

    def show_preferences(self) -> PreferencesDialog:
        from desktop.dialogs.preferences import PreferencesDialog  # keyring comes with it: not at start-up

        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._save_preferences(dialog))
        dialog.open()
        return dialog

    def _save_preferences(self, dialog: PreferencesDialog) -> None:
        try:
            dialog.store_secret()
            self.services.settings.update(dialog.result_settings())
        except PotStudioError as exc:
            self.report_error(tr("Preferences"), exc)

    def _drop_preview(self) -> None:
        """The file being opened did not become a model (unreadable, or not a solid): the viewport shows
        the document again, not the file's start-up preview."""
        if self._previewing:
            self._previewing = False
            self.viewport.show_mesh(None)

    def report_error(self, title: str, exc: BaseException) -> None:
        self._drop_preview()
        self._show_message(say_error(exc) if isinstance(exc, PotStudioError) else title)
        show_error(self, title, exc)

    def _show_message(self, text: str) -> None:
        self.errors.append(text)
        self.statusBar().showMessage(text, 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop workers and release VTK before the widgets go away (the leak check relies on it). Printers and
        the hub detach before the workers stop and stop after, so no worker still starts one while they close."""
        self.chat_ctl.stop()
        self.printers.detach()
        self.collab.detach()
        self.hub.detach()
        self.workers.shutdown()
        self.printers.stop()
        self.hub.stop()
        self.bridge.close()
        self.autosave.close()
        self.selection.detach()
        self.regen.detach()
        self.collector.detach()
        self.stack.changed.disconnect(self._stack_changed)
        self.params.detach()
        self.tree.detach()
        self.undo.detach()
        self.services.settings.changed.disconnect(self.apply_settings)
        self.viewport.close_viewport()
