"""Maps the deep-merged Bambu `print` object into the normalised PrinterState (wire → domain, one place).

Where newer firmware says it better than the flat fields, it wins: the chamber from `device.ctc`, the
nozzle that is printing from `device.extruder` (an H2D's flat `nozzle_temper` can be its idle left nozzle),
the tray feeding it from that nozzle's `snow` (`tray_now` cannot name an AMS HT on an H2D).
"""

from __future__ import annotations

import logging
from typing import Any

from printers.drivers.bambu.stages import stage_name
from printers.hms import USER_CANCELLED, decode, decode_error, model_key
from printers.state import HmsError, JobState, Nozzle, PrinterState, Tray
from printers.wire.bambu import WireAmsUnit, WireExtruder, WireHms, WirePacked, WirePrint, WireTray

log = logging.getLogger(__name__)

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
NO_CHAMBER_SENSOR = {"P1P", "P1S", "A1", "A1MINI", "A2L"}
"""Models that report a placeholder `chamber_temper` (5 °C) for a sensor they do not have."""
_UNIT_MODELS = {1: "AMS", 3: "AMS 2 Pro", 4: "AMS HT", 5: "AMS lite"}
"""The AMS kind in the low digit of a unit's `info`, as the modules get_version lists them (ams, n3f, n3s,
ams_f1) in the public captures of tests/fixtures/printers/real."""
_ACTIVE = (JobState.PREPARING, JobState.PRINTING, JobState.PAUSED)
HT_FIRST = 128
MAIN_SPOOL, DEPUTY_SPOOL = 255, 254
NONE = 0xFF


def _fan_percent(value: int | None) -> int | None:
    """Bambu reports fans as 0..15 steps; its apps show them in 10 % steps (15 → 100 %, 10 → 70 %)."""
    return None if value is None else round(max(0, min(15, value)) / 1.5) * 10


def _unpack(value: int | None) -> tuple[float | None, float | None]:
    """(current, target) of a packed temperature; a target of 0 is "not heating", reported as None."""
    if value is None or value < 0:
        return None, None
    target = (value >> 16) & 0xFFFF
    return float(value & 0xFFFF), float(target) if target else None


def _unit_name(unit: int) -> str:
    return f"HT-{chr(65 + (unit - HT_FIRST) % 26)}" if unit >= HT_FIRST else chr(65 + unit % 16)


def _unit_model(unit: WireAmsUnit, model: str) -> str:
    if (unit.id or 0) >= HT_FIRST:
        return "AMS HT"
    kind = int(unit.info[-1], 16) if unit.info and unit.info[-1] in "0123456789abcdefABCDEF" else 0
    return _UNIT_MODELS.get(kind) or ("AMS lite" if model in ("A1", "A1MINI") else "AMS")


def _extruders(p: WirePrint) -> tuple[list[WireExtruder], int]:
    """The nozzles of `device.extruder` and the index of the one printing (bits 4-7 of its `state`)."""
    extruder = p.device.get("extruder")
    if not isinstance(extruder, dict):
        return [], 0
    info = extruder.get("info")
    found = [WireExtruder.model_validate(e) for e in info if isinstance(e, dict)] if isinstance(info, list) else []
    state = extruder.get("state")
    active = (state >> 4) & 0xF if isinstance(state, int) and not isinstance(state, bool) else 0
    return [e for e in found if e.id is not None], active


def _active_slot(p: WirePrint, extruders: list[WireExtruder], active: int) -> tuple[int, int] | None:
    """(unit, slot) of the tray feeding the printing nozzle; unit -1 is an external spool (slot 0 the main one,
    1 the second); None when nothing is loaded."""
    nozzle = next((e for e in extruders if e.id == active), None)
    if nozzle is not None and nozzle.snow is not None:
        unit, slot = nozzle.snow >> 8, nozzle.snow & 0xFF
        if slot == NONE:
            return None
        if unit in (MAIN_SPOOL, DEPUTY_SPOOL):
            return -1, MAIN_SPOOL - unit
        return unit, 0 if unit >= HT_FIRST else slot
    try:
        now = int(str(p.ams.get("tray_now", NONE)))
    except ValueError:
        return None
    if now == NONE:
        return None
    if now == DEPUTY_SPOOL:  # the legacy tray_now names the (only) external spool 254
        return -1, 0
    return (now, 0) if now >= HT_FIRST else (now >> 2, now & 3)


def _tagged(raw: dict[str, Any]) -> bool:
    """Whether a spool carries a Bambu RFID tag (a non-zero tag_uid or tray_uuid)."""
    return any(isinstance(v, str) and v.strip("0") for v in (raw.get("tag_uid"), raw.get("tray_uuid")))


def _remain(tray: WireTray, external: dict[str, Any] | None) -> int | None:
    """What is left in %, or None when unknown: AMS trays without a reading say -1, and an external spool
    without an RFID tag says 0, which is not "empty"."""
    if tray.remain is None or tray.remain < 0:
        return None
    return None if external is not None and tray.remain == 0 and not _tagged(external) else tray.remain


def _tray(wire: WireTray, unit: int, slot: int, name: str, unit_model: str, active: tuple[int, int] | None,
          external: dict[str, Any] | None = None) -> Tray:
    return Tray(unit=unit, slot=slot, material=wire.tray_type or "", color=(wire.tray_color or "")[:8],
                remain=_remain(wire, external), active=active == (unit, slot), name=name, unit_model=unit_model)


def _trays(p: WirePrint, active: tuple[int, int] | None, model: str) -> tuple[Tray, ...]:
    found: list[Tray] = []
    units = p.ams.get("ams")
    for unit_raw in units if isinstance(units, list) else []:
        unit = WireAmsUnit.model_validate(unit_raw) if isinstance(unit_raw, dict) else None
        if unit is None or unit.id is None:
            continue
        kind = _unit_model(unit, model)
        for tray_raw in unit.tray:
            tray = WireTray.model_validate(tray_raw) if isinstance(tray_raw, dict) else None
            if tray is None or tray.id is None:
                continue
            name = _unit_name(unit.id) + ("" if unit.id >= HT_FIRST else str(tray.id + 1))
            found.append(_tray(tray, unit.id, tray.id, name, kind, active))
    raws = [s for s in p.vir_slot if isinstance(s, dict)] or ([p.vt_tray] if p.vt_tray else [])
    spools = sorted(((WireTray.model_validate(r), r) for r in raws),
                    key=lambda pair: -(pair[0].id if pair[0].id is not None else MAIN_SPOOL))
    two = len(spools) > 1
    for spool, raw in spools:
        slot = 1 if two and spool.id == DEPUTY_SPOOL else 0
        name = ("Ext-L" if slot else "Ext-R") if two else "Ext"
        found.append(_tray(spool, -1, slot, name, "", active, raw))
    return tuple(found)


def _hms(p: WirePrint, model: str) -> tuple[HmsError, ...]:
    found = []
    for item in p.hms:
        if isinstance(item, dict):
            entry = WireHms.model_validate(item)
            if entry.attr is not None and entry.code is not None:
                found.append(decode(entry.attr, entry.code, model))
    return tuple(found)


def _chamber(p: WirePrint, model: str) -> tuple[float | None, float | None]:
    ctc = p.device.get("ctc")
    info = ctc.get("info") if isinstance(ctc, dict) else None
    if isinstance(info, dict):
        return _unpack(WirePacked.model_validate(info).temp)
    return (None, None) if model in NO_CHAMBER_SENSOR else (p.chamber_temper, None)


def to_state(raw: dict[str, Any], previous: PrinterState, model_name: str = "") -> PrinterState:
    """Derive the state from everything known so far; unknown or garbled fields stay None. The printer's model
    (as it names itself, or as the user chose it) picks model-specific texts and tells a real chamber reading
    from a placeholder."""
    p = WirePrint.model_validate(raw)
    model = model_key(model_name)
    state = _GCODE_STATES.get((p.gcode_state or "").upper(), JobState.UNKNOWN)
    if state == JobState.FAILED and (p.print_error in USER_CANCELLED or (
            not p.print_error and previous.state == JobState.CANCELLED)):  # the code is reset seconds later
        state = JobState.CANCELLED
    lights = {str(i.get("node")): i.get("mode") == "on" for i in p.lights_report if isinstance(i, dict)}
    fans = {name: pct for name, pct in (
        ("part", _fan_percent(p.cooling_fan_speed)), ("aux", _fan_percent(p.big_fan1_speed)),
        ("chamber", _fan_percent(p.big_fan2_speed)), ("heatbreak", _fan_percent(p.heatbreak_fan_speed)),
    ) if pct is not None}
    extruders, active = _extruders(p)
    nozzles = tuple(Nozzle(e.id or 0, *_unpack(e.temp), active=e.id == active) for e in extruders)
    nozzle, nozzle_target = p.nozzle_temper, p.nozzle_target_temper
    printing = next((n for n in nozzles if n.active), None)
    if len(nozzles) > 1 and printing is not None:
        nozzle, nozzle_target = printing.temp, printing.target
    chamber, chamber_target = _chamber(p, model)
    print_error = decode_error(p.print_error, model) if p.print_error else None
    return PrinterState(
        state=state,
        job_name=p.subtask_name or p.gcode_file or "",
        progress=p.mc_percent,
        remaining_min=p.mc_remaining_time,
        layer=p.layer_num,
        total_layers=p.total_layer_num,
        stage=stage_name(p.stg_cur) if state in _ACTIVE else "",  # idle printers report a stale stage
        nozzle=nozzle,
        nozzle_target=nozzle_target,
        bed=p.bed_temper,
        bed_target=p.bed_target_temper,
        chamber=chamber,
        chamber_target=chamber_target,
        nozzles=nozzles if len(nozzles) > 1 else (),
        fans=fans,
        speed_level=p.spd_lvl,
        lights=lights,
        hms=_hms(p, model),
        print_error=print_error,
        error=print_error.text if print_error is not None and state == JobState.FAILED else "",
        trays=_trays(p, _active_slot(p, extruders, active), model),
        wifi_signal=p.wifi_signal or "",
        firmware=previous.firmware,
        filament=previous.filament,
        model=model_name,
    )
