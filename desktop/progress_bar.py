"""A progress bar that paints with the next frame instead of on the spot.

QProgressBar.setValue calls repaint(), not update(): the bar paints synchronously, and that flushes every
region of the window already marked dirty in the same call (a printer card's temperature chart, the
viewport). Twenty printer cards updated in one event-loop pass then paint twenty times over, and a task's
progress reported during a slider drag paints the window between two frames. Here setValue only marks
the bar dirty, so Qt paints it with everything else, once per pass.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


class ProgressBar(QProgressBar):
    def setValue(self, value: int) -> None:
        if value == self.value():
            return
        self.setUpdatesEnabled(False)  # repaint() is a no-op meanwhile ...
        super().setValue(value)
        self.setUpdatesEnabled(True)  # ... and this schedules the deferred update()
