"""Printer failures a user can act on. Each message says what happened and what to do next."""

from __future__ import annotations

from core.errors import PotStudioError
from printers.messages import notice_message


class PrinterError(PotStudioError):
    """Base of every printer-side failure."""


class AuthFailedError(PrinterError):
    """The printer refused our credentials; retrying with the same code would only lock us out."""


class PrinterOfflineError(PrinterError):
    """A command was asked while the link is down; we refuse rather than queue, so it is never sent twice."""


class CommandTimeoutError(PrinterError):
    """The printer did not confirm a command in time."""


class CommandRejectedError(PrinterError):
    """The printer answered a command with a failure."""


class DeveloperModeError(CommandRejectedError):
    """Newer Bambu firmware refuses third-party control unless Developer Mode is on."""

    def __init__(self, command: str) -> None:
        self.message = notice_message("command.developer_mode", command=command)
        super().__init__(self.message.text)
        self.command = command


class CapabilityError(PrinterError):
    """The driver cannot do what was asked (e.g. a light on a Klipper printer)."""


class AmsMappingError(PrinterError):
    """The AMS mapping would make the printer hang in 'preparing AMS'; refused before sending."""


class UploadError(PrinterError):
    """A file could not be transferred to the printer."""


class SlicerNotFoundError(PrinterError):
    """No slicer CLI on this machine."""


class SlicingError(PrinterError):
    """The slicer ran but produced no usable G-code."""


class PrinterConfigError(PrinterError):
    """A printer definition is incomplete or inconsistent."""
