"""The everyday request set (everyday.yaml) run through the real CLI entry point, in-process.

Requests for the things people print at home, in English and Brazilian Portuguese, written blind from
the template catalogue before the assistant was changed for them. Each case gets exactly the checks of
tests/acceptance/test_makers.py (template, stated values, copies on the plate, one question, or an
honest "I can't make that yet; the closest is ..."), by calling its `test_request`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.acceptance.test_makers import case_param
from tests.acceptance.test_makers import test_request as check_request

CASES: list[dict[str, Any]] = yaml.safe_load(Path(__file__).with_name("everyday.yaml").read_text(encoding="utf-8"))


def test_the_set_is_big_bilingual_and_covers_every_kind_of_outcome() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 160
    assert sum(1 for i in ids if i.startswith("pt-")) >= 60
    assert {c.get("expect", "model") for c in CASES} == {"model", "ask", "closest"}
    # 30 of 262 (11.5 %) on 2026-12-07 (bench/RESULTS.md, issue 13): the goal is 5 %, this bar only stops the
    # count growing
    assert sum(1 for c in CASES if "known_issue" in c) <= 0.12 * len(CASES)
    assert sum(1 for c in CASES if c.get("bodies", 1) > 1) >= 10
    assert sum(1 for c in CASES if len(c["prompts"]) > 1) >= 10


@pytest.mark.parametrize("case", [case_param(c) for c in CASES])
def test_everyday_request(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_request(case, tmp_path, capsys)
