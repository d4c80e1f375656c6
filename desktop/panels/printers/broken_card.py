"""The card of a printer the fleet could not set up (unknown kind, unreadable settings, a virtual printer that
would not restart): its name and the reason, with the two ways out, editing it or removing it, so a broken
entry never just disappears from the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.panels.printers.texts import BAD, tr
from desktop.panels.printers.widgets import named

_STYLE = """
QFrame#brokenCard { background: palette(base); border: 1px solid #d93025; border-radius: 12px; }
QLabel#printerName { font-size: 14px; font-weight: 700; }
QLabel#adviceLabel { border-radius: 8px; padding: 6px 8px; background: rgba(217, 48, 37, 0.10); }
"""


class BrokenCard(QFrame):
    remove_requested = Signal(str)
    edit_requested = Signal(str)

    def __init__(self, name: str, reason: str, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brokenCard")
        self.setStyleSheet(_STYLE)
        self.name = name
        self.title = named("printerName", QLabel(name))
        self.state_label = named("connectionLabel", QLabel())
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.reason = named("adviceLabel", QLabel(reason, wordWrap=True))
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = named("editBroken", QPushButton())
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(name))
        self.edit_button.setVisible(editable)
        self.remove_button = named("removeBroken", QPushButton())
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(name))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.state_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.addLayout(head)
        lay.addWidget(self.reason)
        lay.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.state_label.setText(f'<span style="color:{BAD}">●</span> {tr("Could not start")}')
        self.edit_button.setText(tr("Edit printer…"))
        self.remove_button.setText(tr("Remove printer…"))
