"""The marketplace dock against a real hub: search as you type, open a listing, Open in Studio
delivers an editable document, publish shows up in search, offline publishing is queued."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QLabel

from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from desktop.panels.marketplace import MarketplacePanel, OpenedListing
from desktop.panels.marketplace.publish import ProjectSnapshot
from desktop.panels.marketplace.search_bar import SearchQuery
from sync_client.client import HubClient
from sync_client.publish_queue import PublishQueue
from tests.desktop.market_support import market_hub_fixture, publish_planter, signed_in, workers_fixture  # noqa: F401
from tests.hub.checkout import press
from tests.hub.fixtures import FAST_RETRY
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter

pytestmark = pytest.mark.gui


def make_panel(qtbot, client, workers, tmp_path: Path, **kwargs) -> MarketplacePanel:  # type: ignore[no-untyped-def]
    panel = MarketplacePanel(client, workers, downloads=tmp_path / "downloads",
                             queue=kwargs.pop("queue", PublishQueue(tmp_path / "queue")), **kwargs)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_search_open_listing_and_open_in_studio_with_parameters(
        qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    word = f"zinnia{uuid.uuid4().hex[:5]}"
    alice = signed_in(market_hub.url, tmp_path)
    listing = publish_planter(alice, tmp_path / "alice", f"Square {word} planter")
    bob = signed_in(market_hub.url, tmp_path)
    panel = make_panel(qtbot, bob, workers, tmp_path)

    with qtbot.waitSignal(panel.results_shown, timeout=20_000,
                          check_params_cb=lambda page: page.total == 1) as shown:
        qtbot.keyClicks(panel.search_bar.input, word[:-2])  # results while typing (prefix)
    assert [i.id for i in shown.args[0].items] == [listing.id]
    assert [c.item.title for c in panel.grid.cards] == [listing.title]
    card = panel.grid.cards[0]
    qtbot.waitUntil(lambda: not card.thumb.pixmap().isNull(), timeout=20_000)  # lazily loaded thumbnail

    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.detail
    assert panel.detail.title.text() == listing.title
    assert listing.creator in panel.detail.creator.text()
    assert panel.detail.remix_button.isVisibleTo(panel) and not panel.detail.remix_note.isVisibleTo(panel)
    assert "planter.stl" in panel.detail.files.text()

    # a review before downloading: the hub refuses, the form says why and what to do
    form = panel.detail.review_form
    qtbot.keyClicks(form.body, "Looks great")
    qtbot.mouseClick(form.post, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Only people who downloaded or bought" in form.message.text(), timeout=20_000)
    assert form.post.isEnabled() and form.body.toPlainText() == "Looks great"  # nothing typed is lost

    with qtbot.waitSignal(panel.open_in_studio, timeout=30_000) as opened:
        qtbot.mouseClick(panel.detail.open_button, Qt.MouseButton.LeftButton)
    result: OpenedListing = opened.args[0]
    assert result.listing.id == listing.id
    assert result.document is not None and result.document.param("width").value == 100.0
    result.document.set_param_value("width", 140.0)  # its parameters are editable
    assert result.document.param("width").value == 140.0
    assert result.mesh is not None and len(result.mesh.faces) > 0
    assert not panel.detail.progress.isVisible() and result.remix_of is None
    with qtbot.waitSignal(panel.open_in_studio, timeout=30_000) as remixed:
        qtbot.mouseClick(panel.detail.remix_button, Qt.MouseButton.LeftButton)
    assert remixed.args[0].remix_of == listing.id  # publishing it later credits the original

    form.rating.setCurrentIndex(form.rating.findData(4))  # downloaded now: the review is posted and shown
    qtbot.mouseClick(form.post, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Looks great" in panel.detail.reviews.text(), timeout=20_000)
    assert "★★★★☆" in panel.detail.reviews.text() and "posted" in form.message.text()
    assert [(r.rating, r.body) for r in alice.market.reviews(listing.id)] == [(4, "Looks great")]
    bob.close()
    alice.close()


def planter_snapshot(name: str) -> ProjectSnapshot:
    doc = planter()
    mesh = Evaluator().mesh(doc)
    image = QImage.fromData(render_png(mesh, size=(320, 240)))
    return ProjectSnapshot(name=name, mesh=mesh, document=doc, image=image)


def fill_and_publish(qtbot, panel: MarketplacePanel, title: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.publish_button, Qt.MouseButton.LeftButton)
    dialog = panel.publish_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.preview.pixmap().isNull()  # the viewport image is the thumbnail
    dialog.title.setText(title)
    dialog.description.setPlainText("Square planter with a drainage gap.")
    dialog.category.setCurrentIndex(dialog.category.findData("planters"))
    dialog.tags.setText("herbs, Kitchen")
    dialog.licence.setCurrentIndex(dialog.licence.findData("CC-BY-ND"))
    assert "not be allowed to remix" in dialog.note.text()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)


def test_publish_from_the_project_then_it_is_found_in_search(
        qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    word = f"begonia{uuid.uuid4().hex[:5]}"
    carol = signed_in(market_hub.url, tmp_path)
    original = publish_planter(carol, tmp_path / "orig", f"Original {word} planter")
    snapshot = planter_snapshot("My planter")
    snapshot.remix_of = original.id  # the project was opened with Remix
    panel = make_panel(qtbot, carol, workers, tmp_path, snapshot=lambda: snapshot)
    qtbot.waitUntil(lambda: bool(panel.categories), timeout=20_000)
    with qtbot.waitSignal(panel.published, timeout=30_000) as done:
        fill_and_publish(qtbot, panel, f"Herb {word} box")
    listing = done.args[0]
    assert listing.title == f"Herb {word} box" and listing.licence == "CC-BY-ND"
    assert listing.has_parameters and sorted(listing.tags) == ["herbs", "kitchen"]
    assert "Published" in panel.banner.text() and panel.queue.entries() == []

    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda p: p.total == 2):
        qtbot.keyClicks(panel.search_bar.input, word)
    card = next(c for c in panel.grid.cards if c.item.id == listing.id)
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    # its licence forbids derivatives: no Remix action, and a clear note instead
    assert not panel.detail.remix_button.isVisibleTo(panel)
    assert panel.detail.remix_note.isVisibleTo(panel) and "does not allow remixes" in panel.detail.remix_note.text()
    assert not panel.detail.image.pixmap().isNull()  # the thumbnail made from the viewport image
    family = panel.detail.family.text()
    assert "Remix of" in family and original.title in family
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):  # follow the link to the original
        panel.detail.family.linkActivated.emit(str(original.id))
    assert panel.detail.title.text() == original.title
    assert "Remixed as" in panel.detail.family.text() and listing.title in panel.detail.family.text()
    carol.close()


def test_offline_publish_is_queued_and_sent_when_the_hub_comes_back(
        qtbot, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub = HubProcess(f"sqlite:///{tmp_path / 'own.db'}", tmp_path / "own").start()
    try:
        dave = signed_in(hub.url, tmp_path)
        word = f"fern{uuid.uuid4().hex[:5]}"
        panel = make_panel(qtbot, dave, workers, tmp_path, retry_ms=300,
                           snapshot=lambda: planter_snapshot("Fern pot"))
        qtbot.waitUntil(lambda: bool(panel.categories), timeout=20_000)
        hub.stop()
        fill_and_publish(qtbot, panel, f"Offline {word} pot")
        qtbot.waitUntil(lambda: "offline" in panel.banner.text(), timeout=30_000)
        assert [e.title for e in panel.queue.entries("pending")] == [f"Offline {word} pot"]
        assert "1 waiting to publish" in panel.queue_label.text()

        hub.start()  # same port, same database: the hub is back
        with qtbot.waitSignal(panel.published, timeout=30_000) as done:
            pass
        assert done.args[0].title == f"Offline {word} pot"
        assert panel.queue.entries() == [] and panel.queue_label.text() == ""
        assert [i.title for i in dave.market.search(word).items] == [f"Offline {word} pot"]
        dave.close()
    finally:
        hub.stop()


def test_marketplace_speaks_brazilian_portuguese(qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qm = tmp_path / "market_pt_BR.qm"
    source = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "market_pt_BR.ts"
    subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), str(source), "-qm", str(qm)],
                   check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    assert app is not None
    word = f"anis{uuid.uuid4().hex[:5]}"
    client = signed_in(market_hub.url, tmp_path)
    listing = publish_planter(client, tmp_path / "pub", f"Square {word} planter")
    panel = make_panel(qtbot, client, workers, tmp_path)  # built in English, then switched like Preferences does
    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda page: page.total == 1):
        qtbot.keyClicks(panel.search_bar.input, word)
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)
    assert panel.publish_button.text() == "Publish…" and panel.detail.back_button.text() == "← Back to results"
    combo = panel.search_bar.category
    assert "Art & decor" in [combo.itemText(i).strip() for i in range(combo.count())]
    english = QLocale()
    QLocale.setDefault(QLocale("pt_BR"))  # as Preferences does (desktop.i18n.Translations.set_language)
    app.installTranslator(translator)
    try:
        # the hub's own words (category names) are asked for again in Portuguese
        qtbot.waitUntil(lambda: "Arte e decoração" in [combo.itemText(i).strip() for i in range(combo.count())],
                        timeout=10_000)
        qtbot.waitUntil(lambda: panel.detail.creator.text().endswith("· Vasos de planta e cachepôs"), timeout=5000)
        qtbot.waitUntil(lambda: panel.search_bar.input.placeholderText() == "Buscar vasos, floreiras, organizadores…",
                        timeout=5000)  # LanguageChange is posted
        assert panel.search_bar.sort.itemText(0) == "Mais relevantes"
        # the rest of the panel follows too, not only the search bar
        assert panel.heading.text() == "Marketplace" and panel.publish_button.text() == "Publicar…"
        assert panel.count.text() == "1 modelo"
        card = panel.grid.cards[0]
        assert card.findChild(QLabel, "cardCreator").text() == f"por {listing.creator}"
        assert card.findChild(QLabel, "priceChip").text() == "Grátis"
        assert card.findChild(QLabel, "paramChip").text() == "⚙ Paramétrico"
        detail = panel.detail
        assert detail.back_button.text() == "← Voltar aos resultados" and detail.open_button.text() == "Abrir no Studio"
        assert detail.stats.text().startswith("Grátis · ♥ 0 curtidas")
        assert [s.text() for s in detail.sections][:2] == ["Licença", "Sobre este modelo"]
        assert detail.review_form.post.text() == "Publicar avaliação"
    finally:
        QLocale.setDefault(english)
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.publish_button.text() == "Publish…", timeout=5000)
    assert detail.back_button.text() == "← Back to results"
    qtbot.waitUntil(lambda: "Art & decor" in [combo.itemText(i).strip() for i in range(combo.count())], timeout=10_000)
    client.close()


def test_every_marketplace_collaboration_and_account_string_has_a_portuguese_translation() -> None:
    """Every literal the marketplace, collaboration and account panels pass to their `tr()` is finished in
    one of the Portuguese sources compiled into the shipped .qm: the review form, "♥ Liked", a failed remote
    change and "Cancel sign-in" were shown in English in the Portuguese UI."""
    import ast
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    translated = {(ctx.findtext("name"), msg.findtext("source"))
                  for ts in sorted((root / "resources" / "i18n").glob("*_pt_BR.ts"))
                  for ctx in ET.parse(ts).getroot().iter("context")
                  for msg in ctx.iter("message")
                  if (t := msg.find("translation")) is not None and t.text and t.get("type") != "unfinished"}
    panels = root / "desktop" / "panels"
    sources = [(p, "Marketplace") for p in sorted((panels / "marketplace").glob("*.py"))]
    sources += [(p, "Collaboration") for p in sorted((panels / "collab").glob("*.py"))]
    sources += [(panels / "account.py", "Account")]
    missing = []
    for path, context in sources:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "tr" and call.args
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                    and (context, call.args[0].value) not in translated):
                missing.append(f"{path.name}:{call.lineno} {call.args[0].value!r}")
    assert not missing, "untranslated in resources/i18n/*_pt_BR.ts: " + "; ".join(missing)


class BrowserStandIn(QObject):
    """Receives what the app would open in the browser (QDesktopServices URL handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_paid_listing_buy_then_open_like_collect_and_filters(
        qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tag = f"t{uuid.uuid4().hex[:8]}"
    alice = signed_in(market_hub.url, tmp_path)
    paid = publish_planter(alice, tmp_path / "a1", "Deluxe self-watering planter", price_cents=250, tags=[tag])
    publish_planter(alice, tmp_path / "a2", "Simple planter", tags=[tag])
    bob = signed_in(market_hub.url, tmp_path)
    panel = make_panel(qtbot, bob, workers, tmp_path)

    with qtbot.waitSignal(panel.results_shown, timeout=20_000, check_params_cb=lambda p: p.total == 2):
        qtbot.keyClicks(panel.search_bar.tag, tag)
    with qtbot.waitSignal(panel.results_shown, timeout=20_000) as only_paid:
        panel.search_bar.price.setCurrentIndex(panel.search_bar.price.findData("paid"))
    assert [i.id for i in only_paid.args[0].items] == [paid.id]
    assert panel.grid.cards[0].findChild(QLabel, "priceChip").text() == "$ 2.50"

    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)
    assert panel.detail.buy_button.isVisibleTo(panel) and not panel.detail.open_button.isEnabled()
    browser = BrowserStandIn()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        qtbot.mouseClick(panel.detail.buy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(browser.urls), timeout=20_000)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert "/payments/test/checkout/" in browser.urls[0]  # paying happens in the browser

    assert "Payment complete" in press(browser.urls[0], "Pay").text  # the provider's webhook tells the hub
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        panel.open_listing(paid.id)
    assert panel.detail.open_button.isEnabled() and not panel.detail.buy_button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.open_in_studio, timeout=30_000) as opened:
        qtbot.mouseClick(panel.detail.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].document is not None

    assert not panel.detail.like_button.isChecked()
    qtbot.mouseClick(panel.detail.like_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "♥ 1 like ·" in panel.detail.stats.text(), timeout=20_000)  # one like, not "1 likes"
    panel.detail.back.emit()
    with qtbot.waitSignal(panel.page_shown, timeout=20_000):  # reopened later: the button shows my like
        panel.open_listing(paid.id)
    assert panel.detail.like_button.isChecked() and panel.detail.like_button.text() == "♥ Liked"
    panel.add_to_collection(None, paid.id, True, "Balcony ideas")
    qtbot.waitUntil(lambda: "Balcony ideas" in panel.banner.text(), timeout=20_000)
    assert [(c.name, c.listing_ids) for c in bob.market.collections()] == [("Balcony ideas", [paid.id])]
    alice.close()
    bob.close()


def test_unreachable_hub_is_said_plainly_and_search_recovers(qtbot, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub = HubProcess(f"sqlite:///{tmp_path / 'late.db'}", tmp_path / "late")  # not started yet
    client = HubClient(hub.url, state_dir=tmp_path / "c", retry=FAST_RETRY)
    panel = make_panel(qtbot, client, workers, tmp_path)
    qtbot.waitUntil(lambda: panel.banner.isVisible(), timeout=20_000)
    assert "cannot be reached" in panel.banner.text() and "Traceback" not in panel.banner.text()
    assert panel.grid.cards == []
    hub.start()
    try:
        with qtbot.waitSignal(panel.results_shown, timeout=20_000):
            qtbot.keyClicks(panel.search_bar.input, "pot")
        assert not panel.banner.isVisible()  # the error goes once the marketplace answers again
    finally:
        hub.stop()
        client.close()


def test_a_publication_the_hub_refuses_stays_visible_with_its_reason(
        qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    erin = signed_in(market_hub.url, tmp_path)
    closed = publish_planter(erin, tmp_path / "nd", "No-derivatives planter", licence="CC-BY-ND")
    snapshot = planter_snapshot("My remix")
    snapshot.remix_of = closed.id  # e.g. a remix made from a copy, of a model whose licence forbids it
    panel = make_panel(qtbot, erin, workers, tmp_path, snapshot=lambda: snapshot)
    qtbot.waitUntil(lambda: bool(panel.categories), timeout=20_000)
    qtbot.mouseClick(panel.publish_button, Qt.MouseButton.LeftButton)
    dialog = panel.publish_dialog
    assert dialog is not None
    dialog.title.setText("Pl")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least 3" in dialog.error.text()  # checked before anything is sent
    dialog.title.setText("Sneaky remix")
    dialog.tags.setText("Spiral Vase, herbs!")
    dialog.category.setCurrentIndex(dialog.category.findData("planters"))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not published" in panel.queue_label.text(), timeout=30_000)
    assert "does not allow remixes" in panel.banner.text()
    [failed] = panel.queue.entries("failed")
    assert failed.title == "Sneaky remix" and list(failed.tags) == ["spiral-vase", "herbs"]
    assert (panel.queue.folder / failed.key / failed.files[0]).stat().st_size > 0  # the design is kept
    assert "does not allow remixes" in panel.queue_label.toolTip()
    erin.close()


def test_a_page_opened_while_a_search_is_on_its_way_opens_and_the_search_still_fills_the_grid(
        qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One counter numbered searches and pages alike, so whichever answer came second was dropped: a click made
    while results were loading did nothing, or the grid kept the old results."""
    word = f"aster{uuid.uuid4().hex[:5]}"
    alice = signed_in(market_hub.url, tmp_path)
    listing = publish_planter(alice, tmp_path / "alice", f"Round {word} planter")
    bob = signed_in(market_hub.url, tmp_path)
    panel = make_panel(qtbot, bob, workers, tmp_path)
    qtbot.waitUntil(lambda: bool(panel.grid.cards), timeout=20_000)  # the dock's own first search is done

    with qtbot.waitSignals([panel.results_shown, panel.page_shown], timeout=20_000):
        panel.search(SearchQuery(text=word))
        panel.open_listing(listing.id)  # the user clicks before the search's answer is back
    assert panel.stack.currentWidget() is panel.detail and panel.detail.title.text() == listing.title
    assert [c.item.id for c in panel.grid.cards] == [listing.id]
