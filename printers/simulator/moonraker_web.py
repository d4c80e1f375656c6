"""The virtual Moonraker's HTTP side on one port, as the real one serves port 7125: the primary websocket
(`/websocket`, JSON-RPC 2.0 in text frames, notifications pushed to the client) and `POST /server/files/upload`.

Runs under uvicorn on its own thread. The machine it fronts (simulator/moonraker.py) is synchronous; each websocket
client gets an asyncio queue that the machine's tick thread feeds through the loop, so responses and notifications
leave in the order they were made.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from printers.errors import PrinterError

log = logging.getLogger(__name__)


@dataclass(eq=False)
class WsClient:
    """One websocket connection: its outgoing queue, its subscription and what it was last sent."""

    loop: asyncio.AbstractEventLoop
    outbox: asyncio.Queue[str]
    authorized: bool
    objects: dict[str, Any] = field(default_factory=dict)
    sent: dict[str, Any] = field(default_factory=dict)
    identified: bool = False

    def push(self, message: dict[str, Any]) -> None:
        """Thread-safe: queue a message for this client (dropped if its loop is gone)."""
        try:
            self.loop.call_soon_threadsafe(self.outbox.put_nowait, json.dumps(message))
        except RuntimeError:
            log.debug("moonraker-sim: client loop closed, message dropped")


class Machine(Protocol):
    api_key: str
    gcodes: Path

    def handle(self, request: Any, client: WsClient | None) -> dict[str, Any] | None: ...

    def connected(self, client: WsClient) -> None: ...

    def disconnected(self, client: WsClient) -> None: ...


def _error(code: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=code)


def build_app(machine: Machine) -> Starlette:
    def authorized(headers: Any) -> bool:
        return not machine.api_key or headers.get("x-api-key") == machine.api_key

    async def websocket(ws: WebSocket) -> None:
        await ws.accept()
        client = WsClient(asyncio.get_running_loop(), asyncio.Queue(), authorized(ws.headers))
        machine.connected(client)

        async def send_all() -> None:
            while True:
                await ws.send_text(await client.outbox.get())

        sender = asyncio.create_task(send_all())
        try:
            while True:
                text = await ws.receive_text()
                try:
                    request = json.loads(text)
                except ValueError:
                    client.push({"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": None})
                    continue
                response = machine.handle(request, client)
                if response is not None:
                    client.push(response)
        except WebSocketDisconnect:
            pass
        finally:
            machine.disconnected(client)
            sender.cancel()

    async def upload(request: Request) -> JSONResponse:
        if not authorized(request.headers):
            return _error(401, "Unauthorized")
        if "content-length" not in request.headers:
            return _error(411, "Length Required")
        form = await request.form()
        item = form.get("file")
        if not isinstance(item, UploadFile) or not item.filename:
            return _error(400, "No file in request")
        data = await item.read()
        checksum = form.get("checksum")
        if isinstance(checksum, str) and hashlib.sha256(data).hexdigest() != checksum:
            return _error(422, "File checksum mismatch")
        name = Path(item.filename).name
        (machine.gcodes / name).write_bytes(data)
        root = form.get("root")
        return JSONResponse({"item": {"path": name, "root": root if isinstance(root, str) else "gcodes",
                                      "modified": time.time(), "size": len(data), "permissions": "rw"},
                             "print_started": False, "print_queued": False, "action": "create_file"},
                            status_code=201)

    return Starlette(routes=[WebSocketRoute("/websocket", websocket),
                             Route("/server/files/upload", upload, methods=["POST"])])


class WebServer:
    """uvicorn on a background thread, bound before it starts so the port is known (and reusable on restart)."""

    def __init__(self, machine: Machine, port: int) -> None:
        self.machine = machine
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(build_app(self.machine), log_level="warning", ws="websockets-sansio",
                                lifespan="off", timeout_graceful_shutdown=1)
        self._server = server = uvicorn.Server(config)
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                                        name="sim-moonraker-http")
        self._thread.start()
        _wait(lambda: server.started, timeout, self._thread, f"the virtual Moonraker on port {self.port}")

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self._server = self._thread = None


def _wait(ready: Callable[[], bool], timeout: float, thread: threading.Thread, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline or not thread.is_alive():
            raise PrinterError(f"{what} could not start.")
        time.sleep(0.02)
