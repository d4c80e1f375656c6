"""Coverage-guided fuzzing of the targets in tests/fuzz/targets.py with atheris (libFuzzer for Python).

    python -m tests.fuzz.atheris.run TARGET [--seconds N]    one target, in this process (libFuzzer exits it)
    python -m tests.fuzz.atheris.run --all [--seconds N]     each target in its own process, then a table of
                                                             executions per second and corpus size (Markdown)

The corpus of each target lives in build/fuzz-corpus/TARGET, started from tests/fuzz/seeds.py and grown by each run;
a crashing input is written to build/fuzz-crashes/ (libFuzzer's crash-<sha1>), to become an @example regression
case in the matching tests/fuzz/test_*.py once the reader is fixed.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "build" / "fuzz-corpus"
CRASHES = ROOT / "build" / "fuzz-crashes"
TARGET_NAMES = ("stl", "obj", "3mf", "design", "expression", "llm_stream", "bambu", "moonraker", "scale")
log = logging.getLogger("fuzz")


def fuzz(name: str, seconds: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["core", "printers", "httpx_sse", "tests.fuzz"]):
        from tests.fuzz import seeds, targets
    target = targets.TARGETS[name]
    corpus = CORPUS / name
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in seeds.seeds(name):
        (corpus / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    CRASHES.mkdir(parents=True, exist_ok=True)
    logging.disable(logging.WARNING)  # the readers log each refusal; the targets still see swallowed tracebacks
    atheris.Setup([sys.argv[0], str(corpus), f"-max_total_time={seconds}", "-timeout=20", "-rss_limit_mb=3072",
                   "-max_len=262144", "-print_final_stats=1", f"-artifact_prefix={CRASHES}/{name}-"], target)
    atheris.Fuzz()


def measure(name: str, seconds: int) -> dict[str, object]:
    """One target fuzzed in a child process: executions, executions per second, corpus size, and whether it held."""
    done = subprocess.run([sys.executable, "-m", "tests.fuzz.atheris.run", name, "--seconds", str(seconds)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    stats = {key: int(value) for key, value in re.findall(r"stat::(\w+):\s*(\d+)", done.stderr)}
    if done.returncode != 0:
        log.error("%s:\n%s", name, done.stderr[-4000:])
    return {"target": name, "executions": stats.get("number_of_executed_units"),
            "per_second": stats.get("average_exec_per_sec"),
            "corpus": sum(1 for _ in (CORPUS / name).iterdir()) if (CORPUS / name).exists() else 0,
            "ok": done.returncode == 0, "exit": done.returncode}


def run_all(seconds: int) -> int:
    """Each target in a child process; prints a Markdown table."""
    print("| target | executions | exec/s | corpus (files) | result |")
    print("|---|---|---|---|---|")
    failed = 0
    for name in TARGET_NAMES:
        m = measure(name, seconds)
        failed += not m["ok"]
        result = "ok" if m["ok"] else f"crash (exit {m['exit']}, see {CRASHES})"
        print(f"| {name} | {m['executions']} | {m['per_second']} | {m['corpus']} | {result} |", flush=True)
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", nargs="?", choices=TARGET_NAMES)
    parser.add_argument("--all", action="store_true", help="every target, each in its own process")
    parser.add_argument("--seconds", type=int, default=60, help="per target")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    if args.all:
        return run_all(args.seconds)
    if not args.target:
        parser.error("name a target or pass --all")
    fuzz(args.target, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
