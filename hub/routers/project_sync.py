"""The project operation log: submit ops (idempotent per author by Idempotency-Key), read the change
feed or stream it as server-sent events (see hub.streams), say which part one is editing (shown to the
other watchers), read the head, and keep immutable named versions."""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import Annotated, Any, cast

from fastapi import APIRouter, Header, Query, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response

from core.document.ops import OpRejected, apply
from hub.access import project_for
from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.fanout import Topic
from hub.http import PROBLEM_SCHEMA, conditional_json, problem
from hub.models import Op, Project, User, Version
from hub.params import MAX_ID, Id
from hub.schemas_projects import (
    EditingIn,
    Feed,
    Head,
    OpAccepted,
    OpIn,
    PresenceOut,
    Role,
    VersionCreate,
    VersionDetail,
    VersionOut,
)
from hub.security import DB, TOKEN_REQUIRED, CurrentUser, current_user, optional_user
from hub.state import HubState, hub_of
from hub.streams import EventStream, live_ops, ops_since, presence_of

router = APIRouter(tags=["project sync"], responses={401: ERROR_SCHEMA, 403: ERROR_SCHEMA, 404: ERROR_SCHEMA,
                                                     422: ERROR_SCHEMA})
FEED_LIMIT = 500
IDEMPOTENCY_PROBLEM = "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/"


def _accepted(op: Op, project: Project) -> OpAccepted:
    return OpAccepted(op_id=op.op_id, rev=op.rev, head_rev=project.head_rev, rebased=op.base_rev < op.rev - 1)


def _fingerprint(body: OpIn) -> str:
    """sha256 of the op as parsed, in canonical JSON: a resend of the same op matches whatever its key order."""
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _key_reused() -> Response:
    """422 as the Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header) asks for a key that is
    already used with another request: answering the first op would silently drop this edit."""
    return problem(ApiError(422, "idempotency_key_reused",
                            "This Idempotency-Key was already used for a different op; send a new key for a new "
                            "edit, or the same op to get its first answer."), IDEMPOTENCY_PROBLEM)


@router.post("/projects/{project_id}/ops", status_code=201, response_model=OpAccepted,
             responses={200: {"model": OpAccepted, "description": "A replay of an op already applied"},
                        409: ERROR_SCHEMA, 428: ERROR_SCHEMA,
                        422: {"description": "The op cannot apply, or its Idempotency-Key was used for another op",
                              "content": {**cast(dict[str, Any], ERROR_SCHEMA["content"]),
                                          **PROBLEM_SCHEMA["content"]}}})
def submit_op(
    project_id: Id, body: OpIn, request: Request, db: DB, user: CurrentUser,
    idempotency_key: Annotated[str | None, Header(max_length=80)] = None,
) -> Response:
    """Apply one op. The Idempotency-Key is the author's own (per user and project): a replay of the
    same op returns the first answer, so a client that lost the response can safely send again; the
    same key with a different op is refused (422). Conflicts answer 409 with the head in `error.head`."""
    if not idempotency_key:
        raise ApiError(428, "idempotency_key_required", "Send the op's client id as Idempotency-Key.")
    fingerprint = _fingerprint(body)
    project, _ = project_for(db, project_id, user, Role.EDITOR)
    for _attempt in range(3):
        previous = db.scalar(select(Op).where(Op.project_id == project_id, Op.author_id == user.id,
                                              Op.op_id == idempotency_key))
        if previous is not None:
            if previous.body_hash is not None and previous.body_hash != fingerprint:
                return _key_reused()
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
                author_id=user.id, kind=body.kind, args=body.args, body_hash=fingerprint)
        project.document = document
        project.head_rev += 1
        db.add(op)
        try:
            db.commit()
        except IntegrityError:  # another writer took this revision (or this key); re-read and rebase onto it
            db.rollback()
            db.expire_all()
            project, _ = project_for(db, project_id, user, Role.EDITOR)
            continue
        hub_of(request).fanout.publish(project_id, Topic.OPS)
        return Response(_accepted(op, project).model_dump_json(), 201, media_type="application/json")
    raise ApiError(503, "busy", "The project is being edited heavily; try again.", headers={"Retry-After": "1"})


@router.get("/projects/{project_id}/ops", response_model=Feed)
def feed(project_id: Id, db: DB, user: CurrentUser, since: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
         limit: Annotated[int, Query(ge=1, le=FEED_LIMIT)] = FEED_LIMIT) -> Feed:
    project, _ = project_for(db, project_id, user, Role.VIEWER)
    return Feed(head_rev=project.head_rev, ops=ops_since(db, project_id, since, limit))


def _watcher(hub: HubState, request: Request, project_id: int) -> tuple[int, str]:
    """Who opens the stream, checked (token, then membership) in one short session on one thread.

    The usual DB and CurrentUser dependencies would hold a connection from the token check until the
    handler gets a thread of its own; with hundreds of streams opening at once every pooled
    connection ended up held by a request waiting for a thread while every thread waited for a
    connection (pool timeouts, 500s)."""
    with hub.sessions() as db:
        user = current_user(optional_user(request, db))
        project_for(db, project_id, user, Role.VIEWER)
        return user.id, user.username


@router.get("/projects/{project_id}/events", dependencies=[TOKEN_REQUIRED], responses={
    200: {"content": {"text/event-stream": {}},
          "description": "`op` events (id = rev), `presence` (PresenceOut: who watches, who edits which part), "
                         "`comments` when a comment was written, resolved or reopened, "
                         "and `revoked` when access ends (the stream then ends)"},
    429: {**PROBLEM_SCHEMA, "description": "Too many live connections (per user or on this hub); see Retry-After"}})
async def events(project_id: Id, request: Request, since: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> Response:
    """Server-sent events of a project's new revisions, resumable with Last-Event-ID (or `since`).

    An open stream holds no database connection and no thread (see hub.streams), and at most a capped
    number are open per user and per hub process. Needs a bearer token like every project route."""
    hub = hub_of(request)
    user_id, username = await asyncio.get_running_loop().run_in_executor(
        hub.stream_readers, _watcher, hub, request, project_id)
    last_event = request.headers.get("last-event-id", "")
    cursor = int(last_event) if last_event.isdigit() and int(last_event) <= MAX_ID else since
    try:
        hub.streams.admit(user_id)
    except ApiError as exc:
        return problem(exc)
    content = live_ops(hub.fanout, hub.sessions, hub.stream_readers, project_id=project_id, user_id=user_id,
                       username=username, cursor=cursor, recheck=hub.config.stream_recheck_seconds)
    return EventStream(content, on_close=lambda: hub.streams.release(user_id))


@router.put("/projects/{project_id}/presence", response_model=PresenceOut, responses={
    409: {**ERROR_SCHEMA, "description": "The user has no live-update stream of this project open"}})
def set_editing(project_id: Id, body: EditingIn, request: Request, db: DB, user: CurrentUser) -> PresenceOut:
    """Say which part (node id) you are editing now, or `null` for none; the project's `presence`
    events then carry it in `editing` until you change it or your last live-update stream of the
    project closes. Needs editor rights and an open stream (GET /projects/{id}/events) of this user:
    the claim lives as long as that stream, in memory only, so it is never left behind."""
    project_for(db, project_id, user, Role.EDITOR)
    fanout = hub_of(request).fanout
    if not fanout.claim(project_id, user.username, body.part):
        raise ApiError(409, "not_watching", "Open this project's live updates before saying which part you edit.")
    return presence_of(fanout, project_id)


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


