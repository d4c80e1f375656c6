"""The LLM design assistant: a chat loop in which the model calls tools and we check every result.

One user turn may take several requests: the model calls tools, we execute them on a copy of the
document (runner.py) and send back the results; a failed call (bad arguments, a model that does not
build, does not fit the printer) is reported to the model, which gets up to MAX_REPAIR_ROUNDS more
rounds to fix it. When the service cannot be reached the turn is answered by the fallback provider
(the offline planner) and the reply says so, so a designer on a train still gets a model.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from core.assistant.base import AssistantReply, Conversation, Message, PrinterContext, Provider, TokenCallback
from core.assistant.llm.client import ChatClient, LLMAuthError, LLMUnavailable
from core.assistant.llm.presets import LLMConfig
from core.assistant.llm.prompt import history, system_prompt
from core.assistant.llm.runner import ToolRunner
from core.assistant.llm.tools import tool_definitions
from core.document.document import Document
from core.errors import AssistantError
from core.geometry.build import Evaluator
from core.secrets import SecretStoreError, get_secret
from core.tasks import NULL_TASK, Task
from core.templates.registry import load_all

log = logging.getLogger(__name__)
MAX_REPAIR_ROUNDS = 3
MAX_ROUNDS = 8  # tool rounds that succeed also count: a model that never stops calling tools is cut off


class LLMProvider:
    name = "llm"

    def __init__(
        self,
        config: LLMConfig,
        fallback: Provider | None = None,
        evaluator: Evaluator | None = None,
        transport: httpx.BaseTransport | None = None,
        history_limit: int = 20,
    ) -> None:
        self.config = config
        self.fallback = fallback
        self.evaluator = evaluator or Evaluator()
        self._transport = transport
        self._history_limit = history_limit

    def respond(
        self,
        conversation: Conversation,
        doc: Document | None,
        context: PrinterContext,
        on_token: TokenCallback | None = None,
        task: Task = NULL_TASK,
    ) -> AssistantReply:
        try:
            return self._converse(conversation, doc, context, on_token, task)
        except LLMUnavailable as exc:
            log.warning("LLM unavailable, answering offline: %s", exc)
            if self.fallback is None:
                raise AssistantError(f"{exc} No offline assistant is set up to answer instead.") from exc
            reply = self.fallback.respond(conversation, doc, context, on_token, task)
            note = f"{exc} The offline assistant answered instead."
            reply.notes.append(note)
            reply.text = f"[{note}]\n\n{reply.text}"
            return reply

    def _api_key(self) -> str | None:
        try:
            key = get_secret(self.config.secret_key)
        except SecretStoreError:
            if self.config.needs_key:
                raise
            log.info("no usable keyring; calling %s without an API key", self.config.host)
            return None  # a local server (Ollama, llama.cpp) needs no key, so no keyring either
        if not key and self.config.needs_key:
            raise LLMAuthError(
                f"No API key for {self.config.title} is stored. Add it in Preferences → Assistant "
                "(it is kept in the system keyring)."
            )
        return key

    def _converse(
        self, conversation: Conversation, doc: Document | None, context: PrinterContext,
        on_token: TokenCallback | None, task: Task,
    ) -> AssistantReply:
        templates = load_all()
        tools = tool_definitions(templates)
        messages: list[dict[str, Any]] = [
            {"role": "system", "content": system_prompt(templates, doc, context)},
            *history(conversation, self._history_limit),
        ]
        client = ChatClient(self.config, self._api_key(), self._transport)
        runner = ToolRunner(doc, context, self.evaluator, tools)
        failed_rounds = 0
        last_error = ""
        for _ in range(MAX_ROUNDS):
            try:
                result = client.complete(messages, tools, on_token, task)
            except LLMUnavailable as exc:
                if not runner.changed:
                    raise
                return self._reply("", runner, failed_rounds, [f"The connection dropped before the reply was "
                                                                f"finished ({exc}); the model it made is applied."])
            if not result.tool_calls:
                return self._reply(result.text, runner, failed_rounds)
            messages.append(result.assistant_message())
            round_failed = False
            for call in result.tool_calls:
                outcome = runner.run(call, task)
                messages.append({"role": "tool", "tool_call_id": call.id, "content": outcome.message})
                conversation.add(Message("tool", outcome.message, meta={
                    "tool": call.name, "ok": outcome.ok, "provider": self.name}))
                if not outcome.ok:
                    round_failed, last_error = True, outcome.message
            if round_failed:
                failed_rounds += 1
                if failed_rounds > MAX_REPAIR_ROUNDS:
                    return AssistantReply(
                        text=(f"I could not make a valid model: {failed_rounds} attempts by {self.config.title} "
                              f"failed. The last problem was: {last_error.removeprefix('Error: ')} "
                              "Your model is unchanged; try describing it differently."),
                        notes=["error", f"gave up after {MAX_REPAIR_ROUNDS} repair rounds"], provider=self.name,
                    )
        return self._reply("", runner, failed_rounds, [f"Stopped after {MAX_ROUNDS} rounds of tool calls."])

    def _reply(
        self, text: str, runner: ToolRunner, failed_rounds: int, notes: list[str] | None = None
    ) -> AssistantReply:
        notes = list(notes or [])
        command = runner.command()
        if failed_rounds:
            notes.append(f"repaired after {failed_rounds} failed attempt(s)" if command is not None
                         else f"{failed_rounds} failed attempt(s); the model is unchanged")
        if not text:
            text = ("Done: " + "; ".join(runner.labels) + ".") if command is not None else "I have no answer to that."
        questions = [text] if command is None and text.rstrip().endswith("?") else []
        return AssistantReply(text=text, command=command, questions=questions, notes=notes, provider=self.name)
