"""Model tree dock: the document's node tree, part visibility, and the numeric transform of the
selected transform node. Selecting a part emits `selected(node_id)` so the viewport highlights it. In a
shared project, the parts collaborators are editing carry a coloured dot and say who (`show_editors`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.commands import CommandStack, UpdateNode
from core.document.document import Document, DocumentChange
from core.document.expressions import Number
from core.document.nodes import Node, resolve_enabled
from core.errors import PotStudioError
from desktop.i18n import mark, say_error
from desktop.panels.transform import TransformEditor

ID_ROLE = Qt.ItemDataRole.UserRole
PRESENT_ROLE = Qt.ItemDataRole.UserRole + 1  # whether the part is in the model now (see _mark_presence)
TIP_ROLE = Qt.ItemDataRole.UserRole + 2  # the part's own tooltip, before who is editing it
EDITOR_COLOUR = "#e8590c"  # a collaborator's dot: warm, apart from the viewport's blue selection


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelTree", text)


# What an unnamed node does, in a designer's words (a tree of "difference" and "transform" reads like code).
KIND_NAMES = {
    "box": mark("Box"), "cone": mark("Cone"), "cylinder": mark("Cylinder"), "difference": mark("Cut"),
    "extrude": mark("Extrusion"), "group": mark("Parts"), "hull": mark("Hull"), "intersection": mark("Intersect"),
    "linear_array": mark("Row pattern"), "mesh": mark("Imported mesh"), "mirror": mark("Mirror"),
    "polar_array": mark("Circular pattern"), "revolve": mark("Revolution"), "sphere": mark("Sphere"),
    "torus": mark("Torus"), "transform": mark("Move"), "union": mark("Join"),
}


def kind_name(node_type: str) -> str:
    return tr(KIND_NAMES[node_type]) if node_type in KIND_NAMES else node_type.replace("_", " ")


def node_label(node: Node, lang: str) -> str:
    return node.name_in(lang) or kind_name(node.type)


class ModelTreePanel(QWidget):
    selected = Signal(object)  # node id or None
    edit_failed = Signal(str)

    def __init__(self, doc: Document, stack: CommandStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelTreePanel")
        self.doc = doc
        self.stack = stack
        self.lang = "en"  # "pt" shows the templates' part names in Portuguese
        self.editors: dict[str, list[str]] = {}  # node id -> collaborators editing it (shared projects)
        self.tree = QTreeWidget()
        self.tree.setObjectName("modelTree")
        self.tree.setHeaderHidden(True)
        self.transform = TransformEditor(doc, stack)
        self.transform.edit_failed.connect(self.edit_failed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.transform)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemChanged.connect(self._item_changed)
        doc.changed.connect(self._on_change)
        self.rebuild()

    def detach(self) -> None:
        self.doc.changed.disconnect(self._on_change)
        self.transform.detach()

    @property
    def current_id(self) -> str | None:
        items = self.tree.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    def select(self, node_id: str | None) -> None:
        """Select a part from elsewhere (a click in the viewport)."""
        for item in self._items():
            if item.data(0, ID_ROLE) == node_id:
                self.tree.setCurrentItem(item)
                return
        self.tree.clearSelection()

    def rebuild(self) -> None:
        keep = self.current_id
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self.tree.addTopLevelItem(self._item(self.doc.root))
            self.tree.expandToDepth(2)
            self._mark_presence()
        if keep is not None:
            self.select(keep)
        self._selection_changed()

    def _item(self, node: Node) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node_label(node, self.lang)])
        item.setData(0, ID_ROLE, node.id)
        kind = kind_name(node.type)
        item.setData(0, TIP_ROLE, f"{kind} · {node.id}")
        if isinstance(node.enabled, bool) and node is not self.doc.root:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if node.enabled else Qt.CheckState.Unchecked)
        elif isinstance(node.enabled, str):
            item.setData(0, TIP_ROLE, tr("{0} · shown when {1}").format(kind, node.enabled.lstrip("=")))
        self._mark_editors(item)
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def show_editors(self, editors: Mapping[str, Sequence[str]]) -> None:
        """Mark the parts collaborators are editing: {node id: [their names]} (empty: none)."""
        self.editors = {part: list(names) for part, names in editors.items() if names}
        with QSignalBlocker(self.tree):
            for item in self._items():
                self._mark_editors(item)

    def editing_tip(self, node_id: str) -> str:
        """"Ana is editing this part", or "" when no collaborator is."""
        names = self.editors.get(node_id, [])
        if not names:
            return ""
        who = ", ".join(names)
        return tr("{0} is editing this part").format(who) if len(names) == 1 else \
            tr("{0} are editing this part").format(who)

    def _mark_editors(self, item: QTreeWidgetItem) -> None:
        tip = self.editing_tip(str(item.data(0, ID_ROLE)))
        item.setIcon(0, _dot(EDITOR_COLOUR) if tip else QIcon())
        item.setToolTip(0, "\n".join(filter(None, (str(item.data(0, TIP_ROLE)), tip))))

    def _selection_changed(self) -> None:
        node_id = self.current_id
        self.transform.set_node(node_id)
        self.selected.emit(node_id)

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = str(item.data(0, ID_ROLE))
        on = item.checkState(0) == Qt.CheckState.Checked
        if self.doc.node(node_id).enabled == on:
            return
        label = tr("Show part") if on else tr("Hide part")
        try:
            self.stack.push(UpdateNode(node_id, fields={"enabled": on}, label=label))
        except PotStudioError as exc:
            self.edit_failed.emit(say_error(exc))
            self.rebuild()

    def _on_change(self, change: DocumentChange) -> None:
        if change.kind == "param":
            with QSignalBlocker(self.tree):
                self._mark_presence()
            return
        if change.kind == "node_changed":
            self.transform.refresh()
            with QSignalBlocker(self.tree):
                for item in self._items():
                    if item.data(0, ID_ROLE) in change.names:
                        node = self.doc.node(str(item.data(0, ID_ROLE)))
                        item.setText(0, node_label(node, self.lang))
                        if isinstance(node.enabled, bool) and node is not self.doc.root:
                            item.setCheckState(0, Qt.CheckState.Checked if node.enabled else Qt.CheckState.Unchecked)
                self._mark_presence()
            return
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the greyed text follows a theme switch
            with QSignalBlocker(self.tree):
                self._mark_presence()

    def _mark_presence(self) -> None:
        """Grey out the parts that are not in the model right now (hidden by hand, or switched off by a
        parameter: a saucer while "Saucer" is unticked), with everything under them, so the tree tells
        which of its parts the viewport shows."""
        values = self.doc.values()
        absent = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        stack = [(self.tree.topLevelItem(i), True) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item, parent_present = stack.pop()
            node = self.doc.node(str(item.data(0, ID_ROLE)))
            present = parent_present and _enabled_now(node, values)
            if item.data(0, PRESENT_ROLE) != present or (not present and item.foreground(0) != absent):
                item.setData(0, PRESENT_ROLE, present)
                item.setForeground(0, QBrush() if present else absent)
                font = item.font(0)
                font.setItalic(not present)
                item.setFont(0, font)
            stack.extend((item.child(i), present) for i in range(item.childCount()))


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _enabled_now(node: Node, values: Mapping[str, Number]) -> bool:
    try:
        return resolve_enabled(node, values)
    except PotStudioError:  # an expression the evaluator will report; the tree just shows the part
        return True
