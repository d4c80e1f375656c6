"""Moonraker's own API, as every Klipper front end uses it: JSON-RPC 2.0 over `ws://host:7125/websocket`.

One thread keeps the connection: connect, `server.connection.identify` (with the API key when one is set),
`server.info` until Klippy is ready, `printer.objects.list` + `printer.objects.subscribe` (whose answer is the
full state), then `notify_status_update` deltas. Klippy restarting (`notify_klippy_disconnected` /
`notify_klippy_ready`) drops Klipper's subscriptions, so we subscribe again; a lost socket reconnects with the
same backoff and jitter as MQTT links. A second thread only reads the socket: responses resolve waiting calls,
status goes to the driver, lifecycle notifications are queued for the connection thread.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from concurrent.futures import Future
from typing import Any

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI
from websockets.sync.client import ClientConnection, connect

from printers.base import ConnectionState
from printers.drivers.moonraker.rpc import KLIPPY_WAITING, OBJECTS, RpcCalls, StateSink, StatusSink
from printers.errors import AuthFailedError, CommandRejectedError, PrinterError, PrinterOfflineError
from printers.mqtt import backoff_delay
from printers.wire.moonraker import Notification, RpcResponse, ServerInfo

log = logging.getLogger(__name__)
CLOSED = "closed"
KLIPPY_EVENTS = ("notify_klippy_ready", "notify_klippy_shutdown", "notify_klippy_disconnected")
KLIPPY_POLL_S = 2.0  # Moonraker's startup sequence: while Klippy starts, ask server.info again every 2 s
_AUTH_CODES = {401, 403}


class WebsocketRpc:
    def __init__(self, url: str, name: str, identity: dict[str, Any], on_status: StatusSink, on_state: StateSink,
                 *, backoff_initial: float = 0.5, backoff_max: float = 30.0, setup_timeout: float = 10.0) -> None:
        self.url = url
        self.name = name
        self.identity = identity
        self.on_status = on_status
        self.on_state = on_state
        self.backoff_initial, self.backoff_max = backoff_initial, backoff_max
        self.setup_timeout = setup_timeout
        self.state = ConnectionState.DISCONNECTED
        self._calls = RpcCalls(name)
        self._ws: ClientConnection | None = None
        self._events: queue.Queue[str] = queue.Queue()
        self._send_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- public ----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"moonraker-ws-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        ws = self._ws
        if ws is not None:
            ws.close()
        self._events.put(CLOSED)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        self._set_state(ConnectionState.DISCONNECTED, "")

    def wait_online(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.state not in (ConnectionState.ONLINE, ConnectionState.AUTH_FAILED):
            time.sleep(0.02)
        return self.state == ConnectionState.ONLINE

    def call(self, method: str, params: dict[str, Any] | None, timeout: float) -> Any:
        """Blocking call from any thread; refused at once (never queued) while the socket is down."""
        return self._calls.result(*self._send(method, params), method, timeout)

    def _send(self, method: str, params: dict[str, Any] | None) -> tuple[str, Future[RpcResponse]]:
        ws = self._ws
        if ws is None:
            raise PrinterOfflineError(f"{self.name} is not connected ({self.state}); nothing was sent.")
        request_id, future, body = self._calls.request(method, params)
        try:
            with self._send_lock:
                ws.send(json.dumps(body))
        except ConnectionClosed:
            self._calls.forget(request_id)
            raise PrinterOfflineError(f"{self.name}: the connection dropped while sending; nothing was sent.") from None
        return request_id, future

    # -- connection thread -----------------------------------------------------------------

    def _set_state(self, state: ConnectionState, detail: str) -> None:
        if state == self.state and state != ConnectionState.OFFLINE:
            return
        self.state = state
        self.on_state(state, detail)

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            self._set_state(ConnectionState.CONNECTING, self.url)
            try:
                ws = connect(self.url, proxy=None, open_timeout=5, max_size=None, compression=None)
            except InvalidStatus as exc:  # some Moonraker versions refuse an unauthorised upgrade itself
                if exc.response.status_code in _AUTH_CODES:
                    refused = self._refused(f"HTTP {exc.response.status_code}")
                    log.warning("%s", refused)
                    self._set_state(ConnectionState.AUTH_FAILED, str(refused))
                    return
                self._set_state(ConnectionState.OFFLINE, f"Moonraker at {self.url} refused the websocket: {exc}")
                self._stop.wait(backoff_delay(attempt, self.backoff_initial, self.backoff_max))
                attempt += 1
                continue
            except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
                self._set_state(ConnectionState.OFFLINE, f"cannot reach Moonraker at {self.url}: {exc}")
                self._stop.wait(backoff_delay(attempt, self.backoff_initial, self.backoff_max))
                attempt += 1
                continue
            self._events = queue.Queue()
            self._ws = ws
            if self._stop.is_set():  # stop() came while we were connecting: it saw no socket to close
                self._ws = None
                ws.close()
                break
            reader = threading.Thread(target=self._read, args=(ws, self._events), daemon=True,
                                      name=f"moonraker-ws-read-{self.name}")
            reader.start()
            try:
                if self._session():
                    attempt = 0
            except AuthFailedError as exc:
                log.warning("%s", exc)
                self._set_state(ConnectionState.AUTH_FAILED, str(exc))
                return
            except PrinterError as exc:  # a setup call timed out or the socket closed under it: reconnect
                log.info("%s: session ended: %s", self.name, exc)
            finally:
                self._ws = None
                ws.close()
                reader.join(10)
            if not self._stop.is_set():
                self._set_state(ConnectionState.OFFLINE, "connection to Moonraker lost; reconnecting")
                self._stop.wait(backoff_delay(attempt, self.backoff_initial, self.backoff_max))
                attempt += 1

    def _session(self) -> bool:
        """Identify, then follow Klippy's state until the socket closes; True once it had been online."""
        method = "server.connection.identify"
        answer = self._calls.response(*self._send(method, self.identity), method, self.setup_timeout)
        if answer.error is not None:
            if answer.error.code in _AUTH_CODES:
                raise self._refused(f"{answer.error.message}, code {answer.error.code}")
            raise CommandRejectedError(f"{self.name} refused {method}: {answer.error.message}.")
        was_online = False
        while not self._stop.is_set():
            info = ServerInfo.model_validate(self.call("server.info", None, self.setup_timeout) or {})
            if info.klippy_state == "ready":
                self._subscribe()
                self._set_state(ConnectionState.ONLINE, "")
                was_online = True
                event = self._events.get()
            else:
                self._set_state(*KLIPPY_WAITING.get(info.klippy_state or "", KLIPPY_WAITING["disconnected"]))
                try:
                    event = self._events.get(timeout=KLIPPY_POLL_S)
                except queue.Empty:
                    continue
            if event == CLOSED:
                break
            log.info("%s: %s; checking Klippy again", self.name, event)
        return was_online

    def _refused(self, why: str) -> AuthFailedError:
        return AuthFailedError(f"{self.name}: Moonraker refused the connection ({why}). Enter the API key from "
                               "Moonraker's settings (or add this computer to trusted_clients); not retrying.")

    def _subscribe(self) -> None:
        listed = self.call("printer.objects.list", None, self.setup_timeout) or {}
        loaded = set(listed.get("objects") or []) if isinstance(listed, dict) else set()
        wanted = [name for name in OBJECTS if name in loaded]
        if missing := sorted(set(OBJECTS) - loaded):
            log.info("%s: Klipper has no %s; those values stay empty", self.name, ", ".join(missing))
        result = self.call("printer.objects.subscribe", {"objects": dict.fromkeys(wanted)}, self.setup_timeout)
        if isinstance(result, dict) and isinstance(result.get("status"), dict):
            self.on_status(result["status"])

    # -- reader thread ---------------------------------------------------------------------

    def _read(self, ws: ClientConnection, events: queue.Queue[str]) -> None:
        try:
            for raw in ws:
                self._dispatch(raw, events)
        except ConnectionClosed as exc:
            log.info("%s: websocket closed: %s", self.name, exc)
        finally:
            events.put(CLOSED)

    def _dispatch(self, raw: str | bytes, events: queue.Queue[str]) -> None:
        try:
            message = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            log.warning("%s: unreadable websocket message ignored", self.name)
            return
        if not isinstance(message, dict):
            return
        if "id" in message and ("result" in message or "error" in message):
            self._calls.resolve(message)
            return
        note = Notification.model_validate(message)
        if note.method == "notify_status_update" and note.params and isinstance(note.params[0], dict):
            try:
                self.on_status(note.params[0])
            except Exception:  # a broken status must never stop the reader (the link would look alive but deaf)
                log.exception("%s: status update failed", self.name)
        elif note.method in KLIPPY_EVENTS:
            events.put(str(note.method))
