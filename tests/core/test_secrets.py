"""Secrets: round trips through the keyring, the encrypted file keyring, and refusing unsafe stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from core import secrets
from core.secrets import SecretStoreError, delete_secret, get_secret, set_secret, use_encrypted_file_keyring


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    """Tests here switch the process-wide keyring; put the previous one back afterwards."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_secret_round_trip_through_the_configured_file_keyring(isolated_home: Path) -> None:
    keyring.core.init_backend()  # honour this test's PYTHON_KEYRING_BACKEND and XDG_DATA_HOME
    assert get_secret("llm:nvidia") is None
    set_secret("llm:nvidia", "nvapi-123")
    assert get_secret("llm:nvidia") == "nvapi-123"
    stored = list((isolated_home / "xdg").rglob("*.cfg"))
    assert stored, "the file keyring should have written into this test's data dir"
    delete_secret("llm:nvidia")
    delete_secret("llm:nvidia")  # deleting twice is fine
    assert get_secret("llm:nvidia") is None


def test_encrypted_file_keyring_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_keyring: None
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    path = tmp_path / "secrets.cfg"
    use_encrypted_file_keyring(str(path), "correct horse battery")
    assert secrets.backend_is_secure()
    set_secret("bambu:01P00A", "12345678")
    assert get_secret("bambu:01P00A") == "12345678"
    assert b"12345678" not in path.read_bytes(), "the access code must not be stored in clear text"
    assert "PYTHON_KEYRING_BACKEND" not in os.environ, "child processes must not inherit a prompting backend"

    # A later start of the app unlocks the same file with the same passphrase.
    keyring.set_keyring(fail.Keyring())
    use_encrypted_file_keyring(str(path), "correct horse battery")
    assert get_secret("bambu:01P00A") == "12345678"


def test_encrypted_file_keyring_rejects_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_keyring: None
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    path = tmp_path / "secrets.cfg"
    use_encrypted_file_keyring(str(path), "right one")
    set_secret("llm:openai", "sk-abc")
    with pytest.raises(SecretStoreError, match="Wrong passphrase"):
        use_encrypted_file_keyring(str(path), "wrong one")
    with pytest.raises(SecretStoreError, match="must not be empty"):
        use_encrypted_file_keyring(str(path), "  ")
    assert get_secret("llm:openai") == "sk-abc"  # the working keyring stays in place


def test_headless_machine_without_a_choice_refuses_to_store_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_keyring: None
) -> None:
    """No Secret Service here: whatever keyring auto-detects (plaintext file, a chainer over the
    file keyrings, or the fail backend) must be refused with an actionable message."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    keyring.core.init_backend()
    with pytest.raises(SecretStoreError, match="No secure keyring"):
        set_secret("llm:nvidia", "nvapi-123")
    with pytest.raises(SecretStoreError, match="encrypted keyring file"):
        get_secret("llm:nvidia")
    assert not list(tmp_path.rglob("*.cfg")), "nothing may be written to a plaintext file"


@pytest.mark.parametrize("ring_type", [fail.Keyring, PlaintextKeyring], ids=["fail", "plaintext"])
def test_insecure_backends_are_refused_unless_chosen(
    ring_type: type[KeyringBackend], monkeypatch: pytest.MonkeyPatch, restore_keyring: None
) -> None:
    keyring.set_keyring(ring_type())
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    assert not secrets.backend_is_secure()
    with pytest.raises(SecretStoreError):
        set_secret("k", "v")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    assert secrets.backend_is_secure()  # the user's explicit configuration is respected
