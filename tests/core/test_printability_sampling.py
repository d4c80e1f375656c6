"""The thin-wall figures of the printability report are estimates from sampled points: on a large model with
a thin fin of known area the estimate falls within the bound the report states, and the report says it
sampled (in the text `check` prints and in its JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import trimesh

from core.cli import check_cmd
from core.cli import main as cli_main
from core.geometry.meshio import save_mesh
from core.geometry.printability import THIN_WALL_MM, WALL_SAMPLES, analyse, sampling_bound
from tests.core.test_printability import box, build

FIN_SHARE = 2 * 15 * 12 / 12372
"""A 60×60×20 block carrying a 0.5×15×12 fin: the fin's two 15×12 faces are the only surface closer than
THIN_WALL_MM to the opposite wall, out of 12372 mm² (the block's 12000 less the fin's foot, plus the fin)."""


@pytest.fixture(scope="module")
def finned_block() -> trimesh.Trimesh:
    """The block and fin subdivided to ~460k triangles: the size of a detailed scan, with exact geometry."""
    mesh = build(box(60, 60, 20), box(0.5, 15, 12, at=(0, 0, 20)))
    assert mesh.area == pytest.approx(12372)
    for _ in range(7):
        mesh = mesh.subdivide()
    return mesh


def test_thin_share_of_a_large_model_is_within_its_stated_bound(finned_block: trimesh.Trimesh) -> None:
    report = analyse(finned_block)
    assert len(finned_block.faces) > 400_000
    assert report.wall_samples == WALL_SAMPLES, "every sampled ray meets a wall of a closed model"
    assert report.thin_wall_share_bound == pytest.approx(sampling_bound(WALL_SAMPLES))
    assert 0 < report.thin_wall_share_bound < 0.025
    assert abs(report.thin_wall_share - FIN_SHARE) <= report.thin_wall_share_bound
    assert report.thin_wall_mm == pytest.approx(0.5, abs=0.01)
    assert any(f"thinner than {THIN_WALL_MM:g} mm" in w for w in report.warnings)


def test_sampling_bound_shrinks_with_the_samples_and_is_total_without_any() -> None:
    """Hoeffding at 95 %: sqrt(ln(40) / 2n), whatever the share; with no sample nothing is known."""
    assert sampling_bound(4096) == pytest.approx(0.02122, abs=1e-5)
    assert sampling_bound(1024) == pytest.approx(2 * sampling_bound(4096))
    assert sampling_bound(0) == 1.0


def test_an_open_sheet_has_no_wall_samples_and_says_so() -> None:
    """Rays from a lone sheet escape: no thickness is measured and the bound says nothing is known."""
    sheet = trimesh.Trimesh([[0, 0, 0], [10, 0, 0], [0, 10, 0]], [[0, 1, 2]], process=False)
    report = analyse(sheet)
    assert report.wall_samples == 0 and report.min_wall_mm is None
    assert report.thin_wall_share_bound == 1.0


def test_check_says_the_walls_were_sampled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str],
                                           finned_block: trimesh.Trimesh) -> None:
    monkeypatch.setattr(cli_main, "_registrations", lambda: [check_cmd.register])
    cli: Callable[[Sequence[str] | None], int] = cli_main.main
    path = tmp_path / "finned.stl"
    save_mesh(finned_block, path)
    assert cli(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"from {WALL_SAMPLES} sampled points" in text and "% at 95%" in text
    assert cli(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["wall_samples"] == WALL_SAMPLES
    assert abs(data["thin_wall_share"] - FIN_SHARE) <= data["thin_wall_share_bound"]
