"""The virtual Bambu printer reports and serves files as real ones do: each `--model` shape against a real
report of that model (tests/fixtures/printers/real, SOURCES.md there), its SD card through an FTP client, and
an H2D read by our driver the way a real H2D is."""

from __future__ import annotations

import ftplib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from printers import ftps
from printers.base import PrinterConfig, TlsMode
from printers.drivers.bambu.driver import BambuDriver
from printers.drivers.bambu.project import package
from printers.ftps import ImplicitFtps
from printers.mqtt import TlsSettings, make_ssl_context
from printers.simulator.bambu import SimOptions
from printers.simulator.bambu_models import MODELS, initial_print, render
from printers.simulator.certs import make_certs
from printers.simulator.ftps_server import FtpsServer
from printers.simulator.virtual import VirtualPrinter, VirtualSpec
from tests.printers.conftest import potstudio, running_sim, wait_for

REAL = Path(__file__).parent.parent / "fixtures" / "printers" / "real"
# The model each simulated shape is compared with (X1C and P1S are the older firmware generation of the P1P
# capture; the captured H2C had no spool loaded, so its trays are compared with the H2S's, same generation).
CAPTURES = {"X1C": ["p1p_failed"], "P1S": ["p1p_failed"], "A1": ["a1_ams_lite"], "X1C-newfw": ["x1c_multi_ams"],
            "H2D": ["h2d_ams_ht"], "H2S": ["h2s_printing"], "P2S": ["p2s_printing"],
            "H2C": ["h2c_failed", "h2s_printing"], "X2D": ["x2d_left_nozzle"]}
# What a decoder needs from each generation: where the chamber, the nozzles and the spools are.
NEEDED = {False: {"chamber_temper", "nozzle_temper", "vt_tray.id", "ams.ams_exist_bits", "ams.ams.[].tray.[].n"},
          True: {"device.ctc.info.temp", "device.extruder.state", "device.extruder.info.[].snow",
                 "device.extruder.info.[].temp", "vir_slot.[].id", "ams.ams_exist_bits", "ams.ams.[].info"}}


def _paths(value: Any, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found |= {prefix + key} | _paths(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for item in value:
            found |= _paths(item, prefix + "[].")
    return found


def _real_report(name: str) -> dict[str, Any]:
    for line in (REAL / f"{name}.jsonl").read_text().splitlines():
        report = json.loads(line).get("print", {})
        if "gcode_state" in report:
            return dict(report)
    raise AssertionError(f"{name} has no full report")


@pytest.mark.parametrize("model", list(MODELS))
def test_each_model_reports_only_fields_its_real_firmware_has_and_those_a_decoder_needs(model: str) -> None:
    shape, options = MODELS[model], SimOptions()
    simulated = _paths(render(shape, initial_print(shape, options.ams_trays, options.ams_ht_tray)))
    real = set().union(*(_paths(_real_report(name)) for name in CAPTURES[model]))
    assert simulated - real == set()
    assert NEEDED[shape.packed] <= simulated


def test_h2d_shape_packs_temperatures_and_feeds_the_right_nozzle_from_the_ams_ht() -> None:
    shape, options = MODELS["H2D"], SimOptions()
    flat = initial_print(shape, options.ams_trays, options.ams_ht_tray)
    flat.update(nozzle_temper=218.0, nozzle_target_temper=220.0, chamber_temper=35.0)
    flat["ams"]["tray_now"] = "128"
    report = render(shape, flat)
    right, left = report["device"]["extruder"]["info"]
    assert (right["temp"] & 0xFFFF, right["temp"] >> 16, right["snow"]) == (218, 220, 128 << 8)
    assert report["nozzle_temper"] == left["temp"] == 25  # the flat field is the idle left nozzle, as on an H2D
    assert report["device"]["ctc"]["info"]["temp"] == 35 and "chamber_temper" not in report
    assert [u["id"] for u in report["ams"]["ams"]] == ["0", "128"] and report["ams"]["ams_exist_bits"] == "11"
    assert [s["id"] for s in report["vir_slot"]] == ["254", "255"]


@pytest.fixture
def sd_card(tmp_path: Path) -> Iterator[tuple[FtpsServer, ImplicitFtps, TlsSettings]]:
    certs = make_certs(tmp_path / "certs", "00M09A350100123")
    server = FtpsServer(tmp_path / "sdcard", certs.cert, certs.key, "bblp", "code1234").start()
    tls = TlsSettings(TlsMode.CUSTOM_CA, str(certs.ca), "00M09A350100123")
    client = ImplicitFtps(make_ssl_context(tls))
    client.connect("127.0.0.1", server.port)
    yield server, client, tls
    client.close()
    server.stop()


def test_sd_card_folders_listing_and_file_commands(sd_card: tuple[FtpsServer, ImplicitFtps, TlsSettings],
                                                   tmp_path: Path) -> None:
    server, ftp, tls = sd_card
    assert ftp.voidcmd("NOOP").startswith("200")
    ftp.login("bblp", "code1234")
    ftp.prot_p()
    assert {"cache", "model", "timelapse", "image"} <= set(ftp.nlst())
    assert ftp.mkd("model/plates") == "/model/plates"
    ftp.cwd("model/plates")
    assert ftp.pwd() == "/model/plates"
    local = tmp_path / "box.gcode.3mf"
    local.write_bytes(b"PK" * 3000)  # stock storbinary() would unwrap() after STOR, which hangs a P1: ftps.upload
    ftps.upload("127.0.0.1", server.port, "bblp", "code1234", local, "model/plates/box.gcode.3mf", tls)
    assert (server.root / "model" / "plates" / "box.gcode.3mf").read_bytes() == local.read_bytes()
    assert ftp.size("box.gcode.3mf") == 6000 and ftp.size("/model/plates/box.gcode.3mf") == 6000
    facts = dict(ftp.mlsd("/model"))
    assert facts["plates"]["type"] == "dir"
    assert dict(ftp.mlsd())["box.gcode.3mf"]["size"] == "6000"
    listing: list[str] = []
    ftp.retrlines("LIST", listing.append)
    assert listing[0].startswith("-rw") and listing[0].split()[4] == "6000" and listing[0].endswith(" box.gcode.3mf")
    ftp.cwd("..")
    assert ftp.pwd() == "/model"
    with pytest.raises(ftplib.error_perm, match="550"):
        ftp.cwd("../..")  # nothing above the SD card
    with pytest.raises(ftplib.error_perm, match="550"):
        ftp.size("missing.3mf")
    assert ftp.delete("plates/box.gcode.3mf").startswith("250")
    assert not (server.root / "model" / "plates" / "box.gcode.3mf").exists()


@pytest.mark.services
def test_a_virtual_h2d_is_read_like_a_real_one(tmp_path: Path) -> None:
    virtual = VirtualPrinter(VirtualSpec(serial="0948AB4C1900123", style="H2D", interval=0.2, announce_port=0),
                             tmp_path / "virtual")
    config: PrinterConfig = virtual.start()
    driver = BambuDriver(config, virtual.access_code, backoff_initial=0.1)
    driver.connect()
    try:
        wait_for(lambda: driver.model.state.trays and driver.model.state.model, 15, "the H2D's first report")
        state = driver.model.state
        assert state.chamber == 25 and len(state.nozzles) == 2
        units = {t.unit for t in state.trays}
        assert units == {0, 128, -1}
        assert [t.name for t in state.trays if t.unit == -1] == ["Ext-R", "Ext-L"]
    finally:
        driver.disconnect()
        virtual.stop()


@pytest.mark.services
def test_printer_sim_model_h2d_from_the_cli_prints_from_its_ams_ht(isolated_home: Path, tmp_path: Path) -> None:
    """`printer-sim --model H2D --add`, then `printers status` and `print --ams-mapping 128` (the AMS HT's tray,
    mapped by its unit id) as a user would, each in its own process."""
    with running_sim(isolated_home, "--kind", "bambu", "--model", "H2D", "--name", "h2d", "--serial",
                     "0948AB4C1900321", "--speed", "2000", "--interval", "0.1", "--add", "--seconds", "110"):
        status = potstudio("printers", "status", "--json", home=isolated_home)
        assert status.returncode == 0, status.stderr
        [row] = json.loads(status.stdout)
        names = [t["name"] for t in row["trays"]]
        assert {"A1", "HT-A", "Ext-R", "Ext-L"} <= set(names) and row["chamber"] == 25
        gcode = tmp_path / "tag.gcode"
        gcode.write_text("".join(f";LAYER_CHANGE\nG1 Z{0.2 * (i + 1):.1f} E1\n" for i in range(5)))
        job = package(gcode, tmp_path / "tag.gcode.3mf", layers=5, material="ABS")
        printed = potstudio("print", str(job), "--printer", "h2d", "--ams-mapping", "128", home=isolated_home,
                            timeout=120)
        assert printed.returncode == 0, printed.stderr + printed.stdout
        assert "finished 'tag'" in printed.stdout.splitlines()[-1]
