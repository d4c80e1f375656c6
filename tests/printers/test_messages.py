"""Notices and HMS errors carry a stable code + parameters (for translated views) and English text (for the CLI)."""

from __future__ import annotations

from printers.errors import DeveloperModeError
from printers.hms import decode
from printers.state import JobState, Notice, PrinterModel, PrinterState


def test_hms_errors_have_stable_codes_and_english_text() -> None:
    known = decode(0x07002000, 0x00020001)
    assert known.code == "HMS_0700_2000_0002_0001" and known.message.code == "hms.0700200000020001"
    assert known.text == "AMS A Slot 1 filament has run out. Please insert a new filament." and known.known
    unknown = decode(0x05000600, 0x00020070)  # Bambu's table has no text for it
    assert not unknown.known and unknown.message.code == "hms.generic"
    assert unknown.message.terms == ("module", "severity")
    assert dict(unknown.message.params) == {"module": "Mainboard", "severity": "serious",
                                            "code": "HMS_0500_0600_0002_0070"}
    assert unknown.text == "Mainboard reported a serious event; look up HMS_0500_0600_0002_0070 on the Bambu Lab wiki."


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
    assert hms.text == "AMS A Slot 1 filament has run out. Please insert a new filament. (HMS_0700_2000_0002_0001)"
    assert hms.kind == "hms" and hms.hms is not None and hms.message.code == "hms.0700200000020001"
    refused = DeveloperModeError("pause")
    assert refused.message.code == "command.developer_mode" and refused.message.params == {"command": "pause"}
    assert str(refused).startswith("The printer refused 'pause'") and "Developer Mode" in str(refused)
