"""Bambu HMS (health management) codes → words a user understands.

A report carries `hms: [{attr, code}]`; the 16 hex digits attr+code identify the event and are shown as
HMS_AAAA_AAAA_CCCC_CCCC (the form Bambu's wiki is indexed by). Codes not in the table still get a useful
sentence from the module (attr's first byte) and the severity (code's high half).
Each becomes a `Message` coded "hms.<16 hex digits>" or "hms.generic", so the desktop can translate it.
"""

from __future__ import annotations

from printers.messages import Message
from printers.state import HmsError

MQTT_VERIFY_FAILED = "0500050000010007"

_TABLE: dict[str, str] = {
    MQTT_VERIFY_FAILED: "MQTT command verification failed: the printer ignores control commands from this app "
                        "unless LAN-only Developer Mode is on.",
    "0300010000010001": "The heatbed temperature is abnormal; the heater may have a short circuit.",
    "0300010000010002": "The heatbed temperature is abnormal; the heater may have an open circuit.",
    "0300020000010001": "The nozzle temperature is abnormal; the heater may have a short circuit.",
    "0300020000010002": "The nozzle temperature is abnormal; the heater may have an open circuit.",
    "0300030000010001": "The hotend cooling fan is too slow or stopped.",
    "0300030000020002": "The hotend cooling fan is running slowly.",
    "0300040000020001": "The part cooling fan is too slow or stopped.",
    "0300120000020001": "The front cover of the toolhead fell off.",
    "0500030000010002": "The toolhead has a fault; check its cable.",
    "0500040000010044": "The AMS firmware does not match the printer; update the firmware.",
    "0700010000020002": "AMS A slot 1 filament may be tangled or stuck.",
    "0700200000020001": "AMS A slot 1 has run out of filament.",
    "0700200100020001": "AMS A slot 2 has run out of filament.",
    "0700200200020001": "AMS A slot 3 has run out of filament.",
    "0700200300020001": "AMS A slot 4 has run out of filament.",
    "0C00010000010001": "The Micro Lidar camera is offline.",
    "0C00030000020001": "First layer inspection found a problem; check the first layer.",
    "0C00030000020004": "Possible spaghetti failure detected; check the print.",
}

_MODULES = {
    "03": "Motion controller",
    "05": "Mainboard",
    "07": "AMS",
    "08": "Toolhead",
    "0C": "Camera/lidar",
    "12": "AMS lite",
}
_SEVERITY = {1: "fatal", 2: "serious", 3: "common", 4: "info"}


def hms_code(attr: int, code: int) -> str:
    """The 16 hex digits, upper case, that identify an HMS event."""
    return f"{attr & 0xFFFFFFFF:08X}{code & 0xFFFFFFFF:08X}"


def display_code(full: str) -> str:
    return "HMS_" + "_".join(full[i:i + 4] for i in range(0, 16, 4))


GENERIC = "{module} reported a {severity} event; look up {code} on the Bambu Lab wiki."


def describe(full: str) -> Message:
    if full in _TABLE:
        return Message(f"hms.{full}", _TABLE[full])
    module = _MODULES.get(full[:2], f"Module {full[:2]}")
    severity = _SEVERITY.get(int(full[8:12], 16), "unclassified")
    return Message("hms.generic", GENERIC, {"module": module, "severity": severity, "code": display_code(full)},
                   terms=("module", "severity"))


def templates() -> list[str]:
    """Every English HMS sentence and term, for translators (the desktop's catalogue test checks coverage)."""
    return [*_TABLE.values(), GENERIC, *_MODULES.values(), *_SEVERITY.values(), "unclassified"]


def decode(attr: int, code: int) -> HmsError:
    full = hms_code(attr, code)
    return HmsError(code=display_code(full), message=describe(full))
