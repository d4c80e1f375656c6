"""Paid listings over real HTTP: pending until the payment provider's signed webhook says paid.

The `test` provider's checkout page is driven like a browser would (GET the page, POST its form);
the provider then calls the hub's webhook over HTTP. Forged, stale and replayed webhooks are sent
by hand with the provider's secret (derived from the hub's, as the hub does) and Stripe's own
library checks that the signatures follow Stripe's published scheme.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import stripe

from hub.payments.provider import EventKind
from hub.payments.sandbox import SIGNATURE_HEADER, SandboxProvider
from hub.payments.signature import sign
from sync_client.errors import Conflict, PaymentRequired, PermissionDenied
from sync_client.models import Listing
from tests.hub.checkout import press
from tests.hub.fixtures import MakeClient
from tests.hub.services import SECRET, HubProcess
from tests.sync_client.test_market import _publish


def _provider(hub: HubProcess) -> SandboxProvider:
    return SandboxProvider.from_hub_secret(SECRET, hub.url)


def _paid_listing(hub: HubProcess, make_client: MakeClient, folder: Path) -> Listing:
    listing = _publish(make_client(hub), folder, price_cents=499)
    assert isinstance(listing, Listing)
    return listing


def _webhook(hub: HubProcess, event: dict[str, Any], secret: str, timestamp: int | None = None) -> httpx.Response:
    body = json.dumps(event).encode()
    header = sign(secret, body, int(time.time()) if timestamp is None else timestamp)
    return httpx.post(f"{hub.url}/payments/test/webhook", content=body, headers={SIGNATURE_HEADER: header})


def test_buying_is_pending_with_a_checkout_link_until_paid(hub: HubProcess, make_client: MakeClient,
                                                           tmp_path: Path) -> None:
    listing = _paid_listing(hub, make_client, tmp_path / "s")
    buyer = make_client(hub)
    answer = httpx.post(f"{hub.url}/listings/{listing.id}/purchases",
                        headers={"Authorization": f"Bearer {buyer.session.access_token()}"})
    assert answer.status_code == 402
    error = answer.json()["error"]
    checkout = error["checkout_url"]
    assert answer.headers["link"] == f'<{checkout}>; rel="payment"'
    assert error["purchase"]["state"] == "pending" and error["purchase"]["checkout_url"] == checkout
    assert checkout.startswith(f"{hub.url}/payments/test/checkout/")

    again = buyer.market.buy(listing.id)  # a second click: the same purchase, still pending
    assert (again.id, again.state, again.checkout_url) == (error["purchase"]["id"], "pending", checkout)
    seen = buyer.market.listing(listing.id)
    assert not seen.purchased and seen.purchase is not None and seen.purchase.state == "pending"

    with pytest.raises(PaymentRequired) as refused:  # pending opens nothing: not the files, not reviews
        buyer.market.get(listing.id, tmp_path / "b")
    assert refused.value.checkout_url == checkout  # the 402 points at the buyer's own checkout
    assert not (tmp_path / "b" / "planter.stl").exists()
    with pytest.raises(PermissionDenied):
        buyer.market.review(listing.id, 5)
    with pytest.raises(PermissionDenied):
        buyer.market.made_it(listing.id)


def test_checkout_pays_through_the_signed_webhook_and_a_refund_revokes(hub: HubProcess, make_client: MakeClient,
                                                                       tmp_path: Path) -> None:
    listing = _paid_listing(hub, make_client, tmp_path / "s")
    buyer = make_client(hub)
    pending = buyer.market.buy(listing.id)
    assert pending.checkout_url is not None

    paid_page = press(pending.checkout_url, "Pay")  # the provider calls the hub's webhook over HTTP
    assert paid_page.status_code == 200 and "Payment complete" in paid_page.text, paid_page.text
    assert buyer.market.purchase(pending.id).state == "paid"
    assert buyer.market.buy(listing.id).state == "paid"  # 200 now, no 402
    seen = buyer.market.listing(listing.id)
    assert seen.purchased and seen.purchase is not None and seen.purchase.checkout_url is None
    saved = buyer.market.get(listing.id, tmp_path / "b")
    assert "planter.stl" in [p.name for p in saved]
    buyer.market.review(listing.id, 4, "Prints well")

    refunded = httpx.post(httpx.URL(paid_page.url).join("refund"))
    assert refunded.status_code == 200 and "refunded" in refunded.text
    assert buyer.market.purchase(pending.id).state == "refunded"
    assert not buyer.market.listing(listing.id).purchased
    with pytest.raises(PaymentRequired, match="refunded"):
        buyer.market.get(listing.id, tmp_path / "again")
    with pytest.raises(PermissionDenied):
        buyer.market.review(listing.id, 5)
    stranger = make_client(hub)
    with pytest.raises(Exception, match="not found"):
        stranger.market.purchase(pending.id)  # a purchase is its buyer's alone


def test_forged_stale_and_replayed_webhooks_are_refused(hub: HubProcess, make_client: MakeClient,
                                                        tmp_path: Path) -> None:
    listing = _paid_listing(hub, make_client, tmp_path / "s")
    buyer = make_client(hub)
    purchase = buyer.market.buy(listing.id)
    provider = _provider(hub)
    session = provider.session(purchase.checkout_url.rsplit("/", 1)[1])  # type: ignore[union-attr]
    assert session is not None and session.purchase_id == purchase.id
    paid = provider.event(EventKind.PAID, session)

    forged = _webhook(hub, paid, "whsec_someone_elses_secret")
    stale = _webhook(hub, paid, provider.webhook_secret, timestamp=int(time.time()) - 3600)
    unsigned = httpx.post(f"{hub.url}/payments/test/webhook", content=json.dumps(paid).encode())
    body = json.dumps(paid).encode()
    tampered = httpx.post(f"{hub.url}/payments/test/webhook", content=body.replace(b"499", b"001"),
                          headers={SIGNATURE_HEADER: sign(provider.webhook_secret, body, int(time.time()))})
    odd = dict(paid, id="evt_test_odd", data={"object": [paid["data"]["object"]]})  # signed, but not an event
    shapeless = _webhook(hub, odd, provider.webhook_secret)
    for refused in (forged, stale, unsigned, tampered, shapeless):
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_webhook", refused.text
    assert buyer.market.purchase(purchase.id).state == "pending"

    cheap = provider.event(EventKind.PAID, session)  # correctly signed, but not the price
    cheap["data"]["object"]["amount_total"] = 1
    assert _webhook(hub, cheap, provider.webhook_secret).status_code == 422
    assert buyer.market.purchase(purchase.id).state == "pending"

    assert _webhook(hub, paid, provider.webhook_secret).status_code == 200
    assert buyer.market.purchase(purchase.id).state == "paid"
    assert _webhook(hub, provider.event(EventKind.REFUNDED, session), provider.webhook_secret).status_code == 200
    replay = _webhook(hub, paid, provider.webhook_secret)  # the same payment event, freshly timed
    assert replay.status_code == 409 and replay.json()["error"]["code"] == "duplicate_event"
    assert buyer.market.purchase(purchase.id).state == "refunded"  # the replay did not buy it back


def test_signatures_follow_stripes_scheme() -> None:
    """Stripe's own verifier accepts what the test provider signs, and refuses it once stale."""
    provider = SandboxProvider.from_hub_secret(SECRET, "http://127.0.0.1:1")
    body = b'{"id": "evt_1", "type": "checkout.session.completed"}'
    secret = provider.webhook_secret
    now = int(time.time())
    header = sign(provider.webhook_secret, body, now)
    assert stripe.WebhookSignature.verify_header(body.decode(), header, secret, tolerance=300)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(body.decode(), sign(provider.webhook_secret, body, now - 3600),
                                              secret, tolerance=300)


def test_a_hub_without_a_payment_provider_sells_nothing(sqlite_hub: HubProcess, make_client: MakeClient,
                                                        tmp_path: Path) -> None:
    listing = _paid_listing(sqlite_hub, make_client, tmp_path / "s")
    buyer = make_client(sqlite_hub)
    answer = httpx.post(f"{sqlite_hub.url}/listings/{listing.id}/purchases",
                        headers={"Authorization": f"Bearer {buyer.session.access_token()}"})
    assert answer.status_code == 409 and "payment provider" in answer.json()["error"]["message"]
    with pytest.raises(Conflict, match="payment provider"):  # said at once, not retried as if the hub were down
        buyer.market.buy(listing.id)
    with pytest.raises(PaymentRequired):
        buyer.market.get(listing.id, tmp_path / "b")
    assert httpx.post(f"{sqlite_hub.url}/payments/test/webhook", content=b"{}").status_code == 404
    assert buyer.market.listing(listing.id).purchase is None
