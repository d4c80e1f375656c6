"""Printers dock under load: 20 printer cards fed P1-style deltas at 4 Hz each from a network thread.

Measures, in the same run, the real cards against a bare baseline sink (one QLabel per printer fed through
the same queued bridge), so the ratio says what the cards cost on this machine:
* report → card updated latency p50/p99 (PrinterModel.patch on a foreign thread to the card's slot done);
* worst event-loop stall while the updates stream (a 5 ms probe timer), i.e. what a designer would feel.
Needs a display or QT_QPA_PLATFORM=offscreen (make bench runs under xvfb-run).
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

PRINTERS = 20
RATE_HZ = 4.0
SECONDS = 4.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _stream(models: list[Any], stop: threading.Event) -> None:
    """Like 20 P1 printers: every 250 ms each pushes a delta (layer, progress, temperatures)."""
    from printers.state import JobState

    step = 0
    while not stop.is_set():
        step += 1
        for i, model in enumerate(models):
            model.patch(state=JobState.PRINTING, layer=step, total_layers=400, progress=min(100, step / 4),
                        nozzle=219.0 + (step + i) % 3, nozzle_target=220.0, bed=55.0, bed_target=55.0,
                        remaining_min=400 - step, extra={"t": time.perf_counter()})
        stop.wait(1 / RATE_HZ)


def _measure(build: Callable[[Any], Callable[[Callable[[Any], None]], object]]) -> tuple[list[float], float, float]:
    """Run the stream against sinks made by `build(model)`; returns latencies (ms), the worst stall (ms) and the
    GUI thread's CPU share while streaming (thread CPU time / wall time, so other processes do not count)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from printers.base import PrinterConfig
    from printers.drivers.bambu.driver import BambuDriver

    drivers = [BambuDriver(PrinterConfig(name=f"P1S #{i}", kind="bambu", serial=f"01P00C{i:09d}"), "12345678")
               for i in range(PRINTERS)]
    latencies: list[float] = []
    for driver in drivers:
        build(driver)(lambda state: latencies.append((time.perf_counter() - state.extra["t"]) * 1000))
    warm_up = time.monotonic() + 0.5  # first show and style polish of the widgets are not the streaming cost
    while time.monotonic() < warm_up:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    stalls: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        stalls.append((now - last[0]) * 1000 - 5)
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(probe)
    timer.start()
    stop = threading.Event()
    thread = threading.Thread(target=_stream, args=([d.model for d in drivers], stop), daemon=True)
    thread.start()
    cpu0, wall0 = time.thread_time(), time.perf_counter()
    end = time.monotonic() + SECONDS
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    share = (time.thread_time() - cpu0) / (time.perf_counter() - wall0)
    stop.set()
    thread.join()
    timer.stop()
    QCoreApplication.processEvents()
    return latencies, max(stalls, default=0.0), share


def run() -> list[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from desktop.collector import settle
    from desktop.panels.printers.bridge import PrinterSignals
    from desktop.panels.printers.card import PrinterCard
    from desktop.workers import Workers

    app = QApplication.instance() or QApplication(["bench"])
    settle()  # the heap as the app leaves it after its start (desktop/collector.py), not the bench's leftovers
    workers = Workers(lambda _label, _exc: None)
    results: dict[str, tuple[list[float], float, float]] = {}
    for mode in ("bare", "cards"):
        host = QWidget()
        layout = QVBoxLayout(host)
        keep: list[Any] = []

        def build(driver: Any, mode: str = mode, layout: QVBoxLayout = layout, keep: list[Any] = keep
                  ) -> Callable[[Callable[[Any], None]], object]:
            if mode == "cards":
                card = PrinterCard(driver, workers)
                layout.addWidget(card)
                keep.append(card)
                return card.signals.state_changed.connect
            label, signals = QLabel(), PrinterSignals(driver.model)
            signals.state_changed.connect(lambda s: label.setText(f"{s.layer} / {s.total_layers}"))
            layout.addWidget(label)
            keep.extend((label, signals))
            return signals.state_changed.connect

        host.resize(420, 900)
        host.show()
        results[mode] = _measure(build)
        host.close()
        host.deleteLater()
    workers.shutdown()
    app.processEvents()
    (bare, bare_stall, bare_cpu), (cards, cards_stall, cards_cpu) = results["bare"], results["cards"]
    p50, p99 = statistics.median(cards), _percentile(cards, 0.99)
    bare_p99 = _percentile(bare, 0.99)
    note = f"{PRINTERS} printers × {RATE_HZ:g} Hz for {SECONDS:g} s; {len(cards)} updates delivered (coalesced)"
    return [
        {"name": "printers dock: report → card updated, p50", "value": p50, "unit": "ms",
         "baseline": statistics.median(bare), "ratio": p50 / max(statistics.median(bare), 1e-6), "note": note},
        {"name": "printers dock: report → card updated, p99", "value": p99, "unit": "ms", "baseline": bare_p99,
         "ratio": p99 / max(bare_p99, 1e-6), "target": "p99 < 50 ms", "ok": p99 < 50},
        {"name": "printers dock: worst event-loop stall while streaming", "value": cards_stall, "unit": "ms",
         "baseline": bare_stall, "ratio": cards_stall / max(bare_stall, 1e-6), "target": "< 50 ms",
         "ok": cards_stall < 50, "note": "5 ms probe timer; what a user dragging a slider would feel"},
        {"name": "printers dock: GUI thread CPU while streaming", "value": cards_cpu * 100, "unit": "% of a core",
         "baseline": bare_cpu * 100, "ratio": cards_cpu / max(bare_cpu, 1e-6), "target": "< 25 %",
         "ok": cards_cpu < 0.25, "note": "thread CPU time, so other processes on the machine do not count"},
    ]
