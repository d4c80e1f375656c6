"""The virtual printers this session started ("Add a virtual printer"), so they stop when the app quits.

Each one is a real embedded broker + simulated device from printers.simulator.virtual; the app then
connects to it exactly as to hardware, through the printer book and the fleet.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from core.paths import data_dir
from printers.base import PrinterConfig
from printers.simulator.virtual import VirtualPrinter, VirtualSpec

log = logging.getLogger(__name__)


class VirtualPrinters:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or data_dir() / "virtual-printers"
        self.running: list[VirtualPrinter] = []
        self._lock = threading.Lock()

    def start(self, name: str, kind: str = "bambu", speed: float = 10.0) -> tuple[PrinterConfig, str]:
        """Start one (blocking: the broker and TLS setup take a moment) and return its config and access code."""
        with self._lock:
            index = len(self.running) + 1
        serial = f"01S00V{index:09d}"
        spec = VirtualSpec(kind=kind, name=name, serial=serial, speed=speed)
        printer = VirtualPrinter(spec, self.directory / serial)
        config = printer.start()
        config.extra["virtual"] = True
        with self._lock:
            self.running.append(printer)
        log.info("virtual %s printer %s started on port %s", kind, name, printer.port)
        return config, printer.access_code

    def stop_all(self) -> None:
        with self._lock:
            running, self.running = self.running, []
        for printer in running:
            printer.stop()
