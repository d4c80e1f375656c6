"""Text a user wants printed on the model ("a keychain that says 'Ana'", "com o nome Maria",
"change the text to Bob").

The text goes to the template's text parameter (its "text" role). It is found on the original
sentence, so capitals and accents survive, and the planner blanks it out before reading numbers,
so 'a tag that says "42"' is text and not a 42 mm size.
"""

from __future__ import annotations

import re

from core.assistant.offline.resolve import role_params
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec

_QUOTED = re.compile(r"[\"“'‘«]([^\s\"”'’»](?:[^\"”»]{0,38}?[^\s\"”'’»])?)[\"”'’»]")
# A point or comma inside a word belongs to it ("v1.5", "3,14"); one before a space ends the sentence.
_NAME = r"[\wÀ-ÿ](?:[\w\-À-ÿ&]|[.,](?=\w))*"
# After these words the next word is the text whatever its case: "the name anna", "my name is Pedro".
_STRONG = re.compile(
    r"(?i:\b(?:says|saying|(?:should|must|to|will|it|that|which) say|reads|reading|"
    r"with the (?:name|text|word)s?|named|called|written|my name(?: is)?|"
    r"(?:text|name|word|label) to|escrit[oa]|com o nome(?: de)?|com o texto|com a palavra|que di(?:z|zem)|"
    r"meu nome(?: e| é)?|(?:my|his|her|their|our|the) (?:[\w]+'s )?name(?: is|,|:)|name:|"
    r"(?:o )?nome (?:dele|dela|do [\w]+|da [\w]+)(?: e| é|,|:)|nome:|"
    r"(?:texto|nome|palavra) (?:para|pra)))\s+"
    rf"({_NAME}(?:\s+[A-ZÀ-Ý][\w\-À-ÿ]*){{0,3}})"
)
_INTRODUCED = re.compile(r"\b(?:with|and|com|e)\s+$", re.I)  # "with" before "my daughter's name, Olivia"
# After these only a capitalised word is a name: "a tag for Maria", but not "a tag for my keys".
_WEAK = re.compile(r"\b(?:with|for|para|nome)\s+([A-ZÀ-Ý][\w\-À-ÿ]*(?:\s+[A-ZÀ-Ý][\w\-À-ÿ]*){0,3}"
                   r"|\d[\w\-]*(?![\w.,]|\s+[a-zà-ÿ\"']))"  # "for 2024", not "with 3 inch centers"
                   r"|\b(?:to|pra)\s+([A-ZÀ-Ý][\w\-À-ÿ]*(?:\s+[A-ZÀ-Ý][\w\-À-ÿ]*){0,3})")  # "troca pra Joana"


def find_label(text: str, weak: bool = True) -> str | None:
    """A quoted string anywhere, else the words after "says", "com o nome", ... Without `weak`, a
    capitalised word after "with"/"for" is no text: the template prints text only when asked to, and
    "a plate with 4 holes" asks for holes."""
    found = _label_match(text, weak)
    return next(g for g in found.groups() if g is not None) if found is not None else None


def _label_match(text: str, weak: bool = True) -> re.Match[str] | None:
    for pattern in (_QUOTED, _STRONG, _WEAK) if weak else (_QUOTED, _STRONG):
        found = pattern.search(text)
        if found is not None:
            return found
    return None


def unlabelled(text: str) -> str:
    """The request without the text to print on it and the words that introduce it: "a sign that says OPEN" asks
    for no bottle opener, "a keychain with my daughter's name, Olivia" for no daughter."""
    found = _label_match(text)
    if found is None:
        return text
    start = _INTRODUCED.search(text[:found.start()])
    return text[:start.start() if start is not None else found.start()] + " " + text[found.end():]


def spec_label(spec: TemplateSpec, text: str) -> tuple[str, str] | None:
    """(text parameter, text) when the template prints text and the sentence names some."""
    name = text_param(spec)
    label = find_label(text, weak=name in role_params(spec, "text")) if name else None
    return (name, label) if name and label is not None else None


def text_param(spec: TemplateSpec) -> str | None:
    """The text the template prints: the one its "text" role names, else one it prints only when a
    switch turns it on (a plate has no text role, so "4 holes" is never printed as "4", yet a quoted
    'raised text "GARAGE"' is its text)."""
    names = role_params(spec, "text")
    texts = [p.name for p in spec.parameters() if p.kind == "text"]
    return next((n for n in texts if n in names), None) or next((n for n in texts if _switch_of(spec, n)), None)


def text_switch(spec: TemplateSpec) -> Parameter | None:
    """The choice that prints the template's text or not ("text_style": none / raised / engraved), if any."""
    name = text_param(spec)
    return _switch_of(spec, name) if name else None


def _switch_of(spec: TemplateSpec, name: str) -> Parameter | None:
    return next((p for p in spec.parameters() if p.kind == "choice" and name in p.name
                 and p.choices and p.choices[0] == "none"), None)
