"""Offline prompt → mesh written: the time from a typed sentence (or a short conversation) to a
mesh file on disk, as `potstudio generate` does it, with a cold geometry cache each time.

Baseline, measured in the same run: building and writing the very same final documents without
the assistant (template.make + build + save), so the ratio is what understanding the sentence
costs on top of the geometry. Target: p50 < 150 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from core.assistant.generate import run_prompts
from core.assistant.offline.planner import OfflinePlanner
from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.meshio import save_mesh

TARGET_MS = 150.0
RUNS = 3
PROMPTS: tuple[tuple[str, ...], ...] = (
    ("a plant pot 12 cm wide with drainage holes",),
    ("a plant pot 12 cm wide with drainage holes", "make it 20% taller"),
    ("um vaso para plantas de 15 cm de altura sem furos", "deixe 20% mais alto"),
    ("a 20 mm cube with a 10 mm hole through the middle",),
    ("a cylinder 30 mm in diameter and 50 mm tall",),
    ("caixa com tampa 10 x 7 x 4 cm",),
    ("a box with lid and 3 dividers", "thicker walls"),
    ("a pen holder 9 cm wide and 11 cm tall",),
    ("something to hold my phone on the desk",),
    ("a name tag that says 'Ana'",),
    ("a twisted vase 25 cm tall",),
    ("an enclosure for my raspberry pi", "it's 85 x 56 x 20 mm"),
    ("a shelf bracket 150 mm tall and 120 mm deep",),
    ("a key rack with 4 hooks",),
    ("uma arruela de 20 mm com furo de 8 mm e 2 mm de espessura",),
    ("a square coaster 9 cm wide and 5 mm thick",),
    # issue 13: slots by the grammar, fractions in words, copies on the plate, a bare answer
    ("spacer, 12 OD, 8.4 ID, 10 long",),
    ("a cylinder, 1 inch across and an eighth of an inch thick",),
    ("wall hooks for towels, I need 3 of them",),
    ("a name tag", "Ana"),
)


def _conversation_ms(prompts: tuple[str, ...], planner: OfflinePlanner, out: Path) -> tuple[float, Document]:
    start = time.perf_counter()
    evaluator = Evaluator()
    planner.evaluator = evaluator
    result = run_prompts(list(prompts), planner, evaluator=evaluator)
    result.save(out)
    elapsed = (time.perf_counter() - start) * 1000
    if result.document is None:
        raise RuntimeError(f"no model for {prompts}: {result.replies[-1].text}")
    return elapsed, result.document


def _direct_ms(doc: Document, out: Path) -> float:
    start = time.perf_counter()
    mesh = Evaluator().mesh(doc)
    save_mesh(mesh, out)
    return (time.perf_counter() - start) * 1000


def run() -> list[dict[str, Any]]:
    planner = OfflinePlanner()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "model.stl"
        _conversation_ms(PROMPTS[0], planner, out)  # load the library and build the matcher once
        prompt_ms: list[float] = []
        direct_ms: list[float] = []
        for prompts in PROMPTS:
            runs = [_conversation_ms(prompts, planner, out) for _ in range(RUNS)]
            doc = runs[0][1]
            prompt_ms.append(statistics.median(ms for ms, _ in runs))
            direct_ms.append(statistics.median(_direct_ms(doc, out) for _ in range(RUNS)))
    p50, base = statistics.median(prompt_ms), statistics.median(direct_ms)
    return [
        {"name": f"offline prompt → mesh written, p50 over {len(PROMPTS)} conversations", "value": p50,
         "unit": "ms", "baseline": base, "ratio": p50 / base if base else None, "target": f"p50 < {TARGET_MS:g} ms",
         "ok": p50 < TARGET_MS, "note": "baseline: same final models built and written without the assistant"},
        {"name": "offline prompt → mesh written, slowest conversation", "value": max(prompt_ms), "unit": "ms",
         "note": PROMPTS[prompt_ms.index(max(prompt_ms))][0]},
    ]
