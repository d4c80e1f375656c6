"""ORM rows -> wire models; URLs are built from the hub's public address."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic_core import to_json
from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from hub.models import Download, Like, Listing, Purchase, PurchaseState, User
from hub.schemas import FileOut, Licence, ListingDetail, ListingSummary, PurchaseOut, utc

if TYPE_CHECKING:
    from hub.search import Page


def summary(listing: Listing | Row[Any], creator: str, base: str) -> ListingSummary:
    """A result card from a Listing or a search row (hub.search.SUMMARY_COLUMNS: same attribute names)."""
    return ListingSummary(
        id=listing.id, slug=listing.slug, title=listing.title, creator=creator, category=listing.category,
        licence=Licence(listing.licence), price_cents=listing.price_cents, tags=listing.tags_text.split(),
        has_parameters=listing.has_parameters,
        thumbnail_url=f"{base}/listings/{listing.id}/thumbnail" if listing.thumbnail_sha else None,
        downloads=listing.downloads, likes=listing.likes, makes=listing.makes, created_at=listing.created_at,
    )


def search_page_json(page: Page, base: str) -> bytes:
    """The SearchPage body of a search page, written straight from its rows: the same bytes as
    SearchPage(...).model_dump_json() (tests/hub/test_search_body.py holds them equal), without building
    and validating a model per card, which was a fifth of a search's CPU. The rows are the hub's own."""
    items = [{
        "id": id_, "slug": slug, "title": title, "creator": creator, "category": category, "licence": licence,
        "price_cents": price_cents, "tags": tags_text.split(), "has_parameters": has_parameters,
        "thumbnail_url": f"{base}/listings/{id_}/thumbnail" if thumbnail_sha else None,
        "downloads": downloads, "likes": likes, "makes": makes, "created_at": utc(created_at),
    } for (id_, slug, title, category, licence, price_cents, tags_text, has_parameters, thumbnail_sha, downloads,
           likes, makes, created_at, creator, *_) in page.rows]  # hub.search.SUMMARY_COLUMNS, in their order
    return to_json({"total": page.total, "items": items, "next_cursor": page.next_cursor})


def purchase_of(db: Session, listing_id: int, user: User | None) -> Purchase | None:
    if user is None:
        return None
    return db.scalar(select(Purchase).where(Purchase.user_id == user.id, Purchase.listing_id == listing_id))


def can_download(db: Session, listing: Listing, user: User | None) -> bool:
    """Free listings are open to all; a paid one to its creator and to buyers whose payment the
    provider confirmed (pending and refunded purchases open nothing)."""
    if listing.price_cents == 0:
        return True
    if user is None:
        return False
    if user.id == listing.creator_id:
        return True
    purchase = purchase_of(db, listing.id, user)
    return purchase is not None and purchase.state == PurchaseState.PAID


def has_downloaded(db: Session, listing: Listing, user: User) -> bool:
    """May review or say "I made it": a paid listing's buyers while paid, a free one's downloaders."""
    if listing.price_cents > 0:
        return can_download(db, listing, user)
    return db.get(Download, (user.id, listing.id)) is not None


def purchase_out(purchase: Purchase) -> PurchaseOut:
    pending = purchase.state == PurchaseState.PENDING
    return PurchaseOut(id=purchase.id, listing_id=purchase.listing_id, state=PurchaseState(purchase.state),
                       price_cents=purchase.price_cents, checkout_url=purchase.checkout_url if pending else None,
                       created_at=purchase.created_at, updated_at=purchase.updated_at)


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
        unlisted=listing.unlisted_at is not None,
        mine=user is not None and user.id == listing.creator_id,
        purchase=purchase_out(purchase) if (purchase := purchase_of(db, listing.id, user)) else None,
    )
