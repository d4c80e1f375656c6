"""Screenshot mode end to end: the real `potstudio` command drives the window and writes a PNG whose
viewport shows the model (not a blank or black frame). PNGs are kept in test-artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from desktop.viewport.scene import MODEL_RGB


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), f"{path} is not an image"
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(h, image.bytesPerLine())[:, : w * 3].reshape(h, w, 3).copy()


def assert_viewport_shows_model(png: np.ndarray, theme: str) -> None:
    """The window's centre is the viewport: it must have real content and the model's colour."""
    h, w, _ = png.shape
    centre = png[int(h * 0.3): int(h * 0.7), int(w * 0.42): int(w * 0.58)].astype(int)
    assert centre.std() > 12, "the viewport is flat (blank or not rendered)"
    r, g, b = MODEL_RGB[theme]
    # Shading darkens/lightens the model colour but keeps its blue-dominant hue.
    blueish = (centre[..., 2] > centre[..., 0] + (b - r) // 3) & (centre[..., 2] > centre[..., 1] + (b - g) // 3)
    assert blueish.mean() > 0.08, f"the model colour covers only {blueish.mean():.0%} of the viewport centre"


def potstudio() -> list[str]:
    exe = shutil.which("potstudio", path=str(Path(sys.executable).parent))
    assert exe, "the potstudio entry point is not installed in this environment"
    return [exe]


@pytest.mark.parametrize(("size", "theme"), [("1280x800", "dark"), ("1920x1080", "light")])
def test_screenshot_mode_renders_the_prompted_model(tmp_path: Path, artifacts_dir: Path, size: str, theme: str) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [*potstudio(), "--screenshot", str(out), "--prompt", "a plant pot 12 cm wide", "--size", size,
         "--theme", theme],
        env=dict(os.environ), capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    png = pixels(out)
    assert png.shape[:2] == tuple(int(v) for v in reversed(size.split("x")))
    shutil.copy(out, artifacts_dir / f"desktop_screenshot_{size}_{theme}.png")
    assert_viewport_shows_model(png, theme)


def test_screenshot_mode_refuses_a_bad_size(tmp_path: Path) -> None:
    result = subprocess.run([*potstudio(), "--screenshot", str(tmp_path / "x.png"), "--size", "big"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "1280x800" in result.stderr
    assert not (tmp_path / "x.png").exists()
