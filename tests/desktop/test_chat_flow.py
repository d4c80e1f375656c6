"""Type a prompt → the assistant designs → the model with the expected size is in the viewport."""

from __future__ import annotations

import pytest

from tests.desktop.conftest import ask, wait_idle, wait_until


def extents(window) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    b = window.viewport.model_bounds
    assert b is not None, "no model in the viewport"
    return b[1] - b[0], b[3] - b[2], b[5] - b[4]


def test_prompt_puts_a_pot_of_the_asked_width_in_the_viewport(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.viewport.model_bounds is None
    ask(window, "a plant pot 12 cm wide", qtbot)
    w, d, h = extents(window)
    assert w == pytest.approx(120, abs=1.0) and d == pytest.approx(120, abs=1.0)
    assert h > 20
    assert "120.0 ×" in window.viewport.dims_label.text()
    # the reply is in the chat with a model card and suggestion chips
    assert any(b.role == "assistant" and "120" in b.text for b in window.chat.bubbles)
    assert [c.version for c in window.chat.cards] == [1]
    wait_idle(qtbot, window)
    assert window.chat.cards[0].thumb.pixmap() is not None and not window.chat.cards[0].thumb.pixmap().isNull()
    assert window.chat.chip_buttons, "no suggestion chips after the reply"
    assert window.history.count == 1


def test_follow_up_edit_and_undo_of_the_ai_edit(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    _, _, h0 = extents(window)
    ask(window, "make it 20% taller", qtbot)
    _, _, h1 = extents(window)
    assert h1 == pytest.approx(h0 * 1.2, rel=0.05)
    assert window.action_set["edit.undo"].isEnabled()
    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert extents(window)[2] == pytest.approx(h0, abs=0.5)
    window.action_set["edit.redo"].trigger()
    wait_idle(qtbot, window)
    assert extents(window)[2] == pytest.approx(h1, abs=0.5)


def test_suggestion_chip_sends_its_text(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    chip = window.chat.chip_buttons[0]
    text = chip.text()
    qtbot.mouseClick(chip, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.chat.busy, timeout=60_000)
    wait_idle(qtbot, window)
    assert any(b.role == "user" and b.text == text for b in window.chat.bubbles)


@pytest.mark.parametrize("language", ["en", "pt_BR"])
def test_a_first_time_user_gets_starter_chips_that_each_build_a_model(make_window, qtbot, language) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from core.assistant.offline.planner import OfflinePlanner
    from core.assistant.session import DesignSession

    window = make_window()
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": language}))
    starters = [chip.text() for chip in window.chat.chip_buttons]
    assert len(starters) == 4 and window.chat.empty.isVisible()
    assert (starters[0] == "um vaso de planta de 12 cm com furos de drenagem") == (language == "pt_BR")
    assert window.tree.tree.topLevelItem(0).text(0) == ("Modelo" if language == "pt_BR" else "Model")
    planner = OfflinePlanner()
    for text in starters:  # every starter, in the UI language, makes a model without a question
        reply = DesignSession(planner).send(text)
        assert reply.command is not None and not reply.questions, f"{text!r}: {reply.text}"
    qtbot.mouseClick(window.chat.chip_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.chat.busy, timeout=60_000)
    wait_idle(qtbot, window)
    assert window.doc.template == "box_with_lid"
    assert extents(window)[2] == pytest.approx(42, abs=0.5)
    assert [c.text() for c in window.chat.chip_buttons] != starters, "the reply's own suggestions replace them"
    store.update(store.settings.model_copy(update={"language": "en"}))


@pytest.mark.parametrize(("prompt", "accept"), [("a broom holder", "yes, please"),
                                                ("um suporte para bicicleta na parede", "sim, por favor")])
def test_the_closest_template_offered_is_one_click_away(make_window, qtbot, prompt: str,  # type: ignore[no-untyped-def]
                                                        accept: str) -> None:
    """"I can't make a broom holder yet; the closest I can make is a wall hook — shall I?": its first chip accepts."""
    from PySide6.QtCore import Qt

    window = make_window()
    ask(window, prompt, qtbot)
    assert window.doc.template is None and window.viewport.model_bounds is None
    chip = window.chat.chip_buttons[0]
    assert chip.text() == accept
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: window.doc.template == "wall_hook")
    wait_idle(qtbot, window)
    assert window.viewport.model_bounds is not None
