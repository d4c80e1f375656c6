"""MarketplacePanel: the dock's widget. Search → cards → listing page → Open in Studio, plus
Publish. Every hub call runs on the shared worker pool; results that arrive after the user moved
on (an older search, another listing) are dropped by sequence number rather than shown late.

Wiring (main window): `panel.open_in_studio.connect(...)` receives an OpenedListing; pass
`snapshot=` a callable returning the current ProjectSnapshot so "Publish…" can read the project.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trimesh
from PySide6.QtCore import QEvent, QLocale, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.document.document import Document
from core.paths import data_dir
from core.tasks import Task
from desktop.i18n import counted
from desktop.panels.marketplace.cards import CardGrid
from desktop.panels.marketplace.common import error_text, tr
from desktop.panels.marketplace.detail import DetailPage, ListingPage, load_page
from desktop.panels.marketplace.publish import ProjectSnapshot, PublishDialog, enqueue
from desktop.panels.marketplace.search_bar import SearchBar, SearchQuery
from desktop.panels.marketplace.style import stylesheet
from desktop.panels.marketplace.thumbs import ThumbnailLoader
from desktop.workers import Job, Workers
from sync_client.client import HubClient
from sync_client.errors import HubUnavailable, NotSignedIn, PaymentRequired
from sync_client.models import Category, Collection, Listing, Purchase, SearchPage
from sync_client.publish_queue import PublishQueue

log = logging.getLogger(__name__)
PAGE_SIZE = 24
QUEUE_RETRY_MS = 15_000
PAYMENT_CHECK_MS = 3_000  # while a shown purchase waits for the payment provider's confirmation


@dataclass
class OpenedListing:
    """What "Open in Studio" delivers: the parametric document when there is one (parameters
    editable), else the downloaded mesh; `remix_of` is set when the user chose Remix."""

    listing: Listing
    files: list[Path]
    document: Document | None
    mesh: trimesh.Trimesh | None
    remix_of: int | None = None


def download(client: HubClient, listing_id: int, folder: Path, remix: bool, task: Task) -> OpenedListing:
    listing = client.market.listing(listing_id)
    # the slug comes from the hub: never let it name a path outside the downloads folder
    target = folder / f"{re.sub(r'[^a-z0-9-]+', '-', listing.slug.lower()).strip('-')[:60] or 'model'}-{listing.id}"
    files = client.market.get(listing_id, target, task)
    document = mesh = None
    docs = [p for p in files if p.name == "document.potstudio.json"]
    if docs:
        document = Document.loads(docs[0].read_bytes())
    models = [p for p in files if p.suffix.lower() in (".3mf", ".stl", ".obj")]
    if models:
        loaded = trimesh.load(models[0], force="mesh")
        mesh = loaded if isinstance(loaded, trimesh.Trimesh) else None
    return OpenedListing(listing, files, document, mesh, listing.id if remix and listing.remix_allowed else None)


class MarketplacePanel(QWidget):
    open_in_studio = Signal(object)  # OpenedListing
    published = Signal(object)  # Listing
    results_shown = Signal(object)  # SearchPage (tests and the status bar wait on it)
    page_shown = Signal(object)  # ListingPage

    def __init__(self, client: HubClient, workers: Workers,
                 snapshot: Callable[[], ProjectSnapshot | None] | None = None, downloads: Path | None = None,
                 queue: PublishQueue | None = None, retry_ms: int = QUEUE_RETRY_MS,
                 payment_check_ms: int = PAYMENT_CHECK_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketplacePanel")
        self.client = client
        client.transport.language = QLocale().bcp47Name()
        self.workers = workers
        self.snapshot = snapshot
        self.downloads = downloads or data_dir() / "downloads"
        self.queue = queue or PublishQueue(data_dir() / "publish-queue")
        self.categories: list[Category] = []
        self.thumbs = ThumbnailLoader(lambda i: client.market.thumbnail(i), workers, parent=self)
        self.search_bar = SearchBar()
        self.grid = CardGrid(self.thumbs)
        self.detail = DetailPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.detail)
        self.heading = QLabel(objectName="marketHeading")
        self.count = QLabel(objectName="resultCount")
        self.queue_label = QLabel(objectName="queueLabel")
        self.publish_button = QPushButton(objectName="publishButton")
        self.banner = QLabel(objectName="marketBanner", wordWrap=True, visible=False)
        self.banner.setOpenExternalLinks(False)
        self.banner.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.publish_dialog: PublishDialog | None = None
        self.download_job: Job | None = None
        self.sending = False  # one queue flush at a time, or an entry could be published twice
        self._seq = 0  # numbers every search and page request, newest highest
        self._search_seq = 0  # the search whose results the grid should show
        self._view_seq = 0  # the request the user made last that changes what is shown (a search or a page)
        self._cursor: str | None = None
        self._total: int | None = None  # of the results shown, for the count line
        self._query = SearchQuery()
        self._retry = QTimer(self, interval=retry_ms)
        self._retry.timeout.connect(self.flush_queue)
        self._payment_check = QTimer(self, interval=payment_check_ms)
        self._payment_check.timeout.connect(self._check_payment)
        self._checking_payment = False

        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.queue_label)  # its own line: beside "Publish…" it pushed the button off a narrow dock
        layout.addWidget(self.search_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.count)
        layout.addWidget(self.stack, 1)

        self.search_bar.changed.connect(self.search)
        self.stack.currentChanged.connect(lambda index: self.count.setVisible(index == 0))
        self.grid.opened.connect(self.open_listing)
        self.grid.more_wanted.connect(self._more)
        self.detail.back.connect(lambda: self.stack.setCurrentWidget(self.grid))
        self.detail.listing_linked.connect(self.open_listing)
        self.detail.open_requested.connect(lambda i: self.open_in_studio_now(i, remix=False))
        self.detail.remix_requested.connect(lambda i: self.open_in_studio_now(i, remix=True))
        self.detail.buy_requested.connect(self.buy)
        self.detail.checkout_requested.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.detail.unlist_requested.connect(self.unlist)
        self.detail.like_toggled.connect(self.like)
        self.detail.review_form.submitted.connect(self.post_review)
        self.detail.collect_requested.connect(self.collect)
        self.detail.cancel_button.clicked.connect(self.cancel_download)
        self.publish_button.clicked.connect(self.publish)
        self.setStyleSheet(stylesheet(self.palette()))
        self.retranslate()
        QTimer.singleShot(0, self.refresh)

    def retranslate(self) -> None:
        """Every word in the UI language. Switching it in Preferences used to retranslate only the search
        bar: the heading, Publish, the result count, the cards and the listing page stayed in English."""
        self.heading.setText(tr("Marketplace"))
        self.publish_button.setText(tr("Publish…"))
        self.search_bar.retranslate()
        self.grid.retranslate()
        self.detail.retranslate()
        self._show_count()
        self._show_queue()

    # --- generic plumbing ------------------------------------------------------------------------------
    def _run(self, label: str, fn: Callable[[Task], Any], done: Callable[[Any], None], show: bool = False,
             failed: Callable[[BaseException], None] | None = None) -> Job:
        return self.workers.submit(label, fn, done, on_error=failed or self.show_error, show=show)

    def show_error(self, exc: BaseException) -> None:
        log.info("marketplace: %s", exc)
        self.show_message(error_text(exc), error=True)

    def show_message(self, text: str, error: bool = False) -> None:
        self.banner.setProperty("kind", "error" if error else "info")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.setStyleSheet(stylesheet(self.palette()))
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._follow_language()
        super().changeEvent(event)

    def _follow_language(self) -> None:
        """The hub names its categories in the language the client asks for: ask again in the new one."""
        language = QLocale().bcp47Name()
        if language != self.client.transport.language:
            self.client.transport.language = language
            if self.categories:
                self._run("categories", lambda _t: self.client.market.categories(), self._got_categories)

    # --- browsing -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Categories, then the current search (the first thing a new user sees)."""
        self._run("categories", lambda _t: self.client.market.categories(), self._got_categories)
        self.search(self.search_bar.query(), show=False)
        if self.queue.entries("pending"):
            self.flush_queue()

    def _got_categories(self, categories: list[Category]) -> None:
        self.categories = categories
        self.search_bar.set_categories(categories)
        self.detail.set_categories(categories)

    def search(self, query: SearchQuery, show: bool = True) -> None:
        """Results of the newest search always reach the grid; a page opened after this search began stays
        open (one counter for both dropped the grid's results, or the page, whichever came second). A search
        the app makes on its own (start, after publishing) has `show` False: it never takes the view from a
        page the user opened."""
        self._seq += 1
        seq = self._search_seq = self._seq
        self._query = query
        if show:
            self._view_seq = seq
            self.stack.setCurrentWidget(self.grid)
        self._run("search", lambda _t: self._search_page(query, None), lambda page: self._got_page(seq, page, False))

    def _search_page(self, query: SearchQuery, cursor: str | None) -> SearchPage:
        return self.client.market.search(query.text, category=query.category, tag=query.tag, licence=query.licence,
                                         price=query.price, has_parameters=query.has_parameters, sort=query.sort,
                                         cursor=cursor, limit=PAGE_SIZE)

    def _more(self) -> None:
        if self._cursor:
            seq, query, cursor = self._search_seq, self._query, self._cursor
            self._run("search", lambda _t: self._search_page(query, cursor), lambda p: self._got_page(seq, p, True))

    def _got_page(self, seq: int, page: SearchPage, append: bool) -> None:
        if seq != self._search_seq:
            return  # the user typed on; a newer search is on its way
        self._cursor = page.next_cursor
        if append:
            self.grid.add_items(page.items, page.next_cursor is not None)
        else:
            self.grid.set_items(page.items, page.next_cursor is not None)
            if self.banner.property("kind") == "error":
                self.show_message("")
        self._total = page.total
        self._show_count()
        self.results_shown.emit(page)

    def _show_count(self) -> None:
        if self._total is not None:
            self.count.setText(counted(self._total, tr("{0} model"), tr("{0} models")) if self._total else
                               tr("Nothing matches. Try fewer words or other filters."))

    def open_listing(self, listing_id: int) -> None:
        typed = self.search_bar.settle()  # a click during the typing pause: the page wins, the search still runs
        if typed is not None:
            self.search(typed, show=False)
        self._seq += 1
        seq = self._view_seq = self._seq
        self._run("listing", lambda task: load_page(self.client, listing_id, task), lambda p: self._got_listing(seq, p))

    def _got_listing(self, seq: int, page: ListingPage) -> None:
        if seq == self._view_seq:
            self.detail.show_page(page)
            self.stack.setCurrentWidget(self.detail)
            self._watch_payment()
            self.page_shown.emit(page)

    # --- actions on a listing ------------------------------------------------------------------------------
    def open_in_studio_now(self, listing_id: int, remix: bool = False) -> None:
        self.detail.set_busy(0.0, tr("Downloading…"))
        self.download_job = self._run(tr("Downloading a model"),
                                      lambda task: download(self.client, listing_id, self.downloads, remix, task),
                                      self._downloaded, show=True, failed=self._download_failed)
        self.download_job.progressed.connect(lambda f, m: self.detail.set_busy(f, m))
        self.download_job.cancelled.connect(lambda: self.detail.set_busy(None))

    def cancel_download(self) -> None:
        if self.download_job is not None:
            self.download_job.cancel()

    def _downloaded(self, opened: OpenedListing) -> None:
        self.detail.set_busy(None)
        self.download_job = None
        self.show_message(tr("'{0}' is open in the Studio.").format(opened.listing.title))
        self.open_in_studio.emit(opened)

    def _download_failed(self, exc: BaseException) -> None:
        self.detail.set_busy(None)
        self.download_job = None
        if isinstance(exc, PaymentRequired) and exc.checkout_url:
            self.show_message(f'{error_text(exc)} <a href="{exc.checkout_url}">{tr("Buy it")}</a>', error=True)
        else:
            self.show_error(exc)

    def buy(self, listing_id: int) -> None:
        """The hub answers with a pending purchase and its checkout page; paying happens in the browser,
        never in the app, and the page shows the purchase as pending until the payment arrives."""
        def work(task: Task) -> tuple[Purchase, ListingPage]:
            purchase = self.client.market.buy(listing_id)
            return purchase, load_page(self.client, listing_id, task)

        self._run("buy", work, self._bought)

    def _bought(self, answer: tuple[Purchase, ListingPage]) -> None:
        purchase, page = answer
        if not purchase.paid and purchase.checkout_url:
            QDesktopServices.openUrl(QUrl(purchase.checkout_url))
        self._refresh_page(page)

    def _watch_payment(self) -> None:
        """Look again every few seconds while the shown listing's purchase waits for its payment."""
        page = self.detail.page
        purchase = page.listing.purchase if page is not None else None
        if purchase is not None and purchase.state == "pending":
            self._payment_check.start()
        else:
            self._payment_check.stop()

    def _check_payment(self) -> None:
        page = self.detail.page
        purchase = page.listing.purchase if page is not None else None
        if page is None or purchase is None or self.stack.currentWidget() is not self.detail:
            self._payment_check.stop()
            return
        if self._checking_payment:
            return
        self._checking_payment = True
        listing_id, purchase_id = page.listing.id, purchase.id

        def work(task: Task) -> ListingPage | None:
            if self.client.market.purchase(purchase_id).state == purchase.state:
                return None
            return load_page(self.client, listing_id, task)

        def done(changed: ListingPage | None) -> None:
            self._checking_payment = False
            if changed is not None:
                self._refresh_page(changed)

        def failed(exc: BaseException) -> None:  # offline for a moment: the next tick looks again
            self._checking_payment = False
            log.info("marketplace: checking a payment: %s", exc)

        self._run("payment", work, done, failed=failed)

    def unlist(self, listing_id: int) -> None:
        page = self.detail.page
        title = page.listing.title if page is not None else ""
        answer = QMessageBox.question(
            self, tr("Unlist this model?"),
            tr("'{0}' leaves search and browsing at once. People who bought or downloaded it keep their files, "
               "and remixes keep their link to it.").format(title))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(task: Task) -> ListingPage:
            self.client.market.unpublish(listing_id)
            return load_page(self.client, listing_id, task)

        def done(changed: ListingPage) -> None:
            self._refresh_page(changed)
            self.show_message(tr("'{0}' is unlisted: it no longer shows up in search.").format(title))

        self._run("unlist", work, done)

    def like(self, listing_id: int, liked: bool) -> None:
        def work(_t: Task) -> ListingPage:
            self.client.market.like(listing_id, liked)
            return load_page(self.client, listing_id, _t)

        self._run("like", work, self._refresh_page, failed=self._like_failed)

    def _like_failed(self, exc: BaseException) -> None:
        self.detail.like_button.setChecked(not self.detail.like_button.isChecked())
        self.show_error(exc)

    def _refresh_page(self, page: ListingPage) -> None:
        if self.detail.page is not None and self.detail.page.listing.id == page.listing.id:
            self.detail.show_page(page)  # the hub's answer, liked_by_me included, is the truth
            self._watch_payment()

    def post_review(self, rating: int, body: str) -> None:
        if self.detail.page is None:
            return
        listing_id, form = self.detail.page.listing.id, self.detail.review_form

        def work(task: Task) -> ListingPage:
            self.client.market.review(listing_id, rating, body)
            return load_page(self.client, listing_id, task)

        self._run("review", work, lambda page: (self._refresh_page(page), form.posted()), failed=form.refused)

    def collect(self, listing_id: int) -> None:
        self._run("collections", lambda _t: self.client.market.collections(),
                  lambda cols: self._collect_menu(listing_id, cols))

    def _collect_menu(self, listing_id: int, collections: list[Collection]) -> None:
        menu = QMenu(self)
        menu.setObjectName("collectMenu")
        for col in collections:
            action = menu.addAction(col.name)
            action.setCheckable(True)
            action.setChecked(listing_id in col.listing_ids)
            action.triggered.connect(lambda on, c=col.id: self.add_to_collection(c, listing_id, on))
        menu.addSeparator()
        menu.addAction(tr("New collection…")).triggered.connect(lambda: self._new_collection(listing_id))
        menu.popup(self.detail.collect_button.mapToGlobal(self.detail.collect_button.rect().bottomLeft()))

    def _new_collection(self, listing_id: int) -> None:
        name, ok = QInputDialog.getText(self, tr("New collection"), tr("Name"))
        if ok and name.strip():
            self.add_to_collection(None, listing_id, True, name.strip())

    def add_to_collection(self, collection_id: int | None, listing_id: int, keep: bool, new_name: str = "") -> None:
        def work(_t: Task) -> Collection:
            target = collection_id if collection_id is not None else self.client.market.create_collection(new_name).id
            return self.client.market.collect(target, listing_id, keep)

        self._run("collect", work, lambda col: self.show_message(
            tr("Saved in '{0}'.").format(col.name) if keep else tr("Removed from '{0}'.").format(col.name)))

    # --- publishing ------------------------------------------------------------------------------------------
    def publish(self) -> None:
        snapshot = self.snapshot() if self.snapshot else None
        if snapshot is None:
            self.show_message(tr("Open or design a model first, then publish it."), error=True)
            return
        self.publish_dialog = PublishDialog(snapshot, self.categories, self)
        self.publish_dialog.accepted.connect(lambda: self._publish_accepted(snapshot))
        self.publish_dialog.open()

    def _publish_accepted(self, snapshot: ProjectSnapshot) -> None:
        assert self.publish_dialog is not None
        form = self.publish_dialog.form()
        self.publish_dialog.deleteLater()
        self.publish_dialog = None
        try:
            enqueue(self.queue, snapshot, form)
        except Exception as exc:  # nothing was queued: say why, keep the project as it is
            self.show_error(exc)
            return
        self._show_queue()
        self.flush_queue()

    def flush_queue(self) -> None:
        """Send what waits; offline or signed out, it stays queued and we try again later."""
        if not self.queue.entries("pending"):
            self._retry.stop()
            return
        if self.sending:
            return
        self.sending = True
        self._run(tr("Publishing"), lambda task: self.queue.send(self.client.market, task), self._queue_sent,
                  show=True, failed=self._queue_failed)

    def _queue_sent(self, listings: list[Listing]) -> None:
        self.sending = False
        self._show_queue()
        failed = self.queue.entries("failed")
        if failed:
            self.show_message(tr("'{0}' was not published: {1}").format(failed[-1].title, failed[-1].error), error=True)
        elif listings:
            self.show_message(tr("Published '{0}'.").format(listings[-1].title))
        for listing in listings:
            self.published.emit(listing)
        if listings:
            self.search(self.search_bar.query(), show=False)

    def _queue_failed(self, exc: BaseException) -> None:
        self.sending = False
        self._show_queue()
        if isinstance(exc, HubUnavailable | NotSignedIn):
            self.show_message(tr("You are offline: your model is saved and will be published as soon as the "
                                 "marketplace can be reached.") if isinstance(exc, HubUnavailable) else error_text(exc))
            self._retry.start()
        else:
            self.show_error(exc)

    def _show_queue(self) -> None:
        pending, failed = self.queue.entries("pending"), self.queue.entries("failed")
        parts = [tr("{0} waiting to publish").format(len(pending))] if pending else []
        parts += [tr("{0} not published").format(len(failed))] if failed else []
        self.queue_label.setText(" · ".join(parts))
        self.queue_label.setVisible(bool(parts))
        self.queue_label.setToolTip("\n".join([f"• {e.title}" for e in pending] +
                                              [f"• {e.title}: {e.error}" for e in failed]))
