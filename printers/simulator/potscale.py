"""A virtual 3D Pot filament scale: a spool that loses weight while its printer prints, reported as the ESP32
firmware does: every `interval` (30 s on the device; injectable so tests need not wait) it publishes a reading
only if the weight moved by more than 0.5 g since the last one, with the battery in volts and `millis()` since
boot as the timestamp."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass

from printers.errors import PrinterOfflineError
from printers.mqtt import MqttLink, MqttSettings

log = logging.getLogger(__name__)


@dataclass
class ScaleOptions:
    spool_g: float = 1000.0
    holder_g: float = 250.0
    grams_per_second: float = 0.05
    interval: float = 30.0  # the firmware's publish check
    speed: float = 1.0
    battery: float = 3.92  # volts of its Li-ion cell
    threshold_g: float = 0.5  # a reading is published only when the weight moved more than this


class ScaleSimulator:
    def __init__(self, options: ScaleOptions, broker: MqttSettings) -> None:
        self.options = options
        self.link = MqttLink(broker, name="sim-scale")
        self.link.route("3dpot/filament/command", self._on_command)
        self.raw_g = options.spool_g + options.holder_g
        self.offset_g = 0.0
        self.session_start_g = self.raw_g
        self.consuming = True
        self.commands: list[str] = []
        self.published: list[dict[str, float]] = []
        self.checks = 0
        self._booted = time.monotonic()
        self._last_weight: float | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def start(self) -> ScaleSimulator:
        self.link.start()
        threading.Thread(target=self._run, name="sim-scale", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.link.stop()

    def _publish(self, topic: str, body: dict[str, float]) -> bool:
        try:
            self.link.publish(topic, body, qos=0)
        except PrinterOfflineError:
            log.debug("scale simulator: broker unreachable, reading dropped")
            return False
        return True

    def reading(self) -> dict[str, float]:
        with self._lock:
            return {"weight": round(self.raw_g - self.offset_g, 1),
                    "consumed": round(self.session_start_g - self.raw_g, 1),
                    "battery": self.options.battery, "timestamp": int((time.monotonic() - self._booted) * 1000)}

    def _send_reading(self) -> None:
        reading = self.reading()
        if self._publish("3dpot/filament", reading):
            self._last_weight = reading["weight"]
            self.published.append(reading)

    def _on_command(self, _topic: str, payload: bytes) -> None:
        try:
            command = json.loads(payload).get("command")
        except (ValueError, AttributeError):
            return
        self.commands.append(str(command))
        with self._lock:
            if command == "tare":
                self.offset_g = self.raw_g
            elif command == "reset_session":
                self.session_start_g = self.raw_g
        if command == "get_config":
            self._publish("3dpot/filament/config", {"scale": 1.0, "offset": self.offset_g, "consumption": 1.0})
        self._send_reading()

    def _run(self) -> None:
        while not self._stop.wait(self.options.interval):
            with self._lock:
                if self.consuming:
                    used = self.options.grams_per_second * self.options.interval * self.options.speed
                    self.raw_g = max(self.options.holder_g, self.raw_g - used)
                weight = round(self.raw_g - self.offset_g, 1)
                self.checks += 1
            if self._last_weight is None or abs(weight - self._last_weight) > self.options.threshold_g:
                self._send_reading()
