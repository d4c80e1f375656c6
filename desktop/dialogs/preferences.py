"""Preferences: AI provider (URL, model, API key in the OS keyring), units, theme, language, bed size.

The dialog edits a copy of Settings; the window stores it only on OK. The API key never enters the
settings: it goes straight to core.secrets under the provider's keyring entry.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core import secrets
from core.assistant.llm.presets import PRESETS, LLMConfig
from core.errors import PotStudioError
from core.settings import AISettings, Settings
from desktop.i18n import LANGUAGES
from desktop.panels.chat import PROVIDERS


def tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


def secret_name(ai: AISettings) -> str | None:
    """The keyring entry of this provider's API key (None for the offline planner)."""
    if ai.provider == "offline":
        return None
    if ai.provider == "custom":
        return LLMConfig.custom(ai.url, ai.model or "default").secret_key if ai.url else None
    return LLMConfig.from_preset(ai.provider).secret_key


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(tr("Preferences"))
        self.settings = settings
        form = QFormLayout()
        self.provider = QComboBox()
        for key, title in PROVIDERS:
            self.provider.addItem(QCoreApplication.translate("ChatPanel", title), key)
        self.provider.setCurrentIndex(max(0, self.provider.findData(settings.ai.provider)))
        self.url = QLineEdit(settings.ai.url)
        self.model = QLineEdit(settings.ai.model)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(tr("Stored in the system keyring"))
        self.units = QComboBox()
        self.units.addItem(tr("Millimetres"), "mm")
        self.units.addItem(tr("Inches"), "in")
        self.units.setCurrentIndex(self.units.findData(settings.units))
        self.theme = QComboBox()
        for key, title in (("system", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme.addItem(title, key)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.language = QComboBox()
        for key, title in LANGUAGES.items():
            self.language.addItem(title, key)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.bed = []
        bed_row = QHBoxLayout()
        for value in settings.bed:
            spin = QDoubleSpinBox()
            spin.setRange(20, 2000)
            spin.setSuffix(" mm")
            spin.setValue(value)
            bed_row.addWidget(spin)
            self.bed.append(spin)
        form.addRow(tr("AI provider"), self.provider)
        form.addRow(tr("Server URL"), self.url)
        form.addRow(tr("Model"), self.model)
        form.addRow(tr("API key"), self.key)
        form.addRow(tr("Units"), self.units)
        form.addRow(tr("Theme"), self.theme)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Default bed (X × Y × Z)"), bed_row)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _provider_changed(self) -> None:
        kind = self.provider.currentData()
        preset = PRESETS.get(kind)
        self.url.setEnabled(kind == "custom")
        self.model.setEnabled(kind != "offline")
        self.key.setEnabled(kind != "offline")
        self.url.setPlaceholderText(preset.base_url if preset else "http://localhost:8000/v1")
        self.model.setPlaceholderText(preset.default_model if preset else "")

    def result_settings(self) -> Settings:
        ai = AISettings(provider=self.provider.currentData(), url=self.url.text().strip(),
                        model=self.model.text().strip())
        return self.settings.model_copy(update={
            "ai": ai, "units": self.units.currentData(), "theme": self.theme.currentData(),
            "language": self.language.currentData(), "bed": tuple(s.value() for s in self.bed),
        })

    def store_secret(self) -> None:
        """Write the typed API key to the keyring (an empty field keeps the stored one)."""
        key = self.key.text().strip()
        if not key:
            return
        name = secret_name(self.result_settings().ai)
        if name is None:
            raise PotStudioError(tr("Choose an online AI provider (and its URL) before entering an API key."))
        secrets.set_secret(name, key)
