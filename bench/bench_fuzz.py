"""The fuzzers' speed and reach: atheris on each target of tests/fuzz/targets.py for a fixed time, reporting
executions per second and the corpus it holds afterwards (seeds plus every input that found new coverage; the
corpus in build/fuzz-corpus/ grows from run to run). A target that crashed is a finding, shown as not ok: its
input is in build/fuzz-crashes/. The hypothesis side of the same targets runs in `make test` (tests/fuzz)."""

from __future__ import annotations

from typing import Any

from tests.fuzz.atheris.run import TARGET_NAMES, measure

SECONDS = 30


def run() -> list[dict[str, Any]]:
    rows = []
    for name in TARGET_NAMES:
        m = measure(name, SECONDS)
        rows.append({"name": f"atheris: {name}", "value": m["per_second"], "unit": "exec/s",
                     "target": "no crash", "ok": m["ok"],
                     "note": f"{m['executions']} executions in {SECONDS} s; corpus {m['corpus']} files"
                             + ("" if m["ok"] else f"; crashed (exit {m['exit']}), input in build/fuzz-crashes")})
    return rows
