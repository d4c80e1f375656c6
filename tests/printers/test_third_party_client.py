"""The virtual Bambu printer judged by a client we did not write: `bambulabs_api` (PyPI, maintained, used by
home-automation and farm tools) drives `potstudio printer-sim --kind bambu` over real sockets, as it would a
printer on the LAN: MQTT over TLS with the access code, status, AMS and external spool, light, FTPS upload and
listing, starting a print, pause/resume/stop.

Where the library departs from Bambu's documented protocol the test says so and works around it only there:
- it always dials MQTT 8883 and FTPS 990; the simulator picks free ports, so its own MQTT and FTP client
  classes are built with those ports (their constructors take them);
- it merges reports one level deep (`dict |=`), so a P1's partial `ams` pushes would erase trays: the printer
  runs X1-style (full reports), which the library handles;
- it never verifies the printer's certificate (CERT_NONE): nothing to check about trust here;
- `connect()` also opens the camera stream (port 6000 on P1/A1), which the simulator has not: `mqtt_start()`.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import bambulabs_api
import pytest
from bambulabs_api.ftp_client import PrinterFTPClient
from bambulabs_api.mqtt_client import PrinterMQTTClient
from bambulabs_api.states_info import GcodeState

from printers.drivers.bambu.project import package
from tests.printers.conftest import free_port, running_sim

pytestmark = pytest.mark.services

SERIAL = "01S00V000000777"
ACCESS = "27182818"


def _wait(predicate: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def printer_sim(isolated_home: Path) -> Iterator[dict[str, Any]]:
    """`potstudio printer-sim` in its own process, as a user starts it; yields the printer it announces."""
    mqtt_port, ftps_port = free_port(), free_port()
    with running_sim(isolated_home, "--kind", "bambu", "--style", "X1", "--serial", SERIAL, "--access-code", ACCESS,
                     "--port", str(mqtt_port), "--ftps-port", str(ftps_port), "--speed", "20", "--interval", "0.2",
                     "--seconds", "240") as started:
        announced: dict[str, Any] = started["printer"]
        announced["sdcard"] = isolated_home / "data" / "virtual" / "Virtual_bambu" / "sdcard"
        yield announced


@pytest.fixture
def client(printer_sim: dict[str, Any]) -> Iterator[Any]:
    printer = bambulabs_api.Printer("127.0.0.1", ACCESS, SERIAL)
    printer.mqtt_client = PrinterMQTTClient("127.0.0.1", ACCESS, SERIAL, port=printer_sim["port"])
    printer.ftp_client = PrinterFTPClient("127.0.0.1", ACCESS, port=printer_sim["ftps_port"])
    printer.mqtt_start()
    yield printer
    printer.mqtt_stop()


def _project(tmp: Path) -> Path:
    body = "".join(f";LAYER_CHANGE\n;Z:{0.2 * (i + 1):.1f}\nG1 X10 Y10 Z{0.2 * (i + 1):.1f} E1\n" for i in range(40))
    gcode = tmp / "cube.gcode"
    gcode.write_text("; generated for a test\n" + body)
    return package(gcode, tmp / "cube.gcode.3mf", layers=40)


def test_status_ams_and_external_spool_read_by_the_client(client: Any) -> None:
    _wait(lambda: client.mqtt_client.ready() and client.get_state() == GcodeState.IDLE, "the first report")
    _wait(lambda: client.mqtt_client.firmware_version(), "get_version's answer")
    assert client.mqtt_client.firmware_version() == "01.08.02.00"
    assert client.get_bed_temperature() == pytest.approx(25.0, abs=1)
    assert client.get_nozzle_temperature() == pytest.approx(25.0, abs=1)
    assert client.get_chamber_temperature() == pytest.approx(25.0, abs=1)
    assert client.get_percentage() == 0 and client.get_print_speed() == 100
    assert client.mqtt_client.wifi_signal().endswith("dBm")
    client.mqtt_client.process_ams()  # reads ams_exist_bits, then each tray
    unit = client.ams_hub()[0]
    assert unit.humidity == 4
    trays = {i: unit.get_filament_tray(i) for i in range(4)}
    assert (trays[0].tray_type, trays[0].tray_color) == ("PLA", "FFFFFFFF")
    assert (trays[1].tray_type, trays[3].tray_color) == ("PETG", "00AE42FF")
    assert trays[2] is None  # the empty slot
    spool = client.vt_tray()  # the external spool: every field the library's FilamentTray requires
    assert spool.tray_diameter == "1.75" and spool.tray_type == "PLA"


def test_light_upload_list_print_pause_resume_stop(client: Any, printer_sim: dict[str, Any], tmp_path: Path) -> None:
    _wait(lambda: client.mqtt_client.ready() and client.get_state() == GcodeState.IDLE, "the first report")
    assert client.get_light_state() == "off"
    assert client.turn_light_on()  # {"system": {"led_mode": "on"}}: no command, no node
    _wait(lambda: client.get_light_state() == "on", "the chamber light")

    project = _project(tmp_path)
    with project.open("rb") as fh:
        answer = client.upload_file(io.BytesIO(fh.read()), "cube.gcode.3mf")
    assert answer.startswith("226"), answer
    assert (printer_sim["sdcard"] / "cube.gcode.3mf").read_bytes() == project.read_bytes()
    result, lines = client.ftp_client.list_directory()
    assert result.startswith("226")
    names = {line.split(" ")[-1] for line in lines}
    assert {"cube.gcode.3mf", "cache", "model", "timelapse"} <= names
    assert client.ftp_client.list_cache_dir()[1] == []
    assert client.ftp_client.delete_file("nothing-here.3mf") is None  # the library logs the 550 and returns None

    assert client.start_print("cube.gcode.3mf", 1, use_ams=True, ams_mapping=[0])
    _wait(lambda: client.get_state() in (GcodeState.PREPARE, GcodeState.RUNNING), "the print to start")
    _wait(lambda: client.get_file_name() == "cube.gcode.3mf", "the job's file")
    assert client.pause_print()
    _wait(lambda: client.get_state() == GcodeState.PAUSE, "paused")
    assert client.resume_print()
    _wait(lambda: client.get_state() in (GcodeState.PREPARE, GcodeState.RUNNING), "resumed")
    assert client.stop_print()
    _wait(lambda: client.get_state() == GcodeState.FAILED, "stopped")
    assert client.mqtt_client.print_error_code() == 0x0300400C  # the printer's "cancelled by the user"
    assert client.delete_file("cube.gcode.3mf").startswith("250")
    assert not (printer_sim["sdcard"] / "cube.gcode.3mf").exists()
