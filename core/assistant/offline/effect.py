"""Which stated values reach the built model, so a reply never states one that does not.

A template can keep a parameter that only one variant reads: a jar lid's "thread diameter" shapes the lid
only for an ISO metric thread; a Mason or GPI finish brings its own diameter (a computed parameter).
"a lid for a 70 mm jar" must not be answered "thread diameter 70 mm" by a lid whose thread comes from
the finish, nor "I used defaults for thread diameter 30 mm" by a wide-mouth lid whose thread is 86 mm.

Reached means: the model's enabled parts read the parameter, or a computed parameter the tree reads
changes when it changes (found by changing it on a copy, so conditional expressions count right).
A stated size the chosen variant ignores is brought into effect by the variant the user did not choose
that has it already (a 48 mm jar: the 48-400 finish), else by one that reads it (ISO metric).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.document.document import Document
from core.document.expressions import Number, parse
from core.document.nodes import Node, resolve_enabled
from core.errors import PotStudioError
from core.templates.base import TemplateSpec


def reaches(doc: Document, name: str) -> bool:
    """Whether `name`'s value shapes the model `doc` builds."""
    param = doc.params[name]
    read = _read(doc)
    if name in read or param.kind not in ("float", "int") or param.expr is not None:
        return True
    derived = [n for n in read if n in doc.params and doc.params[n].expr is not None]
    if not derived:
        return False
    before = doc.values()
    step = max(float(param.step or 0), 1.0)
    other = float(before[name]) + step
    if param.max is not None and other > float(param.max):
        other = float(before[name]) - step
    trial = doc.copy()
    try:
        trial.set_param_value(name, other)
    except PotStudioError:
        return True  # a value its computed parameters refuse: they read it
    after = trial.values()
    return any(after[n] != before[n] for n in derived)


def counterpart(doc: Document, name: str, value: Number) -> str | None:
    """A computed parameter the model reads that holds the stated `value` of `name` (same unit, within
    1 mm or 2 %): what the reply states instead of the idle parameter ("jar thread diameter 70 mm")."""
    read = _read(doc)
    values = doc.values()
    unit = doc.params[name].unit
    return next((n for n, p in doc.params.items() if p.expr is not None and n in read and p.unit == unit
                 and abs(float(values[n]) - float(value)) <= max(1.0, 0.02 * abs(float(value)))), None)


def into_effect(spec: TemplateSpec, values: Mapping[str, Number], stated: Sequence[str],
                fixed: Sequence[str]) -> dict[str, Number]:
    """The variant choice (a choice parameter not in `fixed`) under which every stated parameter either
    has a computed counterpart equal to it or is read by the model: {choice: index}, or {} when the
    current variant already serves or none does."""
    doc = _made(spec, values)
    held = {values[n] for n in stated if doc is not None and reaches(doc, n)}
    # a value also held by a parameter the model reads ("50% bigger" scales a box's unused diameter with its
    # sides) asks for no other variant
    idle = [n for n in stated if doc is not None and not reaches(doc, n) and values[n] not in held]
    if doc is None or all(counterpart(doc, n, values[n]) for n in idle):
        return {}
    read_by: dict[str, Number] | None = None
    for choice in (p for p in spec.parameters() if p.kind == "choice" and p.name not in fixed):
        for index in range(len(choice.choices or ())):
            trial = _made(spec, {**values, choice.name: index})
            if trial is None:
                continue
            if all(counterpart(trial, n, values[n]) for n in idle):
                return {choice.name: index}  # the variant that already has the stated size
            if read_by is None and all(reaches(trial, n) for n in idle):
                read_by = {choice.name: index}
    return read_by or {}


def _read(doc: Document) -> set[str]:
    """The parameters the model's enabled parts read (a box's disabled cylinder branch reads no diameter that
    shapes it); a disabled part's switch is read, since a value can turn it on."""
    values = doc.values()
    read: set[str] = set()
    todo: list[Node] = [doc.root]
    while todo:
        node = todo.pop()
        if resolve_enabled(node, values):
            read |= node.parameter_names()
            todo.extend(node.children)
        elif isinstance(node.enabled, str):
            read |= parse(node.enabled.removeprefix("=")).names
    return read


def _made(spec: TemplateSpec, values: Mapping[str, Number]) -> Document | None:
    try:
        return spec.make(values)
    except PotStudioError:
        return None
