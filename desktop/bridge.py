"""Foreign-thread callbacks back onto the GUI thread (pyvistaqt's `render_signal` idea).

Core signals (core.events.Signal) call their listeners on the emitting thread: a worker building a
mesh, the LLM streaming tokens, paho-mqtt's network loop. Widgets may only be touched from the GUI
thread, so listeners that can be called from elsewhere are wrapped with `Bridge.wrap`, which turns
the call into a queued Qt signal delivered by the GUI event loop. `call_blocking` is for the rare
worker that must wait for the GUI thread's answer (the assistant pushing its command on the one undo
stack, which every view listens to).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from core.commands import Command, CommandStack


class _Call:
    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def __call__(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # re-raised on the calling thread
            self.error = exc


class Bridge(QObject):
    """Posted calls wait in a Python queue and the queued signal carries no payload: calls still
    pending when the window closes are dropped by `close()`, instead of living on inside Qt's event
    queue (where PySide keeps their arguments, and through them the window, alive)."""

    _wake = Signal()
    _blocking = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: deque[Callable[[], Any]] = deque()
        self._lock = threading.Lock()
        self._closed = False
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._blocking.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run fn(*args) on the GUI thread, later, whatever thread calls this."""
        with self._lock:
            if self._closed:
                return
            self._pending.append(partial(fn, *args))
        self._wake.emit()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._pending.clear()

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                call = self._pending.popleft()
            call()

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., None]:
        return lambda *args: self.post(fn, *args)

    def call_blocking(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run fn(*args) on the GUI thread and return its result (or raise its error) here."""
        call = _Call(partial(fn, *args))
        if QThread.currentThread() is self.thread():
            call()
        else:
            self._blocking.emit(call)
        if call.error is not None:
            raise call.error
        return call.result

    def _run(self, call: Callable[[], Any]) -> None:
        call()


class GuiThreadStack:
    """The CommandStack as seen from a worker: mutations run on the GUI thread, reads pass through."""

    def __init__(self, stack: CommandStack, bridge: Bridge) -> None:
        self._stack = stack
        self._bridge = bridge

    def push(self, cmd: Command) -> None:
        self._bridge.call_blocking(self._stack.push, cmd)

    def undo(self) -> Command | None:
        return self._bridge.call_blocking(self._stack.undo)

    def redo(self) -> Command | None:
        return self._bridge.call_blocking(self._stack.redo)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stack, name)
