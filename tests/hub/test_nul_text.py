"""Text with the NUL character is a 422 on both databases: PostgreSQL cannot store it, and a project
named "a\\x00b" or a search for such a creator was a 500 there while SQLite took it (issue 11, item 7)."""

from __future__ import annotations

import httpx

from tests.hub.fixtures import MakeClient
from tests.hub.hostile import design
from tests.hub.services import HubProcess


def test_text_with_nul_is_refused_alike_on_both_databases(hub: HubProcess, make_client: MakeClient) -> None:
    headers = {"Authorization": f"Bearer {make_client(hub).session.access_token()}"}
    with httpx.Client(base_url=hub.url, headers=headers) as client:
        refused = [
            client.post("/projects", json={"name": "Pot\u0000", "document": design()}),
            client.get("/listings", params={"creator": "eve\u0000"}),
            client.get("/listings", params={"tag": "pot\u0000"}),
        ]
        for answer in refused:
            assert answer.status_code == 422, answer.text
            assert answer.json()["error"]["code"] == "nul_character"
        # the hub goes on answering on the same connection, and nothing half-made was kept
        assert client.get("/projects").json() == []
