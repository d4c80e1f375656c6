"""Marketplace listings: search, detail, publish, files, thumbnails, the parametric document."""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from sqlalchemy import select, update
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from core.document.document import Document
from core.errors import PotStudioError
from hub.db import utcnow
from hub.errors import ERROR_SCHEMA, ApiError, forbidden, not_found
from hub.http import conditional_bytes, conditional_json, matches
from hub.languages import best_language
from hub.models import Category, CategoryTitle, Download, Listing, ListingFile, ListingTag, Upload, User
from hub.params import Id, Index
from hub.present import can_download, detail, purchase_of, search_page_json
from hub.routers.buying import PAYMENT_REQUIRED_SCHEMA, payment_required
from hub.schemas import CategoryOut, Licence, ListingCreate, ListingDetail, SearchPage, Sort
from hub.search import Query as SearchQuery
from hub.search import search
from hub.security import DB, CurrentUser, OptionalUser
from hub.state import HubState, hub_of

router = APIRouter(tags=["listings"], responses={404: ERROR_SCHEMA, 422: ERROR_SCHEMA})
BINARY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
PNG = {"description": "A PNG image", "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}


def _listing(db: DB, listing_id: int) -> Listing:
    listing = db.get(Listing, listing_id)
    if listing is None:
        raise not_found("This listing")
    return listing


@router.get("/categories", response_model=list[CategoryOut])
def categories(db: DB, response: Response,
               accept_language: Annotated[str, Header(max_length=500)] = "") -> list[CategoryOut]:
    """Named in the client's language where the hub has the words (Accept-Language), in English otherwise."""
    rows = db.scalars(select(Category).order_by(Category.slug)).all()
    translated = db.execute(select(CategoryTitle.language, CategoryTitle.slug, CategoryTitle.title)).all()
    language = best_language(accept_language, {t.language for t in translated})
    names = {t.slug: t.title for t in translated if t.language == language}
    response.headers["Vary"] = "Accept-Language"
    response.headers["Content-Language"] = language or "en"
    return [CategoryOut(slug=c.slug, title=names.get(c.slug, c.title), parent=c.parent) for c in rows]


@router.get("/listings", response_model=SearchPage, responses={
    304: {"description": "Not modified"}, 400: {**ERROR_SCHEMA, "description": "Not a page cursor"}})
async def list_listings(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    category: Annotated[str | None, Query(max_length=60)] = None,
    tag: Annotated[str | None, Query(max_length=40)] = None,
    licence: Licence | None = None,
    price: Annotated[str | None, Query(pattern="^(free|paid)$")] = None,
    creator: Annotated[str | None, Query(max_length=40)] = None,
    has_parameters: bool | None = None,
    sort: Sort = Sort.RELEVANCE,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 24,
) -> Response:
    """Async on purpose: a repeated search is answered from the result cache on the event loop,
    with no database session and no hop to the thread pool; only a miss does either."""
    hub = hub_of(request)
    key = str(sorted(request.query_params.multi_items()))
    found = hub.results.lookup(key)
    body = found.body
    if body is None:
        query = SearchQuery(q=q, category=category, tag=tag, licence=licence, price=price, creator=creator,
                            has_parameters=has_parameters, sort=sort, cursor=cursor, limit=limit)
        body = await run_in_threadpool(_search_body, hub, query, key, found.generation)
    return conditional_bytes(request, body)


def _search_body(hub: HubState, query: SearchQuery, key: str, generation: int) -> bytes:
    """On a pool thread: the search, its JSON, and keeping it for the next asker (off the event loop)."""
    with hub.read_only().connect() as conn:  # a replica when configured: searches are most of the traffic
        page = search(conn, query)
    body = search_page_json(page, hub.config.public_url)
    hub.results.put(key, body, generation)
    return body


@router.get("/listings/{listing_id}", response_model=ListingDetail)
def get_listing(listing_id: Id, request: Request, db: DB, user: OptionalUser) -> Response:
    listing = _listing(db, listing_id)
    return conditional_json(request, detail(db, listing, hub_of(request).config.public_url, user))


@router.get("/listings/{listing_id}/remixes", response_model=list[int])
def remixes(listing_id: Id, db: DB) -> list[int]:
    _listing(db, listing_id)
    return list(db.scalars(select(Listing.id).where(Listing.remix_of == listing_id, Listing.unlisted_at.is_(None))
                           .order_by(Listing.id)))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:100] or "model"


def _completed_upload(db: DB, user: User, upload_id: str) -> Upload:
    upload = db.get(Upload, upload_id)
    if upload is None or upload.user_id != user.id:
        raise ApiError(422, "unknown_upload", f"Upload '{upload_id}' is not one of yours.")
    if upload.sha256 is None:
        raise ApiError(422, "upload_incomplete", f"Upload '{upload_id}' has not finished; resume it first.")
    return upload


@router.post("/listings", status_code=201, response_model=ListingDetail,
             responses={401: ERROR_SCHEMA, 409: ERROR_SCHEMA})
def publish(body: ListingCreate, request: Request, db: DB, user: CurrentUser) -> Response:
    if db.get(Category, body.category) is None:
        raise ApiError(422, "unknown_category", f"There is no category '{body.category}'.")
    has_parameters = False
    if body.document is not None:
        try:
            has_parameters = bool(Document.from_json(body.document).params)
        except PotStudioError as exc:
            raise ApiError(422, "bad_document", f"The parametric document is not valid: {exc}") from None
    if body.remix_of is not None:
        original = _listing(db, body.remix_of)
        if not Licence(original.licence).remix_allowed:
            raise ApiError(409, "remix_forbidden",
                           f"'{original.title}' is under {original.licence}, which does not allow remixes.")
    thumb = _completed_upload(db, user, body.thumbnail_upload_id).sha256 if body.thumbnail_upload_id else None
    images = [_completed_upload(db, user, u).sha256 or "" for u in body.image_upload_ids]
    tags = sorted(set(body.tags))
    listing = Listing(
        slug=uuid.uuid4().hex, title=body.title, description=body.description, creator_id=user.id,
        category=body.category, licence=body.licence.value, price_cents=body.price_cents,
        tags_text=" ".join(tags), document=body.document, has_parameters=has_parameters,
        remix_of=body.remix_of, thumbnail_sha=thumb, images=images,
    )
    db.add(listing)
    db.flush()
    listing.slug = f"{_slug(body.title)}-{listing.id}"
    for ref in body.files:
        upload = _completed_upload(db, user, ref.upload_id)
        db.add(ListingFile(listing_id=listing.id, name=ref.name, kind=ref.name.rsplit(".", 1)[1].lower(),
                           size=upload.length, sha256=upload.sha256 or ""))
    db.add_all(ListingTag(listing_id=listing.id, tag=t) for t in tags)
    db.commit()
    hub_of(request).results.clear()
    db.refresh(listing)
    base = hub_of(request).config.public_url
    payload = detail(db, listing, base, user)
    return Response(payload.model_dump_json(), 201, media_type="application/json",
                    headers={"Location": f"{base}/listings/{listing.id}"})


@router.delete("/listings/{listing_id}", status_code=204, responses={401: ERROR_SCHEMA, 403: ERROR_SCHEMA})
def unpublish(listing_id: Id, request: Request, db: DB, user: CurrentUser) -> Response:
    """Unlist: out of search and browse at once, while its buyers keep their files and remixes keep
    their link to it (so the row stays; deleting it would take both away)."""
    listing = _listing(db, listing_id)
    if listing.creator_id != user.id:
        raise forbidden("Only the creator can take a listing down.")
    if listing.unlisted_at is None:
        listing.unlisted_at = listing.updated_at = utcnow()
        db.commit()
    hub_of(request).results.clear()
    return Response(status_code=204)


@router.get("/listings/{listing_id}/document", responses={402: PAYMENT_REQUIRED_SCHEMA})
def listing_document(listing_id: Id, request: Request, db: DB, user: OptionalUser) -> Response:
    listing = _listing(db, listing_id)
    if listing.document is None:
        raise not_found("A parametric document for this listing")
    if not can_download(db, listing, user):
        raise payment_required(listing, hub_of(request).config.public_url, purchase_of(db, listing.id, user))
    return conditional_json(request, listing.document)


@router.get("/listings/{listing_id}/files/{file_id}", response_class=Response, responses={
    200: {"description": "The model file", "content": BINARY}, 206: {"description": "Partial", "content": BINARY},
    402: PAYMENT_REQUIRED_SCHEMA})
def download(listing_id: Id, file_id: Id, request: Request, db: DB, user: OptionalUser) -> Response:
    listing = _listing(db, listing_id)
    item = db.get(ListingFile, file_id)
    if item is None or item.listing_id != listing.id:
        raise not_found("This file")
    hub = hub_of(request)
    if not can_download(db, listing, user):
        raise payment_required(listing, hub.config.public_url, purchase_of(db, listing.id, user))
    if "range" not in request.headers:
        _count_download(db, listing, user)
    return hub.blobs.response(item.sha256, "application/octet-stream", filename=item.name,
                              headers={"ETag": f'"{item.sha256}"', "Cache-Control": "private, no-store"})


def _count_download(db: DB, listing: Listing, user: User | None) -> None:
    db.execute(update(Listing).where(Listing.id == listing.id).values(downloads=Listing.downloads + 1))
    if user is not None and db.get(Download, (user.id, listing.id)) is None:
        db.add(Download(user_id=user.id, listing_id=listing.id))
    db.commit()


def _image(request: Request, sha: str | None) -> Response:
    if not sha:
        raise not_found("This image")
    etag = f'"{sha}"'
    headers: dict[str, Any] = {"ETag": etag, "Cache-Control": "public, no-cache"}
    if matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return hub_of(request).blobs.response(sha, "image/png", headers)


@router.get("/listings/{listing_id}/thumbnail", response_class=Response, responses={200: PNG})
def thumbnail(listing_id: Id, request: Request, db: DB) -> Response:
    """Reads the digest alone, not the listing: a page of results asks for two dozen of these at once."""
    found = db.execute(select(Listing.thumbnail_sha).where(Listing.id == listing_id)).first()
    if found is None:
        raise not_found("This listing")
    return _image(request, found.thumbnail_sha)


@router.get("/listings/{listing_id}/images/{index}", response_class=Response, responses={200: PNG})
def image(listing_id: Id, index: Index, request: Request, db: DB) -> Response:
    images = _listing(db, listing_id).images or []
    return _image(request, images[index] if 0 <= index < len(images) else None)


