"""Errors a user can read. Every failure that reaches a person is one of these, with a message that
says what went wrong and what to do; details (paths, offsets) go in attributes for the log."""

from __future__ import annotations


class PotStudioError(Exception):
    """Base of every error we show to a user; `str(err)` is the user-facing message."""


class DocumentError(PotStudioError):
    """The parametric document is inconsistent (unknown node, bad parameter, bad expression)."""


class ExpressionError(DocumentError):
    """An expression between parameters cannot be parsed or evaluated."""


class ParameterError(DocumentError):
    """A parameter value is out of its range or of the wrong type, or breaks a printability rule.

    `str(err)` stays English (logs, CLI, LLM tool results); `pt` is the same message in Brazilian
    Portuguese when the raiser has one, so a Portuguese conversation can answer in its own language.
    """

    def __init__(self, message: str, pt: str = "") -> None:
        super().__init__(message)
        self.pt = pt

    def text(self, lang: str) -> str:
        """The message in `lang` ("en" or "pt"); English where no translation exists."""
        return self.pt if lang == "pt" and self.pt else str(self)


class GeometryError(PotStudioError):
    """The model cannot be turned into a printable mesh."""


class MeshFileError(PotStudioError):
    """A mesh file is broken, hostile or of a format we do not read."""


class CancelledError(PotStudioError):
    """The user cancelled a long task."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class StoreError(PotStudioError):
    """The local store cannot be read or written."""


class AssistantError(PotStudioError):
    """The design assistant cannot answer (provider down, bad reply)."""
