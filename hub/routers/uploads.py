"""Resumable uploads over tus 1.0: the core protocol plus the creation, checksum (sha256), expiration
and termination extensions.

A PATCH body is received into a chunk file of its own and written into the upload only once complete
(and its Upload-Checksum matches), under a lock every hub process shares (PartStore.locked), with the
offset read again inside it: two PATCHes at one offset, whichever workers take them, make one write
and one 409. A connection cut mid-chunk leaves the offset at the last whole chunk and the client
resumes from there after a HEAD. The finished file is verified against the sha256 the client declared
in Upload-Metadata before it enters the blob store; after that the upload never changes.

An account holds a bounded number and size of unfinished uploads; one left untouched past its
Upload-Expires is removed with its bytes by a sweep that runs whenever an upload is created and on a
timer in every hub process (hub.app), so a quiet hub does not keep abandoned bytes either.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import logging
import re
import uuid
from datetime import datetime, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from hub.db import utcnow
from hub.errors import ERROR_SCHEMA, ApiError, not_found
from hub.models import Upload, User
from hub.security import TOKEN_REQUIRED, current_user, optional_user
from hub.state import HubState, hub_of
from hub.storage import SHA256, PartStore

if TYPE_CHECKING:
    from hub.storage_s3 import S3PartStore

log = logging.getLogger(__name__)

router = APIRouter(tags=["uploads"], responses={401: ERROR_SCHEMA, 404: ERROR_SCHEMA})
TUS_VERSION = "1.0.0"
TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
# tus header numbers are ASCII decimal ("²" is a digit to str.isdigit, not to tus); 19 digits hold
# any offset the BigInteger columns can, and keep int() away from its 4300-digit limit
DECIMAL = re.compile(r"[0-9]{1,19}")
SWEEP_BATCH = 100  # expired uploads removed per sweep; the next sweep removes the rest
SWEEP_EVERY_MAX = 600.0  # seconds between two timed sweeps, at most
GONE = {410: ERROR_SCHEMA}


def _header(name: str, schema: dict[str, object], required: bool = True) -> dict[str, object]:
    return {"name": name, "in": "header", "required": required, "schema": schema}


# the tus headers, declared so a client (or a fuzzer) knows them before it meets a 400 or a 412; the
# handlers read them raw because tus, not FastAPI, says what a wrong one answers. Upload-Length's
# maximum is the hub's configured limit, filled in by hub.contract.
TUS_RESUMABLE = _header("Tus-Resumable", {"type": "string", "enum": [TUS_VERSION]})
_PAIR = "[^ ,]+(?: (?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)?"  # key, space, base64 value
METADATA = f"^(?:{_PAIR}(?:, ?{_PAIR})*)?$"
CREATION = {"parameters": [
    TUS_RESUMABLE, _header("Upload-Length", {"type": "integer", "minimum": 0}),
    _header("Upload-Metadata", {"type": "string", "pattern": METADATA,
                                "description": "tus metadata: comma-separated `key base64`, each value base64 of "
                                "UTF-8 text; `filename` and `sha256` (64 hex digits) are read"}, required=False)]}
APPEND = {
    "parameters": [
        TUS_RESUMABLE, _header("Upload-Offset", {"type": "integer", "minimum": 0, "maximum": 10**19 - 1}),
        _header("Upload-Checksum", {"type": "string", "pattern": "^sha256 [A-Za-z0-9+/]{43}=$"}, required=False)],
    "requestBody": {"required": True, "content": {"application/offset+octet-stream": {
        "schema": {"type": "string", "format": "binary"}}}},
}
TERMINATION = {"parameters": [TUS_RESUMABLE]}


def _metadata(header: str) -> dict[str, str]:
    if not re.fullmatch(METADATA, header):
        raise ApiError(400, "bad_metadata", "Upload-Metadata must be comma-separated pairs of a key, a space and "
                                            "a base64 value.")
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
    if raw is None or not DECIMAL.fullmatch(raw):
        raise ApiError(400, "bad_header", f"The {name} header must be a non-negative integer in ASCII digits.")
    return int(raw)


def _require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise ApiError(412, "tus_version", f"Only tus {TUS_VERSION} is supported.",
                       headers={"Tus-Version": TUS_VERSION})


def _parts(hub: HubState) -> PartStore | S3PartStore:
    return hub.parts


def _expiry(hub: HubState) -> datetime:
    """Whole seconds, so Upload-Expires (an HTTP date) is the exact moment, not up to a second early."""
    return (utcnow() + timedelta(seconds=hub.config.upload_expiry_seconds)).replace(microsecond=0)


def _expired(upload: Upload) -> bool:
    return upload.sha256 is None and upload.expires_at is not None and upload.expires_at <= utcnow()


def _expires_header(upload: Upload) -> dict[str, str]:
    if upload.sha256 is not None or upload.expires_at is None:
        return {}
    return {"Upload-Expires": format_datetime(upload.expires_at, usegmt=True)}


@router.options("/uploads", status_code=204)
def capabilities(request: Request) -> Response:
    hub = hub_of(request)
    return Response(status_code=204, headers={
        **TUS_HEADERS, "Tus-Version": TUS_VERSION, "Tus-Extension": "creation,checksum,expiration,termination",
        "Tus-Max-Size": str(hub.config.max_upload_bytes), "Tus-Checksum-Algorithm": "sha256",
    })


@router.post("/uploads", status_code=201, dependencies=[TOKEN_REQUIRED], openapi_extra=CREATION,
             response_class=Response,
             responses={400: ERROR_SCHEMA, 403: ERROR_SCHEMA, 412: ERROR_SCHEMA, 413: ERROR_SCHEMA})
def create_upload(request: Request) -> Response:
    hub = hub_of(request)
    _require_tus(request)
    parts = _parts(hub)
    with hub.sessions() as db:
        user = current_user(optional_user(request, db))
        length = _int_header(request, "upload-length")
        if length > hub.config.max_upload_bytes:
            raise ApiError(413, "too_large", f"Uploads are limited to {hub.config.max_upload_bytes} bytes.")
        meta = _metadata(request.headers.get("upload-metadata", ""))
        expected = meta.get("sha256", "")
        if expected and not SHA256.match(expected):
            raise ApiError(400, "bad_metadata", "The sha256 in Upload-Metadata must be 64 hex digits.")
        sweep_expired(hub, db)
        with parts.locked(f"user-{user.id}"):  # two creations at once must not both fit in the last slot
            _check_quota(hub, db, user, length)
            upload = Upload(id=uuid.uuid4().hex, user_id=user.id, length=length,
                            filename=meta.get("filename", "")[:200], sha256=None, expires_at=_expiry(hub))
            parts.start(upload.id, expected)  # the bytes' place exists before the row that points to it
            db.add(upload)
            db.commit()
        if length == 0:
            with parts.locked(upload.id):
                _finish(hub, db, upload)
            parts.remove(upload.id)
        location = f"{hub.config.public_url}/uploads/{upload.id}"
        return Response(status_code=201, headers={**TUS_HEADERS, "Location": location, **_expires_header(upload)})


def _check_quota(hub: HubState, db: Session, user: User, length: int) -> None:
    """Refuse a new upload past the account's allowance of unfinished ones (count and bytes)."""
    config = hub.config
    count, pending = db.execute(
        select(func.count(), func.coalesce(func.sum(Upload.length), 0))
        .where(Upload.user_id == user.id, Upload.sha256.is_(None), Upload.expires_at > utcnow())).one()
    pending = int(pending)  # PostgreSQL sums a bigint column into a numeric (Decimal)
    if count + 1 > config.max_pending_uploads or pending + length > config.max_pending_upload_bytes:
        raise ApiError(403, "upload_quota", (
            f"You have {count} unfinished uploads holding {pending} bytes; an account may keep "
            f"{config.max_pending_uploads} holding {config.max_pending_upload_bytes} bytes. Finish or cancel "
            "one (DELETE it), or wait until it expires."),
            extra={"pending_uploads": count, "pending_bytes": pending,
                   "max_pending_uploads": config.max_pending_uploads,
                   "max_pending_bytes": config.max_pending_upload_bytes})


def sweep_expired(hub: HubState, db: Session) -> int:
    """Remove unfinished uploads whose time ran out, with their bytes; returns how many went. Safe to run
    from several processes at once: each upload is removed under its own shared lock."""
    parts = _parts(hub)
    due = db.scalars(select(Upload.id).where(Upload.sha256.is_(None), Upload.expires_at <= utcnow())
                     .limit(SWEEP_BATCH)).all()
    removed = 0
    for upload_id in due:
        with parts.locked(upload_id):
            row = db.get(Upload, upload_id, populate_existing=True)
            if row is None or not _expired(row):  # a chunk arrived meanwhile and moved its expiry on
                continue
            db.delete(row)
            db.commit()
        parts.remove(upload_id)
        removed += 1
    if removed:
        log.info("removed %d expired unfinished uploads", removed)
    return removed


async def sweep_periodically(hub: HubState) -> None:
    """Run the sweep every half expiry time (at most every 10 minutes) until cancelled: an abandoned upload
    outlives its Upload-Expires by at most that much even when nobody creates another one."""
    interval = min(max(hub.config.upload_expiry_seconds / 2, 1.0), SWEEP_EVERY_MAX)
    while True:
        await asyncio.sleep(interval)
        try:
            await asyncio.to_thread(_sweep_now, hub)
        except Exception:  # a database or object store outage: say so, try again next time
            log.exception("removing expired uploads failed; trying again in %.0f s", interval)


def _sweep_now(hub: HubState) -> None:
    with hub.sessions() as db:
        sweep_expired(hub, db)


@router.head("/uploads/{upload_id}", dependencies=[TOKEN_REQUIRED], response_class=Response, responses=GONE)
def upload_offset(upload_id: str, request: Request) -> Response:
    hub = hub_of(request)
    with hub.sessions() as db:
        upload = _live(_owned(db, request, upload_id))
        return Response(status_code=200, headers={
            **TUS_HEADERS, "Upload-Offset": str(upload.offset), "Upload-Length": str(upload.length),
            "Cache-Control": "no-store", **_expires_header(upload),
        })


@router.patch("/uploads/{upload_id}", status_code=204, dependencies=[TOKEN_REQUIRED], openapi_extra=APPEND,
               response_class=Response, responses={
    400: ERROR_SCHEMA, 409: ERROR_SCHEMA, 412: ERROR_SCHEMA, 413: ERROR_SCHEMA, 415: ERROR_SCHEMA,
    460: ERROR_SCHEMA, **GONE})
async def upload_chunk(upload_id: str, request: Request) -> Response:
    hub = hub_of(request)
    _require_tus(request)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        raise ApiError(415, "bad_content_type", "PATCH bodies must be application/offset+octet-stream.")
    offset = _int_header(request, "upload-offset")
    checksum = _checksum_header(request.headers.get("upload-checksum"))
    parts = _parts(hub)

    def check() -> Upload:
        with hub.sessions() as db:
            upload = _live(_owned(db, request, upload_id))
            _same_offset(upload, offset)
            return upload

    upload = await run_in_threadpool(check)
    chunk_path = parts.new_chunk(upload_id)  # one per request
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

    def commit() -> Upload:
        try:
            with parts.locked(upload_id), hub.sessions() as db:
                row = _live(_owned(db, request, upload_id))
                _same_offset(row, offset)  # another request, maybe in another worker, may have moved it on
                if row.sha256 is None:  # a finished upload never changes: an empty PATCH at its end is a no-op
                    parts.write_at(upload_id, offset, chunk_path)
                    row.offset = offset + written
                    row.expires_at = _expiry(hub)
                    db.commit()
                    if row.offset == row.length:
                        _finish(hub, db, row)
        finally:
            chunk_path.unlink(missing_ok=True)
        if row.sha256 is not None:
            parts.remove(upload_id)
        return row

    row = await run_in_threadpool(commit)
    return Response(status_code=204, headers={**TUS_HEADERS, "Upload-Offset": str(row.offset),
                                              **_expires_header(row)})


@router.delete("/uploads/{upload_id}", status_code=204, dependencies=[TOKEN_REQUIRED], openapi_extra=TERMINATION,
                response_class=Response, responses={412: ERROR_SCHEMA})
def cancel_upload(upload_id: str, request: Request) -> Response:
    """tus termination: drop an upload and its bytes (and free its place in the account's allowance)."""
    hub = hub_of(request)
    _require_tus(request)
    parts = _parts(hub)
    with parts.locked(upload_id), hub.sessions() as db:
        db.delete(_owned(db, request, upload_id))
        db.commit()
    parts.remove(upload_id)
    return Response(status_code=204, headers=TUS_HEADERS)


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
    """Verify the whole file and move it into the blob store (call with the upload locked)."""
    parts = _parts(hub)
    sha = parts.assemble(upload.id)
    expected = parts.expected_sha(upload.id)
    if expected and expected != sha:
        upload.offset = 0
        parts.reset(upload.id)
        db.commit()
        raise ApiError(460, "checksum_mismatch", "The uploaded file does not match its sha256; upload it again.")
    parts.adopt(upload.id, sha)
    upload.sha256 = sha
    db.commit()


def _owned(db: Session, request: Request, upload_id: str) -> Upload:
    user: User = current_user(optional_user(request, db))
    upload = db.get(Upload, upload_id)
    if upload is None or upload.user_id != user.id:
        raise not_found("This upload")
    return upload


def _live(upload: Upload) -> Upload:
    if _expired(upload):
        raise ApiError(410, "upload_expired", "This upload was left unfinished too long and has expired; "
                                              "start it again.", headers=TUS_HEADERS)
    return upload


def _same_offset(upload: Upload, offset: int) -> None:
    if upload.offset != offset:
        raise ApiError(409, "offset_mismatch", f"The upload is at byte {upload.offset}, not {offset}.",
                       headers=TUS_HEADERS)
