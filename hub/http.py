"""Response helpers: conditional GET (strong ETags over the exact bytes sent, 304 on If-None-Match) and
RFC 9457 problem details.

`no-cache` (not no-store) lets clients keep a copy but revalidate each time, which is what an
RFC 9111 cache such as hishel does with these headers: a cheap 304 when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
from http import HTTPStatus
from typing import Any

from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub.errors import ApiError, error_body


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


PROBLEM_SCHEMA: dict[str, Any] = {
    "description": "A problem (RFC 9457), carrying the hub's usual `error` member too",
    "content": {"application/problem+json": {"schema": {
        "type": "object", "required": ["type", "title", "status", "detail", "error"],
        "properties": {
            "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
            "detail": {"type": "string"},
            "error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string"}, "message": {"type": "string"}}},
        },
    }}},
}


def problem(error: ApiError, type_uri: str = "about:blank") -> JSONResponse:
    """RFC 9457 problem details for `error`. The `error` member repeats code and message in the shape every
    other hub answer uses, so a client keeps one parser while problem-aware tools read the standard members."""
    body = {"type": type_uri, "title": HTTPStatus(error.status).phrase, "status": error.status,
            "detail": error.message, **error_body(error.code, error.message, error.extra)}
    return JSONResponse(body, error.status, headers=error.headers, media_type="application/problem+json")
