"""Notices and HMS errors carry a stable code + parameters (for translated views) and English text (for the CLI)."""

from __future__ import annotations

from printers.errors import DeveloperModeError
from printers.hms import decode
from printers.state import JobState, Notice, PrinterModel, PrinterState


def test_hms_errors_have_stable_codes_and_english_text() -> None:
    known = decode(0x07002000, 0x00020001)
    assert known.code == "HMS_0700_2000_0002_0001" and known.message.code == "hms.0700200000020001"
    assert known.text == "AMS A slot 1 has run out of filament."
    unknown = decode(0x12001100, 0x00010001)
    assert unknown.message.code == "hms.generic" and unknown.message.terms == ("module", "severity")
    assert dict(unknown.message.params) == {"module": "AMS lite", "severity": "fatal",
                                            "code": "HMS_1200_1100_0001_0001"}
    assert unknown.text == "AMS lite reported a fatal event; look up HMS_1200_1100_0001_0001 on the Bambu Lab wiki."


def test_job_and_hms_notices_carry_codes_and_parameters() -> None:
    model = PrinterModel("x1")
    seen: list[Notice] = []
    model.notice.connect(seen.append)
    model.update(PrinterState(state=JobState.PRINTING, job_name="Planter"))
    model.patch(state=JobState.PAUSED, hms=(decode(0x07002000, 0x00020001),))
    paused, hms = seen
    assert (paused.kind, paused.message.code, dict(paused.message.params)) == \
        ("paused", "print.paused", {"job": "Planter", "error": ""})
    assert paused.text == "Planter: print paused."
    assert hms.kind == "hms" and hms.hms is not None and hms.message.code == "hms.0700200000020001"
    assert hms.text == "HMS_0700_2000_0002_0001: AMS A slot 1 has run out of filament."
    refused = DeveloperModeError("pause")
    assert refused.message.code == "command.developer_mode" and refused.message.params == {"command": "pause"}
    assert str(refused).startswith("The printer refused 'pause'") and "Developer Mode" in str(refused)
