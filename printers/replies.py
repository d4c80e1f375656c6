"""Matching replies to requests by id across threads: the caller waits, the network thread resolves."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Generic, TypeVar

from printers.errors import CommandTimeoutError

T = TypeVar("T")


class PendingReplies(Generic[T]):
    def __init__(self) -> None:
        self._futures: dict[str, Future[T]] = {}
        self._lock = threading.Lock()

    def expect(self, key: str) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            self._futures[key] = future
        return future

    def resolve(self, key: str, value: T) -> bool:
        with self._lock:
            future = self._futures.pop(key, None)
        if future is None or future.done():
            return False
        future.set_result(value)
        return True

    def forget(self, key: str) -> None:
        with self._lock:
            self._futures.pop(key, None)

    def wait(self, key: str, future: Future[T], timeout: float, what: str) -> T:
        try:
            return future.result(timeout)
        except FutureTimeout:
            raise CommandTimeoutError(f"{what} was not confirmed within {timeout:.0f} s; check the printer.") from None
        finally:
            self.forget(key)
