"""The grown library's metadata reaches the planner: a model number in a feature picks that model, a lid's
own fit answers "too tight", a device size goes to the enclosure that takes one, quoted text on a plate is
printed, a screw size picks the plate's screw, and a shape word yields to sizes it cannot take — each
through a real DesignSession (the chat dock's path) against the real template library."""

from __future__ import annotations

import pytest

from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession


@pytest.fixture
def session() -> DesignSession:
    return DesignSession(OfflinePlanner())


@pytest.mark.parametrize(("prompt", "board"), [
    ("case for a raspberry pi 5", "Raspberry Pi 5"),
    ("rpi5 case", "Raspberry Pi 5"),
    ("pi 5 case with 2.5 mm walls", "Raspberry Pi 5"),
    ("case para raspberry pi 5, 35 mm de altura", "Raspberry Pi 5"),
])
def test_a_board_named_by_its_number_is_that_board(session: DesignSession, prompt: str, board: str) -> None:
    session.send(prompt)
    assert session.doc.template == "board_case"
    assert session.doc.params["board"].choices[int(session.doc.values()["board"])] == board


def test_a_model_number_is_never_a_size(session: DesignSession) -> None:
    session.send("pi 5 case with 2.5 mm walls")
    assert session.doc.values()["wall"] == 2.5 and session.doc.values()["height"] == 30


def test_a_jar_finish_by_its_printed_name(session: DesignSession) -> None:
    session.send("cap for a 63-400 bottle")
    values = session.doc.values()
    assert session.doc.template == "jar_lid" and values["ridges"] == 24
    assert session.doc.params["finish"].choices[int(values["finish"])] == "63-400"


@pytest.mark.parametrize(("first", "then"), [
    ("a case for my 60 x 40 x 20 mm board", "the lid is too tight"),
    ("a case for a board 60 x 40 x 20 mm", "make it looser"),
])
def test_too_tight_gives_the_lid_more_room(session: DesignSession, first: str, then: str) -> None:
    session.send(first)
    template, before = session.doc.template, session.doc.values()
    session.send(then)
    after = session.doc.values()
    assert session.doc.template == template
    assert after["lid_clearance"] > before["lid_clearance"]
    assert "clearance" not in before or after["clearance"] == before["clearance"]  # the board's room is kept


def test_a_device_size_goes_to_the_enclosure_that_takes_it(session: DesignSession) -> None:
    session.send("a case for my 60 x 40 x 20 mm board")
    values = session.doc.values()
    assert session.doc.template == "device_enclosure"
    assert (values["device_width"], values["device_length"], values["device_height"]) == (60, 40, 20)


@pytest.mark.parametrize(("prompt", "text", "style"), [
    ('a 120 x 40 plate with raised text "GARAGE"', "GARAGE", "raised"),
    ('uma placa com texto gravado "OFICINA"', "OFICINA", "engraved"),
])
def test_quoted_text_on_a_plate_is_printed(session: DesignSession, prompt: str, text: str, style: str) -> None:
    session.send(prompt)
    values = session.doc.values()
    assert values["text"] == text
    assert session.doc.params["text_style"].choices[int(values["text_style"])] == style


def test_a_screw_size_picks_the_plates_screw(session: DesignSession) -> None:
    session.send("mounting plate 100x50x4 with countersunk holes for M4 in the corners")
    values = session.doc.values()
    assert session.doc.params["screw"].choices[int(values["screw"])] == "M4"
    assert values["head_size"] == pytest.approx(8.96)  # ISO 10642's M4 head, not twice the hole


def test_units_tall_is_a_height_not_copies(session: DesignSession) -> None:
    session.send("gridfinity bin 2x3, 6 units tall")
    assert session.doc.values()["height_units"] == 6 and "copies" not in session.doc.params


def test_three_sides_keep_a_rod_a_bar(session: DesignSession) -> None:
    session.send("a rod 8 cm long, 1.5 cm wide and 1 cm high")
    values = session.doc.values()
    assert values["shape"] == 0 and (values["width"], values["depth"], values["height"]) == (80, 15, 10)
