"""The printers package's data files: Bambu Lab's own, in the app's resources (core.resources finds them)."""

from __future__ import annotations

from pathlib import Path

from core.resources import resources_dir


def bambu_dir() -> Path:
    """Bambu Lab's own data (CA certificates, HMS and error tables), shipped unchanged; see its README."""
    return resources_dir() / "bambu"
