"""The streaming chat client against the scripted OpenAI-compatible server: SSE parsing, tool-call
assembly, and the error the user gets for each way a service can fail."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from core.assistant.llm.client import (
    MAX_TOOL_CALLS,
    ChatClient,
    LLMAuthError,
    LLMError,
    LLMUnavailable,
    redacted,
)
from core.assistant.llm.presets import PRESETS, LLMConfig
from core.errors import AssistantError
from tests.core.fake_openai import MODEL, FakeOpenAI, Scripted, chunk, error_reply, text_reply

MESSAGES = [{"role": "user", "content": "a cup"}]


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def client(llm: FakeOpenAI, key: str | None = "sk-abc") -> ChatClient:
    return ChatClient(LLMConfig.custom(llm.base_url, MODEL), key)


def test_parallel_tool_calls_with_interleaved_fragments_are_assembled_per_index(llm: FakeOpenAI) -> None:
    first = {"template": "vase", "parameters": {"height": 150}}
    second = {"values": {"twist": 90}}
    a, b = json.dumps(first), json.dumps(second)
    start = [{"index": 0, "id": "call_a", "type": "function", "function": {"name": "create_from_template",
                                                                          "arguments": ""}},
             {"index": 1, "id": "call_b", "type": "function", "function": {"name": "set_parameters",
                                                                          "arguments": ""}}]
    events = [chunk({"role": "assistant", "content": None, "tool_calls": start})]
    for i in range(0, max(len(a), len(b)), 7):
        events.append(chunk({"tool_calls": [{"index": 1, "function": {"arguments": b[i:i + 7]}}]}))
        events.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": a[i:i + 7]}}]}))
    events.append(chunk({}, "tool_calls"))
    llm.enqueue(Scripted(events))

    result = client(llm).complete(MESSAGES, [])
    assert [(c.id, c.name) for c in result.tool_calls] == [("call_a", "create_from_template"),
                                                           ("call_b", "set_parameters")]
    assert [json.loads(c.arguments) for c in result.tool_calls] == [first, second]
    assert result.finish_reason == "tool_calls"


def test_content_tokens_reach_on_token_in_order(llm: FakeOpenAI) -> None:
    tokens = ["Olá", ", ", "aqui ", "está ", "o ", "seu ", "vaso", "."]
    llm.enqueue(text_reply(*tokens))
    seen: list[str] = []
    result = client(llm).complete(MESSAGES, [], on_token=seen.append)
    assert seen == tokens and result.text == "Olá, aqui está o seu vaso."


def test_local_servers_get_no_authorization_header(llm: FakeOpenAI) -> None:
    llm.enqueue(text_reply("hi"))
    client(llm, key=None).complete(MESSAGES, [])
    assert "authorization" not in llm.requests[0].headers


def test_a_server_that_ignores_stream_and_answers_json_is_understood(llm: FakeOpenAI) -> None:
    body = {"id": "chatcmpl-1", "object": "chat.completion", "model": MODEL, "choices": [{
        "index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": "Making it.",
            "tool_calls": [{"id": "c1", "type": "function", "function": {
                "name": "set_parameters", "arguments": "{\"values\": {\"height\": 90}}"}}]}}]}
    llm.enqueue(Scripted(body=body))
    result = client(llm).complete(MESSAGES, [])
    assert result.text == "Making it."
    assert json.loads(result.tool_calls[0].arguments) == {"values": {"height": 90}}


@pytest.mark.parametrize(
    ("reply", "error", "message"),
    [
        (error_reply(401, "Incorrect API key provided."), LLMAuthError, "API key rejected"),
        (error_reply(403, "Forbidden."), LLMAuthError, "API key rejected"),
        (error_reply(404, "The model `x` does not exist."), LLMError, "does not offer the model 'test/tiny-designer'"),
        (error_reply(429, "Rate limit reached.", headers={"Retry-After": "20"}), LLMError, "try again in 20 s"),
        (error_reply(400, "This model does not support tools."), LLMError, "does not support tools"),
        (error_reply(503, "Service overloaded."), LLMUnavailable, "server error (HTTP 503)"),
    ],
)
def test_http_errors_become_clear_messages(llm: FakeOpenAI, reply: Scripted, error: type[Exception],
                                           message: str) -> None:
    llm.enqueue(reply)
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        client(llm).complete(MESSAGES, [])


def test_wrong_base_url_path_is_a_404_message(llm: FakeOpenAI) -> None:
    config = LLMConfig.custom(llm.base_url.removesuffix("/v1") + "/api", MODEL)
    with pytest.raises(LLMError, match="HTTP 404"):
        ChatClient(config, None).complete(MESSAGES, [])


def test_stream_that_ends_without_finishing_counts_as_dropped(llm: FakeOpenAI) -> None:
    llm.enqueue(Scripted([chunk({"role": "assistant", "content": "Half a sen"})], done=False))
    with pytest.raises(LLMUnavailable, match="ended before the reply was complete"):
        client(llm).complete(MESSAGES, [])


def test_error_event_and_garbage_in_the_stream(llm: FakeOpenAI) -> None:
    llm.enqueue(Scripted([{"error": {"message": "Model overloaded, retry later", "type": "server_error"}}]),
                Scripted(["<html>gateway</html>"]))
    with pytest.raises(LLMError, match="Model overloaded"):
        client(llm).complete(MESSAGES, [])
    with pytest.raises(LLMError, match="not JSON"):
        client(llm).complete(MESSAGES, [])


def test_event_stream_comments_names_and_multi_line_data_are_read_as_the_format_says(llm: FakeOpenAI) -> None:
    """Keep-alive comments, named events and data split over two lines (the WHATWG event-stream format)."""
    whole = json.dumps(chunk({"content": "Hello"}, "stop"))
    cut = whole.index(', "object"') + 1  # JSON allows the newline the two data lines are joined with here
    head, tail = whole[:cut], whole[cut:]
    llm.enqueue(Scripted([], raw=f": keep-alive\n\nevent: message\ndata: {head}\ndata: {tail}\n\n".encode()))
    assert client(llm).complete(MESSAGES, []).text == "Hello"


def test_a_stream_of_keep_alives_ends_at_the_turn_deadline(llm: FakeOpenAI) -> None:
    """A server that sends only keep-alives never trips read_timeout; the turn's deadline ends it."""
    llm.enqueue(Scripted([chunk({"role": "assistant", "content": "Thinking"})], endless=b": keep-alive\n\n",
                         endless_pause=0.05))
    slow = ChatClient(LLMConfig.custom(llm.base_url, MODEL, turn_timeout=1.0), "sk")
    with pytest.raises(LLMUnavailable, match="did not finish its reply within 1 s"):
        slow.complete(MESSAGES, [])


def test_endless_content_stops_at_the_byte_cap(llm: FakeOpenAI) -> None:
    piece = f"data: {json.dumps(chunk({'content': 'x' * 60_000}))}\n\n".encode()
    llm.enqueue(Scripted([], endless=piece))
    seen: list[str] = []
    with pytest.raises(LLMError, match="sent a reply over 4 MB; it was stopped"):
        ChatClient(LLMConfig.custom(llm.base_url, MODEL), "sk").complete(MESSAGES, [], on_token=seen.append)
    assert 0 < sum(map(len, seen)) <= 4 << 20


def test_more_tool_calls_than_the_cap_in_one_reply_are_refused(llm: FakeOpenAI) -> None:
    calls = [{"index": i, "id": f"call_{i}", "type": "function", "function": {"name": "set_parameters",
                                                                              "arguments": "{}"}}
             for i in range(500)]
    llm.enqueue(Scripted([chunk({"role": "assistant", "tool_calls": calls}), chunk({}, "tool_calls")]))
    with pytest.raises(LLMError, match=f"more than {MAX_TOOL_CALLS} tool calls"):
        client(llm).complete(MESSAGES, [])


@pytest.mark.parametrize(("event", "message"), [
    ({"choices": "abc"}, "'choices' as str, not a list"),
    ({"choices": ["abc"]}, "a choice as str"),
    ({"choices": [{"delta": {"tool_calls": [{"index": "abc", "function": {"name": "x"}}]}}]},
     "tool call with the index 'abc'"),
    ({"choices": [{"delta": {"tool_calls": [{"index": 0, "function": "set_parameters"}]}}]},
     "function as str, not an object"),
    ("[" * 60_000 + "]" * 60_000, "nested too deeply"),
])
def test_malformed_chunks_are_a_message_not_a_traceback(llm: FakeOpenAI, event: object, message: str) -> None:
    llm.enqueue(Scripted([event]))  # type: ignore[list-item]
    with pytest.raises(LLMError, match=message):
        client(llm).complete(MESSAGES, [])


def test_the_key_never_shows_in_repr_or_logged_headers(llm: FakeOpenAI) -> None:
    chat = client(llm, key="sk-live-secret")
    assert "sk-live-secret" not in repr(chat)
    assert redacted({"Authorization": "Bearer sk-live-secret", "Accept": "x"}) == {"Authorization": "***",
                                                                                  "Accept": "x"}


def test_presets_and_custom_urls() -> None:
    nim = LLMConfig.resolve("nvidia")
    assert nim.base_url == "https://integrate.api.nvidia.com/v1" and nim.secret_key == "llm:nvidia"
    assert nim.needs_key and not LLMConfig.resolve("ollama").needs_key
    assert {p.base_url for p in PRESETS.values()} >= {"https://api.openai.com/v1", "http://localhost:11434/v1",
                                                     "http://localhost:8080/v1"}
    custom = LLMConfig.resolve("http://gpu-box.local:8000/v1/", "qwen2.5")
    assert custom.base_url == "http://gpu-box.local:8000/v1" and custom.secret_key == "llm:http://gpu-box.local:8000/v1"
    with pytest.raises(AssistantError, match="not an http"):
        LLMConfig.resolve("gpu-box:8000", "qwen")
    with pytest.raises(AssistantError, match="Name the model"):
        LLMConfig.resolve("http://gpu-box:8000/v1")
