"""Chat turns: the design session run on a worker, wired to the chat and history docks.

One DesignSession per project. `send` runs `session.send` with a Task (Stop = cancel); tokens,
new messages and new versions are emitted on the worker thread and re-posted to the GUI thread by
the Bridge. The session pushes the assistant's command through GuiThreadStack, so the one undo
stack is only ever mutated on the GUI thread and "undo what the AI did" is a plain Undo.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.assistant.base import AssistantReply, Conversation, Message, PrinterContext, Provider
from core.assistant.session import DesignSession, ModelVersion
from core.commands import CommandStack
from core.document.document import Document
from core.errors import PotStudioError
from core.settings import AISettings
from core.tasks import Task
from desktop.bridge import Bridge, GuiThreadStack
from desktop.i18n import say_error
from desktop.workers import Job, Workers

log = logging.getLogger(__name__)


class ChatController(QObject):
    message_added = Signal(object)  # Message
    token = Signal(str)
    version_added = Signal(object)  # ModelVersion
    turn_ended = Signal()
    reset = Signal()
    state_changed = Signal(str, object)  # connection state text, ok (True/False, None while checking)

    def __init__(self, provider: Provider, doc: Document, stack: CommandStack, context: PrinterContext,
                 workers: Workers, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.stack = stack
        self.context = context
        self.workers = workers
        self.bridge = bridge
        self.provider = provider
        self.job: Job | None = None
        self.session = self._new_session(Conversation())

    def _new_session(self, conversation: Conversation) -> DesignSession:
        session = DesignSession(self.provider, self.doc, GuiThreadStack(self.stack, self.bridge),  # type: ignore[arg-type]
                                self.context, conversation)
        session.conversation.message_added.connect(self.bridge.wrap(self.message_added.emit))
        session.version_added.connect(self.bridge.wrap(self.version_added.emit))
        return session

    def start(self, conversation: Conversation | None = None, versions: list[dict[str, Any]] | None = None) -> None:
        """A new or opened project: a fresh session with the project's own conversation and versions,
        replayed to the docks so the chat and the history show them again."""
        self.stop()
        self.session = self._new_session(Conversation())
        self.reset.emit()
        for v in versions or []:
            version = ModelVersion(int(v["number"]), dict(v["document"]), str(v["label"]))
            self.session.versions.append(version)
            self.version_added.emit(version)
        for message in (conversation.messages if conversation else []):
            self.session.conversation.add(message)

    def configure(self, ai: AISettings, make: Callable[[AISettings], Provider],
                  check: Callable[[AISettings], str]) -> None:
        """Switch to the provider `ai` describes and check, on a worker, that it answers."""
        tr = QCoreApplication.translate
        self.state_changed.emit(tr("ChatController", "Checking…"), None)
        try:
            self.provider = make(ai)
        except PotStudioError as exc:
            self.state_changed.emit(say_error(exc), False)
            return
        self.session.provider = self.provider
        self.workers.submit(tr("ChatController", "Connecting"), lambda _t: check(ai),
                            lambda state: self.state_changed.emit(str(state), True),
                            lambda exc: self.state_changed.emit(say_error(exc), False), show=False)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def send(self, text: str) -> None:
        session = self.session
        on_token = self.bridge.wrap(self.token.emit)

        def turn(task: Task) -> AssistantReply:
            return session.send(text, on_token, task)

        label = QCoreApplication.translate("ChatController", "Designing")
        self.job = self.workers.submit(label, turn, lambda _reply: None, self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.job.ended.connect(self._ended)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def record_version(self, label: str) -> ModelVersion:
        """A saved or restored state becomes a numbered version too (the History dock lists it)."""
        number = self.session.record_version(label)
        return self.session.versions[number - 1]

    def restore(self, number: int) -> Document:
        return self.session.version_document(number)

    def _failed(self, exc: BaseException) -> None:
        log.error("chat turn failed", exc_info=exc)
        self.message_added.emit(Message("assistant", say_error(exc), meta={"notes": ["error"]}))

    def _cancelled(self) -> None:
        text = QCoreApplication.translate("ChatController", "Stopped.")
        self.message_added.emit(Message("assistant", text, meta={"notes": ["stopped"]}))

    def _ended(self) -> None:
        self.job = None
        # Posted, so it lands after the last token and message the worker queued.
        self.bridge.post(self.turn_ended.emit)

