"""Turning a read request into a command and its reply: a new model (`create`, with one question when a
required size is missing), an edit of the open one (`edit`: "height 100 mm → 120 mm"), or the open model
laid out several times (`copied`).

The reply is written from the document that was built, never from what was asked.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.assistant.base import AssistantReply, PrinterContext
from core.assistant.offline.chips import suggestions
from core.assistant.offline.copies import COPIES, SPACING, per_row, spacing, with_copies
from core.assistant.offline.effect import into_effect, reaches
from core.assistant.offline.labels import text_param, text_switch
from core.assistant.offline.notes import fit_warning, impossible, missing, notes, reason, refused
from core.assistant.offline.reading import read
from core.assistant.offline.repair import adapt, fit_bed
from core.assistant.offline.replies import fmt_value, join, param_name, say, title_in
from core.assistant.offline.resolve import role_params
from core.assistant.offline.summaries import as_built, default_params, description, edit_label, summary
from core.assistant.offline.text import Lang
from core.commands import ReplaceDocument, SetParameters
from core.document.document import Document
from core.document.expressions import Number
from core.document.parameters import Parameter
from core.errors import PotStudioError
from core.templates.base import TemplateSpec

_EXAMPLES = {1: "40 mm", 2: "85 x 56 mm", 3: "85 x 56 x 20 mm"}


def create(spec: TemplateSpec, text: str, context: PrinterContext, lang: Lang, ask: bool = True,
           answer: float | None = None) -> AssistantReply:
    """A new model of `spec` as `text` describes it; `answer` is a bare size given to an impossible one."""
    base = spec.make()
    params = {p.name: p for p in spec.parameters()}
    res = read(spec, params, base.values(), text, context.nozzle, creating=True, lang=lang)
    if answer is not None and res.impossible:  # the size the user gave when asked about an impossible one
        for bad in res.impossible:
            res.values[bad.param] = params[bad.param].clamp(answer)
        res.impossible.clear()
        res.notes = [(key, fields) for key, fields in res.notes if key != "negative"]
    if res.impossible:
        return impossible(res, params, lang)
    fit_bed(spec, params, res, context.bed, lang)
    # a tag is nothing without its text; a plate whose text can be switched off ("none") is something
    required = [*spec.required, *(["text"] if text_param(spec) and not text_switch(spec) else [])]
    absent = [name for r in dict.fromkeys(required) for name in (role_params(spec, r) or [r])
              if name in params and name not in res.values]
    title = title_in(spec, lang)
    if absent and ask:
        items = join([param_name(params[n], lang) for n in absent], lang)
        texts = all(params[n].kind == "text" for n in absent)
        question = say("ask_one" if len(absent) == 1 else "ask_required", lang,
                       title=title[0].lower() + title[1:], items=items,
                       example=say("example_text", lang) if texts else _EXAMPLES.get(len(absent), "40 mm"))
        return AssistantReply(text=question, questions=[question])
    res.values.update(into_effect(spec, res.values, _sizes(res.values, params), list(res.values)))
    try:
        doc = spec.make(res.values, name=spec.title_pt if lang == "pt" else spec.title)
    except PotStudioError as exc:
        adapted = adapt(spec, res, params, lang)
        if adapted is None:
            return refused(exc, res, params, None, None, lang)
        doc = spec.make(adapted, name=spec.title_pt if lang == "pt" else spec.title)
    values = doc.values()
    defaults = {name: values[name] for name in default_params(spec, params, values)  # a 0 means "none", not a size
                if name not in res.values and values[name] and reaches(doc, name)}
    shown, unused = as_built(doc, [n for n in params if n in res.values])
    stated = summary(shown, doc.params, values, lang)
    parts = [say("created", lang, title=title, summary=stated or description(spec, lang))]
    if defaults:
        parts.append(say("defaults", lang, items=summary(list(defaults), doc.params, values, lang)))
    if res.copies is not None and res.copies > 1:
        row = per_row(spec, doc, res.copies, context.bed)
        doc = with_copies(spec, doc, res.copies, row)
        parts.append(laid_out(res.copies, row, lang))
    said = notes(res, doc.params, lang) + _unused(unused, doc, title, lang) + missing(text, spec, lang) + \
        fit_warning(spec, doc, context, lang)
    return AssistantReply(
        text=" ".join([*parts, *said]), command=ReplaceDocument(doc, label=say("label_new", lang, title=title)),
        defaults_used=dict(defaults), notes=said,
        suggestions=suggestions(spec, doc, lang),
    )


def edit(spec: TemplateSpec, doc: Document, text: str, context: PrinterContext, lang: Lang) -> AssistantReply:
    """`text` applied to the open model `doc` of `spec`: one undoable change, or why there is none."""
    before = doc.values()
    res = read(spec, doc.params, before, text, context.nozzle, lang=lang)
    if res.copies is not None and COPIES in doc.params:
        res.values[COPIES] = res.copies
    changes = {k: v for k, v in res.values.items() if v != before[k]}
    if res.impossible:
        return impossible(res, doc.params, lang)
    said = notes(res, doc.params, lang) + missing(text, spec, lang)
    if res.copies is not None and COPIES not in doc.params:
        return copied(spec, doc, changes, res.copies, said, context, lang)
    if changes:  # "the thread 48 mm" on a Mason lid: the finish that has it
        params = {p.name: p for p in spec.parameters()}
        settable = {k: v for k, v in before.items() if k in params and params[k].expr is None}
        switch = into_effect(spec, {**settable, **changes}, _sizes(changes, params), list(res.values))
        changes.update({k: v for k, v in switch.items() if v != before[k]})
    if not changes:
        title = title_in(spec, lang)
        if said:
            message = " ".join(said)
        elif res.values:
            message = say("already", lang, summary=summary(list(res.values), doc.params, before, lang))
        else:
            message = say("no_change", lang, title=title, example=say("example_edit", lang))
        return AssistantReply(text=message, notes=said, suggestions=suggestions(spec, doc, lang))
    try:
        trial = _changed(spec, doc, changes)
    except PotStudioError as exc:
        return refused(exc, res, doc.params, spec, doc, lang)
    after = trial.values()
    shown, unused = as_built(trial, list(changes))
    said = _unused(unused, trial, title_in(spec, lang), lang) + said
    if not shown:
        return AssistantReply(text=" ".join(said), notes=said, suggestions=suggestions(spec, doc, lang))
    items = [f"{param_name(doc.params[n], lang)} {fmt_value(before[n], doc.params[n], lang)} → "
             f"{fmt_value(after[n], doc.params[n], lang)}" for n in shown]
    if SPACING in doc.params and spacing(spec, trial) != after[SPACING]:  # the row follows a wider copy
        changes[SPACING] = spacing(spec, trial)
    command = SetParameters(dict(changes), label=edit_label(changes, doc.params, lang))
    said += fit_warning(spec, trial, context, lang)
    return AssistantReply(
        text=" ".join([say("edited", lang, summary=", ".join(items)), *said]),
        command=command, notes=said, suggestions=suggestions(spec, trial, lang),
    )


def copied(spec: TemplateSpec, doc: Document, changes: Mapping[str, Number], count: int, said: list[str],
           context: PrinterContext, lang: Lang) -> AssistantReply:
    """"make 3 of them" on an open model: the same model (with any change said alongside), `count` times."""
    try:
        trial = _changed(spec, doc, changes)
    except PotStudioError as exc:
        return AssistantReply(text=say("invalid", lang, error=reason(exc, lang)), notes=["error", *said],
                              suggestions=suggestions(spec, doc, lang))
    row = per_row(spec, trial, count, context.bed)
    new = with_copies(spec, trial, count, row)
    return AssistantReply(text=" ".join([laid_out(count, row, lang), *said]),
                          command=ReplaceDocument(new, label=say("label_copies", lang, count=count)),
                          notes=said, suggestions=suggestions(spec, new, lang))


def laid_out(count: int, row: int, lang: Lang) -> str:
    """"I laid out 3 of them side by side", or in rows when one row would overrun the bed."""
    return say("laid_out", lang, count=count) if row >= count else say("laid_out_rows", lang, count=count, row=row)


def _sizes(values: Mapping[str, object], params: Mapping[str, Parameter]) -> list[str]:
    """The numbers among `values` (the ones a chosen variant may leave unused)."""
    return [n for n in values if n in params and params[n].kind in ("float", "int") and params[n].expr is None]


def _unused(names: list[str], doc: Document, title: str, lang: Lang) -> list[str]:
    """"I left out thread diameter 30 mm: this jar lid does not use it."""
    if not names:
        return []
    return [say("unused", lang, what=summary(names, doc.params, doc.values(), lang), title=title)]


def _changed(spec: TemplateSpec, doc: Document, changes: Mapping[str, Number]) -> Document:
    """A copy of `doc` with `changes`, checked against the template's printability rules (raises when refused)."""
    trial = doc.copy()
    for name, value in changes.items():
        trial.set_param_value(name, value)
    spec.validate(trial)
    return trial
