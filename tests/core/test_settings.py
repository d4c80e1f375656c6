"""Typed, versioned settings: defaults, validation, migration, refusal of newer files, broken files kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import SCHEMA_VERSION, Settings, SettingsError, SettingsStore, parse_settings


def test_defaults_are_written_and_read_back(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.settings == Settings()
    changed: list[Settings] = []
    store.changed.connect(changed.append)
    store.update(store.settings.model_copy(update={"theme": "dark", "bed": (180.0, 180.0, 180.0)}))
    assert changed and changed[0].theme == "dark"
    again = SettingsStore(tmp_path / "settings.json")
    assert again.settings.theme == "dark" and again.settings.bed == (180.0, 180.0, 180.0)
    assert json.loads((tmp_path / "settings.json").read_text())["schema_version"] == SCHEMA_VERSION


def test_version_1_file_is_migrated() -> None:
    old = {"schema_version": 1, "ai_provider": "ollama", "ai_url": "", "ai_model": "llama3.1",
           "bed_size": [220, 220, 250], "language": "pt_BR"}
    settings = parse_settings(json.dumps(old))
    assert settings.ai.provider == "ollama" and settings.ai.model == "llama3.1"
    assert settings.bed == (220.0, 220.0, 250.0)
    assert settings.language == "pt_BR"
    assert settings.schema_version == SCHEMA_VERSION


def test_version_2_file_gets_the_built_in_hub_and_hub_addresses_are_checked() -> None:
    settings = parse_settings(json.dumps({"schema_version": 2, "theme": "dark", "recent_files": ["/p/a.potproj"]}))
    assert settings.hub_url == "" and settings.theme == "dark" and settings.recent_files == ["/p/a.potproj"]
    hosted = parse_settings(json.dumps({"schema_version": SCHEMA_VERSION, "hub_url": "https://hub.example.org/"}))
    assert hosted.hub_url == "https://hub.example.org"
    with pytest.raises(SettingsError, match="hub_url"):  # a password over plain http to another machine: no
        parse_settings(json.dumps({"schema_version": SCHEMA_VERSION, "hub_url": "http://hub.example.org"}))


def test_newer_file_is_refused_with_a_clear_message() -> None:
    with pytest.raises(SettingsError, match="newer 3D Pot Studio"):
        parse_settings(json.dumps({"schema_version": SCHEMA_VERSION + 1}))


@pytest.mark.parametrize(("data", "where"), [({"units": "cubits"}, "units"), ({"bed": [0, 200, 200]}, "bed")])
def test_invalid_values_name_the_setting(data: dict[str, object], where: str) -> None:
    with pytest.raises(SettingsError, match=where):
        parse_settings(json.dumps({"schema_version": SCHEMA_VERSION, **data}))


def test_broken_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    store = SettingsStore(path)
    assert store.settings == Settings()
    assert store.problem is not None and "settings.json.broken" in store.problem
    assert (tmp_path / "settings.json.broken").read_text(encoding="utf-8") == "{not json"


def test_recent_files_are_unique_newest_first_and_capped() -> None:
    s = Settings()
    for i in range(12):
        s = s.with_recent(f"/p/{i % 11}.potproj")
    assert s.recent_files[0] == "/p/0.potproj"
    assert len(s.recent_files) == 10 and len(set(s.recent_files)) == 10


def test_api_key_is_not_a_setting() -> None:
    assert "key" not in Settings().ai.model_dump()
    parsed = parse_settings(json.dumps({"ai": {"provider": "openai", "api_key": "sk-x"}}))
    assert "api_key" not in parsed.ai.model_dump()
