"""Chat dock: the conversation with the design assistant.

Messages render as markdown; the assistant's reply streams in token by token (tokens arrive on the
worker thread and are re-posted to the GUI thread by the Bridge); a reply that produced a model
version shows a card (thumbnail, dimensions, "Open this version"); suggestion chips offer the next
edit; Stop cancels the running turn through its Task. Errors are shown inline as assistant messages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from core.assistant.base import Message
from desktop.i18n import mark, size_text

PROVIDERS = (
    ("offline", mark("Offline (built-in)")),
    ("nvidia", "NVIDIA NIM"),
    ("openai", "OpenAI"),
    ("ollama", "Ollama"),
    ("custom", mark("Custom URL")),
)

# What a first-time user can click to see the assistant work; each is a sentence the offline planner
# understands in both languages (tests/desktop/test_chat_flow.py builds every one of them).
STARTERS = (
    mark("a plant pot 12 cm wide with drainage holes"),
    mark("a phone stand for my desk"),
    mark("a box with a lid, 10 x 7 x 4 cm"),
    mark("a name tag that says Ana"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ChatPanel", text)


class Bubble(QFrame):
    def __init__(self, role: str, text: str) -> None:
        super().__init__()
        self.setObjectName("userBubble" if role == "user" else "assistantBubble")
        self.role = role
        self.label = QLabel()
        self.label.setObjectName("bubbleText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.MarkdownText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(10, 8, 10, 8)
        self.lay.addWidget(self.label)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.label.setText(text)


class ModelCard(QFrame):
    """One model version the assistant produced; the thumbnail and size arrive when built."""

    def __init__(self, version: int, on_open: Callable[[int], None]) -> None:
        super().__init__()
        self.setObjectName("modelCard")
        self.version = version
        self.thumb = QLabel()
        self.thumb.setFixedSize(72, 72)
        self.thumb.setObjectName("cardThumb")
        self.title = QLabel(tr("Version {0}").format(version))
        self.title.setObjectName("cardTitle")
        self.dims = QLabel("…")
        self.open = QPushButton(tr("Open this version"))
        self.open.setObjectName(f"openVersion{version}")
        self.open.clicked.connect(lambda: on_open(version))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.dims)
        text.addWidget(self.open, 0, Qt.AlignmentFlag.AlignLeft)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.thumb)
        lay.addLayout(text, 1)

    def set_preview(self, png: bytes, dims: tuple[float, float, float]) -> None:
        pix = QPixmap()
        pix.loadFromData(png, "PNG")
        self.thumb.setPixmap(pix.scaled(72, 72, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))
        self.dims.setText(size_text(dims))


class ChatPanel(QWidget):
    send_requested = Signal(str)
    stop_requested = Signal()
    provider_chosen = Signal(str)
    open_version = Signal(int)
    card_added = Signal(object)  # ModelCard, so the window can fill in its preview

    def __init__(self, provider: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPanel")
        self.bubbles: list[Bubble] = []
        self.cards: list[ModelCard] = []
        self._streaming: Bubble | None = None
        self.busy = False

        self.provider = QComboBox()
        self.provider.setObjectName("providerPicker")
        for key, title in PROVIDERS:
            self.provider.addItem(title, key)
        self.provider.setCurrentIndex(max(0, self.provider.findData(provider)))
        self.provider.currentIndexChanged.connect(lambda _i: self.provider_chosen.emit(self.provider.currentData()))
        self.state = QLabel()
        self.state.setObjectName("connectionState")
        # Under the picker and wrapped: a long state ("… is not reachable") must not widen the whole dock.
        self.state.setWordWrap(True)
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.provider)
        top.addWidget(self.state)

        self.list_body = QWidget()
        self.list_body.setObjectName("chatList")
        self.list_lay = QVBoxLayout(self.list_body)
        self.list_lay.setContentsMargins(6, 6, 6, 6)
        self.list_lay.setSpacing(8)
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.list_lay.addWidget(self.empty)
        self.list_lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list_body)
        self.scroll.verticalScrollBar().rangeChanged.connect(
            lambda _lo, hi: self.scroll.verticalScrollBar().setValue(hi))

        self.chips = QGridLayout()  # two per row: four chips side by side would widen the whole dock
        self.chips.setSpacing(6)
        self.chip_buttons: list[QPushButton] = []

        self.input = QLineEdit()
        self.input.setObjectName("chatInput")
        self.input.returnPressed.connect(self._send)
        self.send = QPushButton()
        self.send.setObjectName("sendButton")
        self.send.clicked.connect(self._send)
        self.stop = QPushButton()
        self.stop.setObjectName("stopButton")
        self.stop.clicked.connect(self.stop_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.input, 1)
        bottom.addWidget(self.send)
        bottom.addWidget(self.stop)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.scroll, 1)
        lay.addLayout(self.chips)
        lay.addLayout(bottom)
        self.set_busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(tr("Describe what you want to print, for example “a plant pot 12 cm wide with "
                              "drainage holes”. I will design it, and you can refine it by talking or with "
                              "the sliders."))
        self.input.setPlaceholderText(tr("Describe a model or an edit…"))
        self.send.setText(tr("Send"))
        self.stop.setText(tr("Stop"))
        for i, (_key, title) in enumerate(PROVIDERS):
            self.provider.setItemText(i, tr(title))
        for card in self.cards:
            card.title.setText(tr("Version {0}").format(card.version))
            card.open.setText(tr("Open this version"))
        if not self.bubbles:
            self._show_starters()

    def show_provider(self, kind: str) -> None:
        """Reflect the provider chosen elsewhere (Preferences) without announcing a new choice."""
        self.provider.blockSignals(True)
        self.provider.setCurrentIndex(max(0, self.provider.findData(kind)))
        self.provider.blockSignals(False)

    def set_state(self, text: str, ok: bool | None) -> None:
        """Connection state of the chosen provider: ok True (ready), False (problem), None (checking)."""
        self.state.setText(("● " if ok is not None else "◌ ") + text)
        self.state.setProperty("state", {True: "ok", False: "error", None: "pending"}[ok])
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.send.setEnabled(not busy)
        self.stop.setEnabled(busy)
        self.input.setEnabled(not busy)
        if not busy:
            QTimer.singleShot(0, self.input.setFocus)

    def submit(self, text: str) -> None:
        """Send text as if typed (suggestion chips, screenshot mode)."""
        self.input.setText(text)
        self._send()

    def _send(self) -> None:
        text = self.input.text().strip()
        if not text or self.busy:
            return
        self.input.clear()
        self._set_chips([])
        self.set_busy(True)
        self.send_requested.emit(text)

    # --- messages (always called on the GUI thread) ----------------------------------------------
    def add_message(self, message: Message) -> None:
        self.empty.hide()
        if message.role == "assistant" and self._streaming is not None:
            bubble, self._streaming = self._streaming, None
            bubble.set_text(message.text)
        else:
            bubble = self._add_bubble(message.role, message.text)
        error = "error" in message.meta.get("notes", [])
        bubble.setProperty("error", error)
        bubble.style().unpolish(bubble)
        bubble.style().polish(bubble)
        if message.version is not None:
            card = ModelCard(message.version, self.open_version.emit)
            bubble.lay.addWidget(card)
            self.cards.append(card)
            self.card_added.emit(card)
        if message.role == "assistant":
            self._set_chips(list(message.meta.get("suggestions") or [])[:4])

    def add_token(self, token: str) -> None:
        if self._streaming is None:
            self._streaming = self._add_bubble("assistant", "")
        self._streaming.set_text(self._streaming.text + token)

    def turn_ended(self) -> None:
        if self._streaming is not None and not self._streaming.text:
            self._remove(self._streaming)
        self._streaming = None
        self.set_busy(False)

    def clear(self) -> None:
        for bubble in list(self.bubbles):
            self._remove(bubble)
        self.cards.clear()
        self._streaming = None
        self._show_starters()
        self.empty.show()

    def _add_bubble(self, role: str, text: str) -> Bubble:
        bubble = Bubble(role, text)
        row = QHBoxLayout()
        if role == "user":
            row.addStretch(1)
        row.addWidget(bubble, 5)
        if role != "user":
            row.addStretch(1)
        self.list_lay.insertLayout(self.list_lay.count() - 1, row)
        self.bubbles.append(bubble)
        return bubble

    def _remove(self, bubble: Bubble) -> None:
        self.bubbles.remove(bubble)
        bubble.hide()
        bubble.deleteLater()

    def _set_chips(self, suggestions: list[str], per_row: int = 2) -> None:
        for chip in self.chip_buttons:
            self.chips.removeWidget(chip)
            chip.hide()  # gone now, not when the event loop gets to deleting it
            chip.deleteLater()
        self.chip_buttons = []
        for i, text in enumerate(suggestions):
            chip = Chip(text)
            chip.clicked.connect(lambda _c=False, t=text: self.submit(t))
            self.chips.addWidget(chip, i // per_row, i % per_row, 1, 2 // per_row)
            self.chip_buttons.append(chip)

    def _show_starters(self) -> None:
        """Whole sentences, one per row, for a conversation that has not begun."""
        self._set_chips([tr(text) for text in STARTERS], per_row=1)


class Chip(QPushButton):
    """A suggestion the user can send with one click. Its text is elided to the width the dock gives
    it (the whole sentence is in the tooltip and is what gets sent): a long Portuguese suggestion
    must not force the Chat dock wider and squeeze the viewport."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("suggestionChip")
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self).width() - 8
        option.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(room, 0))
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
