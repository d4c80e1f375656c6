"""Paying like a buyer does: in the browser, on the `test` payment provider's checkout page."""

from __future__ import annotations

import re

import httpx

from sync_client.client import HubClient

FORM = re.compile(r'<form method=post action="([^"]+)"><button type=submit>([^<]+)</button>')


def press(page_url: str, button: str) -> httpx.Response:
    """Read the page and submit the form whose button starts with `button`, as a browser would."""
    page = httpx.get(page_url)
    assert page.status_code == 200, page.text
    action = next(a for a, label in FORM.findall(page.text) if label.startswith(button))
    return httpx.post(httpx.URL(page_url).join(action))


def buy_and_pay(client: HubClient, listing_id: int) -> httpx.Response:
    """Start buying and press Pay on the checkout; the provider's webhook then marks it paid."""
    checkout = client.market.buy(listing_id).checkout_url
    assert checkout is not None
    done = press(checkout, "Pay")
    assert done.status_code == 200 and "Payment complete" in done.text, done.text
    return done
