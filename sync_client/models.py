"""Typed views of the hub's answers. Every response is validated here before use, so a hub that
sends wrong types is refused with a clear error instead of failing somewhere deep in the app.
A test checks these against the hub's OpenAPI document so the two cannot drift apart."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sync_client.errors import BadResponse

NO_REMIX = frozenset({"CC-BY-ND", "CC-BY-NC-ND", "standard-digital-file", "commercial"})


class Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class User(Wire):
    id: int
    username: str
    display_name: str


class FileInfo(Wire):
    name: str
    kind: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    url: str


class ListingSummary(Wire):
    id: int
    slug: str
    title: str
    creator: str
    category: str
    licence: str
    price_cents: int = Field(ge=0)
    tags: list[str]
    has_parameters: bool
    thumbnail_url: str | None
    downloads: int
    likes: int
    makes: int
    created_at: datetime

    @property
    def free(self) -> bool:
        return self.price_cents == 0


class Purchase(Wire):
    """My purchase of a paid listing: "pending" until the payment provider confirms it ("paid"),
    "refunded" once refunded; `checkout_url` is where to pay while it is pending."""

    id: str
    listing_id: int
    state: str
    price_cents: int = Field(ge=0)
    checkout_url: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def paid(self) -> bool:
        return self.state == "paid"


class Listing(ListingSummary):
    description: str
    files: list[FileInfo]
    images: list[str]
    remix_of: int | None
    remix_allowed: bool
    purchased: bool
    liked_by_me: bool = False  # hubs from before this field: shown as not liked
    unlisted: bool = False  # its creator took it down: out of search, still open to its buyers
    mine: bool = False  # I created it (hubs from before this field: never)
    purchase: Purchase | None = None  # mine, for a paid listing I started buying


class SearchPage(Wire):
    total: int = Field(ge=0)
    items: list[ListingSummary]
    next_cursor: str | None


class Category(Wire):
    slug: str
    title: str
    parent: str | None


class Checkout(Wire):
    checkout_url: str
    price_cents: int


class Project(Wire):
    id: int
    name: str
    description: str
    owner: str
    role: str
    head_rev: int
    created_at: datetime


class Member(Wire):
    username: str
    role: str


class Invitation(Wire):
    id: int
    project_id: int
    project_name: str
    invitee: str
    inviter: str
    role: str
    status: str


class ShareLink(Wire):
    id: int
    role: str
    creator: str
    expires_at: datetime | None
    created_at: datetime


class ShareLinkCreated(ShareLink):
    token: str  # the hub shows it only once


class OpAccepted(Wire):
    op_id: str
    rev: int
    head_rev: int
    rebased: bool


class RemoteOp(Wire):
    rev: int
    op_id: str
    base_rev: int
    kind: str
    args: dict[str, Any]
    author: str
    created_at: datetime


class Feed(Wire):
    head_rev: int
    ops: list[RemoteOp]


class Head(Wire):
    rev: int
    document: dict[str, Any]


class Presence(Wire):
    """Who has a shared project open live, and the part (node id) each of them said they are editing
    (a hub older than the `editing` map sends only `users`)."""

    users: list[str]
    editing: dict[str, str] = Field(default_factory=dict)


class Version(Wire):
    id: int
    name: str
    rev: int
    author: str
    created_at: datetime


class VersionDetail(Version):
    document: dict[str, Any]


class Anchor(Wire):
    x: float
    y: float
    z: float


class Comment(Wire):
    id: int
    author: str
    body: str
    parent_id: int | None
    created_at: datetime


class ProjectComment(Comment):
    node_id: str | None
    anchor: Anchor | None
    resolved: bool
    mentions: list[str] = []  # members @mentioned in the body, lower case (empty from hubs before mentions)


class Mention(Wire):
    """The user was @mentioned in a comment: where (project, thread), by whom, and a piece of it."""

    id: int
    project_id: int
    project_name: str
    comment_id: int
    thread_id: int  # the thread's first comment: the one to open
    author: str
    excerpt: str
    created_at: datetime
    read: bool


class Review(Wire):
    author: str
    rating: int = Field(ge=1, le=5)
    body: str
    created_at: datetime


class Collection(Wire):
    id: int
    name: str
    listing_ids: list[int]


M = TypeVar("M", bound=Wire)


def parse(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "answer"
        raise BadResponse(f"The hub's answer is malformed ({model.__name__}.{where}: {first['msg']}).") from None


def parse_list(model: type[M], data: Any) -> list[M]:
    if not isinstance(data, list):
        raise BadResponse(f"The hub's answer should be a list of {model.__name__}.")
    return [parse(model, item) for item in data]
