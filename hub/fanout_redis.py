"""The live-update fan-out of a hosted hub: Redis pub/sub between every worker on every machine.

An op written through worker A must wake the streams held by worker B at once, and a member removed
through A must lose the streams B holds for them. Each process keeps its own streams in a
`LocalFanout` (which still polls project heads, a safety net should a message be lost) and joins one
Redis channel with one connection:

- `publish` hands the topic to the local streams at once and queues it for the channel; a publisher
  thread sends it, so a request handler or the event loop never waits on Redis;
- a listener thread hears what the other processes published and posts it to the local streams;
- watchers are announced on the channel too (who watches the project from this process), so every
  process can list everyone watching, wherever they are. Announcements are repeated every beat and
  forgotten after a few missed beats, so a crashed worker's watchers disappear on their own.
- the part a watcher edits is claimed through any process (the request need not reach the one holding
  their stream): the claim travels with that process's announcement, every process holding a stream
  of that user keeps it, and each announces its watchers with what they edit, so the claim ends with
  the user's last stream wherever it was.

Only the fact "project P changed (topic T)" travels: the data is read from the database by each
stream, so a lost or late message delays an update (until the head poll or the next message), it
never loses or reorders one. After the listener reconnects to Redis, every local stream rereads.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import redis

from hub.fanout import HeadsReader, LocalFanout, Subscription, Topic
from hub.redis_link import PREFIX, RedisLink

log = logging.getLogger(__name__)

CHANNEL = f"{PREFIX}fanout"
FORGET_AFTER_BEATS = 3
RECONNECT_SECONDS = 1.0


class RedisFanout:
    """The `Fanout` of a hosted hub; see the module docstring."""

    def __init__(self, link: RedisLink, heads: HeadsReader | None = None, poll_seconds: float = 10.0) -> None:
        self._link = link
        self._local = LocalFanout(heads=heads, poll_seconds=poll_seconds)
        self._outbox: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        # project -> origin -> (usernames watching there, what they edit, when last announced)
        self._remote: dict[int, dict[str, tuple[list[str], dict[str, str], float]]] = {}
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._threads = [threading.Thread(target=self._send, name="fanout-redis-publish", daemon=True),
                         threading.Thread(target=self._listen, name="fanout-redis-listen", daemon=True)]
        link.on_beat(self._announce_all)
        for thread in self._threads:
            thread.start()

    def wait_connected(self, timeout: float) -> bool:
        """True once the listener has joined the channel (the hub is not ready before that)."""
        return self._connected.wait(timeout)

    def publish(self, project_id: int, topic: Topic) -> None:
        self._local.publish(project_id, topic)
        self._outbox.put({"o": self._link.origin, "p": project_id, "t": topic.value})

    @contextlib.asynccontextmanager
    async def subscribe(self, project_id: int, username: str) -> AsyncIterator[Subscription]:
        try:
            async with self._local.subscribe(project_id, username) as subscription:
                self._announce(project_id, hello=True)
                yield subscription
        finally:
            self._announce(project_id)  # who is left watching from here (maybe nobody)

    def present(self, project_id: int) -> list[str]:
        users = set(self._local.present(project_id))
        for watchers, _claims in self._announced(project_id):
            users.update(watchers)
        return sorted(users)

    def claim(self, project_id: int, username: str, part: str | None) -> bool:
        if username not in self.present(project_id):
            return False
        self._local.claim(project_id, username, part)
        self._announce(project_id, claim=(username, part))
        return True

    def editing(self, project_id: int) -> dict[str, str]:
        claims = self._local.editing(project_id)
        for _watchers, theirs in self._announced(project_id):
            claims.update(theirs)
        return claims

    def _announced(self, project_id: int) -> list[tuple[list[str], dict[str, str]]]:
        """What the other processes said they hold for the project, recently enough to be alive."""
        oldest = time.monotonic() - FORGET_AFTER_BEATS * self._link.beat_seconds
        with self._lock:
            return [(watchers, claims) for watchers, claims, heard in self._remote.get(project_id, {}).values()
                    if heard >= oldest]

    def drain(self) -> None:
        self._local.drain()

    def close(self) -> None:
        self._stop.set()
        self._outbox.put(None)
        for thread in self._threads:
            thread.join(5)

    def _announce(self, project_id: int, hello: bool = False, claim: tuple[str, str | None] | None = None) -> None:
        """Tell the other processes who watches `project_id` from here and what they edit; `hello` asks
        them to answer with theirs (a process that just started watching knows nobody yet); `claim`
        (user, part) is a claim made through this process, for the processes holding that user's streams."""
        message: dict[str, Any] = {"o": self._link.origin, "p": project_id, "t": Topic.PRESENCE.value,
                                   "u": self._local.present(project_id), "e": self._local.editing(project_id),
                                   "h": hello}
        if claim is not None:
            message["c"] = list(claim)
        self._outbox.put(message)

    def _announce_all(self) -> None:
        for project_id in self._local.watched():
            self._announce(project_id)

    def _send(self) -> None:
        while (message := self._outbox.get()) is not None:
            try:
                self._link.client.publish(CHANNEL, json.dumps(message, separators=(",", ":")))
            except redis.RedisError:  # the head poll and the next beat make up for it
                log.warning("live updates: could not publish %s for project %s", message["t"], message["p"],
                            exc_info=True)

    def _listen(self) -> None:
        while not self._stop.is_set():
            pubsub = self._link.client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.subscribe(CHANNEL)
                if self._connected.is_set():  # a reconnection: what was said meanwhile is lost, so reread
                    self._reread_all()
                self._connected.set()
                while not self._stop.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    if message is not None and message["type"] == "message":
                        self._heard(message["data"])
            except redis.RedisError:
                log.warning("live updates: redis connection lost; reconnecting", exc_info=True)
                self._stop.wait(RECONNECT_SECONDS)
            finally:
                with contextlib.suppress(redis.RedisError):
                    pubsub.close()

    def _reread_all(self) -> None:
        for project_id in self._local.watched():
            self._local.publish(project_id, Topic.OPS)
            self._local.publish(project_id, Topic.ACCESS)

    def _heard(self, data: bytes) -> None:
        try:
            message = json.loads(data)
            origin, project_id, topic = str(message["o"]), int(message["p"]), Topic(message["t"])
        except (ValueError, KeyError, TypeError):
            log.warning("live updates: ignored a malformed message on %s: %r", CHANNEL, data[:200])
            return
        if origin == self._link.origin:
            return  # published locally already
        if topic is Topic.PRESENCE:
            users = [str(u) for u in message.get("u", [])]
            claims = message.get("e")
            claims = {str(u): str(p) for u, p in claims.items()} if isinstance(claims, dict) else {}
            with self._lock:
                watchers = self._remote.setdefault(project_id, {})
                if users:
                    watchers[origin] = (users, claims, time.monotonic())
                else:
                    watchers.pop(origin, None)
                    if not watchers:
                        del self._remote[project_id]
            claim = message.get("c")
            claimed = isinstance(claim, list) and len(claim) == 2 and self._local.claim(
                project_id, str(claim[0]), None if claim[1] is None else str(claim[1]))
            if claimed or (message.get("h") and self._local.present(project_id)):
                self._announce(project_id)
        if topic is not Topic.DRAIN:  # each process drains its own streams only
            self._local.publish(project_id, topic)
