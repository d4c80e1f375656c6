"""Screenshots of the marketplace in light and dark with a catalogue's real thumbnails
(test-artifacts/marketplace-*.png), checked for what a designer would see: a grid of cards, every
visible card with its picture, and a listing page with its gallery."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import theme
from desktop.panels.marketplace import MarketplacePanel
from sync_client.publish_queue import PublishQueue
from tests.desktop.market_support import signed_in, workers_fixture  # noqa: F401
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def catalogue_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    folder = tmp_path_factory.mktemp("catalogue-hub")
    process = HubProcess(f"sqlite:///{folder / 'hub.db'}", folder, extra=["--seed", "--seed-count", "48"]).start(240)
    yield process
    process.stop()


@pytest.fixture
def restore_theme() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet, style = app.palette(), app.styleSheet(), app.style().name()
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_marketplace_screenshot(look: str, qtbot, catalogue_hub: HubProcess, workers, restore_theme,  # type: ignore[no-untyped-def]
                                tmp_path: Path, artifacts_dir: Path) -> None:
    theme.apply(restore_theme, look)
    client = signed_in(catalogue_hub.url, tmp_path)
    panel = MarketplacePanel(client, workers, downloads=tmp_path / "dl", queue=PublishQueue(tmp_path / "q"))
    qtbot.addWidget(panel)
    panel.resize(1100, 820)
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        panel.show()
    qtbot.waitUntil(lambda: bool(panel.categories), timeout=20_000)
    assert len(panel.grid.cards) >= 12

    def on_screen() -> list:  # type: ignore[type-arg]
        return [c for c in panel.grid.cards if c.visibleRegion().boundingRect().height() > 100]

    qtbot.waitUntil(lambda: len(on_screen()) >= 8, timeout=5_000)  # the first screen is a grid of cards
    visible = on_screen()
    qtbot.waitUntil(lambda: all(not c.thumb.pixmap().isNull() for c in visible), timeout=60_000)
    assert panel.grid.cards[0].thumb.pixmap().width() > 100
    qtbot.wait(100)
    assert panel.grab().save(str(artifacts_dir / f"marketplace-{look}.png"))

    with qtbot.waitSignal(panel.page_shown, timeout=20_000):
        qtbot.mouseClick(panel.grid.cards[1], Qt.MouseButton.LeftButton)
    assert not panel.detail.image.pixmap().isNull()
    qtbot.wait(100)
    assert panel.grab().save(str(artifacts_dir / f"marketplace-detail-{look}.png"))
    client.close()


def test_scrolling_to_the_end_loads_the_next_page_and_categories_filter(
        qtbot, catalogue_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(catalogue_hub.url, tmp_path)
    panel = MarketplacePanel(client, workers, downloads=tmp_path / "dl", queue=PublishQueue(tmp_path / "q"))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    with qtbot.waitSignal(panel.results_shown, timeout=30_000) as first:
        panel.show()
    total = first.args[0].total
    assert len(panel.grid.cards) == 24 < total
    bar = panel.grid.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    with qtbot.waitSignal(panel.results_shown, timeout=20_000):
        bar.setValue(bar.maximum())
    assert len(panel.grid.cards) == min(48, total)
    assert len({c.item.id for c in panel.grid.cards}) == len(panel.grid.cards)  # no repeats across pages

    qtbot.waitUntil(lambda: panel.search_bar.category.findData("planters") >= 0, timeout=20_000)
    with qtbot.waitSignal(panel.results_shown, timeout=20_000) as planters:
        panel.search_bar.category.setCurrentIndex(panel.search_bar.category.findData("planters"))
    assert planters.args[0].total > 0 and {c.item.category for c in panel.grid.cards} == {"planters"}
    client.close()
