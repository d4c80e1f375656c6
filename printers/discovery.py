"""Find Bambu printers on the LAN from the SSDP NOTIFY datagrams they broadcast (UDP 2021 broadcast and
239.255.255.250:1990 multicast). Listening only: nothing is sent, so it is safe on any network."""

from __future__ import annotations

import logging
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass

from core.events import Signal

log = logging.getLogger(__name__)
PORTS = (2021, 1990)
MULTICAST_GROUP = "239.255.255.250"
NT = "urn:bambulab-com:device:3dprinter:1"
MODELS = {
    "3DPrinter-X1-Carbon": "X1 Carbon", "3DPrinter-X1": "X1", "BL-P001": "X1 Carbon", "BL-P002": "X1",
    "C13": "X1E", "C11": "P1P", "C12": "P1S", "N1": "A1 mini", "N2S": "A1", "O1D": "H2D", "O1E": "H2D Pro",
    "O2D": "H2D Pro", "O1S": "H2S", "O1C": "H2C", "O1C2": "H2C", "N7": "P2S", "N6": "X2D",
}


@dataclass(frozen=True)
class DiscoveredPrinter:
    serial: str
    host: str
    model_code: str
    name: str
    signal: str
    connection: str  # "lan" (LAN-only mode) or "cloud"
    bound: str
    firmware: str
    seen_at: float

    @property
    def model(self) -> str:
        return MODELS.get(self.model_code, self.model_code or "unknown model")


def parse_notify(data: bytes, sender: str) -> DiscoveredPrinter | None:
    """Decode one NOTIFY datagram; None for anything that is not a Bambu printer announcement."""
    try:
        lines = data.decode("utf-8", errors="replace").split("\r\n")
    except AttributeError:
        return None
    if not lines or not lines[0].upper().startswith("NOTIFY"):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(":")
        if sep:
            headers[key.strip().lower()] = value.strip()
    if headers.get("nt") != NT or not headers.get("usn"):
        return None
    return DiscoveredPrinter(
        serial=headers["usn"], host=headers.get("location") or sender,
        model_code=headers.get("devmodel.bambu.com", ""), name=headers.get("devname.bambu.com", ""),
        signal=headers.get("devsignal.bambu.com", ""), connection=headers.get("devconnect.bambu.com", ""),
        bound=headers.get("devbind.bambu.com", ""), firmware=headers.get("devversion.bambu.com", ""),
        seen_at=time.time())


def notify_datagram(serial: str, host: str, model_code: str, name: str, signal: str = "-48",
                    connection: str = "lan", firmware: str = "01.08.02.00") -> bytes:
    """What a printer broadcasts; the virtual printer sends the same bytes."""
    return ("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1990\r\nServer: UPnP/1.0\r\n"
            f"Location: {host}\r\nNT: {NT}\r\nNTS: ssdp:alive\r\nUSN: {serial}\r\nCache-Control: max-age=1800\r\n"
            f"DevModel.bambu.com: {model_code}\r\nDevName.bambu.com: {name}\r\nDevSignal.bambu.com: {signal}\r\n"
            f"DevConnect.bambu.com: {connection}\r\nDevBind.bambu.com: free\r\nDevseclink.bambu.com: secure\r\n"
            f"DevVersion.bambu.com: {firmware}\r\nDevCap.bambu.com: 1\r\n\r\n").encode()


class DiscoveryListener:
    """Listens on the SSDP ports in a thread; `found` fires for every new or changed printer."""

    def __init__(self, ports: tuple[int, ...] = PORTS, host: str = "") -> None:
        self.ports = ports
        self.host = host
        self.found: Signal[[DiscoveredPrinter]] = Signal()
        self._printers: dict[str, DiscoveredPrinter] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self._thread: threading.Thread | None = None

    @property
    def bound_ports(self) -> list[int]:
        return [int(s.getsockname()[1]) for s in self._sockets]

    def printers(self) -> list[DiscoveredPrinter]:
        with self._lock:
            return sorted(self._printers.values(), key=lambda p: p.name or p.serial)

    def start(self) -> DiscoveryListener:
        for port in self.ports:
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((self.host, port))
            except OSError as exc:
                log.warning("discovery: cannot listen on UDP %s (%s); printers announcing there are missed", port,
                            exc)
                sock.close()
                continue
            try:
                membership = struct.pack("4s4s", socket.inet_aton(MULTICAST_GROUP), socket.inet_aton("0.0.0.0"))
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
            except OSError as exc:
                log.info("discovery: no multicast on this host (%s); broadcast still heard", exc)
            self._sockets.append(sock)
        self._thread = threading.Thread(target=self._run, name="ssdp-discovery", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        for sock in self._sockets:
            sock.close()
        self._sockets = []

    def _run(self) -> None:
        while not self._stop.is_set() and self._sockets:
            readable, _, _ = select.select(self._sockets, [], [], 0.2)
            for sock in readable:
                try:
                    data, (sender, _port) = sock.recvfrom(4096)
                except OSError:
                    continue
                printer = parse_notify(data, sender)
                if printer is None:
                    continue
                with self._lock:
                    old = self._printers.get(printer.serial)
                    self._printers[printer.serial] = printer
                if old is None or (old.host, old.signal, old.connection) != (printer.host, printer.signal,
                                                                              printer.connection):
                    self.found.emit(printer)
