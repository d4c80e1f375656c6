"""Paid listings: purchases that wait for the payment provider, its checkout, and its webhook.

Buying is two steps, as with any hosted checkout: `POST /listings/{id}/purchases` records a pending
purchase and answers 402 with a `Link: <checkout>; rel="payment"` to the provider's page; the buyer
pays there, and the provider's signed webhook (`POST /payments/{provider}/webhook`) marks the
purchase paid, which is what opens the files and reviews. A refund event revokes it again. The
client never says "I paid": nothing it sends can unlock a paid file.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse

from hub.db import utcnow
from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.models import Listing, PaymentEvent, Purchase, PurchaseState, User
from hub.params import Id
from hub.payments import sandbox
from hub.payments.provider import BadWebhook, EventKind, PaymentProvider, WebhookEvent
from hub.payments.registry import provider_for
from hub.present import purchase_of, purchase_out
from hub.schemas import Checkout, PurchaseOut
from hub.security import DB, CurrentUser
from hub.state import HubState, hub_of

log = logging.getLogger(__name__)
CURRENCY = "usd"  # prices are cents of the one currency the marketplace shows ("$ 2.50")
MAX_WEBHOOK_BYTES = 64 * 1024
ProviderName = Annotated[str, Path(max_length=20)]
PurchaseId = Annotated[str, Path(max_length=40)]

PAYMENT_REQUIRED_SCHEMA = {
    "description": "Payment required: pay at the checkout the Link header (rel=\"payment\") points to",
    "headers": {"Link": {"schema": {"type": "string"}, "description": '<checkout URL>; rel="payment"'}},
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message", "checkout_url"], "properties": {
            "code": {"type": "string"}, "message": {"type": "string"}, "checkout_url": {"type": "string"},
            "purchase": {"$ref": "#/components/schemas/PurchaseOut"}}}},
    }}},
}

router = APIRouter(tags=["buying"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA, 409: ERROR_SCHEMA})
router.include_router(sandbox.router)


def payment_required(listing: Listing, base: str, purchase: Purchase | None) -> ApiError:
    """402 for a paid listing the caller has not paid for, pointing at where to pay: their pending
    checkout if they started one, else the listing's buy page."""
    pending = purchase.checkout_url if purchase is not None and purchase.state == PurchaseState.PENDING else None
    url = pending or f"{base}/checkout/{listing.id}"
    price = f"{listing.price_cents / 100:.2f}"
    if pending:
        message = f"Your purchase of '{listing.title}' waits for the payment; finish it at the checkout."
    elif purchase is not None and purchase.state == PurchaseState.REFUNDED:
        message = f"Your purchase of '{listing.title}' was refunded; buy it again ({price}) to download."
    else:
        message = f"'{listing.title}' costs {price}; buy it to download."
    extra: dict[str, object] = {"checkout_url": url}
    if purchase is not None:
        extra["purchase"] = purchase_out(purchase).model_dump(mode="json")
    return ApiError(402, "payment_required", message, headers={"Link": f'<{url}>; rel="payment"'}, extra=extra)


def _provider(hub: HubState) -> PaymentProvider:
    provider = provider_for(hub.config)
    if provider is None:
        raise ApiError(409, "payments_unavailable",
                       "This hub does not sell paid listings: it was started without a payment provider.")
    return provider


def _paid_listing(db: DB, listing_id: int) -> Listing:
    listing = db.get(Listing, listing_id)
    if listing is None:
        raise not_found("This listing")
    if listing.price_cents == 0:
        raise ApiError(409, "free_listing", f"'{listing.title}' is free; download it directly.")
    return listing


def _open_purchase(db: Session, hub: HubState, user: User, listing: Listing) -> Purchase:
    """The caller's purchase of `listing`: as it is once paid, else pending with a fresh checkout.

    Asking again (a second click, a lost answer) gives the same purchase, never a second one.
    """
    if listing.creator_id == user.id:
        raise ApiError(409, "own_listing", f"'{listing.title}' is your own listing; you can download it already.")
    purchase = purchase_of(db, listing.id, user)
    if purchase is not None and purchase.state == PurchaseState.PAID:
        return purchase
    if listing.unlisted_at is not None:
        raise ApiError(409, "unlisted", f"'{listing.title}' is no longer listed; it cannot be bought.")
    provider = _provider(hub)
    if purchase is None:
        purchase = Purchase(id=f"pur_{uuid.uuid4().hex}", user_id=user.id, listing_id=listing.id,
                            price_cents=listing.price_cents, state=PurchaseState.PENDING, provider=provider.name)
        db.add(purchase)
    else:  # pending, or refunded and bought again
        purchase.state, purchase.provider, purchase.updated_at = PurchaseState.PENDING, provider.name, utcnow()
    session = provider.create_checkout(purchase.id, purchase.price_cents, CURRENCY)
    purchase.checkout_id, purchase.checkout_url = session.id, session.url
    try:
        db.commit()
    except IntegrityError:  # the same buyer's request a moment earlier created it
        db.rollback()
        existing = purchase_of(db, listing.id, user)
        if existing is None:
            raise
        return existing
    return purchase


@router.post("/listings/{listing_id}/purchases", response_model=PurchaseOut,
             responses={402: PAYMENT_REQUIRED_SCHEMA, 409: ERROR_SCHEMA})
def buy(listing_id: Id, request: Request, db: DB, user: CurrentUser) -> PurchaseOut:
    """Start buying (or see where the purchase stands): 402 with the checkout link until the payment
    provider confirms the payment, then 200 with the paid purchase."""
    hub = hub_of(request)
    listing = _paid_listing(db, listing_id)
    purchase = _open_purchase(db, hub, user, listing)
    if purchase.state != PurchaseState.PAID:
        raise payment_required(listing, hub.config.public_url, purchase)
    return purchase_out(purchase)


@router.post("/listings/{listing_id}/checkout", response_model=Checkout, responses={409: ERROR_SCHEMA})
def checkout(listing_id: Id, request: Request, db: DB, user: CurrentUser) -> Checkout:
    """The same purchase as POST /purchases, answered as a plain checkout link (200)."""
    listing = _paid_listing(db, listing_id)
    purchase = _open_purchase(db, hub_of(request), user, listing)
    if purchase.state == PurchaseState.PAID or purchase.checkout_url is None:
        raise ApiError(409, "already_bought", f"You have bought '{listing.title}' already.")
    return Checkout(checkout_url=purchase.checkout_url, price_cents=purchase.price_cents)


@router.get("/purchases/{purchase_id}", response_model=PurchaseOut)
def get_purchase(purchase_id: PurchaseId, db: DB, user: CurrentUser) -> PurchaseOut:
    purchase = db.get(Purchase, purchase_id)
    if purchase is None or purchase.user_id != user.id:
        raise not_found("This purchase")
    return purchase_out(purchase)


@router.get("/checkout/{listing_id}", include_in_schema=False)
def checkout_page(listing_id: Id, db: DB) -> HTMLResponse:
    """Where a 402 points someone who has not started buying (a browser has no session to buy with)."""
    listing = _paid_listing(db, listing_id)
    return HTMLResponse(f"<!doctype html><title>Checkout</title><h1>Checkout</h1><p>{listing.price_cents / 100:.2f}"
                        " — open this listing in 3D Pot Studio and press Buy: it takes you to the payment page"
                        " of your account.</p>", headers=sandbox.PAGE_HEADERS)


async def _raw_body(request: Request) -> bytes:
    """The exact bytes the provider signed, refused past MAX_WEBHOOK_BYTES before more is read."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_WEBHOOK_BYTES:
            raise ApiError(413, "too_large", f"A payment webhook is at most {MAX_WEBHOOK_BYTES} bytes.")
    return bytes(body)


@router.post("/payments/{provider_name}/webhook", include_in_schema=False)
async def webhook(provider_name: ProviderName, request: Request) -> JSONResponse:
    """Called by the payment provider, never by a client: signed, fresh, and each event applied once."""
    hub = hub_of(request)
    provider = provider_for(hub.config)
    if provider is None or provider.name != provider_name:
        raise not_found("This payment webhook")
    body = await _raw_body(request)
    try:
        event = provider.verify(body, request.headers, time.time())
    except BadWebhook as exc:
        log.warning("refused a %s payment webhook: %s", provider_name, exc)
        raise ApiError(400, "bad_webhook", str(exc)) from None
    state = await run_in_threadpool(_apply, hub, provider.name, event)
    return JSONResponse({"status": "applied" if state else "ignored", "state": state})


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite drops the zone


def _apply(hub: HubState, provider_name: str, event: WebhookEvent) -> str | None:
    """The purchase's state after `event`, or None when the event changes nothing."""
    with hub.sessions() as db:
        db.add(PaymentEvent(provider=provider_name, event_id=event.id))
        try:
            db.flush()
        except IntegrityError:
            raise ApiError(409, "duplicate_event", f"Payment event {event.id} was applied already.") from None
        if event.kind is EventKind.OTHER:
            db.commit()
            return None
        purchase = db.get(Purchase, event.purchase_id)
        if purchase is None or purchase.provider != provider_name:
            raise ApiError(422, "unknown_purchase", f"There is no purchase '{event.purchase_id}' to apply the "
                                                    "payment event to.")
        if event.kind is EventKind.PAID:
            if event.amount_cents != purchase.price_cents:
                raise ApiError(422, "amount_mismatch", f"Purchase {purchase.id} costs {purchase.price_cents} "
                                                       f"cents; the payment was {event.amount_cents}.")
            if purchase.state == PurchaseState.REFUNDED and event.created <= _as_utc(purchase.updated_at).timestamp():
                db.commit()  # a payment older than the refund (events can arrive out of order) stays refunded
                return None
            purchase.state = PurchaseState.PAID
        else:
            purchase.state = PurchaseState.REFUNDED
        purchase.updated_at = utcnow()
        db.commit()
        log.info("purchase %s is %s (%s event %s)", purchase.id, purchase.state, provider_name, event.id)
        return purchase.state
