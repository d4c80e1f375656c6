"""Which printer changes deserve a desktop notification, and what it says: a print that ends, fails, pauses or is
stopped, and a new HMS event the maker explains — never a second notice for the same event, never one for the state
the app found when it connected (issue 16: mutation testing showed these rules were only exercised by a fuzz test
that checks nothing crashes)."""

from __future__ import annotations

from printers.base import ConnectionState
from printers.hms import decode, decode_error
from printers.state import JobState, Notice, PrinterModel, PrinterState, Tray

RUNOUT = decode_error(0x07008011)  # AMS filament ran out (Bambu's device_error table)
CANCELLED_BY_USER = decode_error(0x0300400C)
UNEXPLAINED = decode_error(0x0FFF0FFF)  # no text in the maker's table
AMS_HMS = decode(0x07002000, 0x00020001)  # AMS A Slot 1 filament has run out
UNKNOWN_HMS = decode(0x05000600, 0x00020070)


def _printing(**fields: object) -> tuple[PrinterModel, list[Notice]]:
    model = PrinterModel("p1s")
    model.update(PrinterState(state=JobState.PRINTING, job_name="Planter"))
    heard: list[Notice] = []
    model.notice.connect(heard.append)
    if fields:
        model.patch(**fields)
    return model, heard


def _said(heard: list[Notice]) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in heard]


def test_the_job_state_found_on_connecting_is_not_announced_but_an_hms_event_is() -> None:
    model = PrinterModel("p1s")
    heard: list[Notice] = []
    model.notice.connect(heard.append)
    model.update(PrinterState(state=JobState.FAILED, job_name="Planter", print_error=RUNOUT, hms=(AMS_HMS,)))
    assert _said(heard) == [("hms", f"{AMS_HMS.text} ({AMS_HMS.code})")]


def test_a_finished_print_is_announced_once_with_its_job_name() -> None:
    model, heard = _printing()
    model.patch(state=JobState.FINISHED, progress=100.0)
    model.patch(state=JobState.FINISHED, progress=100.0, remaining_min=0)
    assert _said(heard) == [("finished", "Planter: print finished.")]


def test_a_job_without_a_name_is_called_job() -> None:
    model, heard = _printing(job_name="")
    model.patch(state=JobState.CANCELLED)
    assert _said(heard) == [("cancelled", "job: print cancelled.")]


def test_a_failure_with_a_reason_says_why_and_carries_the_code() -> None:
    _, heard = _printing(state=JobState.FAILED, print_error=RUNOUT)
    [notice] = heard
    assert notice.kind == "failed" and notice.hms == RUNOUT
    assert notice.text == f"Planter: print failed. {RUNOUT.text} ({RUNOUT.code})"


def test_a_failure_with_only_an_error_text_says_it() -> None:
    _, heard = _printing(state=JobState.FAILED, error="Nozzle clog")
    assert _said(heard) == [("failed", "Planter: print failed. Nozzle clog")]
    assert heard[0].hms is None


def test_a_print_stopped_by_its_user_is_stopped_and_the_cancel_code_after_it_adds_nothing() -> None:
    model, heard = _printing(state=JobState.FAILED)
    model.patch(state=JobState.CANCELLED)
    assert _said(heard) == [("stopped", "Planter: print stopped.")]


def test_a_reason_arriving_after_the_stop_turns_it_into_a_failure_once() -> None:
    model, heard = _printing(state=JobState.FAILED)
    model.patch(print_error=RUNOUT)
    assert [n.kind for n in heard] == ["stopped", "failed"] and heard[1].hms == RUNOUT
    model.patch(print_error=RUNOUT, remaining_min=0)
    assert len(heard) == 2


def test_a_failure_with_a_reason_then_cancelled_is_announced_as_cancelled() -> None:
    model, heard = _printing(state=JobState.FAILED, print_error=CANCELLED_BY_USER)
    model.patch(state=JobState.CANCELLED)
    assert [n.kind for n in heard] == ["failed", "cancelled"]


def test_a_pause_names_its_reason_and_an_unexplained_code_falls_back_to_the_error_text() -> None:
    model, heard = _printing(state=JobState.PAUSED, print_error=RUNOUT)
    model.patch(state=JobState.PRINTING, print_error=None)
    model.patch(state=JobState.PAUSED, print_error=UNEXPLAINED, error="Check the AMS")
    assert _said(heard) == [("paused", f"Planter: print paused. {RUNOUT.text} ({RUNOUT.code})"),
                            ("paused", f"Planter: print paused. Check the AMS ({UNEXPLAINED.code})")]


def test_a_cancelled_print_does_not_carry_the_error_that_came_before() -> None:
    _, heard = _printing(state=JobState.CANCELLED, print_error=RUNOUT)
    assert _said(heard) == [("cancelled", "Planter: print cancelled.")] and heard[0].hms is None


def test_progress_alone_is_no_notice_but_views_hear_of_it() -> None:
    model, heard = _printing()
    seen: list[PrinterState] = []
    model.changed.connect(seen.append)
    model.patch(progress=42.0)
    model.patch(progress=42.0)
    assert heard == [] and [s.progress for s in seen] == [42.0] and model.state.progress == 42.0


def test_only_new_hms_events_the_maker_explains_are_announced() -> None:
    model, heard = _printing(hms=(AMS_HMS, UNKNOWN_HMS))
    model.patch(hms=(AMS_HMS, UNKNOWN_HMS), progress=50.0)
    assert _said(heard) == [("hms", f"{AMS_HMS.text} ({AMS_HMS.code})")] and heard[0].hms == AMS_HMS


def test_a_connection_change_is_heard_once_and_a_new_detail_again() -> None:
    model = PrinterModel("p1s")
    assert model.name == "p1s"  # what the card and its notifications are titled
    heard: list[tuple[ConnectionState, str]] = []
    model.connection_changed.connect(lambda state, detail: heard.append((state, detail)))
    model.set_connection(ConnectionState.DISCONNECTED)
    model.set_connection(ConnectionState.CONNECTING, "192.168.1.20")
    model.set_connection(ConnectionState.CONNECTING, "192.168.1.20")
    model.set_connection(ConnectionState.CONNECTING, "retrying")
    assert heard == [(ConnectionState.CONNECTING, "192.168.1.20"), (ConnectionState.CONNECTING, "retrying")]
    assert (model.connection, model.connection_detail) == (ConnectionState.CONNECTING, "retrying")


def test_the_replay_summary_has_the_documented_shape() -> None:
    state = PrinterState(state=JobState.PAUSED, progress=12.5, remaining_min=30, layer=4, total_layers=80,
                         nozzle=220.0, nozzle_target=220.0, bed=60.0, bed_target=60.0, chamber=31.0, stage="printing",
                         speed_level=2, print_error=RUNOUT, hms=(AMS_HMS,),
                         trays=(Tray(0, 0, "PLA", "FF0000FF", 80, True, "A1", "AMS"),))
    assert state.summary() == {
        "state": "paused", "progress": 12.5, "remaining_min": 30, "layer": 4, "total_layers": 80, "nozzle": 220.0,
        "nozzle_target": 220.0, "bed": 60.0, "bed_target": 60.0, "chamber": 31.0, "stage": "printing",
        "speed_level": 2, "print_error": {"code": "0700-8011", "text": RUNOUT.text},
        "hms": [{"code": AMS_HMS.code, "text": AMS_HMS.text}],
        "trays": [{"unit": 0, "slot": 0, "material": "PLA", "color": "FF0000FF", "remain": 80, "active": True,
                   "name": "A1", "unit_model": "AMS"}],
    }
    assert PrinterState().summary()["print_error"] is None and PrinterState().to_dict()["state"] == "unknown"
