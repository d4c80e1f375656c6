"""Run every benchmark module and write bench/RESULTS.md with the machine and the date.

Figures are ratios against a baseline measured in the same run wherever a baseline exists, so the
numbers mean something on any machine. `python -m bench NAME ...` runs only the named modules.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import os
import platform
import sys
import traceback
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
log = logging.getLogger("bench")


def _machine() -> str:
    freq = psutil.cpu_freq()
    mhz = f", {freq.max:.0f} MHz" if freq and freq.max else ""
    mem = psutil.virtual_memory().total / 2**30
    return (f"{platform.node()} — {platform.processor() or platform.machine()}, {os.cpu_count()} cores{mhz}, "
            f"{mem:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}")


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
    return "" if v is None else str(v)


def _previous_sections() -> dict[str, list[str]]:
    """Sections of the last RESULTS.md, so a run of some benchmarks keeps the others' figures."""
    path = HERE / "RESULTS.md"
    if not path.exists():
        return {}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        if current is not None:
            current.append(line)
    return sections


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if argv:
        modules = [m for m in modules if any(a in m for a in argv)]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results", "",
        f"Last run {stamp} on {_machine()}; each section says when it was measured.", "",
        "Ratios compare against a baseline measured in the same run; absolute times on this CPU-only,",
        "software-GL machine say little about a designer's workstation.", "",
    ]
    failed = 0
    sections = _previous_sections() if argv else {}
    for name in modules:
        log.info("== %s", name)
        section = [f"## {name}", "", f"Measured {stamp}.", "",
                   "| measure | value | unit | baseline | ratio | target | ok | note |",
                   "|---|---|---|---|---|---|---|---|"]
        try:
            results = importlib.import_module(f"bench.{name}").run()
        except Exception:
            failed += 1
            log.error("%s failed:\n%s", name, traceback.format_exc())
            sections[name] = [*section, "| (benchmark failed: see log) | | | | | | ✗ | |", ""]
            continue
        for r in results:
            ok = r.get("ok")
            section.append("| " + " | ".join([
                r["name"], _fmt(r["value"]), r.get("unit", ""), _fmt(r.get("baseline")), _fmt(r.get("ratio")),
                r.get("target", ""), "" if ok is None else ("✓" if ok else "✗"), r.get("note", ""),
            ]) + " |")
            log.info("  %-50s %10s %-4s %s", r["name"], _fmt(r["value"]), r.get("unit", ""), r.get("note", ""))
        sections[name] = [*section, ""]
    for name in sorted(sections):
        lines += sections[name]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
