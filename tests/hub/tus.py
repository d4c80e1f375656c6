"""Raw tus requests against a running hub, and a way to get back the bytes it stored: publish the
finished upload as a listing file and download it, the way a buyer would receive it."""

from __future__ import annotations

import uuid

import httpx

from tests.hub.services import HubProcess

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = {"Content-Type": "application/offset+octet-stream"}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **TUS}


def create(hub: HubProcess, token: str, length: int, **headers: str) -> httpx.Response:
    return httpx.post(f"{hub.url}/uploads", headers={**auth(token), "Upload-Length": str(length), **headers})


def patch(url: str, token: str, offset: int, data: bytes) -> httpx.Response:
    return httpx.patch(url, content=data, headers={**auth(token), **OCTETS, "Upload-Offset": str(offset)},
                       timeout=60)


def stored_bytes(hub: HubProcess, token: str, upload_url: str, name: str = "part.stl") -> bytes:
    """The file a listing made from this finished upload hands out."""
    upload_id = upload_url.rstrip("/").rsplit("/", 1)[1]
    listing = httpx.post(f"{hub.url}/listings", headers={"Authorization": f"Bearer {token}"}, json={
        "title": f"Upload {uuid.uuid4().hex[:6]}", "category": "vases", "licence": "CC0",
        "files": [{"name": name, "upload_id": upload_id}]})
    assert listing.status_code == 201, listing.text
    download = httpx.get(listing.json()["files"][0]["url"], headers={"Authorization": f"Bearer {token}"},
                         timeout=60)
    assert download.status_code == 200, download.text
    return download.content
