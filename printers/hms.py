"""Bambu's HMS (health management) codes and print errors → the printer maker's own words.

A report carries `hms: [{attr, code}]` (16 hex digits attr+code, shown HMS_AAAA_AAAA_CCCC_CCCC as Bambu's wiki
indexes them) and `print_error` (8 hex digits, shown 0700-8006). Their texts come from Bambu's tables
(resources/bambu/hms_<language>.json.gz, see the README there), loaded on first use: a hand-written table went
stale and wrong (a "spaghetti" alarm for "first layer inspection not supported"). Some codes have a wording
for particular models (an H2D's "right nozzle"); the printer's model picks it.

Texts are `MakerText`: they read as English (logs, the CLI) and keep their table key, so the desktop can ask
for the same text in the UI language without printers/ knowing Qt. A code Bambu gives no text for still gets a
sentence (its module and severity), marked `known=False`: shown in the card's details, never notified.
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import re
from typing import Literal

from printers.discovery import MODELS
from printers.messages import Message
from printers.resources import bambu_dir
from printers.state import HmsError

log = logging.getLogger(__name__)

MQTT_VERIFY_FAILED = "0500050000010007"
USER_CANCELLED = (0x0300400C, 0x0500400E)
"""print_error after a user's stop: "The task was canceled." (X1/P1/P2S), "Printing was cancelled." (newer)."""
Table = Literal["device_hms", "device_error"]

_MODULES = {
    "03": "Motion controller",
    "05": "Mainboard",
    "07": "AMS",
    "08": "Toolhead",
    "0C": "Camera/lidar",
    "12": "AMS lite",
    "18": "AMS HT",
}
_SEVERITY = {1: "fatal", 2: "serious", 3: "common", 4: "info"}
GENERIC = "{module} reported a {severity} event; look up {code} on the Bambu Lab wiki."
GENERIC_ERROR = "Error {code}; look it up on the Bambu Lab wiki."


@functools.cache
def _table(language: str) -> dict[str, dict[str, dict[str, list[str]]]]:
    """One language's tables, read once (the English one is 67 kB gzipped: not paid at import)."""
    path = bambu_dir() / f"hms_{language}.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError) as exc:
        log.error("Bambu's HMS texts could not be read from %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def language_of(locale_name: str) -> str:
    """The table for a UI locale ("pt_BR", "pt-BR", "pt"): Brazilian Portuguese for Portuguese, else English."""
    return "pt-br" if locale_name.lower().replace("_", "-").startswith("pt") else "en"


def model_key(model: str) -> str:
    """How Bambu's tables name a model ("A1MINI", "H2D") from what the user or the printer calls it: "A1 mini",
    "Bambu Lab H2D Pro", or a product code such as "N1" (discovery.MODELS)."""
    name = MODELS.get(model.strip(), model).upper().removeprefix("BAMBU LAB")
    return re.sub(r"[^A-Z0-9]", "", name).removesuffix("PRO")


def lookup(table: Table, key: str, model: str, language: str) -> str:
    """Bambu's text for `key`, in the wording for `model` when the table has one; "" when it has none."""
    wordings = _table(language).get(table, {}).get(key)
    if not isinstance(wordings, dict):
        return ""
    wanted = model_key(model)
    general = ""
    for text, models in wordings.items():
        if wanted and isinstance(models, list) and wanted in models:
            return text.strip()
        if not models and not general:
            general = text.strip()
    return general


class MakerText(str):
    """A text from Bambu's tables: reads as English, `in_language` gives the same text in another table."""

    table: Table
    key: str
    model: str

    def __new__(cls, table: Table, key: str, model: str) -> MakerText:
        text = super().__new__(cls, lookup(table, key, model, "en"))
        text.table, text.key, text.model = table, key, model
        return text

    def __reduce__(self) -> tuple[type[MakerText], tuple[Table, str, str]]:
        return MakerText, (self.table, self.key, self.model)

    def in_language(self, language: str) -> str:
        return lookup(self.table, self.key, self.model, language) or str(self)


def maker_words(value: str, language: str) -> str:
    """`value` in `language` ("en", "pt-br") when it is one of Bambu's texts, as it is otherwise."""
    return value.in_language(language) if isinstance(value, MakerText) else value


def hms_code(attr: int, code: int) -> str:
    """The 16 hex digits, upper case, that identify an HMS event."""
    return f"{attr & 0xFFFFFFFF:08X}{code & 0xFFFFFFFF:08X}"


def display_code(full: str) -> str:
    return "HMS_" + "_".join(full[i:i + 4] for i in range(0, 16, 4))


def error_code(value: int) -> str:
    """print_error as Bambu's apps show it: 0700-8006."""
    digits = f"{value & 0xFFFFFFFF:08X}"
    return f"{digits[:4]}-{digits[4:]}"


def describe(full: str, model: str = "") -> Message:
    text = MakerText("device_hms", full, model)
    if text:
        return Message(f"hms.{full}", "{text}", {"text": text})
    module = _MODULES.get(full[:2], f"Module {full[:2]}")
    severity = _SEVERITY.get(int(full[8:12], 16), "unclassified")
    return Message("hms.generic", GENERIC, {"module": module, "severity": severity, "code": display_code(full)},
                   terms=("module", "severity"))


def templates() -> list[str]:
    """Every English sentence and term of ours (Bambu's texts come translated), for the catalogue test."""
    return [GENERIC, GENERIC_ERROR, *_MODULES.values(), *_SEVERITY.values(), "unclassified"]


def decode(attr: int, code: int, model: str = "") -> HmsError:
    full = hms_code(attr, code)
    message = describe(full, model)
    return HmsError(code=display_code(full), message=message, known=message.code != "hms.generic")


def decode_error(value: int, model: str = "") -> HmsError:
    """A non-zero print_error in words: why a print paused (runout 0700-8006), failed, or was cancelled."""
    key = f"{value & 0xFFFFFFFF:08X}"
    text = MakerText("device_error", key, model)
    if text:
        return HmsError(code=error_code(value), message=Message(f"print_error.{key}", "{text}", {"text": text}))
    return HmsError(code=error_code(value), message=Message("print_error.generic", GENERIC_ERROR,
                                                            {"code": error_code(value)}), known=False)
