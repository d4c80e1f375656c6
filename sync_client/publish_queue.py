"""Publications waiting for the hub, kept on disk so publishing works offline and survives a restart.

Each entry is a folder (its files, thumbnail and a manifest.json) under the data dir. An entry
leaves the queue only when the hub has accepted it; a publication the hub refuses for good (a remix
the original's licence forbids, a category that no longer exists...) stays on disk as `failed`
with the hub's reason for the user to read — a design is never silently thrown away.
Qt-free: the desktop panel and the command line share it.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from core.atomic import atomic_write_text
from core.tasks import NULL_TASK, Task
from sync_client.api.market import Market, Publication
from sync_client.errors import HubError, HubUnavailable, NotSignedIn
from sync_client.models import Listing

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class QueuedPublication:
    key: str
    title: str
    category: str
    licence: str
    files: list[str]
    description: str = ""
    price_cents: int = 0
    tags: tuple[str, ...] = ()
    thumbnail: str | None = None
    remix_of: int | None = None
    state: str = "pending"
    error: str = ""
    created: float = 0.0

    def publication(self, folder: Path) -> Publication:
        document_path = folder / "document.json"
        document = json.loads(document_path.read_text("utf-8")) if document_path.exists() else None
        return Publication(title=self.title, category=self.category, licence=self.licence,
                           files=[folder / name for name in self.files], description=self.description,
                           price_cents=self.price_cents, tags=list(self.tags),
                           thumbnail=folder / self.thumbnail if self.thumbnail else None,
                           document=document, remix_of=self.remix_of)


class PublishQueue:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, pub: Publication) -> QueuedPublication:
        """Copy everything the publication needs into the queue (the project may change meanwhile)."""
        key = f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        target = self.folder / key
        target.mkdir()
        for path in pub.files:
            shutil.copy2(path, target / path.name)
        thumb = None
        if pub.thumbnail is not None:
            thumb = "thumbnail" + pub.thumbnail.suffix
            shutil.copy2(pub.thumbnail, target / thumb)
        if pub.document is not None:
            atomic_write_text(target / "document.json", json.dumps(pub.document))
        entry = QueuedPublication(key, pub.title, pub.category, pub.licence, [p.name for p in pub.files],
                                  pub.description, pub.price_cents, tuple(pub.tags), thumb, pub.remix_of,
                                  created=time.time())
        self._write(entry)
        return entry

    def entries(self, state: str | None = None) -> list[QueuedPublication]:
        found = []
        for manifest in sorted(self.folder.glob(f"*/{MANIFEST}")):
            try:
                data: dict[str, Any] = json.loads(manifest.read_text("utf-8"))
                data["tags"] = tuple(data.get("tags", ()))
                entry = QueuedPublication(**data)
            except (ValueError, TypeError) as exc:
                log.warning("unreadable queued publication %s: %s", manifest, exc)
                continue
            if state is None or entry.state == state:
                found.append(entry)
        return sorted(found, key=lambda e: (e.created, e.key))  # oldest first: folder names tie within a second

    def send(self, market: Market, task: Task = NULL_TASK) -> list[Listing]:
        """Publish every pending entry, oldest first; stops (keeping the rest) when offline."""
        published = []
        for entry in self.entries("pending"):
            folder = self.folder / entry.key
            try:
                listing = market.publish(entry.publication(folder), task)
            except (HubUnavailable, NotSignedIn):
                raise
            except HubError as exc:
                log.warning("publication %r refused: %s", entry.title, exc)
                self._write(QueuedPublication(**{**asdict(entry), "state": "failed", "error": str(exc)}))
                continue
            shutil.rmtree(folder)
            published.append(listing)
        return published

    def _write(self, entry: QueuedPublication) -> None:
        data = asdict(entry)
        data["tags"] = list(entry.tags)
        atomic_write_text(self.folder / entry.key / MANIFEST, json.dumps(data, indent=1))
