"""Invite by link: the owner makes a link with a role and an optional expiry, lists and revokes the
project's links and pending invitations; anyone signed in who holds a live link joins with its role.

The token is a 192-bit secret shown once; only its sha256 is stored, so the database alone cannot be
used to join. An unknown or revoked link is 404 (it reveals nothing), an expired one 410 so the app
can say "ask for a new link".
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from hub.access import REMOVED, project_for
from hub.db import utcnow
from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.models import Invitation, Member, ShareLink, User
from hub.params import Id
from hub.routers.projects import invitation_out, project_out
from hub.schemas_projects import InvitationOut, ProjectOut, Role, ShareLinkCreate, ShareLinkCreated, ShareLinkOut
from hub.security import DB, CurrentUser

router = APIRouter(tags=["projects"], responses={401: ERROR_SCHEMA, 403: ERROR_SCHEMA, 404: ERROR_SCHEMA,
                                                 422: ERROR_SCHEMA})
Token = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{20,100}$")]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _link_out(db: Session, link: ShareLink) -> ShareLinkOut:
    creator = db.scalar(select(User.username).where(User.id == link.creator_id)) or "?"
    return ShareLinkOut(id=link.id, role=Role(link.role), creator=creator, expires_at=link.expires_at,
                        created_at=link.created_at)


@router.post("/projects/{project_id}/links", status_code=201, response_model=ShareLinkCreated,
             responses={409: ERROR_SCHEMA})
def create_link(project_id: Id, body: ShareLinkCreate, db: DB, user: CurrentUser) -> ShareLinkCreated:
    project_for(db, project_id, user, Role.OWNER)
    if body.role is Role.OWNER:
        raise ApiError(409, "owner_fixed", "A project has one owner; a link can make editors, commenters or viewers.")
    token = secrets.token_urlsafe(24)
    expires = utcnow() + timedelta(days=body.expires_in_days) if body.expires_in_days else None
    link = ShareLink(project_id=project_id, token_hash=_hash(token), role=body.role.value, creator_id=user.id,
                     expires_at=expires, revoked=False, created_at=utcnow())
    db.add(link)
    db.commit()
    return ShareLinkCreated(**_link_out(db, link).model_dump(), token=token)


@router.get("/projects/{project_id}/links", response_model=list[ShareLinkOut])
def project_links(project_id: Id, db: DB, user: CurrentUser) -> list[ShareLinkOut]:
    """The links still usable (not revoked, not expired): what the share dialog lists."""
    project_for(db, project_id, user, Role.OWNER)
    now = utcnow()
    links = db.scalars(select(ShareLink).where(ShareLink.project_id == project_id, ShareLink.revoked.is_(False))
                       .order_by(ShareLink.id)).all()
    return [_link_out(db, link) for link in links if link.expires_at is None or link.expires_at > now]


@router.delete("/projects/{project_id}/links/{link_id}", status_code=204)
def revoke_link(project_id: Id, link_id: Id, db: DB, user: CurrentUser) -> Response:
    project_for(db, project_id, user, Role.OWNER)
    link = db.get(ShareLink, link_id)
    if link is None or link.project_id != project_id:
        raise not_found("This link")
    link.revoked = True
    db.commit()
    return Response(status_code=204)


@router.post("/links/{token}/accept", response_model=ProjectOut, responses={410: ERROR_SCHEMA})
def accept_link(token: Token, db: DB, user: CurrentUser) -> ProjectOut:
    """Join with the link's role; a member already on the project keeps their role (never demoted)."""
    link = db.scalar(select(ShareLink).where(ShareLink.token_hash == _hash(token)))
    if link is None or link.revoked:
        raise not_found("This share link")
    if link.expires_at is not None and link.expires_at <= utcnow():
        raise ApiError(410, "link_expired", "This share link has expired; ask the owner for a new one.")
    member = db.get(Member, (link.project_id, user.id))
    if member is None:
        member = Member(project_id=link.project_id, user_id=user.id, role=link.role)
        db.add(member)
        for inv in db.scalars(select(Invitation).where(Invitation.project_id == link.project_id,
                                                       Invitation.invitee_id == user.id,
                                                       Invitation.status.in_(("pending", REMOVED)))):
            inv.status = "accepted"  # a link from the owner supersedes a pending invite or an old removal
        db.commit()
    project, role = project_for(db, link.project_id, user, Role.VIEWER)
    return project_out(db, project, role)


@router.get("/projects/{project_id}/invitations", response_model=list[InvitationOut])
def pending_invitations(project_id: Id, db: DB, user: CurrentUser) -> list[InvitationOut]:
    """Who was invited by name and has not answered yet, so the owner sees them in the share dialog."""
    project_for(db, project_id, user, Role.OWNER)
    rows = db.scalars(select(Invitation).where(Invitation.project_id == project_id, Invitation.status == "pending")
                      .order_by(Invitation.id)).all()
    return [invitation_out(db, inv) for inv in rows]
