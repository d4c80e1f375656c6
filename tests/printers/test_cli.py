"""The `potstudio` printer commands run as a user would: real processes, the embedded (amqtt) virtual printer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import trimesh

from core.cli.main import main
from tests.printers.conftest import potstudio, running_sim

FIXTURES = Path(__file__).parent.parent / "fixtures" / "printers"


def test_replay_bambu_log_gives_the_normalised_final_state(isolated_home: Path) -> None:
    result = potstudio("printers", "replay", "--kind", "bambu", str(FIXTURES / "p1s_print.jsonl"), "--json",
                       home=isolated_home)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert state["state"] == "printing" and state["progress"] == 71 and state["remaining_min"] == 60
    assert (state["layer"], state["total_layers"]) == (288, 412)
    assert (state["nozzle"], state["nozzle_target"], state["bed"], state["bed_target"]) == (220.1, 220, 55.0, 55)
    assert state["speed_level"] == 3
    assert state["hms"] == [{"code": "HMS_0700_2000_0002_0001",
                             "text": "AMS A Slot 1 filament has run out. Please insert a new filament."}]
    trays = {(t["unit"], t["slot"]): t for t in state["trays"]}
    assert trays[(0, 1)]["remain"] == 21 and trays[(0, 1)]["active"] and trays[(0, 0)]["remain"] == 95
    assert trays[(0, 3)]["material"] == "PETG" and trays[(0, 2)]["material"] == ""
    assert "line 7" in result.stderr


def test_replay_moonraker_log(isolated_home: Path) -> None:
    result = potstudio("printers", "replay", "--kind", "moonraker", str(FIXTURES / "voron_print.jsonl"), "--json",
                       home=isolated_home)
    state = json.loads(result.stdout)
    assert state["state"] == "paused" and state["progress"] == 25.0 and state["remaining_min"] == 60
    assert (state["layer"], state["total_layers"], state["nozzle_target"]) == (60, 180, 240.0)
    assert "line 5" in result.stderr


@pytest.mark.services
def test_virtual_bambu_printer_status_and_print_end_to_end(isolated_home: Path, tmp_path: Path) -> None:
    """printer-sim (amqtt + TLS + FTPS) → printers status → print an STL: sliced by PrusaSlicer, uploaded, done."""
    with running_sim(isolated_home, "--kind", "bambu", "--style", "P1", "--name", "virt", "--speed", "3000",
                     "--interval", "0.1", "--add", "--seconds", "90") as announced:
        assert announced["printer"]["tls_mode"] == "custom_ca"
        status = potstudio("printers", "status", "--json", home=isolated_home)
        assert status.returncode == 0, status.stderr
        [row] = json.loads(status.stdout)
        assert row["connection"] == "online" and row["state"] == "idle"
        assert len([t for t in row["trays"] if t["unit"] == 0]) == 4  # AMS A; the external spool is listed too
        model = tmp_path / "cube.stl"
        trimesh.creation.box(extents=(10, 10, 2)).export(model)
        started = time.monotonic()
        printed = potstudio("print", str(model), "--printer", "virt", home=isolated_home, timeout=120)
        assert printed.returncode == 0, printed.stderr + printed.stdout
        assert "started cube.gcode.3mf on virt" in printed.stderr
        assert "finished 'cube'" in printed.stdout.splitlines()[-1]
        assert time.monotonic() - started < 60


def test_add_list_remove_with_the_access_code_only_in_the_keyring(isolated_home: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POTSTUDIO_PRINTER_SECRET", "87654321")
    assert main(["printers", "add", "Garage X1", "--kind", "bambu", "--host", "192.168.1.50", "--serial", "00M00A9",
                 "--insecure"]) == 0
    assert "will NOT be verified" in capsys.readouterr().err
    assert main(["printers", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["name"], listed["tls_mode"], listed["serial"]) == ("Garage X1", "insecure", "00M00A9")
    assert "87654321" not in (isolated_home / "data" / "printers.json").read_text()
    assert main(["printers", "add", "P1", "--kind", "bambu", "--host", "192.168.1.51"]) == 2
    assert "serial number and LAN access code" in capsys.readouterr().err
    assert main(["printers", "remove", "Garage X1"]) == 0
    assert main(["printers", "list"]) == 0
    assert "No printers yet" in capsys.readouterr().out


@pytest.mark.services
def test_a_klipper_printer_with_an_api_key_is_added_from_the_cli_and_reached_over_moonrakers_api(
        isolated_home: Path) -> None:
    """printer-sim --kind moonraker serves Moonraker's websocket API with an API key; `printers add --port
    --api-key` keeps the key in the keyring only, and `printers status` reaches the printer with it."""
    with running_sim(isolated_home, "--kind", "moonraker", "--name", "voron", "--access-code", "5f3a9c1e7b2d4f60",
                     "--interval", "0.1", "--seconds", "90") as announced:
        printer = announced["printer"]
        assert (printer["instance"], printer["port"]) == ("", 0)  # no MQTT: Moonraker's own API
        port = str(printer["http_port"])
        added = subprocess.run([sys.executable, "-m", "core.cli.main", "printers", "add", "Voron", "--kind",
                                "moonraker", "--host", "127.0.0.1", "--port", port, "--api-key"],
                               capture_output=True, text=True, timeout=60,
                               env={**os.environ, "POTSTUDIO_HOME": str(isolated_home),
                                    "POTSTUDIO_PRINTER_SECRET": "5f3a9c1e7b2d4f60"})
        assert added.returncode == 0, added.stderr
        saved = (isolated_home / "data" / "printers.json").read_text()
        assert "5f3a9c1e7b2d4f60" not in saved and json.loads(saved)["printers"][0]["http_port"] == int(port)
        assert f"Voron [moonraker] 127.0.0.1:{port}" in potstudio("printers", "list", home=isolated_home).stdout
        status = potstudio("printers", "status", "--json", home=isolated_home)
        assert status.returncode == 0, status.stdout + status.stderr
        [row] = json.loads(status.stdout)
        assert (row["connection"], row["state"]) == ("online", "idle")
        wrong = potstudio("printers", "add", "Other", "--kind", "bambu", "--host", "10.0.0.2", "--api-key",
                          home=isolated_home)
        assert wrong.returncode == 2 and "--api-key is for Moonraker printers" in wrong.stderr
        bad = potstudio("printers", "add", "Other", "--kind", "moonraker", "--host", "10.0.0.2", "--port", "99999",
                        home=isolated_home)
        assert bad.returncode == 2 and "'99999' is not a TCP port" in bad.stderr
