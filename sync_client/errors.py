"""Errors a user of the marketplace/collaboration features can read; the hub's error code and HTTP
status stay on the exception for the log and for callers that branch on them."""

from __future__ import annotations

from typing import Any

from core.errors import PotStudioError


class HubError(PotStudioError):
    def __init__(self, message: str, status: int = 0, code: str = "", detail: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.detail = detail or {}


class HubUnavailable(HubError):
    """The hub cannot be reached (offline, down, or kept failing after retries)."""


class NotSignedIn(HubError):
    """No valid session: sign in again."""


class PermissionDenied(HubError):
    pass


class NotFound(HubError):
    pass


class Conflict(HubError):
    """409: for project ops, `head` holds the server's current revision and document."""

    @property
    def head(self) -> dict[str, Any] | None:
        head = self.detail.get("head")
        return head if isinstance(head, dict) else None


class PaymentRequired(HubError):
    @property
    def checkout_url(self) -> str | None:
        url = self.detail.get("checkout_url")
        return url if isinstance(url, str) else None


class PreconditionFailed(HubError):
    """412/428: the resource changed since it was read (or no If-Match was sent)."""


class Rejected(HubError):
    """The hub refused the request for good (a 4xx that retrying cannot fix)."""


class BadResponse(HubError):
    """The hub's answer is malformed, oversized or hostile; nothing from it was used."""


BY_STATUS: dict[int, type[HubError]] = {
    401: NotSignedIn, 402: PaymentRequired, 403: PermissionDenied, 404: NotFound, 409: Conflict,
    412: PreconditionFailed, 428: PreconditionFailed,
}
