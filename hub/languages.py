"""Which of the languages the hub has words in a client asked for (RFC 9110 Accept-Language)."""

from __future__ import annotations

from collections.abc import Iterable

BASE = "en"
"""The language of the reference rows themselves (Category.title)."""


def requested(header: str) -> list[str]:
    """The header's language ranges, most wanted first (q=0 means "not this one"; ties keep their order)."""
    ranges: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag and q > 0:
            ranges.append((-q, index, tag.lower()))
    return [tag for _, _, tag in sorted(ranges)]


def best_language(header: str, available: Iterable[str]) -> str | None:
    """The stored language to answer in, or None for the base language: an exact tag first, then one of
    the same primary language ("pt" finds "pt-BR"); English or "*" asked before any stored one means base."""
    stored = {lang.lower(): lang for lang in available}
    for tag in requested(header):
        primary = tag.split("-")[0]
        if tag == "*" or primary == BASE:
            return None
        if tag in stored:
            return stored[tag]
        same = sorted(lang for key, lang in stored.items() if key.split("-")[0] == primary)
        if same:
            return same[0]
    return None
