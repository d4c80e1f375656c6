"""Streamed chat completions against any OpenAI-compatible server (NIM, OpenAI, Ollama, llama.cpp).

We speak the wire protocol directly over httpx instead of pulling in a vendor SDK: one POST to
`{base_url}/chat/completions` with `stream: true`, answered by server-sent events whose `data:`
lines carry `chat.completion.chunk` objects and end with `data: [DONE]`. Content deltas are
forwarded to `on_token` as they arrive; tool calls come in fragments (id and name first, the JSON
arguments split over many chunks) and are assembled per `index`.

Errors are sorted by what the user can do about them: `LLMUnavailable` (refused, timed out,
dropped, 5xx, and a reply that breaks the protocol or our caps: too long, too large, too many tool calls,
malformed) lets the provider fall back to the offline planner; `LLMError` (bad key, unknown
model, rate limit) is a message the user must act on.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
from httpx_sse import EventSource, SSEError

from core.assistant.base import TokenCallback
from core.assistant.llm.presets import LLMConfig
from core.errors import AssistantError
from core.tasks import NULL_TASK, Task

log = logging.getLogger(__name__)
_DETAIL_CHARS = 300
_POLL_S = 0.05  # how often the caller looks at its Task while waiting for the next chunk
MAX_REPLY_BYTES = 4 << 20
"""A reply's whole stream, keep-alives included. A model's turn is a few KB; 100 MB of content was kept and
printed whole, and an endless stream grew the app's memory until it was killed."""
MAX_TOOL_CALLS = 16
"""Tool calls in one reply: a model asks for one or two; 500 in a reply built the model 4,000 times."""


class LLMError(AssistantError):
    """The AI service answered, but not with something we can use; the user has to act."""


class LLMAuthError(LLMError):
    """The service refused the API key."""


class LLMUnavailable(LLMError):
    """The service could not be reached or stopped mid-reply; the offline planner can step in."""


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: str  # the JSON text exactly as the model wrote it; validated by tools.py


@dataclass
class ChatResult:
    text: str
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str | None = None

    def assistant_message(self) -> dict[str, Any]:
        """The reply as a message to send back next turn (tool results must follow their call)."""
        message: dict[str, Any] = {"role": "assistant", "content": self.text or None}
        if self.tool_calls:
            message["tool_calls"] = [
                {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                for c in self.tool_calls
            ]
        return message


class _GuardedStream:
    """The response as httpx-sse reads it, checked between the chunks that arrive.

    httpx-sse parses the events; what it cannot know is when to give up. Keep-alive comments produce no
    event, so a server that sends nothing else would keep a per-event check from ever running: the checks
    sit here, on every chunk, and end the stream on cancel, at the turn's deadline or past the byte cap."""

    def __init__(self, response: httpx.Response, stop: threading.Event, deadline: float, config: LLMConfig) -> None:
        self._response = response
        self._stop = stop
        self._deadline = deadline
        self._config = config
        self.headers = response.headers

    def iter_text(self) -> Iterator[str]:
        received = 0
        for text in self._response.iter_text():
            if self._stop.is_set():
                return
            received += len(text)
            if received > MAX_REPLY_BYTES:
                raise LLMUnavailable(
                    f"{self._config.title} sent a reply over {MAX_REPLY_BYTES >> 20} MB; it was stopped.")
            if time.monotonic() > self._deadline:
                raise LLMUnavailable(_late(self._config))
            yield text


def _late(config: LLMConfig) -> str:
    return f"{config.title} did not finish its reply within {config.turn_timeout:g} s; it was stopped."


class _Assembler:
    """Accumulates chunk deltas into the final text and tool calls."""

    def __init__(self, on_token: TokenCallback | None) -> None:
        self.on_token = on_token
        self.text: list[str] = []
        self.calls: dict[int, dict[str, Any]] = {}
        self.finish_reason: str | None = None

    def feed(self, chunk: Mapping[str, Any]) -> None:
        """One chunk, its shape checked as it is read: servers (and attackers posing as one) send strings where
        objects belong, and each must end as an LLMError the user can read, not an AttributeError."""
        if chunk.get("error"):
            raise LLMError(f"The AI service reported an error: {_error_text(chunk)}")
        for choice in _list(chunk.get("choices"), "choices"):
            choice = _object(choice, "a choice")
            delta = _object(choice.get("delta") or choice.get("message") or {}, "a delta")
            content = delta.get("content")
            if isinstance(content, str) and content:
                self.text.append(content)
                if self.on_token is not None:
                    self.on_token(content)
            for position, fragment in enumerate(_list(delta.get("tool_calls"), "tool_calls")):
                self._feed_call(_object(fragment, "a tool call"), position)
            if choice.get("finish_reason"):
                self.finish_reason = str(choice["finish_reason"])

    def _feed_call(self, fragment: Mapping[str, Any], position: int) -> None:
        index = fragment.get("index", position)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < 1_000_000:
            raise LLMUnavailable(f"The AI service sent a tool call with the index {str(index)[:40]!r}.")
        if index not in self.calls and len(self.calls) >= MAX_TOOL_CALLS:
            raise LLMUnavailable(f"The AI service asked for more than {MAX_TOOL_CALLS} tool calls in one reply.")
        call = self.calls.setdefault(index, {"id": "", "name": "", "arguments": []})
        function = _object(fragment.get("function") or {}, "a tool call's function")
        if fragment.get("id") and not call["id"]:
            call["id"] = str(fragment["id"])
        if function.get("name") and not call["name"]:
            call["name"] = str(function["name"])
        arguments = function.get("arguments")
        if isinstance(arguments, str):
            call["arguments"].append(arguments)
        elif isinstance(arguments, dict):  # a few servers send parsed objects in non-streamed replies
            call["arguments"].append(json.dumps(arguments))

    def result(self) -> ChatResult:
        calls = [
            ToolCall(c["id"] or f"call_{i}", c["name"], "".join(c["arguments"]))
            for i, c in sorted(self.calls.items())
        ]
        return ChatResult("".join(self.text), calls, self.finish_reason)


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise LLMUnavailable(f"The AI service sent '{what}' as {type(value).__name__}, not a list.")
    return value


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise LLMUnavailable(f"The AI service sent {what} as {type(value).__name__}, not an object.")
    return value


def _error_text(body: Any) -> str:
    if isinstance(body, Mapping):
        error = body.get("error")
        if isinstance(error, Mapping) and error.get("message"):
            return str(error["message"])[:_DETAIL_CHARS]
        if isinstance(error, str):
            return error[:_DETAIL_CHARS]
        if body.get("detail"):
            return str(body["detail"])[:_DETAIL_CHARS]
    return str(body)[:_DETAIL_CHARS]


def redacted(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers safe for a log line: credentials replaced."""
    return {k: ("***" if k.lower() in ("authorization", "api-key", "x-api-key") else v) for k, v in headers.items()}


class ChatClient:
    def __init__(self, config: LLMConfig, api_key: str | None, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._api_key = api_key
        self._transport = transport

    def __repr__(self) -> str:  # never show the key, even in a debugger or a traceback
        return f"ChatClient({self.config.base_url!r}, model={self.config.model!r})"

    def complete(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]],
        on_token: TokenCallback | None = None,
        task: Task = NULL_TASK,
    ) -> ChatResult:
        """One streamed completion.

        The HTTP exchange runs on a helper thread so that cancelling `task` returns at once, even
        while a slow local model has not sent its first token (the helper closes the stream at its
        next line). Tokens reach `on_token` on the caller's thread.
        """
        task.check()
        inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        stop = threading.Event()
        deadline = time.monotonic() + self.config.turn_timeout
        worker = threading.Thread(target=self._exchange, args=(messages, tools, inbox, stop, deadline),
                                  name="llm-stream", daemon=True)
        worker.start()
        assembler = _Assembler(on_token)
        try:
            while True:
                try:
                    kind, value = inbox.get(timeout=_POLL_S)
                except queue.Empty:
                    task.check()
                    if time.monotonic() > deadline:  # a server that sends nothing at all, not even keep-alives
                        raise LLMUnavailable(_late(self.config)) from None
                    continue
                task.check()
                if kind == "chunk":
                    assembler.feed(value)
                elif kind == "error":
                    raise value
                else:
                    break
        finally:
            stop.set()
        if kind == "end" and assembler.finish_reason is None:
            raise LLMUnavailable(f"The connection to {self.config.title} ended before the reply was complete.")
        return assembler.result()

    def _exchange(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]],
                  inbox: queue.Queue[tuple[str, Any]], stop: threading.Event, deadline: float) -> None:
        """Helper thread: POST, then put ("chunk", obj)… and one of ("done"|"end"|"error", …) in inbox."""
        cfg = self.config
        url = f"{cfg.base_url}/chat/completions"
        body: dict[str, Any] = {"model": cfg.model, "messages": messages, "stream": True, "temperature": 0.2}
        if tools:
            body["tools"] = tools
            body["tool_choice"] = "auto"
        headers = {"Accept": "text/event-stream"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        log.debug("POST %s model=%s headers=%s", url, cfg.model, redacted(headers))
        timeout = httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout)
        try:
            with httpx.Client(timeout=timeout, transport=self._transport) as http, \
                    http.stream("POST", url, json=body, headers=headers) as response:
                if response.status_code >= 400:
                    response.read()
                    inbox.put(("error", self._status_error(response)))
                    return
                guarded = _GuardedStream(response, stop, deadline, cfg)
                if response.headers.get("content-type", "").startswith("application/json"):  # an ignored stream
                    inbox.put(("chunk", _json("".join(guarded.iter_text()))))
                    inbox.put(("done", None))
                    return
                for event in EventSource(cast(httpx.Response, guarded)).iter_sse():
                    if stop.is_set():
                        return
                    if event.data.strip() == "[DONE]":
                        inbox.put(("done", None))
                        return
                    if event.data:
                        inbox.put(("chunk", _json(event.data)))
            inbox.put(("end", None))
        except LLMError as exc:
            inbox.put(("error", exc))
        except SSEError as exc:  # not an event stream at all
            inbox.put(("error", LLMError(f"{cfg.title} did not answer with an event stream ({exc}).")))
        except httpx.ConnectError as exc:
            inbox.put(("error", LLMUnavailable(f"Cannot connect to {cfg.where} ({exc}).")))
        except httpx.TimeoutException as exc:
            inbox.put(("error", LLMUnavailable(
                f"{cfg.where} did not answer in time ({type(exc).__name__}).")))
        except httpx.HTTPError as exc:  # RemoteProtocolError, ReadError: the connection broke mid-reply
            log.info("stream from %s broke: %r", cfg.host, exc)
            inbox.put(("error", LLMUnavailable(f"The connection to {cfg.title} dropped in the middle of the reply.")))
        except Exception as exc:  # relayed, so the waiting caller gets an answer instead of hanging
            log.exception("talking to %s failed", cfg.host)
            inbox.put(("error", LLMError(f"Talking to {cfg.title} failed unexpectedly: {exc}")))

    def _status_error(self, response: httpx.Response) -> LLMError:
        cfg = self.config
        code = response.status_code
        try:
            detail = _error_text(response.json())
        except ValueError:
            detail = response.text[:_DETAIL_CHARS]
        log.warning("%s answered HTTP %d: %s", cfg.host, code, detail)
        if code in (401, 403):
            return LLMAuthError(
                f"API key rejected by {cfg.title} (HTTP {code}). Check the key for {cfg.title} in "
                f"Preferences → Assistant. The service said: {detail}"
            )
        if code == 404:
            return LLMError(
                f"{cfg.title} does not offer the model '{cfg.model}' at {cfg.base_url} (HTTP 404). "
                f"Check the model name and URL. The service said: {detail}"
            )
        if code == 429:
            wait = response.headers.get("retry-after")
            when = f"in {wait} s" if wait else "in a minute"
            return LLMError(f"{cfg.title} is rate-limiting requests (HTTP 429); try again {when}. {detail}")
        if code >= 500:
            return LLMUnavailable(f"{cfg.title} had a server error (HTTP {code}): {detail}")
        return LLMError(f"{cfg.title} refused the request (HTTP {code}): {detail}")


def _json(data: str) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except ValueError as exc:
        raise LLMUnavailable(f"The AI service sent something that is not JSON: {data[:80]!r}.") from exc
    except RecursionError:
        raise LLMUnavailable("The AI service sent JSON nested too deeply to read.") from None
    if not isinstance(value, dict):
        raise LLMUnavailable(f"The AI service sent an unexpected reply: {data[:80]!r}.")
    return value
