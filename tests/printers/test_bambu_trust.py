"""A Bambu printer is verified by default: Bambu Lab's CAs shipped as data, the serial as the certificate's name.

Bambu's private keys are not ours, so the handshakes run against the virtual printer, whose chain has Bambu's
layout (root → device CA → `CN=<serial>`, no subjectAltName, device CA not sent); the driver trusts that root the
way it trusts Bambu's: a `*.cert` file in the CA folder, with nothing chosen in the printer's settings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from core.cli.main import main
from printers import ftps
from printers.base import ConnectionState, PrinterConfig, TlsMode
from printers.drivers.bambu.driver import BambuDriver
from printers.errors import PrinterConfigError, UploadError
from printers.mqtt import TlsSettings, make_ssl_context
from printers.resources import bambu_dir
from printers.simulator.certs import make_certs
from printers.simulator.ftps_server import FtpsServer
from printers.simulator.virtual import VirtualPrinter, VirtualSpec
from tests.printers.conftest import free_port, wait_for

pytestmark = pytest.mark.services

SERIAL = "01P09C470100321"
ACCESS = "31415926"


def test_shipped_cas_hold_bambus_roots_and_the_device_cas_newer_printers_do_not_send() -> None:
    ctx = make_ssl_context(TlsSettings(TlsMode.VERIFY, "", SERIAL))
    names = sorted(dict(part[0] for part in ca["subject"])["commonName"] for ca in ctx.get_ca_certs())
    assert names == ["BBL CA", "BBL CA2 ECC", "BBL CA2 ECC", "BBL CA2 RSA", "BBL CA2 RSA", "BBL Device CA N6-V2",
                     "BBL Device CA N7-V2", "BBL Device CA O1C2-V2"]
    certs = [c for f in sorted(bambu_dir().glob("*.cert")) for c in x509.load_pem_x509_certificates(f.read_bytes())]
    ca2_rsa = next(c for c in certs if c.subject == c.issuer and "CA2 RSA" in c.subject.rfc4514_string())
    for device_ca in (c for c in certs if "Device CA" in c.subject.rfc4514_string()):
        device_ca.verify_directly_issued_by(ca2_rsa)  # an H2C/P2S chain ends in a root we ship


@pytest.fixture
def printer(tmp_path: Path) -> Iterator[tuple[VirtualPrinter, PrinterConfig]]:
    virtual = VirtualPrinter(VirtualSpec(serial=SERIAL, access_code=ACCESS, interval=0.2, announce_port=0),
                             tmp_path / "virtual")
    started = virtual.start()
    config = PrinterConfig(name="Workshop", kind="bambu", host="127.0.0.1", port=started.port, serial=SERIAL,
                           ftps_port=started.ftps_port)
    assert config.tls_mode == TlsMode.VERIFY and not config.ca_file  # what "Add printer" saves by default
    yield virtual, config
    virtual.stop()


@pytest.fixture
def trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CA folder the driver reads, holding the virtual printer's root and device CA as `*.cert`."""
    folder = tmp_path / "ca"
    folder.mkdir()
    monkeypatch.setattr("printers.mqtt.bambu_dir", lambda: folder)
    return folder


def _driver(config: PrinterConfig) -> BambuDriver:
    driver = BambuDriver(config, ACCESS, backoff_initial=0.1)
    driver.connect()
    return driver


def test_default_settings_verify_the_printer_over_mqtt_and_ftps(
        printer: tuple[VirtualPrinter, PrinterConfig], trusted: Path, tmp_path: Path) -> None:
    _virtual, config = printer
    shutil.copy(tmp_path / "virtual" / "certs" / "ca.pem", trusted / "virtual.cert")
    leaf = x509.load_pem_x509_certificate((tmp_path / "virtual" / "certs" / f"{SERIAL}.pem").read_bytes())
    assert not [e for e in leaf.extensions if isinstance(e.value, x509.SubjectAlternativeName)]  # only the CN names it
    driver = _driver(config)
    try:
        assert driver.wait_online(15), driver.model.connection_detail
        local = tmp_path / "part.gcode.3mf"
        local.write_bytes(b"PK" + b"\0" * 5000)
        ftps.upload("127.0.0.1", config.ftps_port, "bblp", ACCESS, local, local.name,
                    TlsSettings(config.tls_mode, config.ca_file, config.serial))
        assert (tmp_path / "virtual" / "sdcard" / local.name).read_bytes() == local.read_bytes()
    finally:
        driver.disconnect()


def test_a_certificate_for_another_serial_is_refused_with_the_reason(
        printer: tuple[VirtualPrinter, PrinterConfig], trusted: Path, tmp_path: Path) -> None:
    _virtual, config = printer
    shutil.copy(tmp_path / "virtual" / "certs" / "ca.pem", trusted / "virtual.cert")
    config.serial = "01P09C470100999"  # a typo, or another printer answering at this address
    driver = _driver(config)
    try:
        wait_for(lambda: driver.model.connection == ConnectionState.REFUSED, 15, "refusal")
        assert "not the one of printer 01P09C470100999" in driver.model.connection_detail
        assert "serial number" in driver.model.connection_detail
    finally:
        driver.disconnect()
    local = tmp_path / "part.gcode.3mf"
    local.write_bytes(b"PK")
    with pytest.raises(UploadError, match="not the one of printer 01P09C470100999"):
        ftps.upload("127.0.0.1", config.ftps_port, "bblp", ACCESS, local, local.name,
                    TlsSettings(config.tls_mode, "", config.serial))
    assert not (tmp_path / "virtual" / "sdcard" / local.name).exists()


def test_a_certificate_from_another_ca_is_refused_even_with_the_right_serial(
        printer: tuple[VirtualPrinter, PrinterConfig], trusted: Path, tmp_path: Path) -> None:
    _virtual, config = printer
    shutil.copy(make_certs(tmp_path / "impostor", SERIAL).ca, trusted / "other.cert")
    driver = _driver(config)
    try:
        wait_for(lambda: driver.model.connection == ConnectionState.REFUSED, 15, "refusal")
        assert "not signed by a trusted CA" in driver.model.connection_detail
        assert "don't verify" in driver.model.connection_detail
    finally:
        driver.disconnect()


def test_cli_adds_a_printer_verified_by_default_and_reads_it(
        printer: tuple[VirtualPrinter, PrinterConfig], trusted: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _virtual, config = printer
    shutil.copy(tmp_path / "virtual" / "certs" / "ca.pem", trusted / "virtual.cert")
    monkeypatch.setenv("POTSTUDIO_PRINTER_SECRET", ACCESS)
    assert main(["printers", "add", "Workshop", "--kind", "bambu", "--host", "127.0.0.1", "--port", str(config.port),
                 "--serial", SERIAL]) == 0
    assert "NOT be verified" not in capsys.readouterr().err
    assert main(["printers", "status", "--json", "--timeout", "15"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["connection"], row["state"]) == ("online", "idle")


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def test_an_x1c_style_certificate_version_1_without_extensions_is_verified_by_its_common_name(
        trusted: Path, tmp_path: Path) -> None:
    """A real X1C's LAN certificate (ha-bambulab issue #541, TFyre/bambu-farm issue #151) is X.509 version 1,
    signed directly by BBL CA: no extensions at all, so its serial is only in the common name."""
    serial, pki = "00M09A350100123", tmp_path / "pki"
    pki.mkdir()
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/C=CN/O=Test Technologies/CN=Test BBL CA", cwd=pki)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj",
             f"/CN={serial}", cwd=pki)
    _openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "leaf.pem", "-days", "2", cwd=pki)
    leaf = x509.load_pem_x509_certificate((pki / "leaf.pem").read_bytes())
    assert leaf.version == x509.Version.v1 and not list(leaf.extensions)
    shutil.copy(pki / "ca.pem", trusted / "bbl_ca.cert")
    server = FtpsServer(tmp_path / "sdcard", pki / "leaf.pem", pki / "leaf.key", "bblp", ACCESS).start()
    try:
        local = tmp_path / "part.gcode.3mf"
        local.write_bytes(b"PK" * 100)
        ftps.upload("127.0.0.1", server.port, "bblp", ACCESS, local, local.name,
                    TlsSettings(TlsMode.VERIFY, "", serial))
        assert (tmp_path / "sdcard" / local.name).exists()
        with pytest.raises(UploadError, match="not the one of printer 00M09A350100999"):
            ftps.upload("127.0.0.1", server.port, "bblp", ACCESS, local, local.name,
                        TlsSettings(TlsMode.VERIFY, "", "00M09A350100999"))
    finally:
        server.stop()


def test_a_missing_ca_bundle_is_a_settings_error_before_connecting(trusted: Path, tmp_path: Path) -> None:
    config = PrinterConfig(name="Workshop", kind="bambu", host="127.0.0.1", port=free_port(), serial=SERIAL)
    with pytest.raises(PrinterConfigError, match="Bambu Lab's CA certificates are missing"):
        BambuDriver(config, ACCESS)  # `trusted` is still empty: an install that lost resources/bambu
    config.tls_mode, config.ca_file = TlsMode.CUSTOM_CA, str(tmp_path / "gone.pem")
    with pytest.raises(PrinterConfigError, match="Cannot read the CA bundle .*gone.pem"):
        BambuDriver(config, ACCESS)
