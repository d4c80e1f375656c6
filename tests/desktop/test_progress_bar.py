"""desktop/progress_bar.py: a new value paints with the next pass, together with the rest of the window,
instead of on the spot (QProgressBar.setValue repaints synchronously and flushes every dirty region)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.progress_bar import ProgressBar

pytestmark = pytest.mark.gui


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.painted: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            self.painted.append(watched)
        return False


@pytest.mark.parametrize("kind", [QProgressBar, ProgressBar])
def test_a_new_value_does_not_paint_the_window_on_the_spot(qtbot, kind: type[QProgressBar]) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    lay = QVBoxLayout(host)
    bar, other = kind(), QLabel("22 °C")
    lay.addWidget(bar)
    lay.addWidget(other)
    bar.setRange(0, 100)
    bar.setValue(10)
    bar.setTextVisible(False)  # as on a printer card
    counter = PaintCounter()
    bar.installEventFilter(counter)
    other.installEventFilter(counter)
    host.show()
    qtbot.waitUntil(lambda: counter.paints >= 2)  # both on screen once
    qtbot.wait(50)
    counter.paints = 0
    other.setText("23 °C")  # dirty, waiting for the next pass
    bar.setValue(40)
    synchronous = counter.paints
    qtbot.waitUntil(lambda: counter.paints >= 2)
    assert bar.value() == 40
    if kind is QProgressBar:
        assert synchronous >= 1, "Qt's own bar no longer paints on the spot: ProgressBar may be unneeded"
    else:
        assert synchronous == 0, "the bar and the label painted inside setValue, not with the next pass"
    counter.painted.clear()
    bar.setValue(40)  # unchanged: nothing to paint
    other.setText("24 °C")  # painted with the next pass: once it is, that pass is over
    qtbot.waitUntil(lambda: other in counter.painted)
    assert bar not in counter.painted
