"""Screenshot mode: drive the real window like a user (type each prompt in the chat, wait for the
reply and the rendered model), then save a PNG of the whole window and quit.

It waits on the window's own signals (turn ended, mesh rendered, workers idle) rather than on fixed
sleeps, so it is as fast as the machine allows and still sees the final frame.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.main_window import MainWindow

log = logging.getLogger(__name__)


class ScreenshotDriver(QObject):
    def __init__(self, window: MainWindow, prompts: list[str], out: Path, timeout_s: float = 180.0) -> None:
        super().__init__(window)
        self.window = window
        self.prompts = list(prompts)
        self.out = out
        self.exit_code = 1
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._step)
        self._settled = 0
        QTimer.singleShot(int(timeout_s * 1000), self._timeout)

    def start(self) -> None:
        self._poll.start()

    def _idle(self) -> bool:
        w = self.window
        return not (w.chat.busy or w.workers.busy or w.regen.busy)

    def _step(self) -> None:
        if not self._idle():
            self._settled = 0
            return
        if self.prompts:
            self.window.chat.submit(self.prompts.pop(0))
            return
        self._settled += 1
        if self._settled < 4:  # a few idle polls: the last render and thumbnails have landed
            return
        self._poll.stop()
        self.window.viewport.plotter.render()
        QCoreApplication.processEvents()
        image = self.window.grab()
        if image.save(str(self.out)):
            log.info("screenshot saved to %s", self.out)
            self.exit_code = 0
        else:
            log.error("cannot write the screenshot to %s", self.out)
        self._close()

    def _close(self) -> None:
        # Screenshot mode never saves: the edits it made are a demonstration, not the user's work.
        self.window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        self.window.close()

    def _timeout(self) -> None:
        if self._poll.isActive():
            log.error("screenshot mode timed out waiting for the model")
            self._poll.stop()
            self.exit_code = 2
            self._close()
