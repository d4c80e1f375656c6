"""The provider interface and the conversation model shared by every assistant provider."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from core.commands import Command
from core.document.document import Document
from core.events import Signal
from core.tasks import NULL_TASK, Task

Role = Literal["user", "assistant", "system", "tool"]
TokenCallback = Callable[[str], None]


@dataclass
class Message:
    role: Role
    text: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    created_at: float = field(default_factory=time.time)
    version: int | None = None  # the model version this assistant message produced
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "role": self.role, "text": self.text, "created_at": self.created_at,
            "version": self.version, "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        return cls(
            role=data["role"], text=data["text"], id=data["id"], created_at=data["created_at"],
            version=data.get("version"), meta=dict(data.get("meta") or {}),
        )


class Conversation:
    """Ordered messages with an event per new message (the chat dock listens)."""

    def __init__(self, messages: list[Message] | None = None) -> None:
        self.messages: list[Message] = list(messages or [])
        self.message_added: Signal[[Message]] = Signal()

    def add(self, message: Message) -> Message:
        self.messages.append(message)
        self.message_added.emit(message)
        return message

    def to_json(self) -> list[dict[str, Any]]:
        return [m.to_json() for m in self.messages]

    @classmethod
    def from_json(cls, data: list[dict[str, Any]]) -> Conversation:
        return cls([Message.from_json(m) for m in data])


@dataclass
class PrinterContext:
    """What the assistant knows about where the model will be printed."""

    bed: tuple[float, float, float] = (256.0, 256.0, 256.0)
    material: str = "PLA"
    nozzle: float = 0.4
    units: Literal["mm", "in"] = "mm"


@dataclass
class AssistantReply:
    """A provider's answer. `command` (if any) is pushed on the undo stack by the session, so an
    AI edit is undone like any other edit. `undo` asks the session to undo the last AI change and
    `redo` to bring back the last undone step; `nothing_to_undo` / `nothing_to_redo` are what to
    say instead, in the user's language, when there is none."""

    text: str
    command: Command | None = None
    questions: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    defaults_used: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    undo: bool = False
    nothing_to_undo: str = ""
    redo: bool = False
    nothing_to_redo: str = ""
    provider: str = ""


class Provider(Protocol):
    name: str

    def respond(
        self,
        conversation: Conversation,
        doc: Document | None,
        context: PrinterContext,
        on_token: TokenCallback | None = None,
        task: Task = NULL_TASK,
    ) -> AssistantReply:
        """Answer the last user message of `conversation`. Must not mutate `doc`: return commands."""
        ...
