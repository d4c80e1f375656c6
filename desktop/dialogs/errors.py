"""Errors a person reads: a clear sentence in the dialog, the traceback behind "Show Details…"
(and in the log file), never a raw traceback as the message."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import PotStudioError
from desktop.i18n import say_error

log = logging.getLogger("potstudio.errors")


def user_message(exc: BaseException) -> str:
    if isinstance(exc, PotStudioError):
        return say_error(exc)
    return QCoreApplication.translate("Errors", "Something unexpected went wrong ({0}). The details are in the log "
                                      "file; please report them.").format(type(exc).__name__)


def show_error(parent: QWidget, title: str, exc: BaseException) -> QMessageBox:
    """Log the failure and open a non-blocking message box; returns it so callers (tests) can close it."""
    details = "".join(traceback.format_exception(exc))
    if isinstance(exc, PotStudioError):
        log.warning("%s: %s\n%s", title, exc, details)
    else:
        log.error("%s failed unexpectedly\n%s", title, details)
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(user_message(exc))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
