"""A printer model's events, re-emitted on the GUI thread (pyvistaqt's render_signal idea).

paho-mqtt calls `PrinterModel` listeners on its network thread. `PrinterSignals` lives on the GUI
thread and forwards each event as a Qt signal connected with QueuedConnection, so the card's slots
always run on the GUI thread. State updates are coalesced: only the newest snapshot is delivered, so
20 printers pushing at 4 Hz cannot pile up a backlog of stale repaints.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from printers.base import ConnectionState
from printers.state import Notice, PrinterModel, PrinterState


class PrinterSignals(QObject):
    state_changed = Signal(object)  # PrinterState
    connection_changed = Signal(str, str)  # ConnectionState value, detail
    notice = Signal(object)  # Notice
    _state_ready = Signal()
    _connection_ready = Signal(str, str)
    _notice_ready = Signal(object)

    def __init__(self, model: PrinterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._lock = threading.Lock()
        self._latest: PrinterState | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._state_ready.connect(self._deliver_state, queued)
        self._connection_ready.connect(self.connection_changed, queued)
        self._notice_ready.connect(self.notice, queued)
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

    # These three run on the emitting (network) thread: they only store and emit, never touch widgets.
    def _on_state(self, state: PrinterState) -> None:
        with self._lock:
            pending = self._latest is not None
            self._latest = state
        if not pending:
            self._state_ready.emit()

    def _on_connection(self, state: ConnectionState, detail: str) -> None:
        self._connection_ready.emit(str(state), detail)

    def _on_notice(self, notice: Notice) -> None:
        self._notice_ready.emit(notice)

    def _deliver_state(self) -> None:
        with self._lock:
            state, self._latest = self._latest, None
        if state is not None:
            self.state_changed.emit(state)
