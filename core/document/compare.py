"""What differs between two versions of a document, in a designer's words: each parameter whose value or
definition changed (old → new) and each part added, removed or changed — for comparing versions side by
side.

The changes are read off `ops.diff`, the op algebra the hub and every client sync with, so "what changed"
here is exactly what a sync from one version to the other would send. Derived parameters are compared by
value too: an expression that did not change still gives a new value when a parameter it reads did, and
the parts reading it change shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from core.document.document import Document
from core.document.expressions import Number
from core.document.nodes import Node
from core.document.ops import Op, diff

PartStatus = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class ParamChange:
    """A parameter's value in the older and the newer version (None: it does not exist there)."""

    name: str
    label: str
    unit: str
    old: Number | str | None
    new: Number | str | None


@dataclass(frozen=True)
class PartChange:
    node_id: str
    label: str
    status: PartStatus


@dataclass(frozen=True)
class Comparison:
    params: list[ParamChange] = field(default_factory=list)
    parts: list[PartChange] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not self.params and not self.parts


def _shown(doc: Document, name: str) -> Number | str | None:
    """The value a designer reads: a choice by its label, anything else as resolved."""
    if name not in doc.params:
        return None
    param = doc.params[name]
    return param.choice if param.kind == "choice" else doc.values()[name]


def _own(node: Node) -> dict[str, Any]:
    return {k: v for k, v in node.to_json().items() if k != "children"}


def _touched(ops: list[Op], before: Document, after: Document) -> tuple[set[str], dict[str, PartStatus]]:
    """(parameters whose definition changed, part id -> status) that the ops say."""
    params: set[str] = set()
    parts: dict[str, PartStatus] = {}
    for kind, args in ops:
        if kind in ("set_param", "remove_param"):
            params.add(str(args["name"]))
        elif kind == "add_param":
            params.add(str(args["param"]["name"]))
        elif kind == "add_node":
            parts.update((n.id, "added") for n in after.node(str(args["node"]["id"])).walk())
        elif kind == "remove_node":
            parts.update((n.id, "removed") for n in before.node(str(args["node"])).walk())
        elif kind in ("update_node", "move"):
            parts.setdefault(str(args["node"]), "changed")
    return params, parts


def _wholesale(before: Document, after: Document) -> tuple[set[str], dict[str, PartStatus]]:
    """When the ops can only say "replace" (a part's type changed, a setting removed): compare each
    parameter and each part's own settings by id."""
    old_params, new_params = before.to_json()["parameters"], after.to_json()["parameters"]
    old_by, new_by = {p["name"]: p for p in old_params}, {p["name"]: p for p in new_params}
    params = {name for name in old_by.keys() | new_by.keys() if old_by.get(name) != new_by.get(name)}
    old_nodes = {n.id: _own(n) for n in before.root.walk()}
    new_nodes = {n.id: _own(n) for n in after.root.walk()}
    parts: dict[str, PartStatus] = {}
    for node_id in old_nodes.keys() | new_nodes.keys():
        if node_id not in old_nodes:
            parts[node_id] = "added"
        elif node_id not in new_nodes:
            parts[node_id] = "removed"
        elif old_nodes[node_id] != new_nodes[node_id]:
            parts[node_id] = "changed"
    return params, parts


def _in_order(names: Iterable[str], before: Document, after: Document) -> list[str]:
    """The newer version's parameter order, then the ones it no longer has."""
    wanted = set(names)
    order = [*after.params, *(n for n in before.params if n not in after.params)]
    return [name for name in order if name in wanted]


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> Comparison:
    """What changed from document `old` to document `new` (both as JSON). The document's own name and
    metadata are not part of the model and are left out."""
    before, after = Document.from_json(dict(old)), Document.from_json(dict(new))
    aligned = {**before.to_json(), "name": after.name, "metadata": after.metadata}
    ops = diff(aligned, after.to_json())
    params, parts = _wholesale(before, after) if any(k == "replace" for k, _ in ops) else _touched(ops, before, after)
    old_values, new_values = before.values(), after.values()
    params |= {name for name in old_values.keys() & new_values.keys() if old_values[name] != new_values[name]}
    for doc in (before, after):
        for node in doc.root.walk():
            if node.parameter_names() & params:
                parts.setdefault(node.id, "changed")
    changes = []
    for name in _in_order(params, before, after):
        old_value, new_value = _shown(before, name), _shown(after, name)
        shown = after.params.get(name) or before.params[name]
        changes.append(ParamChange(name, shown.display_name, shown.unit, old_value, new_value))
    labels = {n.id: n.label for doc in (before, after) for n in doc.root.walk()}
    order = dict.fromkeys([*(n.id for n in after.root.walk()), *(n.id for n in before.root.walk())])
    listed = [PartChange(node_id, labels[node_id], parts[node_id]) for node_id in order
              if node_id in parts and node_id not in (before.root.id, after.root.id)]
    return Comparison(changes, listed)
