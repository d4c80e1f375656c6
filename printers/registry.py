"""Printer families registered as plugins (entry-point group `potstudio.printers`), like Uranium's
OutputDeviceManager: adding a family is a new subpackage and one line in pyproject, not an edit here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points

from printers.base import PrinterConfig, PrinterDriver
from printers.errors import PrinterConfigError

log = logging.getLogger(__name__)
GROUP = "potstudio.printers"
DriverFactory = Callable[[PrinterConfig, str | None], PrinterDriver]


@cache
def driver_factories() -> dict[str, DriverFactory]:
    found: dict[str, DriverFactory] = {}
    for ep in entry_points(group=GROUP):
        try:
            found[ep.name] = ep.load()
        except Exception:  # one broken plugin must not hide the other printers
            log.exception("cannot load printer driver %s (%s)", ep.name, ep.value)
    return found


def create_driver(config: PrinterConfig, secret: str | None) -> PrinterDriver:
    factories = driver_factories()
    if config.kind not in factories:
        raise PrinterConfigError(f"{config.name}: unknown printer kind '{config.kind}'; installed kinds: "
                                 f"{', '.join(sorted(factories)) or 'none'}.")
    return factories[config.kind](config, secret)
