"""Where the language model runs: the services we know, as data, plus any custom URL.

The API key is never part of a preset or of the settings: it lives in the OS keyring under
`llm:<preset id>` (or `llm:<base url>` for a custom server), see core/secrets.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from core.errors import AssistantError
from core.tasks import Phrase


@dataclass(frozen=True)
class Preset:
    id: str
    title: str
    base_url: str
    default_model: str
    needs_key: bool


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset("nvidia", "NVIDIA NIM", "https://integrate.api.nvidia.com/v1", "meta/llama-3.3-70b-instruct", True),
        Preset("openai", "OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", True),
        Preset("ollama", "Ollama (this computer)", "http://localhost:11434/v1", "llama3.1", False),
        Preset("llamacpp", "llama.cpp server (this computer)", "http://localhost:8080/v1", "default", False),
    )
}
DEFAULT_PRESET = "nvidia"


@dataclass(frozen=True)
class LLMConfig:
    """One configured endpoint. `secret_key` names the keyring entry holding its API key."""

    base_url: str
    model: str
    title: str
    secret_key: str
    needs_key: bool
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    turn_timeout: float = 300.0
    """The whole reply, however it trickles in: read_timeout alone never ends a stream of keep-alives."""

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    @property
    def where(self) -> str:
        """Service and host for messages ("NVIDIA NIM at integrate.api.nvidia.com"), once for a URL."""
        return self.title if self.title == self.host else f"{self.title} at {self.host}"

    @classmethod
    def from_preset(cls, preset_id: str, model: str | None = None, **timeouts: float) -> LLMConfig:
        preset = PRESETS.get(preset_id)
        if preset is None:
            known = ", ".join(PRESETS)
            raise AssistantError(Phrase("Unknown AI service '{0}'. Known: {1}, or a URL.", preset_id, known))
        return cls(preset.base_url, model or preset.default_model, preset.title, f"llm:{preset.id}",
                   preset.needs_key, **timeouts)

    @classmethod
    def custom(cls, base_url: str, model: str, **timeouts: float) -> LLMConfig:
        """Any OpenAI-compatible server; a key is sent when the keyring holds one for its URL."""
        parts = urlsplit(base_url)
        if not base_url.strip():
            raise AssistantError(Phrase("Set the custom server's URL in Preferences (e.g. http://localhost:11434/v1)."))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise AssistantError(Phrase("'{0}' is not an http(s) URL of an OpenAI-compatible server.", base_url))
        if not model.strip():
            raise AssistantError(Phrase("Name the model to use on the custom server in Preferences (e.g. 'llama3.1')."))
        url = base_url.rstrip("/")
        return cls(url, model, parts.netloc, f"llm:{url}", False, **timeouts)

    @classmethod
    def resolve(cls, preset_or_url: str, model: str | None = None, **timeouts: float) -> LLMConfig:
        """What the CLI's --provider and the Preferences field accept: a preset id or a URL."""
        if preset_or_url in PRESETS:
            return cls.from_preset(preset_or_url, model, **timeouts)
        return cls.custom(preset_or_url, model or "", **timeouts)
