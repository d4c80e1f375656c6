"""What schemathesis found wrong in the contract (issue 11, item 8), checked one by one over HTTP on
SQLite and PostgreSQL: timestamps carry their zone, a 405 lists every method of the address, and the
OpenAPI document declares the rules the hub enforces (tus headers, categories, file names, what a
download really is)."""

from __future__ import annotations

import re
from datetime import datetime

import httpx

from tests.hub.fixtures import MakeClient
from tests.hub.hostile import design
from tests.hub.services import HubProcess


def test_timestamps_carry_their_zone(hub: HubProcess, make_client: MakeClient) -> None:
    headers = {"Authorization": f"Bearer {make_client(hub).session.access_token()}"}
    project = httpx.post(f"{hub.url}/projects", headers=headers, json={"name": "Pot", "document": design()})
    stamp = project.json()["created_at"]  # SQLite gave "2026-12-07T03:39:32.338191", no zone
    assert datetime.fromisoformat(stamp).utcoffset() is not None, stamp


def test_a_405_lists_every_method_served_at_the_address(hub: HubProcess) -> None:
    answer = httpx.request("OPTIONS", f"{hub.url}/projects/1")
    assert answer.status_code == 405
    assert set(re.split(r",\s*", answer.headers["allow"])) == {"GET", "PATCH", "DELETE"}  # it said GET only


def test_the_openapi_document_declares_what_the_hub_enforces(hub: HubProcess) -> None:
    document = httpx.get(f"{hub.url}/openapi.json").json()
    paths = document["paths"]
    download = paths["/listings/{listing_id}/files/{file_id}"]["get"]["responses"]
    assert set(download["200"]["content"]) == {"application/octet-stream"}  # it said application/json
    create = {p["name"]: p for p in paths["/uploads"]["post"]["parameters"]}
    assert create["Tus-Resumable"]["required"] and create["Tus-Resumable"]["schema"]["enum"] == ["1.0.0"]
    assert create["Upload-Length"]["schema"]["maximum"] == 512 * 1024 * 1024
    chunk = paths["/uploads/{upload_id}"]["patch"]
    assert set(chunk["requestBody"]["content"]) == {"application/offset+octet-stream"}
    listing = document["components"]["schemas"]["ListingCreate"]["properties"]
    assert "vases" in listing["category"]["enum"]
    file_ref = document["components"]["schemas"]["FileRef"]["properties"]["name"]
    assert re.fullmatch(file_ref["pattern"], "vase.stl") and not re.fullmatch(file_ref["pattern"], "../vase.stl")
    assert "400" in paths["/projects"]["post"]["responses"]  # a body that is not JSON
