"""Feed a recorded MQTT log through a driver's state model, offline: what the state would have been.

One JSON message per line: either the payload itself, or `{"topic": ..., "payload": {...}}` as capture tools
write it. Lines that are not JSON objects are reported back and skipped, never fatal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from printers.base import PrinterConfig
from printers.drivers.bambu.driver import BambuDriver
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.errors import PrinterConfigError
from printers.state import PrinterState


def _messages(path: Path) -> tuple[list[tuple[str, dict[str, Any]]], list[int]]:
    messages: list[tuple[str, dict[str, Any]]] = []
    skipped: list[int] = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise PrinterConfigError(f"Cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            skipped.append(number)
            continue
        if isinstance(value, dict) and isinstance(value.get("payload"), dict):
            messages.append((str(value.get("topic", "")), value["payload"]))
        elif isinstance(value, dict):
            messages.append(("", value))
        else:
            skipped.append(number)
    return messages, skipped


def replay(kind: str, path: Path, model: str = "") -> tuple[PrinterState, list[int]]:
    """The state after the last message. `model` names the printer when the log holds no get_version reply:
    Bambu's texts and sensors differ by model (an H2D's "right nozzle", a P1S without a chamber sensor)."""
    messages, skipped = _messages(path)
    if kind == "bambu":
        bambu = BambuDriver(PrinterConfig(name="replay", kind="bambu", serial="replay", model=model), "")
        for _topic, message in messages:
            bambu.apply_report(message)
        return bambu.model.state, skipped
    if kind == "moonraker":
        klipper = MoonrakerDriver(PrinterConfig(name="replay", kind="moonraker", instance="replay"))
        for topic, message in messages:
            if topic.endswith("/klipper/status") or (not topic and isinstance(message.get("status"), dict)):
                status = message.get("status")
                if isinstance(status, dict):
                    klipper.apply_status(status)
        return klipper.model.state, skipped
    raise PrinterConfigError(f"Replay knows bambu and moonraker logs, not '{kind}'.")
