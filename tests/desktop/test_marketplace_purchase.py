"""Buying and unlisting from the main window's Marketplace dock, against a real hub with the `test`
payment provider: Buy opens the checkout in the browser and the page says the purchase waits for
the payment (with "Open checkout"); paying on the checkout page (the provider's webhook) turns it
into bought without touching the app; the creator unlists their own listing and sees "Unlisted".
The pending page is also shown in Brazilian Portuguese."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QTranslator, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.main_window import MainWindow
from desktop.panels.marketplace import MarketplacePanel
from tests.desktop.market_support import market_hub_fixture, publish_planter, signed_in  # noqa: F401
from tests.hub.checkout import press
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


class Browser(QObject):
    """Receives what the app opens in the browser (QDesktopServices URL handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def _marketplace(qtbot, window: MainWindow) -> MarketplacePanel:  # type: ignore[no-untyped-def]
    window.action_set["view.marketplace"].trigger()  # View ▸ Marketplace / the Ctrl+K palette
    panel = window.hub.panel
    assert panel is not None and not window.docks["marketplace"].visibleRegion().isEmpty()
    # the category filter fills in when the hub answers and searches again: let that settle first
    qtbot.waitUntil(lambda: bool(panel.categories), timeout=60_000)
    return panel


def _open(qtbot, panel: MarketplacePanel, word: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.results_shown, timeout=60_000, check_params_cb=lambda page: page.total == 1):
        panel.search_bar.input.setText(word)
    with qtbot.waitSignal(panel.page_shown, timeout=60_000):
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)


def _portuguese(tmp_path: Path) -> QTranslator:
    qm = tmp_path / "market_pt_BR.qm"
    source = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "market_pt_BR.ts"
    subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), str(source), "-qm", str(qm)],
                   check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_buy_waits_for_the_payment_then_shows_bought(qtbot, make_window, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path, artifacts_dir: Path) -> None:
    word = f"orchid{uuid.uuid4().hex[:6]}"
    alice = signed_in(market_hub.url, tmp_path)
    publish_planter(alice, tmp_path / "a", f"Deluxe {word} planter", price_cents=250)
    window: MainWindow = make_window()
    window.hub.use_client(signed_in(market_hub.url, tmp_path))
    panel = _marketplace(qtbot, window)
    panel._payment_check.setInterval(300)  # look for the provider's confirmation often, to keep the test short
    combo = panel.search_bar.category

    def categories() -> list[str]:
        return [combo.itemText(i).strip() for i in range(combo.count())]

    _open(qtbot, panel, word)
    detail = panel.detail
    assert detail.buy_button.isVisibleTo(panel) and not detail.checkout_button.isVisibleTo(panel)
    assert not detail.open_button.isEnabled()

    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        qtbot.mouseClick(detail.buy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: detail.checkout_button.isVisibleTo(panel), timeout=60_000)
        assert len(browser.urls) == 1 and "/payments/test/checkout/" in browser.urls[0]  # paying is in the browser
        assert not detail.buy_button.isVisibleTo(panel) and not detail.open_button.isEnabled()
        assert detail.checkout_button.text() == "Open checkout"
        assert "waiting for the payment" in detail.purchase_note.text() and detail.purchase_note.isVisibleTo(panel)
        detail.ensureWidgetVisible(detail.purchase_note, 50, 80)
        QApplication.processEvents()
        assert detail.grab().save(str(artifacts_dir / "marketplace-purchase-pending.png"))
        qtbot.mouseClick(detail.checkout_button, Qt.MouseButton.LeftButton)  # closed the tab? open it again
        qtbot.waitUntil(lambda: len(browser.urls) == 2, timeout=5000)
        assert browser.urls[1] == browser.urls[0]

        translator, english = _portuguese(tmp_path), QLocale()
        app = QCoreApplication.instance()
        assert app is not None
        QLocale.setDefault(QLocale("pt_BR"))  # as Preferences does
        app.installTranslator(translator)
        try:
            qtbot.waitUntil(lambda: detail.checkout_button.text() == "Abrir pagamento", timeout=5000)
            qtbot.waitUntil(lambda: "Arte e decoração" in categories(), timeout=60_000)  # the hub's words too
            assert detail.purchase_note.text().startswith("Sua compra está aguardando o pagamento.")
            detail.ensureWidgetVisible(detail.purchase_note, 50, 80)
            QApplication.processEvents()
            assert detail.grab().save(str(artifacts_dir / "marketplace-purchase-pending-pt_BR.png"))
        finally:
            QLocale.setDefault(english)
            app.removeTranslator(translator)
        qtbot.waitUntil(lambda: detail.checkout_button.text() == "Open checkout", timeout=5000)
        qtbot.waitUntil(lambda: "Art & decor" in categories(), timeout=60_000)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    with qtbot.waitSignal(panel.page_shown, timeout=60_000):  # a new language searched again: back to the listing
        qtbot.mouseClick(panel.grid.cards[0], Qt.MouseButton.LeftButton)
    assert detail.checkout_button.isVisibleTo(panel)  # still waiting for the payment

    assert "Payment complete" in press(browser.urls[0], "Pay").text  # in the browser; the app is not told
    qtbot.waitUntil(lambda: detail.open_button.isEnabled(), timeout=60_000)  # the page saw the payment arrive
    assert not detail.checkout_button.isVisibleTo(panel) and not detail.buy_button.isVisibleTo(panel)
    assert detail.purchase_note.text() == "You bought this model: its files are yours to download."
    with qtbot.waitSignal(panel.open_in_studio, timeout=60_000) as opened:
        qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].document is not None
    alice.close()


def test_creator_unlists_their_listing_and_sees_it_unlisted(qtbot, make_window, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path, artifacts_dir: Path) -> None:
    word = f"fern{uuid.uuid4().hex[:6]}"
    alice = signed_in(market_hub.url, tmp_path)
    listing = publish_planter(alice, tmp_path / "a", f"Hanging {word} planter")
    window: MainWindow = make_window()
    window.hub.use_client(alice)
    panel = _marketplace(qtbot, window)
    _open(qtbot, panel, word)
    detail = panel.detail
    assert detail.unlist_button.isVisibleTo(panel) and not detail.unlisted_chip.isVisibleTo(panel)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, confirm)
            return
        assert listing.title in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, confirm)
    qtbot.mouseClick(detail.unlist_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.unlisted_chip.isVisibleTo(panel), timeout=60_000)
    assert detail.unlisted_chip.text() == "Unlisted" and "You took this listing down" in detail.unlisted_chip.toolTip()
    assert not detail.unlist_button.isVisibleTo(panel) and detail.open_button.isEnabled()
    assert "no longer shows up in search" in panel.banner.text()
    assert detail.grab().save(str(artifacts_dir / "marketplace-unlisted.png"))
    detail.back.emit()
    with qtbot.waitSignal(panel.results_shown, timeout=60_000) as shown:
        panel.search_bar.input.setText(f"{word} ")
    assert shown.args[0].total == 0  # gone from search at once
