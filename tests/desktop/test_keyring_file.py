"""On a computer with no secure keyring, Preferences offers an encrypted keyring file (core.secrets refused
every insecure backend and told the user to choose one there, but no such option existed — issue 16)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from core import secrets
from core.settings import SettingsStore


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A headless box: no Secret Service, nothing chosen by the environment."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def passphrase_dialog(window, qtbot) -> QDialog:  # type: ignore[no-untyped-def]
    def shown() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog, "passphraseDialog") if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=30_000)
    return shown()[0]


def answer(dialog: QDialog, passphrase: str, again: str | None = None) -> None:
    dialog.findChild(QLineEdit, "passphrase").setText(passphrase)
    if again is not None:
        dialog.findChild(QLineEdit, "confirmPassphrase").setText(again)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_user_without_a_keyring_chooses_an_encrypted_file_and_unlocks_it_at_the_next_start(
    make_window, qtbot, no_keyring, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    window = make_window()
    with pytest.raises(secrets.SecretStoreError, match="choose an encrypted keyring file in Preferences"):
        secrets.set_secret("printer:x1", "12345678")

    window.action_set["edit.preferences"].trigger()
    prefs = next(d for d in window.findChildren(QDialog, "preferencesDialog") if d.isVisible())
    assert "No secure keyring" in prefs.findChild(QLabel, "keyringState").text()
    path = tmp_path / "mine.keyring"
    prefs.findChild(QLineEdit, "keyringPath").setText(str(path))
    qtbot.mouseClick(prefs.findChild(QPushButton, "useKeyringFile"), Qt.MouseButton.LeftButton)
    dialog = passphrase_dialog(window, qtbot)
    answer(dialog, "correct horse", "correct hors")
    assert "differ" in dialog.findChild(QLabel, "passphraseError").text() and dialog.isVisible()
    answer(dialog, "correct horse", "correct horse")
    assert not dialog.isVisible()
    assert f"Encrypted file: {path}" in prefs.findChild(QLabel, "keyringState").text()
    prefs.accept()

    secrets.set_secret("printer:x1", "12345678")
    assert path.exists() and b"12345678" not in path.read_bytes()
    stored = SettingsStore(window.services.settings.path).settings
    assert stored.keyring_file == str(path) and "correct horse" not in window.services.settings.path.read_text()

    keyring.set_keyring(fail.Keyring())  # the next start: the file is known, the passphrase is not
    again = make_window()
    dialog = passphrase_dialog(again, qtbot)
    answer(dialog, "wrong")
    assert "Wrong passphrase" in dialog.findChild(QLabel, "passphraseError").text() and dialog.isVisible()
    answer(dialog, "correct horse")
    assert not dialog.isVisible() and secrets.get_secret("printer:x1") == "12345678"
