"""SSDP discovery: real UDP datagrams, as Bambu printers broadcast them, are decoded into printers to add."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from printers.discovery import DiscoveredPrinter, DiscoveryListener, notify_datagram, parse_notify
from printers.drivers.bambu.driver import BambuDriver
from printers.simulator.bambu_models import shape_of
from printers.simulator.virtual import VirtualPrinter, VirtualSpec
from printers.state import JobState
from tests.printers.conftest import wait_for


def test_listener_decodes_printer_announcements_over_udp() -> None:
    listener = DiscoveryListener(ports=(0, 0), host="127.0.0.1").start()
    seen: list[DiscoveredPrinter] = []
    listener.found.connect(seen.append)
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
            port_a, port_b = listener.bound_ports
            tx.sendto(b"M-SEARCH * HTTP/1.1\r\n\r\n", ("127.0.0.1", port_a))
            tx.sendto(b"\xff\x00garbage", ("127.0.0.1", port_a))
            tx.sendto(notify_datagram("01P00A123", "192.168.1.40", "C12", "Workshop P1S", "-52"),
                      ("127.0.0.1", port_a))
            tx.sendto(notify_datagram("0309AB77", "192.168.1.41", "N1", "Mini", connection="cloud"),
                      ("127.0.0.1", port_b))
            tx.sendto(notify_datagram("01P00A123", "192.168.1.40", "C12", "Workshop P1S", "-52"),
                      ("127.0.0.1", port_b))
        wait_for(lambda: len(listener.printers()) == 2, what="two printers")
    finally:
        listener.stop()
    mini, p1s = listener.printers()
    assert (p1s.model, p1s.host, p1s.signal, p1s.connection) == ("P1S", "192.168.1.40", "-52", "lan")
    assert (mini.model, mini.connection) == ("A1 mini", "cloud")
    assert len(seen) == 2  # a repeated announcement is not a new printer


def test_other_ssdp_devices_are_ignored() -> None:
    router = b"NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nUSN: uuid:router\r\n\r\n"
    assert parse_notify(router, "192.168.1.1") is None


def test_virtual_printer_announces_itself_and_accepts_the_driver(tmp_path: Path) -> None:
    """The in-app virtual printer (embedded amqtt broker, TLS, own CA): discovered, then connected to."""
    listener = DiscoveryListener(ports=(0,), host="127.0.0.1").start()
    virtual = VirtualPrinter(VirtualSpec(name="Desk P1S", serial="01P00V000000777", style="P1",
                                         announce_port=listener.bound_ports[0], interval=0.1), tmp_path)
    config = virtual.start()
    driver = BambuDriver(config, virtual.access_code)
    try:
        wait_for(lambda: listener.printers(), what="announcement")
        [found] = listener.printers()
        assert (found.serial, found.model, found.name) == ("01P00V000000777", "P1S", "Desk P1S")
        driver.connect()
        wait_for(lambda: driver.model.state.state == JobState.IDLE, what="state from the virtual printer")
        assert [t.name for t in driver.model.state.trays] == ["A1", "A2", "A3", "A4", "Ext"]  # AMS A, external spool
    finally:
        driver.disconnect()
        virtual.stop()
        listener.stop()


@pytest.mark.parametrize(("style", "model"),
                         [("H2D", "H2D"), ("P2S", "P2S"), ("X2D", "X2D"), ("X1C-newfw", "X1 Carbon")])
def test_a_virtual_printer_announces_the_model_it_simulates(tmp_path: Path, style: str, model: str) -> None:
    """As Bambu printers do, in DevModel.bambu.com (an H2D, P2S, X2D was announced as an X1C)."""
    listener = DiscoveryListener(ports=(0,), host="127.0.0.1").start()
    virtual = VirtualPrinter(VirtualSpec(name=f"Desk {style}", serial="01P00V000000778", style=style,
                                         announce_port=listener.bound_ports[0], interval=0.5), tmp_path)
    try:
        virtual.start()
        wait_for(lambda: listener.printers(), what="announcement")
        [found] = listener.printers()
        assert (found.model, found.name, found.firmware) == (model, f"Desk {style}", shape_of(style).firmware)
    finally:
        virtual.stop()
        listener.stop()
