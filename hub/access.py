"""Who may do what on a project. A stranger gets 404, not 403: private projects do not leak names."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hub.errors import forbidden, not_found
from hub.models import Member, Project, User
from hub.schemas_projects import Role


def project_for(db: Session, project_id: int, user: User, at_least: Role) -> tuple[Project, Role]:
    project = db.get(Project, project_id)
    member = db.get(Member, (project_id, user.id)) if project is not None else None
    if project is None or member is None:
        raise not_found("This project")
    role = Role(member.role)
    if role.rank < at_least.rank:
        raise forbidden(f"You are a {role.value} on this project; this needs {at_least.value} rights.")
    return project, role
