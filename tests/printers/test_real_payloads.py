"""Reports published from real Bambu printers (tests/fixtures/printers/real, see SOURCES.md) decode to what the
printer's own screen and Bambu's apps show: state, stage, the active nozzle and tray, the chamber, the trays, the
reason of a pause or failure and HMS texts in Bambu's words, in English and in Brazilian Portuguese."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printers.base import PrinterConfig
from printers.drivers.bambu.driver import BambuDriver
from printers.hms import maker_words
from printers.replay import replay
from printers.state import HmsError, JobState, Notice, PrinterState

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "printers" / "real"
RUNOUT_H2D_EN = ("Unable to feed filament into the extruder. The AMS may be mismatched with the extruder. You can "
                 "rerun the AMS Setup.")
RUNOUT_H2D_PT = ("Não é possível alimentar o filamento na extrusora. O AMS pode não ser compatível com a extrusora. "
                 "Você pode executar a configuração do AMS novamente.")


def decoded(name: str, model: str = "") -> PrinterState:
    state, skipped = replay("bambu", REAL / name, model)
    assert skipped == []
    return state


def words(error: HmsError, language: str) -> str:
    return maker_words(error.message.params.get("text", error.text), language)


def active(state: PrinterState) -> list[str]:
    return [t.name for t in state.trays if t.active]


def test_h2d_shows_the_printing_right_nozzle_the_ctc_chamber_and_the_ams_ht_feeding_it() -> None:
    s = decoded("h2d_ams_ht.jsonl")
    assert (s.model, s.state, s.stage) == ("Bambu Lab H2D", JobState.PRINTING, "cleaning nozzle tip")
    assert (s.nozzle, s.nozzle_target) == (264, 225), "the flat nozzle_temper (40) is the idle left nozzle"
    assert [(n.index, n.temp, n.target, n.active) for n in s.nozzles] == [(0, 264, 225, True), (1, 40, None, False)]
    assert (s.chamber, s.chamber_target) == (48, 60), "device.ctc packs target << 16 | current"
    assert active(s) == ["HT-A"], "tray_now says 0 (A1); the right nozzle's snow 0x8000 names the AMS HT"
    assert [(t.name, t.unit_model, t.material, t.remain) for t in s.trays] == [
        ("A1", "AMS", "PLA", 47), ("A2", "AMS", "PLA", 35), ("A3", "AMS", "PLA", 82), ("A4", "AMS", "PETG", 26),
        ("HT-A", "AMS HT", "PA-GF", 100), ("Ext-R", "", "", None), ("Ext-L", "", "", None)]
    assert s.fans["part"] == 10 and s.print_error is None and s.hms == ()


def test_h2d_switching_to_the_left_nozzle_shows_the_left_one() -> None:
    s = decoded("h2d_left_nozzle.jsonl")
    assert (s.nozzle, s.nozzle_target) == (40, None)
    assert [n.index for n in s.nozzles if n.active] == [1]
    assert active(s) == [], "the left nozzle has no filament loaded (snow 0xFEFF)"


def test_h2d_printing_from_the_right_external_spool_keeps_both_spools() -> None:
    s = decoded("h2d_external_spool.jsonl")
    externals = [(t.name, t.material, t.remain, t.active) for t in s.trays if t.unit < 0]
    assert externals == [("Ext-R", "TPU", None, True), ("Ext-L", "PLA", None, False)]
    assert {t.name: t.unit_model for t in s.trays if t.name in ("A1", "B1", "D1", "HT-A", "HT-B")} == {
        "A1": "AMS 2 Pro", "B1": "AMS", "D1": "AMS 2 Pro", "HT-A": "AMS HT", "HT-B": "AMS HT"}
    assert (s.chamber, s.fans["part"]) == (27, 90), "ctc beats the flat chamber_temper (28); fan 14/15 is 90 %"


def test_x2d_left_nozzle_and_an_hms_code_bambu_has_no_text_for() -> None:
    s = decoded("x2d_left_nozzle.jsonl")
    assert (s.state, s.nozzle, s.nozzle_target, active(s)) == (JobState.PRINTING, 250, 250, ["A2"])
    [hms] = s.hms
    assert hms.code == "HMS_0500_0600_0002_0070" and not hms.known
    assert "HMS_0500_0600_0002_0070" in hms.text


@pytest.mark.parametrize(("name", "chamber", "target", "tray"), [
    ("h2s_printing.jsonl", 60, 60, ["A1"]),
    ("p2s_printing.jsonl", 47, None, ["A4"]),
    ("x1c_ams_ams2pro_amsht.jsonl", 25, None, []),
    ("openbambuapi_pushall.jsonl", 24, None, []),
    ("a1_ams_lite.jsonl", None, None, []),
    ("p1p_failed.jsonl", None, None, ["A1"]),
])
def test_chamber_comes_from_ctc_and_printers_without_a_sensor_show_none(
        name: str, chamber: float | None, target: float | None, tray: list[str]) -> None:
    s = decoded(name)
    assert (s.chamber, s.chamber_target, active(s)) == (chamber, target, tray)


def test_unit_kinds_and_ams_ht_labels_as_bambus_apps_show_them() -> None:
    s = decoded("x1c_ams_ams2pro_amsht.jsonl")
    assert [(t.name, t.unit_model) for t in s.trays if t.slot == 0] == [
        ("A1", "AMS"), ("B1", "AMS"), ("C1", "AMS 2 Pro"), ("HT-A", "AMS HT"), ("Ext", "")]
    assert decoded("a1_ams_lite.jsonl").trays[0].unit_model == "AMS lite"
    misc = decoded("x1c_amsht_active_hms.jsonl")
    assert active(misc) == ["HT-A"], "tray_now 128 is the AMS HT, not AMS unit 32"


def test_an_external_spool_without_rfid_has_an_unknown_remainder() -> None:
    [spool] = decoded("p1p_external_spool.jsonl").trays
    assert (spool.name, spool.material, spool.remain, spool.active) == ("Ext", "PETG", None, True)


def test_runout_pause_shows_its_reason_in_the_h2d_wording_in_both_languages() -> None:
    s = decoded("h2d_runout_pause.jsonl")
    assert s.state == JobState.PAUSED and s.print_error is not None
    assert s.print_error.code == "0700-8006"
    assert words(s.print_error, "en").startswith(RUNOUT_H2D_EN)
    assert words(s.print_error, "pt-br").startswith(RUNOUT_H2D_PT)
    other = decoded("h2d_runout_pause.jsonl", "X1 Carbon")
    assert other.model == "Bambu Lab H2D", "the printer's own name (get_version) wins over the configured one"


def test_a_users_cancel_is_cancelled_not_failed() -> None:
    s = decoded("x1c_user_cancel.jsonl")
    assert s.state == JobState.CANCELLED and s.print_error is not None
    assert (words(s.print_error, "en"), words(s.print_error, "pt-br")) == (
        "Printing was cancelled.", "A impressão foi cancelada")


def test_p2s_pause_then_stop_notifies_the_reason_then_a_stop_never_a_failure() -> None:
    """The real sequence: PAUSE with 0500-803C, then FAILED without a code, then 0300-400C four seconds later."""
    driver = BambuDriver(PrinterConfig(name="p2s", kind="bambu", serial="x", model="P2S"), "")
    first, *rest = (REAL / "p2s_pause_then_stop.jsonl").read_text().splitlines()
    driver.apply_report(json.loads(first))  # the standing HMS entries of an idle printer
    notices: list[Notice] = []
    driver.model.notice.connect(notices.append)
    for line in rest:
        driver.apply_report(json.loads(line))
    kinds = [n.kind for n in notices]
    assert kinds == ["paused", "stopped", "hms"], kinds
    paused = notices[0]
    assert paused.hms is not None and paused.hms.code == "0500-803C"
    assert paused.text.startswith("ams: print paused. The current nozzle setting does not match the slicing file.")
    assert maker_words(paused.message.params["error"], "pt-br").startswith(
        "A configuração atual do bico não corresponde ao arquivo de fatiamento.")
    s = driver.model.state
    assert s.state == JobState.CANCELLED and s.print_error is not None and s.print_error.code == "0300-400C"
    assert (words(s.print_error, "en"), words(s.print_error, "pt-br")) == (
        "The task was canceled.", "A tarefa foi cancelada.")
    assert [(h.code, h.known) for h in s.hms] == [("HMS_0500_0600_0002_0070", False),
                                                   ("HMS_0501_0400_0003_0002", True),
                                                   ("HMS_0500_0400_0003_0057", True)]
    assert notices[2].hms is not None and notices[2].hms.code == "HMS_0500_0400_0003_0057", \
        "the code without a text raises no notice"
    assert [words(h, "pt-br") for h in s.hms[1:]] == [
        "A haste roscada precisa de lubrificação agora.",
        "A impressão foi concluída. A purificação automática do ar está em andamento."]


def test_the_cancel_code_being_reset_keeps_the_print_cancelled() -> None:
    driver = BambuDriver(PrinterConfig(name="x1c", kind="bambu", serial="x"), "")
    for line in (REAL / "x1c_user_cancel.jsonl").read_text().splitlines():
        driver.apply_report(json.loads(line))
    driver.apply_report({"print": {"print_error": 0}})
    assert driver.model.state.state == JobState.CANCELLED


def test_hms_with_bambus_text_in_both_languages() -> None:
    [hms] = decoded("x1c_amsht_active_hms.jsonl").hms
    assert hms.code == "HMS_0C00_0300_0003_0007" and hms.known
    assert words(hms, "en").startswith("Possible first layer defects have been detected.")
    assert words(hms, "pt-br").startswith("Possíveis defeitos na primeira camada foram detectados.")


def test_replay_json_carries_chamber_stage_and_print_error(isolated_home: Path) -> None:
    env = {**os.environ, "POTSTUDIO_HOME": str(isolated_home)}
    result = subprocess.run([sys.executable, "-m", "core.cli.main", "printers", "replay", "--kind", "bambu",
                             str(REAL / "h2d_runout_pause.jsonl"), "--json"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["state"], summary["stage"], summary["chamber"]) == ("paused", "cleaning nozzle tip", 48)
    assert summary["print_error"]["code"] == "0700-8006"
    assert summary["print_error"]["text"].startswith(RUNOUT_H2D_EN)
    assert (summary["nozzle"], summary["nozzle_target"]) == (264, 225)


_any = st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=6)
_nozzle = st.fixed_dictionaries({"id": _any, "snow": _any, "temp": _any})
_spool = st.fixed_dictionaries({"id": _any, "remain": _any, "tray_type": _any, "tag_uid": _any})
_newer = st.fixed_dictionaries({
    "device": st.fixed_dictionaries({"extruder": st.fixed_dictionaries({"info": st.lists(_nozzle, max_size=3) | _any,
                                                                        "state": _any}) | _any,
                                     "ctc": st.fixed_dictionaries({"info": st.fixed_dictionaries({"temp": _any})})
                                     | _any}) | _any,
    "vir_slot": st.lists(_spool, max_size=3) | _any,
    "ams": st.fixed_dictionaries({"tray_now": _any, "ams": st.lists(st.fixed_dictionaries(
        {"id": _any, "info": _any, "tray": st.lists(_spool, max_size=2)}), max_size=2)}) | _any,
    "print_error": _any, "stg_cur": _any, "gcode_state": st.sampled_from(["RUNNING", "PAUSE", "FAILED", "x"]),
})


@settings(max_examples=150, deadline=None)
@given(st.lists(_newer, min_size=1, max_size=3))
def test_garbled_newer_firmware_fields_never_break_the_state(reports: list[dict[str, Any]]) -> None:
    """The fields newer firmware added (device.extruder, device.ctc, vir_slot, AMS HT ids, print_error) in any
    shape: the state is derived anyway, unknown values stay None."""
    driver = BambuDriver(PrinterConfig(name="fuzz", kind="bambu", serial="x", model="H2D"), "")
    for report in reports:
        driver.apply_report({"print": report})
    state = driver.model.state
    assert isinstance(state.state, JobState) and sum(t.active for t in state.trays) <= 1
    assert all(n.temp is None or 0 <= n.temp <= 0xFFFF for n in state.nozzles)
