"""A small implicit-TLS FTPS server behaving like a Bambu printer's: login bblp/access code, PROT P,
passive mode, and a data channel that must resume the control channel's TLS session (X1 firmware rule).

It serves the SD card the way slicers and third-party clients use it: the folders a printer has (cache, model,
timelapse, image, logger), LIST in `ls -l` form (clients take the name from the last column), MLSD, NLST,
CWD/CDUP/PWD, MKD, SIZE, DELE, RETR, STOR and NOOP. Anything else gets "502 not implemented".
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
import socketserver
import ssl
import threading
import time
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)
FOLDERS = ("cache", "model", "timelapse", "image", "logger")
_NO_LOGIN = ("USER", "PASS", "PBSZ", "PROT", "FEAT", "SYST", "NOOP")


def _ls_line(path: Path) -> str:
    info = path.stat()
    when = dt.datetime.fromtimestamp(info.st_mtime).strftime("%b %d %H:%M")
    mode = "drwxrwxrwx" if path.is_dir() else "-rw-rw-rw-"
    return f"{mode} 1 root root {0 if path.is_dir() else info.st_size:>10} {when} {path.name}"


def _mlsd_line(path: Path) -> str:
    info = path.stat()
    when = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC).strftime("%Y%m%d%H%M%S")
    kind = "type=dir;" if path.is_dir() else f"type=file;size={info.st_size};"
    return f"{kind}modify={when}; {path.name}"


def _end_sending(data: socket.socket) -> None:
    """Close a data channel we sent on with a TLS close_notify, as the printer does: ftplib's retrlines/retrbinary
    end with unwrap() and fail ("shutdown while in init") on a channel that was just dropped."""
    if isinstance(data, ssl.SSLSocket):
        data.settimeout(5)
        try:
            data.unwrap()
        except (OSError, ssl.SSLError) as exc:  # a client that closes without answering: the data was sent
            log.debug("data channel closed without close_notify: %s", exc)
    data.close()


class _Session(socketserver.StreamRequestHandler):
    server: FtpsServer

    def setup(self) -> None:
        self.tls_failed = False
        try:
            self.request = self.server.context.wrap_socket(self.request, server_side=True)
        except (OSError, ssl.SSLError) as exc:  # a client that does not trust us leaves here: not our error
            log.info("FTPS client left during the TLS handshake: %s", exc)
            self.tls_failed = True
        super().setup()
        self.authed = False
        self.user = ""
        self.prot_p = False
        self.cwd = PurePosixPath("/")
        self.passive: socket.socket | None = None

    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self) -> None:
        if self.tls_failed:
            return
        self.reply("220 Virtual Bambu printer FTPS ready")
        while True:
            try:
                raw = self.rfile.readline(4096)
            except (OSError, ssl.SSLError):
                return
            if not raw:
                return
            verb, _, arg = raw.decode(errors="replace").strip().partition(" ")
            verb = verb.upper()
            if verb == "QUIT":
                self.reply("221 Bye")
                return
            handler = getattr(self, f"do_{verb}", None)
            if handler is None:
                self.reply("502 Command not implemented")
            elif not self.authed and verb not in _NO_LOGIN:
                self.reply("530 Please login with USER and PASS")
            else:
                handler(arg)

    def do_USER(self, arg: str) -> None:
        self.user = arg
        self.reply("331 Password required")

    def do_PASS(self, arg: str) -> None:
        if self.user == self.server.user and arg == self.server.password:
            self.authed = True
            self.reply("230 Logged in")
        else:
            self.reply("530 Login incorrect")

    def do_PBSZ(self, _arg: str) -> None:
        self.reply("200 PBSZ=0")

    def do_PROT(self, arg: str) -> None:
        self.prot_p = arg.upper() == "P"
        self.reply("200 Protection level set")

    def do_TYPE(self, _arg: str) -> None:
        self.reply("200 Type set")

    def do_NOOP(self, _arg: str) -> None:
        self.reply("200 NOOP ok")

    def do_SYST(self, _arg: str) -> None:
        self.reply("215 UNIX Type: L8")

    def do_FEAT(self, _arg: str) -> None:
        self.wfile.write(b"211-Features:\r\n MLSD\r\n SIZE\r\n PASV\r\n PBSZ\r\n PROT\r\n")
        self.reply("211 End")

    # -- folders -----------------------------------------------------------------------------

    def _target(self, arg: str) -> tuple[PurePosixPath, Path] | None:
        """(path as the client sees it, path on disk) for `arg`, relative to the current folder; None when it
        would leave the SD card."""
        parts: list[str] = []
        for part in (self.cwd / arg.strip()).parts[1:]:
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part != ".":
                parts.append(part)
        return PurePosixPath("/", *parts), self.server.root.joinpath(*parts)

    def do_PWD(self, _arg: str) -> None:
        self.reply(f'257 "{self.cwd}" is the current directory')

    def do_CWD(self, arg: str) -> None:
        target = self._target(arg)
        if target is None or not target[1].is_dir():
            self.reply("550 No such directory")
            return
        self.cwd = target[0]
        self.reply("250 Directory changed")

    def do_CDUP(self, _arg: str) -> None:
        self.do_CWD("..")

    def do_MKD(self, arg: str) -> None:
        target = self._target(arg)
        if target is None or not arg.strip():
            self.reply("550 Bad directory name")
        elif target[1].exists():
            self.reply("550 Already exists")
        elif not target[1].parent.is_dir():
            self.reply("550 No such directory")
        else:
            target[1].mkdir()
            self.reply(f'257 "{target[0]}" created')

    def _file(self, arg: str) -> Path | None:
        target = self._target(arg)
        if target is None or not target[1].is_file():
            self.reply("550 No such file")
            return None
        return target[1]

    def do_SIZE(self, arg: str) -> None:
        path = self._file(arg)
        if path is not None:
            self.reply(f"213 {path.stat().st_size}")

    def do_DELE(self, arg: str) -> None:
        path = self._file(arg)
        if path is not None:
            path.unlink()
            self.reply("250 Deleted")

    def _listing(self, arg: str) -> list[Path] | None:
        """The entries LIST/MLSD/NLST show for `arg` (options like -a are ignored, as most servers do)."""
        words = [w for w in arg.split() if not w.startswith("-")]
        target = self._target(words[0] if words else "")
        if target is None or not target[1].exists():
            self.reply("550 No such file or directory")
            return None
        path = target[1]
        return sorted(p for p in path.iterdir() if not p.name.endswith(".part")) if path.is_dir() else [path]

    def _send_listing(self, lines: list[str]) -> None:
        data = self._open_data()
        if data is not None:
            data.sendall("".join(f"{line}\r\n" for line in lines).encode())
            _end_sending(data)
            self.reply("226 Transfer complete")

    def do_LIST(self, arg: str) -> None:
        entries = self._listing(arg)
        if entries is not None:
            self._send_listing([_ls_line(p) for p in entries])

    def do_MLSD(self, arg: str) -> None:
        entries = self._listing(arg)
        if entries is not None:
            self._send_listing([_mlsd_line(p) for p in entries])

    def do_NLST(self, arg: str) -> None:
        entries = self._listing(arg)
        if entries is not None:
            self._send_listing([p.name for p in entries])

    # -- transfers ---------------------------------------------------------------------------

    def do_PASV(self, _arg: str) -> None:
        if self.passive is not None:
            self.passive.close()
        self.passive = socket.create_server(("127.0.0.1", 0))
        self.passive.settimeout(10)
        port = self.passive.getsockname()[1]
        self.reply(f"227 Entering Passive Mode (127,0,0,1,{port >> 8},{port & 0xFF})")

    def _open_data(self) -> socket.socket | None:
        if self.passive is None:
            self.reply("425 Use PASV first")
            return None
        self.reply("150 Opening data connection")
        try:
            conn, _ = self.passive.accept()
        except OSError:
            self.reply("425 Cannot open data connection")
            return None
        finally:
            self.passive.close()
            self.passive = None
        if not self.prot_p:
            return conn
        try:
            tls = self.server.context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError) as exc:
            self.reply(f"522 TLS on the data channel failed: {exc}")
            return None
        if self.server.require_session_reuse and not tls.session_reused:
            tls.close()
            self.reply("552 SSL connection failed: session reuse required")
            return None
        return tls

    def do_RETR(self, arg: str) -> None:
        path = self._file(arg)
        data = self._open_data() if path is not None else None
        if path is None or data is None:
            return
        with path.open("rb") as fh:
            while chunk := fh.read(65536):
                data.sendall(chunk)
        _end_sending(data)
        self.reply("226 Transfer complete")

    def do_STOR(self, arg: str) -> None:
        target = self._target(arg)
        if target is None or not arg.strip() or not target[1].parent.is_dir():
            self.reply("553 Bad file name")
            return
        path = target[1]
        data = self._open_data()
        if data is None:
            return
        partial = path.with_name(path.name + ".part")
        received = 0
        with partial.open("wb") as fh:
            while True:
                try:
                    chunk = data.recv(65536)
                except (OSError, ssl.SSLError) as exc:
                    data.close()
                    partial.unlink()
                    self.reply(f"426 Connection closed; transfer aborted ({exc})")
                    return
                if not chunk:
                    break
                fh.write(chunk)
                received += len(chunk)
                if self.server.bytes_per_second:
                    time.sleep(len(chunk) / self.server.bytes_per_second)
        data.close()
        partial.replace(path)
        self.server.uploads.append((str(target[0]).lstrip("/"), received))
        self.reply("226 Transfer complete")


class FtpsServer(socketserver.ThreadingTCPServer):
    """Threaded FTPS server on 127.0.0.1 (port 0 = pick one); `uploads` records (path, bytes) for checks."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, certfile: Path, keyfile: Path, user: str, password: str, port: int = 0,
                 host: str = "127.0.0.1", require_session_reuse: bool = True, bytes_per_second: int = 0) -> None:
        self.root = root
        self.user, self.password = user, password
        self.require_session_reuse = require_session_reuse
        self.bytes_per_second = bytes_per_second
        self.uploads: list[tuple[str, int]] = []
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certfile, keyfile)
        for folder in FOLDERS:
            (root / folder).mkdir(parents=True, exist_ok=True)
        super().__init__((host, port), _Session)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> FtpsServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="sim-ftps", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
