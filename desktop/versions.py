"""Thumbnails and sizes of model versions, for the History dock and the chat's model cards.

Each version's document is built (a cache hit for the current one) and drawn by core's Qt-free
thumbnail renderer on a worker, in the viewport's model colour.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from core.assistant.session import ModelVersion
from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from desktop.panels.chat import ChatPanel, ModelCard
from desktop.panels.history import HistoryPanel
from desktop.workers import Workers

log = logging.getLogger(__name__)
Preview = tuple[bytes, tuple[float, float, float]]


class VersionPreviews(QObject):
    def __init__(self, evaluator: Evaluator, workers: Workers, history: HistoryPanel, chat: ChatPanel,
                 colour: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evaluator = evaluator
        self.workers = workers
        self.history = history
        self.chat = chat
        self.colour = colour
        history.thumbnail_wanted.connect(self.make)
        chat.card_added.connect(self.fill_card)

    def make(self, version: ModelVersion) -> None:
        doc = Document.from_json(version.document)
        hex_colour = self.colour()
        rgb = (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))

        def render(_task: object) -> Preview:
            mesh = self.evaluator.mesh(doc)
            e = mesh.extents if len(mesh.faces) else (0.0, 0.0, 0.0)
            return render_png(mesh, (128, 128), rgb, None), (float(e[0]), float(e[1]), float(e[2]))

        def done(result: Preview) -> None:
            self.history.set_thumbnail(version.number, *result)
            for card in self.chat.cards:
                if card.version == version.number:
                    card.set_preview(*result)

        label = QCoreApplication.translate("MainWindow", "Drawing thumbnail")
        self.workers.submit(label, render, done, lambda exc: log.info("thumbnail: %s", exc), show=False)

    def fill_card(self, card: ModelCard) -> None:
        preview = self.history.preview_of(card.version)
        if preview is not None:
            card.set_preview(*preview)
