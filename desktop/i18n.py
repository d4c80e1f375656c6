"""Qt translations: resources/i18n/potstudio_<lang>.qm compiled from the .ts sources.

English is the source language (no file). Switching language installs the new translator; the
window then re-sets every visible string through its `retranslate()` methods.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resources_dir

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "pt_BR": "Português do Brasil"}


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._ours = QTranslator(app)
        self._qt = QTranslator(app)

    def set_language(self, language: str) -> bool:
        """Install `language`; returns False (and stays in English) when its file is missing."""
        self.app.removeTranslator(self._ours)
        self.app.removeTranslator(self._qt)
        self.language = "en"
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return True
        path = resources_dir() / "i18n" / f"potstudio_{language}.qm"
        if not self._ours.load(str(path)):
            log.warning("no translation file %s", path)
            return False
        self.app.installTranslator(self._ours)
        # Qt's own strings (standard buttons, "Show Details…"), when the Qt build ships them.
        if self._qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(self._qt)
        self.language = language
        return True
