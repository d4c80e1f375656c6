"""Secrets (printer access codes, API keys, refresh tokens) live only in the OS keyring.

When the machine has no secure backend (a headless box without Secret Service), keyring falls back
to its "fail" backend or to a plaintext one; we refuse plaintext unless the user explicitly chose an
encrypted file keyring (keyrings.alt's EncryptedKeyring, protected by a passphrase), and say so.
"""

from __future__ import annotations

import logging
import os

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from core.errors import PotStudioError

SERVICE = "3dpot-studio"
log = logging.getLogger(__name__)

# Backends that store secrets in clear text; only accepted when a test or the user asked for them.
_INSECURE = ("PlaintextKeyring", "fail.Keyring", "null.Keyring", "chainer.ChainerBackend")


class SecretStoreError(PotStudioError):
    """No safe place to keep a secret."""


def backend() -> KeyringBackend:
    return keyring.get_keyring()


def backend_is_secure() -> bool:
    name = type(backend()).__module__ + "." + type(backend()).__name__
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True  # chosen explicitly (tests, or the user's own configuration)
    return not any(name.endswith(tag) for tag in _INSECURE)


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


def use_encrypted_file_keyring(path: str, passphrase: str) -> None:
    """Switch to keyrings.alt's encrypted file keyring (the user's explicit choice, no OS keyring)."""
    from keyrings.alt.file import EncryptedKeyring

    ring = EncryptedKeyring()
    ring.file_path = path  # type: ignore[misc]
    ring.keyring_key = passphrase  # type: ignore[attr-defined]
    keyring.set_keyring(ring)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.EncryptedKeyring"
