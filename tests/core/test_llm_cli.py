"""`potstudio generate --provider URL` end to end: the real CLI, the real template library and the real
offline planner, with the scripted OpenAI-compatible server standing in for the remote model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import trimesh

from core.assistant.llm.presets import LLMConfig
from core.cli.main import main
from core.secrets import set_secret
from tests.core.fake_openai import MODEL, FakeOpenAI, refused_url, text_reply, tool_reply


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def generate(url: str, out: Path, prompt: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["generate", prompt, "--provider", url, "--model", MODEL, "-o", str(out), "--json"])
    stdout = capsys.readouterr().out
    return code, json.loads(stdout) if stdout.strip() else {}


def test_generate_with_an_llm_writes_the_model_it_chose(llm: FakeOpenAI, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    set_secret(LLMConfig.custom(llm.base_url, MODEL).secret_key, "sk-cli")
    args = {"template": "plant_pot", "parameters": {"top_diameter": 150, "bottom_diameter": 110, "height": 130}}
    llm.enqueue(tool_reply(("create_from_template", args), pieces=6), text_reply("A 150 mm pot, 130 mm tall."))
    out = tmp_path / "pot.stl"
    code, result = generate(llm.base_url, out, "a plant pot 15 cm wide and 13 cm tall", capsys)

    assert code == 0
    assert result["template"] == "plant_pot" and result["reply"] == "A 150 mm pot, 130 mm tall."
    mesh = trimesh.load(out)
    assert mesh.is_watertight
    assert [round(float(v)) for v in mesh.extents] == [150, 150, 130]
    assert llm.requests[0].headers["authorization"] == "Bearer sk-cli"


def test_generate_falls_back_offline_when_the_service_is_down(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pot.stl"
    code, result = generate(refused_url(), out, "a plant pot 12 cm wide", capsys)

    assert code == 0 and result["template"] == "plant_pot"
    assert str(result["reply"]).startswith("[Cannot connect to 127.0.0.1")
    assert "The offline assistant answered instead." in str(result["reply"])
    assert round(float(trimesh.load(out).extents[0])) == 120
