"""Adapt a request that breaks one of the template's printability rules instead of refusing it.

"an enclosure for an ESP32 52 x 28 x 10 mm with a screw lid" needs more inside height for the
screw bosses; "a washer for M8" needs a wider outside than the default. The rule that failed names
its parameters; the smallest change to one of them that satisfies every rule wins (a value the
user stated only grows, and by half at most), and the reply says what was changed and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from core.assistant.offline.replies import fmt_value, param_name
from core.assistant.offline.resolve import PROPORTIONAL, Resolution, role_params
from core.assistant.offline.text import Lang
from core.document.expressions import parse
from core.document.parameters import Parameter, resolve
from core.templates.base import Check, TemplateSpec

_STEPS = 40
MAX_REPAIRS = 3
FOOTPRINT = ("width", "depth", "length", "diameter", "top_diameter", "bottom_diameter")
_STATED_STEPS = 10
_STEP = 0.05  # try ±5 %, ±10 %, ... of the value


@dataclass(frozen=True)
class Repair:
    param: str
    before: float
    after: float
    reason: str


def repair(spec: TemplateSpec, params: Mapping[str, Parameter], stated: set[str], lang: Lang = "en") -> Repair | None:
    """One parameter change that makes `params` (with the user's values set) pass every check; its reason
    is the broken rule in the reply's language."""
    broken = _failing(spec, params)
    if not broken:
        return None
    failing = broken[0]
    found: list[tuple[int, bool, str, float]] = []  # (steps, stated, name, value): the smallest change wins
    for name in sorted(parse(failing.expr).names):
        param = params.get(name)
        if param is None or param.expr is not None or param.kind not in ("float", "int"):
            continue
        hit = _search(spec, params, param, grow_only=name in stated, broken=broken)
        if hit is not None:
            found.append((hit[0], name in stated, name, hit[1]))
    if not found:
        return None
    _, _, name, value = min(found)
    return Repair(name, float(params[name].value), value, failing.text(lang))


def passes(spec: TemplateSpec, params: Mapping[str, Parameter]) -> bool:
    return not _failing(spec, params)


def _failing(spec: TemplateSpec, params: Mapping[str, Parameter]) -> list[Check]:
    values = resolve(params.values())
    return [c for c in spec.checks if not parse(c.expr).evaluate(values)]


def _valid(spec: TemplateSpec, params: Mapping[str, Parameter], name: str, value: float,
           broken: list[Check]) -> bool:
    """The change mends the first broken rule and breaks none that held. Rules still broken for other
    reasons are the next repair's: a 4 mm tall board needs a taller inside for the lid's lip *and* a
    smaller cable hole, and no single value does both."""
    after = _failing(spec, {n: replace(p, value=value) if n == name else p for n, p in params.items()})
    return broken[0] not in after and all(c in broken for c in after)


def _search(spec: TemplateSpec, params: Mapping[str, Parameter], param: Parameter,
            grow_only: bool, broken: list[Check]) -> tuple[int, float] | None:
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
            if value != current and _valid(spec, params, param.name, value, broken):
                return k, value
    return None


def adapt(spec: TemplateSpec, res: Resolution, params: Mapping[str, Parameter],
           lang: Lang) -> dict[str, Any] | None:
    """Values that pass the template's rules after at most a few single-parameter repairs
    (each noted in the reply), or None when no small change does."""
    trial = {name: replace(p, value=p.coerce(res.values.get(name, p.value))) for name, p in params.items()}
    for _ in range(MAX_REPAIRS):
        fix = repair(spec, trial, set(res.values), lang)
        if fix is None:
            break
        p = trial[fix.param]
        trial[fix.param] = replace(p, value=p.coerce(fix.after))
        res.values[fix.param] = trial[fix.param].value
        res.notes.append(("adapted", {"name": param_name(p, lang), "before": fmt_value(fix.before, p, lang),
                                      "after": fmt_value(fix.after, p, lang), "reason": fix.reason}))
    return {name: p.value for name, p in trial.items() if p.expr is None} if passes(spec, trial) else None


def fit_bed(spec: TemplateSpec, params: Mapping[str, Parameter], res: Resolution, bed: tuple[float, float, float],
            lang: Lang) -> None:
    """A stated footprint larger than the bed ("a planter 30 cm long" on a 256 mm printer) is
    limited to the bed, and the reply says so; never a model that silently cannot print."""
    limit = min(bed[0], bed[1])
    for name in dict.fromkeys(n for role in FOOTPRINT for n in role_params(spec, role)):
        if name in res.values and params[name].kind == "float" and float(res.values[name]) > limit + 1e-6:
            ratio = limit / float(res.values[name])
            res.values[name] = params[name].clamp(limit)
            res.notes.append(("fit_bed", {"name": param_name(params[name], lang), "value": f"{limit:g}"}))
            for lead, follow in PROPORTIONAL:  # the base shrinks with the rim it was scaled from
                followers = role_params(spec, follow)
                if role_params(spec, lead) == [name] and len(followers) == 1 and followers[0] in res.values:
                    res.values[followers[0]] = params[followers[0]].clamp(round(res.values[followers[0]] * ratio, 2))
