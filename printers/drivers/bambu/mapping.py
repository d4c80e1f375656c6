"""Maps the deep-merged Bambu `print` object into the normalised PrinterState (wire → domain, one place)."""

from __future__ import annotations

import logging
from typing import Any

from core.tasks import Phrase
from printers.hms import decode
from printers.state import JobState, PrinterState, Tray
from printers.wire.bambu import WireAmsUnit, WireHms, WirePrint, WireTray

log = logging.getLogger(__name__)

USER_CANCEL_ERROR = 50348044
_GCODE_STATES = {
    "IDLE": JobState.IDLE,
    "INIT": JobState.IDLE,
    "SLICING": JobState.PREPARING,
    "PREPARE": JobState.PREPARING,
    "RUNNING": JobState.PRINTING,
    "PAUSE": JobState.PAUSED,
    "FINISH": JobState.FINISHED,
    "FAILED": JobState.FAILED,
}
_STAGES = {
    0: "printing", 1: "auto bed levelling", 2: "heatbed preheating", 4: "changing filament",
    7: "heating hotend", 8: "calibrating extrusion", 13: "homing toolhead", 14: "cleaning nozzle tip",
}
SPEED_NAMES = {1: "silent", 2: "standard", 3: "sport", 4: "ludicrous"}


def _fan_percent(value: int | None) -> int | None:
    """Bambu reports fans as 0..15 steps; users think in percent."""
    return None if value is None else round(max(0, min(15, value)) * 100 / 15)


def _trays(ams: dict[str, Any], external: dict[str, Any]) -> tuple[Tray, ...]:
    found: list[Tray] = []
    tray_now = str(ams.get("tray_now", "255"))
    units = ams.get("ams")
    for unit_raw in units if isinstance(units, list) else []:
        unit = WireAmsUnit.model_validate(unit_raw) if isinstance(unit_raw, dict) else None
        if unit is None or unit.id is None:
            continue
        for tray_raw in unit.tray:
            tray = WireTray.model_validate(tray_raw) if isinstance(tray_raw, dict) else None
            if tray is None or tray.id is None:
                continue
            found.append(Tray(unit=unit.id, slot=tray.id, material=tray.tray_type or "",
                              color=(tray.tray_color or "")[:8], remain=tray.remain,
                              active=tray_now == str(unit.id * 4 + tray.id)))
    if external:
        ext = WireTray.model_validate(external)
        found.append(Tray(unit=-1, slot=0, material=ext.tray_type or "", color=(ext.tray_color or "")[:8],
                          remain=ext.remain, active=tray_now == "254"))
    return tuple(found)


def to_state(raw: dict[str, Any], previous: PrinterState) -> PrinterState:
    """Derive the state from everything known so far; unknown or garbled fields stay None."""
    p = WirePrint.model_validate(raw)
    state = _GCODE_STATES.get((p.gcode_state or "").upper(), JobState.UNKNOWN)
    if state == JobState.FAILED and p.print_error == USER_CANCEL_ERROR:
        state = JobState.CANCELLED
    hms = []
    for item in p.hms:
        if isinstance(item, dict):
            entry = WireHms.model_validate(item)
            if entry.attr is not None and entry.code is not None:
                hms.append(decode(entry.attr, entry.code))
    lights = {str(i.get("node")): i.get("mode") == "on" for i in p.lights_report if isinstance(i, dict)}
    fans = {name: pct for name, pct in (
        ("part", _fan_percent(p.cooling_fan_speed)), ("aux", _fan_percent(p.big_fan1_speed)),
        ("chamber", _fan_percent(p.big_fan2_speed)), ("heatbreak", _fan_percent(p.heatbreak_fan_speed)),
    ) if pct is not None}
    error = ""
    if state == JobState.FAILED and p.print_error:
        code = f"{p.print_error:08X}"
        error = Phrase("The printer stopped the print with error {0}.", f"{code[:4]}-{code[4:]}")
    return PrinterState(
        state=state,
        job_name=p.subtask_name or p.gcode_file or "",
        progress=p.mc_percent,
        remaining_min=p.mc_remaining_time,
        layer=p.layer_num,
        total_layers=p.total_layer_num,
        stage=_STAGES.get(p.stg_cur, "") if p.stg_cur is not None else "",
        nozzle=p.nozzle_temper,
        nozzle_target=p.nozzle_target_temper,
        bed=p.bed_temper,
        bed_target=p.bed_target_temper,
        chamber=p.chamber_temper,
        fans=fans,
        speed_level=p.spd_lvl,
        lights=lights,
        hms=tuple(hms),
        error=error,
        trays=_trays(p.ams, p.vt_tray),
        wifi_signal=p.wifi_signal or "",
        firmware=previous.firmware,
        filament=previous.filament,
    )
