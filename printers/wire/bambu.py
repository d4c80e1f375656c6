"""Bambu Lab LAN MQTT payloads (`device/{serial}/report`), after deep-merging P1 deltas.

Newer firmware (X1C 2025+, H2D, H2S, H2C, P2S, X2D) adds a `device` object whose temperatures are packed as
target << 16 | current (`device.ctc.info.temp` is the chamber, `device.extruder.info[]` the nozzles), and
`vir_slot`, the external spools (two on a two-nozzle printer); the flat fields stay for older clients.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from printers.wire.lenient import LDict, LFloat, LInt, LList, LStr


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class WireTray(_Lenient):
    id: LInt = None
    tray_type: LStr = None
    tray_color: LStr = None
    remain: LInt = None


class WireAmsUnit(_Lenient):
    id: LInt = None
    info: LStr = None
    tray: LList = Field(default_factory=list)


class WireExtruder(_Lenient):
    """One nozzle in `device.extruder.info`: `snow` is the tray feeding it (ams id << 8 | slot)."""

    id: LInt = None
    temp: LInt = None
    snow: LInt = None


class WirePacked(_Lenient):
    """`device.ctc.info`, `device.bed.info`: a temperature packed as target << 16 | current."""

    temp: LInt = None


class WireAms(_Lenient):
    ams: LList = Field(default_factory=list)
    tray_now: LStr = None


class WireHms(_Lenient):
    attr: LInt = None
    code: LInt = None


class WirePrint(_Lenient):
    gcode_state: LStr = None
    mc_percent: LFloat = None
    mc_remaining_time: LInt = None
    layer_num: LInt = None
    total_layer_num: LInt = None
    stg_cur: LInt = None
    mc_print_stage: LInt = None
    nozzle_temper: LFloat = None
    nozzle_target_temper: LFloat = None
    bed_temper: LFloat = None
    bed_target_temper: LFloat = None
    chamber_temper: LFloat = None
    cooling_fan_speed: LInt = None
    big_fan1_speed: LInt = None
    big_fan2_speed: LInt = None
    heatbreak_fan_speed: LInt = None
    spd_lvl: LInt = None
    spd_mag: LInt = None
    print_error: LInt = None
    hms: LList = Field(default_factory=list)
    subtask_name: LStr = None
    gcode_file: LStr = None
    wifi_signal: LStr = None
    lights_report: LList = Field(default_factory=list)
    ams: LDict = Field(default_factory=dict)
    vt_tray: LDict = Field(default_factory=dict)
    vir_slot: LList = Field(default_factory=list)
    device: LDict = Field(default_factory=dict)


class WireModule(_Lenient):
    """One module of a get_version reply; the "ota" one names the printer (product_name "Bambu Lab H2D" on
    newer firmware, project_name "N2S" on older)."""

    name: LStr = None
    product_name: LStr = None
    project_name: LStr = None
    sw_ver: LStr = None
    hw_ver: LStr = None
    sn: LStr = None


class WireReply(_Lenient):
    """Any command reply: it echoes sequence_id and command and adds result / reason."""

    command: LStr = None
    sequence_id: LStr = None
    result: LStr = None
    reason: LStr = None
    err_code: LInt = None
