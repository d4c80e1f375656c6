"""Who a project comment @mentions: resolved against the project's members when the comment is
written (core.mentions has the rules), stored as CommentMention rows, and read back per comment."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.mentions import mentioned
from hub.models import CommentMention, Member, ProjectComment, User


def record_mentions(db: Session, comment: ProjectComment) -> list[str]:
    """Store the members `comment` mentions (the caller commits); a name that is not a member's is text.
    The author may mention themselves: it shows in the comment but never reaches their own unread list."""
    members = dict(db.execute(select(User.username, User.id).join(Member, Member.user_id == User.id)
                              .where(Member.project_id == comment.project_id)).all())
    names = mentioned(comment.body, members)
    db.add_all(CommentMention(comment_id=comment.id, user_id=members[name]) for name in names)
    return names


def mentions_of(db: Session, comment_ids: Iterable[int]) -> dict[int, list[str]]:
    """{comment id: the usernames it mentions, in the order written} for the given comments."""
    ids = list(comment_ids)
    found: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        rows = db.execute(select(CommentMention.comment_id, User.username).join(User, User.id == CommentMention.user_id)
                          .where(CommentMention.comment_id.in_(ids)).order_by(CommentMention.id))
        for comment_id, username in rows:
            found[comment_id].append(username)
    return found
