"""Fan-out of project changes to the live-update streams of one hub process.

A stream must cost nothing while its project is quiet: no database connection, no worker thread.
So streams do not poll; they wait on a `Subscription` (an asyncio event in the stream's own loop)
and go to the database only when told something happened. Writers (`publish`) run anywhere —
request handlers on the thread pool, session hooks — and never block: a publish is a
`call_soon_threadsafe` per subscriber.

What a subscriber hears is a set of `Topic`s, coalesced: ten ops in a burst wake a slow stream once
with {OPS}, and it re-reads the op log from its cursor. Memory per stream is therefore bounded, and
nothing is lost by coalescing because the database, not the message, carries the data.

`Fanout` is the interface; `LocalFanout` serves one process. It takes a `heads` reader and, while
anyone is subscribed, asks the database every `poll_seconds` for the head revision of the watched
projects — one query per process, not per stream — so ops written by a sibling worker (or the CLI)
still arrive. Presence (who is watching, and which part each watcher says they are editing) is per
process; a watcher's claim to a part ends with their last stream of the project. A hosted hub uses
hub.fanout_redis instead: Redis pub/sub carries every publish and the watchers to every process on
every machine at once.

On shutdown `drain()` tells every stream to end with a hint to reconnect (to another worker).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable, Collection
from enum import StrEnum
from typing import Protocol

import anyio.to_thread

log = logging.getLogger(__name__)


class Topic(StrEnum):
    OPS = "ops"  # the project has a new revision
    ACCESS = "access"  # members, roles or the project itself changed: streams recheck who may watch
    PRESENCE = "presence"  # someone started or stopped watching, or changed the part they edit
    COMMENTS = "comments"  # a comment was written, resolved or reopened
    DRAIN = "drain"  # this process is shutting down: end the stream, telling the client to reconnect


class Subscription:
    """One stream's mailbox: the topics published since it last looked, and a wake-up in its loop."""

    def __init__(self, project_id: int, username: str) -> None:
        self.project_id = project_id
        self.username = username
        self._loop = asyncio.get_running_loop()
        self._topics: set[Topic] = set()
        self._event = asyncio.Event()

    def post(self, topic: Topic) -> None:
        """Thread-safe: hand the topic to the subscriber's loop."""
        with contextlib.suppress(RuntimeError):  # the loop has shut down: nobody is listening any more
            self._loop.call_soon_threadsafe(self._deliver, topic)

    def _deliver(self, topic: Topic) -> None:
        self._topics.add(topic)
        self._event.set()

    async def next(self, timeout: float) -> set[Topic]:
        """The topics published since the last call, waiting up to `timeout` s; empty when none came."""
        if not self._topics:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):  # no extra task per wait, unlike wait_for: keep-alives are cheap
                    await self._event.wait()
        topics, self._topics = self._topics, set()
        self._event.clear()
        return topics


class Fanout(Protocol):
    def publish(self, project_id: int, topic: Topic) -> None:
        """Tell every stream of the project; safe from any thread, never blocks."""

    def subscribe(self, project_id: int, username: str) -> contextlib.AbstractAsyncContextManager[Subscription]:
        """Listen to a project as `username` (who then counts as present) until the block ends."""

    def present(self, project_id: int) -> list[str]:
        """Usernames watching the project, sorted."""

    def claim(self, project_id: int, username: str, part: str | None) -> bool:
        """Say that a watcher edits `part` of the project now (None: no part); safe from any thread.
        False, and nothing kept, when `username` is not watching the project: a claim lives only as
        long as its owner's streams, so one without a stream could never be cleared."""

    def editing(self, project_id: int) -> dict[str, str]:
        """Watcher -> the part they edit, for the watchers that said so."""

    def drain(self) -> None:
        """Post DRAIN to every stream of this process; safe from any thread (a signal handler too)."""


HeadsReader = Callable[[Collection[int]], dict[int, int]]
"""Blocking: project id -> head revision for the given projects (a short database read)."""


class LocalFanout:
    """The in-process `Fanout`; see the module docstring."""

    def __init__(self, heads: HeadsReader | None = None, poll_seconds: float = 2.0) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[int, set[Subscription]] = {}
        self._editing: dict[int, dict[str, str]] = {}  # project -> username -> part, for local watchers only
        self._heads = heads
        self._poll_seconds = poll_seconds
        self._known_heads: dict[int, int] = {}
        self._poller: asyncio.Task[None] | None = None
        self._draining = False

    def publish(self, project_id: int, topic: Topic) -> None:
        with self._lock:
            targets = list(self._subscribers.get(project_id, ()))
        for subscription in targets:
            subscription.post(topic)

    @contextlib.asynccontextmanager
    async def subscribe(self, project_id: int, username: str) -> AsyncIterator[Subscription]:
        subscription = Subscription(project_id, username)
        with self._lock:
            self._subscribers.setdefault(project_id, set()).add(subscription)
            if self._draining:  # a stream opened on a keep-alive connection while shutting down
                subscription.post(Topic.DRAIN)
        self.publish(project_id, Topic.PRESENCE)
        self._ensure_poller()
        try:
            yield subscription
        finally:
            with self._lock:
                watchers = self._subscribers.get(project_id, set())
                watchers.discard(subscription)
                if not any(s.username == username for s in watchers):  # their last stream: the claim ends
                    self._forget_claim(project_id, username)
                if not watchers:
                    self._subscribers.pop(project_id, None)
                    self._known_heads.pop(project_id, None)
            self.publish(project_id, Topic.PRESENCE)

    def present(self, project_id: int) -> list[str]:
        with self._lock:
            return sorted(Counter(s.username for s in self._subscribers.get(project_id, ())))

    def claim(self, project_id: int, username: str, part: str | None) -> bool:
        with self._lock:
            if not any(s.username == username for s in self._subscribers.get(project_id, ())):
                return False
            claims = self._editing.setdefault(project_id, {})
            if claims.get(username) == part:
                return True
            if part is None:
                self._forget_claim(project_id, username)
            else:
                claims[username] = part
        self.publish(project_id, Topic.PRESENCE)
        return True

    def editing(self, project_id: int) -> dict[str, str]:
        with self._lock:
            return dict(self._editing.get(project_id, {}))

    def _forget_claim(self, project_id: int, username: str) -> None:
        """Under the lock."""
        claims = self._editing.get(project_id, {})
        claims.pop(username, None)
        if not claims:
            self._editing.pop(project_id, None)

    def drain(self) -> None:
        with self._lock:
            self._draining = True
            targets = [s for watchers in self._subscribers.values() for s in watchers]
        for subscription in targets:
            subscription.post(Topic.DRAIN)

    def watched(self) -> list[int]:
        with self._lock:
            return list(self._subscribers)

    def _ensure_poller(self) -> None:
        loop = asyncio.get_running_loop()
        running = self._poller is not None and not self._poller.done() and self._poller.get_loop() is loop
        if self._heads is None or running:
            return
        self._poller = loop.create_task(self._poll(), name="fanout-head-poller")

    async def _poll(self) -> None:
        """Publish OPS for watched projects whose head moved without a publish in this process."""
        assert self._heads is not None
        while projects := self.watched():
            await asyncio.sleep(self._poll_seconds)
            try:
                heads = await anyio.to_thread.run_sync(self._heads, projects)
            except Exception:  # a database hiccup must not end live updates; the next round retries
                log.exception("reading project heads for live updates failed")
                continue
            for project_id, rev in heads.items():
                with self._lock:
                    before = self._known_heads.get(project_id)
                    if project_id in self._subscribers:
                        self._known_heads[project_id] = rev
                if before is not None and rev != before:
                    self.publish(project_id, Topic.OPS)
