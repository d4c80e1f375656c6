"""Desktop notifications for print events: finished, failed, paused, cancelled, HMS errors, refusals.

A system tray balloon when the desktop has a tray (the user may be in another app for a 6-hour print);
otherwise an in-window toast, because a notification nobody can see is worse than none.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStyle, QSystemTrayIcon, QWidget

from desktop.panels.printers.texts import notice_words
from printers.state import Notice

log = logging.getLogger(__name__)

_TOAST_STYLE = ("QLabel#printerToast { background: rgba(31, 36, 48, 0.94); color: #ffffff; border-radius: 10px;"
                " padding: 10px 14px; font-weight: 500; }"
                " QLabel#printerToast[kind=\"bad\"] { background: rgba(185, 38, 30, 0.95); }")
_BAD = {"failed", "hms", "refused"}


class Toast(QLabel):
    """A transient label floating at the bottom-right of `host`, following it when resized."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("printerToast")
        self.setStyleSheet(_TOAST_STYLE)
        self.setWordWrap(True)
        self.setMaximumWidth(360)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=7000)
        self._timer.timeout.connect(self.hide)
        host.installEventFilter(self)

    def show_text(self, text: str, bad: bool) -> None:
        self.setText(text)
        self.setProperty("kind", "bad" if bad else "info")
        self.style().unpolish(self)
        self.style().polish(self)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.move(max(0, host.width() - self.width() - 16), max(0, host.height() - self.height() - 16))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


class Notifier(QObject):
    def __init__(self, host: QWidget, use_tray: bool | None = None) -> None:
        super().__init__(host)
        self.toast = Toast(host)
        available = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if available:
            icon = host.windowIcon()
            if icon.isNull():  # a tray entry without an icon is invisible on most desktops
                icon = host.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.show()

    def notify(self, printer: str, notice: Notice) -> None:
        title = printer
        bad = notice.kind in _BAD
        text = notice_words(notice)
        log.info("notification %s: %s", printer, notice.text)
        if self.tray is not None and self.tray.isVisible():
            icon = QSystemTrayIcon.MessageIcon.Warning if bad else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(title, text, icon, 10_000)
        else:
            self.toast.show_text(f"{title}: {text}", bad)
