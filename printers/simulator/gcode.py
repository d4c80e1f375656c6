"""What a printer learns from a G-code file before printing it: layer count (PrusaSlicer, Orca, Cura markers)."""

from __future__ import annotations

import re

_LAYER = re.compile(r"^;\s*(?:LAYER_CHANGE|CHANGE_LAYER|LAYER:\d+)", re.MULTILINE)


def count_layers(text: str) -> int:
    return max(1, len(_LAYER.findall(text)))


def apply_temperatures(line: str, state: dict[str, float]) -> bool:
    """Interpret M104/M109/M140/M190/M106/M220 and Klipper's SET_HEATER_TEMPERATURE; False if the line is
    garbage. M220 S<percent> sets `speed_factor` (1.0 = 100 %)."""
    parts = line.split()
    if not parts:
        return True
    head = parts[0].upper()
    try:
        if head == "SET_HEATER_TEMPERATURE":
            args = dict(p.upper().split("=", 1) for p in parts[1:] if "=" in p)
            key = {"EXTRUDER": "nozzle_target", "HEATER_BED": "bed_target"}[args["HEATER"]]
            state[key] = float(args.get("TARGET", 0))
            return True
        words = {w[0].upper(): w[1:] for w in parts[1:] if len(w) > 1}
        if head in ("M104", "M109"):
            state["nozzle_target"] = float(words.get("S", 0))
        elif head in ("M140", "M190"):
            state["bed_target"] = float(words.get("S", 0))
        elif head == "M106":
            state[f"fan{words.get('P', '1')}"] = float(words.get("S", 0))
        elif head == "M220":
            state["speed_factor"] = float(words["S"]) / 100
        elif head == "M107":
            state["fan1"] = 0.0
        return True
    except (KeyError, ValueError):
        return False
