"""The Moonraker driver against mosquitto and the virtual Klipper printer (MQTT JSON-RPC + HTTP upload)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.tasks import Task
from printers.base import Capability, ConnectionState, PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.errors import CapabilityError, CommandRejectedError
from printers.mqtt import MqttSettings
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.state import JobState
from tests.printers.conftest import Mosquitto, wait_for

pytestmark = pytest.mark.services


@pytest.fixture
def klipper(lan_broker: Mosquitto, tmp_path: Path) -> Iterator[tuple[MoonrakerSimulator, MoonrakerDriver]]:
    sim = MoonrakerSimulator(
        MoonrakerOptions(instance="voron", gcodes=tmp_path / "gcodes", status_interval=0.05, speed=200,
                         layer_seconds=10, heat_seconds=20),
        MqttSettings("127.0.0.1", lan_broker.port, "moonraker-sim", "moonraker", "klipper", backoff_initial=0.1))
    sim.start()
    assert sim.link.wait_online(10)
    config = PrinterConfig(name="voron", kind="moonraker", host="127.0.0.1", port=lan_broker.port,
                           instance="voron", username="studio", http_port=sim.http_port)
    drv = MoonrakerDriver(config, "pots", command_timeout=3.0, backoff_initial=0.1)
    drv.connect()
    yield sim, drv
    drv.disconnect()
    sim.stop()


def _gcode(tmp: Path, layers: int = 5) -> Path:
    path = tmp / "vase.gcode"
    path.write_text("".join(f";LAYER_CHANGE\nG1 Z{0.2 * (i + 1):.1f}\n" for i in range(layers)))
    return path


def test_online_from_retained_status_and_initial_query(klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    _sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="server online")
    wait_for(lambda: drv.model.state.state == JobState.IDLE, what="objects query")
    assert drv.model.state.nozzle is not None and drv.model.state.bed_target == 0


def test_upload_print_pause_resume_complete(klipper: tuple[MoonrakerSimulator, MoonrakerDriver],
                                            tmp_path: Path) -> None:
    sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    progress: list[float] = []
    drv.start_print(_gcode(tmp_path), task=Task(lambda f, _m: progress.append(f)))
    assert (sim.options.gcodes / "vase.gcode").read_text() == _gcode(tmp_path).read_text()
    assert progress[-1] == 1.0
    wait_for(lambda: drv.model.state.state == JobState.PRINTING, what="printing")
    drv.pause()
    wait_for(lambda: drv.model.state.state == JobState.PAUSED, what="paused")
    drv.resume()
    wait_for(lambda: drv.model.state.state == JobState.FINISHED, what="complete")
    state = drv.model.state
    assert state.progress == 100 and state.layer == state.total_layers == 5 and state.job_name == "vase"
    assert sim.received[:2] == ["printer.objects.query", "printer.print.start"]


def test_temperatures_via_gcode_script_and_rpc_errors(klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    _sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    drv.set_temperature("nozzle", 200)
    drv.set_temperature("bed", 55)
    drv.set_fan("part", 50)
    wait_for(lambda: drv.model.state.nozzle_target == 200 and drv.model.state.bed_target == 55, what="targets")
    wait_for(lambda: drv.model.state.fans.get("part") == 50, what="fan")
    with pytest.raises(CommandRejectedError, match="Cannot pause: printer is standby"):
        drv.pause()
    with pytest.raises(CapabilityError):
        drv.set_fan("chamber", 10)


def test_moonraker_going_offline_is_shown(klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    seen: list[tuple[ConnectionState, str]] = []
    drv.model.connection_changed.connect(lambda state, detail: seen.append((state, detail)))
    sim.link.drop()  # the Moonraker host loses its network without a clean disconnect
    wait_for(lambda: (ConnectionState.ONLINE, "") in seen, what="back online after the host reconnects")
    offline = [detail for state, detail in seen if state == ConnectionState.OFFLINE]
    assert offline and "Moonraker is offline" in offline[0]


def test_speed_levels_become_m220_and_the_reported_factor_maps_back(
        klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    sim, drv = klipper
    assert Capability.SPEED in drv.capabilities
    wait_for(lambda: drv.model.state.speed_level == 2, what="standard speed from the initial query")
    drv.set_speed(4)
    assert sim.status["gcode_move"]["speed_factor"] == 1.66
    wait_for(lambda: drv.model.state.speed_level == 4, what="ludicrous reported back")
    drv.gcode("M220 S55")  # set on the printer's own screen: shown as the nearest level
    wait_for(lambda: drv.model.state.speed_level == 1, what="silent")
    with pytest.raises(CapabilityError, match="Speed level must be 1"):
        drv.set_speed(5)
