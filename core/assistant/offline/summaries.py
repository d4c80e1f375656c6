"""How a reply states a model: "height 120 mm, wall 2.4 mm", the sizes left at their defaults, the
template's description when the user stated nothing, and the undo-stack label of an edit.

Every number stated is read from the built document, so the reply says what the model has.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.assistant.offline.effect import counterpart, reaches
from core.assistant.offline.replies import fmt_value, param_name, say
from core.assistant.offline.resolve import SIZE_ROLES, role_params
from core.assistant.offline.text import Lang
from core.document.document import Document
from core.document.expressions import Number
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec


def summary(names: list[str], params: Mapping[str, Parameter], values: Mapping[str, Number], lang: Lang) -> str:
    return ", ".join(f"{param_name(params[n], lang)} {fmt_value(values[n], params[n], lang)}" for n in names)


def as_built(doc: Document, names: list[str]) -> tuple[list[str], list[str]]:
    """(what to state, what the model does not use) for the parameters `names` of the built `doc`: each one
    the model reads, or the computed parameter that holds its value in the chosen variant ("jar thread
    diameter 70 mm" for a Mason lid asked for a 70 mm jar); the rest is not used by this model."""
    values = doc.values()
    shown: list[str] = []
    unused: list[str] = []
    for name in names:
        held = name if reaches(doc, name) else counterpart(doc, name, values[name])
        if held is None:
            unused.append(name)
        elif held not in shown:
            shown.append(held)
    # a value the reply states through another parameter is no news: a "20 mm cube" keeps its 20 mm as the
    # diameter too, for a later "make it a cylinder"
    said = {values[n] for n in shown}
    return shown, [n for n in unused if values[n] not in said]


def default_params(spec: TemplateSpec, params: Mapping[str, Parameter], values: Mapping[str, Number]) -> list[str]:
    """Parameters the assistant mentions as defaults: the template's named sizes (for the chosen
    shape: a cylinder has no width) and walls."""
    names: list[str] = []
    for role in (*SIZE_ROLES, "wall"):
        for name in role_params(spec, role, values):
            if name in params and params[name].expr is None and name not in names:
                names.append(name)
    return names


def description(spec: TemplateSpec, lang: Lang) -> str:
    """What the template makes, when the user stated nothing: in Portuguese from `description_pt`
    (when the template has one), never the English description in a Portuguese reply."""
    if lang == "pt":
        return str(getattr(spec, "description_pt", "") or say("defaults_only", lang)).rstrip(".")
    return spec.description.rstrip(".")


def edit_label(changes: Mapping[str, object], params: Mapping[str, Parameter], lang: Lang) -> str:
    """The undo-stack label, in the user's language: "Desfeito: Assistente: mudar altura"."""
    return say("label_edit", lang, what=", ".join(param_name(params[n], lang) for n in changes))
