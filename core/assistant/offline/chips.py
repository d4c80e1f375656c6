"""What the chat offers to say next: the suggestion chips under a reply (taller, thicker walls, add or
remove the template's first feature, filament or fit), and the catalogue of what the library makes.

Chips follow the open model, so they are only ever edits that model can take.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.assistant.offline.intents import Intent
from core.assistant.offline.replies import in_sentence, join, say
from core.assistant.offline.resolve import role_params
from core.assistant.offline.text import Lang
from core.document.document import Document
from core.templates.base import TemplateSpec


def catalogue(specs: Iterable[TemplateSpec], lang: Lang) -> str:
    """"plant pot, box with lid, ..." in the reply's language."""
    return join([in_sentence(s.title_pt if lang == "pt" else s.title) for s in specs], lang)  # "SD card holder"


def suggestions(spec: TemplateSpec | None, doc: Document | None, lang: Lang,
                exclude: Intent | None = None) -> list[str]:
    """Up to four chips for the model `doc` made from `spec`; with no template model, how to start one."""
    if spec is None or doc is None:
        return [say("example_create", lang), say("sug_capabilities", lang)]
    chips = [say("sug_taller", lang)]
    if role_params(spec, "wall"):
        chips.append(say("sug_thicker", lang))
    values = doc.values()
    for key, feature in spec.features.items():
        if feature.param in values and doc.params[feature.param].kind in ("int", "bool", "float"):
            phrase = _feature_word(key, feature.words_pt if lang == "pt" else feature.words_en)
            on = values[feature.param] != feature.off
            chips.append(say("sug_remove" if on else "sug_add", lang, what=phrase))
            break
    chips.append(say("sug_fit" if exclude is Intent.FILAMENT else "sug_filament", lang))
    return chips[:4]


def _feature_word(key: str, words: tuple[str, ...]) -> str:
    return words[0] if words else key.replace("_", " ")
