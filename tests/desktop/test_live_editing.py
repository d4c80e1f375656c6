"""Live editing through the Parameters dock: slider drags, coalescing, one undo step (the stall is in bench/)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from tests.desktop.conftest import ask, wait_idle
from tests.desktop.test_chat_flow import extents


def drag(qtbot, slider, positions: list[int], pause_ms: int = 15) -> None:  # type: ignore[no-untyped-def]
    """Press the handle, move through positions, release: Qt's own slider-drag signals."""
    slider.setSliderDown(True)
    for p in positions:
        slider.setSliderPosition(p)
        qtbot.wait(pause_ms)
    slider.setSliderDown(False)


def test_slider_drag_regenerates_live_and_is_one_undo_step(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The GUI thread's worst stall during such a drag is a number, measured in bench_desktop (a timing here failed
    under machine load, issue 13); this test keeps the behaviour: live, coalesced, one undo step."""
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    h0 = extents(window)[2]
    depth = window.stack.depth
    builds = window.regen.builds
    slider = window.params.rows["height"].slider
    drag(qtbot, slider, list(range(slider.value(), slider.value() + 300, 10)))
    wait_idle(qtbot, window)

    height = window.doc.values()["height"]
    assert height > h0 + 20
    assert extents(window)[2] == pytest.approx(height, abs=0.5), "the view does not show the last value"
    assert window.params.rows["height"].spin.value() == pytest.approx(height)
    assert window.stack.depth == depth + 1, "a drag must be a single undo step"
    assert 1 <= window.regen.builds - builds < 30, "intermediate values were not coalesced"

    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert extents(window)[2] == pytest.approx(h0, abs=0.5)
    assert window.params.rows["height"].spin.value() == pytest.approx(h0, abs=0.5)


class LayoutRequests(QObject):
    """Counts the main window's re-layouts: each one moves every dock and repaints the whole window."""

    def __init__(self, window: QObject) -> None:
        super().__init__()
        self.window = window
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_dragging_a_slider_does_not_relayout_the_window(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    dims = window.viewport.dims_label.text()
    counter = LayoutRequests(window)
    window.installEventFilter(counter)
    slider = window.params.rows["top_diameter"].slider
    drag(qtbot, slider, list(range(slider.value(), slider.value() + 200, 10)))
    wait_idle(qtbot, window)
    window.removeEventFilter(counter)
    assert window.viewport.dims_label.text() != dims, "the dimensions shown did not follow the drag"
    assert counter.count <= 1, f"the main window was laid out again {counter.count} times during one drag"


def test_spin_box_edit_and_out_of_range_value_is_refused_clearly(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    spin = window.params.rows["wall"].spin
    spin.setValue(4.0)
    wait_idle(qtbot, window)
    assert window.doc.values()["wall"] == pytest.approx(4.0)
    before = window.doc.dumps()
    window.params._push("wall", 999.0, None)
    assert window.doc.dumps() == before
    assert "at most" in window.errors[-1]
    assert spin.value() == pytest.approx(4.0)


def test_inches_preference_shows_lengths_in_inches(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    store = window.services.settings
    store.update(store.settings.model_copy(update={"units": "in"}))
    spin = window.params.rows["top_diameter"].spin
    assert spin.suffix().strip() == "in"
    assert spin.value() == pytest.approx(120 / 25.4, abs=0.01)
    spin.setValue(5.0)
    wait_idle(qtbot, window)
    assert extents(window)[0] == pytest.approx(127.0, abs=1.0)


def test_text_parameter_is_edited_in_a_line_field(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from core.commands import ReplaceDocument
    from core.templates.registry import load_all

    spec = next((s for s in load_all().values() if any(p.kind == "text" for p in s.parameters())), None)
    assert spec is not None, "no template has a text parameter"
    window = make_window()
    window.stack.push(ReplaceDocument(spec.make()))
    wait_idle(qtbot, window)
    name = next(p.name for p in window.doc.params.values() if p.kind == "text")
    field = window.params.rows[name]
    field.setText("Ana")
    field.editingFinished.emit()
    wait_idle(qtbot, window)
    assert window.doc.values()[name] == "Ana"
    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert field.text() != "Ana"


def test_a_computed_switch_reads_yes_or_no_and_follows_its_inputs(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "an enclosure for a 85 x 56 x 20 mm raspberry pi", qtbot)
    shown = window.params.rows["stack_parts"]
    assert shown.text() == "No", "a computed on/off value is not shown as the number 0.00"
    window.params.rows["device_width"].spin.setValue(200)  # side by side would no longer fit: lid goes in front
    wait_idle(qtbot, window)
    assert window.doc.values()["stack_parts"] and shown.text() == "Yes"
