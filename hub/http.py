"""Conditional GET: strong ETags over the exact bytes sent, 304 on If-None-Match.

`no-cache` (not no-store) lets clients keep a copy but revalidate each time, which is what an
RFC 9111 cache such as hishel does with these headers: a cheap 304 when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response


def etag_for(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates


def to_json_bytes(payload: Any) -> bytes:
    if isinstance(payload, BaseModel):
        return payload.model_dump_json().encode()  # pydantic's own serialiser: ~10x jsonable_encoder
    return json.dumps(jsonable_encoder(payload), separators=(",", ":")).encode()


def conditional_json(request: Request, payload: Any, cache_control: str = "no-cache") -> Response:
    return conditional_bytes(request, to_json_bytes(payload), cache_control)


def conditional_bytes(request: Request, body: bytes, cache_control: str = "no-cache") -> Response:
    etag = etag_for(body)
    headers = {"ETag": etag, "Cache-Control": cache_control, "Vary": "Authorization"}
    if matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, 200, headers=headers, media_type="application/json")
