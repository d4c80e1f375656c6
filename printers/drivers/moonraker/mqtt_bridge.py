"""Moonraker's MQTT bridge, for installs whose moonraker.conf has an `[mqtt]` section.

JSON-RPC goes to `{inst}/moonraker/api/request` and comes back on `{inst}/moonraker/api/response`, a topic every
client of that instance reads (see rpc.py for the ids). Status arrives on `{inst}/klipper/status`, or one field per
topic `{inst}/klipper/state/{object}/{field}` with `publish_split_status` — but only for the objects listed in
`status_objects`, which is empty by default, and `printer.objects.subscribe` does not exist over MQTT. So when no
status has arrived for a poll interval we ask `printer.objects.query` ourselves (Moonraker's docs suggest polling
every 1-2 s). Requests go at QoS 1 with an `mqtt_timestamp` (µs since the epoch), which Moonraker uses to drop a
duplicate QoS 1 delivery, as its docs recommend. The retained `{inst}/moonraker/status` tells whether Moonraker
itself is up (its last will says offline).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from concurrent.futures import Future
from typing import Any

from printers.base import ConnectionState
from printers.drivers.moonraker.rpc import KLIPPY_WAITING, OBJECTS, RpcCalls, StateSink, StatusSink
from printers.errors import PrinterError
from printers.mqtt import MqttLink, MqttSettings
from printers.wire.moonraker import RpcResponse, SplitValue, StatusMessage, Webhooks

log = logging.getLogger(__name__)


def _json(payload: bytes) -> Any:
    try:
        return json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None


class MqttRpc:
    def __init__(self, settings: MqttSettings, instance: str, name: str, on_status: StatusSink, on_state: StateSink,
                 *, poll_interval: float = 2.0) -> None:
        self.name = name
        self.on_status = on_status
        self.on_state = on_state
        self.poll_interval = poll_interval
        self._calls = RpcCalls(name)
        self._last_status = 0.0
        self._poll_lock = threading.RLock()  # cancelling a stale query runs _polled on this thread
        self._inflight: tuple[str, Future[RpcResponse], float] | None = None
        self._klippy_state: str | None = None
        self.request_topic = f"{instance}/moonraker/api/request"
        self._state_prefix = f"{instance}/klipper/state/"
        if not settings.client_id:
            settings.client_id = f"potstudio-{uuid.uuid4().hex[:12]}"
        self._link = MqttLink(settings, name=name)
        self._link.route(f"{instance}/moonraker/api/response", self._on_response)
        self._link.route(f"{instance}/klipper/status", self._on_status)
        self._link.route(f"{self._state_prefix}#", self._on_split)
        self._link.route(f"{instance}/moonraker/status", self._on_server)
        self._link.state_changed.connect(self._on_link_state)
        self._link.connected.connect(self._poll)
        self._link.every(poll_interval, self._poll_if_quiet)

    def start(self) -> None:
        self._link.start()

    def stop(self) -> None:
        self._link.stop()

    def wait_online(self, timeout: float) -> bool:
        return self._link.wait_online(timeout)

    def call(self, method: str, params: dict[str, Any] | None, timeout: float) -> Any:
        request_id, future = self._send(method, params)
        return self._calls.result(request_id, future, method, timeout)

    def _send(self, method: str, params: dict[str, Any] | None) -> tuple[str, Future[RpcResponse]]:
        stamped = {**(params or {}), "mqtt_timestamp": time.time_ns() // 1000}
        request_id, future, body = self._calls.request(method, stamped)
        try:
            self._link.publish(self.request_topic, body, qos=1)
        except Exception:
            self._calls.forget(request_id)
            raise
        return request_id, future

    # -- polling ---------------------------------------------------------------------------

    def _poll_if_quiet(self) -> None:
        if time.monotonic() - self._last_status >= self.poll_interval:
            self._poll()

    def _poll(self) -> None:
        """Ask for the full state without blocking the link thread: the answer is applied when it comes. One
        query at a time, so a slow Moonraker is not flooded; one left unanswered (Moonraker restarting) is
        given up after a few intervals so polling never stops for good."""
        with self._poll_lock:
            if self._inflight is not None:
                request_id, future, sent = self._inflight
                if time.monotonic() - sent < self.poll_interval * 5:
                    return
                self._calls.forget(request_id)
                future.cancel()
            try:
                request_id, future = self._send("printer.objects.query", {"objects": dict.fromkeys(OBJECTS)})
            except PrinterError as exc:
                log.info("%s: status query not sent: %s", self.name, exc)
                self._inflight = None
                return
            self._inflight = (request_id, future, time.monotonic())
        future.add_done_callback(self._polled)

    def _polled(self, future: Future[RpcResponse]) -> None:
        with self._poll_lock:
            if self._inflight is not None and self._inflight[1] is future:
                self._inflight = None
        if future.cancelled():
            return
        response = future.result()
        if response.error is not None:
            log.info("%s: status query refused: %s", self.name, response.error.message)
        elif isinstance(response.result, dict):
            self._apply(StatusMessage.model_validate(response.result).status)

    def _apply(self, status: dict[str, Any]) -> None:
        """Moonraker answers while Klipper is down, and MQTT has no klippy notifications: `webhooks.state` (in
        every query, and in pushes when listed in status_objects) says whether Klipper is ready."""
        webhooks = status.get("webhooks")
        if isinstance(webhooks, dict):
            self._klippy(Webhooks.model_validate(webhooks).state)
        self.on_status(status)

    def _klippy(self, state: str | None) -> None:
        if state is None or state == self._klippy_state:
            return
        self._klippy_state = state
        if state == "ready":
            self.on_state(ConnectionState.ONLINE, "")
        else:
            self.on_state(*KLIPPY_WAITING.get(state, KLIPPY_WAITING["disconnected"]))

    # -- incoming --------------------------------------------------------------------------

    def _on_link_state(self, state: ConnectionState, detail: str) -> None:
        if state != ConnectionState.ONLINE:  # online only once Moonraker's own retained status says so
            self.on_state(state, detail)

    def _on_server(self, _topic: str, payload: bytes) -> None:
        message = _json(payload)
        server = message.get("server") if isinstance(message, dict) else None
        if server == "online":
            self._klippy_state = None  # a restarted Moonraker: the next answer says how Klipper is
            self.on_state(ConnectionState.ONLINE, "")
            self._poll()  # Moonraker (re)started: its state may have changed while it was away
        elif server == "offline":
            self.on_state(ConnectionState.OFFLINE, "Moonraker is offline (the broker holds its last will)")

    def _on_response(self, _topic: str, payload: bytes) -> None:
        message = _json(payload)
        if not isinstance(message, dict):
            log.warning("%s: unreadable RPC response ignored", self.name)
            return
        self._calls.resolve(message)

    def _on_status(self, _topic: str, payload: bytes) -> None:
        message = _json(payload)
        if not isinstance(message, dict):
            log.warning("%s: unreadable status ignored", self.name)
            return
        self._last_status = time.monotonic()
        self._apply(StatusMessage.model_validate(message).status)

    def _on_split(self, topic: str, payload: bytes) -> None:
        obj, _, field = topic.removeprefix(self._state_prefix).rpartition("/")
        message = _json(payload)
        if not obj or not field or not isinstance(message, dict):
            log.warning("%s: unreadable split status on %s ignored", self.name, topic)
            return
        self._last_status = time.monotonic()
        self._apply({obj: {field: SplitValue.model_validate(message).value}})
