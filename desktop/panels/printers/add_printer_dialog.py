"""Add a printer: pick one the SSDP listener found, or enter it by hand (Bambu, Klipper, 3D Pot scale),
or start a virtual printer to try the app without hardware.

Adding writes the printer book (the access code goes to the keyring through the book, never to disk) and
asks the fleet to connect; problems are shown inline so the user can fix a field without retyping others.
The same dialog edits a saved printer ("Edit printer…"): prefilled, kind fixed, and saved with
Fleet.replace, which rebuilds the driver from the new settings.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import PotStudioError
from desktop.dialogs.fitting import FittingDialog
from desktop.i18n import say_error
from desktop.panels.printers.forms import BambuForm, MoonrakerForm, ScaleForm
from desktop.panels.printers.texts import BAD, tr
from desktop.panels.printers.widgets import MUTED_STYLE, ToneLabel, named
from desktop.workers import Workers
from printers.base import PrinterConfig
from printers.discovery import DiscoveredPrinter, DiscoveryListener
from printers.fleet import Fleet
from printers.virtual import VirtualPrinters

log = logging.getLogger(__name__)
FOUND_ROLE = Qt.ItemDataRole.UserRole


def describe(found: DiscoveredPrinter) -> str:
    mode = tr("LAN only") if found.connection.lower() == "lan" else tr("cloud")
    signal = f" · {found.signal} dBm" if found.signal else ""
    return f"{found.name or found.serial} — {found.model} · {found.host}{signal} · {mode}"


class AddPrinterDialog(FittingDialog):
    added = Signal(str)
    _found = Signal(object)

    def __init__(self, fleet: Fleet, workers: Workers, discovery: DiscoveryListener | None = None,
                 virtual: VirtualPrinters | None = None, parent: QWidget | None = None,
                 editing: PrinterConfig | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addPrinterDialog")
        self.setStyleSheet(MUTED_STYLE)
        self.setWindowTitle(tr("Add printer"))
        self.editing = editing
        self.fleet = fleet
        self.workers = workers
        self.discovery = discovery
        self.virtual = virtual
        self.found_list = named("discoveredList", QListWidget())
        self.found_list.setMaximumHeight(110)
        self.found_list.itemClicked.connect(self._pick)
        self.found_hint = named("muted", QLabel(wordWrap=True))
        self.name = named("printerNameEdit", QLineEdit(placeholderText=tr("e.g. Workshop X1C")))
        self.bambu = BambuForm()
        self.moonraker = MoonrakerForm()
        self.scale = ScaleForm([c.name for c in fleet.book.list() if c.kind != "potscale"])
        self.kinds = named("printerKinds", QTabWidget())
        self.kinds.addTab(self.bambu, tr("Bambu Lab"))
        self.kinds.addTab(self.moonraker, tr("Klipper (Moonraker)"))
        self.kinds.addTab(self.scale, tr("3D Pot scale"))
        self.error = named("addError", ToneLabel(BAD, wordWrap=True))
        self.error.hide()
        self.virtual_button = named("addVirtual", QPushButton(tr("Add a virtual printer")))
        self.virtual_button.setToolTip(tr("Starts a simulated Bambu printer on this computer to try the app."))
        self.virtual_button.clicked.connect(self.add_virtual)
        self.virtual_button.setVisible(virtual is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add"))
        self.buttons.addButton(self.virtual_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        name_row = QFormLayout()
        name_row.addRow(tr("Name"), self.name)
        lay = QVBoxLayout(self)
        self.found_part = QWidget()
        found_box = QVBoxLayout(self.found_part)
        found_box.setContentsMargins(0, 0, 0, 0)
        found_box.addWidget(named("cardTitle", QLabel(tr("Found on your network"))))
        found_box.addWidget(self.found_list)
        found_box.addWidget(self.found_hint)
        lay.addWidget(self.found_part)
        lay.addLayout(name_row)
        lay.addWidget(self.kinds)
        # Below the tabs, not inside: a QTabWidget does not grow for wrapped text, and this must be read.
        warning = self.bambu.insecure_warning
        lay.addWidget(warning)
        self.kinds.currentChanged.connect(
            lambda _i: warning.setVisible(self.kinds.currentWidget() is self.bambu and self.bambu.insecure.isChecked()))
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self._found.connect(self._add_found, Qt.ConnectionType.QueuedConnection)
        if discovery is not None:
            discovery.found.connect(self._on_found)
            self.finished.connect(lambda _r: discovery.found.disconnect(self._on_found))
            for found in discovery.printers():
                self._add_found(found)
        self._update_hint()
        if editing is not None:
            self._prefill(editing)

    def _prefill(self, config: PrinterConfig) -> None:
        """Edit mode: the saved settings in the form of their kind; the other kinds are not offered."""
        self.setWindowTitle(tr("Edit printer"))
        self.found_part.hide()
        self.virtual_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        self.name.setText(config.name)
        forms: dict[str, BambuForm | MoonrakerForm | ScaleForm] = {
            "bambu": self.bambu, "moonraker": self.moonraker, "potscale": self.scale}
        form = forms[config.kind]
        form.load(config)
        self.kinds.setCurrentWidget(form)
        for index in range(self.kinds.count()):
            self.kinds.setTabEnabled(index, self.kinds.widget(index) is form)

    def _on_found(self, found: DiscoveredPrinter) -> None:
        self._found.emit(found)  # discovery thread → GUI thread

    def _add_found(self, found: DiscoveredPrinter) -> None:
        for row in range(self.found_list.count()):
            item = self.found_list.item(row)
            if item.data(FOUND_ROLE).serial == found.serial:
                item.setText(describe(found))
                item.setData(FOUND_ROLE, found)
                return
        item = QListWidgetItem(describe(found))
        item.setData(FOUND_ROLE, found)
        self.found_list.addItem(item)
        self._update_hint()

    def _update_hint(self) -> None:
        if self.discovery is None:
            text = tr("Network discovery is off; enter the printer below.")
        elif self.found_list.count():
            text = tr("Click a printer to fill in its address and serial; then type its access code.")
        else:
            text = tr("Listening for Bambu Lab printers… (they announce themselves every few seconds)")
        self.found_hint.setText(text)

    def _pick(self, item: QListWidgetItem) -> None:
        found: DiscoveredPrinter = item.data(FOUND_ROLE)
        self.kinds.setCurrentWidget(self.bambu)
        self.bambu.fill(found)
        if not self.name.text().strip():
            self.name.setText(found.name or found.serial)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        form = self.kinds.currentWidget()
        assert isinstance(form, BambuForm | MoonrakerForm | ScaleForm)
        try:
            name = self.name.text().strip()
            if not name:
                raise PotStudioError(tr("Please give the printer a name."))
            old = self.editing.name if self.editing is not None else None
            if name != old and any(c.name == name for c in self.fleet.book.list()):
                raise PotStudioError(tr("There is already a printer named \"{0}\".").format(name))
            config, secret = form.config(name)
            if self.editing is not None:
                self._save(self.editing, config, secret)
                return
            self._register(config, secret)
        except PotStudioError as exc:
            self.show_error(say_error(exc))
            return
        self.accept()

    def _register(self, config: PrinterConfig, secret: str) -> None:
        self.fleet.add(config, secret or None)  # connects in the background; the dock's card shows how it goes
        self.added.emit(config.name)

    def _save(self, old: PrinterConfig, config: PrinterConfig, secret: str) -> None:
        """Fields the form does not show (bed, material, the virtual mark) are kept from the saved printer.
        Replacing closes the old connection, which blocks: it runs on a worker."""
        config = dataclasses.replace(config, bed=old.bed, nozzle=old.nozzle, material=old.material,
                                     extra=dict(old.extra))
        self.buttons.setEnabled(False)
        self.show_error("")
        self.workers.submit(tr("Saving {0}").format(config.name),
                            lambda _t: self.fleet.replace(old.name, config, secret or None),
                            lambda _driver: self.accept(), self._save_failed, show=False)

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(say_error(exc))

    def add_virtual(self) -> None:
        assert self.virtual is not None
        virtual = self.virtual
        taken = {c.name for c in self.fleet.book.list()}
        name = next(n for i in range(1, 1000) if (n := tr("Virtual printer {0}").format(i)) not in taken)
        self.virtual_button.setEnabled(False)
        self.show_error("")
        self.workers.submit(tr("Starting a virtual printer"), lambda _t: virtual.start(name),
                            self._virtual_ready, self._virtual_failed)

    def _virtual_ready(self, started: tuple[PrinterConfig, str]) -> None:
        self.virtual_button.setEnabled(True)
        try:
            self._register(*started)
        except PotStudioError as exc:
            self.show_error(say_error(exc))
            return
        self.accept()

    def _virtual_failed(self, exc: BaseException) -> None:
        self.virtual_button.setEnabled(True)
        self.show_error(tr("The virtual printer could not start: {0}").format(exc))
