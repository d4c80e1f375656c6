"""Klipper/Moonraker driver: JSON-RPC over `{inst}/moonraker/api/request|response`, live status from
`{inst}/klipper/status` (changed fields only, merged), server presence from the retained `{inst}/moonraker/status`.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import uuid
from pathlib import Path
from typing import Any

from core.tasks import NULL_TASK, Phrase, Task
from printers.base import Capability, ConnectionState, PrinterConfig, PrintOptions
from printers.drivers.linked import LinkedDriver
from printers.drivers.moonraker.mapping import SPEED_PERCENT, to_state
from printers.drivers.moonraker.upload import upload
from printers.errors import CapabilityError, CommandRejectedError, PrinterConfigError
from printers.mqtt import MqttLink, MqttSettings
from printers.replies import PendingReplies
from printers.state import PrinterModel, deep_merge
from printers.wire.moonraker import RpcResponse, StatusMessage

log = logging.getLogger(__name__)

QUERY_OBJECTS = {name: None for name in ("print_stats", "extruder", "heater_bed", "virtual_sdcard",
                                         "display_status", "fan", "gcode_move")}
HEATERS = {"nozzle": ("extruder", 300.0), "bed": ("heater_bed", 130.0)}


class MoonrakerDriver(LinkedDriver):
    kind = "moonraker"
    capabilities = frozenset({Capability.PAUSE, Capability.RESUME, Capability.STOP, Capability.TEMPERATURE,
                              Capability.FANS, Capability.PRINT, Capability.SPEED})

    def __init__(self, config: PrinterConfig, password: str | None = None, *, command_timeout: float = 10.0,
                 backoff_initial: float = 0.5) -> None:
        if not config.instance:
            raise PrinterConfigError(f"{config.name}: a Moonraker printer needs its MQTT instance name.")
        self.config = config
        self.model = PrinterModel(config.name)
        self.command_timeout = command_timeout
        self._status: dict[str, Any] = {}
        self._status_lock = threading.Lock()
        self._pending: PendingReplies[RpcResponse] = PendingReplies()
        self._ids = itertools.count(1)
        inst = config.instance
        self.request_topic = f"{inst}/moonraker/api/request"
        settings = MqttSettings(host=config.host, port=config.port or 1883,
                                client_id=f"potstudio-{uuid.uuid4().hex[:12]}",
                                username=config.username or None, password=password, backoff_initial=backoff_initial)
        self._link = MqttLink(settings, name=config.name)
        self._link.route(f"{inst}/moonraker/api/response", self._on_response)
        self._link.route(f"{inst}/klipper/status", self._on_status)
        self._link.route(f"{inst}/moonraker/status", self._on_server)
        self._link.state_changed.connect(self._on_link_state)
        self._link.connected.connect(self._on_connected)

    def _on_connected(self) -> None:
        """Moonraker's MQTT bridge has no subscribe: query once, then follow the status_objects pushes."""
        self.model.set_connection(ConnectionState.CONNECTING, "waiting for Moonraker")
        request_id = next(self._ids)
        self._pending.expect(str(request_id)).add_done_callback(lambda f: self._apply_query(f.result()))
        self._publish_rpc(request_id, "printer.objects.query", {"objects": QUERY_OBJECTS})

    def _apply_query(self, response: RpcResponse) -> None:
        if isinstance(response.result, dict):
            self.apply_status(StatusMessage.model_validate(response.result).status)

    # -- incoming --------------------------------------------------------------------------

    @staticmethod
    def _json(payload: bytes) -> dict[str, Any] | None:
        try:
            message = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            return None
        return message if isinstance(message, dict) else None

    def _on_server(self, _topic: str, payload: bytes) -> None:
        message = self._json(payload) or {}
        if message.get("server") == "online":
            self.model.set_connection(ConnectionState.ONLINE)
        elif message.get("server") == "offline":
            self.model.set_connection(ConnectionState.OFFLINE, "Moonraker is offline (the broker holds its last will)")

    def _on_response(self, _topic: str, payload: bytes) -> None:
        message = self._json(payload)
        if message is None:
            log.warning("%s: unreadable RPC response ignored", self.config.name)
            return
        response = RpcResponse.model_validate(message)
        if response.id is not None:
            self._pending.resolve(str(response.id), response)

    def _on_status(self, _topic: str, payload: bytes) -> None:
        message = self._json(payload)
        if message is None:
            log.warning("%s: unreadable status ignored", self.config.name)
            return
        self.apply_status(StatusMessage.model_validate(message).status)

    def apply_status(self, status: dict[str, Any]) -> None:
        """Fold changed Klipper fields into the model (also used by the replay CLI)."""
        with self._status_lock:
            deep_merge(self._status, status)
            new = to_state(self._status, self.model.state)
        self.model.update(new)

    # -- controller ------------------------------------------------------------------------

    def _publish_rpc(self, request_id: int, method: str, params: dict[str, Any]) -> None:
        self._link.publish(self.request_topic, {"jsonrpc": "2.0", "method": method, "params": params,
                                                "id": request_id})

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None) -> Any:
        request_id = next(self._ids)
        key = str(request_id)
        future = self._pending.expect(key)
        try:
            self._publish_rpc(request_id, method, params or {})
        except Exception:
            self._pending.forget(key)
            raise
        response = self._pending.wait(key, future, timeout or self.command_timeout, f"{self.config.name}: {method}")
        if response.error is not None:
            raise CommandRejectedError(f"{self.config.name} refused {method}: {response.error.message} "
                                       f"(code {response.error.code}).")
        return response.result

    def pause(self) -> None:
        self.call("printer.print.pause")

    def resume(self) -> None:
        self.call("printer.print.resume")

    def stop(self) -> None:
        self.call("printer.print.cancel")

    def gcode(self, script: str) -> None:
        self.call("printer.gcode.script", {"script": script})

    def set_temperature(self, heater: str, target: float) -> None:
        if heater not in HEATERS:
            raise CapabilityError(f"Unknown heater '{heater}'; use one of {', '.join(HEATERS)}.")
        name, limit = HEATERS[heater]
        if not 0 <= target <= limit:
            raise CapabilityError(f"The {heater} target must be between 0 and {limit:.0f} °C.")
        self.gcode(f"SET_HEATER_TEMPERATURE HEATER={name} TARGET={target:g}")

    def set_speed(self, level: int) -> None:
        """The same four levels as a Bambu printer, as Klipper's feed-rate override (M220 S<percent>)."""
        if level not in SPEED_PERCENT:
            raise CapabilityError("Speed level must be 1 (silent), 2 (standard), 3 (sport) or 4 (ludicrous).")
        self.gcode(f"M220 S{SPEED_PERCENT[level]}")

    def set_fan(self, fan: str, percent: float) -> None:
        if fan != "part" or not 0 <= percent <= 100:
            raise CapabilityError("Klipper printers expose the part fan only, 0..100 %.")
        self.gcode(f"M106 S{round(percent * 255 / 100)}")

    def start_print(self, path: Path, options: PrintOptions = PrintOptions(), task: Task = NULL_TASK) -> None:
        if path.suffix.lower() != ".gcode":
            raise CapabilityError(f"{path.name}: Klipper prints .gcode files; slice the model first.")
        base = f"http://{self.config.host}:{self.config.http_port}"
        stored = upload(base, path, task)
        task.progress(1.0, Phrase("Starting the print"))
        self.call("printer.print.start", {"filename": stored})
