"""A virtual Klipper printer behind Moonraker: its websocket API and HTTP upload on one port (moonraker_web.py),
and optionally its MQTT bridge, configured like moonraker.conf's `[mqtt]` section.

Websocket: `server.connection.identify` (with `api_key` when one is configured), `server.info`,
`printer.objects.list|query|subscribe`, `notify_status_update` with the changed fields of subscribed objects,
`notify_klippy_disconnected|ready` around a Klippy restart (which drops subscriptions, as Klipper does).
MQTT: retained `{inst}/moonraker/status` online (last will: offline), JSON-RPC on api/request → api/response,
and status only for `status_objects` (empty by default, so nothing is published), on `{inst}/klipper/status` or
split per field under `{inst}/klipper/state/{object}/{field}`.
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from printers.errors import PrinterOfflineError
from printers.mqtt import MqttLink, MqttSettings
from printers.simulator.delta import changed
from printers.simulator.gcode import apply_temperatures, count_layers
from printers.simulator.moonraker_web import WebServer, WsClient

log = logging.getLogger(__name__)
WEBSOCKET_ONLY = {"server.connection.identify", "printer.objects.subscribe"}


@dataclass
class MoonrakerOptions:
    instance: str = "voron"
    gcodes: Path = Path("gcodes")
    status_interval: float = 0.25
    speed: float = 1.0
    layer_seconds: float = 20.0
    heat_seconds: float = 30.0
    http_port: int = 0
    api_key: str = ""  # [authorization]: when set, untrusted HTTP and websocket clients must present it
    status_objects: tuple[str, ...] = ()  # [mqtt] status_objects: empty by default, as in Moonraker
    split_status: bool = False  # [mqtt] publish_split_status


def _initial() -> dict[str, Any]:
    return {
        "webhooks": {"state": "ready", "state_message": "Printer is ready"},
        "print_stats": {"state": "standby", "filename": "", "print_duration": 0.0, "message": "",
                        "info": {"current_layer": None, "total_layer": None}},
        "extruder": {"temperature": 24.0, "target": 0.0},
        "heater_bed": {"temperature": 24.0, "target": 0.0},
        "virtual_sdcard": {"progress": 0.0},
        "display_status": {"progress": 0.0, "message": ""},
        "fan": {"speed": 0.0},
        "gcode_move": {"speed_factor": 1.0},
    }


class MoonrakerSimulator:
    """`broker` is the `[mqtt]` section: None runs Moonraker without MQTT, as most installs do."""

    def __init__(self, options: MoonrakerOptions, broker: MqttSettings | None = None) -> None:
        self.options = options
        self.api_key = options.api_key
        self.gcodes = options.gcodes
        inst = options.instance
        self.link: MqttLink | None = None
        if broker is not None:
            broker.will = (f"{inst}/moonraker/status", json.dumps({"server": "offline"}), True)
            self.link = MqttLink(broker, name=f"sim-{inst}")
            self.link.route(f"{inst}/moonraker/api/request", self._on_request)
            self.link.connected.connect(self._announce)
        self.received: list[str] = []
        self.identities: list[dict[str, Any]] = []
        self._stamps: deque[Any] = deque(maxlen=1000)
        self._status = _initial()
        self._sent: dict[str, Any] = {}
        self._clients: list[WsClient] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._heat_left = 0.0
        self._layer_left = 0.0
        options.gcodes.mkdir(parents=True, exist_ok=True)
        self.web = WebServer(self, options.http_port)

    @property
    def http_port(self) -> int:
        return self.web.port

    def start(self) -> MoonrakerSimulator:
        self.web.start()
        if self.link is not None:
            self.link.start()
        threading.Thread(target=self._run, name="sim-moonraker-tick", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.web.stop()
        if self.link is not None:
            self.link.stop()

    def restart(self) -> None:
        """Fault: the Moonraker service restarts (update, crash): websocket clients are cut and its MQTT client
        drops without a clean disconnect, so the broker publishes the last will; the printer keeps its state."""
        self.web.stop()
        if self.link is not None:
            self.link.drop()
        with self._lock:
            self._clients.clear()
        self.web.start()

    def shutdown_klippy(self, message: str = "Emergency stop") -> None:
        """Fault: M112 or an MCU error. Moonraker stays up and says so (server.info, webhooks, notification)."""
        with self._lock:
            self._status["webhooks"].update(state="shutdown", state_message=message)
            clients = list(self._clients)
        for client in clients:
            client.push({"jsonrpc": "2.0", "method": "notify_klippy_shutdown"})

    def restart_klippy(self) -> None:
        """Fault: FIRMWARE_RESTART. Klipper forgets every subscription; clients hear disconnected, then ready."""
        with self._lock:
            self._status["webhooks"].update(state="ready", state_message="Printer is ready")
            clients = list(self._clients)
            for client in clients:
                client.objects, client.sent = {}, {}
        for method in ("notify_klippy_disconnected", "notify_klippy_ready"):
            for client in clients:
                client.push({"jsonrpc": "2.0", "method": method})

    def gcode_script(self, script: str) -> None:
        """Run G-code as if typed on the printer's own screen or console: no client asked for it."""
        with self._lock:
            self._dispatch("printer.gcode.script", {"script": script})

    @property
    def status(self) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._status)

    # -- connections -----------------------------------------------------------------------

    def connected(self, client: WsClient) -> None:
        with self._lock:
            self._clients.append(client)

    def disconnected(self, client: WsClient) -> None:
        with self._lock:
            if client in self._clients:
                self._clients.remove(client)

    def _announce(self) -> None:
        assert self.link is not None
        self.link.publish(f"{self.options.instance}/moonraker/status", {"server": "online"}, retain=True)
        with self._lock:
            self._sent = {}

    def _on_request(self, _topic: str, payload: bytes) -> None:
        assert self.link is not None
        try:
            request = json.loads(payload)
        except ValueError:
            return  # Moonraker drops what it cannot parse
        params = request.get("params") if isinstance(request, dict) else None
        stamp = params.get("mqtt_timestamp") if isinstance(params, dict) else None
        if stamp is not None:
            if stamp in self._stamps:
                return  # a QoS 1 duplicate: Moonraker discards a request whose timestamp it has seen
            self._stamps.append(stamp)
        response = self.handle(request, None)
        if response is None:
            return
        try:
            self.link.publish(f"{self.options.instance}/moonraker/api/response", response, qos=0)
        except PrinterOfflineError:
            log.info("moonraker simulator could not answer request %s", response.get("id"))

    def handle(self, request: Any, client: WsClient | None) -> dict[str, Any] | None:
        """One JSON-RPC request from the websocket (`client`) or MQTT (None) → its response."""
        try:
            method, params, request_id = str(request["method"]), request.get("params") or {}, request["id"]
        except (KeyError, TypeError, AttributeError):
            return None
        self.received.append(method)
        body: dict[str, Any] = {"jsonrpc": "2.0", "id": request_id}
        if not isinstance(params, dict):
            body["error"] = {"code": -32602, "message": "Invalid params"}
            return body
        try:
            with self._lock:
                body["result"] = self._transport_call(method, dict(params), client)
        except ValueError as exc:
            code, _, message = str(exc).partition(":")
            body["error"] = {"code": int(code), "message": message.strip()}
        return body

    def _transport_call(self, method: str, params: dict[str, Any], client: WsClient | None) -> Any:
        if method in WEBSOCKET_ONLY and client is None:
            raise ValueError(f"-32601: Method not found: {method} is websocket and unix socket only")
        if client is not None and not client.authorized:
            if method != "server.connection.identify":
                raise ValueError("401: Unauthorized")
            if self.api_key and params.get("api_key") != self.api_key:
                raise ValueError("401: Unauthorized")
            client.authorized = True
        if method == "server.connection.identify":
            assert client is not None
            if client.identified:
                raise ValueError("400: Connection already identified")
            client.identified = True
            self.identities.append({k: v for k, v in params.items() if k != "api_key"})
            return {"connection_id": id(client)}
        if method == "server.info":
            return {"klippy_connected": True, "klippy_state": self._status["webhooks"]["state"], "components": [],
                    "failed_components": [], "registered_directories": ["gcodes"], "warnings": [],
                    "websocket_count": len(self._clients),
                    "moonraker_version": "v0.9.3-sim", "api_version": [1, 5, 0], "api_version_string": "1.5.0"}
        if method == "printer.objects.list":
            return {"objects": sorted(self._status)}
        if method == "printer.objects.subscribe":
            assert client is not None
            client.objects = dict(params.get("objects") or {})
            client.sent = {k: copy.deepcopy(v) for k, v in self._status.items() if k in client.objects}
            return {"eventtime": time.monotonic(), "status": copy.deepcopy(client.sent)}
        params.pop("mqtt_timestamp", None)
        return self._dispatch(method, params)

    def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        stats = self._status["print_stats"]
        if method == "printer.objects.query":
            wanted = params.get("objects") or {}
            return {"eventtime": time.monotonic(),
                    "status": {k: copy.deepcopy(v) for k, v in self._status.items() if k in wanted}}
        if method == "printer.print.start":
            path = self.options.gcodes / Path(str(params.get("filename", ""))).name
            if not path.is_file():
                raise ValueError(f"400: File {params.get('filename')} does not exist")
            if stats["state"] in ("printing", "paused"):
                raise ValueError("400: Printer is busy")
            layers = count_layers(path.read_text(errors="replace"))
            stats.update(state="printing", filename=path.name, print_duration=0.0, message="",
                         info={"current_layer": 0, "total_layer": layers})
            self._status["extruder"]["target"], self._status["heater_bed"]["target"] = 215.0, 60.0
            self._status["virtual_sdcard"]["progress"] = 0.0
            self._heat_left, self._layer_left = self.options.heat_seconds, self.options.layer_seconds
        elif method in ("printer.print.pause", "printer.print.resume", "printer.print.cancel"):
            allowed = {"printer.print.pause": ("printing", "paused"), "printer.print.resume": ("paused", "printing"),
                       "printer.print.cancel": (None, "cancelled")}[method]
            if allowed[0] is not None and stats["state"] != allowed[0]:
                raise ValueError(f"400: Cannot {method.rsplit('.', 1)[1]}: printer is {stats['state']}")
            if stats["state"] not in ("printing", "paused"):
                raise ValueError("400: No active print")
            stats["state"] = allowed[1]
            if method == "printer.print.cancel":
                self._status["extruder"]["target"] = self._status["heater_bed"]["target"] = 0.0
        elif method == "printer.gcode.script":
            values: dict[str, float] = {}
            for line in str(params.get("script", "")).splitlines():
                if not apply_temperatures(line, values):
                    raise ValueError(f"400: Unknown command: {line}")
            if "nozzle_target" in values:
                self._status["extruder"]["target"] = values["nozzle_target"]
            if "bed_target" in values:
                self._status["heater_bed"]["target"] = values["bed_target"]
            if "speed_factor" in values:
                if not 0.1 <= values["speed_factor"] <= 5:  # Klipper: M220 S must be > 0; keep it plausible
                    raise ValueError("400: M220 S out of range")
                self._status["gcode_move"]["speed_factor"] = values["speed_factor"]
            if "fan1" in values:
                self._status["fan"]["speed"] = round(values["fan1"] / 255, 3)
        else:
            raise ValueError(f"-32601: Method not found: {method}")
        return "ok"

    def _run(self) -> None:
        while not self._stop.wait(self.options.status_interval):
            with self._lock:
                self._advance(self.options.status_interval * self.options.speed)
                snapshot = copy.deepcopy(self._status)
                pushes = []
                for client in self._clients:
                    mine = {k: v for k, v in snapshot.items() if k in client.objects}
                    if delta := changed(client.sent, mine):
                        pushes.append((client, delta))
                        client.sent = copy.deepcopy(mine)
            now = time.monotonic()
            for client, delta in pushes:
                client.push({"jsonrpc": "2.0", "method": "notify_status_update", "params": [delta, now]})
            self._publish_mqtt(snapshot, now)

    def _publish_mqtt(self, snapshot: dict[str, Any], now: float) -> None:
        if self.link is None or not self.options.status_objects:
            return
        published = {k: v for k, v in snapshot.items() if k in self.options.status_objects}
        with self._lock:
            delta = changed(self._sent, published)
        if not delta:
            return
        inst = self.options.instance
        try:
            if self.options.split_status:
                for obj, fields in delta.items():
                    for name, value in fields.items():
                        self.link.publish(f"{inst}/klipper/state/{obj}/{name}", {"eventtime": now, "value": value},
                                          qos=0)
            else:
                self.link.publish(f"{inst}/klipper/status", {"eventtime": now, "status": delta}, qos=0)
        except PrinterOfflineError:
            return
        with self._lock:
            self._sent = published

    def _advance(self, dt: float) -> None:
        s = self._status
        blend = min(1.0, dt / 20.0)
        for heater in ("extruder", "heater_bed"):
            goal = s[heater]["target"] or 24.0
            s[heater]["temperature"] = round(s[heater]["temperature"] + (goal - s[heater]["temperature"]) * blend, 1)
        stats = s["print_stats"]
        if stats["state"] != "printing":
            return
        stats["print_duration"] = round(stats["print_duration"] + dt, 1)
        if self._heat_left > 0:
            self._heat_left -= dt
            return
        info = stats["info"]
        self._layer_left -= dt * s["gcode_move"]["speed_factor"]  # a faster feed rate finishes layers sooner
        while self._layer_left <= 0 and info["current_layer"] < info["total_layer"]:
            info["current_layer"] += 1
            self._layer_left += self.options.layer_seconds
        progress = round(info["current_layer"] / info["total_layer"], 3) if info["total_layer"] else 0.0
        s["virtual_sdcard"]["progress"] = s["display_status"]["progress"] = progress
        s["fan"]["speed"] = 1.0
        if info["current_layer"] >= info["total_layer"] and self._layer_left <= 0:
            stats["state"] = "complete"
            s["extruder"]["target"] = s["heater_bed"]["target"] = 0.0
            s["fan"]["speed"] = 0.0
