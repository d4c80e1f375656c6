"""Seed corpora: per target, valid inputs (files our writer produces, templates' designs, real printer payloads,
OpenAI-style streams) and the hostile corpus of issue 16 at a small scale. The fuzzers mutate these, so they start
at the shapes that reach deep into each reader instead of at random bytes a header check refuses."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path

import trimesh

from bench.hostile_corpus import CASES
from core.geometry.meshio import save_mesh
from core.templates.registry import load_all
from tests.core.fake_openai import chunk, error_reply, text_reply, tool_reply

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "printers"
REGRESSIONS = Path(__file__).resolve().parent / "regressions"
MAX_SEED_BYTES = 256 << 10
"""Hostile cases larger than this (the 76 MB OBJ of 10M vertices) are benchmarks, not seeds."""
EXPRESSIONS = [
    "0.2 * height", "height - 2 * wall", "max(wall, 1.2) + min(height, 10)", "clamp(count, 1, 8)",
    "len(label) * 6", "sqrt(height) if flag else 3", "atan2(wall, height)", "round(height / 3, 1)",
    "floor(2.5) + ceil(-2.5) % 3 // 2", "not flag or height >= 10 and wall < 3", "1 < wall <= 2 != 5",
    "((((9**64)**64)**64)**64)**64", "9**9999", "2**64", "floor(1e300) * 2", "1e308 * 10", "(-1) ** 0.5",
    "label * 10**9", "__import__('os')", "height.real", "(lambda: 1)()", "'a' + 'b'", "x[0]", "1 +" * 200,
    "-" * 499 + "1", "(" * 200 + "1" + ")" * 200, "sin(1e308)", "abs(-2**63)", "1/0", "count % 0",
]


def _box_files(work: Path) -> dict[str, bytes]:
    box = trimesh.creation.box((10, 20, 5))
    files = {}
    for name, kwargs in (("box.stl", {}), ("ascii.stl", {"stl_ascii": True}), ("box.obj", {}),
                         ("box.3mf", {"document_json": _template_designs()[0].decode()})):
        save_mesh(box, work / name, name="box", **kwargs)  # type: ignore[arg-type]
        files[name] = (work / name).read_bytes()
    return files


@cache
def _template_designs() -> list[bytes]:
    return [spec.make().dumps().encode() for spec in sorted(load_all().values(), key=lambda s: s.id)[:6]]


@cache
def _hostile() -> list[tuple[str, bytes]]:
    with tempfile.TemporaryDirectory(prefix="potstudio-seeds-") as folder:
        found = []
        for case in CASES:
            path = Path(folder) / case.file
            case.write(path, 0.001)
            if path.stat().st_size <= MAX_SEED_BYTES:
                found.append((case.file, path.read_bytes()))
        return found


def _sse(events: list[dict[str, object] | str], done: bool = True) -> bytes:
    body = b"".join(f"data: {e if isinstance(e, str) else json.dumps(e)}\n\n".encode() for e in events)
    return body + (b"data: [DONE]\n\n" if done else b"")


def _jsonl(path: Path) -> list[bytes]:
    """The payloads of a recorded session (one JSON report per line, or {"topic", "payload"} records)."""
    found = []
    for line in path.read_text().splitlines():
        try:
            record = json.loads(line)
        except ValueError:  # a capture's comment or a line the recorder cut: the fuzzer mutates whole payloads
            continue
        found.append(json.dumps(record.get("payload", record) if isinstance(record, dict) else record).encode())
    return found


@cache
def seeds(target: str) -> tuple[bytes, ...]:
    """The seed inputs of one target of tests/fuzz/targets.py."""
    if target in ("stl", "obj", "3mf"):
        with tempfile.TemporaryDirectory(prefix="potstudio-seeds-") as folder:
            valid = _box_files(Path(folder))
        suffix = f".{target}"
        found = [data for name, data in [*valid.items(), *_hostile()] if name.endswith(suffix)]
    elif target == "design":
        found = [*_template_designs(),
                 *(data for name, data in _hostile() if name.endswith(".json"))]
    elif target == "expression":
        found = [e.encode() for e in EXPRESSIONS]
    elif target == "llm_stream":
        calls = tool_reply(("set_parameters", {"height": 80, "wall": 2}), ("select_template", '{"id": "pot"'))
        found = [_sse(text_reply("A ", "pot.").events), _sse(calls.events), _sse(text_reply("cut").events, False),
                 _sse([chunk({"tool_calls": [{"index": "abc"}]})]), _sse(["{\"choices\": \"x\"}", "[5]", "{"]),
                 _sse([error_reply(500, "overloaded").body or {}]), b": keep-alive\n\n" * 3 + b"event: ping\n\n",
                 b"data: " + b"[" * 60_000 + b"\n\n"]
    elif target == "bambu":
        found = [line for path in sorted((FIXTURES / "real").glob("*.jsonl"))[:6] for line in _jsonl(path)[:4]]
        found += _jsonl(FIXTURES / "p1s_print.jsonl")[:6]
    elif target == "moonraker":
        found = [json.dumps({"jsonrpc": "2.0", "method": "notify_status_update", "params": [status, 1.0]}).encode()
                 for status in (json.loads(p).get("status", {}) for p in _jsonl(FIXTURES / "voron_print.jsonl")[:8])]
        found += [b'{"jsonrpc": "2.0", "method": "notify_klippy_ready"}', b'{"jsonrpc": "2.0", "id": 3, "result": {}}']
    elif target == "scale":
        found = [b'{"weight": 812.5, "consumed": 187.5, "battery": 3.92, "timestamp": 120034}',
                 b'{"weight": "nan", "battery": 1e308}', b'{"weight": -0.0}']
    else:
        raise KeyError(target)
    found += [p.read_bytes() for p in sorted(REGRESSIONS.glob(f"{target}-*"))]  # what the fuzzers found so far
    return tuple(found)
