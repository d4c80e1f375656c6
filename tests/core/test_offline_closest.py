"""An object the library cannot make gets the template nearest in meaning, found by the embedding model that
ships inside the wordllama wheel: offline (no socket opened, no file fetched), loaded only when such a
request comes, and said by name in the reply ("the closest I can make is a pen cup — shall I?")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

POTSTUDIO = [sys.executable, "-m", "core.cli.main"]
ROOT = Path(__file__).resolve().parents[2]


def generate(*argv: str, out: Path) -> tuple[int, dict[str, Any]]:
    proc = subprocess.run([*POTSTUDIO, "generate", *argv, "-o", str(out), "--json"], capture_output=True,
                          text=True, timeout=180, check=False, cwd=ROOT)
    return proc.returncode, json.loads(proc.stdout)


def test_cli_offers_the_template_nearest_in_meaning_and_makes_it_on_yes(tmp_path: Path) -> None:
    out = tmp_path / "holder.stl"
    code, result = generate("a toothbrush holder", out=out)
    assert code == 2 and not out.exists()
    assert result["reply"] == "I can't make a toothbrush holder yet; the closest I can make is a pen cup — shall I?"
    assert result["questions"] == [result["reply"]]

    code, result = generate("a toothbrush holder", "--then", "yes", out=out)
    assert code == 0, result["reply"]
    assert result["template"] == "pen_cup" and out.exists()


def test_an_object_nothing_resembles_is_said_so_with_what_it_can_make(tmp_path: Path) -> None:
    code, result = generate("a robot arm", out=tmp_path / "arm.stl")
    assert code == 2
    assert result["reply"].startswith("I can't make a robot arm yet, and nothing I make is close to it. I can make ")
    assert "plant pot" in result["reply"].lower() and result["questions"] == [result["reply"]]

    code, result = generate("a robot arm", "--then", "the plant pot then", out=tmp_path / "pot.stl")
    assert code == 0 and result["template"] == "plant_pot", result["reply"]


def test_a_generic_holder_is_named_with_what_it_holds(tmp_path: Path) -> None:
    code, result = generate("I need a holder for my drill", out=tmp_path / "drill.stl")
    assert code == 2
    assert result["reply"].startswith("I can't make a holder for my drill yet; the closest I can make is "), \
        result["reply"]


def test_a_portuguese_request_is_offered_a_stand_for_a_stand(tmp_path: Path) -> None:
    """"suporte" names a bit holder, a shelf bracket and a phone stand alike: meaning picks the stand."""
    code, result = generate("um suporte para relógio", out=tmp_path / "relogio.stl")
    assert code == 2
    assert result["reply"].startswith("Ainda não sei fazer suporte para relógio; ")  # not just "suporte"
    assert "o mais parecido que sei fazer é Suporte de celular" in result["reply"] \
        or "o mais parecido que sei fazer é Suporte de tablet" in result["reply"], result["reply"]


_OFFLINE = textwrap.dedent("""
    import json, logging, socket, sys
    tried = []
    def refuse(*args, **kwargs):
        tried.append(repr(args[:2]))
        raise OSError("network blocked by the test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.getaddrinfo = refuse
    socket.create_connection = refuse
    from core.assistant.offline.embedding import Embeddings
    from core.templates.registry import load_all
    model = Embeddings.load()
    top = model.ranking("a toothbrush holder", load_all().values())[0][1].id if model else None
    print(json.dumps({"top": top, "tried": tried, "root_handlers": len(logging.getLogger().handlers)}))
""")


def test_the_model_loads_from_its_wheel_without_touching_the_network(tmp_path: Path) -> None:
    """Every socket call fails and HOME is empty: a loader that tried to download (its default when a file is
    not where it looks) would fail to load or leave a ~/.cache/wordllama behind."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "HF_HOME": str(home / "hf")}
    proc = subprocess.run([sys.executable, "-c", _OFFLINE], capture_output=True, text=True, timeout=180,
                          check=True, cwd=ROOT, env=env)
    result = json.loads(proc.stdout)
    assert result == {"top": "pen_cup", "tried": [], "root_handlers": 0}, proc.stderr
    assert list(home.iterdir()) == []


_LAZY = textwrap.dedent("""
    import argparse, contextlib, io, json, sys
    import desktop.main_window, desktop.assistant  # what the app imports at start
    from core.cli import generate_cmd
    def run(prompt):
        parser = argparse.ArgumentParser()
        generate_cmd.register(parser.add_subparsers())
        args = parser.parse_args(["generate", prompt, "-o", sys.argv[1], "--json"])
        with contextlib.redirect_stdout(io.StringIO()):
            args.func(args)
        return "wordllama" in sys.modules
    print(json.dumps(["wordllama" in sys.modules, run("a plant pot 12 cm wide"), run("a toothbrush holder")]))
""")


def test_the_model_is_loaded_only_when_an_object_the_library_lacks_is_asked_for(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _LAZY, str(tmp_path / "m.stl")], capture_output=True, text=True,
                          timeout=180, check=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    at_start, after_a_pot, after_an_unknown_object = json.loads(proc.stdout.splitlines()[-1])
    assert (at_start, after_a_pot, after_an_unknown_object) == (False, False, True)


_WITHOUT = textwrap.dedent("""
    import sys
    sys.modules["wordllama"] = None  # the package is not installed: importing it raises ImportError
    from core.cli.main import main
    raise SystemExit(main(sys.argv[1:]))
""")


def test_without_the_model_the_shared_words_still_offer_a_template_and_the_log_says_why(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _WITHOUT, "generate", "a toothbrush holder", "-o",
                           str(tmp_path / "m.stl"), "--json"], capture_output=True, text=True, timeout=180,
                          check=False, cwd=ROOT)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["reply"].startswith("I can't make a toothbrush holder yet; the closest I can make")
    assert "the embedding model is unavailable" in proc.stderr and "chosen by shared words" in proc.stderr
