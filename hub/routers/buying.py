"""Paid listings: the checkout link and the purchase record that gates downloads.

The reference hub implements the record and the gate, not a payment processor: a hosted hub
would create the purchase from its processor's webhook; here `POST /purchases` stands in for it.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.models import Listing, Purchase
from hub.params import Id
from hub.schemas import Checkout
from hub.security import DB, CurrentUser
from hub.state import hub_of

router = APIRouter(tags=["buying"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA, 409: ERROR_SCHEMA})


def _paid_listing(db: DB, listing_id: int) -> Listing:
    listing = db.get(Listing, listing_id)
    if listing is None:
        raise not_found("This listing")
    if listing.price_cents == 0:
        raise ApiError(409, "free_listing", f"'{listing.title}' is free; download it directly.")
    return listing


@router.post("/listings/{listing_id}/checkout", response_model=Checkout)
def checkout(listing_id: Id, request: Request, db: DB, _user: CurrentUser) -> Checkout:
    listing = _paid_listing(db, listing_id)
    return Checkout(checkout_url=f"{hub_of(request).config.public_url}/checkout/{listing.id}",
                    price_cents=listing.price_cents)


@router.get("/checkout/{listing_id}", include_in_schema=False)
def checkout_page(listing_id: Id, db: DB) -> HTMLResponse:
    listing = _paid_listing(db, listing_id)
    return HTMLResponse(f"<!doctype html><title>Checkout</title><h1>Checkout</h1><p>{listing.price_cents / 100:.2f}"
                        " — payments are handled by the marketplace operator's processor.</p>")


@router.post("/listings/{listing_id}/purchases", status_code=201)
def record_purchase(listing_id: Id, db: DB, user: CurrentUser) -> dict[str, int]:
    listing = _paid_listing(db, listing_id)
    if db.get(Purchase, (user.id, listing_id)) is None:
        db.add(Purchase(user_id=user.id, listing_id=listing_id, price_cents=listing.price_cents))
        db.commit()
    return {"listing_id": listing.id, "price_cents": listing.price_cents}
