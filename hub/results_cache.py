"""A short-lived cache of search answers, shared by everyone (results carry nothing per user).

Most marketplace traffic is the same few searches typed over and over; answering them from memory
keeps the p95 low under load. Entries live `ttl` seconds, so counters (downloads, likes) are at most
that stale; publishing, unpublishing and liking clear the cache at once, so a new listing shows up
in the very next search. A search that was already running when the cache was cleared read the
database before that change: its answer is not kept (see `generation`), or it would hide the new
listing for a whole TTL.

`ResultCache` keeps the answers in process memory (the embedded hub, a one-process hub).
hub.results_cache_redis keeps them in Redis for a hosted hub, so every worker and machine shares one
cache and a clear on one of them is seen by all at once (a per-process cache would show the new
listing on one worker and hide it on the others for a TTL).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import NamedTuple, Protocol

from hub.metrics import SEARCH_CACHE


class Lookup(NamedTuple):
    body: bytes | None  # the answer kept under the key, if still fresh
    generation: int  # read with it: hand it to `put`, so a clear() in between drops the new answer


class ResultsCache(Protocol):
    def lookup(self, key: str) -> Lookup:
        """One read (one Redis round trip for a hosted hub); every lookup counts as a hit or a miss."""

    def put(self, key: str, body: bytes, generation: int) -> None: ...

    def clear(self) -> None: ...


def counted(body: bytes | None) -> bytes | None:
    SEARCH_CACHE.labels("hit" if body is not None else "miss").inc()
    return body


class ResultCache:
    def __init__(self, max_entries: int = 1024, ttl: float = 5.0) -> None:
        self.max_entries = max_entries
        self.ttl = ttl
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    def lookup(self, key: str) -> Lookup:
        with self._lock:
            found = Lookup(self._fresh(key), self._generation)
        counted(found.body)
        return found

    def _fresh(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, body: bytes, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # computed from the database as it was before the last clear()
            self._entries[key] = (time.monotonic() + self.ttl, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

