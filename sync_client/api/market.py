"""Marketplace calls: search, listings, downloads, publishing, likes, collections, reviews, buying."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from core.atomic import atomic_write_text
from core.document.document import Document
from core.tasks import NULL_TASK, Task
from sync_client.errors import BadResponse, PaymentRequired
from sync_client.files import download_to
from sync_client.models import (
    Category,
    Checkout,
    Collection,
    Comment,
    Listing,
    Purchase,
    Review,
    SearchPage,
    parse,
    parse_list,
)
from sync_client.transport import Transport
from sync_client.tus import Uploader


@dataclass
class Publication:
    """What `publish` sends: files are uploaded (resumably) before the listing is created."""

    title: str
    category: str
    licence: str
    files: list[Path]
    description: str = ""
    price_cents: int = 0
    tags: list[str] = field(default_factory=list)
    thumbnail: Path | None = None
    document: dict[str, Any] | None = None
    remix_of: int | None = None


def _scaled(task: Task, index: int, count: int) -> Callable[[float, str], None]:
    """Progress of file `index` of `count` as a slice of the whole task."""

    def report(fraction: float, message: str) -> None:
        task.progress((index + fraction) / count, message)

    return report


class Market:
    def __init__(self, transport: Transport, uploader: Uploader) -> None:
        self.t = transport
        self.uploader = uploader

    def search(self, q: str = "", *, category: str | None = None, tag: str | None = None,
               licence: str | None = None, price: str | None = None, creator: str | None = None,
               has_parameters: bool | None = None, sort: str = "relevance", cursor: str | None = None,
               limit: int = 24) -> SearchPage:
        params: dict[str, Any] = {"q": q, "sort": sort, "limit": limit}
        extra = {"category": category, "tag": tag, "licence": licence, "price": price, "creator": creator,
                 "cursor": cursor, "has_parameters": None if has_parameters is None else str(has_parameters).lower()}
        params.update({k: v for k, v in extra.items() if v is not None})
        return parse(SearchPage, self.t.json("GET", "/listings", params=params))

    def categories(self) -> list[Category]:
        return parse_list(Category, self.t.json("GET", "/categories"))

    def listing(self, listing_id: int) -> Listing:
        return parse(Listing, self.t.json("GET", f"/listings/{int(listing_id)}"))

    def remixes(self, listing_id: int) -> list[int]:
        """Ids of the listings remixed from this one: the next level of its remix tree."""
        data = self.t.json("GET", f"/listings/{int(listing_id)}/remixes")
        if not isinstance(data, list) or not all(type(item) is int for item in data):
            raise BadResponse("The hub's list of remixes is malformed.")
        return data

    def document(self, listing_id: int) -> Document:
        """The listing's parametric document, ready to open with its parameters editable."""
        return Document.from_json(self.t.json("GET", f"/listings/{int(listing_id)}/document"))

    def thumbnail(self, listing: Listing | int) -> bytes:
        listing_id = listing if isinstance(listing, int) else listing.id
        _, body = self.t.send("GET", f"/listings/{listing_id}/thumbnail", limit=4 * 1024 * 1024)
        return body

    def get(self, listing_id: int, folder: Path, task: Task = NULL_TASK) -> list[Path]:
        """Download every file of a listing (and its document) into `folder`; resumes partial files.

        A paid listing not yet bought raises PaymentRequired carrying the checkout URL.
        """
        listing = self.listing(listing_id)
        saved = []  # a paid listing not bought answers the first file with 402 -> PaymentRequired
        count = max(1, len(listing.files))
        for index, item in enumerate(listing.files):
            step = Task(_scaled(task, index, count))
            saved.append(download_to(self.t, item.url, folder, item.name, item.size, item.sha256, step))
        if listing.has_parameters:
            doc = self.document(listing_id)
            path = folder / "document.potstudio.json"
            atomic_write_text(path, doc.dumps())
            saved.append(path)
        return saved

    def publish(self, pub: Publication, task: Task = NULL_TASK) -> Listing:
        uploads = []
        for path in pub.files:
            uploads.append({"name": path.name, "upload_id": self.uploader.upload(path, task)})
        body: dict[str, Any] = {
            "title": pub.title, "description": pub.description, "category": pub.category, "licence": pub.licence,
            "price_cents": pub.price_cents, "tags": pub.tags, "files": uploads, "document": pub.document,
            "remix_of": pub.remix_of,
        }
        if pub.thumbnail is not None:
            body["thumbnail_upload_id"] = self.uploader.upload(pub.thumbnail, task)
        return parse(Listing, self.t.json("POST", "/listings", json_body=body))

    def unpublish(self, listing_id: int) -> None:
        self.t.send("DELETE", f"/listings/{int(listing_id)}")

    def like(self, listing_id: int, liked: bool = True) -> None:
        self.t.send("PUT" if liked else "DELETE", f"/listings/{int(listing_id)}/like")

    def made_it(self, listing_id: int) -> None:
        self.t.send("POST", f"/listings/{int(listing_id)}/makes")

    def collections(self) -> list[Collection]:
        return parse_list(Collection, self.t.json("GET", "/collections"))

    def create_collection(self, name: str) -> Collection:
        return parse(Collection, self.t.json("POST", "/collections", json_body={"name": name}))

    def collect(self, collection_id: int, listing_id: int, keep: bool = True) -> Collection:
        path = f"/collections/{int(collection_id)}/items/{int(listing_id)}"
        return parse(Collection, self.t.json("PUT" if keep else "DELETE", path))

    def comments(self, listing_id: int) -> list[Comment]:
        return parse_list(Comment, self.t.json("GET", f"/listings/{int(listing_id)}/comments"))

    def comment(self, listing_id: int, body: str, parent_id: int | None = None) -> Comment:
        return parse(Comment, self.t.json("POST", f"/listings/{int(listing_id)}/comments",
                                          json_body={"body": body, "parent_id": parent_id}))

    def reviews(self, listing_id: int) -> list[Review]:
        return parse_list(Review, self.t.json("GET", f"/listings/{int(listing_id)}/reviews"))

    def review(self, listing_id: int, rating: int, body: str = "") -> Review:
        return parse(Review, self.t.json("PUT", f"/listings/{int(listing_id)}/review",
                                         json_body={"rating": rating, "body": body}))

    def report(self, listing_id: int, reason: str) -> None:
        self.t.send("POST", f"/listings/{int(listing_id)}/reports", json_body={"reason": reason})

    def checkout(self, listing_id: int) -> Checkout:
        return parse(Checkout, self.t.json("POST", f"/listings/{int(listing_id)}/checkout"))

    def buy(self, listing_id: int) -> Purchase:
        """Start buying a paid listing, or see where buying it stands.

        The purchase stays "pending" (pay at its `checkout_url`, in the browser) until the hub hears
        from its payment provider; asking again returns the same purchase, "paid" once confirmed.
        """
        try:
            return parse(Purchase, self.t.json("POST", f"/listings/{int(listing_id)}/purchases"))
        except PaymentRequired as exc:  # 402 is the pending answer: its body carries the purchase
            if "purchase" not in exc.detail:
                raise
            return parse(Purchase, exc.detail["purchase"])

    def purchase(self, purchase_id: str) -> Purchase:
        return parse(Purchase, self.t.json("GET", f"/purchases/{quote(purchase_id, safe='')}"))


