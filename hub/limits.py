"""Sign-in rate limiting: a sliding window of failures per (address, username).

Kept in memory on purpose: the reference hub is one process, and a restart forgetting the
window only gives an attacker a few more guesses against argon2.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from hub.errors import ApiError


class LoginLimiter:
    def __init__(self, allowed: int, window_seconds: float) -> None:
        self.allowed = allowed
        self.window = window_seconds
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, address: str, username: str) -> None:
        """Raise 429 with Retry-After while this address has used up its attempts for this name."""
        now = time.monotonic()
        with self._lock:
            failures = self._failures[(address, username.lower())]
            while failures and failures[0] < now - self.window:
                failures.popleft()
            if len(failures) >= self.allowed:
                retry = int(failures[0] + self.window - now) + 1
                raise ApiError(429, "too_many_attempts",
                               f"Too many failed sign-ins; try again in {retry} seconds.",
                               headers={"Retry-After": str(retry)})

    def failed(self, address: str, username: str) -> None:
        with self._lock:
            self._failures[(address, username.lower())].append(time.monotonic())

    def succeeded(self, address: str, username: str) -> None:
        with self._lock:
            self._failures.pop((address, username.lower()), None)
