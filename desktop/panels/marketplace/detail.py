"""The listing page: gallery, description, licence, files, reviews, remix family, creator, and the
actions (Open in Studio, like, collect, remix). A licence that forbids derivatives shows no Remix
action and says why, so a designer never publishes a remix the creator did not allow.

A paid listing shows where buying it stands: Buy, then "Open checkout" while the payment provider
has not confirmed the payment (paying happens in the browser), then bought. A listing its creator
took down is marked Unlisted; its creator unlists from here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.tasks import Task
from desktop.flow import FlowLayout
from desktop.i18n import counted
from desktop.panels.marketplace.common import licence_label, price_text, size_text, tr
from desktop.panels.marketplace.review_form import ReviewForm
from desktop.progress_bar import ProgressBar
from sync_client.client import HubClient
from sync_client.models import Category, Listing, Review

MAX_IMAGES = 6
MAX_REMIXES = 12
IMAGE_BYTES = 4 * 1024 * 1024


@dataclass
class ListingPage:
    listing: Listing
    reviews: list[Review]
    images: list[QImage] = field(default_factory=list)
    parent: Listing | None = None
    remixes: list[Listing] = field(default_factory=list)


def load_page(client: HubClient, listing_id: int, task: Task) -> ListingPage:
    """Everything the page shows, fetched on a worker thread in one go."""
    listing = client.market.listing(listing_id)
    task.check()
    page = ListingPage(listing, client.market.reviews(listing_id))
    seen: set[bytes] = set()
    for url in [f"/listings/{listing_id}/thumbnail", *listing.images][:MAX_IMAGES]:
        task.check()
        _, body = client.transport.send("GET", url, limit=IMAGE_BYTES)
        image = QImage.fromData(body)
        digest = hashlib.sha256(body).digest()
        if not image.isNull() and digest not in seen:  # the thumbnail is often also the first image
            seen.add(digest)
            page.images.append(image)
    if listing.remix_of is not None:
        page.parent = client.market.listing(listing.remix_of)
    page.remixes = [client.market.listing(i) for i in client.market.remixes(listing_id)[:MAX_REMIXES]]
    return page


def _section(title: str) -> QLabel:
    return QLabel(title, objectName="sectionTitle")


class DetailPage(QScrollArea):
    back = Signal()
    open_requested = Signal(int)  # listing id
    remix_requested = Signal(int)
    like_toggled = Signal(int, bool)
    collect_requested = Signal(int)
    buy_requested = Signal(int)
    checkout_requested = Signal(str)  # the pending purchase's checkout URL, to open in the browser
    unlist_requested = Signal(int)
    listing_linked = Signal(int)  # a remix-family link was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listingDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page: ListingPage | None = None
        self.category_titles: dict[str, str] = {}
        inner = QWidget(objectName="detailInner")
        self.setWidget(inner)
        self.back_button = QPushButton(objectName="backButton")
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back)
        self.title = QLabel(objectName="detailTitle", wordWrap=True)
        self.unlisted_chip = QLabel(objectName="unlistedChip", visible=False)
        self.creator = QLabel(objectName="detailCreator")
        self.stats = QLabel(objectName="detailStats")
        self.image = QLabel(objectName="galleryMain", alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(260)
        self.strip = QHBoxLayout()
        self.strip.setSpacing(6)
        self.open_button = QPushButton(objectName="openInStudio")
        self.open_button.clicked.connect(lambda: self._emit_id(self.open_requested))
        self.buy_button = QPushButton(objectName="buyButton")
        self.buy_button.clicked.connect(lambda: self._emit_id(self.buy_requested))
        self.checkout_button = QPushButton(objectName="openCheckout", visible=False)
        self.checkout_button.clicked.connect(self._open_checkout)
        self.unlist_button = QPushButton(objectName="unlistButton", visible=False)
        self.unlist_button.clicked.connect(lambda: self._emit_id(self.unlist_requested))
        self.purchase_note = QLabel(objectName="purchaseNote", wordWrap=True, visible=False)
        self.locked = False  # a paid listing not (yet) bought: nothing to open
        self.remix_button = QPushButton(objectName="remixButton")
        self.remix_button.clicked.connect(lambda: self._emit_id(self.remix_requested))
        self.like_button = QPushButton(objectName="likeButton", checkable=True)
        self.like_button.clicked.connect(lambda on: self.page and self.like_toggled.emit(self.page.listing.id, on))
        self.collect_button = QPushButton(objectName="collectButton")
        self.collect_button.clicked.connect(lambda: self._emit_id(self.collect_requested))
        self.progress = ProgressBar(objectName="downloadProgress", visible=False)
        self.cancel_button = QPushButton(objectName="cancelDownload", visible=False)
        self.licence = QLabel(objectName="detailLicence", wordWrap=True)
        self.remix_note = QLabel(objectName="remixNote", wordWrap=True)
        self.description = QLabel(objectName="detailDescription", wordWrap=True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files = QLabel(objectName="detailFiles", wordWrap=True)
        self.reviews = QLabel(objectName="detailReviews", wordWrap=True)
        self.review_form = ReviewForm()
        self.family = QLabel(objectName="remixTree", wordWrap=True)
        self.family.linkActivated.connect(lambda href: self.listing_linked.emit(int(href)))

        actions = FlowLayout()  # wraps in a narrow dock instead of clipping Like/Collect off the edge
        for button in (self.open_button, self.buy_button, self.checkout_button, self.remix_button, self.like_button,
                       self.collect_button, self.unlist_button):
            actions.addWidget(button)
        download = QHBoxLayout()
        download.addWidget(self.progress, 1)
        download.addWidget(self.cancel_button)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.unlisted_chip, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        layout.addWidget(self.creator)
        layout.addWidget(self.stats)
        layout.addWidget(self.image)
        layout.addLayout(self.strip)
        layout.addLayout(actions)
        layout.addWidget(self.purchase_note)
        layout.addLayout(download)
        self.sections: list[QLabel] = []
        for title, widget in ((True, self.licence), (False, self.remix_note), (True, self.description),
                              (True, self.files), (True, self.reviews), (False, self.review_form),
                              (True, self.family)):
            if title:
                self.sections.append(_section(""))
                layout.addWidget(self.sections[-1])
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def set_categories(self, categories: list[Category]) -> None:
        """Category names as the hub gives them (in the UI language where it has them), the shown one too."""
        self.category_titles = {c.slug: c.title for c in categories}
        if self.page is not None:
            self._show_words(self.page)

    def retranslate(self) -> None:
        """Every word in the UI language, the shown listing's included (also after a switch in Preferences)."""
        self.back_button.setText(tr("← Back to results"))
        self.open_button.setText(tr("Open in Studio"))
        self.remix_button.setText(tr("Remix"))
        self.remix_button.setToolTip(tr("Open a copy to change and publish as a remix, crediting the creator"))
        self.collect_button.setText(tr("Collect…"))
        self.checkout_button.setText(tr("Open checkout"))
        self.checkout_button.setToolTip(tr("Pay in your browser; this page shows the model as bought once the "
                                           "payment arrives"))
        self.unlist_button.setText(tr("Unlist…"))
        self.unlist_button.setToolTip(tr("Take it out of search and browsing; buyers keep their files"))
        self.unlisted_chip.setText(tr("Unlisted"))
        self.cancel_button.setText(tr("Cancel"))
        for label, text in zip(self.sections, (tr("Licence"), tr("About this model"), tr("Files"), tr("Reviews"),
                                               tr("Remix family")), strict=True):
            label.setText(text)
        self.review_form.retranslate()
        if self.page is not None:
            self._show_words(self.page)
            if not self.page.images:
                self.image.setText(tr("No pictures"))
        else:
            self.like_button.setText(tr("♥ Like"))

    def _open_checkout(self) -> None:
        purchase = self.page.listing.purchase if self.page is not None else None
        if purchase is not None and purchase.checkout_url:
            self.checkout_requested.emit(purchase.checkout_url)

    def _emit_id(self, signal: SignalInstance) -> None:
        if self.page is not None:
            signal.emit(self.page.listing.id)

    def show_page(self, page: ListingPage) -> None:
        if self.page is None or self.page.listing.id != page.listing.id:
            self.review_form.reset()
        self.page = page
        self._show_words(page)
        self._show_gallery(page.images)
        self.verticalScrollBar().setValue(0)

    def _show_words(self, page: ListingPage) -> None:
        item = page.listing
        self.like_button.setChecked(item.liked_by_me)
        self.like_button.setText(tr("♥ Liked") if item.liked_by_me else tr("♥ Like"))
        self.title.setText(item.title)
        self.creator.setText(tr("by {0} · {1}").format(item.creator, self.category_titles.get(item.category,
                                                                                             item.category)))
        self.stats.setText(" · ".join((
            price_text(item.price_cents), "♥ " + counted(item.likes, tr("{0} like"), tr("{0} likes")),
            "⤓ " + counted(item.downloads, tr("{0} download"), tr("{0} downloads")),
            counted(item.makes, tr("{0} make"), tr("{0} makes")))))
        self._show_purchase(item)
        self.remix_button.setVisible(item.remix_allowed)
        self.licence.setText(licence_label(item.licence))
        self.remix_note.setVisible(not item.remix_allowed)
        self.remix_note.setText(tr("This licence does not allow remixes: you may open and print this model, "
                                   "but not publish a changed version of it."))
        self.description.setText(item.description or tr("The creator wrote no description."))
        self.files.setText("\n".join(f"• {f.name} ({size_text(f.size)})" for f in item.files)
                           + ("\n• " + tr("Parametric document (editable parameters)") if item.has_parameters else ""))
        self.reviews.setText("\n\n".join(f"{'★' * r.rating}{'☆' * (5 - r.rating)}  {r.author}\n{r.body}"
                                         for r in page.reviews) or tr("No reviews yet."))
        self._show_family(page)

    def _show_purchase(self, item: Listing) -> None:
        """Buy, or Open checkout while the payment is pending, or what happened to the purchase; and
        whether the creator took the listing down."""
        purchase = item.purchase
        pending = purchase is not None and purchase.state == "pending" and bool(purchase.checkout_url)
        self.locked = item.price_cents > 0 and not item.purchased
        self.buy_button.setVisible(self.locked and not pending and not item.unlisted)
        self.buy_button.setText(tr("Buy · {0}").format(price_text(item.price_cents)))
        self.checkout_button.setVisible(self.locked and pending)
        self.open_button.setEnabled(not self.locked)
        self.unlist_button.setVisible(item.mine and not item.unlisted)
        self.unlisted_chip.setVisible(item.unlisted)
        self.unlisted_chip.setToolTip(
            tr("You took this listing down: it is out of search and browsing, and buyers keep their files.")
            if item.mine else tr("Its creator took this listing down: it is out of search and browsing."))
        if pending:
            note = tr("Your purchase is waiting for the payment. Pay at the checkout in your browser; this page "
                      "shows the model as bought once the payment arrives.")
        elif purchase is not None and purchase.state == "paid":
            note = tr("You bought this model: its files are yours to download.")
        elif purchase is not None and purchase.state == "refunded":
            note = tr("Your purchase was refunded, so its files are locked again.")
        elif self.locked and item.unlisted:
            note = tr("Its creator took this listing down, so it can no longer be bought.")
        else:
            note = ""
        self.purchase_note.setText(note)
        self.purchase_note.setVisible(bool(note))

    def _show_family(self, page: ListingPage) -> None:
        lines = []
        if page.parent is not None:
            lines.append(tr("Remix of {0}").format(
                f'<a href="{page.parent.id}">{page.parent.title}</a> ({page.parent.creator})'))
        if page.remixes:
            lines.append(tr("Remixed as:") + "<br>" + "<br>".join(
                f'&nbsp;&nbsp;↳ <a href="{r.id}">{r.title}</a> ({r.creator})' for r in page.remixes))
        self.family.setText("<br>".join(lines) or tr("An original: no remixes yet."))

    def _show_gallery(self, images: list[QImage]) -> None:
        while self.strip.count():
            taken = self.strip.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        self.image.clear()
        if not images:
            self.image.setText(tr("No pictures"))
            return
        self._select_image(images[0])
        for image in images if len(images) > 1 else []:
            thumb = QPushButton(objectName="galleryThumb")
            thumb.setIcon(QPixmap.fromImage(image))
            thumb.setIconSize(thumb.iconSize().expandedTo(thumb.iconSize() * 3))
            thumb.clicked.connect(lambda _=False, img=image: self._select_image(img))
            self.strip.addWidget(thumb)
        self.strip.addStretch(1)

    def _select_image(self, image: QImage) -> None:
        self.image.setPixmap(QPixmap.fromImage(image).scaledToHeight(260, Qt.TransformationMode.SmoothTransformation))

    def set_busy(self, fraction: float | None, message: str = "") -> None:
        """Download progress under the actions; None hides it."""
        busy = fraction is not None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.open_button.setEnabled(not busy and not self.locked)
        if fraction is not None:
            self.progress.setValue(int(fraction * 100))
            self.progress.setFormat(message or "%p%")

