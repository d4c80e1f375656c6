"""The LLM client's stream parsing (httpx-sse and the chunk assembler), fuzzed through the real ChatClient: whatever
an OpenAI-compatible server streams, the turn ends with a reply or an LLMError the user can read — never the
client's last-resort "failed unexpectedly", which would mean an exception nobody expected."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.core.fake_openai import chunk
from tests.fuzz import targets
from tests.fuzz.profiles import FUZZ
from tests.fuzz.seeds import seeds
from tests.fuzz.strategies import ODD_VALUES, mutated

_fragment = st.fixed_dictionaries({}, optional={
    "index": st.integers(-2, 20) | ODD_VALUES, "id": st.text(max_size=5) | ODD_VALUES,
    "type": st.just("function"),
    "function": st.fixed_dictionaries({}, optional={"name": st.sampled_from(["set_parameters", ""]) | ODD_VALUES,
                                                    "arguments": st.text(max_size=12) | ODD_VALUES}) | ODD_VALUES,
}) | ODD_VALUES
_delta = st.fixed_dictionaries({}, optional={"role": st.just("assistant"), "content": st.text(max_size=8) | ODD_VALUES,
                                             "tool_calls": st.lists(_fragment, max_size=3) | ODD_VALUES}) | ODD_VALUES
_event = st.one_of(
    st.tuples(_delta, st.sampled_from([None, "stop", "tool_calls", "length"]) | ODD_VALUES).map(
        lambda d: chunk(d[0] if isinstance(d[0], dict) else {}, d[1]) | ({} if isinstance(d[0], dict) else
                                                                           {"choices": [{"delta": d[0]}]})),
    st.fixed_dictionaries({"choices": ODD_VALUES | st.lists(ODD_VALUES, max_size=2)}),
    st.fixed_dictionaries({"error": ODD_VALUES | st.fixed_dictionaries({"message": ODD_VALUES})}),
    ODD_VALUES,
)
_framing = st.sampled_from([b"\n\n", b"\r\n\r\n", b"\n", b"\r"])


@FUZZ
@given(st.lists(st.tuples(_event, _framing), max_size=8),
       st.lists(st.sampled_from([b": keep-alive\n\n", b"event: ping\n", b"retry: x\n", b"id: \x00\n", b"data:\n\n",
                                 b"data: [DONE]\n\n", b"\xff\xfe", b"data: {\n", b"data: }\n\n"]), max_size=3),
       st.booleans())
def test_event_streams(events: list[tuple[Any, bytes]], noise: list[bytes], done: bool) -> None:
    body = b"".join(b"data: " + json.dumps(e, default=str).encode() + framing for e, framing in events)
    targets.llm_stream(body + b"".join(noise) + (b"data: [DONE]\n\n" if done else b""))


@FUZZ
@given(st.data())
def test_streams_mutated(data: st.DataObject) -> None:
    targets.llm_stream(data.draw(mutated(seeds("llm_stream"), [b"data: ", b"\n\n", b"[DONE]", b'"tool_calls": [',
                                                               b'"index": ', b"{", b"[", b'"choices": "', b"\r"])))


def test_every_seed_ends_with_a_reply_or_a_clear_error() -> None:
    for seed in seeds("llm_stream"):
        targets.llm_stream(seed)
