"""Recent temperatures of one printer, for the dock's live chart: a time-bounded ring of samples, evented.

Reports arrive up to 5 times a second; a chart needs at most one point a second, so a report within
`resolution` of the last point updates that point (keeping its time) instead of adding one.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from core.events import Signal
from printers.state import PrinterModel, PrinterState


@dataclass(frozen=True)
class Sample:
    t: float
    nozzle: float | None
    nozzle_target: float | None
    bed: float | None
    bed_target: float | None
    chamber: float | None


class TemperatureHistory:
    def __init__(self, model: PrinterModel, seconds: float = 600.0, resolution: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.resolution = resolution
        self._clock = clock
        self._samples: deque[Sample] = deque()
        self._lock = threading.Lock()
        self.changed: Signal[[Sample]] = Signal()  # a point was added or the last one updated
        model.changed.connect(self._on_change)

    def samples(self) -> list[Sample]:
        with self._lock:
            return list(self._samples)

    def _on_change(self, state: PrinterState) -> None:
        now = self._clock()
        sample = Sample(now, state.nozzle, state.nozzle_target, state.bed, state.bed_target, state.chamber)
        with self._lock:
            if self._samples and _temps(sample) == _temps(self._samples[-1]):
                return
            if self._samples and now - self._samples[-1].t < self.resolution:
                sample = Sample(self._samples[-1].t, *_temps(sample))
                self._samples[-1] = sample
            else:
                self._samples.append(sample)
            while self._samples and now - self._samples[0].t > self.seconds:
                self._samples.popleft()
        self.changed.emit(sample)


def _temps(sample: Sample) -> tuple[float | None, ...]:
    return sample.nozzle, sample.nozzle_target, sample.bed, sample.bed_target, sample.chamber
