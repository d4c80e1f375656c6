"""A scripted OpenAI-compatible chat server on 127.0.0.1: the stand-in for a remote LLM.

It speaks the real wire protocol over a real socket: POST /v1/chat/completions with stream=true is
answered with HTTP/1.1 chunked `text/event-stream`, one `data: {chat.completion.chunk}` event per
delta — tool calls split the way OpenAI splits them (id and name in the first fragment, the
arguments in several pieces), a finish_reason chunk, then `data: [DONE]`. Error statuses carry
OpenAI's `{"error": {...}}` body. A script can also stall, or drop the connection mid-stream.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

MODEL = "test/tiny-designer"


@dataclass
class Scripted:
    """One response. `events` are chunk objects (or raw data strings) sent as SSE events; a `body`
    is sent as plain JSON instead (error statuses, or a server that does not stream)."""

    events: list[dict[str, Any] | str] = field(default_factory=list)
    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before each event
    drop_after: int | None = None  # close the socket after this many events, mid-chunk
    done: bool = True  # send `data: [DONE]` at the end
    raw: bytes = b""  # sent as it is after the events: comments, multi-line data, event names
    endless: bytes = b""  # then sent again and again until the client hangs up (keep-alives, content)
    endless_pause: float = 0.0


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-7QyqpwdfhqwajicIEznoc6Q47XAyW",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL,
        "system_fingerprint": "fp_44709d6fcb",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }


def text_reply(*tokens: str, delay: float = 0.0) -> Scripted:
    events: list[dict[str, Any] | str] = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": t}) for t in tokens]
    events.append(chunk({}, "stop"))
    return Scripted(events, delay=delay)


def split(text: str, pieces: int) -> list[str]:
    size = max(1, -(-len(text) // pieces))
    return [text[i:i + size] for i in range(0, len(text), size)]


def tool_reply(*calls: tuple[str, dict[str, Any] | str], pieces: int = 5) -> Scripted:
    """Tool calls as OpenAI streams them: per call, a first fragment with id + name and empty
    arguments, then the arguments JSON in `pieces` fragments; then finish_reason "tool_calls"."""
    events: list[dict[str, Any] | str] = []
    for index, (name, args) in enumerate(calls):
        text = args if isinstance(args, str) else json.dumps(args)
        first = {"index": index, "id": f"call_{uuid.uuid4().hex[:24]}", "type": "function",
                 "function": {"name": name, "arguments": ""}}
        delta: dict[str, Any] = {"tool_calls": [first]}
        if index == 0:
            delta = {"role": "assistant", "content": None, **delta}
        events.append(chunk(delta))
        events += [chunk({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
                   for piece in split(text, pieces)]
    events.append(chunk({}, "tool_calls"))
    return Scripted(events)


def error_reply(status: int, message: str, code: str = "", headers: dict[str, str] | None = None) -> Scripted:
    body = {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code or None}}
    return Scripted(status=status, body=body, headers=headers or {})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        body = json.loads(raw) if raw else {}
        fake.requests.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        if self.path != "/v1/chat/completions":
            self._json(404, {"error": {"message": f"Unknown path {self.path}", "type": "not_found"}})
            return
        script = fake.script.popleft() if fake.script else text_reply("(no more scripted replies)")
        if script.status != 200 or script.body is not None:  # an error, or a server that ignores stream
            self._json(script.status, script.body or {}, script.headers)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            self._stream(script)
        except (BrokenPipeError, ConnectionResetError):
            fake.aborted.set()  # the client went away (cancelled) before the stream ended

    def _stream(self, script: Scripted) -> None:
        fake = self.server.fake
        for number, event in enumerate(script.events):
            if script.drop_after is not None and number == script.drop_after:
                self.wfile.write(b"400\r\ndata: {\"id\": \"chatcmpl-")  # a chunk that never completes
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if script.delay:
                time.sleep(script.delay)
            data = event if isinstance(event, str) else json.dumps(event)
            self._chunk(f"data: {data}\n\n".encode())
            fake.sent += 1
        if script.raw:
            self._chunk(script.raw)
        while script.endless:
            self._chunk(script.endless)
            time.sleep(script.endless_pause)
        if script.done:
            self._chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _chunk(self, payload: bytes) -> None:
        self.wfile.write(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
        self.wfile.flush()

    def _json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAI


class FakeOpenAI:
    """`with FakeOpenAI() as llm: llm.enqueue(...)`; `llm.base_url` ends in /v1 like the real ones."""

    def __init__(self) -> None:
        self.script: deque[Scripted] = deque()
        self.requests: list[Recorded] = []
        self.sent = 0
        self.aborted = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def enqueue(self, *responses: Scripted) -> None:
        self.script.extend(responses)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def refused_url() -> str:
    """The URL of a port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
