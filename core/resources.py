"""Where the app's non-Python files are (themes, icons, translations, Bambu Lab's CAs and tables): `resources/`
beside the packages in a source checkout and in an installed wheel (which ships it as package data), or inside
a PyInstaller bundle. One lookup for every package, so the desktop and the printer drivers cannot disagree."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
