"""The search result cache of a hosted hub, in Redis: one cache for every worker and machine (see
hub.results_cache for what is cached and why)."""

from __future__ import annotations

import hashlib
import logging

import redis

from hub.redis_link import PREFIX, RedisLink
from hub.results_cache import Lookup, counted

log = logging.getLogger(__name__)


# the current generation and the answer stored under it, in one round trip
_GET = """
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
"""


class RedisResultCache:
    """Answers under `results:<generation>:<digest of the key>`, each with the TTL; clear() moves the
    generation on, so older answers are never read again and expire on their own. Redis trouble is a
    miss (the search runs on the database), never an error for the person searching."""

    def __init__(self, link: RedisLink, ttl: float = 5.0) -> None:
        self._client = link.client
        self.ttl = ttl
        self._prefix = f"{PREFIX}results:"
        self._generation_key = f"{PREFIX}results:generation"
        self._get_script = link.client.register_script(_GET)

    @staticmethod
    def _digest(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()[:40]

    def lookup(self, key: str) -> Lookup:
        try:
            generation, body = self._get_script(keys=[self._generation_key], args=[self._prefix, self._digest(key)])
            found = Lookup(body or None, int(generation))
        except redis.RedisError:
            log.warning("search cache: redis unavailable", exc_info=True)
            found = Lookup(None, -1)  # put() with it stores nothing readable
        counted(found.body)
        return found

    def put(self, key: str, body: bytes, generation: int) -> None:
        if generation < 0:
            return
        try:
            self._client.set(f"{self._prefix}{generation}:{self._digest(key)}", body,
                             px=int(self.ttl * 1000))
        except redis.RedisError:
            log.warning("search cache: an answer could not be kept", exc_info=True)

    def clear(self) -> None:
        try:
            self._client.incr(self._generation_key)
        except redis.RedisError:  # answers then live out their TTL; listings appear that much later
            log.exception("search cache: could not be cleared")
