"""The LLM design assistant end to end: a DesignSession talking to a scripted OpenAI-compatible
server over a real socket. Assertions are on what the designer sees: the model, the reply, notes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from core.assistant.base import PrinterContext
from core.assistant.llm.presets import LLMConfig
from core.assistant.llm.provider import MAX_REPAIR_ROUNDS, LLMProvider
from core.assistant.session import DesignSession
from core.geometry.build import Evaluator
from core.secrets import set_secret
from core.tasks import Task
from core.templates.base import TemplateSpec
from tests.core.fake_openai import (
    MODEL,
    FakeOpenAI,
    Scripted,
    chunk,
    error_reply,
    refused_url,
    text_reply,
    tool_reply,
)
from tests.core.llm_support import CUP_ID, StandInPlanner, cup_template

KEY = "sk-test-4f9a1c2e"


@pytest.fixture
def cup() -> Iterator[TemplateSpec]:
    with cup_template() as spec:
        yield spec


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def session_for(url: str, planner: StandInPlanner | None = None, key: str | None = KEY,
                **timeouts: float) -> DesignSession:
    config = LLMConfig.custom(url, MODEL, **timeouts)
    if key:
        set_secret(config.secret_key, key)
    return DesignSession(LLMProvider(config, fallback=planner or StandInPlanner()), context=PrinterContext())


def size_of(session: DesignSession) -> list[float]:
    return [round(float(v), 1) for v in Evaluator().mesh(session.doc).extents]


def tool_messages(session: DesignSession) -> list[str]:
    return [m.text for m in session.conversation.messages if m.role == "tool"]


def sent_tool_results(request_body: dict[str, Any]) -> list[str]:
    return [m["content"] for m in request_body["messages"] if m["role"] == "tool"]


def test_template_call_with_fragmented_arguments_makes_that_template(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    llm.enqueue(
        tool_reply(("create_from_template", {"template": CUP_ID, "parameters": {"diameter": 90, "height": 120}}),
                   pieces=9),
        text_reply("Here is your cup: ", "90 mm wide, ", "120 mm tall."),
    )
    session = session_for(llm.base_url)
    tokens: list[str] = []
    reply = session.send("a cup 9 cm wide and 12 cm tall", on_token=tokens.append)

    assert session.doc.template == CUP_ID
    assert session.doc.values()["diameter"] == 90 and session.doc.values()["height"] == 120
    assert size_of(session) == [90.0, 90.0, 120.0]
    assert reply.text == "Here is your cup: 90 mm wide, 120 mm tall."
    assert tokens == ["Here is your cup: ", "90 mm wide, ", "120 mm tall."]
    assert reply.notes == []
    # The model saw the built result (so it can quote real dimensions), and the reply is one undo step.
    assert "90.0 × 90.0 × 120.0 mm" in sent_tool_results(llm.requests[1].body)[0]
    assert session.conversation.messages[-1].version == 1
    assert session.stack.undo_label == "AI: made a Test cup"  # what Edit ▸ Undo shows
    session.stack.undo()
    assert session.doc.template is None and not session.doc.root.children


def test_requests_carry_the_key_from_the_keyring_and_the_tools(llm: FakeOpenAI, cup: TemplateSpec,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    llm.enqueue(text_reply("What size should it be?"))
    session = session_for(llm.base_url)
    reply = session.send("make me a cup")

    request = llm.requests[0]
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body["stream"] is True and request.body["model"] == MODEL
    tools = {t["function"]["name"] for t in request.body["tools"]}
    assert tools == {"create_from_template", "create_scene", "edit_scene", "set_parameters"}
    system = request.body["messages"][0]["content"]
    assert CUP_ID in system and "diameter" in system and "256 × 256 × 256 mm" in system
    assert request.body["messages"][-1] == {"role": "user", "content": "make me a cup"}
    assert reply.questions == ["What size should it be?"] and session.doc.template is None
    assert KEY not in caplog.text, "the API key must never reach the logs"


def test_schema_violation_is_fed_back_and_repaired(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    llm.enqueue(
        tool_reply(("create_from_template", {"template": CUP_ID, "parameters": {"diameter": [80]}})),
        tool_reply(("create_from_template", {"template": CUP_ID, "parameters": {"diameter": 80}})),
        text_reply("Done: an 80 mm cup."),
    )
    session = session_for(llm.base_url)
    reply = session.send("an 8 cm cup")

    assert session.doc.values()["diameter"] == 80
    assert reply.text == "Done: an 80 mm cup."
    assert reply.notes == ["repaired after 1 failed attempt(s)"]
    errors = tool_messages(session)
    assert "Invalid arguments for create_from_template" in errors[0] and "parameters/diameter" in errors[0]
    assert errors[1].startswith("OK:")
    assert "Invalid arguments" in sent_tool_results(llm.requests[1].body)[0]  # the model was told what was wrong


def test_build_failure_is_fed_back_and_repaired(llm: FakeOpenAI) -> None:
    ring = {"name": "Ring", "root": {"type": "torus", "props": {"R": 10, "r": 15}}}
    fixed = {"name": "Ring", "root": {"type": "torus", "props": {"R": 20, "r": 5}}}
    llm.enqueue(tool_reply(("create_scene", ring)), tool_reply(("create_scene", fixed)), text_reply("A 50 mm ring."))
    session = session_for(llm.base_url)
    session.send("a ring 5 cm across")

    assert session.doc.name == "Ring"
    assert size_of(session) == [50.0, 50.0, 10.0]
    assert "tube radius" in tool_messages(session)[0]


def test_gives_up_after_the_repair_rounds_and_leaves_the_model_alone(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    session = session_for(llm.base_url)
    session.doc.replace_with(cup.make({"diameter": 70}))
    before = session.doc.to_json()
    attempts = MAX_REPAIR_ROUNDS + 1
    llm.enqueue(*[tool_reply(("set_parameters", {"values": {"wall": 30 + i}})) for i in range(attempts)])
    llm.enqueue(text_reply("this reply must never be requested"))
    reply = session.send("make the walls much thicker")

    assert reply.text.startswith("I could not make a valid model")
    assert "Your model is unchanged" in reply.text and "Wall must be at most 10" in reply.text
    assert "error" in reply.notes
    assert session.doc.to_json() == before and not session.stack.can_undo
    assert len(llm.requests) == attempts
    assert len(tool_messages(session)) == attempts


def test_several_tool_calls_in_one_reply_are_one_undo_step(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    session = session_for(llm.base_url)
    session.doc.replace_with(cup.make())
    llm.enqueue(
        tool_reply(("set_parameters", {"values": {"height": 100}}),
                   ("edit_scene", {"operations": [{"op": "add", "parent": "root", "node": {
                       "type": "cylinder", "id": "drain", "props": {"h": 10, "r": 4}}}]})),
        text_reply("Taller, with a drainage hole."),
    )
    reply = session.send("make it 100 mm tall and add a drainage hole")

    assert session.doc.values()["height"] == 100 and session.doc.node("drain").type == "cylinder"
    assert reply.command is not None
    assert session.stack.depth == 1
    session.stack.undo()
    assert session.doc.values()["height"] == 80
    assert "drain" not in {n.id for n in session.doc.root.walk()}


def test_dropped_connection_mid_stream_falls_back_to_the_offline_planner(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    broken = tool_reply(("create_from_template", {"template": CUP_ID, "parameters": {"diameter": 90}}))
    llm.enqueue(Scripted(broken.events, drop_after=3))
    planner = StandInPlanner()
    session = session_for(llm.base_url, planner)
    reply = session.send("a cup 9 cm wide")

    assert planner.calls == 1
    assert "Offline answer to: a cup 9 cm wide" in reply.text
    assert len(reply.notes) == 1 and "The offline assistant answered instead." in reply.notes[0]
    assert "dropped" in reply.notes[0]
    assert reply.text.startswith(f"[{reply.notes[0]}]")
    assert session.doc.template is None  # half a tool call is never executed


def test_refused_connection_falls_back_and_the_fallback_edit_applies(cup: TemplateSpec) -> None:
    planner = StandInPlanner()
    session = session_for(refused_url(), planner)
    session.doc.replace_with(cup.make())
    reply = session.send("make it 100 mm tall")

    assert planner.calls == 1
    assert "Cannot connect" in reply.notes[0] and "The offline assistant answered instead." in reply.text
    assert session.doc.values()["height"] == 100


def test_server_that_never_answers_times_out_into_the_fallback(llm: FakeOpenAI) -> None:
    llm.enqueue(text_reply("too", "late", delay=2.0))
    planner = StandInPlanner()
    session = session_for(llm.base_url, planner, read_timeout=0.3)
    reply = session.send("a box")

    assert planner.calls == 1 and "did not answer in time" in reply.notes[0]


def test_a_reply_that_never_ends_falls_back_and_says_why(llm: FakeOpenAI) -> None:
    """Keep-alives forever (read_timeout never trips) and a flood of tool calls: each turn ends with the
    offline answer and a note naming the cause; nothing of the flood is built."""
    flood = [{"index": i, "id": f"call_{i}", "type": "function",
              "function": {"name": "set_parameters", "arguments": "{}"}} for i in range(500)]
    llm.enqueue(Scripted([chunk({"role": "assistant", "content": ""})], endless=b": keep-alive\n\n",
                         endless_pause=0.05),
                Scripted([chunk({"role": "assistant", "tool_calls": flood}), chunk({}, "tool_calls")]))
    planner = StandInPlanner()
    session = session_for(llm.base_url, planner, turn_timeout=1.0)
    late = session.send("a box")
    flooded = session.send("a box")

    assert planner.calls == 2
    assert "did not finish its reply within 1 s" in late.notes[0]
    assert "more than 16 tool calls" in flooded.notes[0] and "The offline assistant answered instead." in flooded.text


def test_rejected_key_gives_a_clear_message_and_no_fallback(llm: FakeOpenAI) -> None:
    llm.enqueue(error_reply(401, "Incorrect API key provided: sk-test-****1c2e.", "invalid_api_key"))
    planner = StandInPlanner()
    session = session_for(llm.base_url, planner)
    reply = session.send("a cup")

    assert "API key rejected" in reply.text and "Preferences" in reply.text
    assert planner.calls == 0 and session.doc.template is None


def test_missing_key_for_a_hosted_service_is_reported_before_any_request() -> None:
    provider = LLMProvider(LLMConfig.from_preset("nvidia"), fallback=StandInPlanner())
    session = DesignSession(provider)
    reply = session.send("a cup")
    assert "No API key for NVIDIA NIM" in reply.text


def test_cancel_stops_the_stream(llm: FakeOpenAI) -> None:
    tokens_sent = [f"word{i} " for i in range(80)]
    llm.enqueue(text_reply(*tokens_sent, delay=0.02))
    session = session_for(llm.base_url)
    task = Task()
    seen: list[str] = []

    def on_token(token: str) -> None:
        seen.append(token)
        if len(seen) == 3:
            task.cancel()

    reply = session.send("describe a vase", on_token=on_token, task=task)
    assert reply.text == "Cancelled."
    assert seen == tokens_sent[:3]
    assert llm.aborted.wait(3), "the server should see the client close the stream"
    assert llm.sent < len(tokens_sent)


def test_cancel_while_a_slow_model_has_not_answered_yet(llm: FakeOpenAI) -> None:
    llm.enqueue(text_reply("finally", delay=5.0))  # a local model on a CPU, thinking
    session = session_for(llm.base_url)
    task = Task()
    timer = threading.Timer(0.3, task.cancel)
    timer.start()
    reply = session.send("a vase", task=task)
    timer.join()
    assert reply.text == "Cancelled."
    assert llm.sent == 0, "the reply came back before the server sent anything"
    assert session.doc.template is None


def test_follow_up_edits_the_current_model_and_undo_takes_back_only_that(llm: FakeOpenAI, cup: TemplateSpec) -> None:
    llm.enqueue(
        tool_reply(("create_from_template", {"template": CUP_ID, "parameters": {"diameter": 70}})),
        text_reply("A 70 mm cup."),
        tool_reply(("set_parameters", {"values": {"height": 96}})),
        text_reply("Now 96 mm tall."),
    )
    session = session_for(llm.base_url)
    session.send("a 7 cm cup")
    reply = session.send("make it 20% taller")

    assert reply.text == "Now 96 mm tall." and session.doc.values()["height"] == 96
    follow_up = llm.requests[2].body["messages"]
    assert [m["role"] for m in follow_up[1:]] == ["user", "assistant", "user"]  # earlier turn remembered
    assert "height=80" in follow_up[0]["content"]  # the model is told what it is editing
    session.stack.undo()
    assert session.doc.values()["height"] == 80 and session.doc.values()["diameter"] == 70


def test_a_local_model_works_on_a_machine_without_a_keyring(llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    try:
        llm.enqueue(text_reply("Hello from a local model."))
        session = DesignSession(LLMProvider(LLMConfig.custom(llm.base_url, MODEL)))
        assert session.send("hi").text == "Hello from a local model."
        assert "authorization" not in llm.requests[0].headers
        hosted = DesignSession(LLMProvider(LLMConfig.from_preset("openai")))
        assert "No secure keyring" in hosted.send("hi").text  # a hosted service still needs its key kept safe
    finally:
        keyring.set_keyring(previous)


def test_without_a_fallback_the_network_error_is_the_answer() -> None:
    session = DesignSession(LLMProvider(LLMConfig.custom(refused_url(), MODEL)))
    reply = session.send("a cup")
    assert reply.text.startswith("Cannot connect to 127.0.0.1") and "No offline assistant" in reply.text
    assert reply.notes == ["error"]
