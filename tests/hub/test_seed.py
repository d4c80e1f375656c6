"""`potstudio hub --seed`: an empty hub gets a real-looking catalogue from the template library."""

from __future__ import annotations

from pathlib import Path

import httpx

from core.document.document import Document
from tests.hub.services import HubProcess


def test_seed_fills_an_empty_hub_once(tmp_path: Path) -> None:
    hub = HubProcess(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path / "data", extra=["--seed", "--seed-count", "200"])
    hub.start(timeout=180)
    try:
        items: list[dict[str, object]] = []
        cursor = None
        while True:
            page = httpx.get(f"{hub.url}/listings", params={"sort": "newest", "limit": 100,
                                                            **({"cursor": cursor} if cursor else {})}).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert page["total"] == len(items) >= 200
        assert len({i["category"] for i in items}) >= 4
        assert len({i["licence"] for i in items}) >= 5
        assert any(i["price_cents"] for i in items) and sum(not i["price_cents"] for i in items) > 150
        assert len({i["title"] for i in items}) > 150  # varied, not 200 copies of a few models
        assert all(i["thumbnail_url"] and i["has_parameters"] for i in items)
        first = items[0]
        thumb = httpx.get(str(first["thumbnail_url"]))
        assert thumb.content[:4] == b"\x89PNG"
        free = next(i for i in items if not i["price_cents"])
        doc = Document.from_json(httpx.get(f"{hub.url}/listings/{free['id']}/document").json())
        assert doc.params and doc.template
        assert httpx.get(f"{hub.url}/listings", params={"q": "planter"}).json()["total"] > 0
    finally:
        hub.stop()

    hub.start(timeout=60)  # seeding again leaves a hub with listings alone
    try:
        assert httpx.get(f"{hub.url}/listings").json()["total"] == len(items)
        assert "seed skipped" in hub.log.read_text()
    finally:
        hub.stop()
