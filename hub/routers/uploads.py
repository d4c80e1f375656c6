"""Resumable uploads over tus 1.0: core protocol plus the creation and checksum (sha256) extensions.

A PATCH body is written to a side file and appended only once complete (and its Upload-Checksum
matches), so a connection cut mid-chunk leaves the offset at the last whole chunk and the client
resumes from there after a HEAD. The finished file is verified against the sha256 the client
declared in Upload-Metadata before it enters the blob store.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
import uuid
from pathlib import Path

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.models import Upload, User
from hub.security import TOKEN_REQUIRED, current_user, optional_user
from hub.state import HubState, hub_of
from hub.storage import SHA256, sha256_file

router = APIRouter(tags=["uploads"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA})
TUS_VERSION = "1.0.0"
TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
# Appending a verified chunk and moving the offset must not interleave between two PATCHes that
# raced past the offset check; the section is short (one chunk copy), so one lock is enough.
_APPEND_LOCK = threading.Lock()


def _metadata(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in header.split(","))):
        key, _, value = pair.partition(" ")
        try:
            out[key] = base64.b64decode(value, validate=True).decode() if value else ""
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(400, "bad_metadata", f"Upload-Metadata value for '{key}' is not base64.") from None
    return out


def _int_header(request: Request, name: str) -> int:
    raw = request.headers.get(name)
    if raw is None or not raw.isdigit():
        raise ApiError(400, "bad_header", f"The {name} header must be a non-negative integer.")
    return int(raw)


def _require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise ApiError(412, "tus_version", f"Only tus {TUS_VERSION} is supported.",
                       headers={"Tus-Version": TUS_VERSION})


@router.options("/uploads", status_code=204)
def capabilities(request: Request) -> Response:
    hub = hub_of(request)
    return Response(status_code=204, headers={
        **TUS_HEADERS, "Tus-Version": TUS_VERSION, "Tus-Extension": "creation,checksum",
        "Tus-Max-Size": str(hub.config.max_upload_bytes), "Tus-Checksum-Algorithm": "sha256",
    })


@router.post("/uploads", status_code=201, dependencies=[TOKEN_REQUIRED],
             responses={413: ERROR_SCHEMA, 412: ERROR_SCHEMA})
def create_upload(request: Request) -> Response:
    hub = hub_of(request)
    _require_tus(request)
    with hub.sessions() as db:
        user = current_user(optional_user(request, db))
        length = _int_header(request, "upload-length")
        if length > hub.config.max_upload_bytes:
            raise ApiError(413, "too_large", f"Uploads are limited to {hub.config.max_upload_bytes} bytes.")
        meta = _metadata(request.headers.get("upload-metadata", ""))
        expected = meta.get("sha256", "")
        if expected and not SHA256.match(expected):
            raise ApiError(400, "bad_metadata", "The sha256 in Upload-Metadata must be 64 hex digits.")
        upload = Upload(id=uuid.uuid4().hex, user_id=user.id, length=length,
                        filename=meta.get("filename", "")[:200], sha256=None)
        db.add(upload)
        db.commit()
        _part(hub, upload.id).write_bytes(b"")
        if expected:
            _expected_path(hub, upload.id).write_text(expected)
        location = f"{hub.config.public_url}/uploads/{upload.id}"
        if length == 0:
            _finish(hub, db, upload)
    return Response(status_code=201, headers={**TUS_HEADERS, "Location": location})


@router.head("/uploads/{upload_id}", dependencies=[TOKEN_REQUIRED])
def upload_offset(upload_id: str, request: Request) -> Response:
    hub = hub_of(request)
    with hub.sessions() as db:
        upload = _owned(db, request, upload_id)
        return Response(status_code=200, headers={
            **TUS_HEADERS, "Upload-Offset": str(upload.offset), "Upload-Length": str(upload.length),
            "Cache-Control": "no-store",
        })


@router.patch("/uploads/{upload_id}", status_code=204, dependencies=[TOKEN_REQUIRED],
              responses={409: ERROR_SCHEMA, 415: ERROR_SCHEMA, 460: ERROR_SCHEMA})
async def upload_chunk(upload_id: str, request: Request) -> Response:
    hub = hub_of(request)
    _require_tus(request)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        raise ApiError(415, "bad_content_type", "PATCH bodies must be application/offset+octet-stream.")
    offset = _int_header(request, "upload-offset")
    checksum = _checksum_header(request.headers.get("upload-checksum"))

    def check() -> Upload:
        with hub.sessions() as db:
            upload = _owned(db, request, upload_id)
            if upload.offset != offset:
                raise ApiError(409, "offset_mismatch", f"The upload is at byte {upload.offset}, not {offset}.")
            return upload

    upload = await run_in_threadpool(check)
    chunk_path = _part(hub, upload_id).with_suffix(f".{uuid.uuid4().hex}.chunk")  # one per request
    digest = hashlib.sha256()
    written = 0
    try:
        with chunk_path.open("wb") as fh:
            async for block in request.stream():
                written += len(block)
                if offset + written > upload.length:
                    raise ApiError(413, "too_large", "The body goes past the declared Upload-Length.")
                digest.update(block)
                fh.write(block)
    except ClientDisconnect:
        chunk_path.unlink(missing_ok=True)
        raise ApiError(400, "incomplete_chunk", "The connection closed mid-chunk; resume from the offset.") from None
    except ApiError:
        chunk_path.unlink(missing_ok=True)
        raise
    if checksum is not None and digest.digest() != checksum:
        chunk_path.unlink()
        raise ApiError(460, "checksum_mismatch", "The chunk does not match its Upload-Checksum; send it again.")

    def commit() -> int:
        with _APPEND_LOCK, hub.sessions() as db:
            row = _owned(db, request, upload_id)
            if row.offset != offset:
                chunk_path.unlink()
                raise ApiError(409, "offset_mismatch", "Another request moved this upload on.")
            with _part(hub, upload_id).open("ab") as out, chunk_path.open("rb") as src:
                while block := src.read(1024 * 1024):
                    out.write(block)
            chunk_path.unlink()
            row.offset = offset + written
            db.commit()
            if row.offset == row.length:
                _finish(hub, db, row)
            return row.offset

    new_offset = await run_in_threadpool(commit)
    return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(new_offset)})


def _checksum_header(value: str | None) -> bytes | None:
    if value is None:
        return None
    algorithm, _, encoded = value.partition(" ")
    if algorithm != "sha256":
        raise ApiError(400, "bad_checksum_algorithm", "Only sha256 checksums are supported.")
    try:
        return base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise ApiError(400, "bad_checksum", "Upload-Checksum is not base64.") from None


def _finish(hub: HubState, db: Session, upload: Upload) -> None:
    """Verify the whole file and move it into the blob store."""
    part = _part(hub, upload.id)
    sha = sha256_file(part)
    expected_path = _expected_path(hub, upload.id)
    if expected_path.exists():
        expected = expected_path.read_text().strip()
        if expected != sha:
            part.unlink()
            expected_path.unlink()
            upload.offset = 0
            part.write_bytes(b"")
            db.commit()
            raise ApiError(460, "checksum_mismatch", "The uploaded file does not match its sha256; upload it again.")
        expected_path.unlink()
    hub.blobs.adopt(part, sha)
    upload.sha256 = sha
    db.commit()


def _part(hub: HubState, upload_id: str) -> Path:
    directory = hub.config.upload_dir
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{upload_id}.part"


def _expected_path(hub: HubState, upload_id: str) -> Path:
    return _part(hub, upload_id).with_suffix(".sha256")


def _owned(db: Session, request: Request, upload_id: str) -> Upload:
    user: User = current_user(optional_user(request, db))
    upload = db.get(Upload, upload_id)
    if upload is None or upload.user_id != user.id:
        raise not_found("This upload")
    return upload
