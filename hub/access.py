"""Who may do what on a project. A stranger gets 404, not 403: private projects do not leak names."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.errors import ApiError, forbidden, not_found
from hub.models import Invitation, Member, Project, User
from hub.schemas_projects import Role

REMOVED = "removed"  # the status of the invitation of a member the owner removed


def _removed(db: Session, project: Project, user: User) -> ApiError | None:
    """A former member is told who removed them (they knew the project: nothing leaks), so their app
    can say so instead of "not found"; only the owner removes others."""
    removed = db.scalar(select(Invitation.id).where(Invitation.project_id == project.id,
                                                    Invitation.invitee_id == user.id, Invitation.status == REMOVED))
    if removed is None:
        return None
    owner = db.scalar(select(User.username).where(User.id == project.owner_id)) or "?"
    return ApiError(403, "removed", f"You were removed from '{project.name}' by {owner}.",
                    extra={"project_name": project.name, "removed_by": owner})


def project_for(db: Session, project_id: int, user: User, at_least: Role) -> tuple[Project, Role]:
    project = db.get(Project, project_id)
    member = db.get(Member, (project_id, user.id)) if project is not None else None
    if project is not None and member is None:
        removed = _removed(db, project, user)
        if removed is not None:
            raise removed
    if project is None or member is None:
        raise not_found("This project")
    role = Role(member.role)
    if role.rank < at_least.rank:
        raise forbidden(f"You are a {role.value} on this project; this needs {at_least.value} rights.")
    return project, role
