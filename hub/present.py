"""ORM rows -> wire models; URLs are built from the hub's public address."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from hub.models import Download, Like, Listing, Purchase, User
from hub.schemas import FileOut, Licence, ListingDetail, ListingSummary


def summary(listing: Listing | Row[Any], creator: str, base: str) -> ListingSummary:
    """A result card from a Listing or a search row (hub.search.SUMMARY_COLUMNS: same attribute names)."""
    return ListingSummary(
        id=listing.id, slug=listing.slug, title=listing.title, creator=creator, category=listing.category,
        licence=Licence(listing.licence), price_cents=listing.price_cents, tags=listing.tags_text.split(),
        has_parameters=listing.has_parameters,
        thumbnail_url=f"{base}/listings/{listing.id}/thumbnail" if listing.thumbnail_sha else None,
        downloads=listing.downloads, likes=listing.likes, makes=listing.makes, created_at=listing.created_at,
    )


def can_download(db: Session, listing: Listing, user: User | None) -> bool:
    """Free listings are open to all; a paid one needs its creator or a purchase record."""
    if listing.price_cents == 0:
        return True
    if user is None:
        return False
    if user.id == listing.creator_id:
        return True
    return db.get(Purchase, (user.id, listing.id)) is not None


def has_downloaded(db: Session, listing_id: int, user: User) -> bool:
    return (db.get(Download, (user.id, listing_id)) is not None
            or db.get(Purchase, (user.id, listing_id)) is not None)


def detail(db: Session, listing: Listing, base: str, user: User | None) -> ListingDetail:
    creator = db.scalar(select(User.username).where(User.id == listing.creator_id)) or "?"
    head = summary(listing, creator, base)
    return ListingDetail(
        **head.model_dump(),
        description=listing.description,
        files=[FileOut(name=f.name, kind=f.kind, size=f.size, sha256=f.sha256,
                       url=f"{base}/listings/{listing.id}/files/{f.id}") for f in listing.files],
        images=[f"{base}/listings/{listing.id}/images/{i}" for i in range(len(listing.images or []))],
        remix_of=listing.remix_of,
        remix_allowed=Licence(listing.licence).remix_allowed,
        purchased=listing.price_cents > 0 and user is not None and can_download(db, listing, user),
        liked_by_me=user is not None and db.get(Like, (user.id, listing.id)) is not None,
    )
