"""The client's half of the op algebra: any local change becomes ops that replay to exactly that change
(fine-grained where possible, so a collaborator's edit to another value still merges), pending ops are
rebased over newer ones with the hub's `apply`, and an edit a later collaborator replaced is named."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from core.document import Document, Node, Parameter
from core.document.ops import LoggedOp, apply, diff, overwritten, replay
from core.errors import PotStudioError


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


EDIT = st.one_of(
    st.tuples(st.just("param"), st.sampled_from(["height", "diameter", "rim"]), st.integers(1, 400)),
    st.tuples(st.just("props"), st.sampled_from(["body", "lip"]), st.integers(1, 40)),
    st.tuples(st.just("rename"), st.sampled_from(["root", "body", "top", "lip"]), st.integers(0, 9)),
    st.tuples(st.just("remove"), st.sampled_from(["body", "top", "lip"]), st.just(0)),
    st.tuples(st.just("add"), st.sampled_from(["root", "top"]), st.integers(0, 3)),
    st.tuples(st.just("move"), st.sampled_from(["body", "lip"]), st.sampled_from(["root", "top"])),
    st.tuples(st.just("new_param"), st.sampled_from(["foot", "rim"]), st.integers(1, 9)),
    st.tuples(st.just("rename_doc"), st.just(""), st.integers(0, 9)),
)


def edit(doc: Document, change: tuple[str, str, Any], serial: int) -> None:
    kind, target, value = change
    if kind == "param":
        doc.set_param_value(target, value)
    elif kind == "props":
        doc.update_node(target, {"h": value})
    elif kind == "rename":
        doc.update_node(target, name=f"part {value}")
    elif kind == "remove":
        doc.remove_node(target)
    elif kind == "add":
        doc.insert_node(target, Node("sphere", {"r": 2}, id=f"s{serial}"), min(value, len(doc.node(target).children)))
    elif kind == "move":
        _, _, node = doc.remove_node(target)
        doc.insert_node(value, node)
    elif kind == "new_param":
        doc.set_param(Parameter(target, value, min=0, max=20), target)
    else:
        doc.name = f"pot {value}"


@settings(max_examples=150, deadline=None)
@given(st.lists(EDIT, max_size=6))
def test_any_local_change_becomes_ops_that_replay_to_exactly_it(changes: list[tuple[str, str, Any]]) -> None:
    doc = pot()
    before = doc.to_json()
    for serial, change in enumerate(changes):
        try:
            edit(doc, change, serial)
        except PotStudioError:
            return  # the app refuses this edit; nothing to record
    after = doc.to_json()
    ops = diff(before, after)
    result = replay(before, ops)
    assert result.refused == [] and result.document == after


def test_a_value_edit_is_one_fine_op_so_a_collaborators_other_edit_still_merges() -> None:
    base = pot().to_json()
    mine = Document.from_json(base)
    mine.set_param_value("height", 120)
    mine.update_node("lip", {"h": 4})
    ops = diff(base, mine.to_json())
    assert ops == [("set_param", {"name": "height", "value": 120}),
                   ("update_node", {"node": "lip", "props": {"h": 4}})]
    theirs = apply(base, "set_param", {"name": "rim", "value": 5})  # a collaborator's edit reached the hub first
    rebased = replay(theirs, ops).document  # my pending ops over the new head
    values = Document.from_json(rebased).values()
    assert (values["height"], values["rim"]) == (120, 5)


def test_a_pending_op_that_no_longer_applies_is_left_out_of_the_view_and_named() -> None:
    base = pot().to_json()
    theirs = apply(base, "remove_node", {"node": "lip"})
    result = replay(theirs, [("update_node", {"node": "lip", "props": {"h": 4}}),
                             ("set_param", {"name": "height", "value": 90})])
    assert [index for index, _exc in result.refused] == [0]
    assert result.refused[0][1].structural
    assert Document.from_json(result.document).values()["height"] == 90


def test_an_edit_replaced_by_a_later_collaborator_is_reported_with_who() -> None:
    log = [LoggedOp(1, "ana", "set_param", {"name": "height", "value": 100}),
           LoggedOp(2, "ana", "update_node", {"node": "lip", "props": {"h": 3}, "name": "Lip"}),
           LoggedOp(3, "bea", "set_param", {"name": "height", "value": 110}),
           LoggedOp(4, "bea", "update_node", {"node": "lip", "props": {"h": 5}}),  # the name stays ana's
           LoggedOp(5, "ana", "set_param", {"name": "rim", "value": 4}),
           LoggedOp(6, "ana", "set_param", {"name": "rim", "value": 6})]  # her own later edit: not "lost"
    lost = overwritten(log)
    assert set(lost) == {1}
    assert (lost[1].author, lost[1].rev) == ("bea", 3)
