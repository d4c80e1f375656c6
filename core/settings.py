"""User preferences: typed (pydantic), versioned (`schema_version` + migrations), stored as JSON in
core.paths.config_dir().

Secrets never live here: the AI provider's API key goes through core/secrets.py (the OS keyring);
this file only keeps which provider, its URL and model. A settings file that cannot be read is kept
aside as `settings.json.broken` (so nothing the user wrote is lost) and the defaults are used.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.atomic import atomic_write_text
from core.errors import PotStudioError
from core.events import Signal
from core.paths import config_dir

SCHEMA_VERSION = 3
FILE_NAME = "settings.json"
ProviderKind = Literal["offline", "nvidia", "openai", "ollama", "custom"]
"""offline, a core.assistant.llm preset id, or any OpenAI-compatible URL (custom)."""
log = logging.getLogger(__name__)


class SettingsError(PotStudioError):
    """The settings file is unreadable or comes from a newer app."""


class AISettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    provider: ProviderKind = "offline"
    url: str = ""
    model: str = ""


class Settings(BaseModel):
    """Every preference the app remembers. Unknown keys (from a plug-in or a later minor version)
    are ignored rather than refused, so a settings file never blocks the app from starting."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SCHEMA_VERSION
    ai: AISettings = Field(default_factory=AISettings)
    units: Literal["mm", "in"] = "mm"
    theme: Literal["system", "light", "dark"] = "system"
    language: Literal["en", "pt_BR"] = "en"
    bed: tuple[float, float, float] = (256.0, 256.0, 256.0)
    recent_files: list[str] = Field(default_factory=list)
    hub_url: str = ""
    """The marketplace/collaboration hub; "" runs the built-in hub on this computer."""
    keyring_file: str = ""
    """An encrypted keyring file the user chose where the system has no secure keyring ("" = the OS keyring).
    Only its path lives here; its passphrase is asked for at each start and never stored."""

    @field_validator("hub_url")
    @classmethod
    def _hub_url(cls, value: str) -> str:
        url = value.strip().rstrip("/")
        if url and not url.startswith(("https://", "http://127.0.0.1", "http://localhost", "http://[::1]")):
            raise ValueError("the hub address must start with https:// (plain http only on this computer)")
        return url

    @field_validator("bed")
    @classmethod
    def _bed_positive(cls, value: tuple[float, float, float]) -> tuple[float, float, float]:
        if min(value) <= 0 or max(value) > 5000:
            raise ValueError("each bed dimension must be between 0 and 5000 mm")
        return value

    def with_recent(self, path: str, keep: int = 10) -> Settings:
        recent = [path, *[p for p in self.recent_files if p != path]][:keep]
        return self.model_copy(update={"recent_files": recent})


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v1 kept the provider flat (`ai_provider`, `ai_url`, `ai_model`) and the bed as `bed_size`."""
    data = dict(data)
    data["ai"] = {
        "provider": data.pop("ai_provider", "offline"),
        "url": data.pop("ai_url", ""),
        "model": data.pop("ai_model", ""),
    }
    if "bed_size" in data:
        data["bed"] = data.pop("bed_size")
    return data


def _from_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v3 added the hub address; a v2 user had only the built-in hub, so that is what they keep."""
    return {**data, "hub_url": ""}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_v1, 2: _from_v2}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or version < 1:
        raise SettingsError(f"The settings file has an invalid schema_version ({version!r}).")
    if version > SCHEMA_VERSION:
        raise SettingsError(
            f"The settings were written by a newer 3D Pot Studio (schema {version}); please update the app."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["schema_version"] = SCHEMA_VERSION
    return data


def parse_settings(text: str) -> Settings:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SettingsError(f"The settings file is not valid JSON: {exc}.") from None
    if not isinstance(data, dict):
        raise SettingsError("The settings file must hold a JSON object.")
    try:
        return Settings.model_validate(migrate(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SettingsError(f"The setting '{where}' is invalid: {first['msg']}.") from None


class SettingsStore:
    """Loads once, saves atomically, announces every change (the window re-themes, re-translates)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / FILE_NAME
        self.changed: Signal[[Settings]] = Signal()
        self.problem: str | None = None
        self._settings = self._load()

    @property
    def settings(self) -> Settings:
        return self._settings

    def update(self, settings: Settings) -> None:
        self._settings = settings
        atomic_write_text(self.path, settings.model_dump_json(indent=1))
        self.changed.emit(settings)

    def override(self, **values: Any) -> None:
        """Change settings for this run only (command-line --theme/--lang), without saving them."""
        self._settings = self._settings.model_copy(update=values)

    def _load(self) -> Settings:
        if not self.path.exists():
            return Settings()
        try:
            return parse_settings(self.path.read_text(encoding="utf-8"))
        except (SettingsError, OSError, UnicodeDecodeError) as exc:
            broken = self.path.with_name(self.path.name + ".broken")
            self.path.replace(broken)
            self.problem = f"{exc} Your old settings were kept in {broken}; defaults are used."
            log.warning("settings: %s", self.problem)
            return Settings()
