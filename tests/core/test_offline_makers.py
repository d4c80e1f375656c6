"""Issue 13 in the planner's own terms: the slot grammar, copies, bare answers and honest replies, each
checked through a real DesignSession (the chat dock's path) against the real template library."""

from __future__ import annotations

import pytest

from core.assistant.offline.mentions import find_mentions
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.offline.slots import attach, spell_out
from core.assistant.offline.text import fold
from core.assistant.session import DesignSession
from core.geometry.build import Evaluator
from core.geometry.printability import body_count
from core.templates.registry import get_template


@pytest.fixture
def session() -> DesignSession:
    return DesignSession(OfflinePlanner())


def attached(text: str, template: str) -> list[tuple[float, str | None, str | None, str | None]]:
    folded = spell_out(words_to_digits(fold(text)))
    return [(m.measure.value, m.param, m.noun, m.measured)
            for m in attach(folded, get_template(template), find_mentions(folded))]


@pytest.mark.parametrize("text", [
    "8.4 mm inner diameter, 14 mm outer diameter",
    "inner diameter of 8.4 mm and outer diameter of 14 mm",
    "ID 8.4 OD 14",
    "8.4 ID 14 OD",
    "8,4 i.d., 14 o.d.",
])
def test_a_quantity_takes_the_slot_it_touches_in_either_order(text: str) -> None:
    got = attached(text, "spacer")
    assert [(v, p) for v, p, _, _ in got] == [(8.4, "inner_diameter"), (14.0, "outer_diameter")]


def test_a_part_noun_qualifies_the_measure_next_to_it() -> None:
    assert attached("top dia 14 cm, 10 cm diameter at the bottom", "plant_pot") == [
        (140.0, None, "top", "diameter"), (100.0, None, "bottom", "diameter")]


@pytest.mark.parametrize(("text", "mm"), [
    ("an eighth of an inch", 3.175), ("a quarter inch", 6.35), ("3/4 of an inch", 19.05),
    ("three quarters of an inch", 19.05), ("um quarto de polegada", 6.35), ("1/8 de polegada", 3.175),
    ("largura e meio centímetro", 5.0),
])
def test_fractions_of_a_unit_in_words(text: str, mm: float) -> None:
    assert [m.measure.value for m in find_mentions(words_to_digits(fold(text)))] == [pytest.approx(mm)]


def test_copies_lie_side_by_side_follow_edits_and_undo(session: DesignSession) -> None:
    session.send("a knob 30 mm")
    reply = session.send("make 3 of them")
    assert "3" in reply.text
    mesh = Evaluator().mesh(session.doc)
    assert body_count(mesh) == 3
    session.send("make it 40 mm wide")
    values = session.doc.values()
    assert values["diameter"] == 40 and values["copies"] == 3
    assert body_count(Evaluator().mesh(session.doc)) == 3, "the row widened with the knobs: still 3 apart"
    session.send("make 2 copies")
    assert session.doc.values()["copies"] == 2
    session.stack.undo()
    session.stack.undo()
    session.stack.undo()
    assert "copies" not in session.doc.params


def test_a_size_near_the_range_is_limited_and_said(session: DesignSession) -> None:
    reply = session.send("a pen cup 270 mm tall")
    assert session.doc.values()["height"] == 250 and "limited to 250 mm" in reply.text


def test_counting_the_objects_own_parts_is_not_copies(session: DesignSession) -> None:
    session.send("a wall hook with 3 hooks")
    assert session.doc.values()["count"] == 3 and "copies" not in session.doc.params


@pytest.mark.parametrize(("prompt", "words"), [
    ("a cube with a side of minus 20 mm", "negative"),
    ("um cubo com lado de menos 20 mm", "negativa"),
    ("a box with lid 10 km long", "10 km"),
    ("a vase with 0.0001 mm walls", "at least 0.8 mm"),
    ("a pen cup 1 metre tall", "at most 250 mm"),       # twice past the range is a wish to ask about, not to clamp
    ("a pen cup 5 mm tall", "at least 30 mm"),
    ("um porta-lápis de 1 metro de altura", "no máximo 250 mm"),
])
def test_an_impossible_size_is_a_question_then_the_answer_fills_it(session: DesignSession, prompt: str,
                                                                    words: str) -> None:
    ask = session.send(prompt)
    assert not session.has_model and len(ask.questions) == 1 and words in ask.text
    session.send("30 mm")
    assert session.has_model
    assert 30 in session.doc.values().values()


def test_an_object_it_lacks_gets_the_closest_and_yes_makes_it(session: DesignSession) -> None:
    offer = session.send("a pencil sharpener")
    assert offer.questions and "can't make a pencil sharpener" in offer.text and "pen cup" in offer.text
    session.send("yes")
    assert session.doc.template == "pen_cup"


def test_nothing_close_says_so_and_asks_which_would_do(session: DesignSession) -> None:
    reply = session.send("a cookie cutter")
    assert "can't make a cookie cutter" in reply.text and reply.questions == [reply.text] and not session.has_model
    session.send("yes")  # nothing was offered: a yes makes nothing up
    assert not session.has_model
    session.send("a bowl")
    assert session.doc.template == "bowl"


@pytest.mark.parametrize(("prompt", "template", "named"), [
    ("a box with lid and a hinge", "box_with_lid", "hinge"),
    ("a pen cup with a built-in phone holder", "pen_cup", "phone holder"),
    ("porta-lápis com ímã", "pen_cup", "ímã"),
    ("a phone holder that clips onto my car's air vent", "phone_stand", "clips onto my car's air vent"),
    ("suporte de celular que prende no guidão da bike", "phone_stand", "prende no guidão da bike"),
])
def test_a_missing_feature_is_named(session: DesignSession, prompt: str, template: str, named: str) -> None:
    reply = session.send(prompt)
    assert session.doc.template == template
    assert named in reply.text


@pytest.mark.parametrize("prompt", ["arruela M8: furo de 8,4 mm, diâmetro externo 16 mm",
                                    "a washer with an 8.4 mm hole for M8"])
def test_a_stated_hole_wins_over_the_screws_and_the_reply_does_not_claim_the_screws(session: DesignSession,
                                                                                  prompt: str) -> None:
    reply = session.send(prompt)
    assert session.doc.values()["inner_diameter"] == 8.4
    assert "M8" not in reply.text and "8.4 mm" not in reply.notes


@pytest.mark.parametrize("prompt", ["a luggage tag with my name Pedro", "a keychain with the name Ana and a ring hole",
                                    "a plant pot with drainage holes for my basil", "um vaso com pratinho"])
def test_what_the_model_has_or_prints_is_not_called_missing(session: DesignSession, prompt: str) -> None:
    assert "Not available" not in session.send(prompt).text and session.has_model


def test_a_bare_name_answers_the_tag_question(session: DesignSession) -> None:
    ask = session.send("a name tag")
    assert ask.questions
    session.send("ANA")
    assert session.doc.values()["text"] == "ANA"


@pytest.mark.parametrize("prompt", ["a pegboard hook that clips onto my skadis board", "a bag clip that snaps shut",
                                    "a headphone hanger that clamps onto my desk"])
def test_how_a_template_is_fixed_in_place_is_no_missing_feature(session: DesignSession, prompt: str) -> None:
    reply = session.send(prompt)
    assert session.has_model and "Not available" not in reply.text, reply.text
