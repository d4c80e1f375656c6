"""THE composition root: builds the services once and hands them to the window (no singletons).

Tests call `build_services()` and `MainWindow(services)` directly with their own settings file, so
nothing global has to be reset between them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core.geometry.build import Evaluator
from core.paths import log_dir
from core.resources import resources_dir
from core.settings import SettingsStore
from desktop.i18n import Translations
from desktop.main_window import MainWindow
from desktop.providers import ProviderFactory
from desktop.services import Services

log = logging.getLogger(__name__)


def build_services(app: QApplication, settings_path: Path | None = None) -> Services:
    evaluator = Evaluator()
    providers = ProviderFactory(evaluator)
    return Services(
        settings=SettingsStore(settings_path),
        evaluator=evaluator,
        translations=Translations(app),
        make_provider=providers.make,
        check_provider=providers.check,
        warm_up=providers.offline.planner,
    )


def build_window(services: Services) -> MainWindow:
    window = MainWindow(services)
    window.setWindowIcon(QIcon(str(resources_dir() / "icons" / "potstudio.png")))
    window.resize(1440, 900)
    if services.settings.problem:
        window.statusBar().showMessage(services.settings.problem, 20_000)
    return window


def setup_logging(verbose: bool = False) -> Path:
    """Log to a rotating file (the error dialog's details are there too) and warnings to stderr."""
    path = log_dir() / "potstudio.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    root.addHandler(console)
    return path
