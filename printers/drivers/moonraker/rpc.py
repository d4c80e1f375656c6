"""What both ways of reaching Moonraker share: JSON-RPC request ids, waiting for the matching response, and the
transport contract the driver talks to.

Ids are strings made of a random per-session prefix and a counter. Over MQTT every client of an instance reads
the same `api/response` topic, so a plain counter restarting at 1 would take another client's (or our previous
run's) answer for ours; Moonraker's docs ask for ids "that have no chance of colliding". JSON-RPC 2.0 allows
string ids and Moonraker echoes them unchanged.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from printers.base import ConnectionState
from printers.errors import CommandRejectedError
from printers.replies import PendingReplies
from printers.wire.moonraker import RpcResponse

StatusSink = Callable[[dict[str, Any]], None]
StateSink = Callable[[ConnectionState, str], None]
# What the user is told while Moonraker is up but Klipper is not ready (server.info's klippy_state, webhooks.state).
KLIPPY_WAITING = {
    "startup": (ConnectionState.CONNECTING, "Klipper is starting"),
    "disconnected": (ConnectionState.OFFLINE, "Moonraker is up but Klipper is not running or not connected"),
    "shutdown": (ConnectionState.OFFLINE, "Klipper is shut down (emergency stop or MCU error); restart it"),
    "error": (ConnectionState.OFFLINE, "Klipper reported an error at startup; check klippy.log"),
}
# The Klipper objects the app shows; the same set is subscribed over the websocket and queried over MQTT.
OBJECTS = ("webhooks", "print_stats", "extruder", "heater_bed", "virtual_sdcard", "display_status", "fan",
           "gcode_move")


class RpcCalls:
    """Requests in flight on one transport: `request()` builds the envelope, `resolve()` is fed every response,
    `result()` waits for one and turns a JSON-RPC error into CommandRejectedError."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._pending: PendingReplies[RpcResponse] = PendingReplies()
        self._prefix = secrets.token_hex(6)
        self._counter = itertools.count(1)

    def request(self, method: str, params: dict[str, Any] | None = None) -> tuple[str, Future[RpcResponse],
                                                                                  dict[str, Any]]:
        request_id = f"potstudio-{self._prefix}-{next(self._counter)}"
        body: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "id": request_id}
        if params:
            body["params"] = params
        return request_id, self._pending.expect(request_id), body

    def forget(self, request_id: str) -> None:
        self._pending.forget(request_id)

    def resolve(self, message: dict[str, Any]) -> bool:
        """True when the message answered one of our requests (others' answers share the MQTT topic)."""
        response = RpcResponse.model_validate(message)
        return response.id is not None and self._pending.resolve(response.id, response)

    def response(self, request_id: str, future: Future[RpcResponse], method: str, timeout: float) -> RpcResponse:
        return self._pending.wait(request_id, future, timeout, f"{self.name}: {method}")

    def result(self, request_id: str, future: Future[RpcResponse], method: str, timeout: float) -> Any:
        response = self.response(request_id, future, method, timeout)
        if response.error is not None:
            raise CommandRejectedError(f"{self.name} refused {method}: {response.error.message} "
                                       f"(code {response.error.code}).")
        return response.result


class MoonrakerTransport(Protocol):
    """A live connection to one Moonraker: it reports status changes and connection states through the sinks
    it was built with, and carries blocking JSON-RPC calls."""

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def wait_online(self, timeout: float) -> bool: ...

    def call(self, method: str, params: dict[str, Any] | None, timeout: float) -> Any: ...
