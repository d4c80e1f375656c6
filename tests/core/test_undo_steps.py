"""What one undo step is: a slider drag (steps sharing a drag id) is one, two separate edits of the same parameter
are two (issue 16: merging them into one step went unnoticed by the tests). And the undo stack as a designer uses it:
redo brings exactly that change again, a change that fails leaves the model and the history as they were, and the
Undo/Redo labels and the unsaved-changes mark follow (mutation testing showed these were mostly unchecked)."""

from __future__ import annotations

import pytest

from core.commands import AddNode, CommandStack, Group, RemoveNode, ReplaceDocument, SetParameters, UpdateNode
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import DocumentError, ParameterError


def _doc() -> Document:
    return Document(name="pot", params=[Parameter("height", 80.0, min=10, max=250)],
                    root=Node("cylinder", {"h": "=height", "r": 20}))


def test_two_separate_edits_of_one_parameter_are_two_undo_steps() -> None:
    stack = CommandStack(_doc())
    stack.push(SetParameters({"height": 100.0}))
    stack.push(SetParameters({"height": 120.0}))
    stack.undo()
    assert stack.doc.values()["height"] == 100.0
    stack.undo()
    assert stack.doc.values()["height"] == 80.0


def test_a_drag_is_one_undo_step_and_the_next_drag_another() -> None:
    stack = CommandStack(_doc())
    for value in (90.0, 100.0, 110.0):
        stack.push(SetParameters({"height": value}, drag_id="drag-1"))
    stack.close_merge()
    stack.push(SetParameters({"height": 130.0}, drag_id="drag-1"))  # the same slider grabbed again
    stack.undo()
    assert stack.doc.values()["height"] == 110.0
    stack.undo()
    assert stack.doc.values()["height"] == 80.0


def test_steps_of_different_drags_are_separate() -> None:
    stack = CommandStack(_doc())
    stack.push(SetParameters({"height": 90.0}, drag_id="a"))
    stack.push(SetParameters({"height": 100.0}, drag_id="b"))
    stack.undo()
    assert stack.doc.values()["height"] == 90.0


def _pot() -> Document:
    return Document(name="pot", params=[Parameter("height", 80.0, min=10, max=250),
                                        Parameter("wall_thickness", 2.0, min=1, max=10)],
                    root=Node("union", id="root", children=[Node("cylinder", {"h": "=height", "r": 20}, id="body"),
                                                            Node("box", {"size": [5, 5, 5]}, id="lug")]))


def _children(stack: CommandStack) -> list[str]:
    return [child.id for child in stack.doc.root.children]


def test_a_part_added_at_a_place_goes_away_on_undo_and_comes_back_there_on_redo() -> None:
    stack = CommandStack(_pot())
    stack.push(AddNode("root", Node("sphere", {"r": 3}, id="knob"), index=0))
    assert _children(stack) == ["knob", "body", "lug"] and stack.undo_label == "Add part"
    stack.undo()
    assert _children(stack) == ["body", "lug"] and stack.redo_label == "Add part"
    stack.redo()
    assert _children(stack) == ["knob", "body", "lug"]


def test_a_removed_part_comes_back_at_its_old_place() -> None:
    stack = CommandStack(_pot())
    stack.push(RemoveNode("body"))
    assert _children(stack) == ["lug"] and stack.undo_label == "Remove part"
    stack.undo()
    assert _children(stack) == ["body", "lug"]
    stack.redo()
    assert _children(stack) == ["lug"]


def test_editing_a_part_undoes_its_props_name_and_visibility() -> None:
    stack = CommandStack(_pot())
    stack.push(UpdateNode("lug", {"size": [6, 6, 6]}, {"name": "Handle", "enabled": False}))
    lug = stack.doc.node("lug")
    assert (lug.props["size"], lug.name, lug.enabled) == ([6, 6, 6], "Handle", False)
    assert stack.undo_label == "Edit part"
    stack.undo()
    lug = stack.doc.node("lug")
    assert (lug.props["size"], lug.name, lug.enabled) == ([5, 5, 5], "", True)


def test_moving_a_part_by_dragging_is_one_step_back_to_where_the_drag_began() -> None:
    stack = CommandStack(_pot())
    for size in (6, 7, 8):
        stack.push(UpdateNode("lug", {"size": [size, size, size]}, drag_id="drag"))
    assert stack.depth == 1
    stack.undo()
    assert stack.doc.node("lug").props["size"] == [5, 5, 5] and not stack.can_undo
    stack.redo()
    assert stack.doc.node("lug").props["size"] == [8, 8, 8]


def test_a_drag_of_another_part_with_the_same_id_is_its_own_step() -> None:
    stack = CommandStack(_pot())
    stack.push(UpdateNode("lug", {"size": [6, 6, 6]}, drag_id="drag"))
    stack.push(UpdateNode("body", {"r": 30}, drag_id="drag"))
    assert stack.depth == 2
    stack.undo()
    assert stack.doc.node("body").props["r"] == 20 and stack.doc.node("lug").props["size"] == [6, 6, 6]


def test_part_edits_without_a_drag_are_separate_steps() -> None:
    stack = CommandStack(_pot())
    stack.push(UpdateNode("lug", {"size": [6, 6, 6]}))
    stack.push(UpdateNode("lug", {"size": [7, 7, 7]}))
    stack.undo()
    assert stack.doc.node("lug").props["size"] == [6, 6, 6]


def test_a_slider_drag_redone_gives_its_last_value_and_undone_again_its_first() -> None:
    stack = CommandStack(_pot())
    for value in (90.0, 100.0, 110.0):
        stack.push(SetParameters({"height": value}, drag_id="slider"))
    stack.undo()
    assert stack.doc.values()["height"] == 80.0
    stack.redo()
    assert stack.doc.values()["height"] == 110.0
    stack.undo()
    assert stack.doc.values()["height"] == 80.0


def test_a_drag_over_other_parameters_with_the_same_id_is_its_own_step() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0}, drag_id="slider"))
    stack.push(SetParameters({"height": 95.0, "wall_thickness": 3.0}, drag_id="slider"))
    assert stack.depth == 2
    stack.undo()
    assert stack.doc.values()["height"] == 90.0 and stack.doc.values()["wall_thickness"] == 2.0


def test_the_undo_label_names_the_parameters_changed() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0, "wall_thickness": 3.0}))
    assert stack.undo_label == "Change height, wall thickness"
    stack.push(SetParameters({"height": 95.0}, label="Make it taller"))
    assert stack.undo_label == "Make it taller"


def test_setting_several_values_undoes_each_to_its_own_old_value() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0, "wall_thickness": 3.0}))
    stack.undo()
    assert (stack.doc.values()["height"], stack.doc.values()["wall_thickness"]) == (80.0, 2.0)


def test_a_refused_value_puts_back_the_values_already_set_and_leaves_no_step() -> None:
    stack = CommandStack(_pot())
    with pytest.raises(ParameterError):
        stack.push(SetParameters({"height": 100.0, "wall_thickness": 3.0, "missing": 1}))
    assert (stack.doc.values()["height"], stack.doc.values()["wall_thickness"]) == (80.0, 2.0)
    assert not stack.can_undo


def test_an_assistant_reply_of_several_changes_is_one_step_undone_in_reverse() -> None:
    stack = CommandStack(_pot())
    stack.push(Group([AddNode("root", Node("sphere", {"r": 3}, id="knob")),
                      UpdateNode("knob", {"r": 4}), SetParameters({"height": 120.0})], label="AI edit"))
    assert stack.depth == 1 and stack.undo_label == "AI edit"
    stack.undo()
    assert _children(stack) == ["body", "lug"] and stack.doc.values()["height"] == 80.0


def test_a_reply_whose_last_change_fails_leaves_the_model_as_it_was() -> None:
    stack = CommandStack(_pot())
    with pytest.raises(DocumentError):
        stack.push(Group([AddNode("root", Node("sphere", {"r": 3}, id="knob")), SetParameters({"height": 120.0}),
                          RemoveNode("no-such-part")]))
    assert _children(stack) == ["body", "lug"] and stack.doc.values()["height"] == 80.0 and not stack.can_undo


def test_a_new_model_is_undone_to_the_old_one_and_redone() -> None:
    stack = CommandStack(_pot())
    stack.push(ReplaceDocument(Document("box", root=Node("box", {"size": [1, 2, 3]}, id="root"))))
    assert stack.doc.name == "box" and stack.undo_label == "New model"
    stack.undo()
    assert stack.doc.name == "pot" and _children(stack) == ["body", "lug"]
    stack.redo()
    assert stack.doc.name == "box"


def test_the_history_keeps_only_the_newest_steps_up_to_its_limit() -> None:
    stack = CommandStack(_pot(), limit=2)
    for value in (90.0, 100.0, 110.0):
        stack.push(SetParameters({"height": value}))
    assert stack.depth == 2
    stack.undo()
    stack.undo()
    assert stack.undo() is None and stack.doc.values()["height"] == 90.0


def test_a_new_change_after_undo_drops_what_could_be_redone() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0}))
    stack.undo()
    assert stack.can_redo
    stack.push(SetParameters({"height": 100.0}))
    assert not stack.can_redo and stack.redo() is None and stack.redo_label == ""


def test_undo_and_redo_on_an_empty_history_do_nothing() -> None:
    stack = CommandStack(_pot())
    assert stack.undo() is None and stack.redo() is None
    assert stack.undo_label == "" and not stack.can_undo and not stack.can_redo


def test_a_drag_after_undo_or_redo_starts_a_new_step() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0}, drag_id="slider"))
    stack.push(SetParameters({"wall_thickness": 3.0}))
    stack.undo()
    stack.push(SetParameters({"height": 100.0}, drag_id="slider"))  # not folded into the 90 step
    stack.undo()
    assert stack.doc.values()["height"] == 90.0
    stack.redo()
    stack.push(SetParameters({"height": 110.0}, drag_id="slider"))  # not folded into the redone step
    stack.undo()
    assert stack.doc.values()["height"] == 100.0


def test_saving_marks_the_model_clean_and_a_drag_after_saving_is_a_new_step() -> None:
    stack = CommandStack(_pot())
    assert stack.is_clean
    stack.push(SetParameters({"height": 90.0}, drag_id="slider"))
    assert not stack.is_clean
    stack.set_clean()
    assert stack.is_clean
    stack.push(SetParameters({"height": 100.0}, drag_id="slider"))
    assert not stack.is_clean
    stack.undo()
    assert stack.is_clean and stack.doc.values()["height"] == 90.0


def test_clearing_the_history_leaves_nothing_to_undo_and_a_clean_model() -> None:
    stack = CommandStack(_pot())
    stack.push(SetParameters({"height": 90.0}))
    stack.undo()
    stack.push(SetParameters({"height": 95.0}))
    stack.set_clean()
    stack.push(SetParameters({"height": 100.0}))
    stack.clear()
    assert not stack.can_undo and not stack.can_redo and stack.is_clean and stack.depth == 0


def test_views_hear_of_every_push_undo_redo_save_and_clear() -> None:
    stack = CommandStack(_pot())
    heard: list[tuple[int, bool]] = []
    stack.changed.connect(lambda: heard.append((stack.depth, stack.can_redo)))
    stack.push(SetParameters({"height": 90.0}))
    stack.undo()
    stack.redo()
    stack.set_clean()
    stack.clear()
    assert heard == [(1, False), (0, True), (1, False), (1, False), (0, False)]


def test_a_new_model_saved_before_any_change_is_clean_and_stays_so_until_edited() -> None:
    stack = CommandStack(_pot())
    stack.set_clean()
    assert stack.is_clean
    stack.push(SetParameters({"height": 90.0}))
    assert not stack.is_clean
    stack.undo()
    assert stack.is_clean


def test_the_history_holds_500_steps_by_default() -> None:
    stack = CommandStack(_pot())
    for step in range(501):
        stack.push(SetParameters({"height": 20.0 + step % 200}))
    assert stack.depth == 500
