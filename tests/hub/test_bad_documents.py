"""Malformed designs (tests/hub/hostile.py) sent where the hub takes a document — a new project, a
named version, a listing's parametric document — are a 422 naming what is wrong, on SQLite and
PostgreSQL; `parameters: [{"name": 5}]` was a 500 (issue 11, item 7)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.hub.fixtures import MakeClient
from tests.hub.hostile import DOCUMENTS, design
from tests.hub.services import HubProcess


def _assert_refused(answer: httpx.Response, word: str) -> None:
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "bad_document" and word in error["message"].lower(), error


@pytest.mark.parametrize(("what", "document", "word"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_malformed_documents_are_a_422_that_says_why(hub: HubProcess, make_client: MakeClient,
                                                     what: str, document: Any, word: str) -> None:
    headers = {"Authorization": f"Bearer {make_client(hub).session.access_token()}"}
    with httpx.Client(base_url=hub.url, headers=headers) as client:
        _assert_refused(client.post("/projects", json={"name": "Pot", "document": document}), word)
        project = client.post("/projects", json={"name": "Pot", "document": design()})
        assert project.status_code == 201, project.text
        version = client.post(f"/projects/{project.json()['id']}/versions",
                              json={"name": "conflict copy", "document": document})
        _assert_refused(version, word)
        listing = client.post("/listings", json={
            "title": "Pot", "category": "vases", "licence": "CC0", "document": document,
            "files": [{"name": "pot.stl", "upload_id": "not-needed-the-document-is-checked-first"}]})
        _assert_refused(listing, word)
