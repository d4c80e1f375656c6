"""Printability refusals in the user's language: a Brazilian designer who asks for something that
cannot be printed is told why in Portuguese, an English one in English, and every template rule has
its Portuguese text (a rule added without one fails here, not in front of a user)."""

from __future__ import annotations

import re

import pytest

from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.errors import ParameterError
from core.templates.base import Check
from core.templates.registry import get_template, load_all

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Words of the English rules and replies that have no place in a Portuguese sentence.
_ENGLISH = re.compile(r"\b(the|must|than|least|could|not|make|that|wider|holes?|would|fewer|smaller)\b")


def all_checks() -> list[tuple[str, Check]]:
    return [(spec.id, check) for spec in load_all().values() for check in spec.checks]


def rule(template: str, starts: str) -> Check:
    return next(c for c in get_template(template).checks if c.message.startswith(starts))


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner()


def test_every_rule_of_every_template_says_the_same_thing_in_portuguese() -> None:
    checks = all_checks()
    assert len(checks) >= 51
    for template, check in checks:
        assert check.pt.strip(), f"{template}: no Portuguese for {check.message!r}"
        assert check.pt != check.message, f"{template}: Portuguese is a copy of {check.message!r}"
        # the same limits, so the two languages never disagree about what is printable
        assert sorted(_NUMBER.findall(check.pt)) == sorted(_NUMBER.findall(check.message)), (template, check.pt)
        assert not _ENGLISH.search(check.pt), (template, check.pt)


def test_portuguese_edit_that_breaks_a_rule_is_refused_in_portuguese_and_keeps_the_model(
        planner: OfflinePlanner) -> None:
    session = DesignSession(planner)
    session.send("um botão de 20 mm de diâmetro")
    before = session.doc.values()
    reply = session.send("eixo de 18 mm")  # the knob must be 6 mm wider than its shaft
    knob_rule = rule("knob", "The knob must be")
    assert reply.text == f"Não consegui fazer isso: {knob_rule.pt}"
    assert not _ENGLISH.search(reply.text)
    assert reply.command is None and session.doc.values() == before


def test_the_same_edit_in_english_is_refused_in_english(planner: OfflinePlanner) -> None:
    session = DesignSession(planner)
    session.send("a knob 20 mm wide")
    reply = session.send("shaft 18 mm")
    assert reply.text == "I could not make that: The knob must be at least 6 mm wider than the shaft."
    assert "eixo" not in reply.text


def test_portuguese_request_that_cannot_be_adapted_makes_nothing_and_says_why_in_portuguese(
        planner: OfflinePlanner) -> None:
    session = DesignSession(planner)
    reply = session.send("um botão de 10 mm de diâmetro com eixo de 12 mm")
    assert not session.has_model
    assert reply.text.startswith("Não consegui fazer isso: O botão precisa ser pelo menos 6 mm mais largo")
    assert not _ENGLISH.search(reply.text)


def test_portuguese_drainage_holes_that_overlap_are_explained_in_portuguese(planner: OfflinePlanner) -> None:
    session = DesignSession(planner)
    session.send("um vaso para plantas de 12 cm")
    reply = session.send("com 12 furos de 15 mm")
    assert rule("plant_pot", "The drainage holes would overlap").pt in reply.text
    assert not _ENGLISH.search(reply.text)
    assert session.doc.values()["drain_holes"] != 12


def test_problems_and_the_raised_error_come_in_either_language() -> None:
    tag = get_template("name_tag")
    doc = tag.make({"text": "Bartolomeu Gusmão"})
    doc.set_param_value("text_height", 20)  # 17 letters this tall need a plate longer than any bed
    english, portuguese = tag.problems(doc), tag.problems(doc, "pt")
    assert len(english) == len(portuguese) == 1
    assert english[0].startswith("The tag would be longer than") and portuguese[0].startswith("A etiqueta ficaria")
    with pytest.raises(ParameterError) as info:
        tag.validate(doc)
    assert str(info.value) == english[0]  # logs, the CLI and the LLM's tool results stay English
    assert info.value.text("pt") == portuguese[0] and info.value.text("en") == english[0]


def test_a_value_changed_so_the_model_prints_gives_its_reason_in_portuguese(planner: OfflinePlanner) -> None:
    session = DesignSession(planner)
    reply = session.send("uma engrenagem para eixo de 8 mm com 12 dentes e módulo 1")
    assert session.doc.values()["module"] == pytest.approx(1.1)
    broken = next(c for c in get_template("spur_gear").checks if "bore" in c.expr and "module" in c.expr)
    assert f"Mudei módulo de 1 mm para 1,1 mm para o modelo poder ser impresso ({broken.pt})" in reply.text
    assert not _ENGLISH.search(reply.text)
