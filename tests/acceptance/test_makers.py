"""The makers' request set (makers.yaml) run through the real CLI entry point, in-process.

Unlike prompts.yaml, these requests were written before the planner was changed for them (issue 13),
the way makers ask on forums, and each states only what the request itself implies: the template,
the values the sentence gives (within 0.5 mm or 2 %), copies on the plate, a question, or an honest
"I can't make that yet; the closest is ...". The written file is read back with trimesh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import trimesh
import yaml

from core.geometry.printability import body_count
from core.templates.registry import get_template
from tests.acceptance.test_acceptance import run_cli

CASES: list[dict[str, Any]] = yaml.safe_load(Path(__file__).with_name("makers.yaml").read_text(encoding="utf-8"))


def test_the_set_is_big_bilingual_and_covers_every_kind_of_outcome() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 150
    assert sum(1 for i in ids if i.startswith("pt-")) >= 50
    assert {c.get("expect", "model") for c in CASES} == {"model", "ask", "closest"}
    assert sum(1 for c in CASES if "known_issue" in c) <= 0.05 * len(CASES)
    assert sum(1 for c in CASES if c.get("bodies", 1) > 1) >= 10


def case_param(case: dict[str, Any]) -> Any:
    issue = case.get("known_issue")
    marks = [pytest.mark.xfail(reason=issue, strict=True)] if issue else []
    return pytest.param(case, id=case["id"], marks=marks)


def close_enough(got: Any, want: Any) -> bool:
    if isinstance(want, str) or isinstance(got, str):
        return str(got) == str(want)
    return got is not None and abs(float(got) - float(want)) <= max(0.5, 0.02 * abs(float(want)))


def titles(template_ids: list[str]) -> list[str]:
    return [t.lower() for tid in template_ids for t in (get_template(tid).title, get_template(tid).title_pt)]


@pytest.mark.parametrize("case", [case_param(c) for c in CASES])
def test_request(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.stl"
    prompts = case["prompts"]
    argv = ["generate", prompts[0], *[a for p in prompts[1:] for a in ("--then", p)], "-o", str(out), "--json"]
    code, result, err = run_cli(argv, capsys)
    expect = case.get("expect", "model")
    reply = result["reply"].lower()
    for words in case.get("reply_has", []):
        assert words.lower() in reply, result["reply"]

    if expect != "model":
        assert code == 2, result
        assert not out.exists()
        allowed = case.get("template")
        if expect == "ask" or allowed:  # the closest template is offered as a question ("shall I?")
            assert len(result["questions"]) == 1, result["reply"]
        if allowed:
            assert any(title in reply for title in titles(allowed)), result["reply"]
        return

    assert code == 0, err
    assert result["template"] == case["template"], result["reply"]
    wrong = {name: (result["parameters"].get(name), want) for name, want in (case.get("values") or {}).items()
             if not close_enough(result["parameters"].get(name), want)}
    assert not wrong, f"{wrong} — reply: {result['reply']}"
    mesh = trimesh.load(out, force="mesh", process=False)
    mesh.merge_vertices()
    assert mesh.is_watertight
    assert body_count(mesh) == case.get("bodies", parts_of(result)) == result["bodies"], result["reply"]


def parts_of(result: dict[str, Any]) -> int:
    """Parts one copy of the model lays on the plate (a box and its lid: 2), as its template promises."""
    spec = get_template(result["template"])
    known = {p.name for p in spec.parameters()}
    doc = spec.make({k: v for k, v in result["parameters"].items() if k in known})
    extent = spec.expected_extent(doc)
    return extent.bodies if extent is not None else 1
