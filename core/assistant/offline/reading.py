"""Reading one sentence onto one template's parameters: the text to print is set aside, maker shorthand
normalised, copies and numbered features taken out, then features, choices, quantities attached to
their slots and relative edits are resolved into values (a `Resolution`), in that order so that a
number already claimed is never read twice.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.assistant.offline.copies import find_copies
from core.assistant.offline.edits import comparative_targets, find_relative_edits
from core.assistant.offline.features import find_choices, find_features, numbered_features
from core.assistant.offline.labels import spec_label, text_switch
from core.assistant.offline.mentions import find_mentions
from core.assistant.offline.normalise import normalise
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.resolve import Resolution, Resolver
from core.assistant.offline.slots import attach, expand_abbreviations, spell_out
from core.assistant.offline.text import Lang, detect_language, fold
from core.assistant.offline.units import decimal_commas
from core.document.expressions import Number
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec


def read(spec: TemplateSpec, params: Mapping[str, Parameter], current: Mapping[str, Number], text: str,
         nozzle: float, creating: bool = False, lang: Lang = "en") -> Resolution:
    """The values `text` asks of `spec`, starting from `current` (the defaults when creating)."""
    label = spec_label(spec, text)
    folded = words_to_digits(fold(expand_abbreviations(text)))
    if label is not None:  # 'a tag that says "42"': the text to print is not a size
        said = fold(label[1])
        quoted = next((q for q in (f'"{said}"', f"'{said}'", said) if q in folded), said)
        folded = folded.replace(quoted, " " * len(quoted), 1)
    if lang == "pt" or detect_language(text) is None:  # "módulo 3,175": Brazil's decimal comma
        folded = decimal_commas(folded)
    numbered, folded = numbered_features(folded, spec)
    copies, folded = find_copies(folded, spec)
    norm = normalise(spell_out(folded), spec)
    folded = norm.text
    resolver = Resolver(spec, params, current, nozzle, folded, screw=norm.screw, creating=creating)
    resolver.out.copies = copies
    resolver.out.notes.extend(norm.notes)
    if label is not None:
        resolver.set(*label)
        switch = text_switch(spec)
        if switch is not None and not current[switch.name]:  # text given for a plate printed without any
            resolver.set(switch.name, 1)
    hits = numbered + find_features(folded, spec)
    hits += find_choices(folded, spec, hits)
    edits, mentions = find_relative_edits(folded, find_mentions(folded))
    mentions = attach(folded, spec, mentions)
    edits, mentions = comparative_targets(edits, mentions)
    resolver.apply_features([hit for hit in hits if resolver.keeps_sides(hit, mentions)])
    resolver.apply_mentions(mentions, hits)
    resolver.apply_relative(edits)
    resolver.straighten()  # before the base follows the rim in proportion
    resolver.keep_proportions()
    resolver.choose_rectangle(mentions)
    resolver.show_twist()
    return resolver.out
