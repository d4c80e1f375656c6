"""The virtual printers this session runs ("Add a virtual printer"), so they stop when the app quits and come
back at the next launch.

Each one is a real embedded broker + simulated device from printers.simulator.virtual; the app connects to
it exactly as to hardware, through the printer book and the fleet. Its book entry is marked
`extra["virtual"]`; restarting reuses the saved serial and access code on fresh ports (the old ones may be
taken by now), so the fleet saves the returned config before connecting.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from pathlib import Path

from core.paths import data_dir
from printers.base import PrinterConfig
from printers.simulator.virtual import VirtualPrinter, VirtualSpec

log = logging.getLogger(__name__)
_SIM_KINDS = {"bambu": "bambu", "moonraker": "moonraker", "potscale": "scale"}


def is_virtual(config: PrinterConfig) -> bool:
    return bool(config.extra.get("virtual"))


class VirtualPrinters:
    def __init__(self, directory: Path | None = None, speed: float = 10.0) -> None:
        self.directory = directory or data_dir() / "virtual-printers"
        self.speed = speed
        self.running: list[VirtualPrinter] = []
        self._lock = threading.Lock()

    def start(self, name: str, kind: str = "bambu") -> tuple[PrinterConfig, str]:
        """Start a new one (blocking: the broker and TLS setup take a moment); returns its config and code."""
        with self._lock:
            taken = {p.spec.serial for p in self.running}
        serial = next(s for i in range(1, 10**6) if (s := f"01S00V{i:09d}") not in taken)
        return self._run(VirtualSpec(kind=kind, name=name, serial=serial, speed=self.speed))

    def restore(self, config: PrinterConfig, access_code: str | None) -> tuple[PrinterConfig, str]:
        """Bring back a virtual printer saved in the book, with its serial and access code."""
        spec = VirtualSpec(kind=_SIM_KINDS.get(config.kind, config.kind), name=config.name,
                           serial=config.serial or "01S00V000000001", style=config.model or "X1",
                           access_code=access_code or "", speed=self.speed)
        started, code = self._run(spec)
        # New addresses from the restarted device; everything the user chose (bed, material, scale) is kept.
        restored = dataclasses.replace(config, host=started.host, port=started.port, ftps_port=started.ftps_port,
                                       http_port=started.http_port, ca_file=started.ca_file,
                                       tls_mode=started.tls_mode, instance=started.instance,
                                       username=started.username, serial=started.serial,
                                       extra={**config.extra, **started.extra})
        return restored, code

    def _run(self, spec: VirtualSpec) -> tuple[PrinterConfig, str]:
        printer = VirtualPrinter(spec, self.directory / spec.serial)
        try:
            config = printer.start()
        except Exception:
            printer.stop()  # whatever did start (the broker) must not linger
            raise
        config.extra["virtual"] = True
        config.serial = config.serial or spec.serial  # names its working directory when it is restored
        with self._lock:
            self.running.append(printer)
        log.info("virtual %s printer %s started on port %s", spec.kind, spec.name, printer.port)
        return config, printer.access_code

    def stop_all(self) -> None:
        with self._lock:
            running, self.running = self.running, []
        for printer in running:
            printer.stop()
