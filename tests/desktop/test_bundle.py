"""The PyInstaller bundle (`make package`) starts the real window and renders the prompted model.

`make test` builds the bundle first (`make package`, a few minutes, incremental afterwards); run
on its own, this test fails with that instruction when there is no bundle, never silently skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.desktop.test_screenshot import assert_viewport_shows_model, pixels

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "potstudio" / "potstudio"


def test_bundle_screenshot_shows_the_model(tmp_path: Path, artifacts_dir: Path) -> None:
    assert BUNDLE.exists(), "no PyInstaller bundle: run `make package` first (`make test` does)"
    out = tmp_path / "bundle.png"
    result = subprocess.run(
        [str(BUNDLE), "--screenshot", str(out), "--prompt", "a plant pot 12 cm wide", "--size", "1280x800",
         "--theme", "dark"],
        env=dict(os.environ), capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.copy(out, artifacts_dir / "desktop_bundle_screenshot.png")
    assert_viewport_shows_model(pixels(out), "dark")
