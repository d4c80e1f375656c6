"""Wire models of shared projects: metadata, members, invitations, ops, versions, comments."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, Field

from core.document.ops import OP_KINDS
from hub.params import MAX_ID, RefId
from hub.schemas import USERNAME, UtcDateTime


class Role(StrEnum):
    VIEWER = "viewer"
    COMMENTER = "commenter"
    EDITOR = "editor"
    OWNER = "owner"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class ProjectCreate(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(max_length=5000)] = ""
    document: dict[str, Any]


class ProjectPatch(BaseModel):
    name: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    description: Annotated[str | None, Field(max_length=5000)] = None


class ProjectOut(BaseModel):
    id: int
    name: str
    description: str
    owner: str
    role: Role
    head_rev: int
    created_at: UtcDateTime


class MemberIn(BaseModel):
    role: Role


class MemberOut(BaseModel):
    username: str
    role: Role


class InvitationCreate(BaseModel):
    username: Annotated[str, Field(pattern=USERNAME)]
    role: Role


class InvitationOut(BaseModel):
    id: int
    project_id: int
    project_name: str
    invitee: str
    inviter: str
    role: Role
    status: str


class OpIn(BaseModel):
    base_rev: Annotated[int, Field(ge=0, le=MAX_ID)]
    kind: Annotated[str, Field(pattern="^(" + "|".join(OP_KINDS) + ")$")]
    args: dict[str, Any]


class OpAccepted(BaseModel):
    op_id: str
    rev: int
    head_rev: int
    rebased: bool


class OpOut(BaseModel):
    rev: int
    op_id: str
    base_rev: int
    kind: str
    args: dict[str, Any]
    author: str
    created_at: UtcDateTime


class Feed(BaseModel):
    head_rev: int
    ops: list[OpOut]


class Head(BaseModel):
    rev: int
    document: dict[str, Any]


class VersionCreate(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=120)]
    document: dict[str, Any] | None = None


class VersionOut(BaseModel):
    id: int
    name: str
    rev: int
    author: str
    created_at: UtcDateTime


class VersionDetail(VersionOut):
    document: dict[str, Any]


class Anchor(BaseModel):
    x: float
    y: float
    z: float


class ProjectCommentCreate(BaseModel):
    body: Annotated[str, Field(min_length=1, max_length=5000)]
    node_id: Annotated[str | None, Field(max_length=80)] = None
    anchor: Anchor | None = None
    parent_id: RefId | None = None


class ProjectCommentPatch(BaseModel):
    resolved: bool


class ProjectCommentOut(BaseModel):
    id: int
    author: str
    body: str
    node_id: str | None
    anchor: Anchor | None
    parent_id: int | None
    resolved: bool
    created_at: UtcDateTime
    mentions: list[str]  # the members @mentioned in the body (core.mentions), lower case, in order


class MentionOut(BaseModel):
    """One time the user was @mentioned, for their list across projects; `thread_id` is the thread's
    first comment, which is what an app opens."""

    id: int
    project_id: int
    project_name: str
    comment_id: int
    thread_id: int
    author: str
    excerpt: str
    created_at: UtcDateTime
    read: bool


class MentionPatch(BaseModel):
    read: bool


class MentionsRead(BaseModel):
    project_id: RefId | None = None  # None: every project


class MentionsMarked(BaseModel):
    marked: int


class ShareLinkCreate(BaseModel):
    role: Role
    expires_in_days: Annotated[int | None, Field(ge=1, le=365)] = None  # None: until revoked


class ShareLinkOut(BaseModel):
    id: int
    role: Role
    creator: str
    expires_at: UtcDateTime | None
    created_at: UtcDateTime


class ShareLinkCreated(ShareLinkOut):
    token: str  # shown only in this answer; the hub keeps its hash


PART_ID = r"^[A-Za-z0-9_.:-]{1,80}$"
"""A part's node id as documents hold them ("cyl12", "root"): short, and safe in logs and events."""


class EditingIn(BaseModel):
    part: Annotated[str | None, Field(pattern=PART_ID)]  # null: editing no part (any more)


class PresenceOut(BaseModel):
    """Who is watching the project live, and the part (node id) each editor said they are editing."""

    users: list[str]
    editing: dict[str, str]
