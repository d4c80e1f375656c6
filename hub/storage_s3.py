"""Blobs and unfinished tus uploads in S3-compatible object storage (MinIO, AWS S3, Ceph, moto...), for a
hosted hub whose workers run on several machines: any worker can take the next chunk of an upload
another one started, and downloads go from the object store to the client (a redirect to a presigned
GET URL), not through Python.

Layout in the bucket: `blobs/<sha256>` (content-addressed, as on disk) and, per unfinished upload,
`uploads/<id>/expected` (the digest the client declared) and one object per received chunk,
`uploads/<id>/chunk-<start offset, 20 digits>`. The database's offset stays the truth: a chunk is
stored under the offset it starts at, and chunks at or past that offset (left by a crash between the
store and the commit) are deleted before a new one is stored, so a resumed upload never keeps bytes
the database does not count.

When the last byte arrives, `assemble` reads the chunks in order once — hashing them — and writes them
as an S3 multipart upload (parts of at least 5 MiB, as S3 requires) to `uploads/<id>/assembled`;
`adopt` then copies it to `blobs/<sha>` inside the store. Chunks are never rewritten, so a PATCH
costs one PUT of its own bytes whatever the upload's size.

Locks that keep two workers from writing one upload at once are Redis locks (hub.redis_link), since a
file lock only holds on one machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError
from starlette.responses import RedirectResponse, Response

from core.errors import PotStudioError
from hub.redis_link import PREFIX, RedisLink
from hub.storage import LOCK_TIMEOUT, SHA256

log = logging.getLogger(__name__)

PART_BYTES = 8 * 1024 * 1024  # S3 parts: at least 5 MiB except the last
READ_BYTES = 1024 * 1024
PRESIGN_SECONDS = 300  # long enough to start a download, short enough that a shared link soon stops working
SHARED_IMAGE_URLS = 4096  # image URLs kept for reuse (see PresignedImages)
CHUNK_DIGITS = 20


@dataclass(frozen=True)
class S3Location:
    """`--s3-url http(s)://HOST[:PORT]/BUCKET` (path-style, which every S3-compatible server speaks)."""

    endpoint: str
    bucket: str

    @classmethod
    def parse(cls, url: str) -> S3Location:
        parts = urlsplit(url)
        bucket = parts.path.strip("/")
        if parts.scheme not in ("http", "https") or not parts.netloc or not bucket or "/" in bucket:
            raise PotStudioError(f"--s3-url must look like https://HOST[:PORT]/BUCKET, not {url!r}.")
        if parts.username or parts.password:
            raise PotStudioError("Put the object store's keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, "
                                 "not in --s3-url (it is shown in logs and process lists).")
        return cls(f"{parts.scheme}://{parts.netloc}", bucket)


def s3_client(endpoint: str, region: str) -> Any:
    """Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID..., a role), never from our settings."""
    return boto3.client("s3", endpoint_url=endpoint, region_name=region,
                        config=BotoConfig(s3={"addressing_style": "path"}, signature_version="s3v4",
                                          retries={"max_attempts": 3, "mode": "standard"}))


class PresignedImages:
    """Presigned URLs of public images (thumbnails, gallery pictures), each reused until half its life
    has passed. Signing cost a thumbnail request more CPU than the rest of it, and a result page shows
    two dozen; a URL that stays the same for a while also lets the browser and any proxy cache the
    image instead of fetching it again under a new signature. Files people download (paid ones
    among them) are signed for each request, never shared."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._urls: dict[tuple[str, str], tuple[float, str]] = {}
        self._lock = threading.Lock()

    def get(self, key: str, media_type: str, sign: Callable[[], str]) -> str:
        now = self._clock()
        with self._lock:
            signed_at, url = self._urls.get((key, media_type), (-PRESIGN_SECONDS, ""))
        if now - signed_at < PRESIGN_SECONDS / 2:
            return url
        url = sign()
        with self._lock:
            if len(self._urls) >= SHARED_IMAGE_URLS:
                self._urls.clear()
            self._urls[(key, media_type)] = (now, url)
        return url


class S3BlobStore:
    def __init__(self, location: S3Location, region: str = "us-east-1", public_endpoint: str = "") -> None:
        self.bucket = location.bucket
        self.client = s3_client(location.endpoint, region)
        # presigned URLs name the host they were signed for: the address clients reach the store at
        self._presigner = s3_client(public_endpoint, region) if public_endpoint else self.client
        self.images = PresignedImages()

    @staticmethod
    def key(sha: str) -> str:
        if not SHA256.match(sha):
            raise ValueError(f"not a sha256 digest: {sha!r}")
        return f"blobs/{sha}"

    def ensure_bucket(self) -> None:
        """Create the bucket on first start (a self-hoster's fresh MinIO has none)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)

    def check(self) -> str:
        self.client.head_bucket(Bucket=self.bucket)
        return ""

    def exists(self, sha: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self.key(sha))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            self.client.put_object(Bucket=self.bucket, Key=self.key(sha), Body=data)
        return sha

    def adopt_object(self, source_key: str, sha: str) -> None:
        """Copy an assembled upload to its blob (inside the store) and drop the source."""
        if not self.exists(sha):
            self.client.copy_object(Bucket=self.bucket, Key=self.key(sha),
                                    CopySource={"Bucket": self.bucket, "Key": source_key})
        self.client.delete_object(Bucket=self.bucket, Key=source_key)

    def response(self, sha: str, media_type: str, headers: dict[str, str], filename: str | None = None) -> Response:
        """A redirect to a short-lived presigned GET of the blob: the bytes go from the store to the client."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": self.key(sha), "ResponseContentType": media_type}
        if filename is not None:
            params["ResponseContentDisposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
        def sign() -> str:
            return str(self._presigner.generate_presigned_url("get_object", Params=params, ExpiresIn=PRESIGN_SECONDS))

        url = sign() if filename is not None else self.images.get(params["Key"], media_type, sign)
        kept = {k: v for k, v in headers.items() if k.lower() == "etag"}
        return RedirectResponse(url, status_code=307, headers={**kept, "Cache-Control": "private, no-store"})


class S3PartStore:
    """Unfinished uploads as chunk objects; see the module docstring."""

    def __init__(self, blobs: S3BlobStore, link: RedisLink, scratch: Path) -> None:
        self.blobs = blobs
        self.client = blobs.client
        self.bucket = blobs.bucket
        self._redis = link.client
        self.scratch = scratch  # where a PATCH body is received before it is stored
        scratch.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _prefix(upload_id: str) -> str:
        return f"uploads/{upload_id}/"

    def _chunks(self, upload_id: str) -> list[tuple[int, str]]:
        """(start offset, key) of every stored chunk, in order."""
        found: list[tuple[int, str]] = []
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self._prefix(upload_id) + "chunk-")
        for page in pages:
            for item in page.get("Contents", []):
                found.append((int(item["Key"].rsplit("-", 1)[1]), item["Key"]))
        return sorted(found)

    def start(self, upload_id: str, expected_sha: str) -> None:
        if expected_sha:
            self.client.put_object(Bucket=self.bucket, Key=self._prefix(upload_id) + "expected",
                                   Body=expected_sha.encode())

    def expected_sha(self, upload_id: str) -> str:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._prefix(upload_id) + "expected")
        except ClientError:
            return ""
        return str(answer["Body"].read().decode().strip())

    def new_chunk(self, upload_id: str) -> Path:
        return self.scratch / f"{upload_id}.{uuid.uuid4().hex}.chunk"

    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Hold a lock named `name` across every worker on every machine (a Redis lock with a timeout,
        so a worker that dies holding it does not block the upload for ever)."""
        lock = self._redis.lock(f"{PREFIX}lock:{name}", timeout=LOCK_TIMEOUT, blocking_timeout=LOCK_TIMEOUT)
        if not lock.acquire():
            raise PotStudioError(f"Timed out waiting for the lock on {name}.")
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # expired meanwhile: nothing left to release
                lock.release()

    def write_at(self, upload_id: str, offset: int, chunk: Path) -> None:
        """Store `chunk` as the bytes from `offset` on, dropping stored chunks the database does not count."""
        for start, key in self._chunks(upload_id):
            if start >= offset:
                self.client.delete_object(Bucket=self.bucket, Key=key)
        if chunk.stat().st_size:
            key = f"{self._prefix(upload_id)}chunk-{offset:0{CHUNK_DIGITS}d}"
            self.client.upload_file(str(chunk), self.bucket, key)

    def assemble(self, upload_id: str) -> str:
        """Join the chunks into `uploads/<id>/assembled` with a multipart upload; return its sha256."""
        key = self._prefix(upload_id) + "assembled"
        digest = hashlib.sha256()
        multipart = self.client.create_multipart_upload(Bucket=self.bucket, Key=key)
        done: list[dict[str, Any]] = []
        buffer = bytearray()

        def flush() -> None:
            number = len(done) + 1
            answer = self.client.upload_part(Bucket=self.bucket, Key=key, UploadId=multipart["UploadId"],
                                             PartNumber=number, Body=bytes(buffer))
            done.append({"PartNumber": number, "ETag": answer["ETag"]})
            buffer.clear()

        try:
            for _start, chunk_key in self._chunks(upload_id):
                body = self.client.get_object(Bucket=self.bucket, Key=chunk_key)["Body"]
                while block := body.read(READ_BYTES):
                    digest.update(block)
                    buffer += block
                    if len(buffer) >= PART_BYTES:
                        flush()
            if buffer or not done:
                flush()
            self.client.complete_multipart_upload(Bucket=self.bucket, Key=key, UploadId=multipart["UploadId"],
                                                  MultipartUpload={"Parts": done})
        except (ClientError, BotoCoreError):
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=multipart["UploadId"])
            raise
        return digest.hexdigest()

    def adopt(self, upload_id: str, sha: str) -> None:
        self.blobs.adopt_object(self._prefix(upload_id) + "assembled", sha)

    def reset(self, upload_id: str) -> None:
        """Forget the bytes (not the declared digest): the upload starts again from 0."""
        for _start, key in self._chunks(upload_id):
            self.client.delete_object(Bucket=self.bucket, Key=key)
        self.client.delete_object(Bucket=self.bucket, Key=self._prefix(upload_id) + "assembled")

    def remove(self, upload_id: str) -> None:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                      Prefix=self._prefix(upload_id))
        for page in pages:
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys})
        for path in self.scratch.glob(f"{upload_id}.*"):
            with contextlib.suppress(OSError):
                path.unlink()
