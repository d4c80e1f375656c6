"""Whether a request names a template or another object that merely contains the template's name, and which
template an unknown object is offered: run through `potstudio generate --json` in-process, as a user types."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.acceptance.test_acceptance import run_cli
from tests.acceptance.test_closest import outcome


@pytest.mark.parametrize(("prompt", "template"), [
    ("a towel hook", "wall_hook"),                        # the compound is the template's own name
    ("a cute little vase", "vase"),                       # adjectives qualify, they name nothing else
    ("a spiral vase mode vase", "vase"),                  # qualifiers it knows keep it
    ("a coin-sized disc", "block"),                       # "-sized" says how big, not what
    ("a set of four coasters", "coaster"),                # the name it is part of is "set", not coaster's
    ("um vaso quadrado", "plant_pot"),                    # Portuguese adjectives follow the head
    ("prendedor de saco de pão", "bag_clip"),             # "de pão" qualifies "saco", a word it knows
    ("a plant pot", "plant_pot"),
])
def test_a_name_the_template_owns_makes_it(prompt: str, template: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == f"made:{template}"


@pytest.mark.parametrize("prompt", [
    "a ring dish",                  # the head noun (dish) is no tube's word, though "ring" is a tube
    "a baseball cap",               # every qualifier foreign to the jar lid
    "a screwdriver handle",         # no drawer pull
    "um organizador de pilhas",     # "de pilhas": what it organises, unknown to the box
    "uma abraçadeira de cano",      # head first in Portuguese: a clamp, not a pipe
])
def test_a_template_name_inside_another_objects_name_gets_the_honest_question(
        prompt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.stl"
    code, result, _ = run_cli(["generate", prompt, "-o", str(out), "--json"], capsys)
    assert code == 2 and not out.exists()
    assert "can't make" in result["reply"] or "ainda não sei fazer" in result["reply"].lower(), result["reply"]


@pytest.mark.parametrize(("prompt", "offered"), [
    ("a broom holder", "wall_hook"),               # shares "broom" with what a wall hook holds
    ("a curtain rod bracket", "shelf_bracket"),
    ("a spice rack", "shelf_bracket"),             # the whole compound is an object a bracket stands in for
    ("um suporte para bicicleta na parede", "wall_hook"),  # what it is for counts too
])
def test_an_unknown_object_is_offered_the_template_that_does_its_job(
        prompt: str, offered: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == offered


@pytest.mark.parametrize("prompt", ["an adjustable wrench", "a robot arm", "a drone frame", "um chapéu"])
def test_a_thing_a_template_holds_or_a_qualifier_alone_relates_nothing(
        prompt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A wrench is no wrench holder, a robot arm no gear, a hat no hat hook: nothing is close."""
    assert outcome(prompt, tmp_path, capsys) == "none"
