"""Whether a request names a template or another object that merely contains the template's name, and which
template an unknown object is offered: run through `potstudio generate --json` in-process, as a user types."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.assistant.offline.text import indefinite_article
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
    "a knife block",                # knives are an object of the library's (a bit holder keeps them): no block
    "a toothbrush holder",          # a holder is named by what it holds: a pen cup is a pen holder, not this
    "um porta-escovas",
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


def reply_to(prompt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, result, _ = run_cli(["generate", prompt, "-o", str(tmp_path / "model.stl"), "--json"], capsys)
    return code, result["reply"]


@pytest.mark.parametrize(("prompt", "reply"), [
    # the head is a thing of the library that heads none of the template's names in the request's language
    ("a screw organizer", "I can't make a screw organizer yet; the closest I can make is a drawer organizer"),
    ("a cup holder for the desk", "I can't make a cup holder yet; the closest I can make is a pen cup"),
    ("uma prateleira de parede para plantas", "Ainda não sei fazer prateleira de parede; o mais parecido que sei "
                                              "fazer é Mão francesa"),
    # an -ing word some template keeps or is named by is a noun, not an adjective
    ("a sewing machine cover", "I can't make a sewing machine cover yet; the closest I can make is a box with lid"),
    # a request verb standing where a noun stands is one
    ("a can opener for camping", "I can't make a can opener yet; the closest I can make is a bottle opener keychain"),
    # an object the template only stands in for
    ("a wall shelf for plants", "I can't make a wall shelf yet; the closest I can make is a shelf bracket"),
])
def test_an_object_only_close_to_a_template_gets_the_question_first(
        prompt: str, reply: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, got = reply_to(prompt, tmp_path, capsys)
    assert code == 2 and got.startswith(reply), got
    assert got.endswith(("— shall I?", "— quer que eu faça?")), got


@pytest.mark.parametrize(("prompt", "template"), [
    ("an amazing phone stand", "phone_stand"),     # an -ing word nothing keeps is an adjective
    ("a stunning vase", "vase"),
    ("a bathroom soap dish", "soap_dish"),          # a place where it is used says where, not what
    ("a workshop pegboard hook", "pegboard_hook"),
    ("a bread bag clip", "bag_clip"),               # qualifiers among its own names
    ("a pill storage box", "box_with_lid"),
    ("a coin storage box", "box_with_lid"),         # what it holds, said before its name, keeps it: coins, a drill's
    ("an earring trinket box", "box_with_lid"),     # bits, a coffee cup (its uses), not only its own names' words
    ("a drill bit holder", "bit_holder"),
    ("a coffee cup coaster", "coaster"),
    ("a spice jar lid", "jar_lid"),
    ("a garden hose adapter", "hose_adapter"),
    ("a kitchen drawer pull", "drawer_pull"),
    ("tigela, fundo 3 mm", "bowl"),                 # a name in either language when the sentence says neither
    ("a lid for my box", "box_with_lid"),           # a head that is a part the template has
    ("a clip for my bag", "bag_clip"),              # one word it stands in for is no other object
    # what the object its title names holds, or any word that is no object of the library's, keeps it that
    # object: a bowl of salad is a bowl, a box for sewing things a box, a stove's knob a knob
    ("a salad bowl", "bowl"),
    ("a cereal bowl", "bowl"),
    ("a sewing box", "box_with_lid"),
    ("a jewelry box", "box_with_lid"),
    ("a toothbrush cup", "pen_cup"),
    ("a stove knob", "knob"),
    ("a replacement knob for my oven", "knob"),     # "replacement" qualifies a library object, names none
    ("a wooden block", "block"),
    ("uma tigela de ração", "bowl"),
    ("botão de fogão", "knob"),
])
def test_a_name_the_template_owns_is_still_made(prompt: str, template: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == f"made:{template}"


@pytest.mark.parametrize(("prompt", "offered"), [
    ("a cutlery block", "drawer_organizer"),          # cutlery is a drawer organizer's: "block" is a homonym
    ("um bloco de facas", "bit_holder"),              # "facas": a bit holder keeps knives
    ("a knife rack", "bit_holder"),                   # not the drawer pull, which stands in for a knife *handle*
    ("a ring holder", "box_with_lid"),                # a box keeps rings; a tube is only named "ring"
    ("a battery holder", "sd_card_holder"),           # "battery" is the "batteries" a card holder keeps
    ("um suporte para parafusadeira", "pegboard_hook"),  # a drill hangs on a pegboard
    ("um enrolador de mangueira", "spool_holder"),    # a hose reel, as "hose reel" is in English
])
def test_the_closest_template_is_the_one_that_holds_the_qualifier(
        prompt: str, offered: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == offered


@pytest.mark.parametrize(("phrase", "article"), [
    ("sd card holder", "an"), ("SD card holder", "an"), ("USB stick holder", "a"), ("usb stick holder", "a"),
    ("pcb enclosure", "a"), ("LED strip clip", "an"), ("unicorn", "a"), ("umbrella stand", "an"),
    ("hourglass", "an"), ("hex key holder", "a"), ("egg cup", "an"), ("one-off spacer", "a"),
    ("x-ray film clip", "an"), ("8 mm spacer", "an"), ("18 tooth gear", "an"), ("180 mm shelf", "a"),
    ("3D print", "a"), ("", "a"),
])
def test_the_article_follows_how_the_first_word_sounds(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


def test_a_reply_reads_an_initialism_letter_by_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, reply = reply_to("a USB stick holder", tmp_path, capsys)  # it said "an USB" and "a sd card holder"
    assert code == 2, reply
    assert reply == "I can't make a USB stick holder yet; the closest I can make is an SD card holder — shall I?"


def test_a_reply_keeps_initialisms_in_names_and_parameters(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, result, _ = run_cli(["generate", "an sd card holder with 8 sd slots", "-o", str(tmp_path / "m.stl"),
                               "--json"], capsys)
    assert code == 0  # it said "your sd card holder: sd slots 8 ... sd slot depth"
    assert result["reply"].startswith("Here is your SD card holder: SD slots 8. I used defaults for SD slot depth")


@pytest.mark.parametrize(("prompt", "template"), [
    ("a tag for my dog's collar that says Rex", "name_tag"),  # what it is for (a collar: a tube) is not it
    ("a holder for my phone", "phone_stand"),
    ("a keychain with my daughter's name, Olivia", "name_tag"),  # no "daughter" feature is missing from it
])
def test_the_object_named_before_what_it_is_for_is_the_one_made(prompt: str, template: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.stl"
    code, result, _ = run_cli(["generate", prompt, "-o", str(out), "--json"], capsys)
    assert code == 0 and result["template"] == template, result["reply"]
    assert "Not available" not in result["reply"]


@pytest.mark.parametrize("prompt", [
    "a shelf", "a pen", "uma prateleira de parede para plantas",  # what a template holds is not that template
    "an earbud case", "a pencil case", "um pendurador de capacete de bicicleta",  # made for what they hold
])
def test_an_object_a_template_only_holds_or_serves_is_asked_first(prompt: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.stl"
    code, result, _ = run_cli(["generate", prompt, "-o", str(out), "--json"], capsys)
    assert code == 2 and not out.exists() and len(result["questions"]) == 1, result["reply"]


@pytest.mark.parametrize(("prompt", "template", "values"), [
    ("a 20 mm calibration cube", "block", {"width": 20}),    # what a print is for is never another object
    ("cubo de calibração de 2 cm", "block", {"width": 20}),
    ("a cabinet pull with 3 inch centers", "drawer_pull", {"center_distance": 76.2}),  # its title's head noun
    ("a set of 3 drawer handles, 160 mm centres", "drawer_pull", {"center_distance": 160}),
    ("um suporte de fone de ouvido pra prender numa mesa de 30 mm", "headphone_hanger", {"desk_thickness": 30}),
    ("presilha de cabo para 3 cabos de 5 mm", "cable_clip", {"count": 3, "cable_diameter": 5}),
])
def test_the_object_and_its_sizes_are_read_from_its_words(prompt: str, template: str, values: dict[str, float],
                                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.stl"
    code, result, _ = run_cli(["generate", prompt, "-o", str(out), "--json"], capsys)
    assert code == 0 and result["template"] == template, result["reply"]
    assert {k: result["parameters"][k] for k in values} == pytest.approx(values), result["reply"]


@pytest.mark.parametrize(("prompt", "template"), [
    ("uma bolinha maciça de 3 cm", "block"),           # a Portuguese diminutive is its noun: a bola
    ("argola de guardanapo pra mesa posta", "tube"),   # what one of its own names keeps qualifies it
    ("a napkin ring for a dinner party", "tube"),
    ("uma fruteira de mesa de 25 cm", "bowl"),         # where it is used
    ("preciso de uma saladeira de 30 cm de diâmetro", "bowl"),
    ("uma plaquinha escrito Ana", "name_tag"),         # a diminutive with a meaning of its own keeps it
])
def test_everyday_names_of_what_the_library_makes(prompt: str, template: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == f"made:{template}"


def test_the_catalogue_in_a_reply_keeps_initialisms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for prompt, name in (("a whistle", "SD card holder"), ("um apito", "porta cartões SD")):
        code, result, _ = run_cli(["generate", prompt, "-o", str(tmp_path / "m.stl"), "--json"], capsys)
        assert code == 2 and name in result["reply"], result["reply"]


@pytest.mark.parametrize(("prompt", "template"), [
    ("a dog tag that says Max", "name_tag"),             # a pet's tag is a name tag, not something it stands in for
    ("a dog name tag that says Rex", "name_tag"),
    ("plaquinha de pet com o nome Thor", "name_tag"),
    ("a door sign that says Office", "plate"),           # where a sign hangs says where, not what
])
def test_tags_and_signs_by_their_everyday_names(prompt: str, template: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(prompt, tmp_path, capsys) == f"made:{template}"
