"""Surviving mutants per module, from the last `make mutate` (mutmut's results in mutants/): of the plausible one-line
bugs mutmut made in each module and ran the tests against, the share no test noticed. Target from issue 16: under
10 % on the parsers, the expression evaluator, the printer state merge, the op log, the undo stack and the outbox and
sync engine. Mutation runs take hours on this machine, so this benchmark reads the last run instead of starting one;
a module mutmut has not finished shows how many of its mutants were checked."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DETECTED = {1, 3, 37, -11, -9}
"""mutmut's exit codes of a mutant the tests noticed: a test failed (or the type check, or the process crashed)."""
TIMEOUT = {36, -24, 24, 152, 255}
"""Out of time: a mutant that hangs, or on a loaded machine one whose tests were merely slow. Counted neither way:
the share shown is those that surely survived, the target is judged as if every timeout had survived."""
SURVIVED = 0
NO_TESTS = {5, 33}


def _modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["only_mutate"])


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for module in _modules():
        meta = ROOT / "mutants" / f"{module}.meta"
        codes = json.loads(meta.read_text()).get("exit_code_by_key", {}) if meta.exists() else {}
        counted = Counter("survived" if c == SURVIVED else "caught" if c in DETECTED else "timeout" if c in TIMEOUT
                          else "no tests" if c in NO_TESTS else "not run" if c is None else "other"
                          for c in codes.values())
        checked = len(codes) - counted["not run"]
        share = 100 * (counted["survived"] + counted["no tests"]) / checked if checked else None
        worst = 100 * (counted["survived"] + counted["no tests"] + counted["timeout"]) / checked if checked else None
        rows.append({
            "name": f"surviving mutants: {module}", "value": None if share is None else round(share, 1), "unit": "%",
            "target": "< 10 %", "ok": None if worst is None else worst < 10,
            "note": (f"{checked} of {len(codes)} mutants checked: {counted['caught']} caught, {counted['survived']} "
                     f"survived, {counted['no tests']} without a covering test, {counted['timeout']} timed out "
                     f"(up to {worst:.0f} % if they survived)") if checked else f"not run ({len(codes)} mutants)",
        })
    return rows
