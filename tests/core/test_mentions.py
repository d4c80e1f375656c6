"""The @mention rules shared by the hub, the thread view and the composer, on the cases GitHub's own
documentation and behaviour settle: an address is not a mention, case does not matter, punctuation
after a name ends it, a path is not a person, and only known names count."""

from __future__ import annotations

import pytest

from core.mentions import mention_spans, mentioned, typing_mention

MEMBERS = ["ana", "bia.s", "caio-r", "dede"]


@pytest.mark.parametrize(("text", "expected"), [
    ("@ana look", ["ana"]),
    ("(@ANA)", ["ana"]),  # any case; brackets around it
    ("thanks @ana.", ["ana"]),  # the full stop ends the sentence
    ("@bia.s, please", ["bia.s"]),  # a dot inside a name is part of it
    ("@caio-r: and @dede!", ["caio-r", "dede"]),
    ("@ana and @Ana again", ["ana"]),  # once each
    ("mail ana@example.com", []),  # an e-mail address
    ("@ana@example.com", []),
    ("x.@ana or a+@ana", []),  # the end of an address's local part
    ("@anabela", []),  # someone else's name that starts with a member's
    ("@ana/pots", []),  # a path
    ("@everyone @stranger", []),  # not members
    ("@" + "a" * 41, []),  # longer than any username
])
def test_who_is_mentioned(text: str, expected: list[str]) -> None:
    assert mentioned(text, MEMBERS) == expected


def test_spans_cover_the_at_sign_and_the_name_only() -> None:
    text = "ok @Bia.s."
    [span] = mention_spans(text, MEMBERS)
    assert text[span.start:span.end] == "@Bia.s" and span.username == "bia.s"


@pytest.mark.parametrize(("before", "expected"), [
    ("see @", (4, "")), ("see @ca", (4, "ca")), ("@b", (0, "b")),
    ("mail ana@ex", None), ("@ana ", None), ("no at here", None),
])
def test_the_mention_being_typed(before: str, expected: tuple[int, str] | None) -> None:
    assert typing_mention(before) == expected
