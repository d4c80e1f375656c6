"""An MQTT broker inside the app (amqtt), so a virtual printer runs on machines with only the pip dependencies.

For a virtual Bambu printer it listens with TLS using the simulator's own CA (CN = serial) and accepts `bblp`
with the access code, like the printer's broker does. Runs its asyncio loop on a private thread.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amqtt.broker import Broker
from amqtt.plugins.base import BaseAuthPlugin

from printers.errors import PrinterError

log = logging.getLogger(__name__)


class PasswordAuth(BaseAuthPlugin):
    """Accept only the configured user/password pairs (constant-time compare); anonymous clients are refused."""

    @dataclass
    class Config:
        users: dict[str, str] = field(default_factory=dict)

    async def authenticate(self, *, session: Any) -> bool:
        users: dict[str, str] = self._get_config_option("users", {}) or {}
        expected = users.get(session.username or "")
        return expected is not None and hmac.compare_digest(expected, session.password or "")


class EmbeddedBroker:
    def __init__(self, port: int, users: dict[str, str], host: str = "127.0.0.1",
                 certfile: Path | None = None, keyfile: Path | None = None) -> None:
        listener: dict[str, Any] = {"type": "tcp", "bind": f"{host}:{port}"}
        if certfile is not None and keyfile is not None:
            listener.update(ssl=True, certfile=str(certfile), keyfile=str(keyfile))
        self.host, self.port = host, port
        self._config = {"listeners": {"default": listener},
                        "plugins": {f"{__name__}.PasswordAuth": {"users": dict(users)}}}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self, timeout: float = 10.0) -> EmbeddedBroker:
        self._thread = threading.Thread(target=self._run, name="embedded-broker", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout) or self._error is not None:
            raise PrinterError(f"The virtual printer's broker could not start on {self.host}:{self.port}: "
                               f"{self._error or 'timeout'}")
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            broker = Broker(self._config, loop=loop)
            loop.run_until_complete(broker.start())
        except BaseException as exc:  # reported to start(), which raises it as a user-facing error
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        loop.run_forever()
        loop.run_until_complete(broker.shutdown())
        loop.close()

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
