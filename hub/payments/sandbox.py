"""The `test` payment provider: a hosted checkout served by the hub itself, with real signed webhooks.

It stands where Stripe would, for the embedded hub and the tests: the buyer opens the checkout URL
in a browser and presses Pay (or Refund afterwards); the provider then calls the hub's webhook over
HTTP with a Stripe-shaped event, signed as Stripe signs (hub.payments.signature). Nothing is
charged. Its sessions carry their purchase and amount signed inside the session id, so they live
in no table and survive a restart. Never enable it on a hub that sells for real: anyone can press Pay.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

import httpx
from fastapi import APIRouter, Path, Request
from starlette.responses import HTMLResponse

from hub.payments.provider import BadWebhook, CheckoutSession, EventKind, WebhookEvent
from hub.payments.signature import sign, verify
from hub.state import hub_of

log = logging.getLogger(__name__)
SessionId = Annotated[str, Path(max_length=300)]
SIGNATURE_HEADER = "Payment-Signature"
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                           "frame-ancestors 'none'", "Cache-Control": "no-store"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@dataclass(frozen=True)
class Session:
    id: str
    purchase_id: str
    amount_cents: int
    currency: str


@dataclass(frozen=True)
class SandboxProvider:
    name: ClassVar[str] = "test"
    webhook_secret: str
    public_url: str

    @classmethod
    def from_hub_secret(cls, jwt_secret: str, public_url: str) -> SandboxProvider:
        """Its webhook secret is derived from the hub's signing secret (its own label, so neither
        key can stand in for the other): nothing more for a self-hoster to configure or leak."""
        key = hmac.new(jwt_secret.encode(), b"potstudio payments: test provider webhook", hashlib.sha256)
        return cls(f"whsec_{key.hexdigest()}", public_url.rstrip("/"))

    @property
    def webhook_url(self) -> str:
        return f"{self.public_url}/payments/{self.name}/webhook"

    def _mac(self, payload: str) -> str:
        mac = hmac.new(self.webhook_secret.encode(), b"session:" + payload.encode(), hashlib.sha256)
        return _b64(mac.digest()[:16])

    def create_checkout(self, purchase_id: str, amount_cents: int, currency: str) -> CheckoutSession:
        payload = _b64(json.dumps({"p": purchase_id, "a": amount_cents, "c": currency}, separators=(",", ":"))
                       .encode())
        session_id = f"cs_test_{payload}.{self._mac(payload)}"
        return CheckoutSession(session_id, f"{self.public_url}/payments/{self.name}/checkout/{session_id}")

    def session(self, session_id: str) -> Session | None:
        """The session a checkout URL names, or None when it is not one this provider made."""
        payload, _, mac = session_id.removeprefix("cs_test_").partition(".")
        if not session_id.startswith("cs_test_") or not hmac.compare_digest(mac.encode(), self._mac(payload).encode()):
            return None
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return Session(session_id, str(data["p"]), int(data["a"]), str(data["c"]))

    def event(self, kind: EventKind, session: Session) -> dict[str, Any]:
        """A Stripe-shaped event (docs.stripe.com/api/events/object) for what happened to `session`."""
        created = int(time.time())
        if kind is EventKind.PAID:
            obj: dict[str, Any] = {
                "id": session.id, "object": "checkout.session", "client_reference_id": session.purchase_id,
                "amount_total": session.amount_cents, "currency": session.currency, "payment_status": "paid",
                "metadata": {"purchase_id": session.purchase_id}}
            kind_name = "checkout.session.completed"
        else:
            obj = {"id": f"ch_test_{uuid.uuid4().hex}", "object": "charge", "amount_refunded": session.amount_cents,
                   "currency": session.currency, "refunded": True, "metadata": {"purchase_id": session.purchase_id}}
            kind_name = "charge.refunded"
        return {"id": f"evt_test_{uuid.uuid4().hex}", "object": "event", "type": kind_name, "created": created,
                "livemode": False, "data": {"object": obj}}

    def send(self, event: dict[str, Any]) -> httpx.Response:
        """Deliver `event` to the hub's webhook the way a provider does: POST, raw JSON, signed header."""
        body = json.dumps(event).encode()
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(self.webhook_secret, body,
                                                                              int(time.time()))}
        return httpx.post(self.webhook_url, content=body, headers=headers, timeout=30.0)

    def verify(self, body: bytes, headers: Mapping[str, str], now: float) -> WebhookEvent:
        verify(self.webhook_secret, body, headers.get(SIGNATURE_HEADER), now)
        return parse_event(body)


def parse_event(body: bytes) -> WebhookEvent:
    """The hub's view of a Stripe-shaped event: which purchase, paid or refunded, for how much."""
    try:
        event = json.loads(body)
        obj = event["data"]["object"]
        event_id, kind_name, created = event["id"], event["type"], event["created"]
    except (ValueError, KeyError, TypeError):
        raise BadWebhook("The webhook body is not a payment event.") from None
    if not isinstance(event_id, str) or not event_id or len(event_id) > 200 or type(created) is not int \
            or not isinstance(obj, dict):
        raise BadWebhook("The webhook event has no usable id, creation time or object.")
    metadata = obj.get("metadata")
    purchase_id = obj.get("client_reference_id") or (metadata.get("purchase_id") if isinstance(metadata, dict)
                                                     else None)
    if kind_name == "checkout.session.completed" and obj.get("payment_status") == "paid":
        kind, amount = EventKind.PAID, obj.get("amount_total")
    elif kind_name == "charge.refunded":
        kind, amount = EventKind.REFUNDED, obj.get("amount_refunded")
    else:
        return WebhookEvent(event_id, EventKind.OTHER, created)
    if not isinstance(purchase_id, str) or type(amount) is not int:
        raise BadWebhook("The payment event names no purchase or amount.")
    return WebhookEvent(event_id, kind, created, purchase_id, amount)


router = APIRouter(prefix="/payments/test", include_in_schema=False)


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}</title>"
                        "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}</style>"
                        f"<p><b>Test payments</b> — nothing is charged.</p><h1>{html.escape(title)}</h1>{body}",
                        status, headers=PAGE_HEADERS)


def _session(request: Request, session_id: str) -> tuple[SandboxProvider, Session] | None:
    config = hub_of(request).config
    if config.payments != SandboxProvider.name:
        return None
    provider = SandboxProvider.from_hub_secret(config.jwt_secret, config.public_url)
    session = provider.session(session_id)
    return (provider, session) if session is not None else None


def _button(action: str, label: str) -> str:
    return f'<form method=post action="{html.escape(action)}"><button type=submit>{html.escape(label)}</button></form>'


@router.get("/checkout/{session_id}")
def checkout_page(session_id: SessionId, request: Request) -> HTMLResponse:
    found = _session(request, session_id)
    if found is None:
        return _page("Checkout not found", "<p>This checkout link is not valid.</p>", 404)
    _, session = found
    amount = f"{session.amount_cents / 100:.2f} {session.currency.upper()}"
    return _page("Checkout", f"<p>Purchase {html.escape(session.purchase_id)}: <b>{amount}</b></p>"
                 + _button(f"{session_id}/pay", f"Pay {amount}"))


def _deliver(request: Request, session_id: str, kind: EventKind, done: str) -> HTMLResponse:
    found = _session(request, session_id)
    if found is None:
        return _page("Checkout not found", "<p>This checkout link is not valid.</p>", 404)
    provider, session = found
    answer = provider.send(provider.event(kind, session))
    if answer.is_success:
        refund = _button("refund", "Refund") if kind is EventKind.PAID else ""
        return _page(done, "<p>You can go back to 3D Pot Studio.</p>" + refund)
    log.warning("the hub refused the test provider's %s webhook: %s %s", kind, answer.status_code, answer.text)
    return _page("The hub refused the payment", f"<p>{html.escape(answer.text)}</p>", 502)


@router.post("/checkout/{session_id}/pay")
def pay(session_id: SessionId, request: Request) -> HTMLResponse:
    return _deliver(request, session_id, EventKind.PAID, "Payment complete")


@router.post("/checkout/{session_id}/refund")
def refund(session_id: SessionId, request: Request) -> HTMLResponse:
    return _deliver(request, session_id, EventKind.REFUNDED, "Payment refunded")
