"""The Printers dock in the main window: its services built off the GUI thread after the first frame.

Importing the printer stack (paho-mqtt, SQLAlchemy for the job queue, the broker of virtual printers)
and reading the printer book would delay the first frame, and connecting printers (restarting virtual
ones, TLS handshakes) can take seconds; so the window gets a light placeholder dock at once. After
the first frame a worker reads the printer book: with printers in it (or a damaged one, to report),
a worker builds the services, the real dock replaces the placeholder on the GUI thread, and
`Fleet.start()` runs on a worker. With none, all that (~50 MB) waits until the user brings the dock
to the front or sends a model to a printer.
Quitting stops them in the order their owners ask: dock, fleet (with its virtual printers), discovery.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from core.document.document import Document
from core.geometry.build import Evaluator
from core.tasks import Task
from desktop.i18n import say_error
from desktop.workers import Workers

if TYPE_CHECKING:
    from desktop.panels.printers.dock import PrintersDock
    from printers.discovery import DiscoveryListener
    from printers.fleet import Fleet
    from printers.queue import JobQueue

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


@dataclass
class _Parts:
    fleet: Fleet
    queue: JobQueue | None


def _configured(_task: Task) -> bool:
    """Worker: whether the user has printers to connect (the book module is light; the stack is not)."""
    from printers.book import PrinterBook
    from printers.errors import PrinterConfigError

    try:
        book = PrinterBook()
    except PrinterConfigError:
        return True  # a damaged book: starting reports it, as it always did
    return bool(book.list() or book.broken)


def _build(_task: Task) -> _Parts:
    """Worker: import the printer stack and open the book and queue (a damaged book raises here)."""
    import desktop.panels.printers.dock  # noqa: F401 - warm the import here, not on the GUI thread
    from printers.book import PrinterBook
    from printers.fleet import Fleet
    from printers.queue import JobQueue
    from printers.virtual import VirtualPrinters

    fleet = Fleet(PrinterBook(), VirtualPrinters())
    try:
        queue: JobQueue | None = JobQueue()
    except Exception as exc:  # the dock still works without a queue; say why the tabs are missing
        log.warning("print queue unavailable: %s", exc)
        queue = None
    return _Parts(fleet, queue)


class PrintersHost(QObject):
    """Owns the Printers dock slot of the window and the printer services behind it."""

    ready = Signal()  # the real dock is in place (tests and the window wait on it)

    def __init__(self, window: QWidget, workers: Workers, doc: Document, evaluator: Evaluator,
                 on_error: Callable[[str, BaseException], None]) -> None:
        super().__init__(window)
        self.window = window
        self.workers = workers
        self.doc = doc
        self.evaluator = evaluator
        self.on_error = on_error
        self.fleet: Fleet | None = None
        self.discovery: DiscoveryListener | None = None
        self.dock: PrintersDock | None = None
        self.placeholder = QLabel(tr("Connecting your printers…"), alignment=Qt.AlignmentFlag.AlignCenter,
                                  wordWrap=True, objectName="printersPlaceholder")
        self.slot = QDockWidget(window)
        self.slot.setObjectName("dock_printers")
        self.slot.setWidget(self.placeholder)
        self._closed = False
        self.armed = False  # the first frame is up: a visible tab now means the user chose it
        self._loading = False
        self._send_when_ready = False
        self.slot.visibilityChanged.connect(self._visible)

    def start(self) -> None:
        """After the first frame: start the printers if the user has any; else when the dock is shown."""
        self.armed = True
        if not self.slot.isHidden() and not self.slot.visibleRegion().isEmpty():
            self.load()
        else:
            self.workers.submit(tr("Loading printers"), _configured, self._checked, self._failed, show=False)

    def _checked(self, configured: bool) -> None:
        if configured:
            self.load()

    def _visible(self, visible: bool) -> None:
        if visible and self.armed:
            self.load()

    def load(self) -> None:
        """Build the services on a worker, then the dock (once)."""
        if self._loading or self._closed:
            return
        self._loading = True
        self.workers.submit(tr("Loading printers"), _build, self._built, self._failed, show=False)

    def _failed(self, exc: BaseException) -> None:
        self.placeholder.setText(say_error(exc))
        self.on_error(tr("Printers"), exc)

    def _built(self, parts: _Parts) -> None:
        from desktop.panels.printers.dock import PrintersDock, PrinterServices
        from desktop.panels.printers.notifications import Notifier
        from desktop.panels.printers.sending import document_model

        if self._closed:
            parts.fleet.stop()
            return
        self.fleet = parts.fleet
        services = PrinterServices(parts.fleet, self.workers, queue=parts.queue,
                                   current_model=lambda: document_model(self.doc, self.evaluator))
        # Parented to the slot, not the window: a dock widget owned by a QMainWindow takes part in its
        # dock layout (Qt leaves a stray tab bar behind). Notices still float over the whole window.
        dock = PrintersDock(services, self.slot, notifier=Notifier(self.window))
        # The printers dock is a QDockWidget of its own: show its contents in our slot, so the slot's
        # place in the layout, its View-menu toggle and its tab stay where the user left them.
        dock.setTitleBarWidget(QWidget())
        self.slot.setWidget(dock)
        self.placeholder.deleteLater()
        self.dock = dock
        self.workers.submit(tr("Connecting printers"), lambda _t: self._connect(parts.fleet), lambda _r: None,
                            show=False)
        self.ready.emit()
        if self._send_when_ready:
            self._send_when_ready = False
            dock.open_send()

    def _connect(self, fleet: Fleet) -> None:
        """Worker: connect every printer, then listen for printers announcing themselves on the LAN."""
        from printers.discovery import DiscoveryListener

        fleet.start()
        if not self._closed:
            self.discovery = DiscoveryListener().start()
            if self.dock is not None:
                self.dock.services.discovery = self.discovery

    def send_current(self) -> None:
        """The "Send to printer" action: open the dock's send dialog for the current design."""
        self.slot.show()
        self.slot.raise_()
        if self.dock is not None:
            self.dock.open_send()
        else:  # the printers start now (or are starting): the dialog opens once they are in place
            self._send_when_ready = True
            self.load()

    def retranslate(self) -> None:
        self.slot.setWindowTitle(tr("Printers"))
        if self.dock is not None:
            self.dock.retranslate()

    def detach(self) -> None:
        """First on quit, before the window's workers stop: no more cards, no new connections."""
        self._closed = True
        if self.dock is not None:
            self.dock.shutdown()

    def stop(self) -> None:
        """Last on quit, once no worker can still be starting printers: disconnect them (stopping the
        virtual ones too) and stop listening for announcements."""
        if self.fleet is not None:
            self.fleet.stop()
        if self.discovery is not None:
            self.discovery.stop()
