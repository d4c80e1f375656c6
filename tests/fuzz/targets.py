"""The fuzz targets: each takes the bytes a stranger could send and states the one property every reader of
hostile input must keep — the input ends with a result or with that module's typed error, never with another
exception, and never with an exception swallowed into the log (a catch-all that logs a traceback hides the bug
it caught). hypothesis (tests/fuzz/test_*.py) and atheris (tests/fuzz/atheris/run.py) drive the same targets.
"""

from __future__ import annotations

import json
import logging
import math
import queue
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from core.assistant.llm.client import ChatClient, LLMError
from core.assistant.llm.presets import LLMConfig
from core.document.document import Document
from core.document.expressions import Expression
from core.errors import DocumentError, ExpressionError, GeometryError, MeshFileError
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh
from printers.base import PrinterConfig
from printers.drivers.bambu.driver import BambuDriver
from printers.drivers.moonraker.driver import MoonrakerDriver
from printers.drivers.moonraker.websocket import WebsocketRpc
from printers.drivers.potscale.driver import PotScaleDriver
from printers.state import JobState

Target = Callable[[bytes], None]
WORK = Path(tempfile.mkdtemp(prefix="potstudio-fuzz-"))
"""One folder per process for the files the mesh targets write; each input overwrites the last."""
_LLM = LLMConfig("http://fuzz.invalid/v1", "fuzz-model", "Fuzz AI", "llm:fuzz", False, turn_timeout=30.0)


class _Tracebacks(logging.Handler):
    """Collects log records that carry a traceback: a reader that logged one swallowed an unexpected exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


@contextmanager
def no_swallowed_tracebacks() -> Iterator[None]:
    handler = _Tracebacks()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records:
        record = handler.records[0]
        raise AssertionError(f"an exception was swallowed into the log: {record.getMessage()}") \
            from record.exc_info[1] if record.exc_info else None


def _mesh_file(suffix: str) -> Target:
    def target(data: bytes) -> None:
        path = WORK / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            loaded = load_mesh(path)
            mesh = loaded.mesh  # the weld and the index checks run here for an STL
            assert len(mesh.faces) > 0
            if loaded.document_json is not None:  # a 3MF can carry a design: it is read as one
                design(loaded.document_json.encode())
        except MeshFileError:
            pass
    target.__name__ = f"mesh_{suffix[1:]}"
    return target


stl = _mesh_file(".stl")
obj = _mesh_file(".obj")
threemf = _mesh_file(".3mf")


def design(data: bytes) -> None:
    """A design file (or a 3MF's embedded design): loaded, then built into a mesh as `export` does."""
    try:
        doc = Document.loads(data)
        Evaluator().mesh(doc)
    except (DocumentError, GeometryError):
        pass


def expression(data: bytes) -> None:
    """An expression typed by a user or written by an LLM, evaluated against a few parameter values."""
    text = data.decode("utf-8", "replace")
    try:
        value = Expression(text).evaluate({"height": 80.0, "wall": 2, "count": 3, "label": "pot", "flag": True})
    except ExpressionError:
        return
    assert isinstance(value, int | float | bool | str), type(value)
    if isinstance(value, float):  # infinity or NaN would reach the mesh
        assert math.isfinite(value), value
    if isinstance(value, int):  # past 64 bits a number is no size, count or angle
        assert value.bit_length() <= 64, value


def llm_stream(data: bytes) -> None:
    """The body of a chat-completions reply, served as an event stream to the real client."""
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=data)

    client = ChatClient(_LLM, None, transport=httpx.MockTransport(reply))
    try:
        result = client.complete([{"role": "user", "content": "a pot"}], [])
    except LLMError as exc:
        assert "failed unexpectedly" not in str(exc), str(exc)  # the client's catch-all hid a bug
        return
    assert isinstance(result.text, str)
    for call in result.tool_calls:
        assert isinstance(call.name, str) and isinstance(call.arguments, str)


def bambu_report(data: bytes) -> None:
    """An MQTT report payload from something claiming to be a Bambu printer."""
    drv = BambuDriver(PrinterConfig(name="fuzz", kind="bambu", serial="01S00C000000000"), "12345678")
    with no_swallowed_tracebacks():
        drv._on_report("device/01S00C000000000/report", data)
    assert isinstance(drv.model.state.state, JobState)
    json.dumps(drv.model.state.summary())


def moonraker_message(data: bytes) -> None:
    """A websocket message from something on Moonraker's port."""
    drv = MoonrakerDriver(PrinterConfig(name="fuzz", kind="moonraker", host="127.0.0.1"))
    assert isinstance(drv.transport, WebsocketRpc)
    with no_swallowed_tracebacks():
        drv.transport._dispatch(data, queue.Queue())
    json.dumps(drv.model.state.summary())


def scale_reading(data: bytes) -> None:
    """A `3dpot/filament` payload from a 3D Pot scale (or anything publishing on its topic)."""
    drv = PotScaleDriver(PrinterConfig(name="fuzz", kind="potscale"))
    with no_swallowed_tracebacks():
        drv._on_reading("3dpot/filament", data)
    json.dumps(drv.model.state.summary())


TARGETS: dict[str, Target] = {
    "stl": stl, "obj": obj, "3mf": threemf, "design": design, "expression": expression, "llm_stream": llm_stream,
    "bambu": bambu_report, "moonraker": moonraker_message, "scale": scale_reading,
}
