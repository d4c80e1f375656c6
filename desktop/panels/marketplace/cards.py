"""The result grid: one card per listing (thumbnail, title, creator, price, licence, counts).

The grid reflows to the dock's width and asks the thumbnail loader only for cards that are
actually on screen; scrolling near the end asks for the next page (cursor pagination).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.panels.marketplace.common import licence_label, price_text, short_licence, tr
from desktop.panels.marketplace.thumbs import ThumbnailLoader
from sync_client.models import ListingSummary

CARD_W, THUMB_H = 196, 160
SPACING = 12


class ListingCard(QFrame):
    clicked = Signal(int)

    def __init__(self, item: ListingSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.badge: QLabel | None = None
        self.setObjectName("listingCard")
        self.setFixedWidth(CARD_W)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.thumb = QLabel(objectName="cardThumb", alignment=Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFixedSize(CARD_W - 2, THUMB_H)
        self.title = title = QLabel(objectName="cardTitle")
        title.setToolTip(item.title)
        self.creator = QLabel(objectName="cardCreator")
        self.price = QLabel(objectName="priceChip")
        self.price.setProperty("free", item.free)
        self.licence = QLabel(objectName="licenceChip")
        stats = QLabel(f"♥ {item.likes}   ⤓ {item.downloads}", objectName="cardStats")
        chips = QHBoxLayout()
        chips.setSpacing(4)
        chips.addWidget(self.price)
        chips.addWidget(self.licence)
        chips.addStretch(1)
        if item.has_parameters:  # a badge over the picture: the first thing a designer looks for
            self.badge = QLabel(self.thumb, objectName="paramChip")
            self.badge.move(8, 8)
        body = QVBoxLayout()
        body.setContentsMargins(12, 8, 12, 10)
        body.setSpacing(3)
        body.addWidget(title)
        body.addWidget(self.creator)
        body.addLayout(chips)
        body.addWidget(stats)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.thumb)
        layout.addLayout(body)
        self._elide_title()
        self.retranslate()

    def retranslate(self) -> None:
        """The card's own words in the UI language (also after a switch in Preferences)."""
        item = self.item
        if self.thumb.pixmap().isNull():
            self.thumb.setText(tr("Loading…"))
        self.creator.setText(tr("by {0}").format(item.creator))
        self.price.setText(price_text(item.price_cents))
        self.licence.setText(short_licence(item.licence))
        self.licence.setToolTip(licence_label(item.licence))
        if self.badge is not None:
            self.badge.setText(tr("⚙ Parametric"))
            self.badge.setToolTip(tr("Opens in the Studio with its parameters editable"))
            self.badge.adjustSize()

    def _elide_title(self) -> None:
        """Shorten the title with "…" to the card's width, measured in the font the panel's style sheet
        gives it (bold, 13 px). Measured in the plain font before that style applies, a long title was
        cut off mid-letter at the card's edge instead."""
        self.title.ensurePolished()
        room = CARD_W - 28  # the card's margin and its style sheet's border, 2 px a side; the body's 12 px
        self.title.setText(self.title.fontMetrics().elidedText(self.item.title, Qt.TextElideMode.ElideRight, room))

    def set_thumbnail(self, pixmap: QPixmap) -> None:
        """Fit the picture and extend its own backdrop colour to the edges, so every card reads as
        one tile and nothing of the model is cropped."""
        box = self.thumb.size()
        scaled = pixmap.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        tile = QPixmap(box)
        tile.fill(scaled.toImage().pixelColor(0, 0) if not scaled.isNull() else Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.drawPixmap((box.width() - scaled.width()) // 2, (box.height() - scaled.height()) // 2, scaled)
        painter.end()
        self.thumb.setPixmap(tile)

    def showEvent(self, event: QShowEvent) -> None:
        self._elide_title()  # the style sheet's font is certain to apply by now (the card may have had no panel)
        if self.badge is not None:  # sized once the panel's style sheet applies to it
            self.badge.adjustSize()
        super().showEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.item.id)
        super().mouseReleaseEvent(event)


class CardGrid(QScrollArea):
    opened = Signal(int)
    more_wanted = Signal()

    def __init__(self, thumbs: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardGrid")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbs = thumbs
        self.cards: list[ListingCard] = []
        self._inner = QWidget(objectName="cardGridInner")
        self._grid = QGridLayout(self._inner)
        self._grid.setSpacing(SPACING)
        self._grid.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._inner)
        self._columns = 0
        self.has_more = False
        thumbs.loaded.connect(self._thumbnail_loaded)
        self.verticalScrollBar().valueChanged.connect(lambda _: self._scrolled())
        self.viewport().installEventFilter(self)

    def set_items(self, items: list[ListingSummary], has_more: bool) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.thumbs.forget_queue()
        self.verticalScrollBar().setValue(0)
        self.add_items(items, has_more)

    def add_items(self, items: list[ListingSummary], has_more: bool) -> None:
        self.has_more = has_more
        for item in items:
            card = ListingCard(item, self._inner)
            card.clicked.connect(self.opened)
            cached = self.thumbs.cached(item.id)
            if cached is not None:
                card.set_thumbnail(cached)
            self.cards.append(card)
        self._reflow(force=True)

    def retranslate(self) -> None:
        for card in self.cards:
            card.retranslate()

    def _reflow(self, force: bool = False) -> None:
        columns = max(1, (self.viewport().width() - SPACING) // (CARD_W + SPACING))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, index // columns, index % columns)
        self._inner.adjustSize()
        QTimer.singleShot(0, self._scrolled)  # once the layout has settled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._reflow()
            self._request_visible()
        return super().eventFilter(watched, event)

    def _scrolled(self) -> None:
        self._request_visible()
        bar = self.verticalScrollBar()
        # also when the page does not even fill the view (no scroll bar to move): ask for the next one
        if self.has_more and bar.value() >= bar.maximum() - THUMB_H:
            self.has_more = False  # one page at a time; the panel sets it again with the page
            self.more_wanted.emit()

    def _request_visible(self) -> None:
        top = self.verticalScrollBar().value()
        seen = QRect(0, top - THUMB_H, self.viewport().width(), self.viewport().height() + 2 * THUMB_H)
        for card in self.cards:
            if card.thumb.pixmap().isNull() and seen.intersects(card.geometry()):
                self.thumbs.want(card.item.id)

    def _thumbnail_loaded(self, listing_id: int, pixmap: QPixmap) -> None:
        for card in self.cards:
            if card.item.id == listing_id:
                card.set_thumbnail(pixmap)
