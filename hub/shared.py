"""The ephemeral state a hub's processes share: sign-in limits, stream caps, the search cache and the
live-update fan-out, each behind one interface with two implementations.

The embedded hub and a one-process hub keep them in memory (hub.limits, hub.results_cache,
hub.fanout). A hosted hub — several worker processes, maybe on several machines — keeps them in
Redis (`HubConfig.redis_url`), so the limits hold across all of them and an op written through one
reaches streams held by any other. redis-py is only imported for that case (the `hosted` extra).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import PotStudioError
from hub.config import HubConfig
from hub.fanout import Fanout, HeadsReader, LocalFanout
from hub.limits import LoginLimiter, LoginLimits, StreamCaps, StreamGate
from hub.results_cache import ResultCache, ResultsCache

if TYPE_CHECKING:
    from hub.redis_link import RedisLink

REDIS_READY_SECONDS = 10.0


@dataclass
class Shared:
    limiter: LoginLimits
    streams: StreamCaps
    results: ResultsCache
    fanout: Fanout
    redis: RedisLink | None = None

    def close(self) -> None:
        """Leave Redis (a hosted hub's process shutting down); nothing to do for in-memory state."""
        close_fanout = getattr(self.fanout, "close", None)
        if close_fanout is not None:
            close_fanout()
        if self.redis is not None:
            self.redis.close()


def shared_state(config: HubConfig, heads: HeadsReader) -> Shared:
    if not config.redis_url:
        return Shared(limiter=LoginLimiter(config.login_failures_allowed, config.login_window_seconds),
                      streams=StreamGate(config.max_streams_per_user, config.max_streams),
                      results=ResultCache(), fanout=LocalFanout(heads=heads))
    import redis

    from hub.fanout_redis import RedisFanout
    from hub.limits_redis import RedisLoginLimiter, RedisStreamGate
    from hub.redis_link import RedisLink
    from hub.results_cache_redis import RedisResultCache

    link = RedisLink(config.redis_url)
    try:
        link.start()
    except redis.RedisError as exc:
        raise PotStudioError(f"Redis at {link.safe_url} cannot be reached ({exc}); start it or fix --redis-url.") \
            from None
    fanout = RedisFanout(link, heads=heads)
    fanout.wait_connected(REDIS_READY_SECONDS)  # /readyz reports it if Redis is still away
    return Shared(limiter=RedisLoginLimiter(link, config.login_failures_allowed, config.login_window_seconds),
                  streams=RedisStreamGate(link, config.max_streams_per_user, config.max_streams),
                  results=RedisResultCache(link), fanout=fanout, redis=link)
