"""Ctrl+K command palette: type to filter every action of the window, Enter runs it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

ACTION_ROLE = Qt.ItemDataRole.UserRole


class CommandPalette(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(QCoreApplication.translate("CommandPalette", "Command Palette"))
        self.setMinimumWidth(460)
        self.actions = actions
        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("CommandPalette", "Type a command…"))
        self.list = QListWidget()
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
                shortcut = action.shortcut().toString()
                item = QListWidgetItem(f"{title}    {shortcut}".rstrip())
                item.setData(ACTION_ROLE, action.objectName())
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
