"""What one undo step is: a slider drag (steps sharing a drag id) is one, two separate edits of the same parameter
are two (issue 16: merging them into one step went unnoticed by the tests)."""

from __future__ import annotations

from core.commands import CommandStack, SetParameters
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter


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
