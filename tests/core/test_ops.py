"""Shared-project ops: what each one does to a document, the clashes it reports, and that a live
document is left untouched when an op cannot apply."""

from __future__ import annotations

from typing import Any

import pytest

from core.document import Document, Node, Parameter
from core.document.document import DocumentChange
from core.document.ops import OP_KINDS, OpRejected, apply, apply_in_place
from core.tasks import Phrase


def pot() -> Document:
    return Document(
        "pot",
        params=[Parameter("height", 80, min=10, max=300), Parameter("diameter", 60, min=20, max=300),
                Parameter("rim", 3, min=1, max=10)],
        root=Node("union", id="root", children=[
            Node("cylinder", {"r": "=diameter / 2", "h": "=height"}, id="body"),
            Node("transform", {"translate": [0, 0, "=height"]}, id="top", children=[
                Node("cylinder", {"r": "=diameter / 2 + rim", "h": 2}, id="lip"),
            ]),
        ]),
    )


def ids(doc: dict[str, Any]) -> list[str]:
    return [n.id for n in Document.from_json(doc).root.walk()]


def test_every_kind_changes_the_document_as_a_designer_expects() -> None:
    doc = pot().to_json()
    doc = apply(doc, "set_param", {"name": "height", "value": 120})
    assert Document.from_json(doc).values()["height"] == 120
    doc = apply(doc, "add_param", {"param": {"name": "foot", "value": 5, "min": 0, "max": 20}})
    assert Document.from_json(doc).values()["foot"] == 5
    doc = apply(doc, "add_node", {"parent": "root", "node": {"type": "sphere", "props": {"r": "=foot"}, "id": "ball"},
                                  "index": 0})
    assert ids(doc)[:2] == ["root", "ball"]
    doc = apply(doc, "update_node", {"node": "ball", "props": {"r": 7}, "name": "Foot ball", "enabled": False})
    ball = Document.from_json(doc).node("ball")
    assert (ball.props["r"], ball.name, ball.enabled) == (7, "Foot ball", False)
    doc = apply(doc, "move", {"node": "ball", "parent": "top"})
    assert [c.id for c in Document.from_json(doc).node("top").children] == ["lip", "ball"]
    doc = apply(doc, "remove_node", {"node": "ball"})
    assert "ball" not in ids(doc)
    doc = apply(doc, "remove_param", {"name": "foot"})
    assert "foot" not in Document.from_json(doc).params
    other = Document("other", params=[Parameter("w", 4)], root=Node("sphere", {"r": "=w"}, id="root"))
    doc = apply(doc, "replace", {"document": other.to_json()})
    assert Document.from_json(doc).name == "other"
    assert set(OP_KINDS) == {"set_param", "add_param", "remove_param", "add_node", "remove_node", "update_node",
                             "move", "replace"}


@pytest.mark.parametrize(("kind", "args", "gone"), [
    ("update_node", {"node": "ghost", "props": {"h": 1}}, "part 'ghost'"),
    ("move", {"node": "lip", "parent": "ghost"}, "part 'ghost'"),
    ("add_node", {"parent": "ghost", "node": {"type": "sphere", "props": {}}}, "part 'ghost'"),
    ("set_param", {"name": "ghost", "value": 3}, "parameter 'ghost'"),
])
def test_an_edit_of_something_deleted_is_a_structural_clash(kind: str, args: dict[str, Any], gone: str) -> None:
    with pytest.raises(OpRejected, match=gone) as caught:
        apply(pot().to_json(), kind, args)
    assert caught.value.structural


def test_removing_a_parameter_an_expression_still_reads_is_a_structural_clash() -> None:
    with pytest.raises(OpRejected, match="uses parameter 'rim'") as caught:
        apply(pot().to_json(), "remove_param", {"name": "rim"})
    assert caught.value.structural


@pytest.mark.parametrize(("kind", "args", "message"), [
    ("set_param", {"name": "height", "value": 5000}, "Height must be at most 300"),
    ("move", {"node": "top", "parent": "lip"}, "inside itself"),
    ("update_node", {"node": "lip", "props": [1, 2]}, "must be an object"),
    ("remove_node", {"node": 42}, "'node' of this change"),
    ("explode", {}, "Unknown change kind 'explode'"),
])
def test_a_wrong_op_is_refused_but_not_as_a_clash(kind: str, args: dict[str, Any], message: str) -> None:
    with pytest.raises(OpRejected, match=message) as caught:
        apply(pot().to_json(), kind, args)
    assert not caught.value.structural


def test_in_place_apply_notifies_views_and_matches_the_json_rules() -> None:
    live = pot()
    heard: list[DocumentChange] = []
    live.changed.connect(heard.append)
    ops = [("set_param", {"name": "diameter", "value": 90}), ("move", {"node": "lip", "parent": "root", "index": 0})]
    expected = pot().to_json()
    for kind, args in ops:
        apply_in_place(live, kind, args)
        expected = apply(expected, kind, args)
    assert live.to_json() == expected
    assert heard  # the viewport and parameter panel redraw as for a local edit


def test_a_refused_op_leaves_the_live_document_exactly_as_it_was() -> None:
    live = pot()
    before = live.to_json()
    heard: list[DocumentChange] = []
    live.changed.connect(heard.append)
    # removing the parameter succeeds on its own; only the reference check afterwards refuses it
    with pytest.raises(OpRejected, match="uses parameter 'diameter'"):
        apply_in_place(live, "remove_param", {"name": "diameter"})
    assert live.to_json() == before
    assert heard == []


def test_a_refusal_keeps_its_translatable_phrase_so_the_app_can_say_it_in_the_users_language() -> None:
    with pytest.raises(OpRejected) as caught:
        apply(pot().to_json(), "set_param", {"name": "height", "value": 5000})
    phrase = caught.value.args[0]
    assert isinstance(phrase, Phrase) and phrase.template == "{0} must be at most {1}."
    assert str(caught.value) == "Height must be at most 300 mm."


def test_an_op_on_a_broken_document_says_the_document_is_broken() -> None:
    with pytest.raises(OpRejected) as caught:
        apply({"root": 5}, "set_param", {"name": "height", "value": 90})
    assert str(caught.value) == "The document this change applies to is broken (This is not a 3D Pot Studio document.)."
    assert not caught.value.structural


def test_an_index_that_is_not_a_number_puts_the_part_last() -> None:
    doc = apply(pot().to_json(), "add_node", {"parent": "root", "node": {"type": "sphere", "props": {"r": 1},
                                                                         "id": "ball"}, "index": True})
    assert [c.id for c in Document.from_json(doc).root.children] == ["body", "top", "ball"]
    doc = apply(doc, "move", {"node": "ball", "parent": "top", "index": 0})
    assert [c.id for c in Document.from_json(doc).node("top").children] == ["ball", "lip"]


@pytest.mark.parametrize(("kind", "args", "message"), [
    ("move", {"node": "top", "parent": "lip"}, "A part cannot be moved inside itself."),
    ("update_node", {"node": "lip", "props": [1, 2]}, "The 'props' of this change must be an object."),
    ("remove_node", {"node": 42}, "The 'node' of this change is missing or of the wrong type."),
    ("explode", {}, "Unknown change kind 'explode'."),
    ("remove_node", {"node": "ghost"}, "This change cannot apply: the part 'ghost' no longer exists."),
    ("set_param", {"name": "ghost", "value": 3}, "This change cannot apply: the parameter 'ghost' no longer exists."),
    ("remove_param", {"name": "rim"}, "Part 'cylinder' uses parameter 'rim', which no longer exists."),
])
def test_a_wrong_op_says_exactly_what_is_wrong(kind: str, args: dict[str, Any], message: str) -> None:
    with pytest.raises(OpRejected) as caught:
        apply(pot().to_json(), kind, args)
    assert str(caught.value) == message
