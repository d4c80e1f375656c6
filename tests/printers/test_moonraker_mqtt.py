"""The Moonraker driver over Moonraker's MQTT bridge (installs with an `[mqtt]` section), against mosquitto and the
virtual Klipper printer configured as moonraker.conf would be: `status_objects` unset (nothing is published, the
default), or set with `publish_split_status`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from printers.base import ConnectionState, PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.mqtt import MqttSettings
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.state import JobState
from tests.printers.conftest import Mosquitto, wait_for

pytestmark = pytest.mark.services
ALL_OBJECTS = ("print_stats", "extruder", "heater_bed", "virtual_sdcard", "display_status", "fan", "gcode_move")
Rig = Callable[..., tuple[MoonrakerSimulator, MoonrakerDriver]]


@pytest.fixture
def rig(lan_broker: Mosquitto, tmp_path: Path) -> Iterator[Rig]:
    made: list[tuple[MoonrakerSimulator, MoonrakerDriver]] = []

    def make(*, poll_interval: float = 0.3, **options: object) -> tuple[MoonrakerSimulator, MoonrakerDriver]:
        sim = MoonrakerSimulator(
            MoonrakerOptions(**{"instance": "voron", "gcodes": tmp_path / "gcodes", "status_interval": 0.05,
                                "speed": 200, "layer_seconds": 10, "heat_seconds": 20, **options}),  # type: ignore[arg-type]
            MqttSettings("127.0.0.1", lan_broker.port, "moonraker-sim", "moonraker", "klipper", backoff_initial=0.1))
        sim.start()
        config = PrinterConfig(name="voron", kind="moonraker", host="127.0.0.1", port=lan_broker.port,
                               instance="voron", username="studio", http_port=sim.http_port)
        drv = MoonrakerDriver(config, "pots", command_timeout=3.0, backoff_initial=0.1, poll_interval=poll_interval)
        drv.connect()
        made.append((sim, drv))
        return sim, drv

    yield make
    for sim, drv in made:
        drv.disconnect()
        sim.stop()


def _gcode(tmp: Path, layers: int = 5) -> Path:
    path = tmp / "vase.gcode"
    path.write_text("".join(f";LAYER_CHANGE\nG1 Z{0.2 * (i + 1):.1f}\n" for i in range(layers)))
    return path


def test_default_status_objects_status_still_flows_by_polling(rig: Rig, tmp_path: Path) -> None:
    sim, drv = rig(speed=20)  # status_objects unset: Moonraker publishes no klipper/status at all
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="server online")
    drv.start_print(_gcode(tmp_path))
    wait_for(lambda: drv.model.state.state == JobState.PRINTING, what="printing")
    wait_for(lambda: (drv.model.state.nozzle or 0) > 100, what="the nozzle heating up, seen by polling")
    wait_for(lambda: drv.model.state.state == JobState.FINISHED, what="complete", timeout=20)
    assert drv.model.state.layer == 5 and sim.received.count("printer.objects.query") > 3


def test_split_status_topics_are_followed(rig: Rig) -> None:
    sim, drv = rig(status_objects=ALL_OBJECTS, split_status=True, poll_interval=60.0)  # no polling help
    wait_for(lambda: drv.model.state.state == JobState.IDLE, what="first state")
    sim.gcode_script("M104 S205\nM140 S65")
    wait_for(lambda: drv.model.state.nozzle_target == 205 and drv.model.state.bed_target == 65,
             what="targets from {inst}/klipper/state/{object}/{field}")
    wait_for(lambda: (drv.model.state.nozzle or 0) > 100, what="live temperature from split topics")
    assert sim.received.count("printer.objects.query") == 1  # the one on connect


def test_status_keeps_flowing_after_a_broker_restart(rig: Rig, lan_broker: Mosquitto) -> None:
    sim, drv = rig()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    lan_broker.restart()
    wait_for(lambda: drv.model.connection != ConnectionState.ONLINE, what="the drop noticed")
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="back online")
    sim.gcode_script("M104 S215")
    wait_for(lambda: drv.model.state.nozzle_target == 215, what="status after the broker restart")
    drv.set_temperature("bed", 60)
    wait_for(lambda: drv.model.state.bed_target == 60, what="commands after the broker restart")


def test_status_keeps_flowing_after_a_moonraker_restart(rig: Rig) -> None:
    sim, drv = rig()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    seen: list[tuple[ConnectionState, str]] = []
    drv.model.connection_changed.connect(lambda state, detail: seen.append((state, detail)))
    sim.restart()  # its MQTT client drops without a disconnect: the broker publishes the last will
    wait_for(lambda: (ConnectionState.ONLINE, "") in seen, what="Moonraker back online")
    assert any(state == ConnectionState.OFFLINE and "Moonraker is offline" in detail for state, detail in seen)
    sim.gcode_script("M104 S185")
    wait_for(lambda: drv.model.state.nozzle_target == 185, what="status after the Moonraker restart")


def test_a_klipper_shutdown_is_shown_over_mqtt_too(rig: Rig) -> None:
    sim, drv = rig()  # no klippy notifications over MQTT: the polled webhooks object tells
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    sim.shutdown_klippy()
    wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="shutdown shown")
    assert "Klipper is shut down" in drv.model.connection_detail
    sim.restart_klippy()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="ready again")


def test_request_ids_never_collide_across_clients_and_restarts(rig: Rig, lan_broker: Mosquitto) -> None:
    """Every client of an instance reads the same api/response topic: a reused id takes another's answer."""
    _sim, first = rig(poll_interval=60.0)
    wait_for(lambda: first.model.connection == ConnectionState.ONLINE, what="online")
    ids: list[object] = []
    timestamps: list[object] = []
    spy = paho.Client(CallbackAPIVersion.VERSION2)
    spy.username_pw_set("studio", "pots")

    def on_message(_c: paho.Client, _u: object, msg: paho.MQTTMessage) -> None:
        request = json.loads(msg.payload)
        ids.append(request["id"])
        timestamps.append(request["params"].get("mqtt_timestamp"))

    spy.on_message = on_message
    spy.connect("127.0.0.1", lan_broker.port)
    spy.subscribe("voron/moonraker/api/request", qos=1)
    spy.loop_start()
    try:
        wait_for(lambda: spy.is_connected(), what="spy connected")
        first.set_temperature("nozzle", 100)
        first.disconnect()  # the app quits and starts again: a new driver for the same printer
        again = MoonrakerDriver(first.config, "pots", command_timeout=3.0, backoff_initial=0.1, poll_interval=60.0)
        again.connect()
        try:
            wait_for(lambda: again.model.connection == ConnectionState.ONLINE, what="second run online")
            again.set_temperature("nozzle", 110)
            wait_for(lambda: len(ids) >= 3, what="requests seen")
        finally:
            again.disconnect()
    finally:
        spy.loop_stop()
        spy.disconnect()
    assert len(set(map(str, ids))) == len(ids)
    assert all(isinstance(t, int) and t > 1_600_000_000_000_000 for t in timestamps)  # µs since the epoch


def test_a_duplicated_request_runs_once(rig: Rig, lan_broker: Mosquitto) -> None:
    """QoS 1 may deliver a request twice; with mqtt_timestamp Moonraker runs it once (a pause is not sent twice)."""
    sim, drv = rig(poll_interval=60.0)
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online")
    sent: list[bytes] = []
    spy = paho.Client(CallbackAPIVersion.VERSION2)
    spy.username_pw_set("studio", "pots")
    spy.on_message = lambda _c, _u, msg: sent.append(bytes(msg.payload))
    spy.connect("127.0.0.1", lan_broker.port)
    spy.subscribe("voron/moonraker/api/request", qos=1)
    spy.loop_start()
    try:
        wait_for(lambda: spy.is_connected(), what="spy connected")
        drv.gcode("M117 hello")
        wait_for(lambda: sent, what="the request seen")
        spy.publish("voron/moonraker/api/request", sent[0], qos=1).wait_for_publish(5)  # the broker's redelivery
        drv.set_temperature("bed", 50)  # answered after the duplicate, so the duplicate has been handled
    finally:
        spy.loop_stop()
        spy.disconnect()
    assert sim.received.count("printer.gcode.script") == 2  # M117 once, the bed target once
