"""All configured printers, connected: the service the desktop dock and the CLI bind to.

It also joins devices: a 3D Pot scale's filament readings are copied onto the printer it is assigned to, so
a printer card shows remaining filament without knowing scales exist. Links are recomputed whenever a
driver comes or goes, so a scale added (or a printer re-created after an edit) is joined at once.

Signals fire on the calling thread (start() may run on a worker): views bridge them to their own thread.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable

from core.errors import PotStudioError
from core.events import Signal
from printers.base import PrinterConfig, PrinterDriver
from printers.book import PrinterBook
from printers.errors import PrinterConfigError
from printers.registry import create_driver
from printers.state import PrinterState
from printers.virtual import VirtualPrinters, is_virtual

log = logging.getLogger(__name__)
Link = Callable[[PrinterState], None]


class Fleet:
    def __init__(self, book: PrinterBook, virtual: VirtualPrinters | None = None) -> None:
        self.book = book
        self.virtual = virtual
        self.drivers: dict[str, PrinterDriver] = {}
        self.driver_added: Signal[[PrinterDriver]] = Signal()
        self.driver_removed: Signal[[str]] = Signal()
        self.failed: Signal[[str, str]] = Signal()  # printer name, why it could not be set up
        self.errors: dict[str, str] = {}  # printers that could not even be set up, with the reason to show
        self._links: dict[str, tuple[PrinterDriver, Link]] = {}  # scale name → (scale driver, its slot)
        self._lock = threading.Lock()

    def start(self) -> None:
        """Connect every printer; a broken definition is reported in `errors` (and `failed`) and does not stop
        the others. Virtual printers saved in the book are restarted first (or pruned, with the reason)."""
        for label, reason in self.book.broken.items():
            self._fail(label, reason)
        for config in self.book.list():
            try:
                if is_virtual(config) and self.virtual is not None:
                    self._restore_virtual(config)
                self._start(config.name)
            except Exception as exc:  # any failure, expected or not, is this printer's alone
                log.warning("printer %s could not start", config.name, exc_info=not isinstance(exc, PotStudioError))
                self._fail(config.name, str(exc) or type(exc).__name__)

    def _fail(self, name: str, reason: str) -> None:
        with self._lock:
            self.errors[name] = reason
        self.failed.emit(name, reason)

    def _restore_virtual(self, config: PrinterConfig) -> None:
        assert self.virtual is not None
        try:
            restored, code = self.virtual.restore(config, self.book.secret(config))
        except Exception as exc:
            self.book.remove(config.name)
            raise PrinterConfigError(f"The virtual printer '{config.name}' could not be restarted ({exc}), so it "
                                     "was removed from your printers; add a new one from \"Add printer\".") from exc
        self.book.replace(config.name, restored, code)

    def _start(self, name: str) -> PrinterDriver:
        config = self.book.get(name)
        driver = create_driver(config, self.book.secret(config))
        driver.connect()
        with self._lock:
            self.drivers[name] = driver
            self.errors.pop(name, None)
        self._relink()
        self.driver_added.emit(driver)
        return driver

    def _relink(self) -> None:
        """Point every scale at the driver it is assigned to now (drivers are replaced by edits)."""
        assigned = {c.name: c.assigned_to for c in self.book.list()}  # current, not the driver's copy
        with self._lock:
            drivers = dict(self.drivers)
            for name, (scale, slot) in list(self._links.items()):
                scale.model.changed.disconnect(slot)
                del self._links[name]
            for name, driver in drivers.items():
                target = drivers.get(assigned.get(name, ""))
                if driver.config.kind == "potscale" and target is not None:
                    slot = _copy_filament_to(target)
                    driver.model.changed.connect(slot)
                    self._links[name] = (driver, slot)

    def get(self, name: str) -> PrinterDriver:
        with self._lock:
            if name in self.drivers:
                return self.drivers[name]
        return self._start(name)

    def add(self, config: PrinterConfig, secret: str | None = None) -> PrinterDriver:
        """Save a new printer and connect it (in the background: its model reports how it goes)."""
        self.book.add(config, secret)
        return self._start(config.name)

    def replace(self, old_name: str, config: PrinterConfig, secret: str | None = None) -> PrinterDriver:
        """Save edited settings and rebuild the driver from them; the old connection is closed first.
        Blocking (stopping a link joins its thread): call it from a worker in a GUI."""
        self.book.replace(old_name, config, secret)
        if old_name != config.name:  # scales keep following a renamed printer
            for scale in self.book.list():
                if scale.assigned_to == old_name:
                    self.book.replace(scale.name, dataclasses.replace(scale, assigned_to=config.name))
        self._forget(old_name)
        if old_name != config.name:
            self.driver_removed.emit(old_name)
        try:
            return self._start(config.name)
        except Exception as exc:  # saved, but unusable: shown like a printer that failed at launch
            self._fail(config.name, str(exc) or type(exc).__name__)
            raise

    def remove(self, name: str) -> None:
        """Disconnect a printer, forget it and delete its saved settings and keyring secret. Blocking."""
        self._forget(name)
        if name in self.book.broken or name in {c.name for c in self.book.list()}:
            self.book.remove(name)
        self.driver_removed.emit(name)

    def _forget(self, name: str) -> None:
        with self._lock:
            driver = self.drivers.pop(name, None)
            self.errors.pop(name, None)
        self._relink()
        if driver is not None:
            driver.disconnect()

    def stop(self) -> None:
        with self._lock:
            drivers, self.drivers = list(self.drivers.values()), {}
        self._relink()
        for driver in drivers:
            driver.disconnect()
        if self.virtual is not None:
            self.virtual.stop_all()


def _copy_filament_to(target: PrinterDriver) -> Link:
    def copy(state: PrinterState) -> None:
        if state.filament is not None:
            target.model.patch(filament=state.filament)

    return copy
