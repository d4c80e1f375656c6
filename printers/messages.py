"""User-facing printer messages as a stable code + parameters, rendered in English here for the CLI.

Views in other languages must not parse English sentences: a `Message` keeps the code and its parameters,
and `template` is the English source a translator sees (the desktop looks it up in its Qt catalogue, context
"PrinterMessages"). Parameters named in `terms` are vocabulary words (an HMS module, a severity) that the
desktop translates too; the others (job names, codes) are shown as they are, except a `printers.hms.MakerText`
(the printer maker's own text of an error code), which the desktop takes from the maker's table in the UI language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

NOTICE_TEMPLATES: dict[str, str] = {
    "print.finished": "{job}: print finished.",
    "print.failed": "{job}: print failed. {error}",
    "print.paused": "{job}: print paused. {error}",
    "print.cancelled": "{job}: print cancelled.",
    "print.stopped": "{job}: print stopped.",
    "command.developer_mode": "The printer refused '{command}': its firmware only accepts control commands from "
                              "other apps in LAN-only + Developer Mode. On the printer: Settings → LAN Only Mode → "
                              "on, then Developer Mode → on. Status monitoring keeps working without it.",
}


@dataclass(frozen=True)
class Message:
    code: str
    template: str
    params: Mapping[str, str] = field(default_factory=dict)
    terms: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**self.params).strip()


def notice_message(code: str, **params: str) -> Message:
    return Message(code, NOTICE_TEMPLATES[code], params)
