"""Hostile Klipper status and scale payloads: the state models keep going and stay serialisable."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from printers.base import PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.drivers.potscale.driver import PotScaleDriver
from printers.state import JobState
from tests.printers.test_bambu_resilience import _json

_objects = st.sampled_from(["print_stats", "extruder", "heater_bed", "virtual_sdcard", "display_status", "fan"])
_fields = st.sampled_from(["state", "filename", "print_duration", "info", "temperature", "target", "progress",
                           "speed", "message", "current_layer", "total_layer"])


@settings(max_examples=120, deadline=None)
@given(st.lists(st.dictionaries(_objects, st.dictionaries(_fields, _json, max_size=5) | _json, max_size=4),
                max_size=6))
def test_fuzzed_klipper_status_never_crashes(statuses: list[dict[str, Any]]) -> None:
    drv = MoonrakerDriver(PrinterConfig(name="fuzz", kind="moonraker", instance="fuzz"))
    for status in statuses:
        drv.apply_status(status)
    state = drv.model.state
    assert isinstance(state.state, JobState)
    assert state.progress is None or 0 <= state.progress <= 100
    json.dumps(state.summary())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["weight", "consumed", "battery", "timestamp", "x"]), _json),
                max_size=5))
def test_fuzzed_scale_readings_never_crash(readings: list[dict[str, Any]]) -> None:
    drv = PotScaleDriver(PrinterConfig(name="fuzz", kind="potscale"))
    for reading in readings:
        drv.apply_reading(reading)
    filament = drv.model.state.filament
    assert filament is None or all(v is None or isinstance(v, float) for v in
                                   (filament.weight_g, filament.consumed_g, filament.battery_pct))
