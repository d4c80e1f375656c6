"""A design session: one document, its undo stack, the conversation and the assistant provider.

The session is the only place where an assistant reply touches the model: the reply's command is
pushed on the shared CommandStack, so Ctrl+Z (or "undo that") undoes what the AI did. Each model the
assistant produces becomes a numbered version linked from the assistant's message.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field

from core.assistant.base import AssistantReply, Conversation, Message, PrinterContext, Provider, TokenCallback
from core.commands import CommandStack
from core.document.document import Document
from core.errors import PotStudioError
from core.events import Signal
from core.tasks import NULL_TASK, Task

MAX_MESSAGE_CHARS = 4000
"""A chat message is a description, not a document: ten times the longest request a maker writes."""

log = logging.getLogger(__name__)


@dataclass
class ModelVersion:
    number: int
    document: dict[str, object]
    label: str
    message_id: str | None = None
    meta: dict[str, object] = field(default_factory=dict)


class DesignSession:
    def __init__(
        self,
        provider: Provider,
        doc: Document | None = None,
        stack: CommandStack | None = None,
        context: PrinterContext | None = None,
        conversation: Conversation | None = None,
    ) -> None:
        self.doc = doc or Document()
        self.stack = stack or CommandStack(self.doc)
        self.provider = provider
        self.context = context or PrinterContext()
        self.conversation = conversation or Conversation()
        self.versions: list[ModelVersion] = []
        self.version_added: Signal[[ModelVersion]] = Signal()
        self._ai_depth: list[int] = []  # undo-stack depths right after each AI change

    @property
    def has_model(self) -> bool:
        return self.doc.has_geometry or self.doc.template is not None

    def _too_long(self, text: str) -> AssistantReply:
        from core.assistant.offline.text import detect_language  # the language of the reply, from its start

        pt = detect_language(text[:MAX_MESSAGE_CHARS]) == "pt"
        answer = (f"Essa mensagem tem {len(text):,} caracteres; eu leio no máximo {MAX_MESSAGE_CHARS:,} de cada vez. "
                  "Descreva o modelo em poucas frases.".replace(",", ".") if pt else
                  f"That message is {len(text):,} characters long; I read at most {MAX_MESSAGE_CHARS:,} at a time. "
                  "Describe the model in a few sentences.")
        reply = AssistantReply(text=answer, notes=["error"], provider=getattr(self.provider, "name", ""))
        self.conversation.add(Message("user", text[:MAX_MESSAGE_CHARS]))
        self.conversation.add(Message("assistant", reply.text, meta={"notes": reply.notes, "provider": reply.provider}))
        return reply

    def send(self, text: str, on_token: TokenCallback | None = None, task: Task = NULL_TASK) -> AssistantReply:
        """Add the user's message, ask the provider, apply its command, record the reply.

        Provider failures become an assistant message with the error (never an exception for a
        chat turn), so the conversation always shows what happened.
        """
        if len(text) > MAX_MESSAGE_CHARS:  # before anything reads it: a 256 KB prompt kept the planner busy minutes
            return self._too_long(text)
        self.conversation.add(Message("user", text))
        try:
            reply = self.provider.respond(
                self.conversation, self.doc if self.has_model else None, self.context, on_token, task
            )
        except PotStudioError as exc:
            reply = AssistantReply(text=str(exc), notes=["error"], provider=getattr(self.provider, "name", ""))
        version: int | None = None
        if reply.undo:
            reply = self._undo_ai(reply)
        elif reply.redo:
            reply = self._redo(reply)
        elif reply.command is not None:
            command = reply.command
            try:
                self.stack.push(command)
            except PotStudioError as exc:
                reply = AssistantReply(text=f"I could not apply that change: {exc}", notes=["error"],
                                       provider=reply.provider)
            else:
                self._ai_depth.append(self.stack.depth)
                version = self.record_version(command.label)
        msg = Message("assistant", reply.text, version=version, meta={
            "questions": reply.questions, "suggestions": reply.suggestions,
            "defaults_used": reply.defaults_used, "notes": reply.notes, "provider": reply.provider,
        })
        self.conversation.add(msg)
        if version is not None:
            self.versions[-1].message_id = msg.id
        return reply

    def _undo_ai(self, reply: AssistantReply) -> AssistantReply:
        if not self.stack.can_undo:
            reply.text = reply.nothing_to_undo or "There is nothing to undo yet."
            return reply
        label = self.stack.undo_label
        self.stack.undo()
        if self._ai_depth and self._ai_depth[-1] > self.stack.depth:
            self._ai_depth.pop()
        # Providers may phrase the reply in the user's language with a "{label}" slot for the step.
        reply.text = reply.text.replace("{label}", label) if reply.text else f"Undone: {label}."
        self.record_version(f"Undo {label}")
        return reply

    def _redo(self, reply: AssistantReply) -> AssistantReply:
        if not self.stack.can_redo:
            reply.text = reply.nothing_to_redo or "There is nothing to redo."
            return reply
        label = self.stack.redo_label
        self.stack.redo()
        self._ai_depth.append(self.stack.depth)
        reply.text = reply.text.replace("{label}", label) if reply.text else f"Redone: {label}."
        self.record_version(f"Redo {label}")
        return reply

    def record_version(self, label: str) -> int:
        """Snapshot the document as the next numbered version (the app also calls it on save and restore)."""
        version = ModelVersion(len(self.versions) + 1, copy.deepcopy(self.doc.to_json()), label)
        self.versions.append(version)
        self.version_added.emit(version)
        return version.number

    def version_document(self, number: int) -> Document:
        for v in self.versions:
            if v.number == number:
                return Document.from_json(copy.deepcopy(v.document))
        raise PotStudioError(f"There is no version {number}.")
