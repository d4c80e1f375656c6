"""The slot grammar's general rules behind the makers' requests of the issue 13 follow-up: an elided measure
word ("16 mm interno"), a two-word label split by the quantity ("desk is 30 mm thick"), a Portuguese part
noun named only in labels ("bico"), label aliases makers use ("furação"), a trailing count ("make 3") and
"labels that say ...". Each runs through a real DesignSession against the real template library."""

from __future__ import annotations

import pytest

from core.assistant.offline.mentions import find_mentions
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.offline.slots import attach, expand_abbreviations, spell_out
from core.assistant.offline.text import fold
from core.assistant.session import DesignSession
from core.templates.registry import get_template


def slots(text: str, template: str) -> list[tuple[float, str | None, str | None]]:
    folded = spell_out(words_to_digits(fold(expand_abbreviations(text))))
    return [(m.measure.value, m.param, m.measured)
            for m in attach(folded, get_template(template), find_mentions(folded))]


@pytest.mark.parametrize("text", [
    "20 mm de diâmetro externo e 16 mm interno",
    "20 mm outer diameter and 16 mm inner",
    "diâmetro externo de 20 mm, interno 16 mm",
])
def test_a_lone_qualifier_borrows_the_measure_word_said_before_it(text: str) -> None:
    assert [(v, p) for v, p, _ in slots(text, "tube")] == [(20.0, "outer_diameter"), (16.0, "inner_diameter")]


def test_a_qualifier_without_a_slot_phrase_before_it_is_left_alone() -> None:
    assert [p for _, p, _ in slots("an inner tube 16 mm", "tube")] == [None]


def values_after(*prompts: str) -> dict[str, object]:
    session = DesignSession(OfflinePlanner())
    for prompt in prompts:
        session.send(prompt)
    return dict(session.doc.values())


@pytest.mark.parametrize(("prompt", "template", "want"), [
    ("headphone hanger that clamps onto my desk, desk is 30 mm thick", "headphone_hanger",
     {"desk_thickness": 30.0, "thickness": 5.0}),
    ("suporte de fone para mesa de 35 mm de espessura", "headphone_hanger", {"desk_thickness": 35.0}),
    ("a wall hook 4 mm thick", "wall_hook", {"thickness": 4.0}),
    ("funil com boca de 12 cm e bico de 15 mm", "funnel", {"diameter": 120.0, "spout_diameter": 15.0}),
    ("funil com bico de 20 mm de comprimento", "funnel", {"spout_length": 20.0}),
    ("suporte de prateleira de 20 cm", "shelf_bracket", {"wall_arm": 200.0, "shelf_arm": 200.0}),
    ("puxador de armário com furação de 128 mm", "drawer_pull", {"center_distance": 128.0}),
    ("cabinet handle, 160 mm center to center", "drawer_pull", {"center_distance": 160.0}),
    ("bag clips for chip bags, 100 mm long, make 3", "bag_clip", {"length": 100.0, "height": 10.0, "copies": 3}),
    ("plant labels for my garden that say TOMATO, I need 4", "plant_label", {"text": "TOMATO", "copies": 4}),
    ("a holder for my 1/4 inch screwdriver bits, 2 rows of 10", "bit_holder", {"rows": 2, "columns": 10}),
    ("porta bits com 3 fileiras de 8", "bit_holder", {"rows": 3, "columns": 8}),
    ("adaptador de mangueira de 1/2 polegada pra 3/8", "hose_adapter", {"diameter_a": 12.7, "diameter_b": 9.52}),
    ("hose adapter 1 inch to 3/4", "hose_adapter", {"diameter_a": 25.4, "diameter_b": 19.05}),
    ("hose adapter 1 inch to 20 mm", "hose_adapter", {"diameter_a": 25.4, "diameter_b": 20.0}),
    ("um tubo de 20 mm por fora e 16 por dentro, 10 cm de comprimento", "tube",
     {"outer_diameter": 20.0, "inner_diameter": 16.0, "height": 100.0}),
    ("uma caixinha com tampa de 10 x 6 x 4 cm por dentro", "box_with_lid",  # a box's inside is its size
     {"inner_width": 100.0, "inner_depth": 60.0, "inner_height": 40.0}),
])
def test_general_rules_put_each_value_where_the_maker_meant(prompt: str, template: str,
                                                            want: dict[str, object]) -> None:
    session = DesignSession(OfflinePlanner())
    reply = session.send(prompt)
    assert session.doc.template == template, reply.text
    values = session.doc.values()
    assert {k: values.get(k) for k in want} == want, reply.text


@pytest.mark.parametrize(("prompts", "want"), [
    (("um porta-lápis de 9 cm de altura", "aumenta mais 3 cm"), {"height": 120.0}),  # that much more, not 3 cm
    (("a pen cup 90 mm tall", "another 2 cm"), {"height": 110.0}),
    (("a vase 150 mm tall", "2 cm more"), {"height": 170.0}),
    (("a drawer organizer 200 by 200 mm", "make it 3 rows of 4"), {"rows": 3, "columns": 4}),
    (("um porta-canetas de 8 cm de diâmetro", "mais largo, 10 cm"), {"diameter": 100.0}),  # the size it asks for
    (("a pen cup 100 mm tall", "wider and 12 cm tall"), {"height": 120.0, "diameter": 96.0}),  # a step and a size
])
def test_an_edit_changes_what_it_says_by_what_it_says(prompts: tuple[str, ...], want: dict[str, object]) -> None:
    values = values_after(*prompts)
    assert {k: values.get(k) for k in want} == pytest.approx(want)


def test_a_furacao_is_understood_not_reported_as_a_missing_feature() -> None:
    reply = DesignSession(OfflinePlanner()).send("puxador de armário com furação de 128 mm")
    assert "não disponível" not in reply.text.lower(), reply.text
