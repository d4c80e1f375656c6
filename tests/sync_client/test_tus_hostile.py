"""A hostile or broken tus server cannot crash our uploader: an Upload-Offset of "²" (a digit to
str.isdigit, and a ValueError in int()) or any other that is not ASCII digits is a clear BadResponse.
The server is a real HTTP server on 127.0.0.1 speaking tus 1.0 with scripted answers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sync_client.errors import BadResponse
from sync_client.outbox import Outbox
from sync_client.transport import RetryPolicy, Transport
from sync_client.tus import Uploader


class TusServer:
    """Creates uploads and answers every PATCH and HEAD with the offset a test sets."""

    def __init__(self) -> None:
        self.offset = "0"
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self, status: int, headers: dict[str, str]) -> None:
                self.send_response(status)
                for key, value in {"Tus-Resumable": "1.0.0", "Content-Length": "0", **headers}.items():
                    self.send_header(key, value)  # http.server writes header values as latin-1
                self.end_headers()

            def do_POST(self) -> None:
                self._answer(201, {"Location": f"{server.url}/uploads/abc"})

            def do_PATCH(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self._answer(204, {"Upload-Offset": server.offset})

            def do_HEAD(self) -> None:
                self._answer(200, {"Upload-Offset": server.offset, "Upload-Length": "10"})

            def log_message(self, *_args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


@pytest.fixture
def tus() -> Iterator[TusServer]:
    server = TusServer()
    yield server
    server.http.shutdown()
    server.http.server_close()


@pytest.fixture
def uploader(tus: TusServer, tmp_path: Path) -> Iterator[Uploader]:
    transport = Transport(tus.url, retry=RetryPolicy(attempts=2, base=0.01, cap=0.02))
    yield Uploader(transport, Outbox(tmp_path / "outbox.db"), chunk_size=4)
    transport.close()


@pytest.mark.parametrize("offset", ["²", "¹0", "-4", "4.0", "", "9" * 40])
def test_an_offset_that_is_not_ascii_digits_is_a_bad_response(tus: TusServer, uploader: Uploader, tmp_path: Path,
                                                               offset: str) -> None:
    tus.offset = offset
    model = tmp_path / "vase.stl"
    model.write_bytes(b"0123456789")
    with pytest.raises(BadResponse, match="offset"):
        uploader.upload(model)
