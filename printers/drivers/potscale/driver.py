"""3D Pot filament scale driver. The scale has no job: its state is the `filament` part of PrinterState, and
the fleet copies it onto the printer the scale is assigned to. Other `3dpot/{type}/{id}/{metric}` topics are
kept as extra data to show, never treated as errors."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from pathlib import Path
from typing import Any

from core.tasks import NULL_TASK, Task
from printers.base import Capability, PrinterConfig, PrintOptions
from printers.drivers.linked import LinkedDriver
from printers.drivers.potscale.battery import estimated_percent, plausible_volts
from printers.errors import CapabilityError
from printers.mqtt import MqttLink, MqttSettings
from printers.replies import PendingReplies
from printers.state import FilamentScale, JobState, PrinterModel
from printers.wire.potscale import ScaleConfig, ScaleReading

log = logging.getLogger(__name__)
TOPIC = "3dpot/filament"


class PotScaleDriver(LinkedDriver):
    kind = "potscale"
    capabilities = frozenset({Capability.FILAMENT_WEIGHT, Capability.TARE})

    def __init__(self, config: PrinterConfig, password: str | None = None, *, command_timeout: float = 5.0,
                 backoff_initial: float = 0.5) -> None:
        self.config = config
        self.model = PrinterModel(config.name)
        self.model.patch(state=JobState.IDLE)
        self.command_timeout = command_timeout
        self._configs: PendingReplies[ScaleConfig] = PendingReplies()
        self._extra: dict[str, Any] = {}
        self._extra_lock = threading.Lock()
        settings = MqttSettings(host=config.host, port=config.port or 1883,
                                client_id=f"potstudio-{uuid.uuid4().hex[:12]}",
                                username=config.username or None, password=password, backoff_initial=backoff_initial)
        self._link = MqttLink(settings, name=config.name)
        self._link.route(TOPIC, self._on_reading)
        self._link.route(f"{TOPIC}/config", self._on_config)
        self._link.route("3dpot/+/+/+", self._on_metric)
        self._link.state_changed.connect(self.model.set_connection)

    @staticmethod
    def _decode(payload: bytes) -> dict[str, Any] | None:
        try:
            value = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def _on_reading(self, _topic: str, payload: bytes) -> None:
        message = self._decode(payload)
        if message is None:
            log.warning("%s: unreadable scale reading ignored", self.config.name)
            return
        self.apply_reading(message)

    def apply_reading(self, message: dict[str, Any]) -> None:
        reading = ScaleReading.model_validate(message)
        old = self.model.state.filament or FilamentScale()
        volts = plausible_volts(reading.battery)
        if reading.battery is not None and volts is None:
            log.warning("%s: battery reading %s is not a Li-ion cell voltage; shown as unknown", self.config.name,
                        reading.battery)
        battery = (old.battery_v, old.battery_pct) if reading.battery is None else (
            volts, None if volts is None else estimated_percent(volts))
        self.model.patch(filament=FilamentScale(
            weight_g=reading.weight if reading.weight is not None else old.weight_g,
            consumed_g=reading.consumed if reading.consumed is not None else old.consumed_g,
            battery_v=battery[0], battery_pct=battery[1]))

    def _on_config(self, _topic: str, payload: bytes) -> None:
        message = self._decode(payload)
        if message is not None:
            self._configs.resolve("config", ScaleConfig.model_validate(message))

    def _on_metric(self, topic: str, payload: bytes) -> None:
        if topic.endswith("/command"):
            return
        try:
            value: Any = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            value = payload.decode(errors="replace")
        with self._extra_lock:
            self._extra[topic.removeprefix("3dpot/")] = value
            extra = dict(self._extra)
        self.model.patch(extra=extra)

    # -- controller ------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        self._link.publish(f"{TOPIC}/command", {"command": command})

    def tare(self) -> None:
        """Zero the scale with the empty spool holder on it."""
        self._command("tare")

    def reset_session(self) -> None:
        self._command("reset_session")

    def get_config(self) -> ScaleConfig:
        future = self._configs.expect("config")
        try:
            self._command("get_config")
        except Exception:
            self._configs.forget("config")
            raise
        return self._configs.wait("config", future, self.command_timeout, f"{self.config.name}: get_config")

    def pause(self) -> None:
        raise CapabilityError("A filament scale has no print to pause.")

    def resume(self) -> None:
        raise CapabilityError("A filament scale has no print to resume.")

    def stop(self) -> None:
        raise CapabilityError("A filament scale has no print to stop.")

    def start_print(self, path: Path, options: PrintOptions = PrintOptions(), task: Task = NULL_TASK) -> None:
        raise CapabilityError("A filament scale cannot print; send the job to the printer it is assigned to.")
