"""The scale's battery: its ESP32 firmware sends the cell voltage (a single Li-ion cell, e.g. 3.92), not a charge
percentage, so the percentage shown next to it is an estimate from the cell's resting-voltage curve."""

from __future__ import annotations

from itertools import pairwise

# Resting voltage → state of charge of one Li-ion/LiPo cell in 5 % steps: the 21-point table (4.20 V full,
# 3.27 V empty) published in the RC-modelling community and used by most hobby battery gauges (ESP32 and
# Arduino fuel-gauge sketches). Under load the voltage sags a little, so the estimate errs on the low side.
_CURVE = ((4.20, 100), (4.15, 95), (4.11, 90), (4.08, 85), (4.02, 80), (3.98, 75), (3.95, 70), (3.91, 65),
          (3.87, 60), (3.85, 55), (3.84, 50), (3.82, 45), (3.80, 40), (3.79, 35), (3.77, 30), (3.75, 25),
          (3.73, 20), (3.71, 15), (3.69, 10), (3.61, 5), (3.27, 0))
# What a single cell can read at all: outside this the value is not a cell voltage (a misread ADC, or an old
# firmware that sent a percentage) and is shown as unknown rather than as a wrong figure.
PLAUSIBLE_V = (2.5, 4.35)
LOW_V = 3.0  # the firmware's own "low battery" threshold


def plausible_volts(volts: float | None) -> float | None:
    if volts is None or not PLAUSIBLE_V[0] <= volts <= PLAUSIBLE_V[1]:
        return None
    return volts


def estimated_percent(volts: float) -> float:
    """Linear between the curve's points, clamped to 0..100 %."""
    if volts >= _CURVE[0][0]:
        return 100.0
    for (high_v, high_pct), (low_v, low_pct) in pairwise(_CURVE):
        if volts >= low_v:
            return round(low_pct + (volts - low_v) / (high_v - low_v) * (high_pct - low_pct), 1)
    return 0.0
