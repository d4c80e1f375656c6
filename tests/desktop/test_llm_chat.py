"""The chat dock with an online provider: the LLM stand-in (tests/core/fake_openai.py) speaks the
OpenAI streaming protocol over a real socket, as a remote service cannot run here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from core.settings import AISettings
from tests.core.fake_openai import MODEL, FakeOpenAI, refused_url, text_reply
from tests.desktop.conftest import wait_idle


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as fake:
        yield fake


def use(window, url: str) -> None:  # type: ignore[no-untyped-def]
    """Pick 'Custom URL' in Preferences' terms: the settings change, the chat dock follows."""
    store = window.services.settings
    store.update(store.settings.model_copy(update={"ai": AISettings(provider="custom", url=url, model=MODEL)}))


def test_reply_streams_into_the_chat_token_by_token(make_window, qtbot, llm: FakeOpenAI) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    use(window, llm.base_url)
    assert window.chat.provider.currentData() == "custom"
    llm.enqueue(text_reply("Pots ", "are ", "great ", "to ", "print.", delay=0.25))
    seen: list[str] = []
    window.chat_ctl.token.connect(lambda _t: seen.append(window.chat.bubbles[-1].text))
    window.chat.submit("tell me about pots")
    qtbot.waitUntil(lambda: not window.chat.busy, timeout=30_000)
    assert seen[:3] == ["Pots ", "Pots are ", "Pots are great "], "tokens did not stream into one bubble"
    assert window.chat.bubbles[-1].text == "Pots are great to print."
    assert llm.requests and llm.requests[0].body["stream"] is True


def test_stop_ends_a_streaming_reply_and_changes_nothing(make_window, qtbot, llm: FakeOpenAI) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    use(window, llm.base_url)
    llm.enqueue(text_reply(*[f"word{i} " for i in range(40)], delay=0.2))
    before = window.doc.dumps()
    window.chat.submit("a long story")
    qtbot.waitUntil(lambda: bool(window.chat.bubbles) and window.chat.bubbles[-1].text.startswith("word0"),
                    timeout=30_000)
    assert window.chat.stop.isEnabled()
    qtbot.mouseClick(window.chat.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.chat.busy, timeout=10_000)
    wait_idle(qtbot, window)
    assert "word39" not in window.chat.bubbles[-1].text
    assert "ancel" in window.chat.bubbles[-1].text or "top" in window.chat.bubbles[-1].text
    assert window.doc.dumps() == before
    assert window.chat.send.isEnabled()


def test_unreachable_service_shows_its_state_and_the_offline_assistant_answers(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    use(window, refused_url())
    qtbot.waitUntil(lambda: window.chat.state.property("state") == "error", timeout=20_000)
    assert "not reachable" in window.chat.state.text()
    window.chat.submit("a plant pot 12 cm wide")
    qtbot.waitUntil(lambda: not window.chat.busy, timeout=60_000)
    wait_idle(qtbot, window)
    assert window.viewport.model_bounds is not None, "the offline fallback should still design the pot"
    assert "offline assistant answered" in window.chat.bubbles[-1].text
