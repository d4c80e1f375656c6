"""Live-update streams of a project (server-sent events), built to cost nothing while idle.

A stream is an async generator on the event loop: while its project is quiet it holds neither a
database connection nor a thread, only a `Subscription` of the process's `Fanout` and a socket. It
wakes when the fan-out says the project changed, on a keep-alive beat, and every `recheck` seconds;
each wake that may concern the data opens one short session (on a small shared pool of reader
threads) that rechecks membership and reads the ops after the stream's cursor. A member removed
from the project gets a `revoked` event and the stream ends. When the hub process shuts down, each
stream gets a `reconnect` event (and a short `retry:`) and ends, so clients resume at once from
their Last-Event-ID on another worker instead of waiting for a cut connection to time out.

Writers tell the fan-out: the op handler publishes OPS after its commit, and `watch_changes` publishes
ACCESS after any commit that deleted a membership or a project and COMMENTS after any that wrote a
comment, whichever router made it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Collection
from concurrent.futures import Executor
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from hub.access import project_for
from hub.errors import ApiError, error_body
from hub.fanout import Fanout, Topic
from hub.models import Member, Op, Project, ProjectComment, User
from hub.schemas_projects import OpOut, PresenceOut, Role

HEARTBEAT_SECONDS = 2.0
"""A keep-alive this often lets clients notice their own stop request on a quiet project (sync_client
checks on every line) and a dead connection is found by the failed write within one beat."""
BATCH = 100
RETRY_MS = 2000
DRAIN_RETRY_MS = 250  # reconnect soon: another worker (or this one restarted) takes the stream over
_CHANGED_KEY = "hub.streams.changed"


def ops_since(db: Session, project_id: int, since: int, limit: int) -> list[OpOut]:
    rows = db.execute(select(Op, User.username).join(User, User.id == Op.author_id)
                      .where(Op.project_id == project_id, Op.rev > since).order_by(Op.rev).limit(limit)).all()
    return [OpOut(rev=o.rev, op_id=o.op_id, base_rev=o.base_rev, kind=o.kind, args=o.args, author=name,
                  created_at=o.created_at) for o, name in rows]


def project_heads(sessions: sessionmaker[Session]) -> Callable[[Collection[int]], dict[int, int]]:
    """The fan-out's heads reader: head revisions of the watched projects in one short query."""

    def read(project_ids: Collection[int]) -> dict[int, int]:
        with sessions() as db:
            rows = db.execute(select(Project.id, Project.head_rev).where(Project.id.in_(list(project_ids))))
            return dict(rows.all())

    return read


def watch_changes(sessions: sessionmaker[Session], fanout: Fanout) -> None:
    """After a commit, publish ACCESS for every project whose memberships (or itself) it deleted, so a
    removed member's open streams end at once instead of at their next recheck, and COMMENTS for every
    project where it wrote or changed a comment, so watchers see a new thread without asking."""

    def collect(session: Session, _context: Any) -> None:
        changed: set[tuple[int, Topic]] = session.info.setdefault(_CHANGED_KEY, set())
        for obj in session.deleted:
            if isinstance(obj, Member):
                changed.add((obj.project_id, Topic.ACCESS))
            elif isinstance(obj, Project):
                changed.add((obj.id, Topic.ACCESS))
        for obj in (*session.new, *session.dirty, *session.deleted):
            if isinstance(obj, ProjectComment):
                changed.add((obj.project_id, Topic.COMMENTS))

    def publish(session: Session) -> None:
        for project_id, topic in session.info.pop(_CHANGED_KEY, ()):
            fanout.publish(project_id, topic)

    def forget(session: Session, *_args: Any) -> None:
        session.info.pop(_CHANGED_KEY, None)

    event.listen(sessions, "after_flush", collect)
    event.listen(sessions, "after_commit", publish)
    event.listen(sessions, "after_soft_rollback", forget)


def _member_ops(sessions: sessionmaker[Session], project_id: int, user_id: int,
                cursor: int) -> list[OpOut] | ApiError:
    """The ops after `cursor`, or why the user may no longer watch the project (the same error, with
    the same words, that any project request of theirs would now get: removed by whom, or gone)."""
    with sessions() as db:
        # every wake of every stream asks this: a membership row alone says the account, the project and the
        # access are all still there (deleting either cascades to it), without loading the project's document
        if db.scalar(select(Member.role).where(Member.project_id == project_id, Member.user_id == user_id)) is None:
            user = db.get(User, user_id)
            if user is None:
                return ApiError(401, "invalid_token", "The account behind this token no longer exists.")
            try:
                project_for(db, project_id, user, Role.VIEWER)
            except ApiError as exc:
                return exc
        return ops_since(db, project_id, cursor, BATCH)


def presence_of(fanout: Fanout, project_id: int) -> PresenceOut:
    """The `presence` event's data (and the answer to a claim): who watches, and which part each edits."""
    return PresenceOut(users=fanout.present(project_id), editing=fanout.editing(project_id))


def _event(name: str, data: str, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {name}\ndata: {data}\n\n"


async def live_ops(fanout: Fanout, sessions: sessionmaker[Session], readers: Executor, *, project_id: int,
                   user_id: int, username: str, cursor: int, recheck: float) -> AsyncIterator[str]:
    """The event stream: `op` events (id = rev, so Last-Event-ID resumes), `presence` when the set of
    watchers or the parts they edit change ({"users": [...], "editing": {username: node id}}),
    `comments` ({}) when a comment was written, resolved or reopened (read them with GET .../comments),
    `revoked` (then the end) when the user lost access — its data is the hub's error body, e.g.
    {"error": {"code": "removed", "message": "You were removed from 'X' by Y.", ...}} —,
    `reconnect` (then the end) when the hub process shuts down, and keep-alive comments between."""
    loop = asyncio.get_running_loop()
    async with fanout.subscribe(project_id, username) as subscription:
        yield f"retry: {RETRY_MS}\n\n"
        topics = {Topic.OPS, Topic.PRESENCE}
        shown: PresenceOut | None = None
        recheck_at = time.monotonic() + recheck
        while True:
            if Topic.DRAIN in topics:
                yield f"retry: {DRAIN_RETRY_MS}\n\n"
                yield _event("reconnect", json.dumps({"reason": "shutting_down", "retry_ms": DRAIN_RETRY_MS}))
                return
            if Topic.PRESENCE in topics and (present := presence_of(fanout, project_id)) != shown:
                shown = present
                yield _event("presence", present.model_dump_json())
            if Topic.COMMENTS in topics:  # what changed is read by the client, with its own access checked
                yield _event("comments", "{}")
            due = time.monotonic() >= recheck_at
            if due or topics & {Topic.OPS, Topic.ACCESS}:
                recheck_at = time.monotonic() + recheck
                ops = await loop.run_in_executor(readers, _member_ops, sessions, project_id, user_id, cursor)
                if isinstance(ops, ApiError):
                    yield _event("revoked", json.dumps(error_body(ops.code, ops.message, ops.extra)))
                    return
                for op in ops:
                    cursor = op.rev
                    yield _event("op", op.model_dump_json(), op.rev)
                if len(ops) == BATCH:  # more are waiting: read on before sleeping
                    topics = {Topic.OPS}
                    continue
            topics = await subscription.next(min(HEARTBEAT_SECONDS, max(0.0, recheck_at - time.monotonic())))
            if not topics:
                yield ": keep-alive\n\n"


class EventStream(StreamingResponse):
    """A StreamingResponse that always runs `on_close` once the response is over, however it ended
    (finished, client gone, server shutting down), and closes its generator right away instead of
    leaving that to the garbage collector: the stream's slot and subscription are freed at once."""

    def __init__(self, content: AsyncIterator[str], on_close: Callable[[], None]) -> None:
        super().__init__(content, media_type="text/event-stream",
                         headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
        self._content = content
        self._on_close = on_close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            try:
                aclose = getattr(self._content, "aclose", None)
                if aclose is not None:
                    await aclose()
            finally:
                self._on_close()
