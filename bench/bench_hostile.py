"""The hostile corpus at full size: wall time and peak memory of the command a user would run on each case.

Each case runs in its own `potstudio` process; os.wait4 gives that process's own peak RSS. The baseline is the
same command on a small valid STL in the same run (interpreter start and imports), so the ratio shows what the
hostile input itself costs. Targets from issue 16: every case < 5 s and < 1 GB; a valid 5M-triangle STL
checked in < 10 s. The CPU is shared with other work, so each note gives the process's own CPU time (user +
system, from os.wait4) and the load average when it ended. BENCH_HOSTILE_ONLY="padded,valid" measures only the
cases whose names contain one of those words ("valid" is the 5M-triangle STL).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.hostile_corpus import CASES

ROOT = Path(__file__).resolve().parents[1]
ONLY = [word for word in os.environ.get("BENCH_HOSTILE_ONLY", "").split(",") if word]


def _measure(args: list[str]) -> tuple[float, float, int, str]:
    """Seconds, peak RSS in MB, exit code and a note on CPU time and load of one `potstudio` run."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "core.cli.main", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = f"CPU {usage.ru_utime + usage.ru_stime:.2f} s, load {os.getloadavg()[0]:.1f}"
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode, cpu


def _wanted(name: str) -> bool:
    return not ONLY or any(word in name for word in ONLY)


def _valid_stl(path: Path, major: int, minor: int) -> int:
    """A closed torus of 2·major·minor triangles as a binary STL: a real model's connectivity, unlike a soup."""
    u = np.linspace(0, 2 * np.pi, major, endpoint=False)[:, None]
    v = np.linspace(0, 2 * np.pi, minor, endpoint=False)[None, :]
    grid = np.stack([(80 + 30 * np.cos(v)) * np.cos(u), (80 + 30 * np.cos(v)) * np.sin(u),
                     30 * np.sin(v) + 0 * u], axis=-1).astype(np.float32)
    a, b = grid, np.roll(grid, -1, axis=0)
    c, d = np.roll(b, -1, axis=1), np.roll(a, -1, axis=1)
    triangles = np.concatenate([np.stack([a, b, c], 2).reshape(-1, 3, 3), np.stack([a, c, d], 2).reshape(-1, 3, 3)])
    records = np.zeros(len(triangles), dtype=[("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
    records["v"] = triangles
    with path.open("wb") as fh:
        fh.write(b"torus".ljust(80) + np.uint32(len(records)).tobytes())
        records.tofile(fh)
    return len(records)


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "small.stl"
        _valid_stl(small, 4, 3)
        base_s, base_mb, _, base_cpu = _measure(["check", str(small)])
        rows.append({"name": "baseline: check of a 24-triangle STL", "value": base_s, "unit": "s",
                     "note": f"peak {base_mb:.0f} MB (interpreter and imports), {base_cpu}"})
        worst_s = worst_mb = 0.0
        for case in CASES:
            if not _wanted(case.name):
                continue
            path = folder / case.file
            case.write(path, 1.0)
            args = ["check", str(path)] if case.command == "check" else ["export", str(path), "-o",
                                                                         str(folder / "out.stl")]
            seconds, mb, code, cpu = _measure(args)
            expected = 2 if case.expect else 0
            worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
            rows.append({
                "name": case.name, "value": seconds, "unit": "s", "baseline": base_s, "ratio": seconds / base_s,
                "target": "< 5 s, < 1 GB", "ok": seconds < 5 and mb < 1024 and code == expected,
                "note": f"peak {mb:.0f} MB, {path.stat().st_size / 2**20:.1f} MB file, exit {code}, {cpu}",
            })
            path.unlink()
        if _wanted("valid"):
            big = folder / "valid5m.stl"
            count = _valid_stl(big, 2000, 1250)
            seconds, mb, code, cpu = _measure(["check", str(big)])
            rows.append({"name": f"valid {count / 1e6:.0f}M-triangle STL (closed torus), check", "value": seconds,
                         "unit": "s", "target": "< 10 s", "ok": seconds < 10 and code == 0,
                         "note": f"peak {mb:.0f} MB, {cpu}"})
        rows.append({"name": "worst hostile case", "value": worst_s, "unit": "s", "target": "< 5 s, < 1 GB",
                     "ok": worst_s < 5 and worst_mb < 1024, "note": f"worst peak {worst_mb:.0f} MB"})
    return rows
