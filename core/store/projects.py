"""Projects and their versions.

A version is an immutable snapshot (document JSON + PNG thumbnail + label + meta). Saving always
appends; restoring an old version appends a copy of it, so going back never loses what came after.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.document.document import Document
from core.errors import StoreError
from core.store.database import Database
from core.store.models import ProjectRow, VersionRow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_NAME = 200


class ProjectNotFoundError(StoreError):
    """No project with that id or name."""


@dataclass(frozen=True)
class ProjectInfo:
    id: str
    name: str
    created_at: float
    updated_at: float
    opened_at: float | None
    version_count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "created_at": self.created_at, "updated_at": self.updated_at,
            "opened_at": self.opened_at, "versions": self.version_count,
        }


@dataclass(frozen=True)
class VersionInfo:
    project_id: str
    number: int
    label: str
    created_at: float
    thumbnail_png: bytes = field(repr=False)
    meta: dict[str, Any] = field(default_factory=dict)


class ProjectStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- projects ----------------------------------------------------------------------------
    def create(self, name: str) -> ProjectInfo:
        clean = _check_name(name)
        now = time.time()
        row = ProjectRow(id=uuid.uuid4().hex, name=clean, created_at=now, updated_at=now, opened_at=now)
        try:
            with self._db.write() as session:
                session.add(row)
        except IntegrityError:
            raise StoreError(f"A project called '{clean}' already exists; choose another name.") from None
        return self.get(row.id)

    def get(self, ref: str) -> ProjectInfo:
        """A project by id, or else by name (case-insensitive)."""
        with self._db.read() as session:
            return _info(session, _find(session, ref))

    def open(self, ref: str) -> ProjectInfo:
        """Like get, and remembers the moment for the recent-projects list."""
        with self._db.write() as session:
            row = _find(session, ref)
            row.opened_at = time.time()
            session.flush()
            return _info(session, row)

    def all(self) -> list[ProjectInfo]:
        """All projects, the most recently changed first."""
        with self._db.read() as session:
            return _listing(session, select(ProjectRow).order_by(ProjectRow.updated_at.desc(), ProjectRow.name))

    def recent(self, limit: int = 10) -> list[ProjectInfo]:
        with self._db.read() as session:
            return _listing(session, select(ProjectRow).where(ProjectRow.opened_at.is_not(None))
                            .order_by(ProjectRow.opened_at.desc()).limit(limit))

    def rename(self, ref: str, new_name: str) -> ProjectInfo:
        clean = _check_name(new_name)
        try:
            with self._db.write() as session:
                row = _find(session, ref)
                row.name = clean
                row.updated_at = time.time()
                project_id = row.id
        except IntegrityError:
            raise StoreError(f"A project called '{clean}' already exists; choose another name.") from None
        return self.get(project_id)

    def delete(self, ref: str) -> None:
        """Remove the project with all its versions and conversations (the only way versions go)."""
        with self._db.write() as session:
            session.delete(_find(session, ref))

    # --- versions ----------------------------------------------------------------------------
    def save_version(
        self,
        ref: str,
        document_json: dict[str, Any],
        thumbnail_png: bytes,
        label: str = "",
        meta: dict[str, Any] | None = None,
    ) -> VersionInfo:
        """Append a version; its number is the project's next one, allocated inside the INSERT so
        two processes saving at once cannot get the same number."""
        Document.from_json(document_json)  # refuse a document we could not open again
        document_text = json.dumps(document_json, separators=(",", ":"))
        if not isinstance(thumbnail_png, bytes) or not thumbnail_png.startswith(PNG_SIGNATURE):
            raise StoreError("A version's thumbnail must be a PNG image.")
        meta = dict(meta or {})
        try:
            json.dumps(meta)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"Version metadata must be plain JSON: {exc}.") from None
        now = time.time()
        with self._db.write() as session:
            row = _find(session, ref)
            row.updated_at = now
            next_number = (
                select(func.coalesce(func.max(VersionRow.number), 0) + 1)
                .where(VersionRow.project_id == row.id).scalar_subquery()
            )
            number = session.execute(
                insert(VersionRow).values(
                    project_id=row.id, number=next_number, label=label[:MAX_NAME], document=document_text,
                    thumbnail_png=thumbnail_png, meta=meta, created_at=now,
                ).returning(VersionRow.number)
            ).scalar_one()
            return VersionInfo(row.id, number, label[:MAX_NAME], now, thumbnail_png, meta)

    def versions(self, ref: str) -> list[VersionInfo]:
        """Every version of the project, oldest first."""
        with self._db.read() as session:
            project = _find(session, ref)
            rows = session.scalars(
                select(VersionRow).where(VersionRow.project_id == project.id).order_by(VersionRow.number)
            )
            return [_version(row) for row in rows]

    def document(self, ref: str, number: int | None = None) -> dict[str, Any]:
        """The document JSON of a version (the latest when number is None)."""
        with self._db.read() as session:
            row = _version_row(session, _find(session, ref), number)
            data: dict[str, Any] = json.loads(row.document)
            return data

    def restore(self, ref: str, number: int) -> VersionInfo:
        """Make version `number` the current state again, as a new version."""
        with self._db.read() as session:
            row = _version_row(session, _find(session, ref), number)
            document, thumbnail = json.loads(row.document), row.thumbnail_png
        return self.save_version(ref, document, thumbnail, f"Restored version {number}", {"restored_from": number})


def _check_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise StoreError("A project needs a name.")
    if len(clean) > MAX_NAME:
        raise StoreError(f"A project name can have at most {MAX_NAME} characters.")
    return clean


def _find(session: Session, ref: str) -> ProjectRow:
    row = session.get(ProjectRow, ref) or session.scalars(
        select(ProjectRow).where(ProjectRow.name == " ".join(str(ref).split()))
    ).first()
    if row is None:
        raise ProjectNotFoundError(f"There is no project called '{ref}' (`potstudio projects` lists them).")
    return row


def _info(session: Session, row: ProjectRow) -> ProjectInfo:
    count = session.scalar(select(func.count()).where(VersionRow.project_id == row.id)) or 0
    return ProjectInfo(row.id, row.name, row.created_at, row.updated_at, row.opened_at, count)


def _listing(session: Session, query: Select[ProjectRow]) -> list[ProjectInfo]:
    """Projects with their version counts in one query (the projects panel lists them all)."""
    counts = (
        select(VersionRow.project_id, func.count().label("n")).group_by(VersionRow.project_id).subquery()
    )
    rows = session.execute(
        query.add_columns(func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.project_id == ProjectRow.id)
    ).all()
    return [ProjectInfo(r.id, r.name, r.created_at, r.updated_at, r.opened_at, int(n)) for r, n in rows]


def _version_row(session: Session, project: ProjectRow, number: int | None) -> VersionRow:
    query = select(VersionRow).where(VersionRow.project_id == project.id)
    if number is None:
        row = session.scalars(query.order_by(VersionRow.number.desc()).limit(1)).first()
        if row is None:
            raise StoreError(f"Project '{project.name}' has no saved version yet.")
        return row
    row = session.scalars(query.where(VersionRow.number == number)).first()
    if row is None:
        raise StoreError(f"Project '{project.name}' has no version {number}.")
    return row


def _version(row: VersionRow) -> VersionInfo:
    return VersionInfo(row.project_id, row.number, row.label, row.created_at, row.thumbnail_png, dict(row.meta))
