"""Publishing the current project: a dialog for what a buyer sees (title, description, category,
tags, licence, price) with the thumbnail taken from the viewport, and the step that turns the
project into a Publication in the offline-safe queue."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import trimesh
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.thumbnail import render_png
from desktop.dialogs.fitting import FittingDialog
from desktop.panels.marketplace.common import LICENCES, licence_label, tr
from sync_client.api.market import Publication
from sync_client.models import NO_REMIX, Category
from sync_client.publish_queue import PublishQueue, QueuedPublication

THUMB_SIZE = 512


@dataclass
class ProjectSnapshot:
    """What the main window hands over when the user publishes: the project as it is now."""

    name: str
    mesh: trimesh.Trimesh
    document: Document | None = None
    image: QImage | None = None  # the viewport, grabbed by the caller
    remix_of: int | None = None


@dataclass(frozen=True)
class PublishForm:
    title: str
    description: str
    category: str
    licence: str
    tags: list[str]
    price_cents: int


class PublishDialog(FittingDialog):
    def __init__(self, snapshot: ProjectSnapshot, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(tr("Publish to the marketplace"))
        self.preview = QLabel(objectName="publishPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        if snapshot.image is not None and not snapshot.image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(snapshot.image).scaled(
                320, 220, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.title = QLineEdit(snapshot.name, objectName="publishTitle")
        self.description = QPlainTextEdit(objectName="publishDescription")
        self.description.setPlaceholderText(tr("What is it for, how to print it, what to change…"))
        self.category = QComboBox(objectName="publishCategory")
        for cat in sorted(categories, key=lambda c: (c.parent or c.slug, c.parent is not None, c.title)):
            self.category.addItem(("    " if cat.parent else "") + cat.title, cat.slug)
        self.tags = QLineEdit(objectName="publishTags")
        self.tags.setPlaceholderText(tr("herbs, kitchen, gift"))
        self.licence = QComboBox(objectName="publishLicence")
        for licence in LICENCES:
            self.licence.addItem(licence_label(licence), licence)
        self.licence.setCurrentIndex(self.licence.findData("CC-BY"))
        self.price = QDoubleSpinBox(objectName="publishPrice", minimum=0.0, maximum=999.0, decimals=2)
        self.price.setSpecialValueText(tr("Free"))
        self.note = QLabel(objectName="publishNote", wordWrap=True)
        self.licence.currentIndexChanged.connect(lambda _: self._licence_note())
        form = QFormLayout()
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Category"), self.category)
        form.addRow(tr("Tags"), self.tags)
        form.addRow(tr("Licence"), self.licence)
        form.addRow(tr("Price"), self.price)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(objectName="publishError", wordWrap=True, visible=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._licence_note()

    def _licence_note(self) -> None:
        closed = self.licence.currentData() in NO_REMIX
        self.note.setText(tr("Others will not be allowed to remix this model.") if closed
                          else tr("Others may remix this model, crediting you."))

    def _accept(self) -> None:
        if len(self.title.text().strip()) < 3:
            self.error.setText(tr("Give your model a title (at least 3 characters)."))
            self.error.show()
            return
        if self.category.currentData() is None:
            self.error.setText(tr("Choose a category."))
            self.error.show()
            return
        self.accept()

    def form(self) -> PublishForm:
        # the hub's tag alphabet: lowercase letters, digits and dashes ("spiral vase" -> "spiral-vase")
        tags = [re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")[:40] for t in self.tags.text().split(",")]
        tags = list(dict.fromkeys(t for t in tags if t))[:20]
        return PublishForm(self.title.text().strip(), self.description.toPlainText().strip(),
                           self.category.currentData(), self.licence.currentData(), tags,
                           round(self.price.value() * 100))


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def enqueue(queue: PublishQueue, snapshot: ProjectSnapshot, form: PublishForm) -> QueuedPublication:
    """Turn the project into files and queue them; the hub sees them when the queue is sent."""
    if len(snapshot.mesh.faces) == 0:
        raise PotStudioError(tr("There is no model to publish yet: design something first."))
    with tempfile.TemporaryDirectory(prefix="potstudio-publish-") as tmp:
        folder = Path(tmp)
        model = folder / (_file_stem(form.title) + ".stl")
        snapshot.mesh.export(model)
        thumb = folder / "thumbnail.png"
        if snapshot.image is not None and not snapshot.image.isNull():
            scaled = snapshot.image.scaled(THUMB_SIZE, THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
            thumb.write_bytes(png_bytes(scaled))
        else:
            thumb.write_bytes(render_png(snapshot.mesh, size=(THUMB_SIZE, THUMB_SIZE)))
        pub = Publication(title=form.title, category=form.category, licence=form.licence, files=[model],
                          description=form.description, price_cents=form.price_cents, tags=form.tags,
                          thumbnail=thumb, document=snapshot.document.to_json() if snapshot.document else None,
                          remix_of=snapshot.remix_of)
        return queue.add(pub)


def _file_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in title.lower()).strip("-")
    return stem[:60] or "model"
