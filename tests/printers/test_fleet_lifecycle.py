"""Fleet lifecycle a user goes through in the dock: add, edit (the driver is rebuilt), remove, broken entries
in the printer list, and virtual printers coming back at the next launch. Real mosquitto and simulators."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import secrets
from printers.base import ConnectionState, PrinterConfig
from printers.book import PrinterBook
from printers.fleet import Fleet
from printers.mqtt import MqttSettings
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.simulator.potscale import ScaleOptions, ScaleSimulator
from printers.state import JobState
from printers.virtual import VirtualPrinters
from tests.printers.conftest import Mosquitto, wait_for

pytestmark = pytest.mark.services


@pytest.fixture
def klipper(lan_broker: Mosquitto, tmp_path: Path) -> Iterator[tuple[MoonrakerSimulator, PrinterConfig]]:
    sim = MoonrakerSimulator(MoonrakerOptions(instance="k1", gcodes=tmp_path / "gcodes", status_interval=0.05),
                             MqttSettings("127.0.0.1", lan_broker.port, "k1-sim", "moonraker", "klipper",
                                          backoff_initial=0.1)).start()
    yield sim, PrinterConfig(name="k1", kind="moonraker", host="127.0.0.1", port=lan_broker.port, instance="k1",
                             username="studio", http_port=sim.http_port)
    sim.stop()


def _online(fleet: Fleet, name: str) -> None:
    driver = fleet.drivers[name]
    wait_for(lambda: driver.model.connection == ConnectionState.ONLINE and driver.model.state.state == JobState.IDLE,
             what=f"{name} online")


def test_scale_added_later_shows_on_its_printer_through_edits_and_remove_forgets_it(
        klipper: tuple[MoonrakerSimulator, PrinterConfig], lan_broker: Mosquitto, tmp_path: Path) -> None:
    _sim, k1 = klipper
    book = PrinterBook(tmp_path / "printers.json")
    book.add(k1, "pots")
    fleet = Fleet(book)
    added: list[str] = []
    removed: list[str] = []
    fleet.driver_added.connect(lambda d: added.append(d.config.name))
    fleet.driver_removed.connect(removed.append)
    fleet.start()
    scale_sim = ScaleSimulator(ScaleOptions(interval=0.05, speed=20),
                               MqttSettings("127.0.0.1", lan_broker.port, "scale-sim", "scale", "esp32")).start()
    try:
        _online(fleet, "k1")
        fleet.add(PrinterConfig(name="scale", kind="potscale", host="127.0.0.1", port=lan_broker.port,
                                username="studio", assigned_to="k1"), "pots")
        old = fleet.drivers["k1"]
        wait_for(lambda: old.model.state.filament is not None, what="scale reading on a printer started earlier")

        edited = PrinterConfig(**{**k1.__dict__, "name": "Voron", "bed": (300.0, 300.0, 300.0)})
        new = fleet.replace("k1", edited)  # no new password typed: the saved one is kept
        assert new is not old and new.config.bed == (300.0, 300.0, 300.0) and fleet.get("Voron") is new
        assert old.model.connection == ConnectionState.DISCONNECTED and "k1" not in fleet.drivers
        assert [c.name for c in PrinterBook(book.path).list()] == ["Voron", "scale"]
        assert secrets.get_secret(edited.secret_key) == "pots" and secrets.get_secret(k1.secret_key) is None
        _online(fleet, "Voron")
        assert book.get("scale").assigned_to == "Voron"  # the scale follows the renamed printer
        wait_for(lambda: new.model.state.filament is not None, what="scale reading on the rebuilt printer")

        scale = fleet.drivers["scale"]
        fleet.remove("scale")
        assert scale.model.connection == ConnectionState.DISCONNECTED and "scale" not in fleet.drivers
        assert [c.name for c in PrinterBook(book.path).list()] == ["Voron"]
        assert secrets.get_secret("printer:potscale:scale") is None
        assert removed == ["k1", "scale"] and added == ["k1", "scale", "Voron"]
    finally:
        fleet.stop()
        scale_sim.stop()


def test_one_broken_printer_does_not_stop_the_others_and_nothing_is_lost(
        klipper: tuple[MoonrakerSimulator, PrinterConfig], tmp_path: Path) -> None:
    _sim, k1 = klipper
    path = tmp_path / "printers.json"
    unreadable = {"name": "From the future", "kind": "bambu", "bed": "huge"}
    path.write_text(json.dumps({"schema_version": 1, "printers": [
        PrinterConfig(name="Octo", kind="octoprint").to_dict(), unreadable, k1.to_dict()]}))
    secrets.set_secret(k1.secret_key, "pots")
    book = PrinterBook(path)
    fleet = Fleet(book)
    failed: list[str] = []
    fleet.failed.connect(lambda name, _why: failed.append(name))
    fleet.start()
    try:
        _online(fleet, "k1")
        assert sorted(failed) == sorted(fleet.errors) == ["From the future", "Octo"]
        assert "unknown printer kind 'octoprint'" in fleet.errors["Octo"]
        assert "unreadable" in fleet.errors["From the future"] and str(path) in fleet.errors["From the future"]
        fleet.remove("Octo")
        assert "Octo" not in fleet.errors
        saved = json.loads(path.read_text())["printers"]
        assert unreadable in saved and [p["name"] for p in saved] == ["k1", "From the future"]
        fleet.remove("From the future")
        assert [p["name"] for p in json.loads(path.read_text())["printers"]] == ["k1"] and fleet.errors == {}
    finally:
        fleet.stop()


def test_virtual_printers_come_back_at_the_next_launch_or_are_pruned_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "printers.json"
    first = VirtualPrinters(tmp_path / "virtual")
    fleet = Fleet(PrinterBook(path), first)
    config, code = first.start("Virtual Klipper", kind="moonraker")
    fleet.add(config, code)
    _online(fleet, "Virtual Klipper")
    fleet.book.replace("Virtual Klipper", dataclasses.replace(config, material="PETG"))  # the user's choice
    fleet.stop()
    first.stop_all()

    again = VirtualPrinters(tmp_path / "virtual")
    book = PrinterBook(path)
    fleet = Fleet(book, again)
    fleet.start()  # the app's next launch
    try:
        assert fleet.errors == {} and len(again.running) == 1
        _online(fleet, "Virtual Klipper")
        saved = book.get("Virtual Klipper")
        assert saved.extra["virtual"] and saved.serial == config.serial and book.secret(saved) == code
        assert saved.material == "PETG" and saved.http_port != config.http_port  # kept; only its address is new
        assert (saved.instance, saved.username) == ("", "")  # Moonraker's own API, as a default install
    finally:
        fleet.stop()
        again.stop_all()

    (tmp_path / "blocked").write_text("a file where the virtual printers' folder should be")
    fleet = Fleet(PrinterBook(path), VirtualPrinters(tmp_path / "blocked"))
    fleet.start()
    assert "could not be restarted" in fleet.errors["Virtual Klipper"] and fleet.drivers == {}
    assert PrinterBook(path).list() == [] and secrets.get_secret(saved.secret_key) is None
