"""The document: parameters + node tree + metadata, with change events and JSON (de)serialisation.

Mutating methods here are the primitives that commands (core/commands.py) call; views never call
them directly, so every change a user sees is undoable.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.document.expressions import Number
from core.document.nodes import PRIMITIVES, Node
from core.document.parameters import Parameter, resolve
from core.errors import DocumentError, ParameterError
from core.events import Signal
from core.tasks import Phrase

SCHEMA_VERSION = 1
FORMAT = "potstudio.document"


@dataclass(frozen=True)
class DocumentChange:
    """What changed: kind is param | params | node_added | node_removed | node_changed | replaced."""

    kind: str
    names: tuple[str, ...] = ()


@dataclass
class _Content:
    name: str
    params: dict[str, Parameter]
    root: Node
    metadata: dict[str, Any] = field(default_factory=dict)


class Document:
    def __init__(
        self,
        name: str = "Untitled",
        params: list[Parameter] | None = None,
        root: Node | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self._c = _Content(
            name=name,
            params={p.name: p for p in params or []},
            root=root or Node("union", name="Model", id="root"),
            metadata=dict(metadata or {}),
        )
        self._values: dict[str, Number] | None = None
        self.changed: Signal[[DocumentChange]] = Signal()
        self._check_ids()

    # --- reading -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._c.name

    @name.setter
    def name(self, value: str) -> None:
        self._c.name = value

    @property
    def params(self) -> dict[str, Parameter]:
        return self._c.params

    @property
    def root(self) -> Node:
        return self._c.root

    @property
    def has_geometry(self) -> bool:
        """Whether the model has anything to build: parts under the root, or a root that is itself a solid (a
        template made of one revolve or one layer stack has no children, and is still a whole model)."""
        return bool(self._c.root.children) or self._c.root.type in PRIMITIVES

    @property
    def metadata(self) -> dict[str, Any]:
        return self._c.metadata

    @property
    def template(self) -> str | None:
        value = self._c.metadata.get("template")
        return str(value) if value else None

    def param(self, name: str) -> Parameter:
        try:
            return self._c.params[name]
        except KeyError:
            raise ParameterError(Phrase("This model has no parameter '{0}'.", name)) from None

    def values(self) -> dict[str, Number]:
        """Resolved parameter values (derived ones computed); cached until the next change."""
        if self._values is None:
            self._values = resolve(self._c.params.values())
        return self._values

    def node(self, node_id: str) -> Node:
        for node in self._c.root.walk():
            if node.id == node_id:
                return node
        raise DocumentError(Phrase("No part with id '{0}' in this model.", node_id))

    def find_parent(self, node_id: str) -> tuple[Node, int]:
        for node in self._c.root.walk():
            for index, child in enumerate(node.children):
                if child.id == node_id:
                    return node, index
        raise DocumentError(Phrase("Part '{0}' has no parent (it is the root or does not exist).", node_id))

    def ancestors(self, node_id: str) -> list[Node]:
        """Nodes from the root down to (excluding) node_id."""
        path: list[Node] = []

        def down(node: Node) -> bool:
            if node.id == node_id:
                return True
            path.append(node)
            if any(down(c) for c in node.children):
                return True
            path.pop()
            return False

        if not down(self._c.root):
            raise DocumentError(Phrase("No part with id '{0}' in this model.", node_id))
        return path

    # --- primitive mutations (called by commands) ------------------------------------------------
    def set_param_value(self, name: str, value: Any) -> Number:
        """Set a parameter, returning the old value; rejects values that break derived ones."""
        param = self.param(name)
        if param.expr is not None:
            raise ParameterError(Phrase(
                "{0} is computed from '{1}' and cannot be set.",
                param.display_name, param.expr,
            ))
        old = param.value
        param.value = param.coerce(value)
        self._values = None
        try:
            self.values()
        except Exception:
            param.value = old
            self._values = None
            raise
        self.changed.emit(DocumentChange("param", (name,)))
        return old

    def set_param(self, param: Parameter | None, name: str) -> Parameter | None:
        """Add, replace (param given) or remove (None) a whole parameter; returns the old one."""
        old = self._c.params.get(name)
        if param is None:
            self._c.params.pop(name, None)
        else:
            self._c.params[name] = param
        self._values = None
        self.changed.emit(DocumentChange("params", (name,)))
        return old

    def insert_node(self, parent_id: str, node: Node, index: int | None = None) -> None:
        ids = {n.id for n in self._c.root.walk()}
        clash = [n.id for n in node.walk() if n.id in ids]
        if clash:
            raise DocumentError(Phrase("Part id '{0}' is already used.", clash[0]))
        parent = self.node(parent_id)
        if parent.type in {"box", "cylinder", "cone", "sphere", "torus", "extrude", "revolve", "mesh"}:
            raise DocumentError(Phrase("A {0} cannot contain other parts.", parent.type))
        parent.children.insert(len(parent.children) if index is None else index, node)
        self.changed.emit(DocumentChange("node_added", (node.id,)))

    def remove_node(self, node_id: str) -> tuple[str, int, Node]:
        parent, index = self.find_parent(node_id)
        node = parent.children.pop(index)
        self.changed.emit(DocumentChange("node_removed", (node_id,)))
        return parent.id, index, node

    def update_node(self, node_id: str, props: Mapping[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        """Merge props and set name/enabled; returns what to pass back to undo."""
        node = self.node(node_id)
        undo: dict[str, Any] = {}
        if props:
            old_props = {k: copy.deepcopy(node.props.get(k, _MISSING)) for k in props}
            candidate = Node(node.type, {**node.props, **props}, [], node.name, "tmp", node.enabled)
            node.props = {k: v for k, v in candidate.props.items() if v is not _MISSING}
            undo["props"] = old_props
        for key in ("name", "enabled"):
            if key in fields:
                undo[key] = getattr(node, key)
                setattr(node, key, fields[key])
        self.changed.emit(DocumentChange("node_changed", (node_id,)))
        return undo

    def replace_with(self, other: Document) -> Document:
        """Swap the whole content (an AI-made model, a restored version); returns the old content."""
        previous = self.copy()
        self._c = copy.deepcopy(other._c)
        self._values = None
        self.changed.emit(DocumentChange("replaced"))
        return previous

    # --- (de)serialisation ----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "name": self._c.name,
            "metadata": copy.deepcopy(self._c.metadata),
            "parameters": [p.to_json() for p in self._c.params.values()],
            "root": self._c.root.to_json(),
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=1, sort_keys=False)

    @classmethod
    def from_json(cls, data: Any) -> Document:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DocumentError(Phrase("This is not a 3D Pot Studio document."))
        data = migrate(data)
        params = data.get("parameters", [])
        if not isinstance(params, list):
            raise DocumentError(Phrase("Document parameters must be a list."))
        if "root" not in data:
            raise DocumentError(Phrase("The document has no root part."))
        doc = cls(
            name=str(data.get("name", "Untitled")),
            params=_unique([Parameter.from_json(p) for p in params]),
            root=Node.from_json(data["root"]),
            metadata=dict(data.get("metadata") or {}),
        )
        doc.values()
        return doc

    @classmethod
    def loads(cls, text: str | bytes) -> Document:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise DocumentError(Phrase("The document is not valid JSON: {0}.", exc)) from None
        except RecursionError:
            raise DocumentError(Phrase("The document is nested too deeply to read.")) from None
        return cls.from_json(data)

    def copy(self) -> Document:
        return Document.from_json(self.to_json())

    def _check_ids(self) -> None:
        seen: set[str] = set()
        for node in self._c.root.walk():
            if node.id in seen:
                raise DocumentError(Phrase("Part id '{0}' is used twice.", node.id))
            seen.add(node.id)


def _unique(params: list[Parameter]) -> list[Parameter]:
    """A name given twice would silently keep the last one (and its value): say which instead."""
    seen: set[str] = set()
    for param in params:
        if param.name in seen:
            raise DocumentError(Phrase("The parameter '{0}' is defined twice.", param.name))
        seen.add(param.name)
    return params


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to SCHEMA_VERSION; refuse documents from a newer app."""
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise DocumentError(Phrase("The document has no valid schema_version."))
    if version > SCHEMA_VERSION:
        raise DocumentError(Phrase(
            "This document was saved by a newer 3D Pot Studio (schema {0}); please update the app.",
            version,
        ))
    # Version 1 is the first; later migrations go here as `if version == N: ...; version += 1`.
    return data
