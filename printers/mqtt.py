"""One MQTT connection on its own thread: TLS, reconnect with exponential backoff and jitter, topic routing.

Why not paho's `loop_start`: its reconnect has no jitter (20 printers restarting together would stampede the
broker), it retries after bad credentials (a Bambu printer then locks the code out), and it re-sends in-flight
QoS 1 messages after a reconnect, which could run "stop" or a G-code line twice. We build a fresh paho client
per connection attempt instead, so nothing published on a dead link is ever replayed.
"""

from __future__ import annotations

import json
import logging
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode, MQTTProtocolVersion

from core.events import Signal
from printers.base import ConnectionState, TlsMode
from printers.errors import PrinterConfigError, PrinterOfflineError
from printers.resources import bambu_dir

log = logging.getLogger(__name__)

Handler = Callable[[str, bytes], None]
# How long the loop sleeps when nothing happens: incoming data and our own publishes wake it at once, so this
# only bounds the precision of our timers (the once-a-second watchdog tick). Idle wakeups are pure cost:
# 20 printers at 0.05 s took ~3 % of a core, at 0.25 s they kept the fleet above the 5 % budget (bench_printers).
LOOP_WAIT = 1.0
_AUTH_REFUSALS = {"Bad user name or password", "Not authorized"}
_HOSTNAME_MISMATCH = 62  # X509_V_ERR_HOSTNAME_MISMATCH


@dataclass
class TlsSettings:
    mode: TlsMode = TlsMode.VERIFY
    ca_file: str = ""
    server_name: str = ""  # Bambu certificates name the serial, not the IP we dial


@dataclass
class MqttSettings:
    host: str
    port: int
    client_id: str
    username: str | None = None
    password: str | None = None
    tls: TlsSettings | None = None
    keepalive: int = 30
    will: tuple[str, str, bool] | None = None
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    connect_timeout: float = 5.0
    extra: dict[str, Any] = field(default_factory=dict)


class _NamedContext(ssl.SSLContext):
    """An SSLContext that checks the certificate against a fixed name whatever host paho dialled."""

    server_name: str | None = None

    def wrap_socket(self, sock: Any, *args: Any, **kwargs: Any) -> ssl.SSLSocket:  # type: ignore[override]
        if self.server_name and kwargs.get("server_hostname") is not None:
            kwargs["server_hostname"] = self.server_name
        return super().wrap_socket(sock, *args, **kwargs)


def make_ssl_context(tls: TlsSettings) -> ssl.SSLContext:
    """VERIFY trusts Bambu Lab's CAs (resources/bambu), CUSTOM_CA the user's bundle; both check the name.

    The name checked is `server_name` (the serial) whatever address was dialled. A printer's certificate names
    its serial in the common name and an X1C's has no subjectAltName at all, so OpenSSL's fallback to the CN
    when there is no DNS subjectAltName must stay on (it is Python's default; set here so it cannot drift).
    """
    ctx = _NamedContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.server_name = tls.server_name or None
    if tls.mode == TlsMode.INSECURE:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    for cafile in [tls.ca_file] if tls.mode == TlsMode.CUSTOM_CA else bambu_ca_files():
        try:
            ctx.load_verify_locations(cafile=cafile)
        except (OSError, ssl.SSLError) as exc:
            raise PrinterConfigError(f"Cannot read the CA bundle {cafile}: {exc}") from exc
    ctx.hostname_checks_common_name = True
    # BBL CA lacks the key usage extension that VERIFY_X509_STRICT (default since Python 3.13) demands.
    ctx.verify_flags &= ~getattr(ssl, "VERIFY_X509_STRICT", 0)
    return ctx


def bambu_ca_files() -> list[str]:
    """Bambu's roots and the device CAs of newer models, which those printers do not send in the handshake."""
    files = sorted(str(p) for p in bambu_dir().glob("*.cert"))
    if not files:
        raise PrinterConfigError(f"Bambu Lab's CA certificates are missing from {bambu_dir()}; reinstall the app, "
                                 "or choose a CA bundle or 'don't verify' for this printer.")
    return files


def describe_cert_error(exc: ssl.SSLCertVerificationError, server_name: str) -> str:
    """Say which of the two checks failed: the name (a wrong serial, another device) or the signer."""
    if exc.verify_code == _HOSTNAME_MISMATCH:
        return (f"the certificate is not the one of printer {server_name} ({exc.verify_message}). Check the serial "
                "number (on the printer's label and in its device settings) and the IP address; another device may "
                "be answering")
    return (f"the certificate is not signed by a trusted CA ({exc.verify_message}). Bambu Lab printers are checked "
            "against Bambu Lab's own CAs: check that the address is the printer's; for a model whose CA the app "
            "does not ship yet, choose 'Another CA file' with its CA, or 'don't verify' explicitly")


def _no_write_hook(_client: paho.Client, _userdata: Any, _sock: Any) -> None:
    """See MqttLink._new_client: its presence alone moves writes to the loop thread."""


def backoff_delay(attempt: int, initial: float, cap: float) -> float:
    """Exponential backoff with 'equal jitter': half fixed, half random, so reconnects spread out."""
    delay = min(cap, initial * (2**attempt))
    return delay / 2 + random.uniform(0, delay / 2)


class MqttLink:
    """Keeps one MQTT session alive and routes incoming messages to handlers by topic filter.

    Handlers and timers run on the link's thread; keep them short. `state_changed` reports the
    `ConnectionState` with a human-readable detail.
    """

    def __init__(self, settings: MqttSettings, name: str = "mqtt") -> None:
        self.settings = settings
        self.name = name
        self.state_changed: Signal[[ConnectionState, str]] = Signal()
        self.connected: Signal[[]] = Signal()
        self.state = ConnectionState.DISCONNECTED
        self._routes: list[tuple[str, Handler]] = []
        self._timers: list[list[Any]] = []
        self._client: paho.Client | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._fatal: tuple[ConnectionState, str] | None = None
        self._unacked: set[int] = set()

    def route(self, topic_filter: str, handler: Handler) -> None:
        """Register before start(); filters are (re)subscribed on every connection."""
        self._routes.append((topic_filter, handler))

    def every(self, seconds: float, fn: Callable[[], None]) -> None:
        """Run `fn` on the link thread every `seconds` while connected (watchdogs, polling)."""
        self._timers.append([seconds, fn, time.monotonic() + seconds])

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._fatal = None
        self._thread = threading.Thread(target=self._run, name=f"mqtt-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._lock:
            client = self._client
        if client is not None:
            client.disconnect()  # queued to the loop thread, and wakes it at once (see _new_client)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_state(ConnectionState.DISCONNECTED, "")

    def drop(self) -> None:
        """Cut the TCP connection without an MQTT DISCONNECT, as a crash or Wi-Fi loss would (the broker then
        publishes the last will); the link reconnects by itself. Used by simulators to inject faults."""
        with self._lock:
            sock = self._client.socket() if self._client is not None else None
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError as exc:
                log.debug("%s: drop on a closed socket: %s", self.name, exc)

    def publish(self, topic: str, payload: bytes | str | dict[str, Any], qos: int = 1, retain: bool = False) -> None:
        """Publish now or raise PrinterOfflineError; never queued for later (see module docstring)."""
        data = json.dumps(payload) if isinstance(payload, dict) else payload
        with self._lock:
            client = self._client if self.state == ConnectionState.ONLINE else None
            if client is None:
                raise PrinterOfflineError(f"{self.name} is not connected ({self.state}); nothing was sent.")
            info = client.publish(topic, data, qos=qos, retain=retain)
        if info.rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
            raise PrinterOfflineError(f"{self.name}: the connection dropped while sending; nothing was sent.")

    def wait_online(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.state == ConnectionState.ONLINE:
                return True
            if self._fatal is not None:
                return False
            time.sleep(0.02)
        return self.state == ConnectionState.ONLINE

    # -- link thread -------------------------------------------------------------------------

    def _set_state(self, state: ConnectionState, detail: str) -> None:
        if state == self.state and state != ConnectionState.OFFLINE:
            return
        self.state = state
        self.state_changed.emit(state, detail)

    def _new_client(self) -> paho.Client:
        s = self.settings
        client = paho.Client(CallbackAPIVersion.VERSION2, client_id=s.client_id,
                             protocol=MQTTProtocolVersion.MQTTv311, clean_session=True)
        client.enable_logger(log)
        client.connect_timeout = s.connect_timeout
        if s.username is not None:
            client.username_pw_set(s.username, s.password)
        if s.tls is not None:
            client.tls_set_context(make_ssl_context(s.tls))
            if s.tls.mode == TlsMode.INSECURE:
                client.tls_insecure_set(True)
        if s.will is not None:
            client.will_set(s.will[0], s.will[1], qos=1, retain=s.will[2])
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        # With this callback set, paho never writes to the TLS socket from a publishing thread (SSL objects are
        # not thread-safe); it wakes our loop through its socket pair and the loop thread does the write.
        client.on_socket_register_write = _no_write_hook
        return client

    def _on_connect(self, client: paho.Client, _u: Any, _f: Any, reason: Any, _p: Any) -> None:
        if reason.is_failure:
            if str(reason) in _AUTH_REFUSALS:
                self._fatal = (ConnectionState.AUTH_FAILED, f"{self.name}: the broker refused the credentials "
                               f"({reason}, rc=5). Check the access code or password; not retrying.")
            else:
                self._fatal = (ConnectionState.REFUSED, f"{self.name}: connection refused ({reason}).")
            client.disconnect()
            return
        with self._lock:
            self._unacked = {mid for f, _ in self._routes if (mid := client.subscribe(f, qos=1)[1]) is not None}
        if not self._unacked:
            self._online(client)

    def _on_subscribe(self, client: paho.Client, _u: Any, mid: int, _codes: Any, _p: Any) -> None:
        """Online only once every subscription is acknowledged: from then on no message can slip past us."""
        with self._lock:
            self._unacked.discard(mid)
            done = not self._unacked
        if done:
            self._online(client)

    def _online(self, client: paho.Client) -> None:
        with self._lock:
            self._client = client
        self._set_state(ConnectionState.ONLINE, "")
        self.connected.emit()

    def _on_message(self, _c: paho.Client, _u: Any, msg: paho.MQTTMessage) -> None:
        for topic_filter, handler in self._routes:
            if paho.topic_matches_sub(topic_filter, msg.topic):
                try:
                    handler(msg.topic, bytes(msg.payload))
                except Exception:  # a broken payload must never kill the link thread
                    log.exception("%s: handler for %s failed", self.name, msg.topic)

    def _run_timers(self) -> None:
        now = time.monotonic()
        for timer in self._timers:
            if now >= timer[2]:
                timer[2] = now + timer[0]
                try:
                    timer[1]()
                except Exception:
                    log.exception("%s: timer failed", self.name)

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            self._set_state(ConnectionState.CONNECTING, f"{self.settings.host}:{self.settings.port}")
            client: paho.Client | None = None
            try:
                client = self._new_client()
                client.connect(self.settings.host, self.settings.port, keepalive=self.settings.keepalive)
            except PrinterConfigError as exc:  # an unreadable CA bundle: retrying cannot help
                self._fatal = (ConnectionState.REFUSED, f"{self.name}: {exc}")
            except ssl.SSLCertVerificationError as exc:
                server_name = self.settings.tls.server_name if self.settings.tls else ""
                self._fatal = (ConnectionState.REFUSED, f"{self.name}: refused to connect: "
                               f"{describe_cert_error(exc, server_name or self.settings.host)}.")
            except (OSError, ValueError) as exc:
                self._set_state(ConnectionState.OFFLINE, f"cannot reach {self.settings.host}: {exc}")
                self._stop.wait(backoff_delay(attempt, self.settings.backoff_initial, self.settings.backoff_max))
                attempt += 1
                continue
            if self._fatal is None and client is not None and self._pump(client):
                attempt = 0
            with self._lock:
                self._client = None
            if self._fatal is not None:
                log.warning("%s", self._fatal[1])
                self._set_state(*self._fatal)
                return
            if not self._stop.is_set():
                self._set_state(ConnectionState.OFFLINE, "connection lost; reconnecting")
                self._stop.wait(backoff_delay(attempt, self.settings.backoff_initial, self.settings.backoff_max))
                attempt += 1

    def _pump(self, client: paho.Client) -> bool:
        """Run the network loop until the connection ends; True when it had been established."""
        was_online = False
        while not self._stop.is_set() and self._fatal is None:
            rc = client.loop(timeout=LOOP_WAIT)
            if self.state == ConnectionState.ONLINE:
                was_online = True
                self._run_timers()
            if rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
                break
        if (self._stop.is_set() or self._fatal is not None) and client.is_connected():
            client.disconnect()  # paho writes DISCONNECT at once when called from the loop thread
        return was_online
