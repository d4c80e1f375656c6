"""The temperature history behind the dock's live chart."""

from __future__ import annotations

from printers.history import Sample, TemperatureHistory
from printers.state import PrinterModel


def test_history_keeps_one_point_per_second_for_the_window() -> None:
    now = [0.0]
    model = PrinterModel("x1")
    history = TemperatureHistory(model, seconds=10, resolution=1.0, clock=lambda: now[0])
    updates: list[Sample] = []
    history.changed.connect(updates.append)
    for step in range(60):  # 5 reports a second for 12 s, nozzle heating 1 °C per report
        now[0] = step * 0.2
        model.patch(nozzle=25.0 + step, bed=60.0)
    samples = history.samples()
    assert [round(s.t) for s in samples] == list(range(2, 12))  # one a second; older than 10 s dropped
    assert samples[-1].nozzle == 84.0  # the last point carries the newest reading
    model.patch(job_name="same temperatures")  # not a temperature change
    assert history.samples() == samples and len(updates) == 60
