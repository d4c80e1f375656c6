"""Klipper/Moonraker driver: Moonraker's own websocket API by default (what every Klipper front end uses; it works
on any install), or its MQTT bridge when the user gave the `[mqtt]` instance name. Both feed the same merged Klipper
status; commands are the same JSON-RPC calls either way, and uploads go over HTTP with the API key when one is set.
"""

from __future__ import annotations

import threading
from importlib.metadata import version
from pathlib import Path
from typing import Any

from core.tasks import NULL_TASK, Phrase, Task
from printers.base import Capability, ConnectionState, PrinterConfig, PrintOptions
from printers.drivers.moonraker.mapping import SPEED_PERCENT, to_state
from printers.drivers.moonraker.mqtt_bridge import MqttRpc
from printers.drivers.moonraker.rpc import MoonrakerTransport
from printers.drivers.moonraker.upload import upload
from printers.drivers.moonraker.websocket import WebsocketRpc
from printers.errors import CapabilityError, PrinterConfigError
from printers.mqtt import MqttSettings
from printers.state import PrinterModel, deep_merge

HEATERS = {"nozzle": ("extruder", 300.0), "bed": ("heater_bed", 130.0)}
IDENTITY = {"client_name": "3D Pot Studio", "version": version("potstudio"), "type": "desktop",
            "url": "https://3dpot.app"}


class MoonrakerDriver:
    kind = "moonraker"
    capabilities = frozenset({Capability.PAUSE, Capability.RESUME, Capability.STOP, Capability.TEMPERATURE,
                              Capability.FANS, Capability.PRINT, Capability.SPEED})

    def __init__(self, config: PrinterConfig, secret: str | None = None, *, command_timeout: float = 10.0,
                 backoff_initial: float = 0.5, poll_interval: float = 2.0) -> None:
        """`secret` is the API key on the websocket (optional: trusted clients need none) and the broker password
        over MQTT."""
        if not config.host.strip():
            raise PrinterConfigError(f"{config.name}: a Klipper printer needs the address of its Moonraker "
                                     "(or of its MQTT broker).")
        self.config = config
        self.model = PrinterModel(config.name)
        self.command_timeout = command_timeout
        self._status: dict[str, Any] = {}
        self._status_lock = threading.Lock()
        self.api_key = None if config.instance else secret
        self.transport: MoonrakerTransport
        if config.instance:
            settings = MqttSettings(host=config.host, port=config.port or 1883, client_id="",
                                    username=config.username or None, password=secret,
                                    backoff_initial=backoff_initial)
            self.transport = MqttRpc(settings, config.instance, config.name, self.apply_status, self._on_connection,
                                     poll_interval=poll_interval)
        else:
            identity = {**IDENTITY, **({"api_key": secret} if secret else {})}
            self.transport = WebsocketRpc(f"ws://{config.host}:{config.http_port}/websocket", config.name, identity,
                                          self.apply_status, self._on_connection, backoff_initial=backoff_initial)

    def connect(self) -> None:
        self.transport.start()

    def disconnect(self) -> None:
        self.transport.stop()

    def wait_online(self, timeout: float = 10.0) -> bool:
        return self.transport.wait_online(timeout)

    def _on_connection(self, state: ConnectionState, detail: str) -> None:
        self.model.set_connection(state, detail)

    def apply_status(self, status: dict[str, Any]) -> None:
        """Fold changed Klipper fields into the model (also used by the replay CLI)."""
        with self._status_lock:
            deep_merge(self._status, status)
            new = to_state(self._status, self.model.state)
        self.model.update(new)

    # -- controller ------------------------------------------------------------------------

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None) -> Any:
        return self.transport.call(method, params, timeout or self.command_timeout)

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
        # over MQTT, config.host is the broker, often another machine than the printer (saved by the add dialog)
        host = self.config.extra.get("moonraker_host") or self.config.host
        base = f"http://{host}:{self.config.http_port}"
        stored = upload(base, path, task, api_key=self.api_key)
        task.progress(1.0, Phrase("Starting the print"))
        self.call("printer.print.start", {"filename": stored})
