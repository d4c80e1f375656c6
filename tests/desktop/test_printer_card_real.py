"""The printer card fed with reports published from real Bambu printers (tests/fixtures/printers/real, see
SOURCES.md): an H2D with an AMS HT shows the nozzle that prints, both nozzles, the ctc chamber and the AMS HT
slot in use; a pause says why, a user's stop is "cancelled", never "failed"; English and Portuguese."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.i18n import Translations
from desktop.panels.printers.card import PrinterCard
from desktop.panels.printers.dock import PrintersDock, PrinterServices
from desktop.panels.printers.trays import TrayChip
from desktop.workers import Workers
from printers.base import PrinterConfig
from printers.book import PrinterBook
from printers.drivers.bambu.driver import BambuDriver
from printers.fleet import Fleet

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "printers" / "real"


@dataclass
class Card:
    dock: PrintersDock
    driver: BambuDriver
    card: PrinterCard
    toasts: list[str]

    def feed(self, name: str) -> None:
        for line in (REAL / name).read_text(encoding="utf-8").splitlines():
            self.driver.apply_report(json.loads(line))

    def report(self, body: dict[str, object]) -> None:
        self.driver.apply_report({"print": body})

    @property
    def toast(self) -> str:
        return self.toasts[-1] if self.toasts else ""


@pytest.fixture
def card_for(qtbot, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    workers = Workers(lambda label, exc: None)
    made: list[PrintersDock] = []

    def make(name: str, model: str = "") -> Card:
        dock = PrintersDock(PrinterServices(Fleet(PrinterBook(tmp_path / "printers.json")), workers))
        qtbot.addWidget(dock)
        dock.notifier.tray = None  # the in-window toast is what these tests read
        driver = BambuDriver(PrinterConfig(name=name, kind="bambu", serial="0948AD5A0800071", model=model), "x")
        toasts: list[str] = []
        toast = dock.notifier.toast
        show = toast.show_text
        toast.show_text = lambda text, bad: (toasts.append(text), show(text, bad))  # type: ignore[method-assign]
        made.append(dock)
        return Card(dock, driver, dock.add_card(driver), toasts)

    yield make
    workers.shutdown()


@pytest.fixture
def portuguese() -> Iterator[None]:
    """The app's own language switch (catalogues from resources/i18n, QLocale for Bambu's tables)."""
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    assert translations.set_language("pt_BR")
    yield
    translations.set_language("en")


def chip(card: PrinterCard, name: str) -> TrayChip:
    [found] = [c for c in card.trays.findChildren(TrayChip) if c.tray.name == name]
    return found


def test_h2d_card_shows_the_printing_nozzle_chamber_and_ams_ht_then_a_runout_pause_and_a_cancel(
        qtbot, card_for, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    h2d = card_for("Workshop H2D", "H2D")
    card = h2d.card
    h2d.feed("h2d_ams_ht.jsonl")
    qtbot.waitUntil(lambda: card.state.nozzles != (), timeout=5000)
    assert "Printing · cleaning nozzle tip" in card.job_state.text()
    assert (card.temp_names["nozzle"].text(), card.temp_values["nozzle"].text()) == ("Right nozzle", "264 / 225 °C")
    assert card.temp_values["chamber"].text() == "48 / 60 °C" and card.temp_values["chamber"].isVisibleTo(card)
    assert card.nozzles_label.text() == "Right nozzle 264 / 225 °C (in use)\nLeft nozzle 40 °C"
    assert card.trays.labels == ["A1: PLA 47%", "A2: PLA 35%", "A3: PLA 82%", "A4: PETG 26%", "HT-A: PA-GF 100%",
                                 "Ext-R: empty", "Ext-L: empty"]
    assert chip(card, "HT-A").toolTip() == "AMS HT · HT-A: PA-GF 100% · in use"
    assert not chip(card, "A1").tray.active
    h2d.dock.resize(460, 760)
    h2d.dock.show()
    qtbot.waitExposed(h2d.dock)
    qtbot.wait(200)
    shot = artifacts_dir / "printer_card_h2d_ams_ht.png"
    assert card.grab().save(str(shot)) and shot.stat().st_size > 10_000

    h2d.report({"gcode_state": "PAUSE", "print_error": 117473286})  # a runout: 0700-8006
    qtbot.waitUntil(lambda: "print paused" in h2d.toast, timeout=5000)
    reason = "Unable to feed filament into the extruder. The AMS may be mismatched with the extruder."
    assert reason in card.hms.text() and "(0700-8006)" in card.hms.text(), "the H2D wording, with its code"
    assert h2d.toast.startswith(f"Workshop H2D: {card.state.job_name}: print paused. {reason}")
    assert h2d.toast.endswith("(0700-8006)")

    h2d.report({"gcode_state": "FAILED", "print_error": 83902478})  # the user stopped it: 0500-400E
    qtbot.waitUntil(lambda: "print cancelled" in h2d.toast, timeout=5000)
    assert "Cancelled" in card.job_state.text() and "Failed" not in card.job_state.text()
    assert "failed" not in h2d.toast and not card.hms.isVisibleTo(card), "a cancel is no problem to warn about"


def test_p2s_pause_reason_and_stop_read_in_portuguese(qtbot, card_for, portuguese) -> None:  # type: ignore[no-untyped-def]
    p2s = card_for("Oficina", "P2S")
    card = p2s.card
    first, *rest = (REAL / "p2s_pause_then_stop.jsonl").read_text(encoding="utf-8").splitlines()
    p2s.driver.apply_report(json.loads(first))
    qtbot.waitUntil(lambda: card.hms.isVisibleTo(card), timeout=5000)
    # a code Bambu has no text for stays in the card's details; codes with text in Bambu's Portuguese
    assert "Placa-mãe relatou um evento grave; procure HMS_0500_0600_0002_0070" in card.hms.text()
    assert "A haste roscada precisa de lubrificação agora. (HMS_0501_0400_0003_0002)" in card.hms.text()
    paused, stop = rest[2], rest[3:]
    for line in rest[:2]:
        p2s.driver.apply_report(json.loads(line))
    p2s.driver.apply_report(json.loads(paused))
    nozzle = "A configuração atual do bico não corresponde ao arquivo de fatiamento."
    qtbot.waitUntil(lambda: "impressão pausada" in p2s.toast, timeout=5000)
    assert p2s.toast.startswith(f"Oficina: ams: impressão pausada. {nozzle}") and p2s.toast.endswith("(0500-803C)")
    assert "Pausada" in card.job_state.text() and f"⚠ {nozzle}" in card.hms.text()
    for line in stop:
        p2s.driver.apply_report(json.loads(line))
    qtbot.waitUntil(lambda: "Cancelada" in card.job_state.text(), timeout=5000)
    qtbot.waitUntil(lambda: "purificação" in p2s.toast, timeout=5000)  # the last report's new HMS entry
    after_pause = p2s.toasts[p2s.toasts.index(next(t for t in p2s.toasts if "impressão pausada" in t)) + 1:]
    assert after_pause[0] == "Oficina: ams: impressão interrompida.", "a stop is not announced as a failure"
    assert not any("falhou" in t or "cancelada" in t for t in after_pause), after_pause
    assert "A tarefa foi cancelada" not in card.hms.text()


def test_h2d_card_in_portuguese(qtbot, card_for, portuguese) -> None:  # type: ignore[no-untyped-def]
    h2d = card_for("Oficina H2D")
    card = h2d.card
    h2d.feed("h2d_left_nozzle.jsonl")
    qtbot.waitUntil(lambda: card.state.nozzles != (), timeout=5000)
    card.retranslate()
    assert "Imprimindo · limpando a ponta do bico" in card.job_state.text()
    assert (card.temp_names["nozzle"].text(), card.temp_values["nozzle"].text()) == ("Bico esquerdo", "40 °C")
    assert card.nozzles_label.text() == "Bico direito 264 / 225 °C\nBico esquerdo 40 °C (em uso)"
    assert card.temp_names["chamber"].text() == "Câmara" and card.temp_values["chamber"].text() == "48 / 60 °C"
    assert "HT-A: PA-GF 100%" in card.trays.labels
    assert not any(c.tray.active for c in card.trays.findChildren(TrayChip)), "the left nozzle has no filament"


def test_every_printer_stage_has_a_portuguese_translation() -> None:
    import xml.etree.ElementTree as ET

    from printers.drivers.bambu.stages import STAGES
    source = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "printers_pt_BR.ts"
    [context] = [c for c in ET.parse(source).getroot() if c.findtext("name") == "PrinterStages"]
    translated = {m.findtext("source"): m.findtext("translation") for m in context.iter("message")}
    assert [s for s in STAGES.values() if not translated.get(s)] == []
