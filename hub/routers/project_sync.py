"""The project operation log: submit ops (idempotent by client op id), read the change feed or
stream it as server-sent events, read the head, and keep immutable named versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from core.document.ops import OpRejected, apply
from hub.access import project_for
from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.http import conditional_json
from hub.models import Op, Project, User, Version
from hub.params import MAX_ID, Id
from hub.schemas_projects import (
    Feed,
    Head,
    OpAccepted,
    OpIn,
    OpOut,
    Role,
    VersionCreate,
    VersionDetail,
    VersionOut,
)
from hub.security import DB, CurrentUser
from hub.state import hub_of

router = APIRouter(tags=["project sync"], responses={401: ERROR_SCHEMA, 403: ERROR_SCHEMA, 404: ERROR_SCHEMA,
                                                     422: ERROR_SCHEMA})
# A keep-alive this often lets clients notice their own stop request on a quiet project, and bounds
# how late a stream served by one worker process hears of an op written through another (the bell
# only rings within a process): each beat re-reads the feed.
HEARTBEAT_SECONDS = 2.0
FEED_LIMIT = 500


def _accepted(op: Op, project: Project) -> OpAccepted:
    return OpAccepted(op_id=op.op_id, rev=op.rev, head_rev=project.head_rev, rebased=op.base_rev < op.rev - 1)


@router.post("/projects/{project_id}/ops", status_code=201, response_model=OpAccepted,
             responses={200: {"model": OpAccepted, "description": "A replay of an op already applied"},
                        409: ERROR_SCHEMA, 428: ERROR_SCHEMA})
def submit_op(
    project_id: Id, body: OpIn, request: Request, db: DB, user: CurrentUser,
    idempotency_key: Annotated[str | None, Header(max_length=80)] = None,
) -> Response:
    """Apply one op. A replay of the same Idempotency-Key returns the first answer, so a client that
    lost the response can safely send again. Conflicts answer 409 with the head in `error.head`."""
    if not idempotency_key:
        raise ApiError(428, "idempotency_key_required", "Send the op's client id as Idempotency-Key.")
    project, _ = project_for(db, project_id, user, Role.EDITOR)
    for _attempt in range(3):
        previous = db.scalar(select(Op).where(Op.project_id == project_id, Op.op_id == idempotency_key))
        if previous is not None:
            return Response(_accepted(previous, project).model_dump_json(), 200, media_type="application/json")
        if body.base_rev > project.head_rev:
            raise ApiError(422, "base_rev_ahead", f"base_rev {body.base_rev} is newer than the head "
                                                  f"({project.head_rev}).")
        try:
            document = apply(project.document, body.kind, body.args)
        except OpRejected as exc:
            if exc.structural and body.base_rev < project.head_rev:
                raise ApiError(409, "conflict", f"Your change clashes with newer edits: {exc}",
                               extra={"head": {"rev": project.head_rev, "document": project.document}}) from None
            raise ApiError(422, "op_rejected", str(exc)) from None
        op = Op(project_id=project_id, rev=project.head_rev + 1, op_id=idempotency_key, base_rev=body.base_rev,
                author_id=user.id, kind=body.kind, args=body.args)
        project.document = document
        project.head_rev += 1
        db.add(op)
        try:
            db.commit()
        except IntegrityError:  # another writer took this revision; re-read and rebase onto it
            db.rollback()
            db.expire_all()
            project, _ = project_for(db, project_id, user, Role.EDITOR)
            continue
        hub_of(request).bell.ring(project_id)
        return Response(_accepted(op, project).model_dump_json(), 201, media_type="application/json")
    raise ApiError(503, "busy", "The project is being edited heavily; try again.", headers={"Retry-After": "1"})


def _ops_since(db: Session, project_id: int, since: int, limit: int) -> list[OpOut]:
    rows = db.execute(select(Op, User.username).join(User, User.id == Op.author_id)
                      .where(Op.project_id == project_id, Op.rev > since).order_by(Op.rev).limit(limit)).all()
    return [OpOut(rev=o.rev, op_id=o.op_id, base_rev=o.base_rev, kind=o.kind, args=o.args, author=name,
                  created_at=o.created_at) for o, name in rows]


@router.get("/projects/{project_id}/ops", response_model=Feed)
def feed(project_id: Id, db: DB, user: CurrentUser, since: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
         limit: Annotated[int, Query(ge=1, le=FEED_LIMIT)] = FEED_LIMIT) -> Feed:
    project, _ = project_for(db, project_id, user, Role.VIEWER)
    return Feed(head_rev=project.head_rev, ops=_ops_since(db, project_id, since, limit))


@router.get("/projects/{project_id}/events", responses={200: {"content": {"text/event-stream": {}}}})
def events(project_id: Id, request: Request, db: DB, user: CurrentUser,
           since: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> StreamingResponse:
    """Server-sent events: one `op` event per new revision (id = rev, so Last-Event-ID resumes) and a
    `presence` event with the usernames watching whenever that changes."""
    project_for(db, project_id, user, Role.VIEWER)
    last_event = request.headers.get("last-event-id", "")
    cursor = int(last_event) if last_event.isdigit() else since
    hub = hub_of(request)
    username = user.username

    def stream() -> Iterator[str]:
        nonlocal cursor
        hub.bell.join(project_id, username)
        shown: list[str] | None = None
        try:
            yield "retry: 2000\n\n"
            while True:
                seen = hub.bell.generation(project_id)
                present = hub.bell.present(project_id)
                if present != shown:
                    shown = present
                    yield f"event: presence\ndata: {json.dumps({'users': present})}\n\n"
                with hub.sessions() as session:
                    ops = _ops_since(session, project_id, cursor, 100)
                for op in ops:
                    cursor = op.rev
                    yield f"id: {op.rev}\nevent: op\ndata: {op.model_dump_json()}\n\n"
                if not ops and not hub.bell.wait(project_id, seen, HEARTBEAT_SECONDS):
                    yield ": keep-alive\n\n"
        finally:
            hub.bell.leave(project_id, username)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/projects/{project_id}/document", response_model=Head)
def head(project_id: Id, request: Request, db: DB, user: CurrentUser) -> Response:
    project, _ = project_for(db, project_id, user, Role.VIEWER)
    return conditional_json(request, Head(rev=project.head_rev, document=project.document), "private, no-cache")


def _version_out(v: Version, author: str) -> VersionOut:
    return VersionOut(id=v.id, name=v.name, rev=v.rev, author=author, created_at=v.created_at)


@router.post("/projects/{project_id}/versions", status_code=201, response_model=VersionDetail,
             responses={409: ERROR_SCHEMA})
def create_version(project_id: Id, body: VersionCreate, db: DB, user: CurrentUser) -> VersionDetail:
    """Snapshot the head, or keep a document the client sends (a conflict copy) under a new name."""
    project, _ = project_for(db, project_id, user, Role.EDITOR)
    document = project.document
    if body.document is not None:
        try:
            document = apply(body.document, "replace", {"document": body.document})
        except OpRejected as exc:
            raise ApiError(422, "bad_document", f"The document is not valid: {exc}") from None
    version = Version(project_id=project_id, name=body.name, rev=project.head_rev, document=document,
                      author_id=user.id)
    db.add(version)
    try:
        db.commit()
    except IntegrityError:
        raise ApiError(409, "version_exists", f"A version named '{body.name}' exists; versions never change.") \
            from None
    return VersionDetail(**_version_out(version, user.username).model_dump(), document=version.document)


@router.get("/projects/{project_id}/versions", response_model=list[VersionOut])
def versions(project_id: Id, db: DB, user: CurrentUser) -> list[VersionOut]:
    project_for(db, project_id, user, Role.VIEWER)
    rows = db.execute(select(Version, User.username).join(User, User.id == Version.author_id)
                      .where(Version.project_id == project_id).order_by(Version.id)).all()
    return [_version_out(v, name) for v, name in rows]


@router.get("/projects/{project_id}/versions/{version_id}", response_model=VersionDetail)
def version(project_id: Id, version_id: Id, db: DB, user: CurrentUser) -> VersionDetail:
    project_for(db, project_id, user, Role.VIEWER)
    row = db.get(Version, version_id)
    if row is None or row.project_id != project_id:
        raise not_found("This version")
    author = db.scalar(select(User.username).where(User.id == row.author_id)) or "?"
    return VersionDetail(**_version_out(row, author).model_dump(), document=row.document)


