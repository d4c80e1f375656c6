"""The buttons under a printer card: pause/resume, stop (confirmed), speed level, light, temperatures.

Every control calls the driver on a worker thread (drivers block until the printer confirms) and shows
a refusal inline on the card, e.g. the Developer-Mode explanation, instead of a modal error. Controls a
driver lacks (no light on Klipper) are hidden, not greyed out, so nothing on the card is a dead end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.flow import FlowLayout
from desktop.i18n import say_error
from desktop.panels.printers.texts import SPEED_LEVELS, speed_words, tr
from desktop.panels.printers.widgets import named, set_shown
from desktop.workers import Workers
from printers.base import Capability, PrinterDriver
from printers.dispatch import PLATE_STATES
from printers.state import JobState, PrinterState

ACTIVE = (JobState.PRINTING, JobState.PREPARING, JobState.PAUSED)


class CardControls(QWidget):
    failed = Signal(str)
    succeeded = Signal(str)

    def __init__(self, driver: PrinterDriver, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        # Speed, light and heaters are not in the PrinterDriver protocol; the capabilities gate which are shown.
        self._tunable = cast(Any, driver)
        self.workers = workers
        caps = driver.capabilities
        self.pause_button = named("pauseButton", QPushButton())
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.stop_button = named("stopButton", QPushButton())
        self.stop_button.clicked.connect(self.ask_stop)
        self.speed = named("speedCombo", QComboBox())
        for level in SPEED_LEVELS:
            self.speed.addItem(speed_words(level), level)
        self.speed.activated.connect(self._speed_chosen)  # user choices only, not our own refreshes
        self.light = named("lightButton", QPushButton())
        self.light.setCheckable(True)
        self.light.clicked.connect(self._light_clicked)
        self.tare_button = named("tareButton", QPushButton())
        self.tare_button.clicked.connect(lambda: self.run(tr("Tare"), self._tunable.tare))
        self.plate_button = named("plateButton", QPushButton())
        self.plate_button.setCheckable(True)
        self.plate_button.hide()
        self.temps_button = named("tempsButton", QPushButton())
        self.temps_button.setCheckable(True)
        self.nozzle_target = self._spin(300)
        self.bed_target = self._spin(120)
        self.apply_temps = named("applyTemps", QPushButton())
        self.apply_temps.clicked.connect(self._apply_temperatures)
        self.nozzle_label, self.bed_label = QLabel(), QLabel()
        self.temps_row = QWidget()
        trow = QHBoxLayout(self.temps_row)
        trow.setContentsMargins(0, 0, 0, 0)
        for widget in (self.nozzle_label, self.nozzle_target, self.bed_label, self.bed_target, self.apply_temps):
            trow.addWidget(widget)
        self.temps_row.hide()
        self.temps_button.toggled.connect(self.temps_row.setVisible)
        row = FlowLayout(spacing=4)  # Pause, Stop, speed, light, heaters: two lines in a narrow dock, not clipped
        controls: tuple[tuple[QWidget, Capability], ...] = (
            (self.pause_button, Capability.PAUSE), (self.stop_button, Capability.STOP),
            (self.speed, Capability.SPEED), (self.light, Capability.LIGHT),
            (self.temps_button, Capability.TEMPERATURE), (self.tare_button, Capability.TARE))
        for control, cap in controls:
            control.setVisible(cap in caps)
            row.addWidget(control)
        row.addWidget(self.plate_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(row)
        lay.addWidget(self.temps_row)
        self.confirm_box: QMessageBox | None = None
        self._state = PrinterState()
        self.setVisible(bool(caps & {Capability.PAUSE, Capability.STOP, Capability.TEMPERATURE, Capability.TARE}))
        self.retranslate()

    @staticmethod
    def _spin(maximum: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, maximum)
        spin.setDecimals(0)
        spin.setSuffix(" °C")
        return spin

    def retranslate(self) -> None:
        self.stop_button.setText(tr("Stop"))
        self.light.setText(tr("Light"))
        self.light.setToolTip(tr("Chamber light on/off"))
        self.plate_button.setText(tr("Plate is clear"))
        self.plate_button.setToolTip(tr("Confirm the last print was taken off, so queued jobs may start here"))
        self.tare_button.setText(tr("Tare"))
        self.tare_button.setToolTip(tr("Zero the scale: do this with the empty spool holder on it"))
        self.temps_button.setText(tr("Heat…"))
        self.temps_button.setToolTip(tr("Set nozzle and bed temperatures"))
        self.nozzle_label.setText(tr("Nozzle"))
        self.bed_label.setText(tr("Bed"))
        self.apply_temps.setText(tr("Set"))
        self.speed.setToolTip(tr("Print speed"))
        for i, level in enumerate(SPEED_LEVELS):
            self.speed.setItemText(i, speed_words(level))
        self.set_state(self._state)

    def set_state(self, state: PrinterState, online: bool = True) -> None:
        self._state = state
        paused = state.state == JobState.PAUSED
        active = state.state in ACTIVE
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        self.pause_button.setEnabled(online and active)
        self.stop_button.setEnabled(online and active)
        self.speed.setEnabled(online and active)
        self.light.setEnabled(online)
        self.temps_button.setEnabled(online)
        self.tare_button.setEnabled(online)
        # A finished part still sits on the plate: the queue may only start here once the user says it is gone.
        ended = state.state in PLATE_STATES and Capability.PRINT in self.driver.capabilities
        set_shown(self.plate_button, ended)
        if not ended:
            self.plate_button.setChecked(False)
        if state.speed_level in SPEED_LEVELS and not self.speed.view().isVisible():
            self.speed.setCurrentIndex(SPEED_LEVELS.index(state.speed_level))
        self.light.setChecked(any(state.lights.values()))
        if self.temps_row.isHidden():  # never overwrite targets the user is typing
            self.nozzle_target.setValue(state.nozzle_target or 0)
            self.bed_target.setValue(state.bed_target or 0)

    # -- commands ----------------------------------------------------------------------------

    @property
    def plate_cleared(self) -> bool:
        return not self.plate_button.isHidden() and self.plate_button.isChecked()

    def run(self, label: str, fn: Callable[[], Any]) -> None:
        self.workers.submit(label, lambda _task: fn(), lambda _r: self.succeeded.emit(label),
                            lambda exc: self.failed.emit(say_error(exc)), show=False)

    def _pause_or_resume(self) -> None:
        if self._state.state == JobState.PAUSED:
            self.run(tr("Resume"), self.driver.resume)
        else:
            self.run(tr("Pause"), self.driver.pause)

    def ask_stop(self) -> None:
        """Stopping loses the print, so ask first; open() keeps it window-modal without a nested event loop."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Stop the print?"),
                          tr("Stop \"{0}\" on {1}? The print cannot be resumed afterwards.").format(
                              self._state.job_name or tr("this job"), self.driver.config.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmStop")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Stop print"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Keep printing"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._stop_answered(box, result))
        self.confirm_box = box
        box.open()

    def _stop_answered(self, box: QMessageBox, result: int) -> None:
        self.confirm_box = None
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self.run(tr("Stop"), self.driver.stop)

    def _speed_chosen(self, index: int) -> None:
        level = int(self.speed.itemData(index))
        self.run(tr("Speed"), lambda: self._tunable.set_speed(level))

    def _light_clicked(self, on: bool) -> None:
        self.run(tr("Light"), lambda: self._tunable.set_light(on))

    def _apply_temperatures(self) -> None:
        nozzle, bed = self.nozzle_target.value(), self.bed_target.value()

        def apply() -> None:
            setter = self._tunable.set_temperature
            setter("nozzle", nozzle)
            setter("bed", bed)

        self.run(tr("Temperatures"), apply)
        self.temps_button.setChecked(False)
