"""File operations of the window: New, Open, Save (.potproj), Import and Export meshes.

Reading and writing run on workers; the document changes on the GUI thread only after a file was
read completely, so a broken file shows an error and changes nothing. Opening a project is not an
edit (it resets the undo stack); importing a mesh is (AddNode, undoable).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.assistant.base import Conversation
from core.assistant.session import ModelVersion
from core.commands import AddNode, CommandStack, ReplaceDocument
from core.document.document import Document
from core.document.nodes import Node
from core.errors import MeshFileError
from core.geometry.build import Evaluator
from core.geometry.meshio import FORMATS, LoadedModel, load_mesh, mesh_node, save_mesh
from core.tasks import Task
from desktop.workers import Workers

if TYPE_CHECKING:
    import trimesh

    from core.store.projectfile import ProjectFile

log = logging.getLogger(__name__)
MESH_FILTER = "Meshes (*.stl *.3mf *.obj)"
PROJECT_EXTENSION = ".potproj"  # core.store.projectfile.EXTENSION, without importing the store at start-up
PROJECT_FILTER = f"3D Pot Studio projects (*{PROJECT_EXTENSION})"


def tr(text: str) -> str:
    return QCoreApplication.translate("Project", text)


class ProjectController(QObject):
    opened = Signal(object)  # ProjectFile (after the document was swapped in)
    saved = Signal(object)  # Path
    exported = Signal(object)  # Path
    imported = Signal(str)  # name
    closing = Signal()  # the open document is about to be replaced (new, open, a shared project)

    def __init__(self, doc: Document, stack: CommandStack, evaluator: Evaluator, workers: Workers,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.stack = stack
        self.evaluator = evaluator
        self.workers = workers
        self.path: Path | None = None

    @property
    def name(self) -> str:
        return self.path.stem if self.path is not None else self.doc.name

    def new(self) -> None:
        self._reset(Document(name=tr("Untitled")))
        self.path = None

    def open_shared(self, doc: Document) -> None:
        """A shared project's copy becomes the open document (not a file: Save writes a local copy)."""
        self._reset(doc)
        self.path = None

    def open(self, path: Path, loaded: LoadedModel | None = None) -> None:
        """`loaded`: the mesh file as already read (by the start-up preview), so it is not read again."""
        if path.suffix.lower() in FORMATS:
            self.workers.submit(tr("Opening {0}").format(path.name),
                                lambda t: _mesh_file_document(path, t, loaded), self._opened_mesh)
            return
        from core.store.projectfile import load_project_file  # SQLAlchemy comes with it: not at start-up

        self.workers.submit(tr("Opening {0}").format(path.name), lambda _t: load_project_file(path),
                            lambda project: self._opened(path, project))

    def save(self, path: Path, conversation: Conversation, versions: list[ModelVersion]) -> None:
        from core.store.projectfile import ProjectFile, save_project_file

        project = ProjectFile(self.doc.copy(), Conversation.from_json(conversation.to_json()),
                              {"versions": [_version_json(v) for v in versions]})

        def write(task: Task) -> Path:
            task.progress(0.2, tr("Writing"))
            return save_project_file(path, project)

        marker = self.stack.depth, self.stack.undo_label
        self.workers.submit(tr("Saving {0}").format(path.name), write, lambda p: self._saved(p, marker))

    def import_mesh(self, path: Path) -> None:
        self.workers.submit(tr("Importing {0}").format(path.name), lambda t: _plate_node(load_mesh(path, t), t),
                            self._imported)

    def export(self, path: Path) -> None:
        snapshot = self.doc.copy()
        if path.suffix.lower() not in FORMATS:
            raise MeshFileError(tr("Export as STL, 3MF or OBJ, not '{0}'.").format(path.suffix or path.name))

        def write(task: Task) -> Path:
            mesh = self.evaluator.mesh(snapshot, task=task)
            doc_json = snapshot.dumps() if path.suffix.lower() == ".3mf" else None
            save_mesh(mesh, path, doc_json, snapshot.name, task=task)
            return path

        self.workers.submit(tr("Exporting {0}").format(path.name), write, self.exported.emit)

    # --- results, on the GUI thread ----------------------------------------------------------------
    def _opened(self, path: Path, project: ProjectFile) -> None:
        self._reset(project.document)
        self.path = path
        self.opened.emit(project)

    def _opened_mesh(self, doc: Document) -> None:
        from core.store.projectfile import ProjectFile

        self._reset(doc)
        self.path = None
        self.opened.emit(ProjectFile(doc))

    def _imported(self, node: Node) -> None:
        self.stack.push(AddNode(self.doc.root.id, node, label=tr("Import {0}").format(node.name)))
        self.imported.emit(node.name)

    def _saved(self, path: Path, marker: tuple[int, str]) -> None:
        self.path = path
        if (self.stack.depth, self.stack.undo_label) == marker:
            self.stack.set_clean()  # only if nothing changed while the file was being written
        self.saved.emit(path)

    def _reset(self, doc: Document) -> None:
        self.closing.emit()
        ReplaceDocument(doc).do(self.doc)
        self.stack.clear()
        self.stack.set_clean()


def _version_json(v: ModelVersion) -> dict[str, Any]:
    return {"number": v.number, "label": v.label, "document": v.document}


def _on_plate(mesh: trimesh.Trimesh) -> trimesh.Trimesh:
    """Imported parts land centred on the plate, standing on z = 0 like the primitives do."""
    lo, hi = mesh.bounds
    moved = mesh.copy()
    moved.apply_translation([-(lo[0] + hi[0]) / 2, -(lo[1] + hi[1]) / 2, -lo[2]])
    return moved


def _plate_node(loaded: LoadedModel, task: Task) -> Node:
    """On the worker: an STL is welded here (its first topology use), and encoding a big mesh into the
    node takes about as long again, so the GUI thread only adds the finished node."""
    return mesh_node(_on_plate(loaded.welded(task)), loaded.name)


def _mesh_file_document(path: Path, task: Task, loaded: LoadedModel | None = None) -> Document:
    """On the worker: our 3MF reopens as its parametric document, any other mesh file as one mesh part."""
    loaded = loaded or load_mesh(path, task)
    if loaded.document_json:
        return Document.loads(loaded.document_json)
    doc = Document(name=loaded.name)
    doc.root.children.append(_plate_node(loaded, task))
    return doc
