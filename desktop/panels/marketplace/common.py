"""Small shared pieces of the marketplace panel: translation context, labels, error text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.dialogs.errors import user_message
from desktop.i18n import number
from sync_client.errors import HubUnavailable, NotSignedIn

LICENCES = ("CC0", "CC-BY", "CC-BY-SA", "CC-BY-ND", "CC-BY-NC", "CC-BY-NC-SA", "CC-BY-NC-ND", "GPL-3.0",
            "standard-digital-file", "commercial")
SORTS = ("relevance", "newest", "popular", "downloads")


def tr(text: str) -> str:
    return QCoreApplication.translate("Marketplace", text)


def sort_label(sort: str) -> str:
    return {"relevance": tr("Best match"), "newest": tr("Newest"), "popular": tr("Most liked"),
            "downloads": tr("Most downloaded")}.get(sort, sort)


def licence_label(licence: str) -> str:
    return {"standard-digital-file": tr("Standard digital file"), "commercial": tr("Commercial"),
            "CC0": tr("CC0 (public domain)")}.get(licence, licence)


def short_licence(licence: str) -> str:
    """What fits on a card chip; the full name is in its tooltip."""
    return {"standard-digital-file": tr("Standard"), "commercial": tr("Commercial"), "GPL-3.0": "GPL"}.get(
        licence, licence)


def price_text(price_cents: int) -> str:
    return tr("Free") if price_cents == 0 else f"$ {number(price_cents / 100, 2)}"


def size_text(size: int) -> str:
    """A file's size as a designer reads it: never "0 KB" for a small file, MB past a megabyte (not
    "35840 KB"), with the UI language's decimal comma."""
    if size >= 1024 * 1024:
        return f"{number(size / (1024 * 1024), 1)} MB"
    return f"{max(1, round(size / 1024))} KB"


def error_text(exc: BaseException) -> str:
    """One readable sentence for an inline banner; offline and signed-out get a hint of what to do."""
    if isinstance(exc, HubUnavailable):
        return tr("The marketplace cannot be reached right now. Check your connection and try again.")
    if isinstance(exc, NotSignedIn):
        return tr("Sign in to the marketplace to do this.")
    return user_message(exc)
