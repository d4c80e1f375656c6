"""Benchmarks: every bench_*.py module exposes run() -> list[dict]; `python -m bench` runs them all."""
