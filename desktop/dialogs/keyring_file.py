"""The encrypted keyring file a user picks where the system has no secure keyring (a headless box, a desktop
without Secret Service): core.secrets refuses every insecure backend and says to choose one here.

The passphrase is asked in a dialog of our own (never a terminal prompt) and never stored; a wrong one keeps
the dialog open with the reason, so a typo costs a retry, not the secrets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core import secrets
from core.paths import data_dir


def tr(text: str) -> str:
    return QCoreApplication.translate("KeyringFile", text)


def default_path() -> Path:
    return data_dir() / "secrets.keyring"


class PassphraseDialog(QDialog):
    """Unlocks (or, for a new file, creates) the encrypted keyring at `path`; `done_with(path)` on success."""

    def __init__(self, path: Path, on_unlocked: Callable[[Path], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self._path, self._on_unlocked = path, on_unlocked
        creating = not path.exists()
        self.setWindowTitle(tr("Create the encrypted keyring") if creating else tr("Unlock the encrypted keyring"))
        intro = QLabel(tr("Printer access codes, API keys and sign-ins will be kept in {0}, encrypted with this "
                          "passphrase. It is asked for at each start and never saved.").format(path)
                       if creating else tr("Enter the passphrase of {0}.").format(path))
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassphrase")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Passphrase"), self.passphrase)
        if creating:
            form.addRow(tr("Again"), self.confirm)
        self.confirm.setVisible(creating)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _try(self) -> None:
        text = self.passphrase.text()
        if self.confirm.isVisible() and text != self.confirm.text():
            self.error.setText(tr("The two passphrases differ."))
            return
        try:
            secrets.use_encrypted_file_keyring(str(self._path), text)
        except secrets.SecretStoreError as exc:
            self.error.setText(tr("Wrong passphrase for this keyring file.") if "Wrong passphrase" in str(exc)
                               else tr("The keyring file cannot be used: {0}").format(exc))
            self.passphrase.selectAll()
            return
        self._on_unlocked(self._path)
        self.accept()


def describe() -> str:
    """The Preferences line about where secrets are kept now."""
    kind, where = secrets.location()
    if kind == "file":
        return tr("Encrypted file: {0}").format(where)
    if kind == "system":
        return tr("System keyring: {0}").format(where)
    return tr("No secure keyring on this computer: secrets cannot be saved until you choose an encrypted file.")
