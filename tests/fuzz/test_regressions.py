"""Every input a fuzzer found (tests/fuzz/regressions/<target>-<what it broke>), replayed against its target: each
ends as a result or the module's typed error since the reader was fixed. `make fuzz` writes new finds to
build/fuzz-crashes/; once fixed, copy the file here under a name that says what it broke."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz import targets

FOUND = sorted((Path(__file__).parent / "regressions").iterdir())


@pytest.mark.parametrize("found", FOUND, ids=[p.name for p in FOUND])
def test_each_input_a_fuzzer_found_is_handled(found: Path) -> None:
    name = next(t for t in targets.TARGETS if found.name.startswith(f"{t}-"))
    targets.TARGETS[name](found.read_bytes())
