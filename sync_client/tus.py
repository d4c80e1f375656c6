"""Resumable uploads (tus 1.0 client: creation + checksum).

The upload URL is remembered in the outbox by the file's sha256, so an upload cut off by a crash,
a lost network or a hub restart continues from the hub's offset (HEAD) instead of starting over.
Each chunk carries its own sha256 (Upload-Checksum); the hub verifies the whole file too.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from pathlib import Path

from core.tasks import NULL_TASK, Phrase, Task
from sync_client.errors import BadResponse, NotFound
from sync_client.outbox import Outbox
from sync_client.transport import Transport

log = logging.getLogger(__name__)
TUS = {"Tus-Resumable": "1.0.0"}
CHUNK = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


class Uploader:
    def __init__(self, transport: Transport, outbox: Outbox, chunk_size: int = CHUNK) -> None:
        self.transport = transport
        self.outbox = outbox
        self.chunk_size = chunk_size

    def upload(self, path: Path, task: Task = NULL_TASK) -> str:
        """Upload `path` (or finish a previous attempt); returns the hub's upload id."""
        size = path.stat().st_size
        sha = file_sha256(path)
        url = self.outbox.upload_url(sha)
        offset = self._offset(url) if url else None
        if url is None or offset is None:
            url = self._create(path.name, size, sha)
            offset = 0
        with path.open("rb") as fh:
            fh.seek(offset)
            while offset < size:
                task.progress(offset / size if size else 1.0, Phrase("Uploading {0}", path.name))
                block = fh.read(self.chunk_size)
                offset = self._patch(url, offset, block)
                fh.seek(offset)
        task.progress(1.0, Phrase("Uploaded {0}", path.name))
        self.outbox.set_upload_url(sha, None)
        return url.rstrip("/").rsplit("/", 1)[1]

    def _create(self, name: str, size: int, sha: str) -> str:
        meta = f"filename {_b64(name)},sha256 {_b64(sha)}"
        response, _ = self.transport.send("POST", "/uploads", headers={
            **TUS, "Upload-Length": str(size), "Upload-Metadata": meta, "Idempotency-Key": sha})
        location = response.headers.get("location")
        if not location or not location.startswith(self.transport.base_url + "/uploads/"):
            raise BadResponse("The hub did not say where to send the upload (or pointed elsewhere).")
        self.outbox.set_upload_url(sha, location)
        return location

    def _offset(self, url: str) -> int | None:
        """The hub's offset for a remembered upload, or None when it no longer knows it."""
        try:
            response, _ = self.transport.send("HEAD", url, headers=TUS)
        except NotFound:
            return None
        value = response.headers.get("upload-offset", "")
        if not value.isdigit():
            raise BadResponse("The hub's upload offset is missing or not a number.")
        return int(value)

    def _patch(self, url: str, offset: int, block: bytes) -> int:
        checksum = base64.b64encode(hashlib.sha256(block).digest()).decode()
        headers = {**TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
                   "Upload-Checksum": f"sha256 {checksum}"}
        # a PATCH at a given offset is idempotent (the hub checks the offset), so it may be retried
        response, _ = self.transport.send("PATCH", url, headers={**headers, "Idempotency-Key": f"{url}@{offset}"},
                                          content=block, expect=(409,))
        if response.status_code == 409:  # the hub has more (or fewer) bytes than we thought: ask it
            current = self._offset(url)
            if current is None:
                raise BadResponse("The hub lost this upload; start it again.")
            return current
        value = response.headers.get("upload-offset", "")
        if not value.isdigit() or int(value) != offset + len(block):
            raise BadResponse("The hub reported an unexpected upload offset.")
        return int(value)
