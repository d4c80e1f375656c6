"""What the composition root (desktop/app.py) hands to a window: no globals, no getInstance()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.assistant.base import Provider
from core.geometry.build import Evaluator
from core.settings import AISettings, SettingsStore
from desktop.i18n import Translations


@dataclass
class Services:
    settings: SettingsStore
    evaluator: Evaluator
    translations: Translations
    make_provider: Callable[[AISettings], Provider]
    check_provider: Callable[[AISettings], str]
    """Raises a PotStudioError when the provider cannot be reached; returns a short state text."""
    warm_up: Callable[[], object] = field(default=lambda: None)
    """Loads what the first chat turn needs; the window calls it on a worker after its first frame."""
