"""The client's half of the op algebra: any local change becomes ops that replay to exactly that change
(fine-grained where possible, so a collaborator's edit to another value still merges), pending ops are
rebased over newer ones with the hub's `apply`, and an edit a later collaborator replaced is named."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from core.document import Document, Node, Parameter
from core.document.ops import LoggedOp, apply, diff, overwritten, replay, targets
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


def test_a_change_ops_cannot_say_finely_is_one_replace_of_the_whole_document() -> None:
    base = pot()
    renamed = pot()
    renamed.name = "vase"
    tagged = Document.from_json({**pot().to_json(), "metadata": {"source": "ai"}})
    retyped = pot()
    retyped.node("lip").type = "cone"
    stripped = pot()
    stripped.node("lip").props = {"r": 5}  # the 'h' prop removed
    for new in (renamed, tagged, retyped, stripped):
        assert diff(base.to_json(), new.to_json()) == [("replace", {"document": new.to_json()})]
    assert diff(base.to_json(), pot().to_json()) == []


def test_a_parameter_is_added_before_the_parts_that_read_it_and_removed_after_the_last_stopped() -> None:
    base = pot()
    new = pot()
    new.set_param(Parameter("foot", 4, min=0, max=9), "foot")
    new.update_node("lip", {"h": "=foot"})
    new.node("body").props["h"] = 80  # body stops reading height ...
    new.node("top").props["translate"] = [0, 0, 80]
    new.set_param(None, "height")  # ... so height can go
    assert diff(base.to_json(), new.to_json()) == [
        ("add_param", {"param": new.params["foot"].to_json()}),
        ("update_node", {"node": "body", "props": {"h": 80}}),
        ("update_node", {"node": "top", "props": {"translate": [0, 0, 80]}}),
        ("update_node", {"node": "lip", "props": {"h": "=foot"}}),
        ("remove_param", {"name": "height"}),
    ]


def test_a_parameter_whose_range_changed_is_sent_whole_and_a_value_alone_as_a_value() -> None:
    base = pot()
    new = pot()
    new.set_param(Parameter("rim", 3, min=1, max=20), "rim")
    new.set_param_value("height", 90)
    assert diff(base.to_json(), new.to_json()) == [
        ("set_param", {"name": "height", "value": 90}), ("add_param", {"param": new.params["rim"].to_json()})]


def test_parts_added_moved_renamed_and_removed_become_one_op_each() -> None:
    base = pot()
    new = pot()
    new.insert_node("top", Node("union", id="grip", children=[Node("sphere", {"r": 2}, id="knob")]), 0)
    _, _, body = new.remove_node("body")
    new.insert_node("top", body)
    new.update_node("root", name="Pot", enabled=True)  # enabled as before: not sent
    new.update_node("lip", name="Rim", enabled=False)
    ops = diff(base.to_json(), new.to_json())
    assert ops == [
        ("add_node", {"parent": "top", "node": new.node("grip").to_json(), "index": 0}),  # its child comes with it
        ("move", {"node": "body", "parent": "top", "index": 2}),
        ("update_node", {"node": "lip", "props": {}, "name": "Rim", "enabled": False}),
        ("update_node", {"node": "root", "props": {}, "name": "Pot"}),
    ]
    assert replay(base.to_json(), ops).document == new.to_json()
    gone = pot()
    gone.remove_node("top")  # its child 'lip' goes with it: one op
    assert diff(base.to_json(), gone.to_json()) == [("remove_node", {"node": "top"})]


def test_what_each_op_writes_decides_who_overwrote_whom() -> None:
    assert targets("set_param", {"name": "rim"}) == targets("remove_param", {"name": "rim"}) == {"param:rim"}
    assert targets("add_param", {"param": {"name": "rim"}}) == {"param:rim"}
    assert targets("add_param", {"param": "rim"}) == frozenset()
    assert targets("update_node", {"node": "lip", "props": {"h": 1, "r": 2}, "name": "Rim", "enabled": False}) == {
        "node:lip:props:h", "node:lip:props:r", "node:lip:name", "node:lip:enabled"}
    assert targets("update_node", {"node": "lip", "props": [1]}) == frozenset()
    assert targets("remove_node", {"node": "lip"}) == targets("move", {"node": "lip"}) == {"node:lip:place"}
    assert targets("replace", {}) == {"*"} and targets("add_node", {"parent": "root"}) == frozenset()


def test_a_whole_model_replaced_by_someone_else_overwrites_every_earlier_edit_but_is_itself_never_lost() -> None:
    log = [LoggedOp(1, "ana", "set_param", {"name": "height", "value": 100}),
           LoggedOp(2, "ana", "replace", {"document": {}}),
           LoggedOp(3, "ana", "add_node", {"parent": "root", "node": {}}),
           LoggedOp(4, "ana", "update_node", {"node": "lip", "props": {"h": 3}, "name": "Lip"}),
           LoggedOp(5, "bea", "update_node", {"node": "lip", "props": {"h": 5}}),
           LoggedOp(6, "bea", "replace", {"document": {}}),
           LoggedOp(7, "ana", "set_param", {"name": "rim", "value": 4}),
           LoggedOp(8, "ana", "replace", {"document": {}})]
    lost = overwritten(list(reversed(log)))  # the log's order is its revisions, whatever order it arrives in
    assert {rev: op.rev for rev, op in lost.items()} == {1: 6, 4: 6, 5: 8}


def test_a_cleared_name_is_sent_and_an_unchanged_named_part_is_not() -> None:
    base = pot()
    base.update_node("body", name="Body")
    base.update_node("lip", name="Rim")
    new = Document.from_json(base.to_json())
    new.update_node("lip", name="")
    assert diff(base.to_json(), new.to_json()) == [("update_node", {"node": "lip", "props": {}, "name": ""})]


def test_a_new_kind_of_root_or_a_document_without_parameters_is_one_replace() -> None:
    base = pot().to_json()
    new = {**base, "root": {**base["root"], "type": "group"}}
    assert diff(base, new) == [("replace", {"document": new})]
    bare = {k: v for k, v in Document("box", root=Node("box", {"size": [1, 2, 3]}, id="root")).to_json().items()
            if k != "parameters"}  # as an older client wrote it
    resized = {**bare, "root": {**bare["root"], "props": {"size": [2, 2, 2]}}}
    assert diff(bare, resized) == [("replace", {"document": resized})]


def test_a_computed_parameter_is_sent_whole_never_as_a_value_to_set() -> None:
    base = Document("pot", params=[Parameter("height", 80, min=10, max=300), Parameter("lid", 16, expr="height / 5")],
                    root=Node("cylinder", {"r": 20, "h": "=height"}, id="root")).to_json()
    new = {**base, "parameters": [base["parameters"][0], {**base["parameters"][1], "value": 20.0}]}
    assert diff(base, new) == [("add_param", {"param": new["parameters"][1]})]


def test_an_edit_overwritten_by_the_very_next_op_is_reported() -> None:
    lost = overwritten([LoggedOp(1, "ana", "set_param", {"name": "height", "value": 100}),
                        LoggedOp(2, "bea", "set_param", {"name": "height", "value": 110})])
    assert {rev: op.rev for rev, op in lost.items()} == {1: 2}
