"""The signed-in user's @mentions across their projects: list them (newest first, optionally only the
unread), and mark one, a project's or all of them read.

Only projects the user is a member of now count: a member who was removed no longer sees what was
said there, not even the excerpt, and cannot tell a mention there from one that never existed (404).
Mentioning oneself never lands in one's own list.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import Select, select, update

from hub.db import utcnow
from hub.errors import ERROR_SCHEMA, not_found
from hub.models import CommentMention, Member, Project, ProjectComment, User
from hub.params import Id
from hub.schemas_projects import MentionOut, MentionPatch, MentionsMarked, MentionsRead
from hub.security import DB, CurrentUser

router = APIRouter(tags=["projects"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA, 422: ERROR_SCHEMA})
EXCERPT = 140  # characters of the comment shown in a list of mentions


def _visible(user: User) -> Select[CommentMention, ProjectComment, str, str]:
    """The user's mentions by others, in projects they are a member of now."""
    return (select(CommentMention, ProjectComment, Project.name, User.username)
            .join(ProjectComment, ProjectComment.id == CommentMention.comment_id)
            .join(Project, Project.id == ProjectComment.project_id)
            .join(Member, (Member.project_id == Project.id) & (Member.user_id == CommentMention.user_id))
            .join(User, User.id == ProjectComment.author_id)
            .where(CommentMention.user_id == user.id, ProjectComment.author_id != user.id))


def _out(mention: CommentMention, comment: ProjectComment, project_name: str, author: str) -> MentionOut:
    body = " ".join(comment.body.split())
    excerpt = body if len(body) <= EXCERPT else body[:EXCERPT - 1].rstrip() + "…"
    return MentionOut(id=mention.id, project_id=comment.project_id, project_name=project_name, comment_id=comment.id,
                      thread_id=comment.parent_id or comment.id, author=author, excerpt=excerpt,
                      created_at=comment.created_at, read=mention.read_at is not None)


@router.get("/me/mentions", response_model=list[MentionOut])
def my_mentions(db: DB, user: CurrentUser, unread: bool = False,
                limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[MentionOut]:
    """Newest first; `unread=true` leaves out those already read (what an app counts on its badge)."""
    query = _visible(user)
    if unread:
        query = query.where(CommentMention.read_at.is_(None))
    rows = db.execute(query.order_by(CommentMention.id.desc()).limit(limit)).all()
    return [_out(*row) for row in rows]


@router.patch("/me/mentions/{mention_id}", response_model=MentionOut)
def mark_mention(mention_id: Id, body: MentionPatch, db: DB, user: CurrentUser) -> MentionOut:
    """Read (opened) or unread again, to come back to it later."""
    row = db.execute(_visible(user).where(CommentMention.id == mention_id)).first()
    if row is None:
        raise not_found("This mention")
    mention = row[0]
    if body.read != (mention.read_at is not None):
        mention.read_at = utcnow() if body.read else None
        db.commit()
    return _out(*row)


@router.put("/me/mentions", response_model=MentionsMarked)
def mark_all_read(body: MentionsRead, db: DB, user: CurrentUser) -> MentionsMarked:
    """Every unread mention read (of one project with `project_id`), as GitHub's PUT /notifications marks
    all notifications read; says how many changed."""
    unread = _visible(user).where(CommentMention.read_at.is_(None))
    if body.project_id is not None:
        unread = unread.where(ProjectComment.project_id == body.project_id)
    ids = list(db.scalars(unread.with_only_columns(CommentMention.id)))
    if ids:
        db.execute(update(CommentMention).where(CommentMention.id.in_(ids)).values(read_at=utcnow()))
        db.commit()
    return MentionsMarked(marked=len(ids))
