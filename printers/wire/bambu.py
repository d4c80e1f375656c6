"""Bambu Lab LAN MQTT payloads (`device/{serial}/report`), after deep-merging P1 deltas."""

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
    tray: LList = Field(default_factory=list)


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


class WireModule(_Lenient):
    name: LStr = None
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
