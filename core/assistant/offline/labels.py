"""Text a user wants printed on the model ("a keychain that says 'Ana'", "com o nome Maria").

Text is not a parameter (parameters are numbers): a template's "text" role names the node that
carries it, and the text sits in that node's props (directly or in its 2D `shape`). Found on the
original sentence, so capitals and accents survive.
"""

from __future__ import annotations

import re
from typing import Any

from core.document.document import Document

_QUOTED = re.compile(r"[\"“'‘«]([^\s\"”'’»](?:[^\"”»]{0,38}?[^\s\"”'’»])?)[\"”'’»]")
_KEYWORD = re.compile(
    r"\b(?:says|saying|reads|reading|with the (?:name|text|word)s?|named|called|written|with|for|para|"
    r"escrit[oa]|com o nome(?: de)?|com o texto|com a palavra|que diz|nome)\s+"
    r"([A-ZÀ-Ý0-9][\w\-À-ÿ]*(?:\s+[A-ZÀ-Ý][\w\-À-ÿ]*){0,3})"
)


def find_label(text: str) -> str | None:
    """A quoted string anywhere, else the capitalised words after "says", "com o nome", ..."""
    quoted = _QUOTED.search(text)
    if quoted is not None:
        return quoted.group(1)
    named = _KEYWORD.search(text)
    return named.group(1) if named is not None else None


def label_props(doc: Document, node_id: str, label: str) -> dict[str, Any]:
    """Props for an UpdateNode that puts `label` on the text-carrying node."""
    props = doc.node(node_id).props
    shape = props.get("shape")
    if isinstance(shape, dict) and "text" in shape:
        return {"shape": {**shape, "text": label}}
    return {"text": label}


def current_label(doc: Document, node_id: str) -> str:
    props = doc.node(node_id).props
    shape = props.get("shape")
    return str(shape.get("text", "") if isinstance(shape, dict) else props.get("text", ""))
