"""A virtual Klipper printer behind Moonraker's MQTT bridge and HTTP upload endpoint.

MQTT: retained `{inst}/moonraker/status` online (last will: offline), JSON-RPC on api/request → api/response,
changed status fields on `{inst}/klipper/status`. HTTP: `POST /server/files/upload` (multipart `file`,
`root`, `checksum`), stored under a gcodes directory.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from printers.errors import PrinterOfflineError
from printers.mqtt import MqttLink, MqttSettings
from printers.simulator.delta import changed
from printers.simulator.gcode import apply_temperatures, count_layers

log = logging.getLogger(__name__)


@dataclass
class MoonrakerOptions:
    instance: str = "voron"
    gcodes: Path = Path("gcodes")
    status_interval: float = 0.25
    speed: float = 1.0
    layer_seconds: float = 20.0
    heat_seconds: float = 30.0
    http_port: int = 0


def _initial() -> dict[str, Any]:
    return {
        "print_stats": {"state": "standby", "filename": "", "print_duration": 0.0, "message": "",
                        "info": {"current_layer": None, "total_layer": None}},
        "extruder": {"temperature": 24.0, "target": 0.0},
        "heater_bed": {"temperature": 24.0, "target": 0.0},
        "virtual_sdcard": {"progress": 0.0},
        "display_status": {"progress": 0.0, "message": ""},
        "fan": {"speed": 0.0},
        "gcode_move": {"speed_factor": 1.0},
    }


class _Upload(BaseHTTPRequestHandler):
    server: _HttpServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("moonraker-sim http: " + format, *args)

    def _json(self, code: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/server/files/upload":
            self._json(404, {"error": {"code": 404, "message": "Not Found"}})
            return
        if "Content-Length" not in self.headers:
            self._json(411, {"error": {"code": 411, "message": "Length Required"}})
            return
        body = self.rfile.read(int(self.headers["Content-Length"]))
        head = f"Content-Type: {self.headers.get('Content-Type', '')}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        fields: dict[str, str] = {}
        filename, data = "", b""
        for part in message.iter_parts() if message.is_multipart() else ():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if name == "file":
                filename, data = Path(part.get_filename() or "").name, bytes(payload)  # type: ignore[arg-type]
            elif isinstance(name, str) and isinstance(payload, bytes):
                fields[name] = payload.decode()
        if not filename:
            self._json(400, {"error": {"code": 400, "message": "No file in request"}})
            return
        if "checksum" in fields and hashlib.sha256(data).hexdigest() != fields["checksum"]:
            self._json(422, {"error": {"code": 422, "message": "File checksum mismatch"}})
            return
        (self.server.gcodes / filename).write_bytes(data)
        self._json(201, {"item": {"path": filename, "root": fields.get("root", "gcodes")}, "action": "create_file"})


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    gcodes: Path


class MoonrakerSimulator:
    def __init__(self, options: MoonrakerOptions, broker: MqttSettings) -> None:
        self.options = options
        inst = options.instance
        broker.will = (f"{inst}/moonraker/status", json.dumps({"server": "offline"}), True)
        self.link = MqttLink(broker, name=f"sim-{inst}")
        self.link.route(f"{inst}/moonraker/api/request", self._on_request)
        self.link.connected.connect(self._announce)
        self.received: list[str] = []
        self._status = _initial()
        self._sent: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._heat_left = 0.0
        self._layer_left = 0.0
        options.gcodes.mkdir(parents=True, exist_ok=True)
        self.http = _HttpServer(("127.0.0.1", options.http_port), _Upload)
        self.http.gcodes = options.gcodes
        self._threads: list[threading.Thread] = []

    @property
    def http_port(self) -> int:
        return int(self.http.server_address[1])

    def start(self) -> MoonrakerSimulator:
        self.link.start()
        for target, name in ((self.http.serve_forever, "http"), (self._run, "tick")):
            thread = threading.Thread(target=target, name=f"sim-moonraker-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        self.http.shutdown()
        self.http.server_close()
        self.link.stop()

    @property
    def status(self) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._status)

    def _announce(self) -> None:
        self.link.publish(f"{self.options.instance}/moonraker/status", {"server": "online"}, retain=True)
        with self._lock:
            self._sent = {}

    def _respond(self, request_id: Any, result: Any = None, error: tuple[int, str] | None = None) -> None:
        body: dict[str, Any] = {"jsonrpc": "2.0", "id": request_id}
        if error is None:
            body["result"] = result
        else:
            body["error"] = {"code": error[0], "message": error[1]}
        try:
            self.link.publish(f"{self.options.instance}/moonraker/api/response", body)
        except PrinterOfflineError:
            log.info("moonraker simulator could not answer request %s", request_id)

    def _on_request(self, _topic: str, payload: bytes) -> None:
        try:
            request = json.loads(payload)
            method, params, request_id = request["method"], request.get("params") or {}, request["id"]
        except (ValueError, KeyError, TypeError):
            return  # Moonraker drops what it cannot parse
        self.received.append(str(method))
        with self._lock:
            try:
                result = self._dispatch(str(method), params)
            except ValueError as exc:
                code, _, message = str(exc).partition(":")
                self._respond(request_id, error=(int(code), message.strip()))
                return
        self._respond(request_id, result)

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
                delta = changed(self._sent, snapshot)
            if not delta:
                continue
            try:
                self.link.publish(f"{self.options.instance}/klipper/status",
                                  {"eventtime": time.monotonic(), "status": delta}, qos=0)
            except PrinterOfflineError:
                continue
            with self._lock:
                self._sent = snapshot

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
