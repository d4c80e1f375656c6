"""Screenshots of the marketplace in light and dark with a catalogue's real thumbnails
(test-artifacts/marketplace-*.png), checked for what a designer would see: a grid of cards, every
visible card with its picture, and a listing page with its gallery."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyleOptionComboBox, QWidget

from desktop import theme
from desktop.panels.marketplace import MarketplacePanel
from desktop.panels.marketplace.cards import ListingCard
from desktop.panels.marketplace.search_bar import SearchBar
from desktop.panels.marketplace.style import stylesheet
from sync_client.models import Category, ListingSummary
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


def _summary(title: str) -> ListingSummary:
    return ListingSummary(id=1, slug="x", title=title, creator="potstudio", category="gifts", licence="CC0",
                          price_cents=0, tags=[], has_parameters=True, thumbnail_url=None, downloads=15, likes=3,
                          makes=0, created_at=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("look", ["light", "dark"])
def test_a_long_card_title_ends_in_an_ellipsis_instead_of_being_cut(look: str, qtbot, restore_theme) -> None:  # type: ignore[no-untyped-def]
    theme.apply(restore_theme, look)
    host = QWidget()
    host.setStyleSheet(stylesheet(host.palette()))  # as the panel does: the title is bold, 13 px
    qtbot.addWidget(host)
    title = "Slim name tag / keychain (8.3 mm × 3.8 mm) with a key-ring hole"
    card = ListingCard(_summary(title), host)
    host.show()
    qtbot.waitExposed(host)
    label = card.findChild(QLabel, "cardTitle")
    shown = label.text()
    assert shown.endswith("…") and title.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width(), "cut off at the card's edge"
    assert label.toolTip() == title  # the whole title is one hover away
    short = ListingCard(_summary("Round pot"), host)
    assert short.findChild(QLabel, "cardTitle").text() == "Round pot"


def _colour_distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


@pytest.mark.parametrize("look", ["light", "dark"])
def test_filters_toggle_has_a_frame_and_filter_combos_show_their_whole_entry(look: str, qtbot, restore_theme) -> None:  # type: ignore[no-untyped-def]
    theme.apply(restore_theme, look)
    host = QWidget()
    host.setStyleSheet(stylesheet(host.palette()))
    qtbot.addWidget(host)
    bar = SearchBar(host)
    bar.set_categories([Category(slug="kitchen", title="Kitchen", parent=None),
                        Category(slug="organisers", title="Drawer and shelf organisers", parent="kitchen")])
    host.resize(700, 200)
    bar.resize(700, 200)
    host.show()
    qtbot.waitExposed(host)
    # Beside a framed search field, a frameless "Filters" read as a caption, not as a button to press.
    button = bar.filters_button
    image = host.grab().toImage()
    middle = button.y() + button.height() // 2
    edge = image.pixelColor(button.x(), middle)
    outside = image.pixelColor(button.x() - 3, middle)
    assert _colour_distance(edge, outside) > 40, f"no frame: {edge.name()} on {outside.name()}"

    bar.filters_button.setChecked(True)
    bar.category.setCurrentIndex(bar.category.findData("organisers"))
    bar.licence.setCurrentIndex(bar.licence.findData("standard-digital-file"))
    qtbot.waitUntil(lambda: bar.category.width() > 0)
    qtbot.wait(50)
    for combo in (bar.sort, bar.category, bar.licence, bar.price):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), f"{text!r} is cut off"


def test_file_sizes_read_as_a_designer_expects() -> None:
    from PySide6.QtCore import QLocale

    from desktop.panels.marketplace.common import size_text
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("pt_BR"))
        assert size_text(300) == "1 KB"  # a small document.potstudio.json read "0 KB"
        assert size_text(51_200) == "50 KB"
        assert size_text(35 * 1024 * 1024 + 512 * 1024) == "35,5 MB"  # not "36352 KB"
    finally:
        QLocale.setDefault(before)
