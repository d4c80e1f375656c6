"""Bambu Lab LAN driver: connection (MqttLink), state model (deep-merged reports) and controller.

Commands carry a fresh `sequence_id` and wait for the printer's reply with the same id, so a refusal
(Developer Mode) or a failure reaches the user instead of silence.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from core.tasks import NULL_TASK, Phrase, Task
from printers import ftps
from printers.base import Capability, ConnectionState, PrinterConfig, PrintOptions
from printers.drivers.bambu.mapping import to_state
from printers.drivers.bambu.project import inspect_project, validate_ams_mapping
from printers.drivers.linked import LinkedDriver
from printers.errors import (
    CapabilityError,
    CommandRejectedError,
    DeveloperModeError,
    PrinterConfigError,
    PrinterOfflineError,
)
from printers.hms import MQTT_VERIFY_FAILED, display_code
from printers.mqtt import MqttLink, MqttSettings, TlsSettings, make_ssl_context
from printers.replies import PendingReplies
from printers.state import Notice, PrinterModel, deep_merge
from printers.wire.bambu import WireModule, WireReply

log = logging.getLogger(__name__)

FANS = {"part": 1, "aux": 2, "chamber": 3}
HEATERS = {"nozzle": ("M104", 300.0), "bed": ("M140", 120.0)}
_VERIFY_HINTS = ("verify", "verification", "signature")


class BambuDriver(LinkedDriver):
    kind = "bambu"
    capabilities = frozenset({Capability.PAUSE, Capability.RESUME, Capability.STOP, Capability.SPEED,
                              Capability.LIGHT, Capability.TEMPERATURE, Capability.FANS, Capability.PRINT,
                              Capability.AMS})

    def __init__(self, config: PrinterConfig, access_code: str | None, *, command_timeout: float = 5.0,
                 watchdog_s: float = 60.0, resync_s: float = 10.0, backoff_initial: float = 0.5) -> None:
        if not config.serial:
            raise PrinterConfigError(f"{config.name}: a Bambu printer needs its serial number.")
        if access_code is None:
            raise PrinterConfigError(f"{config.name}: no access code is stored in the keyring; add the printer "
                                     "again with the code shown on its screen (Settings → LAN only).")
        self.config = config
        self.model = PrinterModel(config.name)
        self._model_name = config.model  # until the printer names itself (get_version)
        self.command_timeout = command_timeout
        self.watchdog_s = watchdog_s
        self.resync_s = resync_s
        self._synced = False
        self._heard_unsynced = False
        self._last_pushall = 0.0
        self._access_code = access_code
        self._raw: dict[str, Any] = {}
        self._raw_lock = threading.Lock()
        self._pending: PendingReplies[WireReply] = PendingReplies()
        # Start ids from the clock so a late reply to a previous session's command can never match a new one.
        self._seq = itertools.count(int(time.time()) % 100000 * 10)
        self._last_report = time.monotonic()
        self._report_topic = f"device/{config.serial}/report"
        self.request_topic = f"device/{config.serial}/request"
        # The certificate names the serial, not the IP we dial; by default it must be signed by Bambu Lab's CAs.
        self._tls = TlsSettings(mode=config.tls_mode, ca_file=config.ca_file, server_name=config.serial)
        make_ssl_context(self._tls)  # an unreadable CA bundle is a settings error now, not a silent retry loop
        settings = MqttSettings(host=config.host, port=config.port or 8883,
                                client_id=f"potstudio-{uuid.uuid4().hex[:12]}", username="bblp",
                                password=access_code, tls=self._tls, backoff_initial=backoff_initial)
        self._link = MqttLink(settings, name=config.name)
        self._link.route(self._report_topic, self._on_report)
        self._link.connected.connect(self._on_connected)
        self._link.state_changed.connect(self._on_link_state)
        self._link.every(1.0, self._watchdog)

    # -- connection ------------------------------------------------------------------------

    def _on_connected(self) -> None:
        self._last_report = time.monotonic()
        self.model.set_connection(ConnectionState.ONLINE)
        self._synced = False
        self._heard_unsynced = False
        self._link.publish(self.request_topic, {"info": {"sequence_id": "0", "command": "get_version"}})
        self._pushall()

    def _pushall(self) -> None:
        self._last_pushall = time.monotonic()
        self._link.publish(self.request_topic, {"pushing": {"sequence_id": "0", "command": "pushall"}})

    def _ask_again_once(self) -> None:
        """A delta before any full report after (re)connecting: the printer is publishing, but our pushall may
        have reached it before it listened (a printer whose broker came back before its firmware, or a link that
        reconnected first), and a delta lost in the outage never comes again: a speed changed just before the
        drop stayed stale until the next `resync_s`. Ask once more now."""
        self._heard_unsynced = True
        try:
            self._pushall()
        except PrinterOfflineError:
            log.info("%s: pushall after reconnecting not sent; the watchdog repeats it", self.config.name)

    def _watchdog(self) -> None:
        """A printer that went quiet is offline even if TCP still looks open; nudge it to push again.

        Until a full report arrived after (re)connecting, pushall is repeated every `resync_s`: after a reboot the
        printer's broker accepts us before its firmware listens, and P1 deltas alone never rebuild a whole state.
        """
        now = time.monotonic()
        if not self._synced and now - self._last_pushall >= self.resync_s:
            self._pushall()
        if now - self._last_report < self.watchdog_s:
            return
        if self.model.connection == ConnectionState.ONLINE:
            self.model.set_connection(ConnectionState.OFFLINE, f"no report for {self.watchdog_s:.0f} s")
        self._last_report = time.monotonic()
        self._link.publish(self.request_topic, {"pushing": {"sequence_id": "0", "command": "start"}})

    # -- reports ---------------------------------------------------------------------------

    def _on_report(self, _topic: str, payload: bytes) -> None:
        try:
            message = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            log.warning("%s: unreadable report ignored (%d bytes)", self.config.name, len(payload))
            return
        if not isinstance(message, dict):
            log.warning("%s: report is not an object; ignored", self.config.name)
            return
        self._last_report = time.monotonic()
        if self.model.connection == ConnectionState.OFFLINE:
            self.model.set_connection(ConnectionState.ONLINE)
        self.apply_report(message)

    def apply_report(self, message: dict[str, Any]) -> None:
        """Fold one report into the model (also used by the replay CLI on recorded logs)."""
        for section, body in message.items():
            if not isinstance(body, dict):
                continue
            reply = WireReply.model_validate(body)
            if reply.result is not None and reply.sequence_id:
                self._pending.resolve(reply.sequence_id, reply)
            if section == "print" and (reply.command in (None, "push_status") or "gcode_state" in body):
                self._synced = self._synced or body.get("msg") != 1
                if not self._synced and not self._heard_unsynced and self.model.connection == ConnectionState.ONLINE:
                    self._ask_again_once()
                with self._raw_lock:
                    deep_merge(self._raw, body)
                    new = to_state(self._raw, self.model.state, self._model_name)
                self.model.update(new)
            elif section == "info" and reply.command == "get_version":
                self._apply_version(body)

    def _apply_version(self, body: dict[str, Any]) -> None:
        modules = body.get("module")
        for item in modules if isinstance(modules, list) else []:
            module = WireModule.model_validate(item) if isinstance(item, dict) else None
            if module is not None and module.name == "ota" and module.sw_ver:
                self.model.patch(firmware=module.sw_ver)
            if module is not None and module.name == "ota" and (module.product_name or module.project_name):
                self._model_name = module.product_name or module.project_name or ""
                with self._raw_lock:  # model-specific texts and sensors follow the printer's own name
                    new = to_state(self._raw, self.model.state, self._model_name) if self._raw else None
                if new is not None:
                    self.model.update(new)

    # -- controller ------------------------------------------------------------------------

    def command(self, section: str, body: dict[str, Any], timeout: float | None = None) -> WireReply:
        """Publish one command and wait for the reply with its sequence_id; raise on refusal or silence."""
        seq = str(next(self._seq))
        future = self._pending.expect(seq)
        name = str(body.get("command", section))
        try:
            self._link.publish(self.request_topic, {section: {"sequence_id": seq, **body}})
        except Exception:
            self._pending.forget(seq)
            raise
        reply = self._pending.wait(seq, future, timeout or self.command_timeout, f"{self.config.name}: '{name}'")
        if (reply.result or "").lower() == "success":
            return reply
        reason = reply.reason or ""
        if any(h in reason.lower() for h in _VERIFY_HINTS) or self._has_hms(MQTT_VERIFY_FAILED):
            error = DeveloperModeError(name)
            self.model.notice.emit(Notice("refused", error.message))
            raise error
        raise CommandRejectedError(f"{self.config.name} refused '{name}': {reason or reply.result}.")

    def _has_hms(self, full_code: str) -> bool:
        return any(h.code == display_code(full_code) for h in self.model.state.hms)

    def pause(self) -> None:
        self.command("print", {"command": "pause", "param": ""})

    def resume(self) -> None:
        self.command("print", {"command": "resume", "param": ""})

    def stop(self) -> None:
        self.command("print", {"command": "stop", "param": ""})

    def set_speed(self, level: int) -> None:
        if level not in (1, 2, 3, 4):
            raise CapabilityError("Speed level must be 1 (silent), 2 (standard), 3 (sport) or 4 (ludicrous).")
        self.command("print", {"command": "print_speed", "param": str(level)})

    def gcode(self, line: str) -> None:
        self.command("print", {"command": "gcode_line", "param": line.rstrip("\n") + "\n"})

    def set_temperature(self, heater: str, target: float) -> None:
        if heater not in HEATERS:
            raise CapabilityError(f"Unknown heater '{heater}'; use one of {', '.join(HEATERS)}.")
        code, limit = HEATERS[heater]
        if not 0 <= target <= limit:
            raise CapabilityError(f"The {heater} target must be between 0 and {limit:.0f} °C.")
        self.gcode(f"{code} S{round(target)}")

    def set_fan(self, fan: str, percent: float) -> None:
        if fan not in FANS or not 0 <= percent <= 100:
            raise CapabilityError(f"Fan must be one of {', '.join(FANS)} and speed 0..100 %.")
        self.gcode(f"M106 P{FANS[fan]} S{round(percent * 255 / 100)}")

    def set_light(self, on: bool, node: str = "chamber_light") -> None:
        self.command("system", {"command": "ledctrl", "led_node": node, "led_mode": "on" if on else "off",
                                "led_on_time": 500, "led_off_time": 500, "loop_times": 0, "interval_time": 0})

    def start_print(self, path: Path, options: PrintOptions = PrintOptions(), task: Task = NULL_TASK) -> None:
        """Validate the sliced project, upload it over FTPS, then ask the printer to print plate N."""
        project = inspect_project(path, options.plate)
        if options.use_ams:
            validate_ams_mapping(options.ams_mapping, project.filament_count, self.model.state.trays)
        remote = path.name
        ftps.upload(self.config.host, self.config.ftps_port, "bblp", self._access_code, path, remote, self._tls, task)
        task.progress(1.0, Phrase("Starting the print"))
        name = remote.removesuffix(".gcode.3mf").removesuffix(".3mf")
        self.command("print", {
            "command": "project_file", "param": f"Metadata/plate_{options.plate}.gcode",
            "url": f"ftp:///{remote}", "file": remote, "md5": hashlib.md5(path.read_bytes()).hexdigest(),
            "subtask_name": name, "project_id": "0", "profile_id": "0", "task_id": "0", "subtask_id": "0",
            "bed_type": "auto", "timelapse": options.timelapse, "bed_leveling": options.bed_leveling,
            "flow_cali": True, "vibration_cali": True, "layer_inspect": True, "use_ams": options.use_ams,
            "ams_mapping": list(options.ams_mapping) if options.use_ams else [],
        }, timeout=max(self.command_timeout, 10.0))
