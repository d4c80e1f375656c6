"""Conversations with the design assistant, per project.

Messages are records of what was said, so saving only ever appends: `save` stores the messages of
a `Conversation` that are not stored yet (matched by message id) and leaves the others untouched.
The desktop can therefore call it after every turn without tracking what it already wrote.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.assistant.base import Conversation, Message
from core.errors import StoreError
from core.store.database import Database
from core.store.models import ConversationRow, MessageRow
from core.store.projects import ProjectStore


@dataclass(frozen=True)
class ConversationInfo:
    id: str
    project_id: str
    title: str
    created_at: float
    message_count: int


class ConversationStore:
    def __init__(self, db: Database, projects: ProjectStore) -> None:
        self._db = db
        self._projects = projects

    def create(self, project_ref: str, title: str = "") -> ConversationInfo:
        project = self._projects.get(project_ref)
        row = ConversationRow(id=uuid.uuid4().hex, project_id=project.id, title=title[:200], created_at=time.time())
        with self._db.write() as session:
            session.add(row)
        return ConversationInfo(row.id, row.project_id, row.title, row.created_at, 0)

    def of_project(self, project_ref: str) -> list[ConversationInfo]:
        """The project's conversations, the newest first."""
        project = self._projects.get(project_ref)
        counts = (
            select(MessageRow.conversation_id, func.count().label("n"))
            .group_by(MessageRow.conversation_id).subquery()
        )
        with self._db.read() as session:
            rows = session.execute(
                select(ConversationRow, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.conversation_id == ConversationRow.id)
                .where(ConversationRow.project_id == project.id)
                .order_by(ConversationRow.created_at.desc())
            ).all()
            return [ConversationInfo(c.id, c.project_id, c.title, c.created_at, int(n)) for c, n in rows]

    def load(self, conversation_id: str) -> Conversation:
        with self._db.read() as session:
            self._row(session, conversation_id)
            rows = session.scalars(
                select(MessageRow).where(MessageRow.conversation_id == conversation_id).order_by(MessageRow.seq)
            )
            return Conversation([
                Message.from_json({
                    "id": r.message_id, "role": r.role, "text": r.text, "created_at": r.created_at,
                    "version": r.version, "meta": r.meta,
                })
                for r in rows
            ])

    def save(self, conversation_id: str, conversation: Conversation) -> int:
        """Append the messages not stored yet, in order; returns how many were added."""
        with self._db.write() as session:
            self._row(session, conversation_id)
            stored = set(session.scalars(
                select(MessageRow.message_id).where(MessageRow.conversation_id == conversation_id)
            ))
            new = [m for m in conversation.messages if m.id not in stored]
            for message in new:
                try:
                    json.dumps(message.meta)
                except (TypeError, ValueError) as exc:
                    raise StoreError(f"A message's details cannot be saved: {exc}.") from None
                session.add(MessageRow(
                    conversation_id=conversation_id, message_id=message.id, role=message.role, text=message.text,
                    created_at=message.created_at, version=message.version, meta=message.meta,
                ))
            return len(new)

    @staticmethod
    def _row(session: Session, conversation_id: str) -> ConversationRow:
        row = session.get(ConversationRow, conversation_id)
        if row is None:
            raise StoreError(f"There is no conversation '{conversation_id}'.")
        return row
