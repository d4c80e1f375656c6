"""The app's own local hub sells through the `test` payment provider: buying is pending with a
checkout on that hub, and pressing Pay there (its webhook, over HTTP to the same hub) makes it paid."""

from __future__ import annotations

from pathlib import Path

from desktop.embedded_hub import EmbeddedHub, open_embedded
from sync_client.client import HubClient
from tests.desktop.market_support import publish_planter, signed_in
from tests.hub.checkout import press


def test_the_local_hub_sells_through_the_test_checkout(tmp_path: Path) -> None:
    hub = EmbeddedHub(root=tmp_path / "hub", port=0, seed_count=0)
    seller: HubClient = open_embedded(hub, tmp_path / "seller")
    try:
        listing = publish_planter(seller, tmp_path / "files", "Local paid planter", price_cents=150)
        buyer = signed_in(hub.url, tmp_path)
        pending = buyer.market.buy(listing.id)
        assert pending.state == "pending" and pending.checkout_url is not None
        assert pending.checkout_url.startswith(f"{hub.url}/payments/test/checkout/")
        assert "Payment complete" in press(pending.checkout_url, "Pay").text
        assert buyer.market.purchase(pending.id).state == "paid" and buyer.market.listing(listing.id).purchased
        buyer.close()
    finally:
        seller.close()
        hub.stop()
