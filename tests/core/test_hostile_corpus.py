"""Every case of the hostile corpus (bench/hostile_corpus.py), at a size CI can afford, through the command a
user would run: each ends with exit code 2 and the error that names the problem, or reads as the valid file
it is. The benchmark runs the same corpus at full size for time and memory (bench/bench_hostile.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.hostile_corpus import CASES, Case
from core.cli.main import main


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_input_ends_with_a_clear_error_or_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case
) -> None:
    path = tmp_path / case.file
    case.write(path, 0.01)
    args = ["check", str(path), "--json"] if case.command == "check" else ["export", str(path), "-o",
                                                                            str(tmp_path / "out.stl")]
    code = main(args)
    err = capsys.readouterr().err
    if case.expect:
        assert code == 2 and case.expect in err, err
        assert "Traceback" not in err
        assert not (tmp_path / "out.stl").exists()
    else:
        assert code == 0, err
