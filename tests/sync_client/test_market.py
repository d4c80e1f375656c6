"""The marketplace through sync_client against a real hub: publish, search, download, buy, social."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import httpx
import pytest

from sync_client.api.market import Publication
from sync_client.errors import Conflict, PaymentRequired, PermissionDenied
from tests.hub.checkout import buy_and_pay
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json, png_file, stl_file


def _publish(client: object, folder: Path, **changes: object) -> object:
    word = changes.pop("word", "planter")
    pub = Publication(title=f"Square {word} {uuid.uuid4().hex[:6]}", category="planters", licence="CC-BY",
                      files=[stl_file(folder)], description="A sturdy pot for herbs.", tags=["herbs", "kitchen"],
                      thumbnail=png_file(folder), document=planter_json())
    for key, value in changes.items():
        setattr(pub, key, value)
    return client.market.publish(pub)  # type: ignore[attr-defined]


def test_publish_then_find_and_open_in_studio(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    alice = make_client(hub)
    listing = _publish(alice, tmp_path / "a", word="zucchini")
    bob = make_client(hub)

    page = bob.market.search("zucchin")  # prefix: results while typing
    assert [item.id for item in page.items] == [listing.id] and page.total == 1
    found = page.items[0]
    assert found.creator == alice.username and found.has_parameters and found.thumbnail_url
    assert bob.market.thumbnail(found)[:8] == b"\x89PNG\r\n\x1a\n"

    saved = bob.market.get(found.id, tmp_path / "bob")
    names = sorted(p.name for p in saved)
    assert names == ["document.potstudio.json", "planter.stl"]
    stl = tmp_path / "bob" / "planter.stl"
    assert hashlib.sha256(stl.read_bytes()).hexdigest() == bob.market.listing(found.id).files[0].sha256
    doc = bob.market.document(found.id)
    assert doc.param("width").value == 100.0  # opens with its parameters editable
    assert bob.market.listing(found.id).downloads == 1


def test_search_filters_sort_and_cursor_pages(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    maker = make_client(hub)
    tag = f"t{uuid.uuid4().hex[:8]}"
    made = [_publish(maker, tmp_path / str(i), tags=[tag], category=cat, licence=lic, price_cents=price,
                     document=doc)
            for i, (cat, lic, price, doc) in enumerate([
                ("planters", "CC0", 0, planter_json()), ("vases", "CC-BY-SA", 0, None),
                ("gears", "GPL-3.0", 250, None), ("planters", "CC-BY", 0, planter_json()),
                ("kitchen", "CC0", 0, None)])]
    ids = [m.id for m in made]

    everything = maker.market.search(tag=tag, sort="newest", limit=2)
    assert everything.total == 5
    seen = [i.id for i in everything.items]
    cursor = everything.next_cursor
    while cursor:
        page = maker.market.search(tag=tag, sort="newest", limit=2, cursor=cursor)
        seen += [i.id for i in page.items]
        cursor = page.next_cursor
    assert seen == sorted(ids, reverse=True)  # newest first, no repeats, nothing skipped

    assert {i.id for i in maker.market.search(tag=tag, category="home").items} == {ids[0], ids[1], ids[3], ids[4]}
    assert {i.id for i in maker.market.search(tag=tag, licence="CC0").items} == {ids[0], ids[4]}
    assert [i.id for i in maker.market.search(tag=tag, price="paid").items] == [ids[2]]
    assert {i.id for i in maker.market.search(tag=tag, has_parameters=True).items} == {ids[0], ids[3]}
    assert maker.market.search(tag=tag, creator=maker.username).total == 5
    maker.market.like(ids[4])
    assert maker.market.search(tag=tag, sort="popular").items[0].id == ids[4]


def test_hostile_queries_are_answered_not_crashed(hub: HubProcess) -> None:
    for q in ['"unbalanced', "AND OR NOT (", "*", "pot's NEAR(a b)", "ünïcödé ✓"]:
        response = httpx.get(f"{hub.url}/listings", params={"q": q})
        assert response.status_code == 200, (q, response.text)
    bad = httpx.get(f"{hub.url}/listings", params={"cursor": "%%%not-a-cursor", "sort": "newest"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_cursor"


def test_listing_etag_revalidates_through_the_client_cache(hub: HubProcess, make_client: MakeClient,
                                                            tmp_path: Path) -> None:
    client = make_client(hub)
    listing = _publish(client, tmp_path)
    statuses: list[dict[str, bool]] = []
    client.transport.http.event_hooks["response"].append(
        lambda r: statuses.append(r.extensions.get("caching", {})))
    first = client.market.listing(listing.id)
    second = client.market.listing(listing.id)
    assert first == second
    assert statuses[-1].get("revalidated") and statuses[-1].get("from_cache")  # a 304 answered it

    etag = httpx.get(f"{hub.url}/listings/{listing.id}/thumbnail").headers["etag"]
    again = httpx.get(f"{hub.url}/listings/{listing.id}/thumbnail", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    missing = httpx.get(f"{hub.url}/listings/{listing.id + 1000}/thumbnail")
    assert missing.status_code == 404 and missing.json()["error"]["message"].startswith("This listing")


def test_paid_listing_gates_downloads_until_bought(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    seller = make_client(hub)
    listing = _publish(seller, tmp_path / "s", price_cents=499)
    buyer = make_client(hub)
    with pytest.raises(PaymentRequired) as info:
        buyer.market.get(listing.id, tmp_path / "b")
    assert info.value.checkout_url == f"{hub.url}/checkout/{listing.id}"
    assert not (tmp_path / "b" / "planter.stl").exists()
    direct = httpx.get(listing.files[0].url)
    assert direct.status_code == 402 and direct.json()["error"]["checkout_url"]
    with pytest.raises(PermissionDenied, match="downloaded or bought"):
        buyer.market.review(listing.id, 5)

    buy_and_pay(buyer, listing.id)
    assert buyer.market.listing(listing.id).purchased
    assert next(p.name for p in buyer.market.get(listing.id, tmp_path / "b")) == "planter.stl"
    buyer.market.review(listing.id, 4, "Prints well")
    assert [(r.author, r.rating) for r in buyer.market.reviews(listing.id)] == [(buyer.username, 4)]


def test_no_derivatives_licence_blocks_remixes(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(hub)
    closed = _publish(client, tmp_path / "c", licence="CC-BY-ND")
    assert not client.market.listing(closed.id).remix_allowed
    with pytest.raises(Conflict, match="does not allow remixes"):
        _publish(client, tmp_path / "r", remix_of=closed.id)
    open_one = _publish(client, tmp_path / "o", licence="CC-BY-SA")
    remix = _publish(client, tmp_path / "m", remix_of=open_one.id)
    assert client.market.listing(remix.id).remix_of == open_one.id
    assert client.market.remixes(open_one.id) == [remix.id]
    assert client.market.remixes(remix.id) == []


def test_likes_collections_comments(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    alice, bob = make_client(hub), make_client(hub)
    listing = _publish(alice, tmp_path)
    bob.market.like(listing.id)
    bob.market.like(listing.id)  # liking twice counts once
    assert bob.market.listing(listing.id).likes == 1
    assert bob.market.listing(listing.id).liked_by_me  # the Like button opens pressed for bob...
    assert not alice.market.listing(listing.id).liked_by_me  # ...but not for alice
    assert httpx.get(f"{hub.url}/listings/{listing.id}").json()["liked_by_me"] is False  # nor for a visitor
    shelf = bob.market.create_collection("Balcony")
    assert bob.market.collect(shelf.id, listing.id).listing_ids == [listing.id]
    with pytest.raises(Conflict):
        bob.market.create_collection("Balcony")
    first = bob.market.comment(listing.id, "Does it drain?")
    alice.market.comment(listing.id, "Add holes in the parameters.", parent_id=first.id)
    thread = alice.market.comments(listing.id)
    assert [(c.author, c.parent_id) for c in thread] == [(bob.username, None), (alice.username, first.id)]
    bob.market.like(listing.id, liked=False)
    unliked = bob.market.listing(listing.id)
    assert unliked.likes == 0 and not unliked.liked_by_me
