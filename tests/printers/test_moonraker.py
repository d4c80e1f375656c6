"""The Moonraker driver over Moonraker's own API (websocket JSON-RPC on the HTTP port, HTTP upload), the way every
Klipper front end connects, against the virtual Klipper printer. The MQTT bridge is in test_moonraker_mqtt.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.datastructures import Headers
from websockets.http11 import Request, Response
from websockets.sync.server import ServerConnection, serve

from core.tasks import Task
from printers.base import Capability, ConnectionState, PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.drivers.moonraker.upload import upload
from printers.errors import CapabilityError, CommandRejectedError, UploadError
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.state import JobState
from tests.printers.conftest import wait_for

pytestmark = pytest.mark.services
API_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90"  # Moonraker's keys are 32 hex digits


def _sim(tmp_path: Path, api_key: str = "") -> MoonrakerSimulator:
    return MoonrakerSimulator(MoonrakerOptions(gcodes=tmp_path / "gcodes", status_interval=0.05, speed=200,
                                               layer_seconds=10, heat_seconds=20, api_key=api_key)).start()


def _driver(sim: MoonrakerSimulator, api_key: str | None = None) -> MoonrakerDriver:
    """What the add-printer dialog saves by default: the printer's address and Moonraker's port, no MQTT."""
    config = PrinterConfig(name="voron", kind="moonraker", host="127.0.0.1", http_port=sim.http_port)
    drv = MoonrakerDriver(config, api_key, command_timeout=3.0, backoff_initial=0.1)
    drv.connect()
    return drv


@pytest.fixture
def klipper(tmp_path: Path) -> Iterator[tuple[MoonrakerSimulator, MoonrakerDriver]]:
    sim = _sim(tmp_path)
    drv = _driver(sim)
    yield sim, drv
    drv.disconnect()
    sim.stop()


def _gcode(tmp: Path, layers: int = 5) -> Path:
    path = tmp / "vase.gcode"
    path.write_text("".join(f";LAYER_CHANGE\nG1 Z{0.2 * (i + 1):.1f}\n" for i in range(layers)))
    return path


def test_identifies_subscribes_and_shows_live_status(klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online over the websocket")
    assert drv.model.state.state == JobState.IDLE and drv.model.state.bed_target == 0
    assert sim.received[:4] == ["server.connection.identify", "server.info", "printer.objects.list",
                                "printer.objects.subscribe"]
    assert sim.identities[0]["client_name"] == "3D Pot Studio" and sim.identities[0]["type"] == "desktop"
    drv.set_temperature("nozzle", 210)  # the sim heats up: only notify_status_update carries the climb
    wait_for(lambda: (drv.model.state.nozzle or 0) > 100, what="nozzle temperature climbing live")
    assert sim.received.count("printer.objects.query") == 0  # live, not polled


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
    assert "printer.print.start" in sim.received


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


def test_status_keeps_flowing_after_moonraker_and_klipper_restart(
        klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    seen: list[ConnectionState] = []
    drv.model.connection_changed.connect(lambda state, _detail: seen.append(state))
    sim.restart()  # the Moonraker service restarts: every websocket is cut
    wait_for(lambda: ConnectionState.OFFLINE in seen and drv.model.connection == ConnectionState.ONLINE,
             what="reconnected after the restart")
    sim.gcode_script("M104 S190")  # set on the printer itself: only a fresh subscription reports it
    wait_for(lambda: drv.model.state.nozzle_target == 190, what="status after the Moonraker restart")
    sim.restart_klippy()  # FIRMWARE_RESTART: Klipper forgets the subscription
    wait_for(lambda: sim.received.count("printer.objects.subscribe") >= 3, what="subscribed again")
    sim.gcode_script("M140 S70")
    wait_for(lambda: drv.model.state.bed_target == 70, what="status after the Klipper restart")


def test_a_klipper_shutdown_is_shown_until_it_is_restarted(klipper: tuple[MoonrakerSimulator, MoonrakerDriver]) -> None:
    sim, drv = klipper
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    sim.shutdown_klippy()  # M112: Moonraker stays up, Klipper does not
    wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="shutdown shown")
    assert "Klipper is shut down" in drv.model.connection_detail
    sim.restart_klippy()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="ready again")


def test_api_key_is_sent_on_the_websocket_and_on_uploads(tmp_path: Path) -> None:
    sim = _sim(tmp_path, api_key=API_KEY)
    drv = _driver(sim, API_KEY)
    try:
        assert drv.wait_online(10)
        drv.start_print(_gcode(tmp_path))
        assert (sim.options.gcodes / "vase.gcode").is_file()
        with pytest.raises(UploadError, match="HTTP 401"):  # what happened before: no key on the upload
            upload(f"http://127.0.0.1:{sim.http_port}", _gcode(tmp_path))
    finally:
        drv.disconnect()
        sim.stop()


def test_a_wrong_api_key_is_reported_not_retried(tmp_path: Path) -> None:
    sim = _sim(tmp_path, api_key=API_KEY)
    drv = _driver(sim, "not-the-key")
    try:
        wait_for(lambda: drv.model.connection == ConnectionState.AUTH_FAILED, what="refused")
        assert "API key" in drv.model.connection_detail
        assert sim.received == ["server.connection.identify"]
    finally:
        drv.disconnect()
        sim.stop()


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


def test_a_moonraker_that_refuses_the_websocket_upgrade_asks_for_the_key() -> None:
    """Moonraker versions that check the key on the upgrade answer HTTP 401 instead of a JSON-RPC error."""
    refused: list[str] = []

    def unauthorised(_conn: ServerConnection, request: Request) -> Response:
        refused.append(request.path)
        return Response(401, "Unauthorized", Headers(), b"Unauthorized")

    with serve(lambda _ws: None, "127.0.0.1", 0, process_request=unauthorised) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.socket.getsockname()[1]
        drv = MoonrakerDriver(PrinterConfig(name="locked", kind="moonraker", host="127.0.0.1", http_port=port),
                              backoff_initial=0.1)
        drv.connect()
        try:
            wait_for(lambda: drv.model.connection == ConnectionState.AUTH_FAILED, what="refused")
            assert "API key" in drv.model.connection_detail
        finally:
            drv.disconnect()
        server.shutdown()
    assert refused == ["/websocket"]  # asked once, not retried
