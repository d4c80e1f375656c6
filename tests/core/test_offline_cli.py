"""`potstudio generate` and `potstudio templates` as a script sees them: exit codes, stdout JSON,
stderr, and the files written."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import trimesh

from core.cli.main import main
from core.geometry.meshio import load_mesh

POTSTUDIO = [sys.executable, "-m", "core.cli.main"]


def test_generate_writes_a_3mf_that_reopens_with_its_parameters(tmp_path: Path) -> None:
    out = tmp_path / "pot.3mf"
    proc = subprocess.run(
        [*POTSTUDIO, "generate", "a plant pot 12 cm wide with drainage holes", "--then", "make it 20% taller",
         "-o", str(out), "--json"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"template", "parameters", "reply", "bbox_mm", "volume_mm3", "watertight", "bodies",
                           "questions", "turns"}
    assert result["template"] == "plant_pot" and result["parameters"]["height"] == pytest.approx(120)
    assert result["bbox_mm"] == pytest.approx([120, 120, 120], abs=0.01)
    assert result["watertight"] is True and result["bodies"] == 1 and result["questions"] == []
    loaded = load_mesh(out)
    assert loaded.document_json is not None
    assert json.loads(loaded.document_json)["metadata"]["template"] == "plant_pot"


def test_json_keeps_every_turn_so_a_wrong_intermediate_step_shows(tmp_path: Path) -> None:
    """issue 13: the question, the bare answer that filled it, and the edit, each with its own model."""
    out = tmp_path / "tag.stl"
    proc = subprocess.run(
        [*POTSTUDIO, "generate", "a name tag", "--then", "ANA", "--then", "make 3 of them", "-o", str(out), "--json"],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    turns = json.loads(proc.stdout)["turns"]
    assert [t["prompt"] for t in turns] == ["a name tag", "ANA", "make 3 of them"]
    assert turns[0]["template"] is None and turns[0]["parameters"] == {} and turns[0]["reply"].endswith("?")
    assert turns[1]["template"] == "name_tag" and turns[1]["parameters"]["text"] == "ANA"
    assert "copies" not in turns[1]["parameters"]
    assert turns[2]["parameters"]["text"] == "ANA" and turns[2]["parameters"]["copies"] == 3
    assert "3" in turns[2]["reply"]
    mesh = trimesh.load(out, force="mesh")
    assert len(mesh.split(only_watertight=False)) >= 3  # three tags on the plate


def test_generate_that_needs_an_answer_exits_2_with_the_question_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "case.stl"
    proc = subprocess.run([*POTSTUDIO, "generate", "an enclosure for my sensor board", "-o", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    assert "device width" in proc.stderr and proc.stderr.strip().endswith("?")
    assert not out.exists()


def test_plain_output_shows_the_conversation_and_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cube.obj"
    assert main(["generate", "a 20 mm cube", "--then", "how big is it?", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "> a 20 mm cube" in text and "20 × 20 × 20 mm" in text and f"Wrote {out}" in text
    assert trimesh.load(out, force="mesh").volume == pytest.approx(8000, rel=1e-6)


def test_unknown_output_format_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "a 20 mm cube", "-o", str(tmp_path / "cube.step")]) == 2
    assert "choose an output ending in .stl, .obj, .3mf" in capsys.readouterr().err


def test_missing_output_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "a 20 mm cube", "-o", str(tmp_path / "nowhere" / "cube.stl")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_bed_option_answers_will_it_fit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generate", "a plant pot 12.5 cm wide", "--then", "twice as wide", "--then", "will it fit my printer?",
                 "--bed", "180", "180", "180", "-o", str(tmp_path / "pot.stl"), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["reply"].startswith("No: it is 250 × 250 × 100 mm")


def test_templates_lists_every_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ids = {t["id"] for t in listed}
    assert {"plant_pot", "box_with_lid", "device_enclosure", "phone_stand", "block"} <= ids and len(ids) >= 15
    enclosure = next(t for t in listed if t["id"] == "device_enclosure")
    assert enclosure["required"] == ["device_width", "device_length", "device_height"]
    assert main(["templates"]) == 0
    assert "Plant pot / Vaso de planta" in capsys.readouterr().out


def test_unreachable_ai_service_falls_back_to_the_offline_planner(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port that was just free: nothing listens there any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "cube.stl"
    code = main(["generate", "a 20 mm cube", "--provider", f"http://127.0.0.1:{port}/v1", "--model", "any",
                 "-o", str(out), "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert "offline assistant answered instead" in result["reply"]
    assert result["template"] == "block" and result["volume_mm3"] == pytest.approx(8000)
    assert out.exists()
