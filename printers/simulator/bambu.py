"""A virtual Bambu Lab printer on MQTT: X1 style (full `print` object each push) or P1 style (changed keys only,
`msg: 1`), command replies with `result`, a print that heats, advances layers and obeys pause/resume/stop,
and faults a tester can switch on (Developer-Mode refusal, HMS errors, malformed JSON). The report's layout
follows the chosen model (bambu_models: older firmware, or newer packed `device` fields, two nozzles, AMS HT).
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from printers.errors import PrinterOfflineError
from printers.hms import MQTT_VERIFY_FAILED
from printers.mqtt import MqttLink, MqttSettings
from printers.simulator.bambu_models import EXTERNAL, HT_UNIT, initial_print, render, shape_of
from printers.simulator.delta import changed as _changed
from printers.simulator.gcode import apply_temperatures, count_layers

log = logging.getLogger(__name__)

USER_CANCEL = 50348044
_READ_ONLY = {"get_version", "pushall", "start"}


@dataclass
class SimOptions:
    serial: str = "01S00A000000001"
    style: str = "X1"  # a bambu_models.MODELS name (H2D, P2S...), or "X1" (full reports) / "P1" (deltas)
    report_interval: float = 1.0  # real seconds between pushes
    speed: float = 1.0  # simulated seconds per real second
    layer_seconds: float = 20.0
    heat_seconds: float = 30.0
    ftps_root: Path | None = None
    ams_trays: list[tuple[str, str, int]] = field(default_factory=lambda: [
        ("PLA", "FFFFFFFF", 80), ("PETG", "FF0000FF", 55), ("", "", 0), ("PLA", "00AE42FF", 100)])
    ams_ht_tray: tuple[str, str, int] = ("ABS", "2850E0FF", 90)  # its one tray, on models with an AMS HT


class BambuSimulator:
    """Runs on its own tick thread; requests are handled on the MQTT link thread, under one lock."""

    def __init__(self, options: SimOptions, broker: MqttSettings) -> None:
        self.options = options
        self.developer_mode_required = False
        self.silent = False  # fault: MQTT stays up but the firmware stops pushing (a hung printer)
        self.received: list[tuple[str, str]] = []  # (sequence_id, command) in arrival order
        self.shape = shape_of(options.style)
        self._ht = options.ams_ht_tray if self.shape.ams_ht else None
        self._print = initial_print(self.shape, options.ams_trays, self._ht)
        self._sent: dict[str, Any] = {}
        self._seq = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._heat_left = 0.0
        self._layer_left = 0.0
        self._hang = False
        self.report_topic = f"device/{options.serial}/report"
        self.link = MqttLink(broker, name=f"sim-{options.serial}")
        self.link.route(f"device/{options.serial}/request", self._on_request)

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> BambuSimulator:
        self.link.start()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"sim-{self.options.serial}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self.link.stop()

    @property
    def print_state(self) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._print)

    # -- faults ----------------------------------------------------------------------------

    def raise_hms(self, attr: int, code: int) -> None:
        with self._lock:
            self._print["hms"] = [*self._print["hms"], {"attr": attr, "code": code}]

    def clear_hms(self) -> None:
        with self._lock:
            self._print["hms"] = []

    def send_malformed(self, payload: bytes = b'{"print": {"gcode_state": "RUNN') -> None:
        self.link.publish(self.report_topic, payload)

    # -- reports ---------------------------------------------------------------------------

    def _publish_report(self, full: bool) -> None:
        if self.silent:
            return
        with self._lock:
            body = render(self.shape, self._print)
            partial = self.shape.delta and not full
            delta = _changed(self._sent, body) if partial else body
            if not delta:
                return
            self._seq += 1
            payload = {"print": {**delta, "command": "push_status", "msg": 1 if partial else 0,
                                 "sequence_id": str(self._seq)}}
        try:
            self.link.publish(self.report_topic, payload, qos=0)
        except PrinterOfflineError:
            return  # nothing left the device: the next push (or a pushall) carries the changes
        with self._lock:
            self._sent = body

    def _reply(self, section: str, body: dict[str, Any], result: str = "success", **extra: Any) -> None:
        reply = {"command": body.get("command"), "sequence_id": str(body.get("sequence_id", "0")),
                 "result": result, **extra}
        if section == "print":
            reply["param"] = body.get("param", "")
        try:
            self.link.publish(self.report_topic, {section: reply})
        except PrinterOfflineError:
            log.info("simulator could not reply to %s: broker gone", body.get("command"))

    def _modules(self) -> list[dict[str, Any]]:
        """get_version's modules: the printer (its model's product name and firmware), its AMS units."""
        sn, shape = self.options.serial, self.shape
        modules = [{"name": "ota", "product_name": shape.product, "sw_ver": shape.firmware, "hw_ver": "OTA",
                    "sn": sn, "visible": True},
                   {"name": "mc", "product_name": "", "sw_ver": "00.00.30.00", "hw_ver": "MC07", "sn": sn + "MC",
                    "visible": False},
                   {"name": "ams/0", "product_name": "AMS (1)", "sw_ver": "00.01.06.62", "hw_ver": "AMS08",
                    "sn": sn + "A0", "visible": True}]
        if self._ht is not None:
            modules.append({"name": f"n3s/{HT_UNIT}", "product_name": "AMS HT (1)", "sw_ver": "02.00.19.67",
                            "hw_ver": "N3S05", "sn": sn + "HT", "visible": True})
        return modules

    def _on_request(self, _topic: str, payload: bytes) -> None:
        try:
            message = json.loads(payload)
        except ValueError:
            return  # the firmware ignores garbage silently, so do we
        for section, body in message.items() if isinstance(message, dict) else ():
            if isinstance(body, dict):
                self._handle(section, body)

    def _handle(self, section: str, body: dict[str, Any]) -> None:
        command = str(body.get("command", ""))
        with self._lock:
            self.received.append((str(body.get("sequence_id", "")), command))
        if command not in _READ_ONLY and self.developer_mode_required:
            self.raise_hms(int(MQTT_VERIFY_FAILED[:8], 16), int(MQTT_VERIFY_FAILED[8:], 16))
            self._reply(section, body, "failed", reason="mqtt message verify failed", err_code=84033543)
            return
        if command == "get_version":
            self._reply("info", body, module=self._modules())
        elif command in ("pushall", "start"):
            self._publish_report(full=True)
        elif command == "ledctrl" or (section == "system" and not command and "led_mode" in body):
            # The firmware also takes a bare {"system": {"led_mode": "on"}} (third-party clients send it): the
            # chamber light, as ledctrl's default node.
            with self._lock:
                node, mode = body.get("led_node", "chamber_light"), body.get("led_mode")
                self._print["lights_report"] = [
                    {"node": n["node"], "mode": mode if n["node"] == node else n["mode"]}
                    for n in self._print["lights_report"]]
            self._reply(section, body)
        elif section == "print":
            error = self._print_command(command, body)
            if error:
                self._reply(section, body, "failed", reason=error)
            else:
                self._reply(section, body)
        else:
            self._reply(section, body, "failed", reason=f"unsupported command {command}")

    def _print_command(self, command: str, body: dict[str, Any]) -> str:
        param = str(body.get("param", ""))
        with self._lock:
            p = self._print
            state = p["gcode_state"]
            if command == "pause":
                if state not in ("RUNNING", "PREPARE"):
                    return "not printing"
                p["gcode_state"] = "PAUSE"
            elif command == "resume":
                if state != "PAUSE":
                    return "not paused"
                p["gcode_state"] = "RUNNING" if self._heat_left <= 0 else "PREPARE"
            elif command == "stop":
                if state not in ("RUNNING", "PREPARE", "PAUSE"):
                    return "not printing"
                p.update(gcode_state="FAILED", print_error=USER_CANCEL, nozzle_target_temper=0.0,
                         bed_target_temper=0.0, stg_cur=-1, mc_print_stage="1")
            elif command == "print_speed":
                if param not in ("1", "2", "3", "4"):
                    return "bad speed level"
                p["spd_lvl"] = int(param)
                p["spd_mag"] = {"1": 50, "2": 100, "3": 124, "4": 166}[param]
            elif command == "gcode_line":
                return self._gcode(param)
            elif command == "project_file":
                return self._start_project(body)
            else:
                return f"unsupported command {command}"
        return ""

    def _gcode(self, script: str) -> str:
        values: dict[str, float] = {}
        for line in script.splitlines():
            if not apply_temperatures(line, values):
                return f"bad gcode: {line}"
        p = self._print
        if "nozzle_target" in values:
            p["nozzle_target_temper"] = values["nozzle_target"]
        if "bed_target" in values:
            p["bed_target_temper"] = values["bed_target"]
        for index, key in (("1", "cooling_fan_speed"), ("2", "big_fan1_speed"), ("3", "big_fan2_speed")):
            if f"fan{index}" in values:
                p[key] = str(round(values[f"fan{index}"] * 15 / 255))
        return ""

    def _start_project(self, body: dict[str, Any]) -> str:
        if self._print["gcode_state"] in ("RUNNING", "PREPARE", "PAUSE"):
            return "printer busy"
        root = self.options.ftps_root
        name = str(body.get("url", "")).removeprefix("ftp://").lstrip("/") or str(body.get("file", ""))
        path = (root / name).resolve() if root is not None else None
        if root is None or path is None or not path.is_relative_to(root.resolve()) or not path.is_file():
            return f"file not found: {name}"
        try:
            with zipfile.ZipFile(path) as zf:
                gcode = zf.read(str(body.get("param", ""))).decode(errors="replace")
        except (KeyError, zipfile.BadZipFile):
            return "plate gcode not found in project"
        layers = count_layers(gcode)
        use_ams = bool(body.get("use_ams", True))
        mapping = (body.get("ams_mapping") or []) if use_ams else []
        loaded = {i for i, (kind, _c, _r) in enumerate(self.options.ams_trays) if kind}
        if self._ht is not None and self._ht[0]:
            loaded.add(HT_UNIT)  # the AMS HT's one tray is mapped by its unit id
        # Real firmware does not reject a bad mapping: it sits in "preparing AMS" forever.
        self._hang = any(m not in loaded for m in mapping)
        self._heat_left = self.options.heat_seconds
        self._layer_left = self.options.layer_seconds
        self._print.update(gcode_state="PREPARE", mc_percent=0, layer_num=0, total_layer_num=layers, stg_cur=2,
                           subtask_name=str(body.get("subtask_name", "")), gcode_file=name, print_error=0,
                           mc_print_stage="2", gcode_file_prepare_percent="100",
                           nozzle_target_temper=220.0, bed_target_temper=55.0, print_type="local",
                           mc_remaining_time=round(layers * self.options.layer_seconds / 60))
        if not use_ams:
            self._print["ams"]["tray_now"] = str(EXTERNAL)
        elif mapping and mapping[0] in loaded:
            self._print["ams"]["tray_now"] = str(mapping[0])
        return ""

    # -- physics ---------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.wait(self.options.report_interval):
            with self._lock:
                self._advance(self.options.report_interval * self.options.speed)
            self._publish_report(full=False)

    def _advance(self, dt: float) -> None:
        p = self._print
        blend = min(1.0, dt / 20.0)
        for temp, target in (("nozzle_temper", "nozzle_target_temper"), ("bed_temper", "bed_target_temper")):
            goal = p[target] or 25.0
            p[temp] = round(p[temp] + (goal - p[temp]) * blend, 1)
        state = p["gcode_state"]
        if state == "PREPARE" and not self._hang:
            self._heat_left -= dt
            p["stg_cur"] = 2 if self._heat_left > self.options.heat_seconds / 2 else 7
            if self._heat_left <= 0:
                p.update(gcode_state="RUNNING", stg_cur=0, layer_num=1, cooling_fan_speed="15")
                p["nozzle_temper"], p["bed_temper"] = p["nozzle_target_temper"], p["bed_target_temper"]
        elif state == "RUNNING":
            self._layer_left -= dt
            while self._layer_left <= 0 and p["layer_num"] < p["total_layer_num"]:
                p["layer_num"] += 1
                self._layer_left += self.options.layer_seconds
            total = p["total_layer_num"]
            p["mc_percent"] = min(100, round(100 * (p["layer_num"] - 1) / total)) if total else 0
            p["mc_remaining_time"] = round((total - p["layer_num"]) * self.options.layer_seconds / 60)
            if p["layer_num"] >= total and self._layer_left <= 0:
                p.update(gcode_state="FINISH", mc_percent=100, mc_remaining_time=0, stg_cur=-1, mc_print_stage="1",
                         nozzle_target_temper=0.0, bed_target_temper=0.0, cooling_fan_speed="0")
                p["ams"]["tray_now"] = "255"
