"""Hostile Klipper status, websocket messages, split topics and scale payloads: the state models keep going and
stay serialisable."""

from __future__ import annotations

import json
import queue
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from printers.base import PrinterConfig
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.drivers.moonraker.mqtt_bridge import MqttRpc
from printers.drivers.moonraker.websocket import WebsocketRpc
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


_messages = st.dictionaries(st.sampled_from(["jsonrpc", "method", "params", "id", "result", "error"]),
                            _json | st.sampled_from(["notify_status_update", "notify_klippy_ready"]), max_size=5)


@settings(max_examples=150, deadline=None)
@given(st.lists(_messages | _json, max_size=6))
def test_fuzzed_websocket_messages_never_stop_the_reader(messages: list[Any]) -> None:
    """Whatever a Moonraker (or something else on port 7125) sends, the reader keeps reading."""
    drv = MoonrakerDriver(PrinterConfig(name="fuzz", kind="moonraker", host="127.0.0.1"))
    assert isinstance(drv.transport, WebsocketRpc)
    events: queue.Queue[str] = queue.Queue()
    for message in messages:
        drv.transport._dispatch(json.dumps(message), events)
    json.dumps(drv.model.state.summary())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), _json), max_size=6))
def test_fuzzed_split_status_topics_never_crash(items: list[tuple[str, Any]]) -> None:
    drv = MoonrakerDriver(PrinterConfig(name="fuzz", kind="moonraker", instance="fuzz"))
    assert isinstance(drv.transport, MqttRpc)
    for suffix, payload in items:
        drv.transport._on_split(f"fuzz/klipper/state/{suffix}", json.dumps(payload).encode())
    assert isinstance(drv.model.state.state, JobState)
