"""What a simulated Bambu printer's reports look like, model by model, after public captures of real ones
(tests/fixtures/printers/real, SOURCES.md there; OpenBambuAPI's pushall example).

The simulator keeps one flat `print` object as its truth (nozzle, bed, chamber, trays) and `render()` lays it
out as the chosen model's firmware does:
- older firmware (X1C 01.08, P1, A1): flat `chamber_temper` and `nozzle_temper`, trays carrying `n`/`k`, the
  external spool in `vt_tray` (id 254);
- newer firmware (X1C 01.09, H2S, P2S, H2C, X2D, H2D): temperatures packed as (target << 16) | current in
  `device`: the chamber in `device.ctc.info.temp` (no `chamber_temper`), each nozzle in `device.extruder.info[]`
  with the tray it feeds in `snow` (unit << 8 | slot; 0xFF00 the main external spool) and the printing one in
  bits 4-7 of `device.extruder.state`; external spools in `vir_slot[]` (254 left, 255 right/main);
- H2D-like dual nozzles: nozzle 0 is the right one and prints; the flat `nozzle_temper` is the idle left one's;
- an AMS HT is unit 128 with one tray, present as bit 4 of `ams_exist_bits` and bit 16 of `tray_exist_bits`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

HT_UNIT = 128
EXTERNAL = 254  # `tray_now` of a print fed by the external spool
NO_TRAY = 255


@dataclass(frozen=True)
class Shape:
    product: str  # get_version's product_name
    firmware: str
    delta: bool  # between full reports, push only the changed keys (`msg: 1`)
    packed: bool  # newer firmware: chamber in device.ctc, nozzles in device.extruder, vir_slot
    nozzles: int = 1
    ams_info: str = ""  # the AMS unit's `info` (its kind in the low digit); "" on older firmware
    ams_ht: bool = False
    vt_tray: str = "254"  # id of `vt_tray`, "" when the model only reports vir_slot
    vir_slot: tuple[str, ...] = ()


MODELS: dict[str, Shape] = {
    "X1C": Shape("Bambu Lab X1-Carbon", "01.08.02.00", delta=False, packed=False),
    "P1S": Shape("Bambu Lab P1S", "01.08.02.00", delta=True, packed=False),
    "A1": Shape("Bambu Lab A1", "01.05.00.00", delta=True, packed=False),
    "X1C-newfw": Shape("Bambu Lab X1-Carbon", "01.09.00.01", delta=False, packed=True, ams_info="1001",
                       ams_ht=True, vt_tray="255", vir_slot=("255",)),
    "H2D": Shape("Bambu Lab H2D", "01.01.02.07", delta=True, packed=True, nozzles=2, ams_info="1101", ams_ht=True,
                 vt_tray="255", vir_slot=("254", "255")),
    "H2S": Shape("Bambu Lab H2S", "01.01.00.00", delta=True, packed=True, ams_info="1003", vt_tray="",
                 vir_slot=("255",)),
    "P2S": Shape("Bambu Lab P2S", "01.01.00.00", delta=True, packed=True, ams_info="1003", vt_tray="",
                 vir_slot=("255",)),
    "H2C": Shape("Bambu Lab H2C", "01.01.00.00", delta=True, packed=True, nozzles=2, ams_info="1023", vt_tray="",
                 vir_slot=("254", "255")),
    "X2D": Shape("Bambu Lab X2D", "01.01.00.00", delta=True, packed=True, nozzles=2, ams_info="11002103",
                 vt_tray="", vir_slot=("254", "255")),
}
ALIASES = {"X1": "X1C", "P1": "P1S"}  # the older `--style` names: full reports, or deltas


def shape_of(model: str) -> Shape:
    return MODELS[ALIASES.get(model, model)]


_FILAMENTS = {"PLA": ("GFA00", "220", "190", "55"), "PETG": ("GFG00", "270", "230", "70"),
              "ABS": ("GFB00", "280", "240", "90"), "TPU": ("GFU01", "240", "200", "35")}


def tray(tray_id: str, kind: str, color: str, remain: int, legacy: bool) -> dict[str, Any]:
    """A tray as the firmware reports it; an empty slot is just its id (and state 0 on newer firmware)."""
    if not kind:
        return {"id": tray_id} if legacy else {"id": tray_id, "state": 0}
    idx, hot, cold, bed = _FILAMENTS.get(kind, ("GFL99", "240", "190", "60"))
    found: dict[str, Any] = {
        "id": tray_id, "remain": remain, "tag_uid": "0000000000000000", "tray_id_name": "", "tray_info_idx": idx,
        "tray_type": kind, "tray_sub_brands": "", "tray_color": color, "tray_weight": "1000",
        "tray_diameter": "1.75", "bed_temp_type": "0", "bed_temp": bed,
        "nozzle_temp_max": hot, "nozzle_temp_min": cold, "xcam_info": "000000000000000000000000",
        "tray_uuid": "00000000000000000000000000000000", "cali_idx": -1, "ctype": 0, "cols": [color]}
    if legacy:
        found.update(k=0.02, n=1, tray_temp="0", tray_time="0")
    else:
        found.update(state=11, total_len=330000, drying_temp="0", drying_time="0")
    return found


def external(spool_id: str, legacy: bool) -> dict[str, Any]:
    """The external spool holder, empty and without RFID (remain 0 means unknown there)."""
    spool = tray(spool_id, "PLA", "161616FF", 0, legacy)
    spool.update(tray_info_idx="", nozzle_temp_max="0", nozzle_temp_min="0", tray_weight="0")
    for key in ("cols", "ctype") if legacy else ("state",):
        del spool[key]
    return spool


def ams(trays: list[tuple[str, str, int]], ht: tuple[str, str, int] | None, shape: Shape) -> dict[str, Any]:
    """The `ams` object: unit 0 (A) with its four trays, and an AMS HT (unit 128) when the model has one."""
    legacy = not shape.packed
    units: list[dict[str, Any]] = [{"id": "0", "humidity": "4", "temp": "25.0",
                                    "tray": [tray(str(i), *t, legacy=legacy) for i, t in enumerate(trays)]}]
    loaded = sum(1 << i for i, (kind, _c, _r) in enumerate(trays) if kind)
    exist = 1
    if ht is not None:
        units.append({"id": str(HT_UNIT), "humidity": "3", "temp": "30.0", "tray": [tray("0", *ht, legacy=legacy)]})
        exist |= 1 << 4
        loaded |= (1 << 16) if ht[0] else 0
    if shape.ams_info:
        units[0]["info"] = shape.ams_info
        if ht is not None:
            units[1]["info"] = "2004"
    bits = f"{loaded:x}"
    return {"ams": units, "ams_exist_bits": f"{exist:x}", "tray_exist_bits": bits, "tray_is_bbl_bits": bits,
            "tray_read_done_bits": bits, "tray_reading_bits": "0", "tray_now": str(NO_TRAY),
            "tray_pre": str(NO_TRAY), "tray_tar": str(NO_TRAY), "insert_flag": True, "power_on_flag": False,
            "version": 3}


def _pack(current: float, target: float) -> int:
    return (round(target) << 16) | round(current)


def _snow(tray_now: str) -> int:
    """The `snow` of the nozzle fed from `tray_now`: unit << 8 | slot, 0xFF00 the main external spool."""
    now = int(tray_now)
    if now == NO_TRAY:
        return 0xFFFF
    if now == EXTERNAL:
        return 0xFF00
    return now << 8 if now >= HT_UNIT else (now >> 2) << 8 | (now & 3)


def render(shape: Shape, flat: dict[str, Any]) -> dict[str, Any]:
    """The model's `print` object from the simulator's flat truth (see the module docstring)."""
    body = copy.deepcopy(flat)
    if not shape.packed:
        return body
    chamber = body.pop("chamber_temper")
    extruders = [{"id": 0, "temp": _pack(body["nozzle_temper"], body["nozzle_target_temper"]),
                  "snow": _snow(body["ams"]["tray_now"]), "info": 78, "stat": 0, "hnow": 0, "htar": 0}]
    if shape.nozzles == 2:  # the left nozzle idles; the flat fields report it, as an H2D does
        extruders.append({"id": 1, "temp": _pack(25, 0), "snow": 0xFFFF, "info": 24, "stat": 0, "hnow": 1,
                          "htar": 1})
        body.update(nozzle_temper=25.0, nozzle_target_temper=0.0)
    body["device"] = {"ctc": {"info": {"temp": _pack(chamber, 0)}, "state": 0},
                      "extruder": {"info": extruders, "state": shape.nozzles},  # printing: nozzle 0 (bits 4-7)
                      "bed": {"info": {"temp": _pack(body["bed_temper"], body["bed_target_temper"])}, "state": 0},
                      "nozzle": {"exist": (1 << shape.nozzles) - 1, "state": 0,
                                 "info": [{"id": i, "diameter": 0.4, "type": "HS01", "tm": 0, "wear": 0}
                                          for i in range(shape.nozzles)]}}
    body["vir_slot"] = [external(i, legacy=False) for i in shape.vir_slot]
    if not shape.vt_tray:
        del body["vt_tray"]
    return body


def initial_print(shape: Shape, trays: list[tuple[str, str, int]], ht: tuple[str, str, int] | None
                  ) -> dict[str, Any]:
    """The flat truth of an idle printer, with the fields a real pushall carries (OpenBambuAPI's example)."""
    legacy = not shape.packed
    return {
        "gcode_state": "IDLE", "mc_percent": 0, "mc_remaining_time": 0, "layer_num": 0, "total_layer_num": 0,
        "stg_cur": -1, "stg": [], "mc_print_stage": "1", "mc_print_sub_stage": 0,
        "gcode_file_prepare_percent": "0", "nozzle_temper": 25.0, "nozzle_target_temper": 0.0, "bed_temper": 25.0,
        "bed_target_temper": 0.0, "chamber_temper": 25.0, "cooling_fan_speed": "0", "big_fan1_speed": "0",
        "big_fan2_speed": "0", "heatbreak_fan_speed": "0", "fan_gear": 0, "spd_lvl": 2, "spd_mag": 100,
        "print_error": 0, "hms": [], "subtask_name": "", "gcode_file": "", "print_type": "idle",
        "project_id": "0", "profile_id": "0", "task_id": "0", "subtask_id": "0", "queue_number": 0,
        "queue_total": 0, "queue_est": 0, "queue_sts": 0, "s_obj": [], "sdcard": True, "home_flag": 0,
        "hw_switch_state": 0, "ams_status": 0, "ams_rfid_status": 0, "nozzle_diameter": "0.4",
        "nozzle_type": "hardened_steel", "wifi_signal": "-45dBm",
        "lights_report": [{"node": "chamber_light", "mode": "off"}, {"node": "work_light", "mode": "flashing"}],
        "ipcam": {"ipcam_dev": "1", "ipcam_record": "enable", "timelapse": "disable", "resolution": "1080p",
                  "tutk_server": "disable", "mode_bits": 3},
        "upload": {"status": "idle", "progress": 0, "message": ""},
        "online": {"ahb": False, "version": 1, **({"rfid": False} if legacy else {})},
        "upgrade_state": {"sequence_id": 0, "progress": "", "status": "IDLE", "consistency_request": False,
                          "dis_state": 0, "err_code": 0, "force_upgrade": False, "message": "", "module": "",
                          "new_version_state": 0, **({"new_ver_list": []} if legacy else {})},
        "ams": ams(trays, ht, shape),
        "vt_tray": external(shape.vt_tray or "254", legacy=legacy),
        **({"lifecycle": "product", "mc_print_line_number": "0"} if legacy else {}),
    }
