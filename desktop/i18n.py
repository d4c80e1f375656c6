"""Qt translations: resources/i18n/potstudio_<lang>.qm compiled from the .ts sources.

English is the source language (no file). Switching language installs the new translator; the
window then re-sets every visible string through its `retranslate()` methods.
"""

from __future__ import annotations

import logging
import string

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.errors import ParameterError
from core.resources import resources_dir
from core.tasks import Phrase

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "pt_BR": "Português do Brasil"}


def mark(text: str) -> str:
    """Marks a source string for translation (QT_TRANSLATE_NOOP) where it is declared as data; the
    code that shows it translates it (resources/i18n/update_ts.py collects these with their context)."""
    return text


def say(message: str) -> str:
    """A message from the core in the UI language: a Phrase is looked up in the "Core" context (any
    thread may call this; QCoreApplication.translate is thread-safe), anything else is shown as it is."""
    if not isinstance(message, Phrase):
        return message
    comma = QLocale().decimalPoint() == ","
    out: list[str] = []
    auto = iter(range(len(message.args)))
    template = QCoreApplication.translate("Core", message.template)
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if field is None:
            continue
        value = message.args[int(field) if field else next(auto)]
        if isinstance(value, Phrase):  # "Saucer: <why the cut failed>"
            value = say(value)
        elif conversion == "r":
            value = repr(value)
        text = format(value, spec or "")
        # numbers the way the UI language writes them (2,5 mm); file names and other text as they are
        out.append(text.replace(".", ",") if comma and isinstance(value, int | float) else text)
    return "".join(out)


def say_error(exc: BaseException) -> str:
    """What went wrong, in the UI language where the core wrote it as a Phrase (or a printability rule
    with its Portuguese text); any other error as it describes itself."""
    if isinstance(exc, ParameterError) and exc.pt and QLocale().language() == QLocale.Language.Portuguese:
        return exc.text("pt")
    if exc.args and isinstance(exc.args[0], Phrase):
        return say(exc.args[0])
    return str(exc)


def number(value: float, decimals: int | None = None) -> str:
    """`value` written the way the UI language writes it (120,5 in Portuguese), no thousands separator;
    `decimals` None writes as few digits as the value needs (0,4 not 0,40)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if decimals is None:
        return locale.toString(float(value), "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
    return locale.toString(float(value), "f", decimals)


def counted(n: int, one: str, many: str) -> str:
    """A count with its noun in the right number ("1 like", "12 likes"): `one` and `many` are the two
    translated forms, each with a {0} for the count, written with the UI language's digit grouping."""
    return (one if n == 1 else many).format(QLocale().toString(int(n)))


def size_text(dims: tuple[float, float, float]) -> str:
    """A model's width × depth × height, as the viewport, the chat cards and the history show it."""
    return " × ".join(number(v, 1) for v in dims) + " mm"


class Translations:
    """Every `*_<lang>.qm` in resources/i18n is loaded, so each part of the app (docks written
    separately) can ship its own catalogue, plus Qt's own strings when the Qt build has them."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> bool:
        """Install `language`; returns False (and stays in English) when its files are missing."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        self.language = "en"
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return True
        for path in sorted((resources_dir() / "i18n").glob(f"*_{language}.qm")):
            self._install(str(path), "")
        if not self._installed:
            log.warning("no translation files for %s in %s", language, resources_dir() / "i18n")
            return False
        self._install(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self.language = language
        return True

    def _install(self, name: str, directory: str) -> None:
        translator = QTranslator(self.app)
        if translator.load(name, directory):
            self.app.installTranslator(translator)
            self._installed.append(translator)
