"""Saving what the hub sends to disk, safely.

A file name from the hub is untrusted: it must be a plain name (no directories, no `..`, no
absolute path, no hidden file) with a model extension, or the download is refused — otherwise a
hostile listing could write outside the folder the user chose. Downloads resume with Range from a
`.part` file and are checked against the listing's size and sha256 before they take their name.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import httpx

from core.tasks import NULL_TASK, Phrase, Task
from sync_client.errors import BadResponse, HubUnavailable
from sync_client.transport import Transport, error_from

SAFE = re.compile(r"^[\w][\w .()+-]{0,150}\.(3mf|stl|obj|json|png)$", re.IGNORECASE)


def safe_name(name: str) -> str:
    if (not SAFE.match(name) or ".." in name or name != os.path.basename(name) or "\\" in name
            or "/" in name):
        raise BadResponse(f"The hub offered a file with an unsafe name ({name[:80]!r}); it was not saved.")
    return name


def download_to(transport: Transport, url: str, folder: Path, name: str, size: int, sha256: str,
                task: Task = NULL_TASK) -> Path:
    target = folder / safe_name(name)
    folder.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    if have > size:
        part.unlink()
        have = 0
    headers = {"Range": f"bytes={have}-"} if 0 < have < size else {}
    token = transport.tokens.access_token() if transport.tokens else None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        # follow_redirects: a hosted hub hands files out as a redirect to its object store (a presigned URL;
        # httpx drops the Authorization header when the redirect leaves the hub's origin)
        with transport.http.stream("GET", transport.url(url), headers=headers, follow_redirects=True) as response:
            if response.status_code >= 400:
                raise error_from(response, response.read()[:65536])
            mode = "ab" if response.status_code == 206 else "wb"
            received = have if mode == "ab" else 0
            with part.open(mode) as fh:
                for chunk in response.iter_bytes(1024 * 256):
                    received += len(chunk)
                    if received > size:
                        raise BadResponse(f"'{name}' is larger than the {size} bytes the listing declares.")
                    fh.write(chunk)
                    task.progress(received / size if size else 1.0, Phrase("Downloading {0}", name))
    except httpx.TransportError as exc:
        raise HubUnavailable(f"The download of '{name}' was cut off ({type(exc).__name__}); "
                             "run it again to resume.") from None
    if part.stat().st_size != size or _sha256(part) != sha256:
        part.unlink()
        raise BadResponse(f"'{name}' arrived damaged (size or sha256 differ); it was discarded.")
    os.replace(part, target)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()
