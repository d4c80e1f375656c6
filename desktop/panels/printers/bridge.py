"""A printer model's events, re-delivered on the GUI thread (pyvistaqt's render_signal idea).

paho-mqtt calls `PrinterModel` listeners on its network thread. `PrinterSignals` lives on the GUI thread:
the network thread only records the event and asks Qt to run `_drain` on the GUI thread through a queued
`QMetaObject.invokeMethod`; `_drain` then calls the GUI-side listeners (plain `core.events.Signal`s), so
every card slot runs on the GUI thread. State updates are coalesced: only the newest snapshot is
delivered, so 20 printers pushing at 4 Hz cannot pile up a backlog of stale repaints.

Why not a Python-emitted Qt Signal per event: PySide6 6.12.0's `SignalInstance.emit()` drops a reference
to `True` on every call (guarded by test_a_long_report_stream_does_not_eat_pythons_true), which crashes the
interpreter after a few thousand emits; a printer stream reaches that within minutes. invokeMethod does not.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, Slot

from core.events import Signal
from printers.base import ConnectionState
from printers.state import Notice, PrinterModel, PrinterState


class GuiHop(QObject):
    """The queued hop both classes below make: any thread records what happened under `_lock` and calls
    `_request()`; Qt then runs `_drain` once on this object's thread, which takes everything recorded so far
    (`_take`, under the lock) and delivers it (`_deliver`, outside the lock, so listeners may post again)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._scheduled = False

    def _request(self) -> None:
        with self._lock:
            if self._scheduled:
                return
            self._scheduled = True
        QMetaObject.invokeMethod(self, "_drain", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            self._scheduled = False
            taken = self._take()
        self._deliver(taken)

    def _take(self) -> Any:
        raise NotImplementedError

    def _deliver(self, taken: Any) -> None:
        raise NotImplementedError


class PrinterSignals(GuiHop):
    def __init__(self, model: PrinterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.state_changed: Signal[[PrinterState]] = Signal()
        self.connection_changed: Signal[[str, str]] = Signal()  # ConnectionState value, detail
        self.notice: Signal[[Notice]] = Signal()
        self._latest: PrinterState | None = None
        self._events: deque[tuple[str, str] | Notice] = deque()
        model.changed.connect(self._on_state)
        model.connection_changed.connect(self._on_connection)
        model.notice.connect(self._on_notice)
        self._attached = True

    def detach(self) -> None:
        """Stop listening before the widgets go; the driver (and its thread) may outlive them."""
        if self._attached:
            self.model.changed.disconnect(self._on_state)
            self.model.connection_changed.disconnect(self._on_connection)
            self.model.notice.disconnect(self._on_notice)
            self._attached = False

    # These run on the emitting (network) thread: they only record and schedule, never touch widgets.
    def _on_state(self, state: PrinterState) -> None:
        with self._lock:
            self._latest = state
        self._request()

    def _on_connection(self, state: ConnectionState, detail: str) -> None:
        with self._lock:
            self._events.append((str(state), detail))
        self._request()

    def _on_notice(self, notice: Notice) -> None:
        with self._lock:
            self._events.append(notice)
        self._request()

    def _take(self) -> tuple[list[tuple[str, str] | Notice], PrinterState | None]:
        events, self._events = list(self._events), deque()
        state, self._latest = self._latest, None
        return events, state

    def _deliver(self, taken: tuple[list[tuple[str, str] | Notice], PrinterState | None]) -> None:
        """GUI thread: connection changes and notices in arrival order, then the newest state."""
        events, state = taken
        for event in events:
            if isinstance(event, Notice):
                self.notice.emit(event)
            else:
                self.connection_changed.emit(*event)
        if state is not None:
            self.state_changed.emit(state)


class Relay(GuiHop):
    """Re-delivers a `core.events.Signal` (fleet, job queue) to `slot` on this object's GUI thread through the
    same GuiHop as PrinterSignals. `coalesce` keeps only the newest pending call: for "something
    changed" signals where one refresh covers a burst. Listening stops with detach() or when the owner goes."""

    def __init__(self, signal: Signal[...], slot: Callable[..., object], parent: QObject,
                 coalesce: bool = False) -> None:
        super().__init__(parent)
        self._signal, self._slot, self._coalesce = signal, slot, coalesce
        self._calls: deque[tuple[Any, ...]] = deque()
        signal.connect(self.post)
        parent.destroyed.connect(self.detach)

    def detach(self) -> None:
        self._signal.disconnect(self.post)

    def post(self, *args: Any) -> None:
        """Any thread: record the call and ask for a drain on the GUI thread."""
        with self._lock:
            if self._coalesce:
                self._calls.clear()
            self._calls.append(args)
        self._request()

    def _take(self) -> list[tuple[Any, ...]]:
        calls, self._calls = list(self._calls), deque()
        return calls

    def _deliver(self, taken: list[tuple[Any, ...]]) -> None:
        for args in taken:
            self._slot(*args)
