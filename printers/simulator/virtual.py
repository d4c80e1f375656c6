"""A complete virtual printer, the user feature "Add a virtual printer": embedded broker + simulated device
(+ FTPS server for Bambu), and the PrinterConfig the app uses to connect to it like to real hardware."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from printers.base import PrinterConfig, TlsMode
from printers.discovery import notify_datagram
from printers.mqtt import MqttSettings, TlsSettings
from printers.simulator.bambu import BambuSimulator, SimOptions
from printers.simulator.bambu_models import ALIASES, shape_of
from printers.simulator.broker import EmbeddedBroker
from printers.simulator.certs import make_certs
from printers.simulator.ftps_server import FtpsServer
from printers.simulator.moonraker import MoonrakerOptions, MoonrakerSimulator
from printers.simulator.potscale import ScaleOptions, ScaleSimulator

log = logging.getLogger(__name__)
# What each simulated model puts in `DevModel.bambu.com` (discovery.MODELS reads it back), as the real printers
# announce themselves to Bambu Studio and Orca Slicer.
SSDP_MODEL_CODES = {"X1C": "BL-P001", "X1C-newfw": "BL-P001", "P1S": "C12", "A1": "N2S", "H2D": "O1D",
                    "H2S": "O1S", "P2S": "N7", "H2C": "O1C", "X2D": "N6"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class VirtualSpec:
    kind: str = "bambu"
    name: str = "Virtual printer"
    serial: str = "01S00V000000001"
    style: str = "X1"
    access_code: str = ""
    port: int = 0
    ftps_port: int = 0
    http_port: int = 0
    speed: float = 1.0
    interval: float = 1.0
    developer_mode: bool = False
    announce_port: int = 2021  # Bambu: SSDP NOTIFY to this local port, so "Add printer" lists it (0: off)


class VirtualPrinter:
    def __init__(self, spec: VirtualSpec, directory: Path) -> None:
        self.spec = spec
        self.dir = directory
        self.access_code = spec.access_code or f"{secrets.randbelow(10**8):08d}"
        self.port = spec.port or free_port()
        self.broker: EmbeddedBroker | None = None
        self.bambu: BambuSimulator | None = None
        self.moonraker: MoonrakerSimulator | None = None
        self.scale: ScaleSimulator | None = None
        self.ftps: FtpsServer | None = None
        self._certs = make_certs(directory / "certs", spec.serial) if spec.kind == "bambu" else None
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def _announce(self) -> None:
        """Like the firmware, repeat the NOTIFY every few seconds; unicast to this machine, not the whole LAN."""
        model = SSDP_MODEL_CODES[ALIASES.get(self.spec.style, self.spec.style)]
        datagram = notify_datagram(self.spec.serial, "127.0.0.1", model, self.spec.name,
                                   firmware=shape_of(self.spec.style).firmware)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            while not self._stop.is_set():
                try:
                    sock.sendto(datagram, ("127.0.0.1", self.spec.announce_port))
                except OSError as exc:
                    log.debug("virtual printer announcement failed: %s", exc)
                self._stop.wait(5.0)

    def _start_broker(self) -> None:
        users = {"bblp": self.access_code} if self.spec.kind == "bambu" else {"studio": self.access_code,
                                                                               "device": self.access_code}
        certs = self._certs
        self.broker = EmbeddedBroker(self.port, users, certfile=certs.cert if certs else None,
                                     keyfile=certs.key if certs else None).start()

    def _device_settings(self, client_id: str) -> MqttSettings:
        if self._certs is not None:
            tls = TlsSettings(TlsMode.CUSTOM_CA, str(self._certs.ca), self.spec.serial)
            return MqttSettings("127.0.0.1", self.port, client_id, "bblp", self.access_code, tls,
                                backoff_initial=0.2, backoff_max=2.0)
        return MqttSettings("127.0.0.1", self.port, client_id, "device", self.access_code, backoff_initial=0.2,
                            backoff_max=2.0)

    def start(self) -> PrinterConfig:
        spec = self.spec
        if spec.kind != "moonraker":  # Moonraker serves its own API; the others speak MQTT
            self._start_broker()
        if spec.kind == "bambu" and self._certs is not None:
            self.ftps = FtpsServer(self.dir / "sdcard", self._certs.cert, self._certs.key, "bblp", self.access_code,
                                   port=spec.ftps_port).start()
            self.bambu = BambuSimulator(SimOptions(serial=spec.serial, style=spec.style, speed=spec.speed,
                                                   report_interval=spec.interval, ftps_root=self.dir / "sdcard"),
                                        self._device_settings(f"device-{spec.serial}"))
            self.bambu.developer_mode_required = spec.developer_mode
            self.bambu.start()
            if spec.announce_port:
                threading.Thread(target=self._announce, name="virtual-ssdp", daemon=True).start()
            return PrinterConfig(name=spec.name, kind="bambu", host="127.0.0.1", port=self.port, serial=spec.serial,
                                 model=spec.style, tls_mode=TlsMode.CUSTOM_CA, ca_file=str(self._certs.ca),
                                 ftps_port=self.ftps.port)
        if spec.kind == "moonraker":
            # Reached as Klipper front ends reach Moonraker: its websocket API and HTTP on one port, here with an
            # API key ([authorization]) that the app keeps in the keyring like an access code.
            self.moonraker = MoonrakerSimulator(
                MoonrakerOptions(instance="virtual", gcodes=self.dir / "gcodes", speed=spec.speed,
                                 http_port=spec.http_port or self.port, api_key=self.access_code)).start()
            return PrinterConfig(name=spec.name, kind="moonraker", host="127.0.0.1",
                                 http_port=self.moonraker.http_port, bed=(300.0, 300.0, 300.0))
        self.scale = ScaleSimulator(ScaleOptions(interval=spec.interval, speed=spec.speed),
                                    self._device_settings("scale-virtual")).start()
        return PrinterConfig(name=spec.name, kind="potscale", host="127.0.0.1", port=self.port, username="studio")

    def drop(self) -> None:
        """Fault: the printer's broker restarts, dropping every client (Wi-Fi loss, firmware hiccup); a Klipper
        printer's Moonraker restarts (an update, a crash)."""
        if self.moonraker is not None:
            self.moonraker.restart()
            return
        with self._lock:
            if self.broker is not None:
                self.broker.stop()
            self._start_broker()

    def stop(self) -> None:
        self._stop.set()
        for device in (self.bambu, self.moonraker, self.scale):
            if device is not None:
                device.stop()
        if self.ftps is not None:
            self.ftps.stop()
        if self.broker is not None:
            self.broker.stop()
