"""Likes, makes, collections, comments, reviews (only from people who downloaded or bought) and reports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response

from hub.errors import ERROR_SCHEMA, ApiError, forbidden, not_found
from hub.models import Collection, CollectionItem, Like, Listing, ListingComment, Make, Report, Review, User
from hub.params import Id
from hub.present import has_downloaded
from hub.schemas import CollectionCreate, CollectionOut, CommentCreate, CommentOut, ReportIn, ReviewIn, ReviewOut
from hub.security import DB, CurrentUser
from hub.state import hub_of

router = APIRouter(tags=["social"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA, 422: ERROR_SCHEMA})


def _listing(db: DB, listing_id: int) -> Listing:
    listing = db.get(Listing, listing_id)
    if listing is None:
        raise not_found("This listing")
    return listing


def _recount_likes(db: DB, request: Request, listing_id: int) -> None:
    hub_of(request).results.clear()  # "popular" order changes with likes
    count = select(func.count()).where(Like.listing_id == listing_id).scalar_subquery()
    db.execute(update(Listing).where(Listing.id == listing_id).values(likes=count))


@router.put("/listings/{listing_id}/like", status_code=204)
def like(listing_id: Id, request: Request, db: DB, user: CurrentUser) -> Response:
    _listing(db, listing_id)
    if db.get(Like, (user.id, listing_id)) is None:
        db.add(Like(user_id=user.id, listing_id=listing_id))
        db.flush()
        _recount_likes(db, request, listing_id)
        db.commit()
    return Response(status_code=204)


@router.delete("/listings/{listing_id}/like", status_code=204)
def unlike(listing_id: Id, request: Request, db: DB, user: CurrentUser) -> Response:
    _listing(db, listing_id)
    db.execute(delete(Like).where(Like.user_id == user.id, Like.listing_id == listing_id))
    _recount_likes(db, request, listing_id)
    db.commit()
    return Response(status_code=204)


@router.post("/listings/{listing_id}/makes", status_code=204, responses={403: ERROR_SCHEMA})
def made_it(listing_id: Id, db: DB, user: CurrentUser) -> Response:
    """'I printed this' — from people who downloaded it, once each: saying it again changes nothing
    (the makes row's key refuses a second one, even from two requests at the same moment)."""
    listing = _listing(db, listing_id)
    if not has_downloaded(db, listing, user):
        raise forbidden("Download the model before saying you made it.")
    if db.get(Make, (user.id, listing_id)) is None:
        db.add(Make(user_id=user.id, listing_id=listing_id))
        try:
            db.flush()
        except IntegrityError:
            db.rollback()
            return Response(status_code=204)
        db.execute(update(Listing).where(Listing.id == listing_id).values(makes=Listing.makes + 1))
        db.commit()
    return Response(status_code=204)


def _collection_out(db: DB, collection: Collection) -> CollectionOut:
    ids = db.scalars(select(CollectionItem.listing_id).where(CollectionItem.collection_id == collection.id)
                     .order_by(CollectionItem.listing_id)).all()
    return CollectionOut(id=collection.id, name=collection.name, listing_ids=list(ids))


@router.get("/collections", response_model=list[CollectionOut])
def my_collections(db: DB, user: CurrentUser) -> list[CollectionOut]:
    rows = db.scalars(select(Collection).where(Collection.user_id == user.id).order_by(Collection.id)).all()
    return [_collection_out(db, c) for c in rows]


@router.post("/collections", status_code=201, response_model=CollectionOut, responses={409: ERROR_SCHEMA})
def create_collection(body: CollectionCreate, db: DB, user: CurrentUser) -> CollectionOut:
    collection = Collection(user_id=user.id, name=body.name)
    db.add(collection)
    try:
        db.commit()
    except IntegrityError:
        raise ApiError(409, "collection_exists", f"You already have a collection named '{body.name}'.") from None
    return _collection_out(db, collection)


def _own_collection(db: DB, user: User, collection_id: int) -> Collection:
    collection = db.get(Collection, collection_id)
    if collection is None or collection.user_id != user.id:
        raise not_found("This collection")
    return collection


@router.put("/collections/{collection_id}/items/{listing_id}", response_model=CollectionOut)
def collect(collection_id: Id, listing_id: Id, db: DB, user: CurrentUser) -> CollectionOut:
    collection = _own_collection(db, user, collection_id)
    _listing(db, listing_id)
    if db.get(CollectionItem, (collection_id, listing_id)) is None:
        db.add(CollectionItem(collection_id=collection_id, listing_id=listing_id))
        db.commit()
    return _collection_out(db, collection)


@router.delete("/collections/{collection_id}/items/{listing_id}", response_model=CollectionOut)
def uncollect(collection_id: Id, listing_id: Id, db: DB, user: CurrentUser) -> CollectionOut:
    collection = _own_collection(db, user, collection_id)
    db.execute(delete(CollectionItem).where(CollectionItem.collection_id == collection_id,
                                            CollectionItem.listing_id == listing_id))
    db.commit()
    return _collection_out(db, collection)


@router.get("/listings/{listing_id}/comments", response_model=list[CommentOut])
def comments(listing_id: Id, db: DB) -> list[CommentOut]:
    _listing(db, listing_id)
    rows = db.execute(select(ListingComment, User.username).join(User, User.id == ListingComment.user_id)
                      .where(ListingComment.listing_id == listing_id).order_by(ListingComment.id)).all()
    return [CommentOut(id=c.id, author=name, body=c.body, parent_id=c.parent_id, created_at=c.created_at)
            for c, name in rows]


@router.post("/listings/{listing_id}/comments", status_code=201, response_model=CommentOut)
def add_comment(listing_id: Id, body: CommentCreate, db: DB, user: CurrentUser) -> CommentOut:
    _listing(db, listing_id)
    if body.parent_id is not None:
        parent = db.get(ListingComment, body.parent_id)
        if parent is None or parent.listing_id != listing_id:
            raise ApiError(422, "bad_parent", "The comment you reply to is not on this listing.")
    comment = ListingComment(listing_id=listing_id, user_id=user.id, parent_id=body.parent_id, body=body.body)
    db.add(comment)
    db.commit()
    return CommentOut(id=comment.id, author=user.username, body=comment.body, parent_id=comment.parent_id,
                      created_at=comment.created_at)


@router.get("/listings/{listing_id}/reviews", response_model=list[ReviewOut])
def reviews(listing_id: Id, db: DB) -> list[ReviewOut]:
    _listing(db, listing_id)
    rows = db.execute(select(Review, User.username).join(User, User.id == Review.user_id)
                      .where(Review.listing_id == listing_id).order_by(Review.created_at)).all()
    return [ReviewOut(author=name, rating=r.rating, body=r.body, created_at=r.created_at) for r, name in rows]


@router.put("/listings/{listing_id}/review", response_model=ReviewOut, responses={403: ERROR_SCHEMA})
def review(listing_id: Id, body: ReviewIn, db: DB, user: CurrentUser) -> ReviewOut:
    listing = _listing(db, listing_id)
    if not has_downloaded(db, listing, user):
        raise forbidden("Only people who downloaded or bought this model can review it.")
    row = db.get(Review, (user.id, listing_id))
    if row is None:
        row = Review(user_id=user.id, listing_id=listing_id, rating=body.rating, body=body.body)
        db.add(row)
    else:
        row.rating, row.body = body.rating, body.body
    db.commit()
    return ReviewOut(author=user.username, rating=row.rating, body=row.body, created_at=row.created_at)


@router.post("/listings/{listing_id}/reports", status_code=202)
def report(listing_id: Id, body: ReportIn, db: DB, user: CurrentUser) -> dict[str, str]:
    _listing(db, listing_id)
    db.add(Report(listing_id=listing_id, user_id=user.id, reason=body.reason))
    db.commit()
    return {"status": "received"}
