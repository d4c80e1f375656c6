"""The offline assistant's reading of sentences: what each number measures, relative edits,
intents, template choice and features — each checked against the real template library."""

from __future__ import annotations

import pytest

from core.assistant.offline.edits import find_relative_edits
from core.assistant.offline.features import find_features
from core.assistant.offline.intents import Intent, classify
from core.assistant.offline.labels import find_label
from core.assistant.offline.matcher import Matcher
from core.assistant.offline.mentions import find_mentions
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import fold
from core.templates.registry import get_template, load_all


def prepared(text: str) -> str:
    return words_to_digits(fold(text))


def described(text: str) -> list[tuple[tuple[float, ...], str | None, str | None, int, bool]]:
    return [(m.measure.values, m.measured, m.noun, m.direction, m.percent) for m in find_mentions(prepared(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("12 cm wide and 10 cm tall", [((120.0,), "width", None, 0, False), ((100.0,), "height", None, 0, False)]),
    ("with a diameter of 8 cm", [((80.0,), "diameter", None, 0, False)]),
    ("8 cm in diameter", [((80.0,), "diameter", None, 0, False)]),
    ("80mm tall", [((80.0,), "height", None, 0, False)]),
    ("raio de 3 cm", [((30.0,), "radius", None, 0, False)]),
    ("15 cm de altura", [((150.0,), "height", None, 0, False)]),
    ("altura de quinze centímetros", [((150.0,), "height", None, 0, False)]),
    ("walls 3 mm thick", [((3.0,), "thickness", "wall", 0, False)]),
    ("with 3 mm walls", [((3.0,), None, "wall", 0, False)]),
    ("with a 10 mm hole through the middle", [((10.0,), None, "hole", 0, False)]),
    ("furo de 10 mm de diâmetro", [((10.0,), "diameter", "hole", 0, False)]),
    ("make it 20% taller", [((20.0,), "height", None, 1, True)]),
    ("deixe 20% mais alto", [((20.0,), "height", None, 1, True)]),
    ("10 mm wider", [((10.0,), "width", None, 1, False)]),
    ("reduce the width by 10 mm", [((10.0,), "width", None, -1, False)]),
    ("aumente a altura para 15 cm", [((150.0,), "height", None, 0, False)]),
    ("aumente a altura em 2 cm", [((20.0,), "height", None, 1, False)]),
    ("a pot without holes 8 cm wide", [((80.0,), "width", None, 0, False)]),
    ("vaso com 15 cm de altura sem furos", [((150.0,), "height", None, 0, False)]),
])
def test_each_number_finds_what_it_measures(text: str, expected: list[object]) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(("text", "role", "factor", "direction"), [
    ("twice as wide", "width", 2.0, 1),
    ("half the height", "height", 0.5, -1),
    ("metade da altura", "height", 0.5, -1),
    ("o dobro da largura", "width", 2.0, 1),
    ("make it 3x taller", "height", 3.0, 1),
    ("three times as tall", "height", 3.0, 1),
    ("taller", "height", None, 1),
    ("mais largo", "width", None, 1),
    ("deixe mais baixo", "height", None, -1),
    ("thicker walls", "thickness", None, 1),  # the part ("walls") is resolved from the edit's clause
    ("paredes mais grossas", "thickness", None, 1),
    ("make it bigger", "scale", None, 1),
    ("um pouco menor", "scale", None, -1),
])
def test_relative_edits_without_lengths(text: str, role: str, factor: float | None, direction: int) -> None:
    folded = prepared(text)
    edits, mentions = find_relative_edits(folded, find_mentions(folded))
    assert [(e.role, e.factor, e.direction) for e in edits] == [(role, factor, direction)]
    assert mentions == []  # "3x" is a multiplier, not a 3 mm length


def test_a_percentage_edit_is_not_also_a_bare_comparative() -> None:
    folded = prepared("make it 20% taller")
    edits, mentions = find_relative_edits(folded, find_mentions(folded))
    assert edits == [] and len(mentions) == 1


@pytest.mark.parametrize(("text", "intent"), [
    ("undo that", Intent.UNDO), ("Desfaça", Intent.UNDO), ("desfaz", Intent.UNDO),
    ("how big is it?", Intent.SIZE), ("qual o tamanho?", Intent.SIZE), ("what size is it", Intent.SIZE),
    ("how much filament?", Intent.FILAMENT), ("quanto filamento vai usar?", Intent.FILAMENT),
    ("will it fit my printer?", Intent.FIT), ("cabe na minha impressora?", Intent.FIT),
    ("what can I change?", Intent.PARAMETERS), ("what can you make?", Intent.CAPABILITIES),
    ("hello", Intent.GREETING), ("obrigado!", Intent.THANKS),
    ("a box that fits my raspberry pi 85 x 56 x 20 mm", Intent.DESIGN),
    ("make it 20% taller", Intent.DESIGN),
    # a question mark closing the pattern: these never matched while the pattern ended in \b
    ("watertight?", Intent.WATERTIGHT), ("dimensions?", Intent.SIZE), ("tamanho?", Intent.SIZE),
    ("wall thickness?", Intent.WALL), ("qual a espessura da parede?", Intent.WALL),
    ("reduza a espessura da parede", Intent.DESIGN),  # an edit, not a question about the walls
])
def test_intents(text: str, intent: Intent) -> None:
    assert classify(prepared(text)) is intent


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_all().values())


@pytest.mark.parametrize(("text", "template"), [
    ("something to hold my phone on the desk", "phone_stand"),
    ("um vaso para plantas", "plant_pot"),
    ("caixa com tampa", "box_with_lid"),
    ("a plant pot 12 cm wide", "plant_pot"),
    ("a flower vase with a twist", "vase"),
    ("a gear with 20 teeth", "spur_gear"),
    ("uma engrenagem de 30 dentes", "spur_gear"),
    ("a 20 mm cube", "block"),
    ("a hook for my keys", "wall_hook"),
    ("a keychain with my name", "name_tag"),
    ("porta-canetas", "pen_cup"),
    ("a holder for filament spools", "spool_holder"),
    ("a washer for an M4 screw", "spacer"),
    ("a knob for my amplifier", "knob"),
    ("um suporte de celular", "phone_stand"),
    ("a clip to hold cables on my desk", "cable_clip"),
])
def test_template_choice_from_paraphrases(matcher: Matcher, text: str, template: str) -> None:
    best = matcher.best(text)
    assert best is not None, f"nothing matched {text!r}"
    assert best.spec.id == template, matcher.rank(text)[:3]


@pytest.mark.parametrize("text", ["make me a spaceship", "what's the weather like", "asdf qwerty",
                                  "walls 10 mm thick", "thicker walls", "add screw holes", "with a cable slot"])
def test_unrelated_requests_match_nothing(matcher: Matcher, text: str) -> None:
    assert matcher.best(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("a pot with drainage holes", {"drainage": True}),
    ("a pot without saucer", {"saucer": False}),
    ("a pot with no saucer and drainage holes", {"saucer": False, "drainage": True}),
    ("vaso com furos de drenagem e com prato", {"drainage": True, "saucer": True}),
    ("vaso sem furos", {"drainage": False}),
    ("a square pot", {"square": True}),
    ("um vaso no formato quadrado", {"square": True}),  # Portuguese "no" is "in the", not a negation
])
def test_features_and_negation(text: str, expected: dict[str, bool]) -> None:
    hits = find_features(text, get_template("plant_pot"))
    assert {h.key: h.on for h in hits} == expected


@pytest.mark.parametrize(("text", "label"), [
    ("a name tag that says 'Ana'", "Ana"),
    ("a tag 3\" wide that says \"Bob\"", "Bob"),  # the inch mark is not a quote
    ("a keychain with the name Maria Clara", "Maria Clara"),
    ("chaveiro com o nome João", "João"),
    ("a name tag saying HELLO WORLD please", "HELLO WORLD"),
    ("a box with a lid", None),
    ("it's 85 x 56 mm", None),
    ("a keychain with my daughter's name, Olivia", "Olivia"),
    ("a tag for my dog's collar with his name, Rocky", "Rocky"),
    ("plaquinha pra coleira, o nome dele é Thor", "Thor"),
    ("change the name to Emma", "Emma"),
    ("troca pra Joana", "Joana"),
    ("make it to 120 mm", None),  # after "to" only a capitalised word is a name, never a number
])
def test_text_to_print_is_found_with_its_capitals_and_accents(text: str, label: str | None) -> None:
    assert find_label(text) == label
