"""A creator takes a listing down (unlists it) on SQLite and PostgreSQL, over real HTTP: gone from
search at once and from the search index itself, while buyers keep their files and remixes their
link; and "I made it" counts each person once."""

from __future__ import annotations

import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from sync_client.api.market import Publication
from sync_client.errors import Conflict, NotSignedIn, PaymentRequired, PermissionDenied
from sync_client.models import Listing
from tests.hub.checkout import buy_and_pay
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import stl_file


def _publish(client: object, folder: Path, word: str, **changes: object) -> Listing:
    pub = Publication(title=f"Fluted {word} vase", category="vases", licence="CC-BY", files=[stl_file(folder)],
                      description="Spiral vase mode friendly.", tags=["vase"])
    for key, value in changes.items():
        setattr(pub, key, value)
    listing = client.market.publish(pub)  # type: ignore[attr-defined]
    assert isinstance(listing, Listing)
    return listing


def _indexed(hub: HubProcess, listing_id: int, word: str) -> bool:
    """Whether the database's own full-text index still holds the listing (not just whether search shows it)."""
    if hub.db_url.startswith("sqlite"):
        with sqlite3.connect(hub.db_url.removeprefix("sqlite:///")) as conn:
            rows = conn.execute("SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?", (f'"{word}"',)).fetchall()
        return (listing_id,) in rows
    with psycopg.connect(hub.db_url) as conn:
        row = conn.execute("SELECT search @@ to_tsquery('english', %s) FROM listings WHERE id = %s",
                           (word, listing_id)).fetchone()
    return bool(row and row[0])


def test_creator_unlists_buyers_keep_files_remixes_keep_links(hub: HubProcess, make_client: MakeClient,
                                                              tmp_path: Path) -> None:
    word = f"zq{uuid.uuid4().hex[:8]}"
    alice = make_client(hub)
    free = _publish(alice, tmp_path / "f", word)
    paid = _publish(alice, tmp_path / "p", word, price_cents=300)
    bob, carol, dave = make_client(hub), make_client(hub), make_client(hub)
    bob.market.get(free.id, tmp_path / "bob")
    buy_and_pay(carol, paid.id)
    other = f"rx{uuid.uuid4().hex[:8]}"
    remix = _publish(dave, tmp_path / "r", other, remix_of=free.id)
    assert {i.id for i in bob.market.search(word).items} == {free.id, paid.id}  # now in the result cache
    assert {i.id for i in bob.market.search(creator=alice.username).items} == {free.id, paid.id}

    with pytest.raises(PermissionDenied):
        bob.market.unpublish(free.id)
    with pytest.raises(NotSignedIn):
        make_client(hub, sign_in=False).market.unpublish(free.id)
    alice.market.unpublish(free.id)
    alice.market.unpublish(paid.id)
    alice.market.unpublish(paid.id)  # again: still unlisted, no error

    assert bob.market.search(word).items == []  # at once, though the same search was cached a moment ago
    assert bob.market.search(creator=alice.username).total == 0
    assert not _indexed(hub, free.id, word) and not _indexed(hub, paid.id, word)
    assert _indexed(hub, remix.id, other)

    shown = alice.market.listing(free.id)
    assert shown.unlisted and shown.title == free.title
    assert "planter.stl" in [p.name for p in bob.market.get(free.id, tmp_path / "bob-again")]
    assert "planter.stl" in [p.name for p in carol.market.get(paid.id, tmp_path / "carol")]  # a buyer keeps it
    eve = make_client(hub)
    with pytest.raises(Conflict, match="no longer listed"):
        eve.market.buy(paid.id)
    with pytest.raises(PaymentRequired):
        eve.market.get(paid.id, tmp_path / "eve")
    assert dave.market.listing(remix.id).remix_of == free.id
    assert dave.market.listing(free.id).id == free.id  # the remix's link to its original still resolves
    assert httpx.get(f"{hub.url}/listings/{free.id}/remixes").json() == [remix.id]


def test_made_it_counts_once_per_person(hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    alice = make_client(hub)
    listing = _publish(alice, tmp_path / "a", f"mk{uuid.uuid4().hex[:8]}")
    bob, carol = make_client(hub), make_client(hub)
    for maker in (bob, carol):
        maker.market.get(listing.id, tmp_path / maker.username)  # type: ignore[attr-defined]
    for _ in range(5):
        bob.market.made_it(listing.id)
    assert alice.market.listing(listing.id).makes == 1
    token = carol.session.access_token()
    with ThreadPoolExecutor(5) as pool:  # five clicks at the same moment
        answers = list(pool.map(lambda _: httpx.post(f"{hub.url}/listings/{listing.id}/makes",
                                                     headers={"Authorization": f"Bearer {token}"}), range(5)))
    assert [a.status_code for a in answers] == [204] * 5
    assert alice.market.listing(listing.id).makes == 2
