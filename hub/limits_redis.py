"""The sign-in limit and the per-user stream cap of a hosted hub, kept in Redis so that they hold across
every worker and machine: five wrong passwords are five whichever process heard them, and twenty open
live-update streams are twenty wherever they are held. Same methods as hub.limits' in-process ones.

A Redis that does not answer fails closed for sign-in (503: better no sign-in for a moment than an
unlimited password guesser) and for new streams (clients reconnect later), never for what is open.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid

import redis

from hub.errors import ApiError
from hub.limits import STREAM_RETRY_SECONDS, StreamGate, too_many_attempts, too_many_streams
from hub.redis_link import PREFIX, RedisLink, alive_key

log = logging.getLogger(__name__)


def unavailable() -> ApiError:
    return ApiError(503, "unavailable", "The hub cannot check its limits right now; try again in a few seconds.",
                    headers={"Retry-After": "5"})


class RedisLoginLimiter:
    """A sliding window of failed sign-ins per (address, username): a sorted set of failure times."""

    def __init__(self, link: RedisLink, allowed: int, window_seconds: float) -> None:
        self._client = link.client
        self.allowed = allowed
        self.window = window_seconds

    @staticmethod
    def _key(address: str, username: str) -> str:
        # hashed: usernames and addresses may hold ':' or anything else; keys stay short
        digest = hashlib.sha256(f"{address}\0{username.lower()}".encode()).hexdigest()[:32]
        return f"{PREFIX}login:{digest}"

    def check(self, address: str, username: str) -> None:
        key, now = self._key(address, username), time.time()
        try:
            pipe = self._client.pipeline()
            pipe.zremrangebyscore(key, "-inf", now - self.window)
            pipe.zrange(key, 0, 0, withscores=True)
            pipe.zcard(key)
            _, oldest, count = pipe.execute()
        except redis.RedisError:
            log.exception("sign-in limit: redis unavailable")
            raise unavailable() from None
        if count >= self.allowed:
            raise too_many_attempts(int(oldest[0][1] + self.window - now) + 1)

    def failed(self, address: str, username: str) -> None:
        key, now = self._key(address, username), time.time()
        try:
            pipe = self._client.pipeline()
            pipe.zadd(key, {uuid.uuid4().hex: now})
            pipe.expire(key, int(self.window) + 1)
            pipe.execute()
        except redis.RedisError:
            log.exception("sign-in limit: a failure could not be counted")
            raise unavailable() from None

    def succeeded(self, address: str, username: str) -> None:
        try:
            self._client.delete(self._key(address, username))
        except redis.RedisError:  # the window runs out on its own; the person is signed in
            log.warning("sign-in limit: could not clear the failures of a successful sign-in", exc_info=True)


# Per user, a hash origin -> streams open on that process. Counts of processes whose alive key is gone
# (crashed, killed) are dropped as they are found, so a dead worker does not lock its users out.
_ADMIT = """
local total = 0
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do
  if redis.call('EXISTS', ARGV[3] .. held[i]) == 1 then
    total = total + tonumber(held[i + 1])
  else
    redis.call('HDEL', KEYS[1], held[i])
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('EXPIRE', KEYS[1], 86400)
return 1
"""
_RELEASE = """
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
"""


class RedisStreamGate:
    """Streams per user counted in Redis across processes; the per-process total stays in memory
    (it protects this process's own sockets and memory)."""

    def __init__(self, link: RedisLink, per_user: int, total: int) -> None:
        self._link = link
        self.per_user = per_user
        self._local = StreamGate(per_user=total, total=total)
        self._admit = link.client.register_script(_ADMIT)
        self._release = link.client.register_script(_RELEASE)

    @staticmethod
    def _key(user_id: int) -> str:
        return f"{PREFIX}streams:{user_id}"

    def admit(self, user_id: int) -> None:
        self._local.admit(user_id)
        try:
            admitted = self._admit(keys=[self._key(user_id)],
                                   args=[self._link.origin, self.per_user, alive_key("")])
        except redis.RedisError:
            self._local.release(user_id)
            log.exception("stream cap: redis unavailable")
            raise ApiError(503, "unavailable", "The hub cannot open live connections right now; try again shortly.",
                           headers={"Retry-After": str(STREAM_RETRY_SECONDS)}) from None
        if not admitted:
            self._local.release(user_id)
            raise too_many_streams(self.per_user)

    def release(self, user_id: int) -> None:
        self._local.release(user_id)
        try:
            self._release(keys=[self._key(user_id)], args=[self._link.origin])
        except redis.RedisError:  # counted until this process's alive key lapses, at worst
            log.warning("stream cap: a closed stream could not be uncounted", exc_info=True)

    def open_streams(self) -> int:
        return self._local.open_streams()
