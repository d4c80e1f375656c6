"""PrintersDock: the printers the user added, each as a live card, plus queue and history tabs.

Built from `PrinterServices` handed in by the composition root (no singletons): the `Fleet` of connected
drivers (with its virtual printers, if the app offers them), the `Workers` pool for blocking printer calls,
and optional pieces (job queue, SSDP discovery, the current model for "Send to printer"). Fleet events (a
driver added, removed, or one that failed to start) may come from any thread; Relays deliver them on the GUI
thread, where cards are made. A printer that could not start gets a BrokenCard with its reason, so it can
be edited or removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.printers.add_printer_dialog import AddPrinterDialog
from desktop.panels.printers.bridge import Relay
from desktop.panels.printers.broken_card import BrokenCard
from desktop.panels.printers.card import PrinterCard
from desktop.panels.printers.history import HistoryView
from desktop.panels.printers.notifications import Notifier
from desktop.panels.printers.queue import QueueView
from desktop.panels.printers.send_dialog import SendDialog
from desktop.panels.printers.sending import ModelToSend
from desktop.panels.printers.texts import tr
from desktop.panels.printers.widgets import named
from desktop.workers import Workers
from printers.base import PrinterDriver
from printers.discovery import DiscoveryListener
from printers.fleet import Fleet
from printers.queue import JobQueue
from printers.state import Notice

log = logging.getLogger(__name__)


@dataclass
class PrinterServices:
    fleet: Fleet
    workers: Workers
    queue: JobQueue | None = None
    discovery: DiscoveryListener | None = None
    current_model: Callable[[], ModelToSend | None] | None = None
    """Called on the GUI thread when the user opens "Send to printer"; None hides the current-model choice."""


class PrintersDock(QDockWidget):
    def __init__(self, services: PrinterServices, parent: QWidget | None = None,
                 notifier: Notifier | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printersDock")
        self.services = services
        self.fleet = services.fleet
        self.cards: dict[str, PrinterCard] = {}
        self.broken: dict[str, BrokenCard] = {}
        self.add_dialog: AddPrinterDialog | None = None
        self.send_dialog: SendDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.tabs = named("printersTabs", QTabWidget())
        self.tabs.setDocumentMode(True)
        self.add_button = named("addPrinter", QPushButton())
        self.add_button.clicked.connect(self.open_add)
        self.send_button = named("sendToPrinter", QPushButton())
        self.send_button.clicked.connect(self.open_send)
        self.empty = named("emptyHint", QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter))
        self._cards_box = QVBoxLayout()
        self._cards_box.setSpacing(10)
        holder = named("cardsHolder", QWidget())
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.addWidget(self.empty)
        inner.addLayout(self._cards_box)
        inner.addStretch(1)
        self.cards_scroll = QScrollArea(widgetResizable=True)
        self.cards_scroll.setWidget(holder)
        self.cards_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 0, 8, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.cards_scroll, 1)
        self.tabs.addTab(page, "")
        self.queue_view: QueueView | None = None
        self.history_view: HistoryView | None = None
        if services.queue is not None:
            self.queue_view = QueueView(services.queue, self.fleet, services.workers, self.cleared_plates)
            self.history_view = HistoryView(services.queue)
            self.tabs.addTab(self.queue_view, "")
            self.tabs.addTab(self.history_view, "")
        self.setWidget(self.tabs)
        self.notifier = notifier or Notifier(parent or self)
        self.relays = [Relay(self.fleet.driver_added, self.add_card, self),
                       Relay(self.fleet.driver_removed, self.drop_card, self),
                       Relay(self.fleet.failed, self.add_broken, self)]
        for driver in list(self.fleet.drivers.values()):
            self.add_card(driver)
        for name, reason in dict(self.fleet.errors).items():
            self.add_broken(name, reason)
        self._update_empty()
        self.retranslate()

    def _take(self, name: str) -> int:
        """Drop the card shown for `name` (a rebuilt driver, or a broken one fixed); returns its place, or -1."""
        index = -1
        for old in (self.cards.pop(name, None), self.broken.pop(name, None)):
            if old is None:
                continue
            index = self._cards_box.indexOf(old)
            if isinstance(old, PrinterCard):
                old.signals.detach()
            self._cards_box.removeWidget(old)
            old.hide()
            old.deleteLater()
        return index

    def add_card(self, driver: PrinterDriver) -> PrinterCard:
        name = driver.config.name
        index = self._take(name)
        card = PrinterCard(driver, self.services.workers)
        card.signals.notice.connect(partial(self._notice, name))
        card.remove_requested.connect(self.ask_remove)
        card.edit_requested.connect(self.open_edit)
        self.cards[name] = card
        self._cards_box.insertWidget(index, card)
        self._update_empty()
        return card

    def add_broken(self, name: str, reason: str) -> BrokenCard:
        index = self._take(name)
        editable = any(c.name == name and c.kind in ("bambu", "moonraker", "potscale") for c in self.fleet.book.list())
        card = BrokenCard(name, reason, editable)
        card.remove_requested.connect(self.ask_remove)
        card.edit_requested.connect(self.open_edit)
        self.broken[name] = card
        self._cards_box.insertWidget(index, card)
        self._update_empty()
        return card

    def drop_card(self, name: str) -> None:
        self._take(name)
        self._update_empty()

    def ask_remove(self, name: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove printer?"),
                          tr("Remove \"{0}\" from this computer? Its access code is deleted too; the printer "
                             "itself is not changed.").format(name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._remove_answered(box, name, result))
        self.confirm_box = box
        box.open()

    def _remove_answered(self, box: QMessageBox, name: str, result: int) -> None:
        self.confirm_box = None
        box.deleteLater()
        if result != QMessageBox.StandardButton.Yes:
            return
        self.drop_card(name)  # at once; the fleet disconnects (joining the link's thread) on a worker
        self.services.workers.submit(tr("Removing {0}").format(name), lambda _t: self.fleet.remove(name),
                                     lambda _r: None)

    def cleared_plates(self) -> set[str]:
        """Printers whose user confirmed the last part was removed (see printers.dispatch)."""
        return {name for name, card in self.cards.items() if card.controls.plate_cleared}

    def _notice(self, printer: str, notice: Notice) -> None:
        self.notifier.notify(printer, notice)

    def _update_empty(self) -> None:
        self.empty.setVisible(not self.cards and not self.broken)
        self.send_button.setEnabled(bool(self.cards))

    def open_add(self) -> AddPrinterDialog:
        s = self.services
        self.add_dialog = AddPrinterDialog(self.fleet, s.workers, s.discovery, self.fleet.virtual, self)
        self.add_dialog.finished.connect(self.add_dialog.deleteLater)
        self.add_dialog.open()
        return self.add_dialog

    def open_edit(self, name: str) -> AddPrinterDialog:
        """The add dialog, prefilled; saving rebuilds the driver and the card is replaced in place."""
        self.add_dialog = AddPrinterDialog(self.fleet, self.services.workers, parent=self,
                                           editing=self.fleet.book.get(name))
        self.add_dialog.finished.connect(self.add_dialog.deleteLater)
        self.add_dialog.open()
        return self.add_dialog

    def open_send(self) -> SendDialog:
        s = self.services
        model = s.current_model() if s.current_model is not None else None
        self.send_dialog = SendDialog(self.fleet, s.workers, model, s.queue, self)
        self.send_dialog.started.connect(self.show_card)
        self.send_dialog.finished.connect(self.send_dialog.deleteLater)
        self.send_dialog.open()
        return self.send_dialog

    def show_card(self, name: str) -> None:
        """After sending, bring the printer's card into view: it is where the print is followed."""
        self.tabs.setCurrentIndex(0)
        if name in self.cards:
            self.cards_scroll.ensureWidgetVisible(self.cards[name])

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Printers"))
        titles = [tr("Printers")] + ([tr("Queue"), tr("History")] if self.queue_view is not None else [])
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.add_button.setText(tr("Add printer…"))
        self.send_button.setText(tr("Send to printer…"))
        self.empty.setText(tr("No printers yet. Add a Bambu Lab, Klipper or 3D Pot scale on your network, "
                              "or try a virtual printer."))
        for card in self.cards.values():
            card.retranslate()
        for broken in self.broken.values():
            broken.retranslate()

    def shutdown(self) -> None:
        """Detach from the fleet and every driver; the lead calls this before Fleet.stop() on quit."""
        for relay in self.relays:
            relay.detach()
        for card in self.cards.values():
            card.signals.detach()
