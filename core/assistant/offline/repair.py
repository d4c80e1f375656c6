"""Adapt a request that breaks one of the template's printability rules instead of refusing it.

"an enclosure for an ESP32 52 x 28 x 10 mm with a screw lid" needs more inside height for the
screw bosses; "a washer for M8" needs a wider outside than the default. The rule that failed names
its parameters; the smallest change to one of them (values the user did not state first) that
satisfies every rule wins (a value the user stated only grows, and by half at most), and the reply says what was changed and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from core.document.expressions import parse
from core.document.parameters import Parameter, resolve
from core.templates.base import TemplateSpec

_STEPS = 40
_STATED_STEPS = 10
_STEP = 0.05  # try ±5 %, ±10 %, ... of the value


@dataclass(frozen=True)
class Repair:
    param: str
    before: float
    after: float
    reason: str


def repair(spec: TemplateSpec, params: Mapping[str, Parameter], stated: set[str]) -> Repair | None:
    """One parameter change that makes `params` (with the user's values set) pass every check."""
    values = resolve(params.values())
    failing = next((c for c in spec.checks if not parse(c.expr).evaluate(values)), None)
    if failing is None:
        return None
    found: list[tuple[int, bool, str, float]] = []  # (steps, stated, name, value): the smallest change wins
    for name in sorted(parse(failing.expr).names):
        param = params.get(name)
        if param is None or param.expr is not None or param.kind not in ("float", "int"):
            continue
        hit = _search(spec, params, param, grow_only=name in stated)
        if hit is not None:
            found.append((hit[0], name in stated, name, hit[1]))
    if not found:
        return None
    _, _, name, value = min(found)
    return Repair(name, float(params[name].value), value, failing.message)


def passes(spec: TemplateSpec, params: Mapping[str, Parameter]) -> bool:
    values = resolve(params.values())
    return all(parse(c.expr).evaluate(values) for c in spec.checks)


def _valid(spec: TemplateSpec, params: Mapping[str, Parameter], name: str, value: float) -> bool:
    return passes(spec, {n: replace(p, value=value) if n == name else p for n, p in params.items()})


def _search(spec: TemplateSpec, params: Mapping[str, Parameter], param: Parameter,
            grow_only: bool) -> tuple[int, float] | None:
    """(steps, value) of the nearest value that passes. A value the user stated may only grow, and
    by half at most: an 8 mm shaft needs its 8 mm bore, and a contradiction is theirs to settle."""
    current = float(param.value)
    base = current if current > 0 else float(param.step or 1.0)
    steps = _STATED_STEPS if grow_only else _STEPS
    for k in range(1, steps + 1):
        for sign in (1,) if grow_only else (1, -1):
            value = float(param.clamp(base * (1 + sign * k * _STEP)))
            if param.kind == "float":
                value = round(value, 1)
            if value != current and _valid(spec, params, param.name, value):
                return k, value
    return None
