"""A tiny synchronous signal, so models can announce changes without knowing who listens.

Views (Qt or CLI) connect callbacks; emitters never import them. Callbacks run on the emitting
thread: the desktop re-emits foreign-thread events through queued Qt signals (desktop/bridge.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")
log = logging.getLogger(__name__)


class Signal(Generic[P]):
    """A list of callbacks called in connection order.

    A failing callback is logged and the others still run: one broken view must not stop the
    model from notifying the rest.
    """

    def __init__(self) -> None:
        self._slots: list[Callable[P, object]] = []
        self._lock = threading.Lock()

    def connect(self, slot: Callable[P, object]) -> Callable[P, object]:
        with self._lock:
            if slot not in self._slots:
                self._slots.append(slot)
        return slot

    def disconnect(self, slot: Callable[P, object]) -> None:
        with self._lock:
            if slot in self._slots:
                self._slots.remove(slot)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        with self._lock:
            slots = list(self._slots)
        for slot in slots:
            try:
                slot(*args, **kwargs)
            except Exception:
                log.exception("listener %r failed", slot)

    def __len__(self) -> int:
        return len(self._slots)
