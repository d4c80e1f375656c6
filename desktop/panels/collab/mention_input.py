"""Typing "@" in a comment box offers the project's members, as Figma and GitHub do: the list narrows
as the name is typed, and choosing one writes "@name " in place of what was typed. Where an "@" does
not start a mention (an e-mail address) nothing pops up; core.mentions decides, as the hub does."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from core.mentions import typing_mention


class MentionCompleter(QObject):
    """Attach to a line edit; `set_names` gives the people who can be mentioned (not the user)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setObjectName("mentionCompleter")
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setWidget(edit)  # not setCompleter: that would complete the whole text
        self.completer.activated.connect(self.insert)
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its default popup on first use
        self.popup = popup
        popup.installEventFilter(self)  # after QCompleter's own filter, so this one runs first
        edit.textEdited.connect(self._edited)

    def set_names(self, names: Sequence[str]) -> None:
        self.names.setStringList(sorted(names, key=str.lower))

    def _edited(self, _text: str) -> None:
        typing = typing_mention(self.edit.text()[:self.edit.cursorPosition()])
        if typing is not None and self.names.rowCount():
            self.completer.setCompletionPrefix(typing[1])
        if typing is None or self.completer.completionCount() == 0:
            self.popup.hide()
            return
        self.popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Tab in the list picks the name and only that: QCompleter would also hand the Enter to
        the line edit, which sends the comment with the half-typed "@an" in it."""
        if watched is self.popup and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            index = self.popup.currentIndex()
            self.popup.hide()
            if index.isValid():
                self.insert(str(index.data()))
            return True
        return super().eventFilter(watched, event)

    def insert(self, name: str) -> None:
        """Replace the "@partial" before the cursor with "@name " (the rest of the text stays)."""
        text, cursor = self.edit.text(), self.edit.cursorPosition()
        typing = typing_mention(text[:cursor])
        if typing is None:
            return
        start = typing[0]
        self.edit.setText(f"{text[:start]}@{name} {text[cursor:]}")
        self.edit.setCursorPosition(start + len(name) + 2)
