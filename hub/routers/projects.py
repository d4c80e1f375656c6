"""Shared projects: metadata (ETag/If-Match), members and roles, invitations, anchored comments."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from core.document.document import Document
from core.document.ops import check_references
from core.errors import PotStudioError
from hub.access import REMOVED, project_for
from hub.errors import ERROR_SCHEMA, ApiError, forbidden, not_found
from hub.http import matches
from hub.mentions import mentions_of, record_mentions
from hub.models import Invitation, Member, Project, ProjectComment, User
from hub.params import Id
from hub.schemas_projects import (
    Anchor,
    InvitationCreate,
    InvitationOut,
    MemberIn,
    MemberOut,
    ProjectCommentCreate,
    ProjectCommentOut,
    ProjectCommentPatch,
    ProjectCreate,
    ProjectOut,
    ProjectPatch,
    Role,
)
from hub.security import DB, CurrentUser

router = APIRouter(tags=["projects"], responses={401: ERROR_SCHEMA, 403: ERROR_SCHEMA, 404: ERROR_SCHEMA,
                                                 422: ERROR_SCHEMA})


def _etag(project: Project) -> str:
    return f'"p{project.id}.m{project.meta_version}"'


def project_out(db: Session, project: Project, role: Role) -> ProjectOut:
    owner = db.scalar(select(User.username).where(User.id == project.owner_id)) or "?"
    return ProjectOut(id=project.id, name=project.name, description=project.description, owner=owner, role=role,
                      head_rev=project.head_rev, created_at=project.created_at)


def _json(payload: ProjectOut, project: Project, status: int = 200) -> Response:
    return Response(payload.model_dump_json(), status, media_type="application/json",
                    headers={"ETag": _etag(project), "Cache-Control": "private, no-cache"})


@router.post("/projects", status_code=201, response_model=ProjectOut)
def create_project(body: ProjectCreate, db: DB, user: CurrentUser) -> Response:
    try:
        check_references(Document.from_json(body.document))
    except PotStudioError as exc:  # OpRejected included
        raise ApiError(422, "bad_document", f"The document is not valid: {exc}") from None
    project = Project(owner_id=user.id, name=body.name, description=body.description, document=body.document,
                      head_rev=0, meta_version=1)
    db.add(project)
    db.flush()
    db.add(Member(project_id=project.id, user_id=user.id, role=Role.OWNER.value))
    db.commit()
    return _json(project_out(db, project, Role.OWNER), project, 201)


@router.get("/projects", response_model=list[ProjectOut])
def my_projects(db: DB, user: CurrentUser) -> list[ProjectOut]:
    rows = db.execute(select(Project, Member.role).join(Member, Member.project_id == Project.id)
                      .where(Member.user_id == user.id).order_by(Project.id)).all()
    return [project_out(db, p, Role(role)) for p, role in rows]


@router.get("/projects/{project_id}", response_model=ProjectOut, responses={304: {"description": "Not modified"}})
def get_project(project_id: Id, request: Request, db: DB, user: CurrentUser) -> Response:
    project, role = project_for(db, project_id, user, Role.VIEWER)
    if matches(request.headers.get("if-none-match"), _etag(project)):
        return Response(status_code=304, headers={"ETag": _etag(project)})
    return _json(project_out(db, project, role), project)


@router.patch("/projects/{project_id}", response_model=ProjectOut,
              responses={412: ERROR_SCHEMA, 428: ERROR_SCHEMA})
def patch_project(project_id: Id, body: ProjectPatch, request: Request, db: DB, user: CurrentUser) -> Response:
    """Metadata edits need If-Match with the ETag last read, so two people renaming cannot silently clash."""
    project, role = project_for(db, project_id, user, Role.EDITOR)
    if_match = request.headers.get("if-match")
    if not if_match:
        raise ApiError(428, "precondition_required", "Send If-Match with the project's ETag to change it.")
    if not matches(if_match, _etag(project)):
        raise ApiError(412, "precondition_failed", "The project changed since you read it; reload and retry.",
                       headers={"ETag": _etag(project)})
    if body.name is not None:
        project.name = body.name
    if body.description is not None:
        project.description = body.description
    project.meta_version += 1
    db.commit()
    return _json(project_out(db, project, role), project)


@router.delete("/projects/{project_id}", status_code=204)
def delete_project(project_id: Id, db: DB, user: CurrentUser) -> Response:
    project, _ = project_for(db, project_id, user, Role.OWNER)
    db.delete(project)
    db.commit()
    return Response(status_code=204)


@router.get("/projects/{project_id}/members", response_model=list[MemberOut])
def members(project_id: Id, db: DB, user: CurrentUser) -> list[MemberOut]:
    project_for(db, project_id, user, Role.VIEWER)
    rows = db.execute(select(User.username, Member.role).join(Member, Member.user_id == User.id)
                      .where(Member.project_id == project_id).order_by(User.username)).all()
    return [MemberOut(username=name, role=Role(role)) for name, role in rows]


def _user_named(db: Session, username: str) -> User:
    user = db.scalar(select(User).where(User.username == username.lower()))
    if user is None:
        raise not_found(f"The user '{username}'")
    return user


@router.put("/projects/{project_id}/members/{username}", response_model=MemberOut)
def set_role(project_id: Id, username: str, body: MemberIn, db: DB, user: CurrentUser) -> MemberOut:
    project, _ = project_for(db, project_id, user, Role.OWNER)
    target = _user_named(db, username)
    member = db.get(Member, (project_id, target.id))
    if member is None:
        raise ApiError(409, "not_a_member", f"Invite {username} first; they join when they accept.")
    if target.id == project.owner_id or body.role is Role.OWNER:
        raise ApiError(409, "owner_fixed", "The owner's role cannot change and there is only one owner.")
    member.role = body.role.value
    db.commit()
    return MemberOut(username=target.username, role=body.role)


@router.delete("/projects/{project_id}/members/{username}", status_code=204)
def remove_member(project_id: Id, username: str, db: DB, user: CurrentUser) -> Response:
    target = _user_named(db, username)
    project, _ = project_for(db, project_id, user, Role.VIEWER if target.id == user.id else Role.OWNER)
    if target.id == project.owner_id:
        raise ApiError(409, "owner_fixed", "The owner cannot leave their own project; delete it instead.")
    member = db.get(Member, (project_id, target.id))
    if member is not None:
        db.delete(member)
        if target.id != user.id:  # so the removed member is told who removed them (hub.access)
            for inv in db.scalars(select(Invitation).where(Invitation.project_id == project_id,
                                                           Invitation.invitee_id == target.id,
                                                           Invitation.status == "accepted")):
                inv.status = REMOVED
        db.commit()
    return Response(status_code=204)


def invitation_out(db: Session, inv: Invitation) -> InvitationOut:
    names = dict(db.execute(select(User.id, User.username).where(User.id.in_([inv.invitee_id, inv.inviter_id]))).all())
    project = db.get(Project, inv.project_id)
    return InvitationOut(id=inv.id, project_id=inv.project_id, project_name=project.name if project else "?",
                         invitee=names.get(inv.invitee_id, "?"), inviter=names.get(inv.inviter_id, "?"),
                         role=Role(inv.role), status=inv.status)


@router.post("/projects/{project_id}/invitations", status_code=201, response_model=InvitationOut,
             responses={409: ERROR_SCHEMA})
def invite(project_id: Id, body: InvitationCreate, db: DB, user: CurrentUser) -> InvitationOut:
    project_for(db, project_id, user, Role.OWNER)
    if body.role is Role.OWNER:
        raise ApiError(409, "owner_fixed", "A project has one owner; invite as editor, commenter or viewer.")
    invitee = _user_named(db, body.username)
    if db.get(Member, (project_id, invitee.id)) is not None:
        raise ApiError(409, "already_member", f"{invitee.username} is already on this project.")
    inv = Invitation(project_id=project_id, invitee_id=invitee.id, inviter_id=user.id, role=body.role.value)
    db.add(inv)
    db.commit()
    return invitation_out(db, inv)


@router.get("/invitations", response_model=list[InvitationOut])
def my_invitations(db: DB, user: CurrentUser) -> list[InvitationOut]:
    rows = db.scalars(select(Invitation).where(Invitation.invitee_id == user.id, Invitation.status == "pending")
                      .order_by(Invitation.id)).all()
    return [invitation_out(db, inv) for inv in rows]


@router.post("/invitations/{invitation_id}/{decision}", response_model=InvitationOut)
def answer(invitation_id: Id, decision: str, db: DB, user: CurrentUser) -> InvitationOut:
    inv = db.get(Invitation, invitation_id)
    if inv is None or inv.invitee_id != user.id:
        raise not_found("This invitation")
    if decision not in ("accept", "decline"):
        raise not_found("This action")
    if inv.status != "pending":
        raise ApiError(409, "answered", f"This invitation was already {inv.status}.")
    inv.status = "accepted" if decision == "accept" else "declined"
    if inv.status == "accepted" and db.get(Member, (inv.project_id, user.id)) is None:
        db.add(Member(project_id=inv.project_id, user_id=user.id, role=inv.role))
    db.commit()
    return invitation_out(db, inv)


def _comment_out(c: ProjectComment, author: str, mentions: list[str]) -> ProjectCommentOut:
    anchor = Anchor(x=c.x, y=c.y, z=c.z) if c.x is not None and c.y is not None and c.z is not None else None
    return ProjectCommentOut(id=c.id, author=author, body=c.body, node_id=c.node_id, anchor=anchor,
                             parent_id=c.parent_id, resolved=c.resolved, created_at=c.created_at, mentions=mentions)


@router.get("/projects/{project_id}/comments", response_model=list[ProjectCommentOut])
def project_comments(project_id: Id, db: DB, user: CurrentUser) -> list[ProjectCommentOut]:
    project_for(db, project_id, user, Role.VIEWER)
    rows = db.execute(select(ProjectComment, User.username).join(User, User.id == ProjectComment.author_id)
                      .where(ProjectComment.project_id == project_id).order_by(ProjectComment.id)).all()
    mentions = mentions_of(db, (c.id for c, _ in rows))
    return [_comment_out(c, name, mentions[c.id]) for c, name in rows]


@router.post("/projects/{project_id}/comments", status_code=201, response_model=ProjectCommentOut)
def add_project_comment(project_id: Id, body: ProjectCommentCreate, db: DB, user: CurrentUser) -> ProjectCommentOut:
    """A thread (with an anchor on the model) or a reply. "@name" of a member mentions them (see
    core.mentions): the answer lists whom, and each finds it in GET /me/mentions."""
    project_for(db, project_id, user, Role.COMMENTER)
    if body.parent_id is not None:
        parent = db.get(ProjectComment, body.parent_id)
        if parent is None or parent.project_id != project_id:
            raise ApiError(422, "bad_parent", "The comment you reply to is not on this project.")
    a = body.anchor
    comment = ProjectComment(project_id=project_id, author_id=user.id, parent_id=body.parent_id,
                             node_id=body.node_id, x=a.x if a else None, y=a.y if a else None, z=a.z if a else None,
                             body=body.body)
    db.add(comment)
    db.flush()
    mentions = record_mentions(db, comment)
    db.commit()
    return _comment_out(comment, user.username, mentions)


@router.patch("/projects/{project_id}/comments/{comment_id}", response_model=ProjectCommentOut)
def resolve_comment(project_id: Id, comment_id: Id, body: ProjectCommentPatch, db: DB,
                    user: CurrentUser) -> ProjectCommentOut:
    project_for(db, project_id, user, Role.COMMENTER)
    comment = db.get(ProjectComment, comment_id)
    if comment is None or comment.project_id != project_id:
        raise not_found("This comment")
    if comment.parent_id is not None:
        raise forbidden("Resolve the thread from its first comment.")
    comment.resolved = body.resolved
    db.commit()
    author = db.scalar(select(User.username).where(User.id == comment.author_id)) or "?"
    return _comment_out(comment, author, mentions_of(db, [comment.id])[comment.id])
