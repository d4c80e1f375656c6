"""What a reply owns up to besides the change itself: values limited to the template's range, numbers it
could not place, features the model does not have, a size no printer can make (asked, never clamped),
a refused printability rule, and a model larger than the printer's bed.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.assistant.base import AssistantReply, PrinterContext
from core.assistant.offline.chips import suggestions
from core.assistant.offline.copies import plate_size
from core.assistant.offline.honesty import missing_features
from core.assistant.offline.labels import unlabelled
from core.assistant.offline.replies import fmt_value, join, param_name, say, title_in
from core.assistant.offline.resolve import Resolution
from core.assistant.offline.text import Lang
from core.document.document import Document
from core.document.parameters import Parameter
from core.errors import ParameterError, PotStudioError
from core.templates.base import TemplateSpec


def notes(res: Resolution, params: Mapping[str, Parameter], lang: Lang) -> list[str]:
    """A sentence for each clamped value, each note the resolver left, and the numbers nothing took."""
    said = []
    for clamp in res.clamps:
        p = params[clamp.param]
        said.append(say("clamped", lang, name=param_name(p, lang).capitalize(), value=fmt_value(clamp.value, p),
                        lo=fmt_value(p.min or 0, p), hi=fmt_value(p.max or 0, p)))
    said += [say(key, lang, **fields) for key, fields in res.notes]
    if res.unplaced:
        said.append(say("ignored", lang, what=join(res.unplaced, lang)))
    return said


def missing(text: str, spec: TemplateSpec, lang: Lang) -> list[str]:
    """"Not available yet: self-watering — this is a plain plant pot."""
    lacking = missing_features(unlabelled(text), spec)  # the text to print ("with my name Pedro") is no feature
    title = title_in(spec, lang)
    return [say("missing_feature", lang, what=join(lacking, lang), title=title)] if lacking else []


def impossible(res: Resolution, params: Mapping[str, Parameter], lang: Lang) -> AssistantReply:
    """A stated size no printer can make: one question about it, nothing clamped behind the user's back."""
    bad = res.impossible[0]
    p = params[bad.param]
    negative = next((fields["value"] for key, fields in res.notes if key == "negative"), None)
    shown = negative if negative is not None else _size_text(float(bad.value))
    why = ("why_negative" if negative is not None else "why_zero" if float(bad.value) <= 0
           else "why_big" if float(bad.value) > float(p.max or 0) else "why_small")
    question = say("impossible", lang, what=f"{param_name(p, lang)} {shown}",
                   why=say(why, lang, lo=fmt_value(p.min or 0, p), hi=fmt_value(p.max or 0, p)),
                   example=fmt_value(p.value, p, lang))
    return AssistantReply(text=question, questions=[question])


def refused(error: PotStudioError, res: Resolution, params: Mapping[str, Parameter], spec: TemplateSpec | None,
            doc: Document | None, lang: Lang) -> AssistantReply:
    """A printability rule said no: say which, and which values were limited on the way there."""
    said = notes(res, params, lang)
    return AssistantReply(text=" ".join([say("invalid", lang, error=reason(error, lang)), *said]),
                          notes=["error", *said], suggestions=suggestions(spec, doc, lang))


def reason(error: PotStudioError, lang: Lang) -> str:
    """Why a request was refused, in the reply's language: a broken printability rule carries its
    Portuguese text; other errors have only their English message."""
    return error.text(lang) if isinstance(error, ParameterError) else str(error)


def fit_warning(spec: TemplateSpec, doc: Document, context: PrinterContext, lang: Lang) -> list[str]:
    """A note when the template's promised size exceeds the printer, in either orientation on the bed."""
    size = plate_size(spec, doc)  # a row or rows of copies included
    if size is None:
        return []
    x, y, z = size
    bx, by, bz = context.bed
    if z <= bz + 0.01 and ((x <= bx + 0.01 and y <= by + 0.01) or (y <= bx + 0.01 and x <= by + 0.01)):
        return []
    return [say("too_big", lang, size=" × ".join(f"{v:.0f}" for v in (x, y, z)),  # a row of copies: the row
                bed=" × ".join(f"{v:g}" for v in context.bed))]


def _size_text(mm: float) -> str:
    """A stated size in the unit it was probably said in: 1e7 mm reads "10 km"."""
    for unit, size in (("km", 1e6), ("m", 1e3)):
        if abs(mm) >= size:
            return f"{mm / size:g} {unit}"
    return f"{mm:g} mm"
