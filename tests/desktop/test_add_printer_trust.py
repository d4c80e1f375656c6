"""Adding a Bambu printer in the dock verifies it by default (Bambu Lab's CAs, its serial as the name), with no
CA file to find; "don't verify" stays a visible, explained choice.

The printer is the virtual one, whose chain has Bambu's layout; the driver trusts its root the way it trusts
Bambu's, as a `*.cert` in the CA folder (see tests/printers/test_bambu_trust.py).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.panels.printers.dock import PrintersDock, PrinterServices
from desktop.workers import Workers
from printers.book import PrinterBook
from printers.fleet import Fleet
from printers.simulator.virtual import VirtualPrinter, VirtualSpec

pytestmark = [pytest.mark.gui, pytest.mark.services]
SERIAL = "01P09C470100654"


@pytest.fixture
def printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[VirtualPrinter, int, int]]:
    virtual = VirtualPrinter(VirtualSpec(serial=SERIAL, interval=0.2, announce_port=0), tmp_path / "virtual")
    config = virtual.start()
    folder = tmp_path / "ca"
    folder.mkdir()
    shutil.copy(tmp_path / "virtual" / "certs" / "ca.pem", folder / "virtual.cert")
    monkeypatch.setattr("printers.mqtt.bambu_dir", lambda: folder)
    yield virtual, config.port, config.ftps_port
    virtual.stop()


def test_a_printer_added_with_the_defaults_is_verified_and_comes_online(  # type: ignore[no-untyped-def]
        qtbot, printer: tuple[VirtualPrinter, int, int], tmp_path: Path) -> None:
    virtual, mqtt_port, ftps_port = printer
    book = PrinterBook(tmp_path / "printers.json")
    fleet = Fleet(book)
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers))
    qtbot.addWidget(dock)
    dock.show()
    fleet.start()
    try:
        dialog = dock.open_add()
        form = dialog.bambu
        assert form.verify_bambu.isChecked() and "Bambu Lab" in form.verify_bambu.text()
        assert not form.ca_file.isEnabled()  # nothing to find or type by default
        assert not form.insecure_warning.isVisible()
        form.insecure.setChecked(True)  # the exception is visible, with its risk, and undone as easily
        assert form.insecure_warning.isVisible()
        form.verify_bambu.setChecked(True)
        assert not form.insecure_warning.isVisible()
        qtbot.keyClicks(dialog.name, "Workshop")
        qtbot.keyClicks(form.host, "127.0.0.1")
        qtbot.keyClicks(form.serial, SERIAL)
        qtbot.keyClicks(form.access, virtual.access_code)
        form.mqtt_port.setValue(mqtt_port)
        form.ftps_port.setValue(ftps_port)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Workshop" in dock.cards, timeout=5000)
        card = dock.cards["Workshop"]
        qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=15_000)
        [saved] = json.loads(book.path.read_text())["printers"]
        assert (saved["tls_mode"], saved["ca_file"]) == ("verify", "")
    finally:
        dock.shutdown()
        workers.shutdown()
        fleet.stop()
