"""A real TCP proxy in front of the hub for one client: switch it offline (connections refused and cut)
or make it lose the hub's next answers after the hub has acted on the request — the two things a
designer's flaky Wi-Fi does."""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit


class FlakyProxy:
    def __init__(self, upstream_url: str) -> None:
        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.offline = False
        self.lose_answers = 0  # the next this many answers from the hub never reach the client
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def set_offline(self, offline: bool) -> None:
        self.offline = offline
        if offline:
            self._cut()

    def close(self) -> None:
        self._closed = True
        self.server.close()
        self._cut()

    def _cut(self) -> None:
        with self._lock:
            sockets, self._open = list(self._open), set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.offline:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open |= {client, upstream}
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, answers: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if answers and self._take_loss():
                    break  # the hub answered; the client never hears it
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            with self._lock:
                self._open -= {source, sink}

    def _take_loss(self) -> bool:
        with self._lock:
            if self.lose_answers > 0:
                self.lose_answers -= 1
                return True
            return False
