"""Preferences: AI provider (URL, model, API key in the OS keyring), units, theme, language, bed size, and
the encrypted keyring file to use where the system has no secure keyring.

The dialog edits a copy of Settings; the window stores it only on OK. The API key never enters the
settings: it goes straight to core.secrets under the provider's keyring entry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import secrets
from core.assistant.llm.presets import PRESETS, LLMConfig
from core.errors import PotStudioError
from core.settings import AISettings, Settings
from desktop.dialogs.keyring_file import PassphraseDialog, default_path, describe
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
        form.addRow(tr("Secrets"), self._keyring_row(settings))
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _keyring_row(self, settings: Settings) -> QWidget:
        """Where secrets are kept, and the encrypted file to use where the system has no secure keyring."""
        self.keyring_state = QLabel(describe())
        self.keyring_state.setObjectName("keyringState")
        self.keyring_state.setWordWrap(True)
        self.keyring_path = QLineEdit(settings.keyring_file or str(default_path()))
        self.keyring_path.setObjectName("keyringPath")
        self.keyring_path.setMinimumWidth(320)  # a path is read from its start; the default one is long
        self.keyring_path.setCursorPosition(0)
        use = QPushButton(tr("Use an encrypted file…"))
        use.setObjectName("useKeyringFile")
        use.clicked.connect(self._choose_keyring_file)
        self._keyring_file = settings.keyring_file
        row = QHBoxLayout()
        row.addWidget(self.keyring_path, 1)
        row.addWidget(use)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.keyring_state)
        box.addLayout(row)
        holder = QWidget()
        holder.setLayout(box)
        return holder

    def _choose_keyring_file(self) -> None:
        path = Path(self.keyring_path.text().strip() or default_path()).expanduser()
        PassphraseDialog(path, self._keyring_chosen, self).open()

    def _keyring_chosen(self, path: Path) -> None:
        self._keyring_file = str(path)
        self.keyring_state.setText(describe())

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
            "keyring_file": self._keyring_file,
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
