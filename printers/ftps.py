"""FTPS client for Bambu printers: implicit TLS on 990, data channel reusing the control TLS session.

ftplib only speaks explicit FTPS (AUTH TLS), wraps the data socket without the control session (X1 answers
"session reuse required") and unwraps after STOR (P1 firmware never answers the close_notify, so it hangs).
This subclass fixes the three, and streams in chunks so the caller gets progress and can cancel. The
certificate is checked as for MQTT (mqtt.make_ssl_context): Bambu's CAs, the serial as the name.
"""

from __future__ import annotations

import ftplib
import logging
import socket
import ssl
from pathlib import Path
from typing import Any

from core.errors import CancelledError
from core.tasks import NULL_TASK, Phrase, Task
from printers.errors import UploadError
from printers.mqtt import TlsSettings, describe_cert_error, make_ssl_context

log = logging.getLogger(__name__)
CHUNK = 32 * 1024


class ImplicitFtps(ftplib.FTP_TLS):
    """FTP_TLS whose control socket is TLS from the first byte and whose data sockets resume its session."""

    def __init__(self, context: ssl.SSLContext, timeout: float = 15.0) -> None:
        super().__init__(context=context, timeout=timeout)

    def connect(self, host: str = "", port: int = 0, timeout: float = -999, source_address: Any = None) -> str:
        self.host, self.port = host, port
        raw = socket.create_connection((host, port), self.timeout)
        self.af = raw.family
        self.sock = self.context.wrap_socket(raw, server_hostname=host)
        self.file = self.sock.makefile("r", encoding=self.encoding)
        self.welcome = self.getresp()
        return self.welcome

    def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        if self._prot_p:  # type: ignore[attr-defined]
            conn = self.context.wrap_socket(conn, server_hostname=self.host,
                                            session=self.sock.session)  # type: ignore[union-attr]
        return conn, size


def upload(host: str, port: int, user: str, password: str, local: Path, remote_name: str, tls: TlsSettings,
           task: Task = NULL_TASK) -> None:
    """Store `local` as `remote_name` in the printer's root, reporting progress; a cancel removes the partial file."""
    total = local.stat().st_size
    ftp = ImplicitFtps(make_ssl_context(tls))
    try:
        ftp.connect(host, port)
    except ssl.SSLCertVerificationError as exc:
        raise UploadError(f"Refused to send to {host}:{port}: {describe_cert_error(exc, tls.server_name or host)}."
                          ) from exc
    except (OSError, ssl.SSLError) as exc:
        raise UploadError(f"Cannot open the printer's file server at {host}:{port}: {exc}") from exc
    try:
        try:
            ftp.login(user, password)
            ftp.prot_p()
            ftp.voidcmd("TYPE I")
        except ftplib.error_perm as exc:
            raise UploadError(f"The printer's file server refused the login: {exc}") from exc
        _store(ftp, local, remote_name, total, task)
    except (OSError, ssl.SSLError, ftplib.Error) as exc:
        raise UploadError(f"Uploading {local.name} failed: {exc}") from exc
    finally:
        try:
            ftp.quit()
        except (OSError, ftplib.Error, EOFError):
            ftp.close()


def _store(ftp: ImplicitFtps, local: Path, remote_name: str, total: int, task: Task) -> None:
    sent = 0
    task.progress(0.0, Phrase("Uploading {0}", local.name))
    conn, _ = ftp.ntransfercmd(f"STOR {remote_name}")
    try:
        with local.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                conn.sendall(chunk)
                sent += len(chunk)
                fraction = sent / total if total else 1.0
                task.progress(fraction, Phrase("Uploading {0}: {1} KiB", local.name, sent // 1024))
    except CancelledError:
        conn.close()
        _remove_partial(ftp, remote_name)
        raise
    # No unwrap(): printers never answer close_notify. Half-close instead, so the server reads every byte up to
    # EOF, and close only after its 226: closing with its session tickets unread would send a TCP reset.
    conn.shutdown(socket.SHUT_WR)
    try:
        ftp.voidresp()
    finally:
        conn.close()


def _remove_partial(ftp: ImplicitFtps, remote_name: str) -> None:
    """After a cancel the server answers 226 (it saw EOF) or 426 (it saw a reset); either way drop the file."""
    try:
        ftp.getresp()
    except ftplib.Error as exc:
        log.debug("transfer aborted as expected: %s", exc)
    try:
        ftp.delete(remote_name)
    except ftplib.error_perm as exc:
        if not str(exc).startswith("550"):  # 550: the server already discarded it
            log.warning("could not remove the partial upload %s: %s", remote_name, exc)
    except (OSError, ftplib.Error) as exc:
        log.warning("could not remove the partial upload %s: %s", remote_name, exc)
