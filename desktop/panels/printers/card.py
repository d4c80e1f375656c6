"""One printer at a glance: connection, job, progress, temperatures with a live chart, fans, speed, AMS trays,
the assigned 3D Pot scale's filament, HMS errors in words, and the controls.

The card only reads `PrinterState` snapshots delivered on the GUI thread by `PrinterSignals`; it never
polls the driver. Sections without data (no AMS, no chamber sensor, no scale) are hidden rather than
shown empty, so a Klipper card is as tidy as a Bambu one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.flow import FlowLayout
from desktop.i18n import number, say
from desktop.panels.printers.bridge import PrinterSignals
from desktop.panels.printers.controls import CardControls
from desktop.panels.printers.sparkline import SERIES_COLOURS, TemperatureChart
from desktop.panels.printers.texts import (
    BAD,
    connection_advice,
    connection_colour,
    connection_words,
    duration,
    eta,
    fan_words,
    hms_words,
    job_colour,
    job_words,
    kind_words,
    nozzle_words,
    readable,
    speed_words,
    stage_words,
    temperature,
    tr,
)
from desktop.panels.printers.trays import TrayStrip
from desktop.panels.printers.widgets import named, set_shown
from desktop.progress_bar import ProgressBar
from desktop.stable_label import StableLabel
from desktop.workers import Workers
from printers.base import Capability, ConnectionState, PrinterDriver
from printers.drivers.potscale.battery import LOW_V
from printers.state import HmsError, JobState, PrinterState

log = logging.getLogger(__name__)

_STYLE = """
QFrame#printerCard { background: palette(base); border: 1px solid palette(midlight); border-radius: 12px; }
QLabel#printerName { font-size: 14px; font-weight: 700; }
QLabel#muted, QLabel#printerModel { color: palette(placeholder-text); }
QLabel#adviceLabel { border-radius: 8px; padding: 6px 8px; background: rgba(217, 48, 37, 0.10); }
QLabel#hmsLabel { border-radius: 8px; padding: 6px 8px; background: rgba(217, 142, 4, 0.14); }
QProgressBar#jobProgress { border: none; border-radius: 4px; background: palette(alternate-base);
                           max-height: 8px; min-height: 8px; }
QProgressBar#jobProgress::chunk { border-radius: 4px; background: #2f80ed; }
QProgressBar#jobProgress[paused="true"]::chunk { background: #d98e04; }
QPushButton { padding: 3px 9px; }
QToolButton#cardMenu { font-size: 15px; padding: 0 4px; }
QToolButton#cardMenu::menu-indicator { image: none; width: 0; }
QPushButton#lightButton:checked { background: #fff4c2; color: #5c4500; }
"""


class PrinterCard(QFrame):
    remove_requested = Signal(str)
    edit_requested = Signal(str)

    def __init__(self, driver: PrinterDriver, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready = False  # palette changes before the widgets exist have nothing to recolour
        self.setObjectName("printerCard")
        self.setStyleSheet(_STYLE)
        self.driver = driver
        self.name = driver.config.name
        self.signals = PrinterSignals(driver.model, self)
        self.connection = driver.model.connection
        self.connection_detail = driver.model.connection_detail
        self.state = driver.model.state
        self._build()
        self.controls = CardControls(driver, workers, self)
        self.controls.failed.connect(self.show_message)
        self.controls.succeeded.connect(lambda _label: self.show_message(""))
        self.main_layout.addWidget(self.controls)
        self.main_layout.addWidget(self.message)
        self.signals.state_changed.connect(self.set_state)
        self.signals.connection_changed.connect(self._connection_changed)
        self.destroyed.connect(self.signals.detach)
        self._ready = True
        self._recolour()
        self.retranslate()

    def _build(self) -> None:
        self.title = named("printerName", QLabel(self.name, wordWrap=True))  # a long name wraps, never clips
        model_text = self.driver.config.model or kind_words(self.driver.config.kind)
        self.model_label = named("printerModel", QLabel(model_text))
        self.connection_label = named("connectionLabel", QLabel())
        self.connection_label.setTextFormat(Qt.TextFormat.RichText)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.model_label)
        head.addStretch(1)
        head.addWidget(self.connection_label)
        self.menu_button = named("cardMenu", QToolButton())
        self.menu_button.setText("⋯")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAutoRaise(True)
        menu = QMenu(self.menu_button)
        self.edit_action = menu.addAction("")
        self.edit_action.triggered.connect(lambda: self.edit_requested.emit(self.name))
        self.remove_action = menu.addAction("")
        self.remove_action.triggered.connect(lambda: self.remove_requested.emit(self.name))
        self.menu_button.setMenu(menu)
        head.addWidget(self.menu_button)
        self.advice = named("adviceLabel", QLabel(wordWrap=True))
        # The job's name and state wrap: a slicer's plate name and a long stage ("Printing · cleaning
        # nozzle tip") would otherwise make the card wider than a ~320 px dock and clip its right side.
        self.job_name = named("jobName", QLabel(wordWrap=True))
        self.job_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.job_state = named("jobState", QLabel(wordWrap=True))
        self.job_state.setTextFormat(Qt.TextFormat.RichText)
        self.job_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        job = QHBoxLayout()
        job.addWidget(self.job_name, 1)
        job.addWidget(self.job_state)
        self.progress = named("jobProgress", ProgressBar(textVisible=False))
        self.progress.setRange(0, 100)
        # Labels that change with every report are StableLabels: a new value relays out nothing (see there).
        self.percent = named("percentLabel", StableLabel())
        self.percent.setMinimumWidth(36)
        self.percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.percent)
        self.layer_label, self.remaining_label, self.eta_label = StableLabel(), StableLabel(), StableLabel()
        for label in (self.layer_label, self.remaining_label, self.eta_label):
            label.setObjectName("muted")
        facts = FlowLayout(spacing=10)  # "Camada 0 / 26  faltam 1 h 55 min  Termina 06:20" wraps when narrow
        for label in (self.layer_label, self.remaining_label, self.eta_label):
            facts.addWidget(label)
        self.temp_names: dict[str, QLabel] = {}
        self.temp_values: dict[str, QLabel] = {}
        temps = QGridLayout()
        temps.setHorizontalSpacing(10)
        temps.setVerticalSpacing(0)
        for column, key in enumerate(SERIES_COLOURS):
            name = named("muted", QLabel())
            value = named(f"{key}Temperature", StableLabel())
            temps.addWidget(name, 0, column)
            temps.addWidget(value, 1, column)
            self.temp_names[key], self.temp_values[key] = name, value
        # A two-nozzle printer (H2D): both nozzles, one a line, the one printing marked; the grid shows that one.
        self.nozzles_label = named("nozzlesLabel", StableLabel())
        self.nozzles_label.setObjectName("muted")
        self.chart = TemperatureChart()
        self.fans_label = named("muted", QLabel())
        self.fans_label.setWordWrap(True)
        self.speed_label = named("muted", QLabel())
        misc = QHBoxLayout()
        misc.addWidget(self.fans_label, 1)
        misc.addWidget(self.speed_label)
        self.trays = TrayStrip()
        self.scale_label = named("scaleLabel", QLabel())
        self.hms = named("hmsLabel", QLabel(wordWrap=True))
        self.message = named("messageLabel", QLabel(wordWrap=True))
        self.message.hide()
        # Everything about a print; a filament scale's card shows only its header and its spool.
        self.job_part = named("jobPart", QWidget())
        part = QVBoxLayout(self.job_part)
        part.setContentsMargins(0, 0, 0, 0)
        part.setSpacing(6)
        for row in (job, bar, facts, temps):
            part.addLayout(row)
        part.addWidget(self.nozzles_label)
        part.addWidget(self.chart)
        part.addLayout(misc)
        part.addWidget(self.trays)
        self.job_part.setVisible(Capability.PRINT in self.driver.capabilities)
        self.main_layout = lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(6)
        lay.addLayout(head)
        lay.addWidget(self.advice)
        lay.addWidget(self.job_part)
        lay.addWidget(self.scale_label)
        lay.addWidget(self.hms)

    def retranslate(self) -> None:
        self.edit_action.setText(tr("Edit printer…"))
        self.remove_action.setText(tr("Remove printer…"))
        self.menu_button.setToolTip(tr("More"))
        for key, text in (("nozzle", tr("Nozzle")), ("bed", tr("Bed")), ("chamber", tr("Chamber"))):
            self.temp_names[key].setText(text)
        self.controls.retranslate()
        self._show_connection()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._ready:  # light <-> dark theme
            self._recolour()
            self._show_state()
        super().changeEvent(event)

    @staticmethod
    def _theme(role: QPalette.ColorRole) -> QColor:
        """The theme's colour, from the application: the card's own palette is rewritten by its style sheet,
        and recolouring from it sent the card PaletteChange after PaletteChange."""
        return QApplication.palette().color(role)

    def _recolour(self) -> None:
        """Text in the semantic colours, made readable on the theme's card and buttons (texts.readable)."""
        base, button = self._theme(QPalette.ColorRole.Base), self._theme(QPalette.ColorRole.Button)
        sheet = _STYLE + (f"QLabel#messageLabel {{ color: {readable(BAD, base)}; }}\n"
                          f"QPushButton#stopButton:enabled {{ color: {readable(BAD, button)}; }}\n")
        if self.styleSheet() != sheet:  # a new style sheet re-polishes: only when the colours changed
            self.setStyleSheet(sheet)
        for key, value in self.temp_values.items():
            style = f"color: {readable(SERIES_COLOURS[key], base)}; font-weight: 600;"
            if value.styleSheet() != style:
                value.setStyleSheet(style)

    def _readable(self, colour: str) -> str:
        return readable(colour, self._theme(QPalette.ColorRole.Base))

    # -- updates (GUI thread only) -------------------------------------------------------

    def _connection_changed(self, state: str, detail: str) -> None:
        self.connection, self.connection_detail = ConnectionState(state), detail
        self._show_connection()
        self._show_state()

    def _show_connection(self) -> None:
        colour = connection_colour(self.connection)
        self.connection_label.setText(f'<span style="color:{colour}">●</span> {connection_words(self.connection)}')
        self.connection_label.setToolTip(self.connection_detail)
        advice = connection_advice(self.connection, self.connection_detail)
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))

    def set_state(self, state: PrinterState) -> None:
        self.state = state
        self.chart.add({"nozzle": state.nozzle, "bed": state.bed, "chamber": state.chamber},
                       {"nozzle": state.nozzle_target, "bed": state.bed_target, "chamber": state.chamber_target})
        self._show_state()

    def _show_state(self) -> None:
        s = self.state
        online = self.connection == ConnectionState.ONLINE
        self.job_name.setText(s.job_name or (tr("No job") if s.state in (JobState.IDLE, JobState.UNKNOWN) else ""))
        words = self._job_words(s)
        colour = self._readable(job_colour(s.state))
        self.job_state.setText(f'<span style="color:{colour}; font-weight:600">{words}</span>')
        running = s.state in (JobState.PRINTING, JobState.PREPARING, JobState.PAUSED)
        shown = s.progress if s.progress is not None else 0
        self.progress.setValue(max(0, min(100, round(shown))))
        paused = s.state == JobState.PAUSED
        if self.progress.property("paused") != paused:  # re-polishing is costly: only when the colour changes
            self.progress.setProperty("paused", paused)
            self.progress.style().unpolish(self.progress)
            self.progress.style().polish(self.progress)
        self.percent.setText(f"{shown:.0f} %" if s.progress is not None else "")
        self.layer_label.setText(tr("Layer {0} / {1}").format(s.layer, s.total_layers)
                                 if s.layer is not None and s.total_layers else "")
        self.remaining_label.setText(tr("{0} left").format(duration(s.remaining_min)) if running else "")
        self.eta_label.setText(tr("ETA {0}").format(eta(s.remaining_min)) if running and s.remaining_min else "")
        printing = next((n.index for n in s.nozzles if n.active), None)
        self.temp_names["nozzle"].setText(tr("Nozzle") if printing is None else nozzle_words(printing))
        self.nozzles_label.setText("\n".join(
            f"{nozzle_words(n.index)} {temperature(n.temp, n.target)}" + (f" ({tr('in use')})" if n.active else "")
            for n in s.nozzles))
        set_shown(self.nozzles_label, bool(s.nozzles))
        for key, (cur, target) in {"nozzle": (s.nozzle, s.nozzle_target), "bed": (s.bed, s.bed_target),
                                   "chamber": (s.chamber, s.chamber_target)}.items():
            self.temp_values[key].setText(temperature(cur, target))
            set_shown(self.temp_names[key], cur is not None or key != "chamber")
            set_shown(self.temp_values[key], cur is not None or key != "chamber")
        set_shown(self.chart, s.nozzle is not None or s.bed is not None)
        spinning = " · ".join(f"{fan_words(k)} {v}%" for k, v in s.fans.items() if v)
        self.fans_label.setText(tr("Fans: {0}").format(spinning) if spinning else tr("Fans off") if s.fans else "")
        # The speed combo already shows the level; a read-only label only where there is no combo.
        show_speed = bool(s.speed_level) and Capability.SPEED not in self.driver.capabilities
        self.speed_label.setText(tr("Speed: {0}").format(speed_words(s.speed_level or 0)) if show_speed else "")
        self.trays.set_trays(s.trays)
        self._show_filament()
        problems = [f"⚠ {hms_words(h)} ({h.code})" for h in self._errors(s)]
        problems += [f"⚠ {say(s.error)}"] if s.error and s.print_error is None else []
        self.hms.setText("\n".join(problems))
        set_shown(self.hms, bool(problems))
        self.controls.set_state(s, online)

    @staticmethod
    def _job_words(s: PrinterState) -> str:
        """The job state with what the printer is doing: "Printing · changing filament"; a pause says why
        ("Paused by the user") instead of "Paused · paused by the user"."""
        shown = s.stage and s.stage != "printing" and s.state in (JobState.PREPARING, JobState.PRINTING,
                                                                   JobState.PAUSED)
        if not shown:
            return job_words(s.state)
        stage = stage_words(s.stage)
        if s.state == JobState.PAUSED and s.stage.startswith("paused"):
            return stage[:1].upper() + stage[1:]
        return f"{job_words(s.state)} · {stage}"

    @staticmethod
    def _errors(s: PrinterState) -> list[HmsError]:
        """What the card lists: the print error that paused or stopped the print (a user's cancel is no
        problem: the state says "Cancelled"), then every HMS event, those without Bambu text included."""
        reason = [s.print_error] if s.print_error is not None and s.state != JobState.CANCELLED else []
        return reason + list(s.hms)

    def _show_filament(self) -> None:
        f = self.state.filament
        if f is None or f.weight_g is None:
            self.scale_label.hide()
            return
        text = tr("Spool on scale: {0:.0f} g left").format(f.weight_g)
        if f.consumed_g is not None:
            text += " · " + tr("{0:.0f} g used").format(f.consumed_g)
        if f.battery_v is not None:  # the scale sends volts; the % is estimated from the Li-ion curve
            text += " · " + tr("battery {0} V (~{1:.0f} %)").format(number(f.battery_v, 2), f.battery_pct or 0)
        low = f.weight_g < 50 or (f.battery_v is not None and f.battery_v < LOW_V)
        self.scale_label.setText(text)
        self.scale_label.setStyleSheet(f"color: {self._readable(BAD)};" if low else "")
        self.scale_label.show()

    def show_message(self, text: str) -> None:
        """Command failures stay on the card that caused them (inline, not a modal box)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            log.info("%s: %s", self.name, text)
