"""What the Marketplace dock draws reads at 4.5:1 (WCAG AA) in the light and dark themes, measured on the
pixels a user sees: the Free and price chips, the licence chip (drawn like "Unlisted"), the Buy and "Open
checkout" buttons and the note that a purchase waits for its payment. In the light theme these were 3.4 to
4.3:1 (green on pale green, amber on cream, white on blue)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from tests.desktop.conftest import wait_idle
from tests.desktop.contrast import seen_contrast
from tests.desktop.market_support import market_hub_fixture, publish_planter, signed_in  # noqa: F401
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


class Browser(QObject):
    """Receives the checkout page the app opens, so no real browser starts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.mark.parametrize("look", ["light", "dark"])
def test_marketplace_chips_buttons_and_notes_read_at_4_5_to_1(qtbot, make_window, market_hub: HubProcess,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path, look: str, artifacts_dir: Path) -> None:
    word = f"aster{uuid.uuid4().hex[:6]}"
    alice = signed_in(market_hub.url, tmp_path)
    publish_planter(alice, tmp_path / "a", f"Paid {word} planter", price_cents=250)
    publish_planter(alice, tmp_path / "b", f"Free {word} planter")
    window: MainWindow = make_window()
    window.apply_settings(window.settings.model_copy(update={"theme": look}))
    window.hub.use_client(signed_in(market_hub.url, tmp_path))
    window.action_set["view.marketplace"].trigger()  # View ▸ Marketplace
    panel = window.hub.panel
    assert panel is not None
    qtbot.waitUntil(lambda: bool(panel.categories), timeout=60_000)
    with qtbot.waitSignal(panel.results_shown, timeout=60_000, check_params_cb=lambda page: page.total == 2):
        panel.search_bar.input.setText(word)
    for card in panel.grid.cards:
        for chip in (card.price, card.licence):
            assert seen_contrast(chip) >= 4.5, f"{chip.text()!r} chip in the {look} theme"
    wait_idle(qtbot, window)  # a search still on its way would replace the page the click opens
    [paid] = [c for c in panel.grid.cards if "Paid" in c.title.text()]
    with qtbot.waitSignal(panel.page_shown, timeout=60_000):
        qtbot.mouseClick(paid, Qt.MouseButton.LeftButton)
    detail = panel.detail
    assert seen_contrast(detail.buy_button) >= 4.5, f"Buy in the {look} theme"
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        qtbot.mouseClick(detail.buy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: detail.checkout_button.isVisibleTo(detail), timeout=60_000)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    detail.ensureWidgetVisible(detail.purchase_note, 50, 80)
    QApplication.processEvents()
    assert seen_contrast(detail.checkout_button) >= 4.5, f"Open checkout in the {look} theme"
    assert seen_contrast(detail.purchase_note) >= 4.5, f"the pending-purchase note in the {look} theme"
    assert detail.grab().save(str(artifacts_dir / f"marketplace-purchase-pending-{look}.png"))
    alice.close()
