"""One place says where the app's data files are, for the desktop and the printer drivers alike."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.resources import resources_dir
from printers.resources import bambu_dir


def test_bambu_data_is_found_in_the_checkout_beside_the_desktops_own_files() -> None:
    assert (resources_dir() / "i18n").is_dir() and (resources_dir() / "themes").is_dir()
    assert bambu_dir().parent == resources_dir() and any(bambu_dir().glob("*.cert"))


def test_inside_a_pyinstaller_bundle_both_read_the_bundles_copy(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert bambu_dir() == tmp_path / "resources" / "bambu"
