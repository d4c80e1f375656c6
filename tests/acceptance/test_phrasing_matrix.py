"""The phrasing matrix, generated from the template metadata (issue 13): every template × every length
parameter × 8 phrasings × English and Portuguese, the quantity written in millimetres, centimetres,
inches, fractions of an inch or inch marks. A template added to the library is covered the day it is
registered, by its own labels, with no case written for it.

Each request goes through the offline planner (no mesh is built: the geometry of every template is
checked by its own tests and by the acceptance sets), and the parameter the sentence names must hold
the stated value. The whole product runs (about 1,500 requests, a few seconds); the pass rate is held
at ≥ 99 %, and every miss is printed so it can be read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from core.assistant.base import Conversation, Message, PrinterContext
from core.assistant.offline.features import find_features
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.offline.text import fold
from core.commands import ReplaceDocument
from core.document.parameters import Parameter
from core.errors import PotStudioError
from core.templates.base import TemplateSpec
from core.templates.registry import load_all

log = logging.getLogger(__name__)

EN = (
    "a {title} with a {slot} of {q}{extra}",
    "{title}, {slot} {q}{extra}",
    "a {title} with {q} {slot}{extra}",
    "{title}: {slot} = {q}{extra}",
    "I need a {title}{extra}, the {slot} should be {q}",
    "can you make a {title} with {slot} {q}?{extra}",
    "{title} ({slot}: {q}){extra}",
    "print me a {title}{extra}. {slot} about {q}",
)
PT = (
    "um {title} com {slot} de {q}{extra}",
    "{title}, {slot} {q}{extra}",
    "{title} com {q} de {slot}{extra}",
    "{title}: {slot} = {q}{extra}",
    "preciso de um {title}{extra}, com {slot} de uns {q}",
    "faz um {title} com {slot} de {q}, por favor{extra}",
    "{title} ({slot}: {q}){extra}",
    "quero um {title}{extra}. {slot} de {q}",
)


@dataclass(frozen=True)
class Case:
    template: str
    param: str
    lang: str
    text: str
    want: float
    holders: tuple[str, ...]  # the parameter(s) that hold it: a round solid's "width" is its diameter


def _inches(mm: float) -> Fraction:
    return Fraction(round(mm / 25.4 * 8), 8)


def _quantities(value: float, lang: str, i: int) -> tuple[str, float]:
    """The value written one of several ways (chosen by `i`, so each phrasing meets each unit), and the
    millimetres it stands for."""
    comma = (lambda s: s.replace(".", ",")) if lang == "pt" else (lambda s: s)
    inch = _inches(value)
    forms: list[tuple[str, float]] = [(f"{comma(f'{value:g}')} mm", value), (f"{comma(f'{value:g}')}mm", value)]
    if value >= 10:
        forms.append((f"{comma(f'{value / 10:g}')} cm", value))
    if inch >= Fraction(1, 4) and abs(float(inch) * 25.4 - value) < 1e-9:
        whole, part = divmod(inch, 1)
        mixed = f"{whole} {part}" if whole and part else (f"{whole}" if whole else f"{part}")
        forms += [(f"{mixed} {'polegadas' if lang == 'pt' else 'in'}", value), (f'{mixed}"', value)]
    return forms[i % len(forms)]


def _value(spec: TemplateSpec, p: Parameter, inches: bool) -> float | None:
    """A value inside the range, away from the default, that the template accepts on its own."""
    lo, hi, default = float(p.min or 0), float(p.max or 0), float(p.value)
    for frac in (0.3, -0.3, 0.15, -0.15, 0.6, -0.6):  # a typical change first: a step away from the default
        raw = default + frac * ((hi if frac > 0 else default) - (default if frac > 0 else lo))
        value = float(_inches(raw)) * 25.4 if inches else (round(raw * 2) / 2 if hi - lo >= 5 else round(raw, 2))
        if not lo <= value <= hi or abs(value - float(p.value)) < max(0.05, 0.02 * (hi - lo)) or value <= 0:
            continue
        # the features the label itself names are on ("corner hole inset" makes corner holes): the value must
        # suit them, as it would on a real model
        named = {h.feature.param: h.feature.on for h in find_features(fold(p.label), spec) if h.on}
        try:
            spec.make({**named, p.name: value})
        except PotStudioError:
            continue
        return round(value, 3)
    return None


def _extra(spec: TemplateSpec, skip: str, lang: str) -> str:
    """What the template cannot be made without (a tag's text, a case's board), said plainly."""
    parts = []
    if "text" in spec.roles:
        parts.append(', saying "Ana"' if lang == "en" else ', escrito "Ana"')
    params = {p.name: p for p in spec.parameters()}
    for role in spec.required:
        for name in spec.params_for(role):
            if name != skip and name in params:
                p = params[name]
                label = (p.label if lang == "en" else p.label_pt).lower()
                joint = " " if lang == "en" else " de "
                parts.append(f", {label}{joint}{float(p.value):g} mm")
    return "".join(parts)


def _holders(spec: TemplateSpec, name: str) -> tuple[str, ...]:
    """Where the template's own metadata sends a size named like this parameter at its default shape: a
    role switch sends a cylinder's "width" to its diameter."""
    if name in spec.role_switches:
        values = {p.name: p.value for p in spec.parameters()}
        return spec.params_for(name, values) or (name,)
    return (name,)


def cases() -> Iterator[Case]:
    for spec in sorted(load_all().values(), key=lambda s: s.id):
        for p in spec.parameters():
            if p.kind != "float" or p.unit != "mm" or p.expr is not None:
                continue
            for lang, phrasings, title, slot in (("en", EN, spec.synonyms_en[0], p.label.lower()),
                                                  ("pt", PT, spec.synonyms_pt[0], p.label_pt.lower())):
                for i, phrasing in enumerate(phrasings):
                    metric, inch = _value(spec, p, inches=False), _value(spec, p, inches=True)
                    value = inch if inch is not None and i % 2 else metric
                    if value is None:
                        continue
                    q, mm = _quantities(value, lang, i // 2 + (i % 2))
                    text = phrasing.format(title=title, slot=slot, q=q, extra=_extra(spec, p.name, lang))
                    yield Case(spec.id, p.name, lang, text, mm, _holders(spec, p.name))


def outcome(planner: OfflinePlanner, case: Case) -> float | None:
    conversation = Conversation()
    conversation.add(Message("user", case.text))
    reply = planner.respond(conversation, None, PrinterContext())
    if not isinstance(reply.command, ReplaceDocument) or reply.command.new.template != case.template:
        return None
    values = reply.command.new.values()
    return float(values[case.holders[0]]) if all(values[h] == values[case.holders[0]] for h in case.holders) else None


def test_every_template_parameter_is_understood_in_eight_phrasings_in_both_languages() -> None:
    planner = OfflinePlanner()
    all_cases = list(cases())
    templates = {c.template for c in all_cases}
    assert templates == set(load_all()), "every template takes part"
    misses = []
    for case in all_cases:
        got = outcome(planner, case)
        if got is None or abs(got - case.want) > 0.011:
            misses.append(f"{case.template}.{case.param} [{case.lang}] {case.text!r}: got {got}, want {case.want:g}")
    rate = 1 - len(misses) / len(all_cases)
    log.warning("phrasing matrix: %d requests, %.2f %% understood", len(all_cases), 100 * rate)
    assert len(all_cases) >= 1000
    assert rate >= 0.99, f"{100 * rate:.2f} % of {len(all_cases)}:\n" + "\n".join(misses)
