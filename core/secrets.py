"""Secrets (printer access codes, API keys, refresh tokens) live only in the OS keyring.

When the machine has no secure backend (a headless box without Secret Service), keyring picks its
"fail" backend, a plaintext file, or a chainer whose first member is one of those (or keyrings.alt's
EncryptedKeyring, which would prompt for a passphrase on a terminal nobody watches). We refuse all of
these unless the user explicitly chose a backend (PYTHON_KEYRING_BACKEND) or an encrypted file
keyring protected by a passphrase given through the app, and say so.
"""

from __future__ import annotations

import logging
import os
from typing import Literal

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import EncryptedKeyring

from core.errors import PotStudioError

SERVICE = "3dpot-studio"
log = logging.getLogger(__name__)

# Backends that store secrets in clear text, lose them, or prompt on a terminal; accepted only when
# chosen explicitly through PYTHON_KEYRING_BACKEND.
_INSECURE = (
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.file.EncryptedKeyring",
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
    "keyring.backends.chainer.ChainerBackend",
)
_REFERENCE = ("keyring-setting", "password reference", "password reference value")


class SecretStoreError(PotStudioError):
    """No safe place to keep a secret."""


class PassphraseKeyring(EncryptedKeyring):
    """keyrings.alt's encrypted file keyring, unlocked with a passphrase the app asked for instead of
    a getpass() prompt on stdin (there is no terminal behind a desktop app)."""

    def __init__(self, path: str, passphrase: str) -> None:
        if not passphrase.strip():
            raise SecretStoreError("The keyring passphrase must not be empty.")
        super().__init__()
        self.file_path = path
        self._passphrase = passphrase

    def _get_new_password(self) -> str:
        return self._passphrase

    def _unlock(self) -> None:
        self.keyring_key = self._passphrase
        try:
            ok = self.get_password(*_REFERENCE[:2]) == _REFERENCE[2]
        except (AssertionError, ValueError, UnicodeDecodeError):  # decrypting with the wrong key
            ok = False
        if not ok:
            self._lock()
            raise SecretStoreError("Wrong passphrase for the encrypted keyring file.")


def backend() -> KeyringBackend:
    return keyring.get_keyring()


def _qualified(ring: KeyringBackend) -> str:
    return type(ring).__module__ + "." + type(ring).__qualname__


def _effective(ring: KeyringBackend) -> KeyringBackend:
    """A chainer writes to its first member, so that member decides whether secrets are safe."""
    if isinstance(ring, ChainerBackend):
        members = list(ring.backends)
        return members[0] if members else ring
    return ring


def backend_is_secure() -> bool:
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True  # chosen explicitly (tests, or the user's own configuration)
    ring = _effective(backend())
    return isinstance(ring, PassphraseKeyring) or _qualified(ring) not in _INSECURE


def _check() -> None:
    if not backend_is_secure():
        raise SecretStoreError(
            "No secure keyring is available on this system. Install a Secret Service provider "
            "(e.g. gnome-keyring or KWallet) or choose an encrypted keyring file in Preferences."
        )


def get_secret(key: str) -> str | None:
    _check()
    try:
        return keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreError(f"Cannot read '{key}' from the keyring: {exc}") from exc


def set_secret(key: str, value: str) -> None:
    _check()
    try:
        keyring.set_password(SERVICE, key, value)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreError(f"Cannot store '{key}' in the keyring: {exc}") from exc
    log.info("stored secret %s in %s", key, type(backend()).__name__)


def delete_secret(key: str) -> None:
    _check()
    try:
        keyring.delete_password(SERVICE, key)
    except keyring.errors.PasswordDeleteError:
        pass  # already absent: deleting is idempotent
    except keyring.errors.KeyringError as exc:
        raise SecretStoreError(f"Cannot delete '{key}' from the keyring: {exc}") from exc


def location() -> tuple[Literal["system", "file", "none"], str]:
    """Where secrets go now, for Preferences: the system keyring (its name), an encrypted file (its path),
    or nowhere safe."""
    ring = _effective(backend())
    if isinstance(ring, PassphraseKeyring):
        return "file", ring.file_path
    if backend_is_secure():
        return "system", str(getattr(ring, "name", type(ring).__name__))
    return "none", ""


def use_encrypted_file_keyring(path: str, passphrase: str) -> None:
    """Switch to an encrypted keyring file (the user's explicit choice when there is no OS keyring).

    A new file is created with a reference entry; an existing one is checked against the passphrase
    right away, so a typo is reported here rather than as garbage on the first read.
    """
    ring = PassphraseKeyring(path, passphrase)
    _ = ring.keyring_key  # creates the file or verifies the passphrase (see _unlock)
    keyring.set_keyring(ring)
    log.info("using the encrypted keyring file %s", path)
