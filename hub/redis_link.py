"""One hub process's connection to Redis, the shared memory of a hosted hub's workers and machines.

What every worker must agree on but nobody needs to keep (sign-in failures, open streams per user,
search answers, who is watching a project, "project X changed") lives in Redis; the database keeps
everything that matters. Each process has an `origin` (a random id) and keeps a short-lived key
`potstudio:alive:<origin>` fresh, so what a crashed process held (its open streams, its watchers)
stops counting within `ALIVE_SECONDS` instead of for ever.

Calls are short and made with small timeouts: a Redis that stops answering costs a request at most
`SOCKET_TIMEOUT` seconds, never a hung worker.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import redis

log = logging.getLogger(__name__)

PREFIX = "potstudio:"
SOCKET_TIMEOUT = 2.0
BEAT_SECONDS = 5.0
ALIVE_SECONDS = 20  # a process silent this long is taken for dead (4 missed beats)


def alive_key(origin: str) -> str:
    return f"{PREFIX}alive:{origin}"


class RedisLink:
    """The client (a thread-safe connection pool), this process's origin and its heartbeat thread,
    which also runs whatever else must happen every beat (`on_beat`)."""

    def __init__(self, url: str, beat_seconds: float = BEAT_SECONDS) -> None:
        self.url = url
        self.client: redis.Redis = redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT,
                                                        socket_connect_timeout=SOCKET_TIMEOUT,
                                                        health_check_interval=30)
        self.origin = uuid.uuid4().hex
        self.beat_seconds = beat_seconds
        self._beats: list[Callable[[], None]] = [self._stay_alive]
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def safe_url(self) -> str:
        """The URL without its password, for messages and logs."""
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"

    def on_beat(self, action: Callable[[], None]) -> None:
        self._beats.append(action)

    def start(self) -> None:
        if self._thread is None:
            self._stay_alive()
            self._thread = threading.Thread(target=self._run, name="redis-heartbeat", daemon=True)
            self._thread.start()

    def ping(self) -> bool:
        return bool(self.client.ping())

    def _stay_alive(self) -> None:
        self.client.set(alive_key(self.origin), "1", ex=ALIVE_SECONDS)

    def _run(self) -> None:
        while not self._stop.wait(self.beat_seconds):
            for action in self._beats:
                try:
                    action()
                except redis.RedisError:  # Redis away for a moment: the next beat tries again
                    log.warning("redis heartbeat failed (%s); retrying in %.0f s", action.__name__,
                                self.beat_seconds, exc_info=True)

    def close(self) -> None:
        """Stop beating and say this process is gone, so its streams and watchers stop counting now."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self.beat_seconds + SOCKET_TIMEOUT)
        try:
            self.client.delete(alive_key(self.origin))
        except redis.RedisError:
            log.warning("could not remove this process's alive key; it expires in %d s", ALIVE_SECONDS)
        self.client.close()
