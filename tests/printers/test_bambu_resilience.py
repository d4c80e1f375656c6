"""P1 deltas, a broker that dies mid-print, and hostile payloads: the driver keeps a correct state."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from printers.base import ConnectionState, PrinterConfig, PrintOptions
from printers.drivers.bambu.driver import BambuDriver
from printers.state import JobState, deep_merge
from tests.printers.conftest import ACCESS, SERIAL, BambuRig, RigFactory, wait_for
from tests.printers.test_bambu_link import _project

pytestmark = pytest.mark.services


def test_p1_deltas_are_deep_merged_including_ams(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory("P1")
    drv = rig.driver()
    raw: list[dict[str, Any]] = []
    drv._link.route(drv._report_topic, lambda _t, payload: raw.append(json.loads(payload)))
    assert drv.wait_online(10)
    wait_for(lambda: len([t for t in drv.model.state.trays if t.unit == 0]) == 4, what="full AMS from pushall")
    with rig.sim._lock:
        rig.sim._print["ams"]["ams"][0]["tray"][1]["remain"] = 12
        rig.sim._print["bed_target_temper"] = 65.0
    wait_for(lambda: drv.model.state.trays[1].remain == 12, what="AMS delta")
    state = drv.model.state
    assert state.bed_target == 65.0 and state.trays[0].remain == 80 and state.trays[1].material == "PETG"
    deltas = [m["print"] for m in raw if m.get("print", {}).get("msg") == 1]
    tray_delta = next(d for d in deltas if "ams" in d)
    assert tray_delta["ams"] == {"ams": [{"id": "0", "tray": [{"id": "1", "remain": 12}]}]}
    assert "nozzle_target_temper" not in tray_delta  # really a delta


def test_broker_restart_mid_print_reconnects_resyncs_and_sends_nothing_twice(
        rig_factory: RigFactory, tmp_path: Path) -> None:
    rig: BambuRig = rig_factory("P1")
    rig.sim.options.layer_seconds = 60
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.trays, what="AMS trays")
    drv.start_print(_project(tmp_path, layers=40), PrintOptions(ams_mapping=(0,)))
    wait_for(lambda: drv.model.state.state == JobState.PRINTING, what="printing")
    drv.set_speed(1)
    rig.broker.stop()  # the broker stays down until the command below has been refused
    wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="offline")
    with pytest.raises(Exception, match="not connected"):
        drv.set_speed(4)
    rig.broker.start()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, timeout=15, what="reconnect")
    # The delta carrying speed 1 may have died with the broker; the full report asked for after reconnecting
    # brings it back.
    wait_for(lambda: drv.model.state.speed_level == 1, what="speed resynced after pushall")
    before = rig.sim.print_state["layer_num"]
    wait_for(lambda: (drv.model.state.layer or 0) >= before, what="layers follow again")
    assert drv.model.state.state == JobState.PRINTING
    drv.pause()
    wait_for(lambda: drv.model.state.state == JobState.PAUSED, what="pause after reconnect")
    control = [(seq, cmd) for seq, cmd in rig.sim.received if seq != "0"]
    assert Counter(control).most_common(1)[0][1] == 1, control
    assert [cmd for _s, cmd in control] == ["project_file", "print_speed", "pause"]
    wait_for(lambda: [cmd for _s, cmd in rig.sim.received].count("pushall") >= 2, what="pushall after reconnect")


def test_a_delta_lost_in_an_outage_is_recovered_as_soon_as_the_printer_publishes_again(
        rig_factory: RigFactory) -> None:
    """The driver came back before the printer listened (its pushall went nowhere), and the delta carrying a
    speed change died with the connection: the first report heard asks for the full state again, instead of
    showing the old speed until the periodic resync (a minute here)."""
    rig: BambuRig = rig_factory("P1")
    drv = rig.driver(resync_s=60.0)
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.speed_level == 2 and drv.model.state.bed is not None, what="first state")
    rig.broker.stop()
    wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="offline")
    rig.sim.link.stop()
    rig.broker.start()
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, timeout=15, what="driver back first")
    pushalls = [cmd for _s, cmd in rig.sim.received].count("pushall")
    with rig.sim._lock:  # sent just before the drop, so the printer will not send it again in a delta
        rig.sim._print.update(spd_lvl=1, spd_mag=50)
        rig.sim._sent.update(spd_lvl=1, spd_mag=50)
        rig.sim._print["bed_target_temper"] = 60.0  # and something that changes afterwards
    rig.sim.link.start()
    wait_for(lambda: drv.model.state.bed_target == 60.0, what="a delta from the printer")
    wait_for(lambda: drv.model.state.speed_level == 1, what="the full state asked for again")
    assert [cmd for _s, cmd in rig.sim.received].count("pushall") == pushalls + 1


def test_malformed_reports_over_the_wire_do_not_break_the_driver(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory("P1")
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.state == JobState.IDLE, what="idle")
    for junk in (b'{"print": {"gcode_state": "RUNN', b"\xff\xfe", b"[]", b'{"print": 5}', b"null",
                 b'{"print": {"mc_percent": "lots", "layer_num": [1], "ams": {"ams": "x"}, "hms": [7]}}'):
        rig.sim.send_malformed(junk)
    rig.sim.raise_hms(0x07002000, 0x00020001)
    wait_for(lambda: drv.model.state.hms, what="HMS after junk")
    assert drv.model.state.hms[0].text == "AMS A Slot 1 filament has run out. Please insert a new filament."
    assert drv.model.connection == ConnectionState.ONLINE


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                     max_leaves=20)
_fields = st.sampled_from(["gcode_state", "mc_percent", "layer_num", "total_layer_num", "nozzle_temper", "hms",
                           "ams", "lights_report", "spd_lvl", "cooling_fan_speed", "vt_tray", "print_error",
                           "mc_remaining_time", "stg_cur", "wifi_signal", "subtask_name", "command", "sequence_id",
                           "device", "vir_slot"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(st.sampled_from(["print", "info", "system", "x"]),
                                st.dictionaries(_fields, _json, max_size=6) | _json, max_size=3), max_size=5))
def test_fuzzed_reports_never_crash_the_state_model(reports: list[dict[str, Any]]) -> None:
    drv = BambuDriver(PrinterConfig(name="fuzz", kind="bambu", serial=SERIAL), ACCESS)
    for report in reports:
        drv.apply_report(report)
    state = drv.model.state
    assert isinstance(state.state, JobState)
    json.dumps(state.summary())


def test_deep_merge_merges_nested_and_id_keyed_lists() -> None:
    base = {"ams": {"ams": [{"id": "0", "tray": [{"id": "0", "remain": 5}, {"id": "1", "remain": 9}]}]},
            "hms": [{"attr": 1, "code": 2}]}
    deep_merge(base, {"ams": {"ams": [{"id": "0", "tray": [{"id": "1", "remain": 3}]}]}, "hms": []})
    assert base == {"ams": {"ams": [{"id": "0", "tray": [{"id": "0", "remain": 5}, {"id": "1", "remain": 3}]}]},
                    "hms": []}
