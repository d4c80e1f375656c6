"""Progress and cancellation for long work, without Qt.

Core functions take a `Task` and call `task.progress(...)` / `task.check()`; the desktop wraps the
same object to show a progress bar and a Cancel button, the CLI ignores it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from core.errors import CancelledError

ProgressCallback = Callable[[float, str], None]


class Phrase(str):
    """A message a UI may translate (a task's progress, an error a user reads). It reads as its English
    text (logs, the CLI, tests) and keeps its template and fields, so the desktop can say it in the UI
    language (Qt context "Core", collected by resources/i18n/update_ts.py) without the core knowing Qt."""

    template: str
    args: tuple[object, ...]

    def __new__(cls, template: str, *args: object) -> Phrase:
        text = super().__new__(cls, template.format(*args))
        text.template, text.args = template, args
        return text

    def __reduce__(self) -> tuple[type[Phrase], tuple[object, ...]]:
        return Phrase, (self.template, *self.args)


class Task:
    """Thread-safe progress (0..1 with a message) and a cancel flag checked by the worker."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self.fraction = 0.0
        self.message = ""

    def progress(self, fraction: float, message: str = "") -> None:
        self.fraction = min(1.0, max(0.0, fraction))
        self.message = message or self.message
        if self._on_progress is not None:
            self._on_progress(self.fraction, self.message)
        self.check()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise CancelledError when the user asked to stop; workers call this between steps."""
        if self._cancel.is_set():
            raise CancelledError()


NULL_TASK = Task()
