"""Wire models of the accounts and marketplace API (the OpenAPI document is generated from these).

Kept apart from the ORM rows (hub/models) so the public contract changes only on purpose.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from hub.models.market import PurchaseState
from hub.params import RefId

USERNAME = r"^[a-z0-9][a-z0-9_.-]{2,39}$"
# declared in the OpenAPI document as written (ECMA-262 reads it the same way, \w aside: Python's takes
# accented letters too) and checked whole by FileRef, so a client can test a name before uploading
FILE_NAME = r"^(?!.*\.\.)[\w][\w .()+-]{0,150}\.([3][mM][fF]|[sS][tT][lL]|[oO][bB][jJ])$"
SAFE_NAME = re.compile(FILE_NAME)


def utc(moment: datetime) -> datetime:
    """SQLite hands stored timestamps back without their zone; every one the hub stores is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(utc)]


class Licence(StrEnum):
    CC0 = "CC0"
    CC_BY = "CC-BY"
    CC_BY_SA = "CC-BY-SA"
    CC_BY_ND = "CC-BY-ND"
    CC_BY_NC = "CC-BY-NC"
    CC_BY_NC_SA = "CC-BY-NC-SA"
    CC_BY_NC_ND = "CC-BY-NC-ND"
    GPL = "GPL-3.0"
    STANDARD = "standard-digital-file"
    COMMERCIAL = "commercial"

    @property
    def remix_allowed(self) -> bool:
        """ND ("no derivatives") and the closed licences forbid remixes; the app honours this."""
        return self not in {Licence.CC_BY_ND, Licence.CC_BY_NC_ND, Licence.STANDARD, Licence.COMMERCIAL}


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    POPULAR = "popular"
    DOWNLOADS = "downloads"


class UserCreate(BaseModel):
    username: Annotated[str, Field(pattern=USERNAME)]
    password: Annotated[str, Field(min_length=8, max_length=200)]
    display_name: Annotated[str, Field(max_length=80)] = ""


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    username: str
    display_name: str


class FileOut(BaseModel):
    name: str
    kind: str
    size: int
    sha256: str
    url: str


class ListingSummary(BaseModel):
    id: int
    slug: str
    title: str
    creator: str
    category: str
    licence: Licence
    price_cents: int
    tags: list[str]
    has_parameters: bool
    thumbnail_url: str | None
    downloads: int
    likes: int
    makes: int
    created_at: UtcDateTime


class PurchaseOut(BaseModel):
    """The caller's purchase of a paid listing: pending until the payment provider confirms it."""

    id: str
    listing_id: int
    state: PurchaseState
    price_cents: int
    checkout_url: str | None = Field(description="Where to pay, while the purchase is pending")
    created_at: UtcDateTime
    updated_at: UtcDateTime


class ListingDetail(ListingSummary):
    description: str
    files: list[FileOut]
    images: list[str]
    remix_of: int | None
    remix_allowed: bool
    purchased: bool
    liked_by_me: bool = Field(description="The caller likes this listing (always false without a token)")
    unlisted: bool = Field(False, description="Its creator took it down: out of search, still there for its "
                                              "buyers and remixes")
    mine: bool = Field(False, description="The caller created this listing (always false without a token)")
    purchase: PurchaseOut | None = Field(None, description="The caller's purchase of this paid listing, if any")


class SearchPage(BaseModel):
    total: int
    items: list[ListingSummary]
    next_cursor: str | None


class FileRef(BaseModel):
    name: Annotated[str, Field(json_schema_extra={"pattern": FILE_NAME})]
    upload_id: Annotated[str, Field(min_length=1, max_length=40)]

    @field_validator("name")
    @classmethod
    def _safe(cls, value: str) -> str:
        if not SAFE_NAME.fullmatch(value):
            raise ValueError("file names are plain names ending in .3mf, .stl or .obj")
        return value


class ListingCreate(BaseModel):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    description: Annotated[str, Field(max_length=20000)] = ""
    category: Annotated[str, Field(min_length=1, max_length=60)]
    licence: Licence
    price_cents: Annotated[int, Field(ge=0, le=100_000_00)] = 0
    tags: Annotated[list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]], Field(max_length=20)] = []
    files: Annotated[list[FileRef], Field(min_length=1, max_length=20)]
    thumbnail_upload_id: str | None = None
    image_upload_ids: Annotated[list[str], Field(max_length=10)] = []
    document: dict[str, Any] | None = None
    remix_of: RefId | None = None


class CategoryOut(BaseModel):
    slug: str
    title: str
    parent: str | None


class Checkout(BaseModel):
    checkout_url: str
    price_cents: int


class CollectionCreate(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=80)]


class CollectionOut(BaseModel):
    id: int
    name: str
    listing_ids: list[int]


class CommentCreate(BaseModel):
    body: Annotated[str, Field(min_length=1, max_length=5000)]
    parent_id: RefId | None = None


class CommentOut(BaseModel):
    id: int
    author: str
    body: str
    parent_id: int | None
    created_at: UtcDateTime


class ReviewIn(BaseModel):
    rating: Annotated[int, Field(ge=1, le=5)]
    body: Annotated[str, Field(max_length=5000)] = ""


class ReviewOut(BaseModel):
    author: str
    rating: int
    body: str
    created_at: UtcDateTime


class ReportIn(BaseModel):
    reason: Annotated[str, Field(min_length=3, max_length=2000)]
