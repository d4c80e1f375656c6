"""Upload G-code to Moonraker over HTTP (`/server/files/upload`) with a sha256 checksum, progress and cancel."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx

from core.tasks import NULL_TASK, Phrase, Task
from printers.errors import UploadError


class _ProgressReader:
    """A file object that reports each chunk httpx pulls, so the upload shows progress and can be cancelled."""

    def __init__(self, path: Path, task: Task) -> None:
        self._fh = path.open("rb")
        self._total = path.stat().st_size or 1
        self._sent = 0
        self._task = task
        self.name = path.name

    def read(self, size: int = -1) -> bytes:
        chunk = self._fh.read(size if size and size > 0 else 64 * 1024)
        self._sent += len(chunk)
        self._task.progress(self._sent / self._total, Phrase("Uploading {0}", self.name))
        return chunk

    def fileno(self) -> int:
        """Lets httpx size the body, so it sends Content-Length instead of chunks small firmwares reject."""
        return self._fh.fileno()

    def close(self) -> None:
        self._fh.close()


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def upload(base_url: str, path: Path, task: Task = NULL_TASK, api_key: str | None = None,
           timeout: float = 60.0) -> str:
    """Returns the name Moonraker stored the file under (relative to the gcodes root)."""
    reader = _ProgressReader(path, task)
    headers = {"X-Api-Key": api_key} if api_key else {}
    try:
        response = httpx.post(f"{base_url}/server/files/upload", headers=headers, timeout=timeout,
                              data={"root": "gcodes", "checksum": sha256(path)},
                              files={"file": (path.name, reader, "application/octet-stream")})  # type: ignore[dict-item]
    except httpx.HTTPError as exc:
        raise UploadError(f"Uploading {path.name} to {base_url} failed: {exc}") from exc
    finally:
        reader.close()
    if response.status_code >= 400:
        raise UploadError(f"Moonraker refused {path.name}: HTTP {response.status_code} {response.text[:200]}")
    try:
        item = response.json()["item"]["path"]
    except (ValueError, KeyError, TypeError):
        raise UploadError(f"Moonraker answered the upload of {path.name} with an unexpected body.") from None
    return str(item)
