"""@mentions in comment text: one set of rules for the hub (who is mentioned), the desktop (what is
highlighted) and the composer (what is being typed after "@").

The rules follow GitHub's: "@" starts a mention only at the start of the text or after a character that
cannot be part of a name or an e-mail address ("bob@example.com", "a.@bob" and "@bob@x" mention nobody);
the name is matched without regard to case; a name followed by "/" is a path, not a person; trailing
dots, dashes or underscores are sentence punctuation unless the whole token is someone's name
("thanks @ana." mentions "ana", "@ana." mentions "ana." if that is a member). Only names the caller
knows (the project's members) count, so "@everyone" or a stranger's name is just text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# a hub username is [a-z0-9][a-z0-9_.-]{2,39} (hub.schemas.USERNAME); the possessive {1,39}+ keeps a
# longer run of name characters from matching its first 40 as someone's name
_TOKEN = re.compile(r"(?<![\w.@/+-])@([A-Za-z0-9][A-Za-z0-9_.-]{1,39}+)(?![\w@/])")
_TYPING = re.compile(r"(?<![\w.@/+-])@([A-Za-z0-9][A-Za-z0-9_.-]{0,39})?$")
_PUNCTUATION = "._-"


@dataclass(frozen=True)
class MentionSpan:
    """Where "@name" stands in the text ([start, end) includes the "@"), and whose name it is (lower case)."""

    start: int
    end: int
    username: str


def mention_spans(text: str, usernames: Iterable[str]) -> list[MentionSpan]:
    """The mentions of `usernames` in `text`, in order."""
    known = {name.lower() for name in usernames}
    spans = []
    for match in _TOKEN.finditer(text):
        token = match.group(1).lower()
        for name in (token, token.rstrip(_PUNCTUATION)):
            if name in known:
                spans.append(MentionSpan(match.start(), match.start() + 1 + len(name), name))
                break
    return spans


def mentioned(text: str, usernames: Iterable[str]) -> list[str]:
    """Each of `usernames` mentioned in `text` once, in the order of their first mention."""
    return list(dict.fromkeys(span.username for span in mention_spans(text, usernames)))


def typing_mention(before_cursor: str) -> tuple[int, str] | None:
    """The mention being typed at the end of `before_cursor`: where its "@" is and the name so far
    ("" right after the "@"), or None when the cursor is not in one (e.g. inside an e-mail address)."""
    match = _TYPING.search(before_cursor)
    if match is None:
        return None
    return match.start(), match.group(1) or ""
