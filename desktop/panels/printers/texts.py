"""Words and colours for printer states, shared by the card, the dialogs and notifications.

Kept apart from the widgets so every view explains a state the same way (an "auth_failed" card and
its notification must not disagree) and so translators find all printer wording in one context.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from desktop.i18n import say
from printers.base import ConnectionState
from printers.hms import MakerText, language_of, maker_words
from printers.messages import Message
from printers.state import HmsError, JobState, Notice

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Printers", text)


def message_words(message: Message) -> str:
    """A printer message in the UI language. printers/ gives a code, parameters and the English template; the
    template is the source text of context "PrinterMessages" (resources/i18n/printers_pt_BR.ts), and only the
    parameters the message marks as terms are translated (job names stay as the user typed them), and those a
    driver wrote as a Phrase (a Bambu error code in a sentence)."""
    params = {key: _param_words(value, key in message.terms) for key, value in message.params.items()}
    try:
        return QCoreApplication.translate("PrinterMessages", message.template).format(**params).strip()
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: English beats a crash
        log.warning("bad translation of printer message %s", message.code, exc_info=True)
        return message.text


def maker_language() -> str:
    """Which of Bambu's tables (resources/bambu) speaks the UI language."""
    return language_of(QLocale().name())


def _param_words(value: str, term: bool) -> str:
    if isinstance(value, MakerText):  # Bambu's own text: its table in the UI language
        return maker_words(value, maker_language())
    return QCoreApplication.translate("PrinterMessages", value) if term else say(value)


def hms_words(hms: HmsError) -> str:
    return message_words(hms.message)


def notice_words(notice: Notice) -> str:
    """Words first, the HMS code after them to look up, as the card shows it: a notification that opened
    with "HMS_0700_2000_0002_0001:" made the user read an id before learning what happened."""
    text = message_words(notice.message)
    return f"{text} ({notice.hms.code})" if notice.hms is not None else text


# Semantic colours: mid-tones, so marks (dots, rings, chart lines) show on both palettes; text in them goes
# through `readable()` against what it sits on.
GOOD, BUSY, WARN, BAD, IDLE = "#1e9e5a", "#2f80ed", "#d98e04", "#d93025", "#8a94a6"
TEXT_CONTRAST = 4.5  # WCAG AA for body text


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    def luminance(c: QColor) -> float:
        return sum(w * (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
                   for w, v in zip((0.2126, 0.7152, 0.0722), (c.redF(), c.greenF(), c.blueF()), strict=True))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: str, background: QColor) -> str:
    """`colour` with its hue kept, lightened on a dark background or darkened on a light one until text in it
    reads (TEXT_CONTRAST). As they are, "Paused" in amber on a white card (2.7:1) or a red "Stop" on a dark
    button (2.8:1) was hard to make out. Cached: a card asks for the same few pairs on every report."""
    return _readable(colour, background.rgba())


@functools.lru_cache(maxsize=64)
def _readable(colour: str, background_rgba: int) -> str:
    background = QColor.fromRgba(background_rgba)
    shade = QColor(colour)
    lighten = background.lightnessF() < 0.5
    while contrast(shade, background) < TEXT_CONTRAST:
        hue, sat, light, alpha = shade.getHslF()
        if (lighten and light >= 1.0) or (not lighten and light <= 0.0):
            break
        shade = QColor.fromHslF(hue, sat, min(1.0, light + 0.03) if lighten else max(0.0, light - 0.03), alpha)
    return shade.name()


_CONNECTION_COLOURS = {
    ConnectionState.ONLINE: GOOD, ConnectionState.CONNECTING: WARN, ConnectionState.DISCONNECTED: IDLE,
    ConnectionState.OFFLINE: WARN, ConnectionState.AUTH_FAILED: BAD, ConnectionState.REFUSED: BAD,
}
_JOB_COLOURS = {
    JobState.PRINTING: BUSY, JobState.PREPARING: BUSY, JobState.PAUSED: WARN, JobState.FINISHED: GOOD,
    JobState.FAILED: BAD, JobState.CANCELLED: IDLE, JobState.IDLE: IDLE, JobState.UNKNOWN: IDLE,
}


def connection_words(state: ConnectionState) -> str:
    return {
        ConnectionState.ONLINE: tr("Online"),
        ConnectionState.CONNECTING: tr("Connecting…"),
        ConnectionState.DISCONNECTED: tr("Disconnected"),
        ConnectionState.OFFLINE: tr("Offline"),
        ConnectionState.AUTH_FAILED: tr("Access code refused"),
        ConnectionState.REFUSED: tr("Connection refused"),
    }[state]


def connection_advice(state: ConnectionState, detail: str) -> str:
    """What the user should do next: a state word alone does not fix a wrong access code."""
    if state == ConnectionState.AUTH_FAILED:
        return tr("The printer rejected the access code, so we stopped retrying (repeated attempts can lock "
                  "you out). Check the LAN access code on the printer's screen, then enter it with "
                  "\"Edit printer…\" (⋯ menu).")
    if state == ConnectionState.REFUSED:
        text = tr("The printer refused the connection.")
        if "certificate" in detail:
            text = tr("The printer's certificate could not be verified. Bambu Lab printers are checked with Bambu "
                      "Lab's own CAs, which come with the app, and by their serial number: check that the serial "
                      "number in \"Edit printer…\" (⋯ menu) is the one on the printer's label and in its device "
                      "settings, and that the IP address is this printer's. \"Don't verify the certificate\" is "
                      "only for an exception you choose deliberately, for a printer you trust on this network.")
        return text + (f"\n{detail}" if detail else "")
    if state == ConnectionState.OFFLINE:
        return tr("Not reachable right now; retrying automatically.") + (f" ({detail})" if detail else "")
    return ""


def connection_colour(state: ConnectionState) -> str:
    return _CONNECTION_COLOURS[state]


def job_words(state: JobState) -> str:
    return {
        JobState.IDLE: tr("Idle"), JobState.PREPARING: tr("Preparing"), JobState.PRINTING: tr("Printing"),
        JobState.PAUSED: tr("Paused"), JobState.FINISHED: tr("Finished"), JobState.FAILED: tr("Failed"),
        JobState.CANCELLED: tr("Cancelled"), JobState.UNKNOWN: tr("Waiting for status"),
    }[state]


def stage_words(stage: str) -> str:
    """What the printer is doing, in the UI language: drivers report the stage as an English phrase
    (printers/drivers/bambu/stages.py), translated in context "PrinterStages"."""
    return QCoreApplication.translate("PrinterStages", stage)


def nozzle_words(index: int) -> str:
    """A two-nozzle printer's nozzles as Bambu names them: index 0 is the right one."""
    return tr("Right nozzle") if index == 0 else tr("Left nozzle") if index == 1 else tr("Nozzle {0}").format(index + 1)


def job_colour(state: JobState) -> str:
    return _JOB_COLOURS[state]


def duration(minutes: int | None) -> str:
    if minutes is None:
        return "–"
    hours, mins = divmod(max(0, minutes), 60)
    return tr("{0} h {1:02d} min").format(hours, mins) if hours else tr("{0} min").format(mins)


def eta(minutes: int | None, now: dt.datetime | None = None) -> str:
    """Wall-clock finish time; a date is added when it ends on another day (long prints overnight)."""
    if minutes is None or minutes <= 0:
        return "–"
    start = now or dt.datetime.now()
    end = start + dt.timedelta(minutes=minutes)
    clock = end.strftime("%H:%M")
    if end.date() == start.date():
        return clock
    # the weekday in the UI language (QLocale follows it); strftime's is the C locale's, "Sun" in Portuguese
    return f"{QLocale().dayName(end.isoweekday(), QLocale.FormatType.ShortFormat)} {clock}"


def temperature(current: float | None, target: float | None) -> str:
    if current is None:
        return "–"
    if target:
        return f"{current:.0f} / {target:.0f} °C"
    return f"{current:.0f} °C"


SPEED_LEVELS = (1, 2, 3, 4)


def speed_words(level: int) -> str:
    return {1: tr("Silent"), 2: tr("Standard"), 3: tr("Sport"), 4: tr("Ludicrous")}.get(level, str(level))


def fan_words(name: str) -> str:
    return {"part": tr("Part"), "aux": tr("Aux"), "chamber": tr("Chamber"), "heatbreak": tr("Hotend")}.get(name, name)


def kind_words(kind: str) -> str:
    return {"bambu": tr("Bambu Lab"), "moonraker": tr("Klipper"), "potscale": tr("3D Pot scale")}.get(kind, kind)
