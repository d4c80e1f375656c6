"""The Printers dock in the main window at its default width (1280x800): an H2D's card, fed with reports
published by real printers (tests/fixtures/printers/real), fits the dock in English and Portuguese — its
plate name, stage, nozzles and ETA wrap instead of pushing the card past the dock's right edge, where the
connection state, the chamber temperature, the last AMS slots and the Heat button were clipped. The AMS
chips are as wide as their captions and wrap onto a second line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics

from desktop.main_window import MainWindow
from desktop.panels.printers.card import PrinterCard
from desktop.panels.printers.trays import TrayChip
from printers.base import PrinterConfig
from printers.drivers.bambu.driver import BambuDriver

pytestmark = pytest.mark.gui

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "printers" / "real"


def _h2d(window: MainWindow, name: str, capture: str) -> PrinterCard:
    assert window.printers.dock is not None
    driver = BambuDriver(PrinterConfig(name=name, kind="bambu", serial="0948AD5A0800071", model="H2D"), "x")
    card = window.printers.dock.add_card(driver)
    for line in (REAL / capture).read_text(encoding="utf-8").splitlines():
        driver.apply_report(json.loads(line))
    return card


@pytest.mark.parametrize("language", ["en", "pt_BR"])
def test_h2d_cards_fit_the_printers_dock_of_a_1280_window(qtbot, make_window, language: str,  # type: ignore[no-untyped-def]
                                                          artifacts_dir: Path) -> None:
    window: MainWindow = make_window((1280, 800))
    window.apply_settings(window.settings.model_copy(update={"language": language}))
    window.action_set["view.printers"].trigger()  # View ▸ Printers
    qtbot.waitUntil(lambda: window.printers.dock is not None, timeout=60_000)
    dock = window.printers.dock
    assert dock is not None
    printing = _h2d(window, "Workshop H2D", "h2d_ams_ht.jsonl")
    paused = _h2d(window, "Garage H2D", "h2d_runout_pause.jsonl")
    qtbot.waitUntil(lambda: paused.hms.isVisibleTo(paused) and printing.state.nozzles != (), timeout=10_000)
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.cards_scroll.visibleRegion().isEmpty(), timeout=10_000)
    qtbot.wait(100)  # let the layouts settle at the dock's width

    room = dock.cards_scroll.viewport().width()
    assert 250 < room < 400, "the dock keeps its narrow default column"
    assert dock.cards_scroll.widget().width() <= room, "nothing pushes the cards wider than the dock"
    for card in (printing, paused):
        assert card.minimumSizeHint().width() <= room - 16, f"{card.name}: the card fits inside the dock"
        right = card.mapTo(dock.cards_scroll.viewport(), card.rect().topRight()).x()
        assert right < room, f"{card.name}: its right edge (connection, chamber, Heat button) is on screen"
    assert printing.temp_values["chamber"].isVisibleTo(printing)
    chamber = printing.temp_values["chamber"]
    assert chamber.mapTo(dock.cards_scroll.viewport(), chamber.rect().topRight()).x() < room
    chips = printing.trays.findChildren(TrayChip)
    assert [c.tray.name for c in chips] == ["A1", "A2", "A3", "A4", "HT-A", "Ext-R", "Ext-L"]
    for chip in chips:  # "PA-GF 100%" and "PETG 26%" whole, every chip on screen (they wrap onto a second line)
        assert QFontMetrics(chip.caption_font()).horizontalAdvance(chip.caption()) <= chip.width() - 2, chip.caption()
        assert chip.mapTo(dock.cards_scroll.viewport(), chip.rect().topRight()).x() < room, chip.tray.name
    shot = artifacts_dir / f"printers_dock_h2d_fit_{language}.png"
    assert window.grab().save(str(shot))
