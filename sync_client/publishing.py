"""Publishing that works offline: when the hub cannot be reached the publication (with copies of its
files, so a temp export can vanish) waits in the outbox and goes out on the next `flush()`.
A publication the hub refuses (bad category, licence clash) turns `failed` with the reason, kept."""

from __future__ import annotations

import logging
import shutil
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sync_client.api.market import Market, Publication
from sync_client.errors import HubError, HubUnavailable, NotSignedIn
from sync_client.models import Listing
from sync_client.outbox import Outbox

log = logging.getLogger(__name__)


class PublishQueue:
    def __init__(self, market: Market, outbox: Outbox, folder: Path) -> None:
        self.market = market
        self.outbox = outbox
        self.folder = folder

    def publish(self, pub: Publication) -> Listing | None:
        """Publish now, or queue it when offline (returns None then)."""
        try:
            return self.market.publish(pub)
        except HubUnavailable:
            self._queue(pub)
            return None

    def _queue(self, pub: Publication) -> None:
        payload: dict[str, Any] = asdict(pub)
        keep = self.folder / f"publication-{uuid.uuid4().hex}"
        keep.mkdir(parents=True, exist_ok=True)
        payload["files"] = [str(shutil.copy2(p, keep / p.name)) for p in pub.files]
        if pub.thumbnail is not None:
            payload["thumbnail"] = str(shutil.copy2(pub.thumbnail, keep / f"thumbnail-{pub.thumbnail.name}"))
        pub_id = self.outbox.queue_publication({"publication": payload, "folder": str(keep)})
        log.info("hub unreachable: publication %d queued", pub_id)

    def pending(self) -> list[tuple[int, str]]:
        return [(i, str(p["publication"]["title"])) for i, p, _ in self.outbox.publications()]

    def failed(self) -> list[tuple[int, str, str]]:
        return [(i, str(p["publication"]["title"]), err) for i, p, err in self.outbox.publications("failed")]

    def flush(self) -> list[Listing]:
        """Send queued publications in order; stops (keeping the rest) when offline or signed out."""
        published = []
        for pub_id, queued, _ in self.outbox.publications():
            payload = queued["publication"]
            pub = Publication(**{**payload, "files": [Path(p) for p in payload["files"]],
                                 "thumbnail": Path(payload["thumbnail"]) if payload.get("thumbnail") else None})
            try:
                listing = self.market.publish(pub)
            except (HubUnavailable, NotSignedIn):
                break
            except HubError as exc:
                self.outbox.mark_publication(pub_id, "failed", str(exc))
                continue
            self.outbox.mark_publication(pub_id, "published", listing_id=listing.id)
            shutil.rmtree(queued["folder"], ignore_errors=True)
            published.append(listing)
        return published
