"""Content-addressed blob store: a file's name is its sha256, so identical uploads share bytes and a
blob can never change under a listing that points to it. Models, thumbnails and exports are blobs
derived from a document; they are never the source of truth.

Unfinished tus uploads live beside it in `PartStore`, one `<id>.part` file each, guarded by an OS file
lock so that hub worker processes (`--workers N`) never write one upload at the same time.

These are the local-directory stores of the embedded hub and a one-machine hub; a hosted hub on
several machines keeps both in S3-compatible object storage instead (hub.storage_s3), behind the
same methods.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock
from starlette.responses import FileResponse, Response

SHA256 = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1024 * 1024
LOCK_TIMEOUT = 120.0  # seconds; a holder copies at most one chunk, so waiting longer means a stuck disk


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha: str) -> Path:
        if not SHA256.match(sha):
            raise ValueError(f"not a sha256 digest: {sha!r}")
        return self.root / sha[:2] / sha

    def exists(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def check(self) -> str:
        """'' when blobs can be stored (readiness), else what is wrong."""
        return "" if os.access(self.root, os.W_OK | os.X_OK) else f"{self.root} is not writable"

    def adopt(self, source: Path, sha: str) -> Path:
        """Move a fully written, verified file into the store under its digest."""
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            source.unlink()
        else:
            os.replace(source, target)
        return target

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        return sha

    def response(self, sha: str, media_type: str, headers: dict[str, str], filename: str | None = None) -> Response:
        """The blob as a download (ranges, sendfile where the server has it)."""
        return FileResponse(self.path(sha), media_type=media_type, headers=headers, filename=filename)


class PartStore:
    """The bytes of unfinished uploads: `<id>.part` (the file so far), `<id>.sha256` (the digest the
    client declared), `<id>.<random>.chunk` (a PATCH body being received) and `<id>.lock`.

    The database's offset is the truth: a chunk is written *at* that offset and the file cut there,
    so bytes left past it by a crash between the write and the commit are overwritten, never kept.
    """

    def __init__(self, root: Path, blobs: BlobStore) -> None:
        self.root = root
        self.blobs = blobs
        self.root.mkdir(parents=True, exist_ok=True)

    def part(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.part"

    def expected(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.sha256"

    def start(self, upload_id: str, expected_sha: str) -> None:
        """Make the upload's place (before the database row that points to it) and keep its declared digest."""
        self.part(upload_id).write_bytes(b"")
        if expected_sha:
            self.expected(upload_id).write_text(expected_sha)

    def expected_sha(self, upload_id: str) -> str:
        path = self.expected(upload_id)
        return path.read_text().strip() if path.exists() else ""

    def assemble(self, upload_id: str) -> str:
        """The whole file is here: its sha256 (the local part is already one file)."""
        return sha256_file(self.part(upload_id))

    def adopt(self, upload_id: str, sha: str) -> None:
        self.blobs.adopt(self.part(upload_id), sha)

    def reset(self, upload_id: str) -> None:
        """Forget the bytes (not the declared digest): the upload starts again from 0."""
        self.part(upload_id).write_bytes(b"")

    def new_chunk(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.{uuid.uuid4().hex}.chunk"

    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Hold the OS lock named `name` (an upload id, or a user's quota) across threads and processes."""
        with FileLock(self.root / f"{name}.lock", timeout=LOCK_TIMEOUT):
            yield

    def write_at(self, upload_id: str, offset: int, chunk: Path) -> None:
        """Put `chunk` at byte `offset` of the part and end the part there (call with the upload locked)."""
        with self.part(upload_id).open("r+b") as out, chunk.open("rb") as src:
            out.seek(offset)
            shutil.copyfileobj(src, out, CHUNK)
            out.truncate()

    def remove(self, upload_id: str) -> None:
        """Drop every file of an upload (its part, declared digest, chunks in flight and lock)."""
        for path in self.root.glob(f"{upload_id}.*"):
            with contextlib.suppress(OSError):  # a chunk another request is still receiving, on Windows
                path.unlink()
