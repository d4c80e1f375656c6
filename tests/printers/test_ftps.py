"""Implicit-TLS FTPS: our client against the simulator's server, which enforces the X1 session-reuse rule."""

from __future__ import annotations

import ftplib
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import CancelledError
from core.tasks import Task
from printers import ftps
from printers.base import TlsMode
from printers.errors import UploadError
from printers.mqtt import TlsSettings, make_ssl_context
from printers.simulator.certs import make_certs
from printers.simulator.ftps_server import FtpsServer

SERIAL = "00M09A350100123"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[FtpsServer, TlsSettings]]:
    certs = make_certs(tmp_path / "certs", SERIAL)
    srv = FtpsServer(tmp_path / "sdcard", certs.cert, certs.key, "bblp", "code1234").start()
    yield srv, TlsSettings(TlsMode.CUSTOM_CA, str(certs.ca), SERIAL)
    srv.stop()


def test_upload_reuses_session_and_reports_progress(server: tuple[FtpsServer, TlsSettings], tmp_path: Path) -> None:
    srv, tls = server
    local = tmp_path / "big.gcode.3mf"
    local.write_bytes(bytes(range(256)) * 1200)
    seen: list[float] = []
    ftps.upload("127.0.0.1", srv.port, "bblp", "code1234", local, local.name, tls, Task(lambda f, _m: seen.append(f)))
    assert (srv.root / local.name).read_bytes() == local.read_bytes()
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0


def test_data_channel_without_session_reuse_is_refused(server: tuple[FtpsServer, TlsSettings]) -> None:
    """Why the client exists: stock ftplib opens a fresh TLS session for data, which X1 printers reject."""
    srv, tls = server

    class NoReuse(ftps.ImplicitFtps):
        def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
            conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
            return self.context.wrap_socket(conn, server_hostname=self.host), size

    ctx = make_ssl_context(tls)
    ctx.options |= ssl.OP_NO_TICKET  # no ticket → no resumption possible
    client = NoReuse(ctx)
    client.connect("127.0.0.1", srv.port)
    client.login("bblp", "code1234")
    client.prot_p()
    conn, _ = client.ntransfercmd("STOR x.3mf")
    conn.close()
    with pytest.raises(ftplib.error_perm, match="552 .*session reuse required"):
        client.voidresp()
    client.close()
    assert srv.uploads == []


def test_wrong_password_and_cancel(server: tuple[FtpsServer, TlsSettings], tmp_path: Path) -> None:
    srv, tls = server
    local = tmp_path / "job.gcode.3mf"
    local.write_bytes(b"x" * 300_000)
    with pytest.raises(UploadError, match="refused the login"):
        ftps.upload("127.0.0.1", srv.port, "bblp", "wrong", local, local.name, tls)
    task = Task(lambda f, _m: task.cancel() if f > 0.3 else None)
    with pytest.raises(CancelledError):
        ftps.upload("127.0.0.1", srv.port, "bblp", "code1234", local, local.name, tls, task)
    assert not (srv.root / local.name).exists()
