"""Real services for printer tests: mosquitto with TLS + password file (openssl-made CA, CN = serial),
the Bambu simulator as the device behind it, and its implicit-TLS FTPS server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from printers.base import PrinterConfig, TlsMode
from printers.drivers.bambu.driver import BambuDriver
from printers.mqtt import MqttSettings, TlsSettings
from printers.simulator.bambu import BambuSimulator, SimOptions
from printers.simulator.ftps_server import FtpsServer

SERIAL = "01P00C000000042"
ACCESS = "12345678"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def potstudio(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """One `potstudio` command in its own process, with its own home (printer book, keyring file)."""
    env = {**os.environ, "POTSTUDIO_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "core.cli.main", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@contextmanager
def running_sim(home: Path, *args: str) -> Iterator[dict[str, Any]]:
    """`potstudio printer-sim ARGS` in its own process, as a user starts it; yields what it prints on start (the
    printer's config and access code) and stops it afterwards."""
    sim = subprocess.Popen([sys.executable, "-m", "core.cli.main", "printer-sim", *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env={**os.environ, "POTSTUDIO_HOME": str(home)})
    try:
        assert sim.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1] != "}":
            lines.append(sim.stdout.readline().rstrip())
            assert sim.poll() is None, sim.stderr.read() if sim.stderr else ""
        yield json.loads("\n".join(lines))
    finally:
        sim.terminate()
        sim.wait(10)


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_openssl_certs(directory: Path, cn: str) -> tuple[Path, Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test Bambu CA",
             cwd=directory)
    _openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", f"/CN={cn}", cwd=directory)
    (directory / "ext.cnf").write_text(f"subjectAltName=DNS:{cn}\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf", cwd=directory)
    return directory / "ca.pem", directory / "server.pem", directory / "server.key"


class Mosquitto:
    """A mosquitto process on 127.0.0.1; restart() keeps the port so clients can come back."""

    def __init__(self, directory: Path, users: dict[str, str], cn: str | None) -> None:
        if shutil.which("mosquitto") is None:
            pytest.fail("mosquitto is not installed: run `make test` (installs the Debian package)")
        self.port = free_port()
        self.dir = directory
        directory.mkdir(parents=True, exist_ok=True)
        passwd = directory / "passwd"
        passwd.touch()
        for user, password in users.items():
            subprocess.run(["mosquitto_passwd", "-b", str(passwd), user, password], check=True, capture_output=True)
        lines = [f"listener {self.port} 127.0.0.1", "allow_anonymous false", f"password_file {passwd}",
                 "user root", "persistence false", "log_dest stderr"]
        self.ca: Path | None = None
        if cn is not None:
            self.ca, cert, key = make_openssl_certs(directory / "tls", cn)
            lines += [f"cafile {self.ca}", f"certfile {cert}", f"keyfile {key}"]
        self.conf = directory / "mosquitto.conf"
        self.conf.write_text("\n".join(lines) + "\n")
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with (self.dir / "mosquitto.log").open("ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(["mosquitto", "-c", str(self.conf)], stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError((self.dir / "mosquitto.log").read_text()) from None
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(5)
            self.proc = None

    def restart(self, down_for: float = 0.5) -> None:
        self.stop()
        time.sleep(down_for)
        self.start()


@pytest.fixture
def bambu_broker(tmp_path: Path) -> Iterator[Mosquitto]:
    broker = Mosquitto(tmp_path / "broker", {"bblp": ACCESS}, cn=SERIAL)
    broker.start()
    yield broker
    broker.stop()


def wait_for(predicate: Callable[[], object], timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class BambuRig:
    """Simulator + FTPS server + driver wired to one broker, torn down in order."""

    def __init__(self, broker: Mosquitto, tmp: Path, style: str = "X1") -> None:
        assert broker.ca is not None
        self.broker = broker
        self.root = tmp / "sdcard"
        self.ftps = FtpsServer(self.root, broker.ca.parent / "server.pem", broker.ca.parent / "server.key",
                               "bblp", ACCESS).start()
        tls = TlsSettings(TlsMode.CUSTOM_CA, str(broker.ca), SERIAL)
        sim_settings = MqttSettings("127.0.0.1", broker.port, f"sim-{style}", "bblp", ACCESS, tls,
                                    backoff_initial=0.1, backoff_max=0.5)
        self.sim = BambuSimulator(SimOptions(serial=SERIAL, style=style, report_interval=0.1, speed=200,
                                             layer_seconds=10, heat_seconds=40, ftps_root=self.root), sim_settings)
        self.sim.start()
        assert self.sim.link.wait_online(10)
        self.config = PrinterConfig(name="bench-p1", kind="bambu", host="127.0.0.1", port=broker.port,
                                    serial=SERIAL, tls_mode=TlsMode.CUSTOM_CA, ca_file=str(broker.ca),
                                    ftps_port=self.ftps.port)
        self.drivers: list[BambuDriver] = []

    def driver(self, access_code: str = ACCESS, resync_s: float = 1.0, **config_changes: object) -> BambuDriver:
        config = PrinterConfig.from_dict({**self.config.to_dict(), **config_changes})
        drv = BambuDriver(config, access_code, command_timeout=3.0, resync_s=resync_s, backoff_initial=0.1)
        self.drivers.append(drv)
        drv.connect()
        return drv

    def close(self) -> None:
        for drv in self.drivers:
            drv.disconnect()
        self.sim.stop()
        self.ftps.stop()


RigFactory = Callable[..., BambuRig]


@pytest.fixture
def rig_factory(bambu_broker: Mosquitto, tmp_path: Path) -> Iterator[RigFactory]:
    rigs: list[BambuRig] = []

    def make(style: str = "X1") -> BambuRig:
        rig = BambuRig(bambu_broker, tmp_path, style)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.close()


@pytest.fixture
def lan_broker(tmp_path: Path) -> Iterator[Mosquitto]:
    """A plain LAN broker (password file, no TLS) as Moonraker and the 3D Pot scale use."""
    broker = Mosquitto(tmp_path / "lan", {"moonraker": "klipper", "studio": "pots", "scale": "esp32"}, cn=None)
    broker.start()
    yield broker
    broker.stop()
