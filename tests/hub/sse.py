"""A minimal server-sent-events reader over a real httpx streaming response, for hub tests that watch
streams directly (the WHATWG event-stream format: `field: value` lines, a blank line ends an event,
lines starting with ':' are comments)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Event:
    name: str
    data: Any
    id: str | None


class EventReader:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines: Iterator[str] = response.iter_lines()

    def next(self) -> Event | None:
        """The next event (comments and retry lines skipped), or None when the hub ended the stream."""
        name, data, event_id = "message", [], None
        for line in self._lines:
            if line == "":
                if data:
                    return Event(name, json.loads("\n".join(data)), event_id)
                name, event_id = "message", None
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
            elif field == "id":
                event_id = value
        return None

    def next_named(self, *names: str) -> Event | None:
        """The next event with one of these names (others, such as presence, skipped)."""
        while (event := self.next()) is not None:
            if event.name in names:
                return event
        return None
