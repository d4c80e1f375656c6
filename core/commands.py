"""The one undo stack. Every user-visible change is a Command: slider drags, node edits, AI edits.

Modelled on Uranium's Operation/OperationStack: a command knows how to do and undo itself and may
absorb the next command (`merge`), so dragging a slider through 40 values is one undo step.
The desktop adapts this stack to its Undo/Redo actions; it never keeps a second one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.document.document import Document
from core.document.expressions import Number
from core.document.nodes import Node
from core.events import Signal
from core.tasks import Phrase


class Command:
    label: str = Phrase("Edit")  # Phrases: the desktop says an Undo/Redo label in the UI language

    def do(self, doc: Document) -> None:
        raise NotImplementedError

    def undo(self, doc: Document) -> None:
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        """Absorb `other` (done right after self) and return True, or refuse with False."""
        return False


@dataclass
class SetParameters(Command):
    """Set one or more parameter values. `drag_id` marks the steps of one slider drag: steps with
    the same drag id on the same parameters merge into a single undo step."""

    values: Mapping[str, Any]
    drag_id: str | None = None
    label: str = ""
    _old: dict[str, Number] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.label:
            names = ", ".join(n.replace("_", " ") for n in self.values)
            self.label = Phrase("Change {0}", names)

    def do(self, doc: Document) -> None:
        done: dict[str, Number] = {}
        try:
            for name, value in self.values.items():
                old = doc.set_param_value(name, value)
                done[name] = old
        except Exception:
            for name, old in reversed(done.items()):
                doc.set_param_value(name, old)
            raise
        for name, old in done.items():
            self._old.setdefault(name, old)

    def undo(self, doc: Document) -> None:
        for name, old in reversed(self._old.items()):
            doc.set_param_value(name, old)

    def merge(self, other: Command) -> bool:
        if (
            isinstance(other, SetParameters)
            and self.drag_id is not None
            and other.drag_id == self.drag_id
            and set(other.values) == set(self.values)
        ):
            self.values = dict(other.values)
            return True
        return False


@dataclass
class AddNode(Command):
    parent_id: str
    node: Node
    index: int | None = None
    label: str = Phrase("Add part")

    def do(self, doc: Document) -> None:
        doc.insert_node(self.parent_id, self.node.clone(), self.index)

    def undo(self, doc: Document) -> None:
        doc.remove_node(self.node.id)


@dataclass
class RemoveNode(Command):
    node_id: str
    label: str = Phrase("Remove part")
    _removed: tuple[str, int, Node] | None = None

    def do(self, doc: Document) -> None:
        self._removed = doc.remove_node(self.node_id)

    def undo(self, doc: Document) -> None:
        assert self._removed is not None
        parent_id, index, node = self._removed
        doc.insert_node(parent_id, node, index)


@dataclass
class UpdateNode(Command):
    """Change a node's props (e.g. a transform), name or enabled flag; drags merge like sliders."""

    node_id: str
    props: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    drag_id: str | None = None
    label: str = Phrase("Edit part")
    _undo: dict[str, Any] | None = None

    def do(self, doc: Document) -> None:
        undo = doc.update_node(self.node_id, self.props, **self.fields)
        if self._undo is None:
            self._undo = undo

    def undo(self, doc: Document) -> None:
        assert self._undo is not None
        rest = {k: v for k, v in self._undo.items() if k != "props"}
        doc.update_node(self.node_id, self._undo.get("props"), **rest)

    def merge(self, other: Command) -> bool:
        if (
            isinstance(other, UpdateNode)
            and self.drag_id is not None
            and other.drag_id == self.drag_id
            and other.node_id == self.node_id
        ):
            self.props.update(other.props)
            self.fields.update(other.fields)
            return True
        return False


@dataclass
class ReplaceDocument(Command):
    """Swap in a whole new model (the assistant made one, a version was restored, a file opened)."""

    new: Document
    label: str = Phrase("New model")
    _old: Document | None = None

    def do(self, doc: Document) -> None:
        self._old = doc.replace_with(self.new)

    def undo(self, doc: Document) -> None:
        assert self._old is not None
        doc.replace_with(self._old)


@dataclass
class Group(Command):
    """Several commands as one undo step (an assistant reply that changed three things)."""

    commands: Sequence[Command]
    label: str = Phrase("Edit")

    def do(self, doc: Document) -> None:
        done: list[Command] = []
        try:
            for cmd in self.commands:
                cmd.do(doc)
                done.append(cmd)
        except Exception:
            for cmd in reversed(done):
                cmd.undo(doc)
            raise

    def undo(self, doc: Document) -> None:
        for cmd in reversed(self.commands):
            cmd.undo(doc)


class CommandStack:
    """Undo/redo over one document. `changed` fires after every push/undo/redo so views can update
    their Undo/Redo labels; `clean` tracks the saved state for the unsaved-changes mark."""

    def __init__(self, doc: Document, limit: int = 500) -> None:
        self.doc = doc
        self.limit = limit
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._clean_marker: Command | None = None
        self._merge_open = True
        self.changed: Signal[[]] = Signal()

    def push(self, cmd: Command) -> None:
        """Do the command; on failure nothing changes and the error propagates to the caller."""
        cmd.do(self.doc)
        top = self._undo[-1] if self._undo else None
        if top is not None and self._merge_open and top is not self._clean_marker and top.merge(cmd):
            pass
        else:
            self._undo.append(cmd)
            del self._undo[: max(0, len(self._undo) - self.limit)]
        self._merge_open = True
        self._redo.clear()
        self.changed.emit()

    def close_merge(self) -> None:
        """End the current drag: the next command starts a new undo step even with the same id."""
        self._merge_open = False

    def undo(self) -> Command | None:
        if not self._undo:
            return None
        cmd = self._undo.pop()
        cmd.undo(self.doc)
        self._redo.append(cmd)
        self._merge_open = False
        self.changed.emit()
        return cmd

    def redo(self) -> Command | None:
        if not self._redo:
            return None
        cmd = self._redo.pop()
        cmd.do(self.doc)
        self._undo.append(cmd)
        self._merge_open = False
        self.changed.emit()
        return cmd

    @property
    def depth(self) -> int:
        """Number of undoable steps (lets callers remember where a change sits on the stack)."""
        return len(self._undo)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def set_clean(self) -> None:
        self._clean_marker = self._undo[-1] if self._undo else None
        self._merge_open = False
        self.changed.emit()

    @property
    def is_clean(self) -> bool:
        return (self._undo[-1] if self._undo else None) is self._clean_marker

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._clean_marker = None
        self.changed.emit()
