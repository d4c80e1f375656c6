"""Printer book (keyring secrets), fleet with a scale assigned to a printer, the job queue and its dispatcher."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trimesh

from core import secrets
from printers.base import ConnectionState, PrinterConfig
from printers.book import PrinterBook
from printers.dispatch import dispatch_once
from printers.drivers.bambu.driver import BambuDriver
from printers.errors import PrinterConfigError
from printers.fleet import Fleet
from printers.mqtt import MqttSettings
from printers.queue import Job, JobQueue
from printers.runner import QueueRunner
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.simulator.potscale import ScaleOptions, ScaleSimulator
from printers.state import JobState, PrinterModel, PrinterState
from tests.printers.conftest import Mosquitto, wait_for


def test_book_keeps_secrets_out_of_the_json(isolated_home: Path) -> None:
    book = PrinterBook()
    book.add(PrinterConfig(name="X1C", kind="bambu", host="10.0.0.9", serial="00M00A1"), "31415926")
    text = book.path.read_text()
    assert "31415926" not in text and json.loads(text)["printers"][0]["serial"] == "00M00A1"
    assert PrinterBook().secret(PrinterBook().get("X1C")) == "31415926"
    with pytest.raises(PrinterConfigError, match="serial number and LAN access code"):
        book.add(PrinterConfig(name="P1S", kind="bambu", host="10.0.0.8"), None)
    book.remove("X1C")
    assert PrinterBook().list() == [] and secrets.get_secret("printer:bambu:X1C") is None


def test_queue_picks_fitting_printer_and_keeps_history(tmp_path: Path) -> None:
    queue = JobQueue(tmp_path / "q.sqlite")
    changes: list[int] = []
    queue.changed.connect(lambda: changes.append(len(queue.pending())))
    small = PrinterConfig(name="mini", kind="bambu", bed=(180, 180, 180), material="PLA")
    big = PrinterConfig(name="x1", kind="bambu", bed=(256, 256, 256), material="PLA")
    petg = PrinterConfig(name="petg", kind="bambu", bed=(256, 256, 256), material="PETG")
    tall = queue.enqueue(tmp_path / "vase.stl", size=(100, 100, 220))
    aimed = queue.enqueue(tmp_path / "cup.stl", printer="petg", material="PETG")
    assert queue.next_for(small) is None
    nxt = queue.next_for(big)
    assert nxt is not None and nxt.id == tall.id
    nxt = queue.next_for(petg)
    assert nxt is not None and nxt.id == aimed.id
    queue.mark_sending(tall.id, "x1")
    queue.mark_printing(tall.id)
    queue.finish(tall.id, "finished", filament_g=42.5)
    assert changes == [1, 2, 2, 2, 1]  # every change is announced, after it is saved
    reopened = JobQueue(tmp_path / "q.sqlite")
    [done] = reopened.history()
    assert done.status == "finished" and done.filament_g == 42.5 and done.duration_s is not None
    assert [j.id for j in reopened.pending()] == [aimed.id]


@pytest.fixture
def klipper_fleet(lan_broker: Mosquitto, tmp_path: Path) -> Iterator[tuple[MoonrakerSimulator, Fleet]]:
    """A virtual Klipper printer "k1" with a 3D Pot scale assigned to it, both in the printer book."""
    sim = MoonrakerSimulator(  # reached through Moonraker's websocket API, the default way to add a Klipper printer
        MoonrakerOptions(instance="k1", gcodes=tmp_path / "gcodes", status_interval=0.05, speed=200,
                         layer_seconds=5, heat_seconds=10)).start()  # a print of ~0.5 s: several scale readings
    scale = ScaleSimulator(ScaleOptions(interval=0.05, speed=20),
                           MqttSettings("127.0.0.1", lan_broker.port, "scale-sim", "scale", "esp32")).start()
    book = PrinterBook(tmp_path / "printers.json")
    book.add(PrinterConfig(name="k1", kind="moonraker", host="127.0.0.1", http_port=sim.http_port,
                           bed=(220, 220, 250)))
    book.add(PrinterConfig(name="scale", kind="potscale", host="127.0.0.1", port=lan_broker.port,
                           username="studio", assigned_to="k1"), "pots")
    fleet = Fleet(book)
    fleet.start()
    k1 = fleet.get("k1")
    wait_for(lambda: k1.model.connection == ConnectionState.ONLINE and k1.model.state.state == JobState.IDLE,
             what="k1 idle")
    yield sim, fleet
    fleet.stop()
    sim.stop()
    scale.stop()


@pytest.mark.services
def test_fleet_dispatches_a_model_to_klipper_and_records_the_outcome(
        klipper_fleet: tuple[MoonrakerSimulator, Fleet], tmp_path: Path) -> None:
    sim, fleet = klipper_fleet
    k1 = fleet.get("k1")
    wait_for(lambda: k1.model.state.filament is not None, what="scale reading on the printer card")
    model = tmp_path / "cube.stl"
    trimesh.creation.box(extents=(15, 15, 3)).export(model)
    queue = JobQueue(tmp_path / "q.sqlite")
    job = queue.enqueue(model, size=(15, 15, 3))
    started = dispatch_once(queue, fleet.drivers.values())
    assert [(j.id, j.printer) for j in started] == [(job.id, "k1")]
    wait_for(lambda: queue.history(), timeout=20, what="job recorded")
    [done] = queue.history()
    assert done.status == "finished" and done.printer == "k1"
    assert done.filament_g is not None and done.filament_g > 0
    assert sim.status["print_stats"]["info"]["total_layer"] == 15


class _WatchedQueue(JobQueue):
    """The real queue, counting the runner's dispatch passes (each starts by reading pending() on its thread), so a
    test can wait for a pass to have happened instead of sleeping and hoping one did."""

    passes = 0

    def pending(self) -> list[Job]:
        if threading.current_thread().name == "print-queue":
            self.passes += 1
        return super().pending()


@pytest.mark.services
def test_runner_waits_for_the_plate_to_be_cleared_between_jobs(
        klipper_fleet: tuple[MoonrakerSimulator, Fleet], tmp_path: Path) -> None:
    _sim, fleet = klipper_fleet
    queue = _WatchedQueue(tmp_path / "q.sqlite")
    files = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.gcode"
        path.write_text(";LAYER_CHANGE\nG1 Z0.2\n;LAYER_CHANGE\nG1 Z0.4\n")
        files.append(path)
    runner = QueueRunner(queue, fleet).start()
    try:
        first, second = (queue.enqueue(f, printer="k1") for f in files)
        runner.poke()
        wait_for(lambda: [j.id for j in queue.history()] == [first.id], timeout=20, what="first job done")
        passes = queue.passes
        runner.poke()
        wait_for(lambda: queue.passes > passes, timeout=20, what="the runner looked at the queue again")
        assert [(j.id, j.status) for j in queue.pending()] == [(second.id, "queued")]
        runner.plate_cleared("k1")
        wait_for(lambda: len(queue.history()) == 2, timeout=20, what="second job done")
        assert [j.status for j in queue.history()] == ["finished", "finished"]
    finally:
        runner.stop()


def test_tracking_ignores_the_previous_jobs_ending(tmp_path: Path) -> None:
    queue = JobQueue(tmp_path / "q.sqlite")
    model = PrinterModel("x1")
    model.update(PrinterState(state=JobState.FINISHED, job_name="old"))
    job = queue.enqueue(tmp_path / "new.gcode.3mf", printer="x1")
    queue.mark_sending(job.id, "x1")
    queue.track(job, model)
    model.patch(nozzle=30.0)  # still the old job's FINISHED
    assert queue.history() == []
    model.patch(state=JobState.PREPARING, job_name="new")
    model.patch(state=JobState.PRINTING)
    model.patch(state=JobState.FAILED, error="printer error 0300400C")
    [done] = queue.history()
    assert (done.status, done.message) == ("failed", "printer error 0300400C")


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "printers" / "real"


def _track_real_log(tmp_path: Path, log: str, model: str) -> JobQueue:
    """A job tracked on a Bambu driver fed a real printer's reports in the order it sent them."""
    queue = JobQueue(tmp_path / "q.sqlite")
    driver = BambuDriver(PrinterConfig(name="bambu", kind="bambu", serial="x", model=model), "")
    job = queue.enqueue(tmp_path / "pot.gcode.3mf", printer="bambu")
    queue.mark_sending(job.id, "bambu")
    queue.track(job, driver.model)
    for line in (REAL / log).read_text().splitlines():
        driver.apply_report(json.loads(line))
    return queue


def test_a_users_stop_reported_as_failed_before_its_cancel_code_ends_cancelled(tmp_path: Path) -> None:
    """Real P2S log: RUNNING, a pause, then the user's stop: FAILED with no code, then 0300-400C 4.6 s later."""
    queue = _track_real_log(tmp_path, "p2s_pause_then_stop.jsonl", "P2S")
    assert queue.pending() == []
    [done] = queue.history()
    assert (done.status, done.message) == ("cancelled", "")


def test_a_failure_without_a_reason_stays_failed(tmp_path: Path) -> None:
    queue = JobQueue(tmp_path / "q.sqlite")
    model = PrinterModel("x1")
    job = queue.enqueue(tmp_path / "pot.gcode.3mf", printer="x1")
    queue.mark_sending(job.id, "x1")
    queue.track(job, model)
    model.patch(state=JobState.PRINTING, job_name="pot")
    model.patch(state=JobState.FAILED)
    model.patch(nozzle=40.0)  # still FAILED, still no reason
    assert [j.status for j in queue.history()] == ["failed"]
    model.patch(state=JobState.FAILED, error="Heatbed temperature malfunction")  # the reason comes late
    model.patch(state=JobState.IDLE)
    model.patch(state=JobState.CANCELLED)  # a later job's outcome is not this one's
    [done] = queue.history()
    assert (done.status, done.message) == ("failed", "Heatbed temperature malfunction")
