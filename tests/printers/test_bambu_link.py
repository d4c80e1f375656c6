"""The Bambu driver against mosquitto (TLS + password) and the simulated printer behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.tasks import Task
from printers.base import ConnectionState, PrintOptions, TlsMode
from printers.drivers.bambu.project import package
from printers.errors import AmsMappingError, DeveloperModeError, PrinterError
from printers.simulator.certs import make_certs
from printers.state import JobState, Notice, PrinterState
from tests.printers.conftest import BambuRig, RigFactory, wait_for

pytestmark = pytest.mark.services


def _project(tmp: Path, layers: int = 6) -> Path:
    body = "".join(f";LAYER_CHANGE\n;Z:{0.2 * (i + 1):.1f}\nG1 X10 Y10 Z{0.2 * (i + 1):.1f} E1\n"
                   for i in range(layers))
    gcode = tmp / "cube.gcode"
    gcode.write_text("; generated for a test\n" + body)
    return package(gcode, tmp / "cube.gcode.3mf", layers=layers)


def test_tls_password_connect_reads_state_and_firmware(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory()
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.state == JobState.IDLE, what="pushall state")
    wait_for(lambda: drv.model.state.firmware == "01.08.02.00", what="get_version reply")
    state = drv.model.state
    assert state.nozzle is not None and state.speed_level == 2
    assert [t.material for t in state.trays if t.unit == 0] == ["PLA", "PETG", "", "PLA"]


def test_wrong_access_code_is_auth_failed_without_retry(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory()
    seen: list[ConnectionState] = []
    drv = rig.driver(access_code="00000000")
    drv.model.connection_changed.connect(lambda state, _detail: seen.append(state))
    wait_for(lambda: drv.model.connection == ConnectionState.AUTH_FAILED, what="auth_failed")
    assert "access code" in drv.model.connection_detail
    link = drv._link._thread  # the connection loop: it ends on a refusal no retry can fix
    wait_for(lambda: link is None or not link.is_alive(), what="the connection loop ended")
    assert drv.model.connection == ConnectionState.AUTH_FAILED
    assert ConnectionState.CONNECTING not in seen


def test_untrusted_certificate_is_refused_but_insecure_mode_connects(rig_factory: RigFactory, tmp_path: Path) -> None:
    rig: BambuRig = rig_factory()
    other_ca = make_certs(tmp_path / "other", "SOMEONE-ELSE").ca
    strict = rig.driver(ca_file=str(other_ca))
    wait_for(lambda: strict.model.connection == ConnectionState.REFUSED, what="certificate refusal")
    assert "certificate" in strict.model.connection_detail
    insecure = rig.driver(tls_mode=TlsMode.INSECURE, ca_file="")
    assert insecure.wait_online(10)


def test_print_lifecycle_upload_project_file_pause_resume_finish(rig_factory: RigFactory, tmp_path: Path) -> None:
    rig: BambuRig = rig_factory()
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.trays, what="AMS trays")
    notices: list[Notice] = []
    states: list[PrinterState] = []
    drv.model.notice.connect(notices.append)
    drv.model.changed.connect(states.append)
    project = _project(tmp_path)
    progress: list[float] = []
    drv.start_print(project, PrintOptions(ams_mapping=(1,)), Task(lambda f, _m: progress.append(f)))
    assert rig.ftps.uploads == [("cube.gcode.3mf", project.stat().st_size)]
    assert progress[-1] == 1.0
    wait_for(lambda: drv.model.state.state == JobState.PRINTING, what="printing")
    drv.pause()
    wait_for(lambda: drv.model.state.state == JobState.PAUSED, what="paused")
    paused_layer = drv.model.state.layer
    drv.resume()
    wait_for(lambda: drv.model.state.state == JobState.FINISHED, what="finished")
    final = drv.model.state
    assert final.job_name == "cube" and final.progress == 100 and final.layer == final.total_layers == 6
    assert paused_layer is not None and paused_layer < 6
    assert any(s.stage == "heating hotend" for s in states)
    assert [n.kind for n in notices] == ["paused", "finished"]
    assert any(t.active for t in states[len(states) // 2].trays)


def test_bad_ams_mapping_and_plain_gcode_are_refused_before_upload(rig_factory: RigFactory, tmp_path: Path) -> None:
    rig: BambuRig = rig_factory()
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.trays, what="AMS trays")
    with pytest.raises(AmsMappingError, match="slot 2 is empty"):
        drv.start_print(_project(tmp_path), PrintOptions(ams_mapping=(2,)))
    plain = tmp_path / "plain.gcode"
    plain.write_text("G28\n")
    with pytest.raises(PrinterError, match="not a sliced .gcode.3mf"):
        drv.start_print(plain)
    assert rig.ftps.uploads == []


def test_stop_is_reported_as_cancelled(rig_factory: RigFactory, tmp_path: Path) -> None:
    rig: BambuRig = rig_factory()
    rig.sim.options.heat_seconds = 4000
    drv = rig.driver()
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.trays, what="AMS trays")
    drv.start_print(_project(tmp_path), PrintOptions(ams_mapping=(0,)))
    wait_for(lambda: drv.model.state.state == JobState.PREPARING, what="preparing")
    drv.stop()
    wait_for(lambda: drv.model.state.state == JobState.CANCELLED, what="cancelled")


def test_controls_change_printer_state(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory("P1")
    drv = rig.driver()
    assert drv.wait_online(10)
    drv.set_speed(3)
    drv.set_temperature("bed", 60)
    drv.set_temperature("nozzle", 210)
    drv.set_fan("part", 100)
    drv.set_light(True)
    wait_for(lambda: drv.model.state.speed_level == 3, what="speed level")
    wait_for(lambda: drv.model.state.bed_target == 60 and drv.model.state.nozzle_target == 210, what="targets")
    wait_for(lambda: drv.model.state.fans.get("part") == 100, what="fan")
    wait_for(lambda: drv.model.state.lights.get("chamber_light") is True, what="light")
    with pytest.raises(PrinterError, match="between 0 and 120"):
        drv.set_temperature("bed", 200)


def test_developer_mode_refusal_is_explained(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory()
    rig.sim.developer_mode_required = True
    drv = rig.driver()
    assert drv.wait_online(10)
    notices: list[Notice] = []
    drv.model.notice.connect(notices.append)
    with pytest.raises(DeveloperModeError, match="Developer Mode"):
        drv.pause()
    assert any(n.kind == "refused" for n in notices)
    wait_for(lambda: any(h.code == "HMS_0500_0500_0001_0007" for h in drv.model.state.hms), what="HMS")
    assert "verification failed" in drv.model.state.hms[0].text
    assert drv.model.state.state == JobState.IDLE  # reads keep working


def test_silent_printer_goes_offline_and_is_nudged(rig_factory: RigFactory) -> None:
    rig: BambuRig = rig_factory("P1")
    drv = rig.driver()
    drv.watchdog_s = 0.6
    assert drv.wait_online(10)
    wait_for(lambda: drv.model.state.state == JobState.IDLE, what="idle")
    rig.sim.silent = True
    wait_for(lambda: drv.model.connection == ConnectionState.OFFLINE, what="watchdog")
    assert "no report" in drv.model.connection_detail
    wait_for(lambda: ("0", "start") in rig.sim.received, what="pushing start")
    rig.sim.silent = False
    wait_for(lambda: drv.model.connection == ConnectionState.ONLINE, what="back online")
