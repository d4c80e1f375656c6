"""Streamed chat completions against any OpenAI-compatible server (NIM, OpenAI, Ollama, llama.cpp).

We speak the wire protocol directly over httpx instead of pulling in a vendor SDK: one POST to
`{base_url}/chat/completions` with `stream: true`, answered by server-sent events whose `data:`
lines carry `chat.completion.chunk` objects and end with `data: [DONE]`. Content deltas are
forwarded to `on_token` as they arrive; tool calls come in fragments (id and name first, the JSON
arguments split over many chunks) and are assembled per `index`.

Errors are sorted by what the user can do about them: `LLMUnavailable` (refused, timed out,
dropped, 5xx) lets the provider fall back to the offline planner; `LLMError` (bad key, unknown
model, rate limit) is a message the user must act on.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from core.assistant.base import TokenCallback
from core.assistant.llm.presets import LLMConfig
from core.errors import AssistantError
from core.tasks import NULL_TASK, Task

log = logging.getLogger(__name__)
_DETAIL_CHARS = 300
_POLL_S = 0.05  # how often the caller looks at its Task while waiting for the next chunk


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


def sse_data(lines: Iterable[str]) -> Iterator[str]:
    """The `data` payload of each server-sent event (multi-line data joined by newlines)."""
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue  # comment / keep-alive
        name, _, value = line.partition(":")
        if name == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:
        yield "\n".join(data)


class _Assembler:
    """Accumulates chunk deltas into the final text and tool calls."""

    def __init__(self, on_token: TokenCallback | None) -> None:
        self.on_token = on_token
        self.text: list[str] = []
        self.calls: dict[int, dict[str, Any]] = {}
        self.finish_reason: str | None = None

    def feed(self, chunk: Mapping[str, Any]) -> None:
        if chunk.get("error"):
            raise LLMError(f"The AI service reported an error: {_error_text(chunk)}")
        for choice in chunk.get("choices") or []:
            delta = choice.get("delta") or choice.get("message") or {}
            content = delta.get("content")
            if isinstance(content, str) and content:
                self.text.append(content)
                if self.on_token is not None:
                    self.on_token(content)
            for position, fragment in enumerate(delta.get("tool_calls") or []):
                self._feed_call(fragment, position)
            if choice.get("finish_reason"):
                self.finish_reason = str(choice["finish_reason"])

    def _feed_call(self, fragment: Mapping[str, Any], position: int) -> None:
        index = int(fragment.get("index", position))
        call = self.calls.setdefault(index, {"id": "", "name": "", "arguments": []})
        function = fragment.get("function") or {}
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
        worker = threading.Thread(target=self._exchange, args=(messages, tools, inbox, stop),
                                  name="llm-stream", daemon=True)
        worker.start()
        assembler = _Assembler(on_token)
        try:
            while True:
                try:
                    kind, value = inbox.get(timeout=_POLL_S)
                except queue.Empty:
                    task.check()
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
                  inbox: queue.Queue[tuple[str, Any]], stop: threading.Event) -> None:
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
                if response.headers.get("content-type", "").startswith("application/json"):
                    inbox.put(("chunk", _json(response.read().decode("utf-8", "replace"))))  # ignored stream
                    inbox.put(("done", None))
                    return
                for data in sse_data(response.iter_lines()):
                    if stop.is_set():
                        return
                    if data.strip() == "[DONE]":
                        inbox.put(("done", None))
                        return
                    inbox.put(("chunk", _json(data)))
            inbox.put(("end", None))
        except LLMError as exc:
            inbox.put(("error", exc))
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
        raise LLMError(f"The AI service sent something that is not JSON: {data[:80]!r}.") from exc
    if not isinstance(value, dict):
        raise LLMError(f"The AI service sent an unexpected reply: {data[:80]!r}.")
    return value
