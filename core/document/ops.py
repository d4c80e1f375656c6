"""Shared-project operations: how one op changes a document, and when it cannot.

The hub applies every op it accepts to its head, and each collaborator's app applies the ops it
receives to its open document. Both call this module, so a given sequence of ops yields the same
document everywhere — if the two sides each had their own rules, collaborators would silently drift
apart.

Ops are applied to the *current* document in arrival order, so two edits made against the same old
revision both land when they touch different nodes/parameters, and the later one wins when they
touch the same one (last writer wins per node+parameter). An op that no longer makes sense — editing
a node someone deleted, removing a parameter an expression still reads — is a structural clash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
