"""The offline planner in a real DesignSession: what a designer sees turn by turn — the model it
builds, the reply and its language, questions, clamping, undo, streaming, and helpful refusals."""

from __future__ import annotations

import pytest

from core.assistant.base import PrinterContext
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.geometry.build import Evaluator
from core.templates.base import TemplateSpec
from core.templates.registry import load_all


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner()


@pytest.fixture
def session(planner: OfflinePlanner) -> DesignSession:
    return DesignSession(planner)


def values(session: DesignSession) -> dict[str, float]:
    return {k: float(v) for k, v in session.doc.values().items()}


def test_creates_a_pot_with_the_sizes_said_and_names_the_defaults(session: DesignSession) -> None:
    reply = session.send("a plant pot 12 cm wide and 10 cm tall with 6 drainage holes")
    assert session.doc.template == "plant_pot"
    v = values(session)
    assert (v["top_diameter"], v["height"], v["drain_holes"]) == (120.0, 100.0, 6.0)
    assert "wall" in reply.defaults_used and "wall" in reply.text
    assert "height" not in reply.defaults_used  # it was given
    mesh = Evaluator().mesh(session.doc)
    assert mesh.is_watertight
    assert mesh.extents == pytest.approx([120, 120, 100], abs=0.01)


def test_relative_edit_changes_only_what_was_named_and_undo_restores_it(session: DesignSession) -> None:
    session.send("a plant pot 12 cm wide")
    before = values(session)
    reply = session.send("make it 20% taller")
    after = values(session)
    assert after["height"] == pytest.approx(before["height"] * 1.2)
    assert {k for k in before if before[k] != after[k]} == {"height"}
    assert "120" in reply.text
    undo = session.send("undo that")
    assert values(session) == before
    assert undo.text.startswith("Undone")


def test_portuguese_in_portuguese_out(session: DesignSession) -> None:
    reply = session.send("um vaso para plantas de 15 cm de altura sem furos")
    assert session.doc.template == "plant_pot"
    assert values(session)["height"] == 150.0 and values(session)["drain_holes"] == 0
    assert reply.text.startswith("Pronto")
    edit = session.send("deixe 20% mais alto")
    assert values(session)["height"] == pytest.approx(180.0)
    assert edit.text.startswith("Feito")
    assert session.send("desfaz").text.startswith("Desfeito")
    assert values(session)["height"] == 150.0


def test_portuguese_replies_write_decimals_with_a_comma_but_keep_quoted_text(session: DesignSession) -> None:
    reply = session.send("um vaso para plantas de 12 cm com parede de 2.4 mm")
    assert values(session)["wall"] == pytest.approx(2.4)
    assert "2,4 mm" in reply.text and "2.4" not in reply.text
    tag = session.send("um chaveiro escrito v1.5")
    assert "“v1.5”" in tag.text, "the tag's text is the user's own and stays as typed"
    english = session.send("a plant pot 12 cm wide with a 2.4 mm wall")
    assert "2.4 mm" in english.text


def test_out_of_range_values_are_clamped_and_the_reply_says_so(session: DesignSession) -> None:
    session.send("a plant pot 12 cm wide")
    reply = session.send("make it 5 times taller")
    assert values(session)["height"] == 400.0  # the template's maximum
    assert "limited to 400 mm" in reply.text
    assert reply.notes and "400" in reply.notes[0]


def test_missing_required_dimension_asks_one_question_then_uses_the_answer(session: DesignSession) -> None:
    ask = session.send("an enclosure for my sensor board")
    assert not session.has_model
    assert len(ask.questions) == 1 and "device width" in ask.questions[0]
    made = session.send("it's 85 x 56 x 20 mm")
    assert session.doc.template == "device_enclosure"
    v = values(session)
    assert (v["device_width"], v["device_length"], v["device_height"]) == (85.0, 56.0, 20.0)
    assert made.questions == []


def test_questions_about_the_model(session: DesignSession) -> None:
    session.send("a 20 mm cube")
    assert "20 × 20 × 20 mm" in session.send("how big is it?").text
    filament = session.send("how much filament?").text
    assert " g of PLA" in filament
    assert session.send("qual o tamanho?").text.startswith("Ele tem 20 × 20 × 20 mm")
    assert session.doc.template == "block" and len(session.versions) == 1  # questions change nothing


def test_fit_question_uses_the_printer_bed(planner: OfflinePlanner) -> None:
    small = DesignSession(planner, context=PrinterContext(bed=(180.0, 180.0, 180.0)))
    small.send("a plant pot 12.5 cm wide")
    small.send("twice as wide")  # an edit is not limited to the bed; a new model's stated size is
    answer = small.send("will it fit my printer?").text
    assert answer.startswith("No") and "smaller" in answer
    small.send("make it 30% smaller")
    assert small.send("will it fit my printer?").text.startswith("Yes")


def test_features_switch_on_and_off(session: DesignSession) -> None:
    session.send("caixa com tampa 10 x 7 x 4 cm")
    assert values(session)["lid"] == 1.0
    session.send("remove the lid")
    assert values(session)["lid"] == 0.0
    session.send("add a lid")
    assert values(session)["lid"] == 1.0


def test_name_tag_text_is_set_and_edited_undoably(session: DesignSession) -> None:
    session.send("a keychain that says 'Ana'")
    first = Evaluator().mesh(session.doc).extents[0]
    session.send("change the text to 'Beatriz'")
    assert Evaluator().mesh(session.doc).extents[0] > first + 10  # the plate grows with the text
    session.send("undo")
    assert Evaluator().mesh(session.doc).extents[0] == pytest.approx(first)


def test_font_it_cannot_draw_is_a_clear_reply_not_an_exception(session: DesignSession) -> None:
    reply = session.send("a keychain that says '☃'")
    assert not session.has_model
    assert "'☃'" in reply.text and reply.text.startswith("I could not make that")


def test_unknown_request_lists_what_it_can_make(session: DesignSession) -> None:
    reply = session.send("make me a spaceship")
    assert not session.has_model
    assert "plant pot" in reply.text and "spur gear" in reply.text
    assert reply.suggestions


def test_edit_it_cannot_place_is_explained(session: DesignSession) -> None:
    session.send("a 20 mm cube")
    reply = session.send("make it purple")
    assert "not what to change" in reply.text
    assert len(session.versions) == 1


def test_broken_printability_rule_is_reported_and_the_model_kept(session: DesignSession) -> None:
    session.send("a plant pot 3 cm wide without drainage holes")
    before = values(session)
    reply = session.send("walls 10 mm thick")
    assert "too thick" in reply.text
    assert values(session) == before


def test_reply_is_streamed_word_by_word(session: DesignSession) -> None:
    tokens: list[str] = []
    reply = session.send("a 20 mm cube", on_token=tokens.append)
    assert len(tokens) > 5
    assert "".join(tokens) == reply.text


def test_suggestions_are_two_to_four_chips_in_the_users_language(session: DesignSession) -> None:
    en = session.send("a plant pot 12 cm wide").suggestions
    pt = session.send("deixe 10% mais largo").suggestions
    assert 2 <= len(en) <= 4 and 2 <= len(pt) <= 4
    assert "make it 20% taller" in en and "deixe 20% mais alto" in pt


def test_a_feature_chip_names_the_feature_not_an_adjective(session: DesignSession) -> None:
    chips = session.send("a vase 20 cm tall with a twist").suggestions
    assert "remove twist" in chips and "remove twisted" not in chips
    assert "sem torção" in session.send("deixe 10% mais alto").suggestions
    assert session.send("sem torção").suggestions and values(session)["twist"] == 0


def test_a_different_object_starts_a_new_model_but_an_edit_keeps_it(session: DesignSession) -> None:
    session.send("a plant pot 12 cm wide")
    session.send("add a saucer")
    assert session.doc.template == "plant_pot"  # "saucer" is a pot feature, not a new object
    session.send("now a spur gear with 30 teeth")
    assert session.doc.template == "spur_gear" and values(session)["teeth"] == 30.0


def test_clarification_can_take_several_answers(session: DesignSession) -> None:
    session.send("an enclosure for my sensor board")
    second = session.send("85 x 56 mm")  # a size, not "85 times"
    assert not session.has_model and "device height" in second.questions[0]
    session.send("20 mm tall")
    v = values(session)
    assert (v["device_width"], v["device_length"], v["device_height"]) == (85.0, 56.0, 20.0)


def test_asking_for_what_is_already_there_says_so(session: DesignSession) -> None:
    session.send("caixa com tampa")
    reply = session.send("com tampa")
    assert reply.text.startswith("Já está assim") and reply.command is None
    assert len(session.versions) == 1


def test_a_request_with_a_question_makes_the_model_and_answers(session: DesignSession) -> None:
    reply = session.send("a plant pot 12 cm wide, how much filament would it need?")
    assert session.doc.template == "plant_pot"
    assert reply.text.startswith("Here is your plant pot") and " g of PLA" in reply.text


def test_a_model_too_big_for_the_printer_is_flagged_when_made(planner: OfflinePlanner) -> None:
    small = DesignSession(planner, context=PrinterContext(bed=(180.0, 180.0, 180.0)))
    made = small.send("a plant pot 12 cm wide and 20 cm tall")
    assert "will not fit your 180 × 180 × 180 mm printer" in made.text
    fixed = small.send("make it 15% shorter")
    assert "will not fit" not in fixed.text and values(small)["height"] == pytest.approx(170.0)


@pytest.mark.parametrize("spec", sorted(load_all().values(), key=lambda s: s.id), ids=lambda s: s.id)
def test_every_template_can_be_asked_for_by_name_in_both_languages(planner: OfflinePlanner, spec: TemplateSpec) -> None:
    for sentence in (f"a {spec.title.lower()}", f"quero {spec.title_pt.lower()}"):
        session = DesignSession(planner)
        reply = session.send(sentence)
        if spec.required or "text" in spec.roles:  # a tag asks what it should say
            assert not session.has_model and len(reply.questions) == 1, sentence
        else:
            assert session.doc.template == spec.id, f"{sentence!r}: {reply.text}"
