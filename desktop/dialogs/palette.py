"""Ctrl+K command palette: type to filter every action of the window, Enter runs it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

ACTION_ROLE = Qt.ItemDataRole.UserRole
SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1


class _ShortcutDelegate(QStyledItemDelegate):
    """An action's title on the left and its shortcut in a quieter colour against the right edge, as
    menus show them, instead of a shortcut glued to the end of each title at a different place."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
              ) -> None:
        super().paint(painter, option, index)
        shortcut = index.data(SHORTCUT_ROLE)
        if not shortcut:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[operator]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(0, 0, -8, 0)  # type: ignore[attr-defined]
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shortcut)
        painter.restore()


class CommandPalette(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(QCoreApplication.translate("CommandPalette", "Command Palette"))
        self.setMinimumWidth(460)
        self.resize(520, 440)  # room for a dozen commands before scrolling
        self.actions = actions
        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("CommandPalette", "Type a command…"))
        self.list = QListWidget()
        self.list.setItemDelegate(_ShortcutDelegate(self.list))
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._run_current)
        self.list.itemActivated.connect(self._run)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.list.clear()
        words = text.lower().split()
        for action in self.actions:
            title = action.text().replace("&", "")
            if action.isEnabled() and all(w in title.lower() for w in words):
                item = QListWidgetItem(title)
                item.setData(ACTION_ROLE, action.objectName())
                item.setData(SHORTCUT_ROLE, action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _run_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._run(item)

    def _run(self, item: QListWidgetItem) -> None:
        name = item.data(ACTION_ROLE)
        self.accept()
        for action in self.actions:
            if action.objectName() == name:
                action.trigger()
