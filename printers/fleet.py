"""All configured printers, connected: the service the desktop dock and the CLI bind to.

It also joins devices: a 3D Pot scale's filament readings are copied onto the printer it is assigned to, so
a printer card shows remaining filament without knowing scales exist.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from core.errors import PotStudioError
from core.events import Signal
from printers.base import PrinterDriver
from printers.book import PrinterBook
from printers.registry import create_driver
from printers.state import PrinterState

log = logging.getLogger(__name__)


class Fleet:
    def __init__(self, book: PrinterBook) -> None:
        self.book = book
        self.drivers: dict[str, PrinterDriver] = {}
        self.driver_added: Signal[[PrinterDriver]] = Signal()
        self.errors: dict[str, str] = {}  # printers that could not even be set up, with the reason to show
        self._lock = threading.Lock()

    def start(self) -> None:
        """Connect every printer; one broken definition is reported in `errors` and does not stop the others."""
        for config in self.book.list():
            try:
                self._start(config.name)
            except PotStudioError as exc:
                log.warning("%s", exc)
                self.errors[config.name] = str(exc)
        self._link_scales()

    def _start(self, name: str) -> PrinterDriver:
        config = self.book.get(name)
        driver = create_driver(config, self.book.secret(config))
        with self._lock:
            self.drivers[name] = driver
        driver.connect()
        self.driver_added.emit(driver)
        return driver

    def _link_scales(self) -> None:
        with self._lock:
            drivers = dict(self.drivers)
        for driver in drivers.values():
            target = drivers.get(driver.config.assigned_to)
            if driver.config.kind == "potscale" and target is not None:
                driver.model.changed.connect(_copy_filament_to(target))

    def stop(self) -> None:
        with self._lock:
            drivers, self.drivers = list(self.drivers.values()), {}
        for driver in drivers:
            driver.disconnect()

    def get(self, name: str) -> PrinterDriver:
        with self._lock:
            if name in self.drivers:
                return self.drivers[name]
        return self._start(name)


def _copy_filament_to(target: PrinterDriver) -> Callable[[PrinterState], None]:
    def copy(state: PrinterState) -> None:
        if state.filament is not None:
            target.model.patch(filament=state.filament)

    return copy
