"""What the hub needs from a payment provider: a hosted checkout, and verified webhook events."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class BadWebhook(Exception):
    """A webhook request the hub must not act on (bad signature, stale, malformed); says which."""


class EventKind(StrEnum):
    PAID = "paid"
    REFUNDED = "refunded"
    OTHER = "other"  # an event type the hub does not act on (acknowledged, not applied)


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str


@dataclass(frozen=True)
class WebhookEvent:
    id: str  # the provider's event id: the same id twice is a replay
    kind: EventKind
    created: int  # Unix time the provider made the event
    purchase_id: str = ""  # the hub's purchase, echoed back by the provider
    amount_cents: int = 0


class PaymentProvider(Protocol):
    @property
    def name(self) -> str:
        """Its name in `--payments` and in its webhook's path."""

    def create_checkout(self, purchase_id: str, amount_cents: int, currency: str) -> CheckoutSession:
        """A hosted page where the buyer pays `amount_cents` for purchase `purchase_id`."""

    def verify(self, body: bytes, headers: Mapping[str, str], now: float) -> WebhookEvent:
        """The event in a webhook request, once its signature and timestamp hold; else BadWebhook."""
