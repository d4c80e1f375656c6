"""The assistant providers the chat dock offers, built from AISettings.

Offline is core's planner. The online ones are core's OpenAI-compatible LLM provider with the
offline planner as fallback, so a dropped connection degrades to offline answers instead of errors.
`check` tells the chat dock whether the chosen service answers (its /models endpoint), on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core import secrets
from core.assistant.base import Provider
from core.assistant.llm.presets import LLMConfig
from core.assistant.offline.planner import OfflinePlanner
from core.errors import AssistantError
from core.geometry.build import Evaluator
from core.settings import AISettings


def tr(text: str) -> str:
    return QCoreApplication.translate("Providers", text)  # thread-safe: checks run on workers


def config(ai: AISettings) -> LLMConfig:
    if ai.provider == "custom":
        return LLMConfig.custom(ai.url, ai.model)
    return LLMConfig.from_preset(ai.provider, ai.model or None)


class ProviderFactory:
    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    def make(self, ai: AISettings) -> Provider:
        offline = OfflinePlanner()
        if ai.provider == "offline":
            return offline
        from core.assistant.llm.provider import LLMProvider  # httpx and friends: only when chosen

        return LLMProvider(config(ai), fallback=offline, evaluator=self.evaluator)

    def check(self, ai: AISettings) -> str:
        """A short state text when the provider answers; raises AssistantError saying why not."""
        if ai.provider == "offline":
            return tr("Offline assistant ready")
        cfg = config(ai)
        key = secrets.get_secret(cfg.secret_key)
        if cfg.needs_key and not key:
            raise AssistantError(tr("No API key for {0} (Preferences)").format(cfg.title))
        import httpx  # only online providers need it; keeps it off the start-up path

        headers = {"Authorization": f"Bearer {key}"} if key else {}
        try:
            response = httpx.get(f"{cfg.base_url}/models", headers=headers, timeout=5.0)
        except httpx.HTTPError as exc:
            raise AssistantError(tr("{0} not reachable").format(cfg.host)) from exc
        if response.status_code in (401, 403):
            raise AssistantError(tr("{0} refused the API key").format(cfg.title))
        if response.status_code >= 400:
            raise AssistantError(tr("{0} answered {1}").format(cfg.host, response.status_code))
        return tr("Connected to {0} · {1}").format(cfg.title, cfg.model)

