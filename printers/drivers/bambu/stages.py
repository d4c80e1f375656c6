"""What a Bambu printer is doing (`stg_cur`), in English phrases the desktop translates (context "PrinterStages").

The codes are those Bambu Studio and ha-bambulab know (0-77); X1 firmware reports -1 and P1/A1 firmware 255 when
nothing runs, which is no stage at all. A code newer than this list is shown as its number rather than dropped.
"""

from __future__ import annotations

STAGES: dict[int, str] = {
    0: "printing", 1: "auto bed levelling", 2: "heatbed preheating", 3: "vibration compensation",
    4: "changing filament", 5: "M400 pause", 6: "paused: filament ran out", 7: "heating hotend",
    8: "calibrating extrusion", 9: "scanning bed surface", 10: "inspecting first layer",
    11: "identifying build plate type", 12: "calibrating Micro Lidar", 13: "homing toolhead",
    14: "cleaning nozzle tip", 15: "checking extruder temperature", 16: "paused by the user",
    17: "paused: front cover fell off", 18: "calibrating Micro Lidar", 19: "calibrating extrusion flow",
    20: "paused: nozzle temperature malfunction", 21: "paused: heatbed temperature malfunction",
    22: "unloading filament", 23: "paused: skipped steps", 24: "loading filament", 25: "calibrating motor noise",
    26: "paused: AMS lost", 27: "paused: heatbreak fan too slow", 28: "paused: chamber temperature control error",
    29: "cooling chamber", 30: "paused by G-code", 31: "motor noise showoff", 32: "paused: filament on the nozzle",
    33: "paused: cutter error", 34: "paused: first layer error", 35: "paused: nozzle clog",
    36: "checking absolute accuracy before calibration", 37: "calibrating absolute accuracy",
    38: "checking absolute accuracy after calibration", 39: "calibrating nozzle offset",
    40: "high-temperature bed levelling", 41: "checking the quick release", 42: "checking the door and cover",
    43: "calibrating the laser", 44: "checking the platform", 45: "checking the birdseye camera position",
    46: "calibrating the birdseye camera", 47: "bed levelling, phase 1", 48: "bed levelling, phase 2",
    49: "heating chamber", 50: "cooling the heatbed", 51: "printing calibration lines", 52: "checking material",
    53: "calibrating the live view camera", 54: "waiting for the heatbed temperature",
    55: "checking material position", 56: "calibrating the cutter offset", 57: "measuring the surface",
    58: "thermal preconditioning", 59: "homing the blade holder", 60: "calibrating the camera offset",
    61: "calibrating the blade holder position", 62: "testing hotend pick and place",
    63: "waiting for the chamber temperature to settle", 64: "preparing the hotend",
    65: "calibrating nozzle clumping detection", 66: "purifying chamber air", 67: "measuring the rotary attachment",
    68: "moving the toolhead above the purge chute", 69: "cooling the nozzle",
    70: "moving the toolhead to the bed centre", 71: "arc fitting", 72: "detecting the hotend type",
    73: "detecting build plate alignment", 74: "checking the heatbed for foreign objects",
    75: "checking under the heatbed for foreign objects", 76: "pre-extruding before printing",
    77: "preparing the AMS",
}
IDLE_CODES = (-1, 255)


def stage_name(code: int | None) -> str:
    if code is None or code in IDLE_CODES:
        return ""
    return STAGES.get(code, f"stage {code}")
