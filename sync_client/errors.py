"""Errors a user of the marketplace/collaboration features can read; the hub's error code and HTTP
status stay on the exception for the log and for callers that branch on them."""

from __future__ import annotations

from typing import Any

from core.errors import PotStudioError
from core.limits import MAX_JSON_BYTES, megabytes


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


class TooLarge(Rejected):
    """413: the change (a project document, an op, a listing) is over the size limit the hub and this
    client share (core.limits.MAX_JSON_BYTES). Raised before sending when the client sees it first.
    Retrying cannot help; making the document smaller can. The message names both sizes for the user;
    `size` (None when the hub could not tell) and `limit` are there for a translated message."""

    def __init__(self, message: str = "", status: int = 413, code: str = "too_large",
                 detail: dict[str, Any] | None = None) -> None:
        detail = detail or {}
        limit = detail.get("limit")
        size = detail.get("size")
        self.limit = limit if isinstance(limit, int) and limit > 0 else MAX_JSON_BYTES
        self.size = size if isinstance(size, int) and size > 0 else None
        shown = megabytes(self.size) if self.size is not None else f"over {megabytes(self.limit)}"
        super().__init__(f"This change is too large to share ({shown}; limit {megabytes(self.limit)}).",
                         status, code, detail)


class BadResponse(HubError):
    """The hub's answer is malformed, oversized or hostile; nothing from it was used."""


BY_STATUS: dict[int, type[HubError]] = {
    401: NotSignedIn, 402: PaymentRequired, 403: PermissionDenied, 404: NotFound, 409: Conflict,
    412: PreconditionFailed, 413: TooLarge, 428: PreconditionFailed,
}
