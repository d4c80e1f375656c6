"""Klipper status objects (merged, since Moonraker only publishes changed fields) → PrinterState."""

from __future__ import annotations

from typing import Any

from printers.state import JobState, PrinterState
from printers.wire.moonraker import Fan, GcodeMove, Heater, LayerInfo, PrintStats, Progress

# Bambu's four speed levels as Klipper feed-rate percentages (M220), the magnitudes Bambu printers report.
SPEED_PERCENT = {1: 50, 2: 100, 3: 124, 4: 166}

_STATES = {
    "standby": JobState.IDLE,
    "printing": JobState.PRINTING,
    "paused": JobState.PAUSED,
    "complete": JobState.FINISHED,
    "error": JobState.FAILED,
    "cancelled": JobState.CANCELLED,
}


def _obj(status: dict[str, Any], name: str) -> dict[str, Any]:
    value = status.get(name)
    return value if isinstance(value, dict) else {}


def to_state(status: dict[str, Any], previous: PrinterState) -> PrinterState:
    stats = PrintStats.model_validate(_obj(status, "print_stats"))
    extruder = Heater.model_validate(_obj(status, "extruder"))
    bed = Heater.model_validate(_obj(status, "heater_bed"))
    fraction = Progress.model_validate(_obj(status, "virtual_sdcard")).progress
    if fraction is None:
        fraction = Progress.model_validate(_obj(status, "display_status")).progress
    layers = LayerInfo.model_validate(stats.info)
    fan = Fan.model_validate(_obj(status, "fan")).speed
    factor = GcodeMove.model_validate(_obj(status, "gcode_move")).speed_factor
    remaining = None
    if fraction and stats.print_duration and 0 < fraction < 1:
        remaining = round(stats.print_duration * (1 - fraction) / fraction / 60)
    elif fraction is not None and fraction >= 1:
        remaining = 0
    state = _STATES.get((stats.state or "").lower(), JobState.UNKNOWN)
    return PrinterState(
        state=state,
        job_name=(stats.filename or "").removesuffix(".gcode"),
        progress=None if fraction is None else round(max(0.0, min(1.0, fraction)) * 100, 1),
        remaining_min=remaining,
        layer=layers.current_layer,
        total_layers=layers.total_layer,
        nozzle=extruder.temperature,
        nozzle_target=extruder.target,
        bed=bed.temperature,
        bed_target=bed.target,
        fans={} if fan is None else {"part": round(max(0.0, min(1.0, fan)) * 100)},
        speed_level=None if factor is None else speed_level(factor),
        error=(stats.message or "") if state == JobState.FAILED else "",
        firmware=previous.firmware,
        filament=previous.filament,
    )


def speed_level(factor: float) -> int:
    """The level nearest to Klipper's speed factor, so a factor set on the printer's own screen still shows."""
    return min(SPEED_PERCENT, key=lambda level: abs(SPEED_PERCENT[level] - factor * 100))
