"""The Printers dock against the real Bambu simulator behind mosquitto (TLS + password), over real sockets.

The dock is built the way the app builds it: a PrinterBook on disk (access code in the keyring), a Fleet
that creates drivers through the entry-point registry, and the desktop's Workers pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.panels.printers.card import PrinterCard
from desktop.panels.printers.dock import PrintersDock, PrinterServices
from desktop.workers import Workers
from printers.base import ConnectionState, PrinterConfig, TlsMode
from printers.book import PrinterBook
from printers.drivers.bambu.project import package
from printers.fleet import Fleet
from printers.mqtt import MqttSettings, TlsSettings
from printers.queue import JobQueue
from printers.simulator.bambu import BambuSimulator, SimOptions
from printers.simulator.ftps_server import FtpsServer
from printers.simulator.potscale import ScaleOptions, ScaleSimulator
from tests.printers.conftest import ACCESS, SERIAL, Mosquitto, bambu_broker, lan_broker  # noqa: F401 - fixtures

pytestmark = [pytest.mark.gui, pytest.mark.services]


@dataclass
class Setup:
    sim: BambuSimulator
    ftps: FtpsServer
    fleet: Fleet
    book: PrinterBook
    dock: PrintersDock
    workers: Workers
    config: PrinterConfig
    scale: ScaleSimulator | None = None

    def card(self, name: str = "Workshop X1C") -> PrinterCard:
        return self.dock.cards[name]


def _project(tmp: Path, layers: int = 80) -> Path:
    body = "".join(f";LAYER_CHANGE\n;Z:{0.2 * (i + 1):.1f}\nG1 X10 Y10 Z{0.2 * (i + 1):.1f} E1\n"
                   for i in range(layers))
    gcode = tmp / "planter.gcode"
    gcode.write_text("; sliced for a dock test\n" + body)
    return package(gcode, tmp / "planter.gcode.3mf", layers=layers)


@pytest.fixture
def printers_setup(qtbot, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Setup]]:  # type: ignore[no-untyped-def]
    broker: Mosquitto = request.getfixturevalue("bambu_broker")
    made: list[Setup] = []

    def make(access_code: str = ACCESS, layer_seconds: float = 10.0, with_scale: bool = False,
             style: str = "X1") -> Setup:
        assert broker.ca is not None
        tls_dir = broker.ca.parent
        root = tmp_path / "sdcard"
        ftps = FtpsServer(root, tls_dir / "server.pem", tls_dir / "server.key", "bblp", ACCESS).start()
        sim_link = MqttSettings("127.0.0.1", broker.port, "sim-dock", "bblp", ACCESS,
                                TlsSettings(TlsMode.CUSTOM_CA, str(broker.ca), SERIAL),
                                backoff_initial=0.1, backoff_max=0.5)
        sim = BambuSimulator(SimOptions(serial=SERIAL, style=style, report_interval=0.1, speed=20,
                                        layer_seconds=layer_seconds, heat_seconds=10, ftps_root=root),
                             sim_link).start()
        assert sim.link.wait_online(10)
        config = PrinterConfig(name="Workshop X1C", kind="bambu", model="X1 Carbon", host="127.0.0.1",
                               port=broker.port, serial=SERIAL, tls_mode=TlsMode.CUSTOM_CA,
                               ca_file=str(broker.ca), ftps_port=ftps.port)
        book = PrinterBook(tmp_path / "printers.json")
        book.add(config, access_code)
        scale = None
        if with_scale:
            lan: Mosquitto = request.getfixturevalue("lan_broker")
            scale = ScaleSimulator(ScaleOptions(interval=0.1, speed=20),
                                   MqttSettings("127.0.0.1", lan.port, "sim-scale", "scale", "esp32")).start()
            book.add(PrinterConfig(name="Spool scale", kind="potscale", host="127.0.0.1", port=lan.port,
                                   username="studio", assigned_to=config.name), "pots")
        fleet = Fleet(book)
        workers = Workers(lambda label, exc: None)
        dock = PrintersDock(PrinterServices(fleet, workers, queue=JobQueue(tmp_path / "jobs.sqlite")))
        qtbot.addWidget(dock)
        dock.resize(420, 900)
        dock.show()
        fleet.start()
        setup = Setup(sim, ftps, fleet, book, dock, workers, config, scale)
        made.append(setup)
        qtbot.waitUntil(lambda: "Workshop X1C" in dock.cards, timeout=5000)
        return setup

    yield make
    for setup in made:
        setup.dock.shutdown()
        setup.workers.shutdown()
        setup.fleet.stop()
        setup.sim.stop()
        setup.ftps.stop()
        if setup.scale is not None:
            setup.scale.stop()


def _start_printing(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    card = setup.card()
    qtbot.waitUntil(lambda: bool(card.state.trays), timeout=10_000)
    from printers.base import PrintOptions
    setup.fleet.get(setup.config.name).start_print(_project(tmp_path), PrintOptions(ams_mapping=(0,)))
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] == "RUNNING", timeout=10_000)


def test_card_shows_what_the_simulator_reports(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=10_000)
    _start_printing(qtbot, setup, tmp_path)
    qtbot.waitUntil(lambda: (card.state.layer or 0) >= 3, timeout=10_000)
    sim = setup.sim.print_state
    assert card.job_name.text() == "planter"
    assert "Printing" in card.job_state.text()
    assert card.layer_label.text().startswith("Layer ") and card.layer_label.text().endswith("/ 80")
    assert abs(card.progress.value() - sim["mc_percent"]) <= 5
    assert card.temp_values["nozzle"].text().endswith("/ 220 °C")
    assert card.temp_values["bed"].text().endswith("/ 55 °C")
    assert "left" in card.remaining_label.text() and card.eta_label.text().startswith("ETA ")
    assert card.trays.labels[:2] == ["A1: PLA 80%", "A2: PETG 55%"]
    assert card.controls.speed.currentText() == "Standard" and card.fans_label.text() == "Fans: Part 100%"
    assert len(card.chart.series["nozzle"]) >= 3  # the live chart keeps a history


@pytest.fixture
def themed(qtbot):  # type: ignore[no-untyped-def]
    """Apply the app's light or dark theme, restoring the previous look afterwards."""
    from desktop import theme
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet, style = app.palette(), app.styleSheet(), app.style().name()
    yield lambda name: theme.apply(app, name)
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


def test_screenshots_of_a_printing_card_in_light_and_dark(qtbot, printers_setup, themed, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          artifacts_dir: Path) -> None:
    setup = printers_setup(with_scale=True)
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    setup.sim.raise_hms(0x07002000, 0x00020001)
    qtbot.waitUntil(lambda: (card.state.layer or 0) >= 8 and card.hms.isVisible() and card.scale_label.isVisible(),
                    timeout=15_000)
    for name in ("light", "dark"):
        themed(name)
        qtbot.wait(300)
        path = artifacts_dir / f"printers_dock_{name}.png"
        assert setup.dock.grab().save(str(path))
        assert path.stat().st_size > 10_000


def test_state_words_and_temperatures_are_readable_on_light_and_dark_cards(qtbot, themed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Text in the semantic colours reaches WCAG AA (4.5:1) on the card in both themes: "Paused" in amber on
    a white card was 2.7:1, the red "Stop" on a dark button 2.8:1, the nozzle temperature on white 3.2:1."""
    import re

    from PySide6.QtGui import QColor, QPalette

    from desktop.panels.printers.texts import contrast
    from printers.drivers.bambu.driver import BambuDriver
    from printers.state import JobState, PrinterState
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(Fleet(PrinterBook(tmp_path / "printers.json")), workers))
    qtbot.addWidget(dock)
    driver = BambuDriver(PrinterConfig(name="Workshop", kind="bambu", serial=SERIAL), ACCESS)
    card = dock.add_card(driver)
    dock.show()
    try:
        for look in ("light", "dark"):
            themed(look)
            qtbot.wait(20)
            base = card.palette().color(QPalette.ColorRole.Base)
            for state in (JobState.PAUSED, JobState.PRINTING, JobState.FINISHED, JobState.FAILED, JobState.IDLE):
                driver.model.update(PrinterState(state=state, nozzle=215, nozzle_target=220, bed=55, chamber=30))
                qtbot.waitUntil(lambda s=state: card.state.state == s, timeout=5000)
                colour = QColor(re.search(r"color:(#[0-9a-f]{6})", card.job_state.text()).group(1))
                assert contrast(colour, base) >= 4.5, f"{state.name} on a {look} card: {colour.name()}"
            for key, label in card.temp_values.items():
                label.ensurePolished()
                colour = label.palette().color(QPalette.ColorRole.WindowText)
                assert contrast(colour, base) >= 4.5, f"{key} temperature on a {look} card: {colour.name()}"
            stop = card.controls.stop_button
            stop.setEnabled(True)
            stop.ensurePolished()
            text = stop.palette().color(QPalette.ColorRole.ButtonText)
            assert text.red() > text.green(), "Stop stays red"
            assert contrast(text, card.palette().color(QPalette.ColorRole.Button)) >= 4.5, f"Stop on a {look} button"
    finally:
        workers.shutdown()


def test_dialog_errors_and_warnings_read_on_light_and_dark(qtbot, themed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The add-printer dialog's error and its "don't verify" warning stay red and reach 4.5:1 on the window in
    both themes, re-shaded when the theme switches with the dialog open (the plain red was 3.4:1 on dark); the
    dialog grows to show them under the tabs instead of drawing them over the certificate choices."""
    from PySide6.QtGui import QPalette

    from desktop.panels.printers.texts import contrast
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(Fleet(PrinterBook(tmp_path / "printers.json")), workers))
    qtbot.addWidget(dock)
    try:
        dialog = dock.open_add()
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.error.isVisible() and dialog.error.text()
        dialog.bambu.insecure.setChecked(True)
        warning = dialog.bambu.insecure_warning  # below the tabs, and the dialog grew for it and the error
        qtbot.waitUntil(lambda: dialog.kinds.height() >= dialog.kinds.minimumSizeHint().height(), timeout=5000)
        assert warning.geometry().top() >= dialog.kinds.geometry().bottom()
        assert dialog.error.geometry().bottom() < dialog.buttons.geometry().top()
        shades = set()
        for look in ("light", "dark", "light"):
            themed(look)
            qtbot.wait(20)
            window = QApplication.palette().color(QPalette.ColorRole.Window)
            for label in (dialog.error, dialog.bambu.insecure_warning):
                label.ensurePolished()
                colour = label.palette().color(QPalette.ColorRole.WindowText)
                assert colour.red() > colour.green() and colour.red() > colour.blue(), "an error stays red"
                assert contrast(colour, window) >= 4.5, f"{label.text()[:20]} on {look}: {colour.name()}"
                shades.add((look, colour.name()))
        assert len({c for _, c in shades}) == 2, "one red for light, a lighter one for dark"
        dialog.reject()
    finally:
        workers.shutdown()


def _click_box_button(qtbot, box: QMessageBox | None, which: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def test_pause_and_resume_from_the_card_reach_the_simulator(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    qtbot.waitUntil(lambda: card.controls.pause_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(card.controls.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] == "PAUSE", timeout=10_000)
    qtbot.waitUntil(lambda: "Paused" in card.job_state.text(), timeout=5000)
    assert card.controls.pause_button.text() == "Resume"
    qtbot.mouseClick(card.controls.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] == "RUNNING", timeout=10_000)
    assert [c for _s, c in setup.sim.received].count("pause") == 1
    card.controls.speed.setCurrentIndex(2)
    card.controls.speed.activated.emit(2)  # what a user's pick in the list emits
    qtbot.waitUntil(lambda: setup.sim.print_state["spd_lvl"] == 3, timeout=10_000)
    qtbot.mouseClick(card.controls.light, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.sim.print_state["lights_report"][0]["mode"] == "on", timeout=10_000)
    qtbot.waitUntil(lambda: card.controls.light.isChecked() and card.controls.speed.currentText() == "Sport",
                    timeout=5000)


def test_stop_asks_first_and_only_stops_when_confirmed(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    qtbot.waitUntil(lambda: card.controls.stop_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(card.controls.stop_button, Qt.MouseButton.LeftButton)
    assert "planter" in card.controls.confirm_box.text()  # type: ignore[union-attr]
    _click_box_button(qtbot, card.controls.confirm_box, QMessageBox.StandardButton.No)
    qtbot.waitUntil(lambda: not setup.workers.busy, timeout=10_000)  # nothing left to send from the card
    card.driver.command("info", {"command": "get_version"})  # answered: whatever was sent before it has arrived
    assert "stop" not in [c for _s, c in setup.sim.received]
    assert setup.sim.print_state["gcode_state"] == "RUNNING"
    qtbot.mouseClick(card.controls.stop_button, Qt.MouseButton.LeftButton)
    _click_box_button(qtbot, card.controls.confirm_box, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] == "FAILED", timeout=10_000)
    qtbot.waitUntil(lambda: "Cancelled" in card.job_state.text(), timeout=5000)
    assert not card.controls.stop_button.isEnabled()


def test_wrong_access_code_shows_an_explained_auth_failure(qtbot, printers_setup) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup(access_code="99999999")
    card = setup.card()
    qtbot.waitUntil(lambda: "Access code refused" in card.connection_label.text() and card.advice.isVisible(),
                    timeout=10_000)
    assert "access code" in card.advice.text() and "stopped retrying" in card.advice.text()
    assert not card.controls.pause_button.isEnabled() and not card.controls.light.isEnabled()


def test_malformed_payloads_do_not_break_the_card(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    setup.sim.send_malformed()
    setup.sim.send_malformed(b'{"print": {"mc_percent": "lots", "layer_num": [1], "ams": 7, "hms": "x"}}')
    setup.sim.send_malformed(b"\xff\xfe not json at all")
    setup.sim.send_malformed(b'["a list", "not an object"]')
    layer = card.state.layer or 0
    qtbot.waitUntil(lambda: (card.state.layer or 0) > layer + 2, timeout=10_000)  # still following the print
    assert card.connection_label.text().endswith("Online")
    assert card.layer_label.text().startswith("Layer ")


def test_hms_error_and_pause_raise_notifications(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    setup.dock.notifier.tray = None  # the in-window toast is what this test reads
    _start_printing(qtbot, setup, tmp_path)
    setup.sim.raise_hms(0x07002000, 0x00020001)
    qtbot.waitUntil(lambda: card.hms.isVisible(), timeout=10_000)
    assert "AMS A Slot 1 filament has run out. Please insert a new filament." in card.hms.text()  # Bambu's words
    toast = setup.dock.notifier.toast
    qtbot.waitUntil(lambda: toast.isVisible() and "filament has run out" in toast.text(), timeout=5000)
    assert toast.text() == ("Workshop X1C: AMS A Slot 1 filament has run out. Please insert a new filament. "
                            "(HMS_0700_2000_0002_0001)")
    qtbot.mouseClick(card.controls.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "print paused" in toast.text(), timeout=10_000)


def _free_udp_port() -> int:
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_add_printer_from_ssdp_discovery_connects_and_keeps_the_code_out_of_files(  # type: ignore[no-untyped-def]
        qtbot, printers_setup, request: pytest.FixtureRequest, tmp_path: Path, artifacts_dir: Path) -> None:
    import socket

    from printers.discovery import DiscoveryListener, notify_datagram
    setup = printers_setup()
    broker: Mosquitto = request.getfixturevalue("bambu_broker")
    port = _free_udp_port()
    listener = DiscoveryListener(ports=(port,), host="127.0.0.1").start()
    try:
        setup.dock.services.discovery = listener
        dialog = setup.dock.open_add()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.sendto(notify_datagram(SERIAL, "127.0.0.1", "BL-P001", "Attic X1C"), ("127.0.0.1", port))
        qtbot.waitUntil(lambda: dialog.found_list.count() == 1, timeout=5000)
        item = dialog.found_list.item(0)
        assert "Attic X1C" in item.text() and "X1 Carbon" in item.text() and "LAN only" in item.text()
        rect = dialog.found_list.visualItemRect(item)
        qtbot.mouseClick(dialog.found_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.bambu.serial.text() == SERIAL and dialog.bambu.host.text() == "127.0.0.1"
        assert dialog.name.text() == "Attic X1C"
        dialog.bambu.mqtt_port.setValue(broker.port)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert "access code" in dialog.error.text()  # nothing typed yet: told inline, dialog stays open
        assert dialog.isVisible()
        assert not dialog.bambu.insecure_warning.isVisible()
        dialog.bambu.insecure.setChecked(True)  # the explicit, visible "don't verify" choice
        assert dialog.bambu.insecure_warning.isVisible()
        qtbot.wait(100)  # let the dialog grow around the warning before the picture
        assert dialog.grab().save(str(artifacts_dir / "printers_add_dialog.png"))
        qtbot.keyClicks(dialog.bambu.access, ACCESS)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Attic X1C" in setup.dock.cards, timeout=5000)
        card = setup.card("Attic X1C")
        qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=10_000)
        assert ACCESS not in setup.book.path.read_text()
        assert '"tls_mode": "insecure"' in setup.book.path.read_text()
    finally:
        listener.stop()


def test_a_virtual_printer_starts_from_the_dialog_and_comes_back_at_the_next_launch(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from printers.virtual import VirtualPrinters

    def launch() -> tuple[Fleet, Workers, PrintersDock]:
        fleet = Fleet(PrinterBook(tmp_path / "printers.json"), VirtualPrinters(tmp_path / "virtual"))
        workers = Workers(lambda label, exc: None)
        dock = PrintersDock(PrinterServices(fleet, workers))
        qtbot.addWidget(dock)
        dock.show()
        fleet.start()
        return fleet, workers, dock

    def close(fleet: Fleet, workers: Workers, dock: PrintersDock) -> None:
        dock.shutdown()
        workers.shutdown()
        fleet.stop()  # also stops its virtual printers, as quitting the app does

    fleet, workers, dock = launch()
    try:
        assert dock.empty.isVisible() and not dock.send_button.isEnabled()
        dialog = dock.open_add()
        qtbot.mouseClick(dialog.virtual_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Virtual printer 1" in dock.cards, timeout=20_000)
        card = dock.cards["Virtual printer 1"]
        qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=20_000)
        qtbot.waitUntil(lambda: "Idle" in card.job_state.text(), timeout=10_000)
        assert not dock.empty.isVisible() and dock.send_button.isEnabled()
    finally:
        close(fleet, workers, dock)
    fleet, workers, dock = launch()  # the next session: restarted from the printer book, not lost
    try:
        qtbot.waitUntil(lambda: "Virtual printer 1" in dock.cards, timeout=20_000)
        card = dock.cards["Virtual printer 1"]
        qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=20_000)
        assert dock.broken == {} and len(fleet.book.list()) == 1
    finally:
        close(fleet, workers, dock)


def test_send_to_printer_slices_uploads_starts_and_the_card_follows(qtbot, printers_setup,  # type: ignore[no-untyped-def]
                                                                    artifacts_dir: Path) -> None:
    from core.geometry.build import Evaluator
    from core.templates.registry import get_template, load_all
    from desktop.panels.printers.sending import document_model
    load_all()
    doc = get_template("coaster").make(name="Little pot")  # a real design: 100 × 100 × 4 mm
    setup = printers_setup(layer_seconds=20.0)
    card = setup.card()
    qtbot.waitUntil(lambda: bool(card.state.trays), timeout=10_000)
    setup.dock.services.current_model = lambda: document_model(doc, Evaluator())
    dialog = setup.dock.open_send()
    assert dialog.printer.currentText() == "Workshop X1C — Online"
    assert dialog.slot.itemText(0) == "A1: PLA 80%" and dialog.slot.itemText(dialog.slot.count() - 1) == \
        "External spool"
    assert "Little pot" in dialog.use_model.text()
    assert dialog.grab().save(str(artifacts_dir / "printers_send_dialog.png"))
    stages: list[str] = []
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    dialog.job.progressed.connect(lambda _f, message: stages.append(message))
    assert not dialog.send_button.isEnabled() and dialog.bar.isVisible()
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] in ("PREPARE", "RUNNING"), timeout=60_000)
    assert any(s.startswith("Uploading") for s in stages)
    assert setup.ftps.uploads and setup.ftps.uploads[0][0] == "Little_pot.gcode.3mf"
    qtbot.waitUntil(lambda: card.job_name.text() == "Little_pot" and "Printing" in card.job_state.text(),
                    timeout=10_000)
    assert (card.state.total_layers or 0) >= 15  # 4 mm at 0.2 mm layers, counted from the real G-code
    queue_view = setup.dock.queue_view
    setup.dock.tabs.setCurrentWidget(queue_view)  # a hidden view reloads when shown
    assert [(j.name, j.printer, j.status) for j in queue_view.jobs] == [("Little pot", "Workshop X1C", "printing")]
    history = setup.dock.history_view
    setup.dock.tabs.setCurrentWidget(history)
    assert history.jobs == []
    setup.fleet.get(setup.config.name).stop()  # the outcome is recorded on the printer's network thread…
    qtbot.waitUntil(lambda: bool(history.jobs), timeout=10_000)  # …and the visible view follows, no polling
    assert history.table.topLevelItem(0).text(2) == "Cancelled"
    assert history.table.topLevelItem(0).text(0) == "Little pot"


def test_send_to_printer_from_the_ams_ht_asks_for_its_tray_id_128(qtbot, printers_setup,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    """Bambu numbers an AMS HT's one tray by its unit id (128, as `tray_now` reports it and BambuStudio maps it),
    not unit * 4 + slot (512, a slot that does not exist: the send was refused)."""
    setup = printers_setup(style="H2D")
    card = setup.card()
    qtbot.waitUntil(lambda: any(t.unit == 128 for t in card.state.trays), timeout=10_000)
    dialog = setup.dock.open_send()
    ht = next(i for i in range(dialog.slot.count()) if dialog.slot.itemText(i).startswith("HT-A"))
    assert dialog.slot.itemText(ht) == "HT-A: ABS 90%" and dialog.slot.itemData(ht) == 128
    dialog.slot.setCurrentIndex(ht)
    dialog.file = _project(tmp_path)
    dialog.use_file.setChecked(True)
    closed: list[int] = []
    dialog.finished.connect(closed.append)  # the dialog is deleted once closed: its outcome is read from here
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.sim.print_state["gcode_state"] in ("PREPARE", "RUNNING"), timeout=30_000)
    qtbot.waitUntil(lambda: closed == [QDialog.DialogCode.Accepted], timeout=10_000)  # sent, no error shown
    assert setup.sim.print_state["ams"]["tray_now"] == "128"  # the printer loads the AMS HT's filament
    qtbot.waitUntil(lambda: [t.name for t in card.state.trays if t.active] == ["HT-A"], timeout=10_000)


def test_a_model_too_big_for_the_bed_is_refused_inline(qtbot, printers_setup) -> None:  # type: ignore[no-untyped-def]
    import trimesh

    from desktop.panels.printers.sending import ModelToSend
    setup = printers_setup()
    setup.dock.services.current_model = lambda: ModelToSend("Giant vase", lambda: trimesh.creation.box((300, 40, 40)))
    dialog = setup.dock.open_send()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "does not fit" in dialog.error.text()
    assert dialog.isVisible() and dialog.send_button.isEnabled()
    assert setup.ftps.uploads == [] and setup.dock.queue_view.queue.pending() == []


def test_dock_speaks_brazilian_portuguese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from PySide6.QtCore import QTranslator

    from printers.drivers.bambu.driver import BambuDriver
    from printers.hms import decode
    from printers.state import JobState, PrinterState
    source = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "printers_pt_BR.ts"
    qm = tmp_path / "printers_pt_BR.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(source), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QApplication.instance()
    assert app is not None
    book = PrinterBook(tmp_path / "printers.json")
    fleet = Fleet(book)
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers, queue=JobQueue(tmp_path / "jobs.sqlite")))
    qtbot.addWidget(dock)
    driver = BambuDriver(PrinterConfig(name="Oficina", kind="bambu", serial=SERIAL), ACCESS)
    card = dock.add_card(driver)
    dock.notifier.tray = None  # the in-window toast is what this test reads
    app.installTranslator(translator)
    locale = QLocale()
    QLocale.setDefault(QLocale("pt_BR"))  # as Translations.set_language does: Bambu's tables follow it
    try:
        driver.model.update(PrinterState(state=JobState.PRINTING, job_name="Vaso"))
        driver.model.patch(state=JobState.PAUSED, hms=(decode(0x07002000, 0x00020001), decode(0x05000600, 0x00020070)))
        runout = "O filamento AMS A Slot 1 acabou. Por favor, insira um novo filamento."  # Bambu's own Portuguese
        qtbot.waitUntil(lambda: f"{runout} (HMS_0700_2000_0002_0001)" in card.hms.text(), timeout=5000)
        # Bambu has no text for this one: the card still lists it, no notification interrupts anyone
        assert "Placa-mãe relatou um evento grave; procure HMS_0500_0600_0002_0070 na wiki" in card.hms.text()
        toast = dock.notifier.toast.text()  # what happened first, the code to look up last (as on the card)
        assert toast == f"Oficina: {runout} (HMS_0700_2000_0002_0001)"
        driver.model.patch(state=JobState.FINISHED)
        qtbot.waitUntil(lambda: dock.notifier.toast.text() == "Oficina: Vaso: impressão concluída.", timeout=5000)
        assert driver.model.state.hms[0].text == "AMS A Slot 1 filament has run out. Please insert a new filament."
        driver.model.patch(state=JobState.PREPARING, stage="heatbed preheating")  # the driver's English phrase
        qtbot.waitUntil(lambda: "Preparando · pré-aquecendo a mesa" in card.job_state.text(), timeout=5000)
        dock.retranslate()
        assert dock.windowTitle() == "Impressoras"
        assert [dock.tabs.tabText(i) for i in range(3)] == ["Impressoras", "Fila", "Histórico"]
        assert dock.add_button.text() == "Adicionar impressora…"
        assert card.connection_label.text().endswith("Desconectada")
        assert card.controls.stop_button.text() == "Parar"
        assert card.temp_names["bed"].text() == "Mesa"
        # the longer Portuguese controls wrap onto a second line in a narrow dock instead of being cut off
        dock.resize(330, 900)
        dock.show()
        qtbot.waitExposed(dock)
        qtbot.waitUntil(lambda: card.width() <= dock.cards_scroll.viewport().width(), timeout=5000)
        controls = [w for w in card.controls.findChildren(QWidget)
                    if w.parent() is card.controls and w.isVisibleTo(card)]
        assert controls
        for control in controls:
            assert control.mapTo(card, control.rect().topRight()).x() < card.width(), f"{control.objectName()} is cut"
        rows = {control.mapTo(card, control.rect().topLeft()).y() for control in controls}
        assert len(rows) > 1, "at 330 px the controls take two lines"
    finally:
        QLocale.setDefault(locale)
        app.removeTranslator(translator)
        dock.retranslate()
        workers.shutdown()
    assert dock.add_button.text() == "Add printer…"


def test_bambu_print_failure_reads_in_portuguese_with_its_code(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A print the printer itself stopped (not the user's cancel) says why in Bambu's own words, in the UI
    language, with the code the way the printer's screen and Bambu Studio write it, on the card and in the toast."""
    from PySide6.QtCore import QTranslator

    from printers.drivers.bambu.driver import BambuDriver
    from printers.drivers.bambu.mapping import to_state
    from printers.state import JobState, PrinterState
    translator = QTranslator()
    assert translator.load(str(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "potstudio_pt_BR.qm"))
    app = QApplication.instance()
    assert app is not None
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(Fleet(PrinterBook(tmp_path / "printers.json")), workers,
                                        queue=JobQueue(tmp_path / "jobs.sqlite")))
    qtbot.addWidget(dock)
    driver = BambuDriver(PrinterConfig(name="Oficina", kind="bambu", serial=SERIAL), ACCESS)
    card = dock.add_card(driver)
    dock.notifier.tray = None
    app.installTranslator(translator)
    locale = QLocale()
    QLocale.setDefault(QLocale("pt_BR"))
    try:
        running = PrinterState(state=JobState.PRINTING, job_name="Vaso")
        driver.model.update(running)
        failed = to_state({"gcode_state": "FAILED", "subtask_name": "Vaso", "print_error": 0x0300800A}, running)
        assert failed.error.startswith("A Filament pile-up was detected by AI Print Monitoring.")  # CLI and logs
        driver.model.update(failed)
        pile_up = ("Um acúmulo de filamentos foi detectado pelo AI Print Monitoring. Por favor, limpe o filamento "
                   "da calha de resíduos.")
        qtbot.waitUntil(lambda: f"⚠ {pile_up} (0300-800A)" in card.hms.text(), timeout=5000)
        qtbot.waitUntil(lambda: dock.notifier.toast.text() == f"Oficina: Vaso: a impressão falhou. {pile_up} "
                        "(0300-800A)", timeout=5000)
        cancelled = to_state({"gcode_state": "FAILED", "print_error": 50348044}, running)
        assert (cancelled.state, cancelled.error) == (JobState.CANCELLED, "")
    finally:
        QLocale.setDefault(locale)
        app.removeTranslator(translator)
        workers.shutdown()


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("serial number in \"Edit printer…\"", "on the printer's label", "Bambu Lab's own CAs",
            "\"Don't verify the certificate\" is only for an exception you choose deliberately")),
    ("pt_BR", ("número de série em \"Editar impressora…\"", "etiqueta da impressora", "CAs da própria Bambu Lab",
               "\"Não verificar o certificado\" é só para uma exceção que você escolhe de propósito"))])
def test_a_certificate_for_another_serial_tells_what_to_check_in_the_ui_language(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, tmp_path: Path, language: str, words: tuple[str, ...]) -> None:
    """Bambu's CAs ship with the app, so a certificate that does not verify is a wrong serial or another device,
    not a missing CA file: the card says what to check, and that not verifying is a deliberate exception."""
    from PySide6.QtCore import QTranslator
    broker: Mosquitto = request.getfixturevalue("bambu_broker")
    assert broker.ca is not None
    translator = QTranslator()
    assert translator.load(str(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "potstudio_pt_BR.qm"))
    app = QApplication.instance()
    assert app is not None
    if language == "pt_BR":
        app.installTranslator(translator)
    book = PrinterBook(tmp_path / "printers.json")
    book.add(PrinterConfig(name="Workshop X1C", kind="bambu", host="127.0.0.1", port=broker.port,
                           serial="01S00A000000999", tls_mode=TlsMode.CUSTOM_CA, ca_file=str(broker.ca)), ACCESS)
    fleet = Fleet(book)
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers, queue=JobQueue(tmp_path / "jobs.sqlite")))
    qtbot.addWidget(dock)
    try:
        fleet.start()
        qtbot.waitUntil(lambda: "Workshop X1C" in dock.cards, timeout=5000)
        card = dock.cards["Workshop X1C"]
        qtbot.waitUntil(lambda: card.connection == ConnectionState.REFUSED, timeout=10_000)
        advice = card.advice.text()
        assert all(w in advice for w in words), advice
        assert "01S00A000000999" in advice  # the detail: which serial the certificate was checked for
    finally:
        app.removeTranslator(translator)
        dock.shutdown()
        workers.shutdown()
        fleet.stop()


def test_scale_filament_shows_on_its_printer_and_tare_reaches_the_scale(qtbot, printers_setup) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup(with_scale=True)
    card = setup.card()
    qtbot.waitUntil(lambda: "Spool scale" in setup.dock.cards, timeout=5000)
    scale_card = setup.card("Spool scale")
    qtbot.waitUntil(lambda: card.scale_label.isVisible(), timeout=10_000)
    scale_text = card.scale_label.text()  # the scale sends 3.92 V: ~66 % on the Li-ion curve
    assert scale_text.startswith("Spool on scale: ") and "battery 3.92 V (~66 %)" in scale_text
    weight = float(card.scale_label.text().split(": ")[1].split(" g")[0])
    assert abs(weight - setup.scale.reading()["weight"]) < 20  # type: ignore[union-attr]
    assert scale_card.job_part.isHidden() and not scale_card.controls.tare_button.isHidden()
    qtbot.waitUntil(lambda: scale_card.controls.tare_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(scale_card.controls.tare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tare" in setup.scale.commands, timeout=10_000)  # type: ignore[union-attr]


def test_queue_waits_for_a_clear_plate_then_starts_the_next_job(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    setup.fleet.get(setup.config.name).stop()
    qtbot.waitUntil(lambda: "Cancelled" in card.job_state.text(), timeout=10_000)
    assert card.controls.plate_button.isVisible() and not card.controls.plate_cleared
    next_job = tmp_path / "next"
    next_job.mkdir()
    queue_view = setup.dock.queue_view
    queue_view.queue.enqueue(_project(next_job, layers=30), name="Saucer")  # for the first free printer
    setup.dock.tabs.setCurrentWidget(queue_view)
    qtbot.waitUntil(lambda: [j.name for j in queue_view.jobs] == ["Saucer"], timeout=5000)
    assert queue_view.table.topLevelItem(0).text(1) == "first free printer"
    qtbot.mouseClick(queue_view.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue_view.dispatch_button.isEnabled(), timeout=10_000)
    assert setup.sim.print_state["gcode_state"] == "FAILED"  # the old part is still on the plate: nothing started
    assert queue_view.jobs[0].status == "queued"
    setup.dock.tabs.setCurrentIndex(0)
    qtbot.mouseClick(card.controls.plate_button, Qt.MouseButton.LeftButton)
    setup.dock.tabs.setCurrentWidget(queue_view)
    qtbot.mouseClick(queue_view.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.sim.print_state["subtask_name"] == "planter" and
                    setup.sim.print_state["gcode_state"] in ("PREPARE", "RUNNING") and
                    setup.sim.print_state["total_layer_num"] == 30, timeout=15_000)
    qtbot.waitUntil(lambda: [(j.name, j.printer, j.status) for j in queue_view.jobs] ==
                    [("Saucer", "Workshop X1C", "printing")], timeout=10_000)
    assert card.controls.plate_button.isHidden()


def test_developer_mode_refusal_is_explained_on_the_card(qtbot, printers_setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup()
    card = setup.card()
    _start_printing(qtbot, setup, tmp_path)
    setup.sim.developer_mode_required = True
    qtbot.waitUntil(lambda: card.controls.pause_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(card.controls.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.message.isVisible(), timeout=10_000)
    assert "Developer Mode" in card.message.text() and "LAN Only Mode" in card.message.text()
    assert setup.sim.print_state["gcode_state"] == "RUNNING"
    qtbot.waitUntil(lambda: "verification failed" in card.hms.text(), timeout=5000)


def test_add_a_klipper_printer_by_hand_and_heat_it_from_its_card(qtbot, request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
    key = "0123456789abcdef0123456789abcdef"
    sim = MoonrakerSimulator(MoonrakerOptions(gcodes=tmp_path / "gcodes", status_interval=0.1, api_key=key)).start()
    fleet = Fleet(PrinterBook(tmp_path / "printers.json"))
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers))
    qtbot.addWidget(dock)
    dock.show()
    try:
        dialog = dock.open_add()
        dialog.kinds.setCurrentWidget(dialog.moonraker)
        assert not dialog.bambu.insecure_warning.isVisible()
        qtbot.keyClicks(dialog.name, "Voron 2.4")
        form = dialog.moonraker  # Moonraker's own API is the default: no broker, no [mqtt] section needed
        assert form.api.isChecked() and form.mqtt_part.isHidden() and "Mainsail" in form.how.text()
        qtbot.keyClicks(form.host, "127.0.0.1")
        form.http_port.setValue(sim.http_port)
        qtbot.keyClicks(form.api_key, key)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Voron 2.4" in dock.cards, timeout=5000)
        card = dock.cards["Voron 2.4"]
        qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=10_000)
        assert card.model_label.text() == "Klipper"
        controls = card.controls
        assert controls.light.isHidden() and card.trays.isHidden()
        assert not controls.speed.isHidden()  # Klipper's M220 feed rate, shown as the four levels
        qtbot.waitUntil(lambda: controls.speed.currentText() == "Standard", timeout=5000)
        qtbot.mouseClick(controls.temps_button, Qt.MouseButton.LeftButton)
        controls.nozzle_target.setValue(200)
        controls.bed_target.setValue(60)
        qtbot.mouseClick(controls.apply_temps, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sim.status["extruder"]["target"] == 200 and sim.status["heater_bed"]["target"]
                        == 60, timeout=10_000)
        qtbot.waitUntil(lambda: card.temp_values["nozzle"].text().endswith("/ 200 °C"), timeout=10_000)
        assert key not in (tmp_path / "printers.json").read_text()
        assert sim.identities and sim.identities[0]["client_name"] == "3D Pot Studio"
    finally:
        dock.shutdown()
        workers.shutdown()
        fleet.stop()
        sim.stop()


def test_the_klipper_form_explains_both_ways_in_portuguese_and_keeps_mqtt_installs(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
    lan: Mosquitto = request.getfixturevalue("lan_broker")
    sim = MoonrakerSimulator(MoonrakerOptions(instance="voron", gcodes=tmp_path / "gcodes", status_interval=0.1),
                             MqttSettings("127.0.0.1", lan.port, "moonraker-sim", "moonraker", "klipper")).start()
    translator = QTranslator()
    assert translator.load(str(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "potstudio_pt_BR.qm"))
    app = QApplication.instance()
    assert app is not None
    fleet = Fleet(PrinterBook(tmp_path / "printers.json"))
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers))
    qtbot.addWidget(dock)
    dock.show()
    app.installTranslator(translator)
    try:
        dialog = dock.open_add()
        dialog.kinds.setCurrentWidget(dialog.moonraker)
        form = dialog.moonraker
        assert form.api.text() == "API do Moonraker (recomendado)" and "Mainsail" in form.how.text()
        form.mqtt.setChecked(True)
        assert form.key_part.isHidden() and not form.mqtt_part.isHidden()
        assert form.how.text().startswith("Usa o broker MQTT da impressora")
        qtbot.keyClicks(dialog.name, "Voron MQTT")
        qtbot.keyClicks(form.host, "127.0.0.1")
        form.http_port.setValue(sim.http_port)
        qtbot.keyClicks(form.broker.host, "127.0.0.1")
        form.broker.port.setValue(lan.port)
        qtbot.keyClicks(form.broker.username, "studio")
        qtbot.keyClicks(form.broker.password, "pots")
        qtbot.keyClicks(form.instance, "voron")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Voron MQTT" in dock.cards, timeout=5000)
        card = dock.cards["Voron MQTT"]
        qtbot.waitUntil(lambda: card.temp_values["nozzle"].text().endswith("°C"), timeout=10_000)  # polled status
        assert fleet.book.get("Voron MQTT").instance == "voron"
    finally:
        app.removeTranslator(translator)
        dock.shutdown()
        workers.shutdown()
        fleet.stop()
        sim.stop()


def test_remove_a_printer_after_confirming(qtbot, printers_setup) -> None:  # type: ignore[no-untyped-def]
    from core import secrets
    setup = printers_setup()
    card = setup.card()
    qtbot.waitUntil(lambda: card.connection_label.text().endswith("Online"), timeout=10_000)
    card.remove_action.trigger()
    box = setup.dock.confirm_box
    assert box is not None and "Workshop X1C" in box.text()
    _click_box_button(qtbot, box, QMessageBox.StandardButton.No)
    assert "Workshop X1C" in setup.dock.cards and setup.book.list()
    card.remove_action.trigger()
    driver = setup.fleet.drivers["Workshop X1C"]
    _click_box_button(qtbot, setup.dock.confirm_box, QMessageBox.StandardButton.Yes)
    assert setup.dock.cards == {} and setup.dock.empty.isVisible()  # at once; the fleet disconnects on a worker
    qtbot.waitUntil(lambda: setup.book.list() == [] and setup.fleet.drivers == {}, timeout=5000)
    assert secrets.get_secret(setup.config.secret_key) is None
    assert driver.model.connection == ConnectionState.DISCONNECTED


def test_edit_a_printer_with_a_wrong_access_code_rebuilds_it_in_place(qtbot, printers_setup) -> None:  # type: ignore[no-untyped-def]
    setup = printers_setup(access_code="99999999", with_scale=True)
    card = setup.card()
    qtbot.waitUntil(lambda: "Access code refused" in card.connection_label.text(), timeout=10_000)
    assert "Edit printer…" in card.advice.text()
    position = setup.dock._cards_box.indexOf(card)
    card.edit_action.trigger()
    dialog = setup.dock.add_dialog
    assert dialog is not None and dialog.windowTitle() == "Edit printer" and not dialog.found_part.isVisible()
    assert dialog.name.text() == "Workshop X1C" and dialog.bambu.serial.text() == SERIAL
    assert dialog.bambu.verify_ca.isChecked() and dialog.bambu.ca_file.text() == setup.config.ca_file
    assert dialog.bambu.access.text() == "" and not dialog.kinds.isTabEnabled(1)
    qtbot.keyClicks(dialog.bambu.access, ACCESS)
    results: list[int] = []
    dialog.finished.connect(results.append)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.dock.cards["Workshop X1C"] is not card, timeout=10_000)
    fixed = setup.card()
    assert setup.dock._cards_box.indexOf(fixed) == position
    qtbot.waitUntil(lambda: results == [QDialog.DialogCode.Accepted], timeout=5000)
    qtbot.waitUntil(lambda: fixed.connection_label.text().endswith("Online"), timeout=10_000)
    qtbot.waitUntil(lambda: fixed.scale_label.isVisible(), timeout=10_000)  # the scale follows the rebuilt driver
    assert setup.book.secret(setup.book.get("Workshop X1C")) == ACCESS and ACCESS not in setup.book.path.read_text()


def test_a_printer_that_cannot_start_gets_an_error_card_to_fix_or_remove(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = PrinterBook(tmp_path / "printers.json")
    book.add(PrinterConfig(name="Octo", kind="octoprint"))
    book.add(PrinterConfig(name="Voron", kind="moonraker", host=""))  # no address
    fleet = Fleet(book)
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers))
    qtbot.addWidget(dock)
    dock.resize(420, 700)
    dock.show()
    fleet.start()
    try:
        qtbot.waitUntil(lambda: set(dock.broken) == {"Octo", "Voron"}, timeout=5000)
        octo, voron = dock.broken["Octo"], dock.broken["Voron"]
        assert "unknown printer kind 'octoprint'" in octo.reason.text() and octo.edit_button.isHidden()
        assert "address" in voron.reason.text() and "Could not start" in voron.state_label.text()
        assert not dock.empty.isVisible() and not dock.send_button.isEnabled()
        qtbot.mouseClick(voron.edit_button, Qt.MouseButton.LeftButton)
        dialog = dock.add_dialog
        assert dialog is not None and dialog.kinds.currentWidget() is dialog.moonraker
        assert dialog.moonraker.api.isChecked() and dialog.moonraker.host.text() == ""
        qtbot.keyClicks(dialog.moonraker.host, "127.0.0.1")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Voron" in dock.cards and "Voron" not in dock.broken, timeout=10_000)
        assert book.get("Voron").host == "127.0.0.1" and fleet.errors == {"Octo": octo.reason.text()}
        qtbot.mouseClick(octo.remove_button, Qt.MouseButton.LeftButton)
        _click_box_button(qtbot, dock.confirm_box, QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(lambda: [c.name for c in book.list()] == ["Voron"] and fleet.errors == {}, timeout=5000)
        assert dock.broken == {}
    finally:
        dock.shutdown()
        workers.shutdown()
        fleet.stop()


def test_reports_from_a_network_thread_reach_the_card_on_the_gui_thread_newest_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtCore import QThread

    from printers.drivers.bambu.driver import BambuDriver
    from printers.state import JobState
    driver = BambuDriver(PrinterConfig(name="Burst", kind="bambu", serial=SERIAL), ACCESS)
    workers = Workers(lambda label, exc: None)
    card = PrinterCard(driver, workers)
    qtbot.addWidget(card)
    deliveries: list[bool] = []
    card.signals.state_changed.connect(lambda _s: deliveries.append(QThread.currentThread() is card.thread()))

    def burst() -> None:  # a P1 printer's deltas arriving faster than the GUI repaints
        for i in range(1, 501):
            driver.model.patch(state=JobState.PRINTING, progress=i / 5, layer=i, total_layers=500)

    thread = threading.Thread(target=burst)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: card.layer_label.text() == "Layer 500 / 500", timeout=5000)
    assert card.percent.text() == "100 %"
    assert deliveries and all(deliveries)
    assert len(deliveries) < 500  # coalesced: stale snapshots are dropped, not queued up
    workers.shutdown()


def test_a_long_report_stream_does_not_eat_pythons_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Regression guard for the bridge: PySide6 6.12.0's SignalInstance.emit() drops a reference to `True` on
    every call, so a Python-emitted Qt signal per printer report crashes the app ("bool_dealloc") after a few
    thousand reports. The bridge hops threads with QMetaObject.invokeMethod instead; this stream must leave
    True's reference count where it was."""
    import sys
    import threading

    from printers.drivers.bambu.driver import BambuDriver
    from printers.state import JobState
    driver = BambuDriver(PrinterConfig(name="Long print", kind="bambu", serial=SERIAL), ACCESS)
    workers = Workers(lambda label, exc: None)
    card = PrinterCard(driver, workers)
    qtbot.addWidget(card)
    qtbot.wait(50)
    before = sys.getrefcount(True)

    def stream() -> None:
        for i in range(1, 3001):
            driver.model.patch(state=JobState.PRINTING, layer=i, total_layers=3000, progress=i / 30)
            if i % 100 == 0:
                driver.model.set_connection(driver.model.connection)  # unchanged: no event, like the driver

    thread = threading.Thread(target=stream)
    thread.start()
    while thread.is_alive():
        qtbot.wait(5)
    qtbot.waitUntil(lambda: card.layer_label.text() == "Layer 3000 / 3000", timeout=5000)
    assert sys.getrefcount(True) > before - 50
    workers.shutdown()


def test_every_printer_message_has_a_portuguese_translation() -> None:
    import xml.etree.ElementTree as ET

    from printers.hms import templates
    from printers.messages import NOTICE_TEMPLATES
    source = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "printers_pt_BR.ts"
    [context] = [c for c in ET.parse(source).getroot() if c.findtext("name") == "PrinterMessages"]
    translated = {m.findtext("source"): m.findtext("translation") for m in context.iter("message")}
    missing = [t for t in [*NOTICE_TEMPLATES.values(), *templates()] if not translated.get(t)]
    assert missing == []


def test_every_printers_dock_string_has_a_portuguese_translation() -> None:
    """Every literal the Printers dock passes to its `tr()` is finished in printers_pt_BR.ts."""
    import ast
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    [context] = [c for c in ET.parse(root / "resources" / "i18n" / "printers_pt_BR.ts").getroot()
                 if c.findtext("name") == "Printers"]
    translated = {m.findtext("source") for m in context.iter("message")
                  if (t := m.find("translation")) is not None and t.text and t.get("type") != "unfinished"}
    missing = []
    for path in sorted((root / "desktop" / "panels" / "printers").glob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "tr" and call.args
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                    and call.args[0].value not in translated):
                missing.append(f"{path.name}:{call.lineno} {call.args[0].value!r}")
    assert not missing, "untranslated in printers_pt_BR.ts: " + "; ".join(missing)


def test_an_overnight_eta_names_the_day_in_the_ui_language() -> None:
    import datetime as dt

    from PySide6.QtCore import QLocale

    from desktop.panels.printers.texts import eta
    evening = dt.datetime(2026, 12, 5, 20, 0)  # a Saturday; ten hours later it is Sunday 06:00
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("pt_BR"))  # what Translations.set_language("pt_BR") does
        assert eta(600, evening) == "dom. 06:00"  # not strftime's "Sun 06:00"
        assert eta(60, evening) == "21:00"
        QLocale.setDefault(QLocale("en_US"))
        assert eta(600, evening) == "Sun 06:00"
    finally:
        QLocale.setDefault(before)


def test_a_closed_dock_stops_listening_to_the_fleet_and_the_queue(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fleet = Fleet(PrinterBook(tmp_path / "printers.json"))
    queue = JobQueue(tmp_path / "jobs.sqlite")
    workers = Workers(lambda label, exc: None)
    dock = PrintersDock(PrinterServices(fleet, workers, queue=queue))
    assert len(fleet.driver_added) == len(fleet.failed) == 1 and len(queue.changed) == 2
    dock.deleteLater()
    qtbot.waitUntil(lambda: len(fleet.driver_added) == 0, timeout=2000)
    assert len(fleet.driver_removed) == len(fleet.failed) == len(queue.changed) == 0
    queue.enqueue(tmp_path / "late.gcode")  # a change after the dock is gone reaches no dead widget
    workers.shutdown()
