from PySide6.QtCore import Qt
from tests.desktop.conftest import ask, wait_idle
def test_dbg(make_window, qtbot):
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    canvas = window.viewport.plotter
    got = []
    window.picker.on_click = got.append
    h = canvas.height(); w = canvas.width()
    print("size", w, h, "dpr", canvas.devicePixelRatioF())
    print("pick direct", window.picker.pick_at(w // 2, h // 2), got)
    orig_p, orig_r = window.picker._press, window.picker._release
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    qtbot.wait(100)
    print("after click", got, window.picker._down)
