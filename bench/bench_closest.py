"""The closest template to an object the library lacks (issue 13 item 5): what the embedding model costs and
how often its choice is right.

Costs: loading WordLlama's 256-d model from its wheel (once per process, on the first such request), the
memory it keeps, embedding the library's template names (once), and one request. Right: honesty.closest()
on every case of tests/acceptance/closest.yaml, asked directly — the choice alone, whichever path the
planner would take (tests/acceptance/test_closest.py runs the same set through the CLI). No baseline: the
lexical ranking it replaces is not kept in the code; its figures are in the issue 13 section.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import psutil
import yaml

from core.assistant.offline.embedding import Embeddings
from core.assistant.offline.honesty import closest, described_object
from core.assistant.offline.matcher import Matcher
from core.templates.registry import load_all

CASES = Path(__file__).resolve().parents[1] / "tests" / "acceptance" / "closest.yaml"


def run() -> list[dict[str, Any]]:
    specs = list(load_all().values())
    matcher = Matcher(specs)
    cases: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    process = psutil.Process()
    rss = process.memory_info().rss
    start = time.perf_counter()
    model = Embeddings.load()
    load_ms = (time.perf_counter() - start) * 1000
    if model is None:
        return [{"name": "embedding model", "value": "unavailable", "ok": False, "note": "see the log"}]
    rss_mb = (process.memory_info().rss - rss) / 2**20
    start = time.perf_counter()
    model.ranking("toothbrush holder", specs)
    library_ms = (time.perf_counter() - start) * 1000
    query_ms, right = [], 0
    for case in cases:
        start = time.perf_counter()
        model.ranking(described_object(case["prompt"]), specs)
        query_ms.append((time.perf_counter() - start) * 1000)
        spec = closest(case["prompt"], specs, matcher)
        want = case["closest"]
        right += (spec is None) if want == "none" else (spec is not None and spec.id in want)
    return [
        {"name": "model load (first object the library lacks)", "value": load_ms, "unit": "ms",
         "note": "once per process, on the assistant worker"},
        {"name": "memory kept by the model", "value": rss_mb, "unit": "MB", "note": "never at idle"},
        {"name": "embed the library's template names", "value": library_ms, "unit": "ms",
         "note": f"{len(specs)} templates, once; too cheap to cache on disk"},
        {"name": "rank the library for one request, p50", "value": statistics.median(query_ms), "unit": "ms"},
        {"name": "closest.yaml: closest() right", "value": right / len(cases) * 100, "unit": "%",
         "target": "≥ 95 %", "ok": right / len(cases) >= 0.95, "note": f"{right}/{len(cases)}, asked directly"},
    ]
