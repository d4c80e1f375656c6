"""Send to printer: choose the printer, material, nozzle and AMS slot → slice → upload → start.

All of it runs on one worker (sending.send) with a single progress bar and a Cancel that really stops
the slicer or the transfer. Errors stay in the dialog, next to the choices the user can change.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.fitting import FittingDialog
from desktop.i18n import number, say_error
from desktop.panels.printers.sending import ModelToSend, SendRequest, send
from desktop.panels.printers.texts import BAD, connection_words, tr
from desktop.panels.printers.trays import tray_label
from desktop.panels.printers.widgets import MUTED_STYLE, ToneLabel, named
from desktop.progress_bar import ProgressBar
from desktop.workers import Job, Workers
from printers.base import Capability, PrinterDriver, PrintOptions
from printers.dispatch import PLATE_STATES
from printers.drivers.bambu.project import mapping_id
from printers.fleet import Fleet
from printers.queue import JobQueue
from printers.slicing import PROFILES

log = logging.getLogger(__name__)
NOZZLES = (0.2, 0.4, 0.6, 0.8)


def materials() -> list[str]:
    """Material profiles shipped with printers/ (machine profiles are named maker_model)."""
    return sorted(p.stem.upper() for p in PROFILES.glob("*.ini") if "_" not in p.stem)


class SendDialog(FittingDialog):
    started = Signal(str)

    def __init__(self, fleet: Fleet, workers: Workers, model: ModelToSend | None, queue: JobQueue | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setStyleSheet(MUTED_STYLE)
        self.setWindowTitle(tr("Send to printer"))
        self.setMinimumWidth(440)
        self.fleet, self.workers, self.model, self.queue = fleet, workers, model, queue
        self.job: Job | None = None
        self.printer = named("sendPrinter", QComboBox())
        for driver in fleet.drivers.values():
            if Capability.PRINT in driver.capabilities:
                self.printer.addItem(f"{driver.config.name} — {connection_words(driver.model.connection)}",
                                     driver.config.name)
        self.material = named("sendMaterial", QComboBox())
        self.material.addItems(materials())
        self.nozzle = named("sendNozzle", QComboBox())
        for size in NOZZLES:
            self.nozzle.addItem(f"{number(size)} mm", size)
        self.slot = named("sendSlot", QComboBox())
        self.slot_label = QLabel(tr("Filament"))
        self.use_model = named("useModel", QRadioButton())
        self.use_file = named("useFile", QRadioButton(tr("A sliced file…")))
        self.file: Path | None = None
        self.use_file.clicked.connect(self._choose_file)
        self.use_model.setChecked(model is not None)
        self.use_model.setEnabled(model is not None)
        self.use_model.setText(tr("Current model: {0}").format(model.name) if model else tr("No model open"))
        self.use_file.setChecked(model is None)
        self.plate = named("plateClear", QCheckBox(tr("The build plate is clear (the last print was removed)")))
        self.plate.toggled.connect(lambda _on: self._update_send())
        self.summary = named("muted", QLabel(wordWrap=True))
        self.stage = named("sendStage", QLabel(wordWrap=True))
        self.bar = named("sendProgress", ProgressBar())
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.error = named("sendError", ToneLabel(BAD, wordWrap=True))
        self.error.hide()
        self.send_button = named("sendButton", QPushButton(tr("Slice and print"), default=True))
        self.send_button.clicked.connect(self.start)
        self.cancel_button = named("cancelSend", QPushButton(tr("Cancel")))
        self.cancel_button.clicked.connect(self.cancel)
        form = QFormLayout()
        form.addRow(tr("Printer"), self.printer)
        form.addRow(tr("Material"), self.material)
        form.addRow(tr("Nozzle"), self.nozzle)
        form.addRow(self.slot_label, self.slot)
        source = QVBoxLayout()
        source.addWidget(self.use_model)
        source.addWidget(self.use_file)
        form.addRow(tr("What"), source)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.plate)
        lay.addWidget(self.summary)
        lay.addWidget(self.stage)
        lay.addWidget(self.bar)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.printer.currentIndexChanged.connect(self._printer_changed)
        for combo in (self.material, self.nozzle):
            combo.currentIndexChanged.connect(self._update_summary)
        self._printer_changed()
        if not self.printer.count():
            self._fail(tr("No printer can print yet: add a Bambu Lab or Klipper printer first."))

    def driver(self) -> PrinterDriver | None:
        name = self.printer.currentData()
        return self.fleet.drivers.get(name) if name else None

    def _printer_changed(self) -> None:
        driver = self.driver()
        if driver is None:
            return
        config = driver.config
        self.material.setCurrentText(config.material.upper())
        index = self.nozzle.findData(config.nozzle)
        self.nozzle.setCurrentIndex(index if index >= 0 else NOZZLES.index(0.4))
        self.slot.clear()
        loaded = [t for t in driver.model.state.trays if t.material and t.unit >= 0]
        for tray in loaded:
            self.slot.addItem(tray_label(tray), mapping_id(tray))
        self.slot.addItem(tr("External spool"), -1)
        ams = Capability.AMS in driver.capabilities
        self.slot.setVisible(ams)
        self.slot_label.setVisible(ams)
        self.plate.setChecked(False)
        self.plate.setVisible(driver.model.state.state in PLATE_STATES)
        self._update_summary()
        self._update_send()

    def _update_send(self) -> None:
        """Starting on top of the last part wrecks the nozzle; a printer that just ended needs the user's word."""
        busy = self.job is not None and self.job.running
        self.send_button.setEnabled(not busy and self.driver() is not None
                                    and (self.plate.isHidden() or self.plate.isChecked()))

    def _update_summary(self) -> None:
        driver = self.driver()
        if driver is None:
            return
        w, d, h = driver.config.bed
        self.summary.setText(tr("Sliced with PrusaSlicer for a {0}×{1}×{2} mm bed, {3}, {4} mm nozzle.")
                             .format(number(w), number(d), number(h), self.material.currentText(),
                                     number(self.nozzle.currentData())))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Sliced file"), "", tr("Sliced files (*.gcode.3mf *.gcode)"))
        if path:
            self.file = Path(path)
            self.use_file.setText(tr("Sliced file: {0}").format(self.file.name))
        elif self.model is not None:
            self.use_model.setChecked(True)

    def request(self) -> SendRequest:
        driver = self.driver()
        assert driver is not None
        slot = int(self.slot.currentData()) if self.slot.isVisible() and self.slot.count() else -1
        options = PrintOptions(ams_mapping=(max(slot, 0),), use_ams=slot >= 0)
        use_file = self.use_file.isChecked() or self.model is None
        return SendRequest(printer=driver.config.name, material=self.material.currentText(),
                           nozzle=float(self.nozzle.currentData()), options=options,
                           model=None if use_file else self.model, file=self.file if use_file else None)

    def start(self) -> None:
        driver = self.driver()
        if driver is None:
            return
        request = self.request()
        if request.model is None and request.file is None:
            self._fail(tr("Choose a sliced file, or open a model to slice."))
            return
        self.error.hide()
        self._busy(True)
        self.stage.setText(tr("Slicing…"))
        queue = self.queue
        self.job = self.workers.submit(tr("Sending to {0}").format(driver.config.name),
                                       lambda task: send(request, driver, queue, task), self._sent, self._fail_exc)
        self.job.progressed.connect(self._progress)
        self.job.cancelled.connect(self._cancelled)

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(fraction * 1000))
        if message:
            self.stage.setText(message)

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.bar.setValue(0)
        self._update_send()
        self.send_button.setEnabled(not busy and self.send_button.isEnabled())
        for widget in (self.printer, self.material, self.nozzle, self.slot, self.use_model, self.use_file, self.plate):
            widget.setEnabled(not busy)
        self.use_model.setEnabled(not busy and self.model is not None)

    def _sent(self, _job: object) -> None:
        self.job = None
        name = str(self.printer.currentData())
        self.stage.setText(tr("Printing on {0}. Follow it on its card.").format(name))
        self.started.emit(name)
        self.accept()

    def _fail_exc(self, exc: BaseException) -> None:
        self._fail(say_error(exc) or type(exc).__name__)

    def _fail(self, text: str) -> None:
        self.job = None
        self._busy(False)
        self.stage.setText("")
        self.error.setText(text)
        self.error.show()

    def _cancelled(self) -> None:
        self.job = None
        self._busy(False)
        self.stage.setText(tr("Cancelled. Nothing was started on the printer."))

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.stage.setText(tr("Cancelling…"))
            self.job.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # closing the window must not leave an upload running behind the user's back
        super().reject()
