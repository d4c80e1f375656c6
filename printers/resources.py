"""Where the printers package's data files are: `resources/` beside the packages (a source checkout, and an
installed wheel, which ships `resources/bambu` as package data), or inside a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def bambu_dir() -> Path:
    """Bambu Lab's own data (CA certificates, HMS and error tables), shipped unchanged; see its README."""
    return resources_dir() / "bambu"
