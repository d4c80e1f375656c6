"""History dock: every model version (assistant edits, saves, restores) with a thumbnail.

Clicking a version previews it (large thumbnail and size); "Restore as new version" brings it back
as an undoable edit that itself becomes a new version, so history is never rewritten.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from core.assistant.session import ModelVersion
from desktop.i18n import size_text

NUMBER_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("HistoryPanel", text)


class HistoryPanel(QWidget):
    restore_requested = Signal(int)
    thumbnail_wanted = Signal(object)  # ModelVersion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        self.list.setIconSize(QSize(48, 48))
        self.preview = QLabel()
        self.preview.setObjectName("historyPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(140)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.restore = QPushButton()
        self.restore.setObjectName("restoreVersion")
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self._restore)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.preview)
        lay.addWidget(self.caption)
        lay.addWidget(self.restore)
        self._png: dict[int, bytes] = {}
        self._dims: dict[int, tuple[float, float, float]] = {}
        self.list.currentItemChanged.connect(lambda _cur, _prev: self._show_current())
        self.retranslate()

    def retranslate(self) -> None:
        self.restore.setText(tr("Restore as new version"))
        self._show_current()

    def clear(self) -> None:
        self.list.clear()
        self._png.clear()
        self._dims.clear()
        self._show_current()

    def add_version(self, version: ModelVersion) -> None:
        item = QListWidgetItem(f"{version.number}. {version.label}")
        item.setData(NUMBER_ROLE, version.number)
        self.list.insertItem(0, item)
        self.thumbnail_wanted.emit(version)
        self._show_current()

    def set_thumbnail(self, number: int, png: bytes, dims: tuple[float, float, float]) -> None:
        self._png[number] = png
        self._dims[number] = dims
        pix = QPixmap()
        pix.loadFromData(png, "PNG")
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NUMBER_ROLE) == number:
                item.setIcon(QIcon(pix))
        self._show_current()

    def preview_of(self, number: int) -> tuple[bytes, tuple[float, float, float]] | None:
        return (self._png[number], self._dims[number]) if number in self._png else None

    @property
    def count(self) -> int:
        return self.list.count()

    def _current(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(NUMBER_ROLE)) if item is not None else None

    def _show_current(self) -> None:
        number = self._current()
        self.restore.setEnabled(number is not None)
        # The preview only takes room when there is one to show: the list keeps the dock otherwise.
        self.preview.setVisible(number is not None)
        if number is None:
            self.preview.clear()
            self.caption.setText(tr("Versions appear here as you design and save.") if not self.list.count()
                                 else tr("Click a version to preview it."))
            return
        pix = QPixmap()
        if number in self._png:
            pix.loadFromData(self._png[number], "PNG")
            self.preview.setPixmap(pix.scaled(160, 160, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        dims = self._dims.get(number)
        size = size_text(dims) if dims else ""
        self.caption.setText(tr("Version {0}").format(number) + (f" · {size}" if size else ""))

    def _restore(self) -> None:
        number = self._current()
        if number is not None:
            self.restore_requested.emit(number)
