"""Surviving mutants per module, from the last `make mutate` (mutmut's results in mutants/): of the plausible one-line
bugs mutmut made in each module and ran the tests against, the share no test noticed. Target from issue 16: under
10 % on the parsers, the expression evaluator, the printer state merge, the op log, the undo stack and the outbox and
sync engine. Mutation runs take tens of minutes on this machine, so this benchmark reads the last run instead of
starting one; a module mutmut has not finished says how many of its mutants were checked.

Timeouts are shown apart: mutmut's own score counts a timed-out mutant as killed (a hang the tests provoked), but on a
loaded machine a mutant whose tests were merely slow times out too, so the target is judged as if every timeout had
survived. A mutant no selected test reaches counts as surviving. Survivors that only change the letter case of SQL text
(`SELECT` -> `select`: SQLite reads both alike, so no test can notice) are shown apart as equivalent: mutmut changes
the case of every string, and the outbox's SQL would otherwise make up most of its survivors."""

from __future__ import annotations

import contextlib
import json
import re
import statistics
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
LOAD_LOG = MUTANTS / "load.log"
"""`<unix time> <1-minute load average>` lines `make mutate` samples while it runs, for the note."""
TARGET = 10.0
_STATUS = {0: "survived", 1: "killed", 3: "killed", 37: "killed", -11: "killed", -9: "killed",
           36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", 5: "no tests", 33: "no tests",
           34: "skipped", None: "not run"}
"""mutmut's exit codes (mutmut.stats.status_by_exit_code): a failed test, a type-check error or a crashed worker
noticed the mutant; SIGXCPU is a timeout; anything else (35, an interrupted check) is 'suspicious'."""


_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|ORDER BY|VALUES|SET|IS NULL)\b")


def _sql_case_only(mutant: str, module: str) -> bool:
    """Whether the mutant only changes the letter case of SQL text (from mutmut's diff of it)."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # the `fuzz` extra, as `make mutate` needs

    with contextlib.chdir(ROOT):  # mutmut reads mutants/ relative to the working directory
        diff = get_diff_for_mutant(mutant, path=module).splitlines()
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return bool(removed) and removed != added and [r.lower() for r in removed] == [a.lower() for a in added] \
        and all(_SQL.search(r) for r in removed)


def _modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["only_mutate"])


def _load() -> str:
    if not LOAD_LOG.exists():
        return "machine load not recorded"
    loads = [float(line.split()[1]) for line in LOAD_LOG.read_text().splitlines() if len(line.split()) == 2]
    if not loads:
        return "machine load not recorded"
    return f"machine load average {statistics.mean(loads):.1f} (max {max(loads):.1f}) on 2 shared cores during the run"


def count(exit_codes: dict[str, int | None], equivalent: int = 0) -> dict[str, Any]:
    """Per-status counts of one module's mutants and the surviving shares over those checked; the `equivalent`
    survivors change nothing a test could notice and are left out of the shares."""
    counted = Counter(_STATUS.get(code, "suspicious") for code in exit_codes.values())
    checked = len(exit_codes) - counted["not run"] - counted["skipped"]
    judged = checked - equivalent
    alive = counted["survived"] - equivalent + counted["no tests"]
    return {
        "total": len(exit_codes), "checked": checked, "equivalent": equivalent,
        **{k: counted[k] for k in ("killed", "survived", "timeout", "no tests", "suspicious")},
        "share": 100 * alive / judged if judged > 0 else None,
        "worst": 100 * (alive + counted["timeout"] + counted["suspicious"]) / judged if judged > 0 else None,
    }


def _note(c: dict[str, Any], load: str) -> str:
    same = f" ({c['equivalent']} of them SQL letter case only: equivalent, not counted)" if c["equivalent"] else ""
    return (f"{c['total']} mutants, {c['checked']} checked: {c['killed']} killed, {c['survived']} survived{same}, "
            f"{c['no tests']} reached by no selected test, {c['timeout']} timed out"
            + (f", {c['suspicious']} suspicious" if c["suspicious"] else "")
            + f"; {c['worst']:.1f} % if every timeout survived"
            + ("" if c["checked"] == c["total"] else f"; NOT FULLY RUN: {c['total'] - c['checked']} not checked")
            + f"; {load}")


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    load = _load()
    for module in _modules():
        meta = MUTANTS / f"{module}.meta"
        codes = json.loads(meta.read_text()).get("exit_code_by_key", {}) if meta.exists() else {}
        c = count(codes, sum(_sql_case_only(name, module) for name, code in codes.items() if code == 0))
        row = {"name": f"surviving mutants: {module}", "value": None, "unit": "%", "target": f"< {TARGET:.0f} %",
               "ok": None, "note": f"not run ({c['total']} mutants)"}
        if c["share"] is not None:
            row |= {"value": round(c["share"], 1), "note": _note(c, load),
                    "ok": c["checked"] == c["total"] and c["worst"] < TARGET}
        rows.append(row)
    return rows
