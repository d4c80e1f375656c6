"""The assistant providers the chat dock offers, built from AISettings.

Offline is core's planner. The online ones are core's OpenAI-compatible LLM provider with the
offline planner as fallback, so a dropped connection degrades to offline answers instead of errors.
`check` tells the chat dock whether the chosen service answers (its /models endpoint), on a worker.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from core.assistant.base import AssistantReply, Conversation, PrinterContext, Provider, TokenCallback
from core.assistant.llm.presets import LLMConfig
from core.document.document import Document
from core.errors import AssistantError
from core.geometry.build import Evaluator
from core.settings import AISettings
from core.tasks import NULL_TASK, Task

if TYPE_CHECKING:
    from core.assistant.offline.planner import OfflinePlanner


def tr(text: str) -> str:
    return QCoreApplication.translate("Providers", text)  # thread-safe: checks run on workers


def config(ai: AISettings) -> LLMConfig:
    if ai.provider == "custom":
        return LLMConfig.custom(ai.url, ai.model)
    return LLMConfig.from_preset(ai.provider, ai.model or None)


class LazyPlanner:
    """The offline planner, made on first use. Its modules (intents, lexicon, templates: ~0.1 s of
    imports) are not needed for the window's first frame; the window warms them on a worker right
    after it (`planner()`), and a turn sent before that simply makes it on its own worker."""

    name = "offline"

    def __init__(self, evaluator: Evaluator) -> None:
        self._evaluator = evaluator
        self._planner: OfflinePlanner | None = None
        self._lock = threading.Lock()

    def planner(self) -> OfflinePlanner:
        with self._lock:
            if self._planner is None:
                from core.assistant.offline.planner import OfflinePlanner

                # The window's evaluator: answers about the model on screen hit its cache instead of
                # building (and holding) a second copy of every solid.
                self._planner = OfflinePlanner(evaluator=self._evaluator)
            return self._planner

    def respond(self, conversation: Conversation, doc: Document | None, context: PrinterContext,
                on_token: TokenCallback | None = None, task: Task = NULL_TASK) -> AssistantReply:
        return self.planner().respond(conversation, doc, context, on_token, task)


class ProviderFactory:
    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.offline = LazyPlanner(evaluator)  # one planner for the window, whichever provider is chosen

    def make(self, ai: AISettings) -> Provider:
        if ai.provider == "offline":
            return self.offline
        from core.assistant.llm.provider import LLMProvider  # httpx and friends: only when chosen

        return LLMProvider(config(ai), fallback=self.offline, evaluator=self.evaluator)

    def check(self, ai: AISettings) -> str:
        """A short state text when the provider answers; raises AssistantError saying why not."""
        if ai.provider == "offline":
            return tr("Offline assistant ready")
        from core import secrets  # keyring and its backends load on this worker, not at start-up

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

