"""The window's file commands: New, Open (with the start-up preview of an STL), Open Recent, Save / Save As,
Import, Export, drag and drop, and the unsaved-changes question. A mixin of MainWindow, so menus, tests and
the command palette keep calling them on the window; the file work itself runs in project.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.errors import PotStudioError
from core.geometry.meshio import FORMATS
from desktop.project import MESH_FILTER, PROJECT_FILTER

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from core.commands import CommandStack
    from core.document.document import Document
    from core.settings import Settings
    from core.store.projectfile import ProjectFile
    from desktop.assistant import ChatController
    from desktop.autosave import AutosaveController
    from desktop.project import ProjectController
    from desktop.services import Services
    from desktop.startup import StagedStart
    from desktop.version_store import SavedVersions
    from desktop.viewport.view import Viewport


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's context: one set of translations


class FileActions:
    """Mixed into MainWindow (before QMainWindow), which provides every attribute declared here."""

    doc: Document
    stack: CommandStack
    project: ProjectController
    chat_ctl: ChatController
    startup: StagedStart
    viewport: Viewport
    autosave: AutosaveController
    saved_versions: SavedVersions
    services: Services
    settings: Settings
    recent_menu: QMenu
    ask_unsaved: Callable[[], QMessageBox.StandardButton]
    report_error: Callable[[str, BaseException], None]
    _update_title: Callable[[], None]
    _show_message: Callable[[str], None]
    _previewing: bool
    _unstored: tuple[Document, str] | None

    @property
    def _parent(self) -> QWidget:
        return cast("QWidget", self)  # the window, parent of the file dialogs

    def new_project(self) -> None:
        if self._may_discard():
            self.project.new()
            self.chat_ctl.start()
            self._update_title()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent, tr("Open"), "", f"{PROJECT_FILTER};;{MESH_FILTER}")
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        if not self._may_discard():
            return
        if not self.startup.warmed and not self.doc.has_geometry and path.suffix.lower() == ".stl":
            # At start-up trimesh is not loaded yet: show the file's triangles first, then open it.
            self._previewing = True
            self.startup.preview(path, lambda loaded: self.project.open(path, loaded))
        else:
            self.project.open(path)

    def _opened(self, project: ProjectFile) -> None:
        self.chat_ctl.start(project.conversation, list(project.metadata.get("versions", [])))
        if self.project.path is not None:
            self._remember(self.project.path)
        self._update_title()
        self.viewport.fit()

    def save(self) -> None:
        if self.project.path is None:
            self.save_as()
        else:
            self._save_to(self.project.path)

    def save_as(self) -> None:
        suggested = f"{self.project.name}.potproj"
        path, _ = QFileDialog.getSaveFileName(self._parent, tr("Save As"), suggested, PROJECT_FILTER)
        if path:
            self._save_to(Path(path))

    def _save_to(self, path: Path) -> None:
        # The saved state is a version, recorded first so the file's history includes it.
        label = tr("Saved {0}").format(path.name)
        self.chat_ctl.record_version(label)
        self._unstored = (self.doc.copy(), label)
        self.project.save(path, self.chat_ctl.session.conversation, self.chat_ctl.session.versions)

    def _saved(self, path: Path) -> None:
        self.autosave.saved()
        if self._unstored is not None:
            self.saved_versions.record(path, *self._unstored)
            self._unstored = None
        self._remember(path)
        self._show_message(tr("Saved {0}").format(path.name))
        self._update_title()

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent, tr("Import Mesh"), "", MESH_FILTER)
        if path:
            self.project.import_mesh(Path(path))

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self._parent, tr("Export Mesh"), f"{self.project.name}.stl", MESH_FILTER)
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        try:
            self.project.export(path)
        except PotStudioError as exc:
            self.report_error(tr("Export"), exc)

    def _remember(self, path: Path) -> None:
        self.services.settings.update(self.settings.with_recent(str(path)))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.recent_files:
            action = QAction(Path(entry).name, self.recent_menu)
            action.setToolTip(entry)
            action.triggered.connect(lambda _c=False, p=entry: self.open_path(Path(p)))
            self.recent_menu.addAction(action)
        if not self.settings.recent_files:
            self.recent_menu.addAction(tr("No recent projects")).setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(Path(u.toLocalFile()).suffix.lower() in FORMATS for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in FORMATS:
                self.project.import_mesh(path)
        event.acceptProposedAction()

    def _may_discard(self) -> bool:
        if self.stack.is_clean:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return False  # the user continues once the save has landed
        return answer == QMessageBox.StandardButton.Discard

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(self._parent, tr("Unsaved changes"),
                                    tr("{0} has unsaved changes. Save them first?").format(self.project.name), buttons)
