"""Shared-project operations: how one op changes a document, and when it cannot.

The hub applies every op it accepts to its head, and each collaborator's app applies the ops it
receives to its open document. Both call this module, so a given sequence of ops yields the same
document everywhere — if the two sides each had their own rules, collaborators would silently drift
apart.

Ops are applied to the *current* document in arrival order, so two edits made against the same old
revision both land when they touch different nodes/parameters, and the later one wins when they
touch the same one (last writer wins per node+parameter). An op that no longer makes sense — editing
a node someone deleted, removing a parameter an expression still reads — is a structural clash.

The client keeps the hub's head and its own pending ops and shows `replay(head, pending)`: when
collaborators' ops arrive it applies them to the head with `apply` (as the hub did) and replays the
pending ops on top again — the rebase — so what a designer sees is exactly what the hub will hold
once their ops are accepted. `diff` turns any local change (an undo, an AI edit) into ops, and
`overwritten` finds the edits a later writer replaced, for the history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import DocumentError, PotStudioError
from core.tasks import Phrase

OP_KINDS = ("set_param", "add_param", "remove_param", "add_node", "remove_node", "update_node", "move", "replace")


class OpRejected(DocumentError):
    """The op cannot apply to this document; the message says why in words a user understands.

    `structural` marks a clash with the document's shape (a part or parameter the op needs is gone,
    or the result would read a parameter that no longer exists) — made by someone else's concurrent
    edit when the op was based on an older revision. Anything else (a value out of range, a
    malformed op) is wrong in itself and would be refused on any revision.
    """

    def __init__(self, message: str, structural: bool = False) -> None:
        super().__init__(message)
        self.structural = structural


Args = Mapping[str, Any]


def _arg(args: Args, key: str, kind: type | tuple[type, ...]) -> Any:
    value = args.get(key)
    if not isinstance(value, kind):
        raise OpRejected(Phrase("The '{0}' of this change is missing or of the wrong type.", key))
    return value


def _index(args: Args) -> int | None:
    index = args.get("index")
    return index if isinstance(index, int) and not isinstance(index, bool) else None


def _set_param(doc: Document, args: Args) -> None:
    doc.set_param_value(_arg(args, "name", str), args.get("value"))


def _add_param(doc: Document, args: Args) -> None:
    param = Parameter.from_json(_arg(args, "param", dict))
    doc.set_param(param, param.name)


def _remove_param(doc: Document, args: Args) -> None:
    name = _arg(args, "name", str)
    doc.param(name)
    doc.set_param(None, name)


def _add_node(doc: Document, args: Args) -> None:
    doc.insert_node(_arg(args, "parent", str), Node.from_json(_arg(args, "node", dict)), _index(args))


def _remove_node(doc: Document, args: Args) -> None:
    doc.remove_node(_arg(args, "node", str))


def _update_node(doc: Document, args: Args) -> None:
    fields = {k: args[k] for k in ("name", "enabled") if k in args}
    props = args.get("props") or {}
    if not isinstance(props, dict):
        raise OpRejected(Phrase("The 'props' of this change must be an object."))
    doc.update_node(_arg(args, "node", str), props, **fields)


def _move(doc: Document, args: Args) -> None:
    node_id = _arg(args, "node", str)
    target = _arg(args, "parent", str)
    if any(n.id == target for n in doc.node(node_id).walk()):
        raise OpRejected(Phrase("A part cannot be moved inside itself."))
    doc.node(target)
    _, _, node = doc.remove_node(node_id)
    doc.insert_node(target, node, _index(args))


def _replace(doc: Document, args: Args) -> None:
    doc.replace_with(Document.from_json(_arg(args, "document", dict)))


_APPLY: dict[str, Callable[[Document, Args], None]] = {
    "set_param": _set_param, "add_param": _add_param, "remove_param": _remove_param, "add_node": _add_node,
    "remove_node": _remove_node, "update_node": _update_node, "move": _move, "replace": _replace,
}
_NODE_ARGS = {"add_node": ("parent",), "remove_node": ("node",), "update_node": ("node",), "move": ("node", "parent")}
_PARAM_ARGS = {"set_param": "name", "remove_param": "name"}


def _gone(doc: Document, kind: str, args: Args) -> Phrase | None:
    """Why the op cannot apply: something it refers to that this document does not have (anymore)."""
    ids = {n.id for n in doc.root.walk()}
    for key in _NODE_ARGS.get(kind, ()):
        if isinstance(args.get(key), str) and args[key] not in ids:
            return Phrase("This change cannot apply: the part '{0}' no longer exists.", args[key])
    name = args.get(_PARAM_ARGS.get(kind, ""))
    if isinstance(name, str) and name not in doc.params:
        return Phrase("This change cannot apply: the parameter '{0}' no longer exists.", name)
    return None


def _message(exc: BaseException) -> str:
    """What `exc` says, still a Phrase (which the UI can translate) when it was raised with one."""
    text = str(exc)
    return exc.args[0] if exc.args and isinstance(exc.args[0], Phrase) and exc.args[0] == text else text


def check_references(doc: Document) -> None:
    """Every parameter an expression reads must exist: a dangling one is a broken model."""
    known = set(doc.params)
    for node in doc.root.walk():
        missing = node.parameter_names() - known
        if missing:
            raise OpRejected(Phrase(
                "Part '{0}' uses parameter '{1}', which no longer exists.",
                node.label, sorted(missing)[0],
            ), structural=True)
    doc.values()


def _apply_unchecked(doc: Document, kind: str, args: Args) -> None:
    if kind not in _APPLY:
        raise OpRejected(Phrase("Unknown change kind '{0}'.", kind))
    try:
        gone = _gone(doc, kind, args)
        if gone:
            raise OpRejected(gone, structural=True)
        _APPLY[kind](doc, args)
        check_references(doc)
    except OpRejected:
        raise
    except PotStudioError as exc:
        raise OpRejected(_message(exc)) from None
    except (TypeError, ValueError, KeyError) as exc:
        raise OpRejected(Phrase("This change is malformed ({0}).", exc)) from None


def apply(document: Mapping[str, Any], kind: str, args: Args) -> dict[str, Any]:
    """The document (as JSON) after the op, as JSON; raises OpRejected when it cannot apply."""
    try:
        doc = Document.from_json(dict(document))
    except (PotStudioError, TypeError, ValueError, KeyError) as exc:
        raise OpRejected(Phrase("The document this change applies to is broken ({0}).", _message(exc))) from None
    _apply_unchecked(doc, kind, args)
    return doc.to_json()


def apply_in_place(doc: Document, kind: str, args: Args) -> None:
    """Apply the op to a live document (its `changed` signal fires as for a local edit), or raise
    OpRejected and leave it exactly as it was: the op is first tried on a copy, because a half-done
    op (a node removed but not re-inserted by a failed move) would corrupt what the user sees."""
    _apply_unchecked(doc.copy(), kind, args)
    _apply_unchecked(doc, kind, args)


@dataclass(frozen=True)
class Replayed:
    """A document after a sequence of ops, and the ops (by index) that could not apply to it."""

    document: dict[str, Any]
    refused: list[tuple[int, OpRejected]] = field(default_factory=list)


def replay(document: Mapping[str, Any], ops: Sequence[tuple[str, Args]]) -> Replayed:
    """`apply` each op in turn, skipping (and listing) the ones that do not apply: the client's
    rebase of its pending ops over the hub's newest head. The document is parsed once."""
    doc = Document.from_json(dict(document))
    refused: list[tuple[int, OpRejected]] = []
    for index, (kind, args) in enumerate(ops):
        try:
            apply_in_place(doc, kind, args)
        except OpRejected as exc:
            refused.append((index, exc))
    return Replayed(doc.to_json(), refused)


Op = tuple[str, dict[str, Any]]


def _parents(root: Mapping[str, Any]) -> dict[str, tuple[str, int, Mapping[str, Any]]]:
    """node id -> (parent id, index, node json) for every node but the root."""
    found: dict[str, tuple[str, int, Mapping[str, Any]]] = {}

    def down(node: Mapping[str, Any]) -> None:
        for index, child in enumerate(node.get("children", [])):
            found[child["id"]] = (node["id"], index, child)
            down(child)

    down(root)
    return found


def _node_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Op] | None:
    """Ops turning node `old` into `new` (same id) in place, or None when ops cannot say it (a prop
    removed, the type changed)."""
    if old.get("type") != new.get("type"):
        return None
    before, after = old.get("props", {}), new.get("props", {})
    if set(before) - set(after):
        return None
    props = {k: v for k, v in after.items() if before.get(k, _UNSET) != v}
    fields = {k: new.get(k, d) for k, d in (("name", ""), ("enabled", True)) if old.get(k, d) != new.get(k, d)}
    return [("update_node", {"node": new["id"], "props": props, **fields})] if props or fields else []


_UNSET = object()


def _tree_ops(old_root: Mapping[str, Any], new_root: Mapping[str, Any]) -> list[Op] | None:
    old, new = _parents(old_root), _parents(new_root)
    ops: list[Op] = []
    for node_id, (parent, _i, _n) in old.items():
        if node_id not in new and parent not in set(old) - set(new):
            ops.append(("remove_node", {"node": node_id}))
    added = set(new) - set(old)
    for node_id, (parent, index, node) in new.items():
        if node_id in added and parent not in added:
            ops.append(("add_node", {"parent": parent, "node": dict(node), "index": index}))
        elif node_id not in added and old[node_id][0] != parent:
            ops.append(("move", {"node": node_id, "parent": parent, "index": index}))
    for node_id, (_p, _i, node) in new.items():
        if node_id not in added:
            changes = _node_changes(old[node_id][2], node)
            if changes is None:
                return None
            ops += changes
    root_changes = _node_changes(old_root, new_root)
    return None if root_changes is None else ops + root_changes


def _param_ops(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[list[Op], list[Op]]:
    """(ops to run before the node ops, ops to run after them): a parameter is added before a part reads
    it and removed after the last part stopped reading it."""
    before = {p["name"]: p for p in old}
    first: list[Op] = []
    for param in new:
        was = before.get(param["name"])
        if was == param:
            continue
        if was is not None and {**was, "value": param["value"]} == param and param.get("expr") is None:
            first.append(("set_param", {"name": param["name"], "value": param["value"]}))
        else:
            first.append(("add_param", {"param": param}))
    after = {p["name"] for p in new}
    return first, [("remove_param", {"name": name}) for name in before if name not in after]


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Op]:
    """Ops that turn document `old` into `new` (both as JSON): per parameter and per part where it can,
    so a collaborator's edit to another value still merges; one `replace` when it cannot say the
    change more finely (the document renamed, a prop removed, parts reordered). Checked by replaying:
    `replay(old, diff(old, new))` always gives `new`."""
    if old == new:
        return []
    whole: list[Op] = [("replace", {"document": dict(new)})]
    if old.get("name") != new.get("name") or old.get("metadata") != new.get("metadata"):
        return whole
    nodes = _tree_ops(old["root"], new["root"])
    if nodes is None:
        return whole
    first, last = _param_ops(old.get("parameters", []), new.get("parameters", []))
    ops = first + nodes + last
    try:
        result = replay(old, ops)
    except (PotStudioError, TypeError, ValueError, KeyError):
        return whole
    return ops if not result.refused and result.document == dict(new) else whole


def targets(kind: str, args: Args) -> frozenset[str]:
    """The values an op writes, as keys ("param:width", "node:body:props:size"): two ops with a key in
    common edit the same value, and the later one wins. `replace` writes everything ("*")."""
    if kind in ("set_param", "remove_param"):
        return frozenset({f"param:{args.get('name')}"})
    if kind == "add_param" and isinstance(args.get("param"), Mapping):
        return frozenset({f"param:{args['param'].get('name')}"})
    if kind == "update_node":
        node, props = args.get("node"), args.get("props") or {}
        keys = {f"node:{node}:props:{k}" for k in props} if isinstance(props, Mapping) else set()
        return frozenset(keys | {f"node:{node}:{k}" for k in ("name", "enabled") if k in args})
    if kind in ("remove_node", "move"):
        return frozenset({f"node:{args.get('node')}:place"})
    if kind == "replace":
        return frozenset({"*"})
    return frozenset()


@dataclass(frozen=True)
class LoggedOp:
    """One op of a project's log as the history shows it."""

    rev: int
    author: str
    kind: str
    args: dict[str, Any]


def overwritten(log: Sequence[LoggedOp]) -> dict[int, LoggedOp]:
    """rev -> the later op by someone else that replaced every value the op at rev wrote (last writer
    wins, so such an edit leaves no trace in the document: the history says who overwrote it)."""
    result: dict[int, LoggedOp] = {}
    ordered = sorted(log, key=lambda o: o.rev)
    for index, op in enumerate(ordered):
        left = set(targets(op.kind, op.args))
        if not left or "*" in left:
            continue
        for later in ordered[index + 1:]:
            written = targets(later.kind, later.args)
            if later.author == op.author:
                left -= written
                if not left:
                    break  # the author's own later edit replaced it: not lost to anyone
                continue
            left = set() if "*" in written else left - written
            if not left:
                result[op.rev] = later
                break
    return result
