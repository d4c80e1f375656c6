"""The conversation around a request: which request an open clarifying question belongs to, and how a
short reply answers it ("yes" to the closest template offered, "you choose", "30 mm", a bare name for a
tag, "another one"), plus the language the user writes in when a message has none of its own ("30 mm").

The planner reads the pending request and the answer together, so a question never loses what was
asked before it.
"""

from __future__ import annotations

import re

from core.assistant.base import Conversation, Message
from core.assistant.offline.labels import find_label, text_param
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import Lang, detect_language, fold
from core.assistant.offline.units import find_measures
from core.templates.base import TemplateSpec

_ANOTHER_ONE = re.compile(r"(?:(?:make|give me|and|now) )?(?:another(?: one)?|one more|(?:mais )?(?:um|uma) outr[oa]|"
                          r"outr[oa](?: igual)?|mais (?:um|uma))")
_YOU_CHOOSE = re.compile(r"\b(you (choose|decide|pick)|up to you|whatever|any( size)?|(i )?(don't|dont|do not) know|"
                         r"default|voce (escolhe|decide)|tanto faz|nao sei|qualquer( um| uma)?|padrao)\b")
_YES = re.compile(r"(?:yes|yeah|yep|sure|ok(?:ay)?|please do|go ahead|do it|sim|pode|claro|faz|faca|beleza|pode ser)"
                  r"(?:,? (?:please|por favor|sure|pode))?")
_BARE_SIZE = re.compile(r"(?:(?:it'?s|its|make it|about|around|uns|umas|e|is|de)\s+)?[\d.,/ ]+\s*[a-z\"]*")


def says_yes(text: str) -> bool:
    """"yes", "pode ser": the whole message agrees to what the assistant offered."""
    return _YES.fullmatch(fold(text).strip(" .!")) is not None


def asks_another(text: str) -> bool:
    """"another one", "mais um": a fresh copy of the open model's template, nothing else said."""
    return _ANOTHER_ONE.fullmatch(fold(text).strip(" .!")) is not None


def defers(text: str) -> bool:
    """"I don't know, you choose": the defaults answer the question."""
    return bool(_YOU_CHOOSE.search(fold(text)))


def bare_size(text: str) -> float | None:
    """A reply that is only a size ("30 mm", "2 cm"), in mm: the answer to a question about one size."""
    folded = words_to_digits(fold(text)).strip(" .!")
    found = find_measures(folded)
    if len(found) != 1 or len(found[0].values) != 1 or _BARE_SIZE.fullmatch(folded) is None:
        return None
    return found[0].value


def answered(pending: str, text: str, spec: TemplateSpec) -> str:
    """The pending request with the user's answer: a bare word or name ("Ana", "ANA") answers the text a
    tag was waiting for, so it is quoted as that text."""
    bare = text.strip(" .!")
    if text_param(spec) and find_label(pending) is None and find_label(text) is None and bare and \
            len(bare) <= 32 and len(bare.split()) <= 4 and not find_measures(words_to_digits(fold(bare))) and \
            not defers(bare):
        return f'{pending} . "{bare}"'
    return f"{pending} . {text}"


def pending_request(conversation: Conversation) -> str | None:
    """What the user said since the request that raised the open clarifying question(s): "a case
    for my board" → "what are its dimensions?" → "85 x 56 mm" → "and the height?" → "20 mm"."""
    msgs: list[Message] = conversation.messages
    said: list[str] = []
    i = len(msgs) - 2  # msgs[-1] is the message being answered now
    while i >= 1 and msgs[i].role == "assistant" and msgs[i].meta.get("questions") and msgs[i - 1].role == "user":
        said.insert(0, msgs[i - 1].text)
        i -= 2
    return " . ".join(said) if said else None


def language(text: str, conversation: Conversation) -> Lang:
    """The language of this message, or of the last user message that had one."""
    for message in [Message("user", text), *reversed(conversation.messages)]:
        if message.role == "user":
            lang = detect_language(message.text)
            if lang is not None:
                return lang
    return "en"
