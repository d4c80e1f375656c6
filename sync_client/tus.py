"""Resumable uploads (tus 1.0 client: creation + checksum).

The upload URL is remembered in the outbox by the file's sha256, so an upload cut off by a crash,
a lost network or a hub restart continues from the hub's offset (HEAD) instead of starting over.
Each chunk carries its own sha256 (Upload-Checksum); the hub verifies the whole file too. An upload
the hub no longer knows (404) or let expire (410, tus Expiration) starts over from zero.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from pathlib import Path

from core.tasks import NULL_TASK, Phrase, Task
from sync_client.errors import BadResponse
from sync_client.outbox import Outbox
from sync_client.transport import Transport

log = logging.getLogger(__name__)
TUS = {"Tus-Resumable": "1.0.0"}
CHUNK = 1024 * 1024
DECIMAL = re.compile(r"[0-9]{1,19}")  # tus numbers are ASCII digits; str.isdigit() also takes "²"
GONE = (404, 410)


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
        fresh = url is None or offset is None
        if url is None or offset is None:
            url = self._create(path.name, size, sha)
            offset = 0
        with path.open("rb") as fh:
            fh.seek(offset)
            while offset < size:
                task.progress(offset / size if size else 1.0, Phrase("Uploading {0}", path.name))
                block = fh.read(self.chunk_size)
                moved = self._patch(url, offset, block)
                if moved is None:  # expired or removed while we were away: begin again, once
                    if fresh:
                        raise BadResponse("The hub dropped an upload it had just created.")
                    log.info("the hub dropped upload %s; starting %s again", url, path.name)
                    url, moved, fresh = self._create(path.name, size, sha), 0, True
                offset = moved
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
        response, _ = self.transport.send("HEAD", url, headers=TUS, expect=GONE)
        if response.status_code in GONE:
            return None
        return _number(response.headers.get("upload-offset", ""))

    def _patch(self, url: str, offset: int, block: bytes) -> int | None:
        """Send one chunk; the hub's new offset, or None when the upload is gone."""
        checksum = base64.b64encode(hashlib.sha256(block).digest()).decode()
        headers = {**TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
                   "Upload-Checksum": f"sha256 {checksum}"}
        # a PATCH at a given offset is idempotent (the hub checks the offset), so it may be retried
        response, _ = self.transport.send("PATCH", url, headers={**headers, "Idempotency-Key": f"{url}@{offset}"},
                                          content=block, expect=(409, *GONE))
        if response.status_code in GONE:
            return None
        if response.status_code == 409:  # the hub has more (or fewer) bytes than we thought: ask it
            return self._offset(url)
        if _number(response.headers.get("upload-offset", "")) != offset + len(block):
            raise BadResponse("The hub reported an unexpected upload offset.")
        return offset + len(block)


def _number(value: str) -> int:
    if not DECIMAL.fullmatch(value):
        raise BadResponse("The hub's upload offset is missing or not a number.")
    return int(value)
