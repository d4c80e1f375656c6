"""A small implicit-TLS FTPS server behaving like a Bambu printer's: login bblp/access code, PROT P,
passive mode, and a data channel that must resume the control channel's TLS session (X1 firmware rule).

Only what printers and slicers use is implemented; anything else gets "502 not implemented".
"""

from __future__ import annotations

import logging
import socket
import socketserver
import ssl
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)


class _Session(socketserver.StreamRequestHandler):
    server: FtpsServer

    def setup(self) -> None:
        self.request = self.server.context.wrap_socket(self.request, server_side=True)
        super().setup()
        self.authed = False
        self.user = ""
        self.prot_p = False
        self.passive: socket.socket | None = None

    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self) -> None:
        self.reply("220 Virtual Bambu printer FTPS ready")
        while True:
            raw = self.rfile.readline(4096)
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
            elif not self.authed and verb not in ("USER", "PASS", "PBSZ", "PROT", "FEAT", "SYST"):
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

    def do_SYST(self, _arg: str) -> None:
        self.reply("215 UNIX Type: L8")

    def do_FEAT(self, _arg: str) -> None:
        self.reply("211 No features")

    def do_PWD(self, _arg: str) -> None:
        self.reply('257 "/" is the current directory')

    def do_PASV(self, _arg: str) -> None:
        if self.passive is not None:
            self.passive.close()
        self.passive = socket.create_server(("127.0.0.1", 0))
        self.passive.settimeout(10)
        port = self.passive.getsockname()[1]
        self.reply(f"227 Entering Passive Mode (127,0,0,1,{port >> 8},{port & 0xFF})")

    def _path(self, name: str) -> Path | None:
        clean = Path(name.strip().lstrip("/")).name
        return self.server.root / clean if clean else None

    def do_SIZE(self, arg: str) -> None:
        path = self._path(arg)
        if path is None or not path.is_file():
            self.reply("550 No such file")
        else:
            self.reply(f"213 {path.stat().st_size}")

    def do_DELE(self, arg: str) -> None:
        path = self._path(arg)
        if path is None or not path.is_file():
            self.reply("550 No such file")
        else:
            path.unlink()
            self.reply("250 Deleted")

    def do_NLST(self, _arg: str) -> None:
        names = "".join(f"{p.name}\r\n" for p in sorted(self.server.root.iterdir()) if p.is_file())
        data = self._open_data()
        if data is not None:
            data.sendall(names.encode())
            data.close()
            self.reply("226 Transfer complete")

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

    def do_STOR(self, arg: str) -> None:
        path = self._path(arg)
        if path is None:
            self.reply("553 Bad file name")
            return
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
        self.server.uploads.append((path.name, received))
        self.reply("226 Transfer complete")


class FtpsServer(socketserver.ThreadingTCPServer):
    """Threaded FTPS server on 127.0.0.1 (port 0 = pick one); `uploads` records (name, bytes) for checks."""

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
        root.mkdir(parents=True, exist_ok=True)
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
