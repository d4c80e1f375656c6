"""Moonraker's documented payloads (tests/fixtures/printers/real/moonraker, see its SOURCES.md) against the driver
and the simulator: the driver reads what Moonraker's docs say it sends, and the simulator sends the same shapes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from websockets.sync.client import connect
from websockets.sync.server import Server, ServerConnection, serve

from printers.base import ConnectionState, PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.mqtt import MqttSettings
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.state import JobState
from tests.printers.conftest import Mosquitto, wait_for

pytestmark = pytest.mark.services
DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "printers" / "real" / "moonraker"


def doc(name: str) -> Any:
    return json.loads((DOCS / f"{name}.json").read_text())


def test_the_documented_printer_objects_read_as_an_idle_printer() -> None:
    drv = MoonrakerDriver(PrinterConfig(name="docs", kind="moonraker", host="127.0.0.1"))
    drv.apply_status(doc("printer_objects"))
    state = drv.model.state
    assert (state.state, state.job_name, state.progress) == (JobState.IDLE, "", 0)
    assert (state.nozzle, state.nozzle_target, state.bed, state.bed_target) == (0, 0, 0, 0)
    assert state.fans == {"part": 0} and state.speed_level == 2 and state.layer is None


class DocumentedMoonraker:
    """A websocket peer that answers only with the documentation's own examples, echoing each request's id."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.klippy_state = "ready"
        self.peer: ServerConnection | None = None
        self.server: Server = serve(self._handle, "127.0.0.1", 0)
        self.port = self.server.socket.getsockname()[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handle(self, ws: ServerConnection) -> None:
        self.peer = ws
        answers = {"server.connection.identify": "identify_response", "server.info": "server_info_response",
                   "printer.objects.list": "objects_list_response",
                   "printer.objects.subscribe": "objects_subscribe_response"}
        for raw in ws:
            request = json.loads(raw)
            self.requests.append(request)
            result = doc(answers[request["method"]])
            if request["method"] == "server.info":  # the docs show "ready"; other states are listed beside it
                result["klippy_state"] = self.klippy_state
            ws.send(json.dumps({"jsonrpc": "2.0", "result": result, "id": request["id"]}))
            if request["method"] == "printer.objects.subscribe":
                ws.send(json.dumps(doc("notify_status_update")))

    def notify(self, name: str) -> None:
        assert self.peer is not None
        self.peer.send(json.dumps(doc(name)))

    def methods(self) -> list[str]:
        return [r["method"] for r in self.requests]


@pytest.fixture
def documented() -> Iterator[DocumentedMoonraker]:
    peer = DocumentedMoonraker()
    yield peer
    peer.server.shutdown()


def test_a_session_of_documented_messages(documented: DocumentedMoonraker) -> None:
    drv = MoonrakerDriver(PrinterConfig(name="docs", kind="moonraker", host="127.0.0.1", http_port=documented.port),
                          "0123456789abcdef0123456789abcdef", backoff_initial=0.1)
    drv.connect()
    try:
        wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="online on documented answers")
        assert documented.methods() == ["server.connection.identify", "server.info", "printer.objects.list",
                                        "printer.objects.subscribe"]
        identify = documented.requests[0]["params"]
        assert set(identify) <= set(doc("identify_request")["params"]) and identify["type"] == "desktop"
        assert identify["api_key"] == "0123456789abcdef0123456789abcdef"
        subscribed = documented.requests[3]["params"]["objects"]
        assert set(subscribed) <= set(doc("objects_list_response")["objects"]) and "print_stats" in subscribed
        wait_for(lambda: drv.model.state.speed_level == 2, what="gcode_move from the subscribe answer")
        documented.klippy_state = "shutdown"
        documented.notify("notify_klippy_shutdown")
        wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="Klipper shut down shown")
        assert "shut down" in drv.model.connection_detail
        documented.klippy_state = "ready"
        documented.notify("notify_klippy_ready")
        wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="back once Klipper is ready")
        assert documented.methods().count("printer.objects.subscribe") == 2  # Klipper forgot the subscription
    finally:
        drv.disconnect()


def _rpc(ws: Any, method: str, params: dict[str, Any] | None = None) -> Any:
    ws.send(json.dumps({"jsonrpc": "2.0", "method": method, "params": params or {}, "id": method}))
    while True:
        message = json.loads(ws.recv(timeout=10))
        if message.get("id") == method:
            return message


def test_the_simulator_sends_the_documented_shapes(lan_broker: Mosquitto, tmp_path: Path) -> None:
    sim = MoonrakerSimulator(MoonrakerOptions(gcodes=tmp_path / "gcodes", status_interval=0.05, speed=50,
                                              status_objects=("heater_bed",), split_status=True),
                             MqttSettings("127.0.0.1", lan_broker.port, "moonraker-sim", "moonraker", "klipper"))
    sim.start()
    split: list[dict[str, Any]] = []
    spy = paho.Client(CallbackAPIVersion.VERSION2)
    spy.username_pw_set("studio", "pots")
    spy.on_message = lambda _c, _u, msg: split.append(json.loads(msg.payload))
    spy.connect("127.0.0.1", lan_broker.port)
    spy.subscribe("voron/klipper/state/heater_bed/temperature")
    spy.loop_start()
    try:
        with connect(f"ws://127.0.0.1:{sim.http_port}/websocket", proxy=None) as ws:
            identified = _rpc(ws, "server.connection.identify", doc("identify_request")["params"])
            assert set(identified["result"]) == set(doc("identify_response"))
            assert set(_rpc(ws, "server.info")["result"]) >= set(doc("server_info_response"))
            assert isinstance(_rpc(ws, "printer.objects.list")["result"]["objects"], list)
            subscribed = _rpc(ws, "printer.objects.subscribe", {"objects": {"heater_bed": None, "extruder": None}})
            assert set(subscribed["result"]) == set(doc("objects_subscribe_response"))
            assert set(subscribed["result"]["status"]["heater_bed"]) <= set(doc("printer_objects")["heater_bed"])
            sim.gcode_script("M140 S80")
            while (note := json.loads(ws.recv(timeout=10))).get("method") != "notify_status_update":
                pass
            assert set(note) == set(doc("notify_status_update"))
            assert isinstance(note["params"][0], dict) and isinstance(note["params"][1], float)
        gcode = tmp_path / "cube.gcode"
        gcode.write_text("G28\n")
        with gcode.open("rb") as fh:
            uploaded = httpx.post(f"http://127.0.0.1:{sim.http_port}/server/files/upload", files={"file": fh}).json()
        assert set(uploaded) == set(doc("upload_response"))
        assert set(uploaded["item"]) == set(doc("upload_response")["item"])
        wait_for(lambda: split, what="a split status message")
        assert set(split[0]) == set(doc("mqtt_split_status_heater_bed_temperature"))
    finally:
        spy.loop_stop()
        spy.disconnect()
        sim.stop()
