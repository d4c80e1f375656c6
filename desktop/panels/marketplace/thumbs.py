"""Lazily loaded thumbnails. Cards ask for theirs only when they scroll into view; at most
`parallel` downloads run at a time on the shared worker pool (never the GUI thread; the rest wait
in our own queue, so a search submitted meanwhile is not stuck behind a page of pictures). The
bytes come from sync_client, whose HTTP cache revalidates with ETags on disk, so a restart does
not download them again.
Decoded images are kept in memory for the session (a QPixmapCache would evict them too eagerly
while the user scrolls back and forth)."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from core.tasks import Task
from desktop.workers import Workers

log = logging.getLogger(__name__)
MEMORY_ITEMS = 600


class ThumbnailLoader(QObject):
    loaded = Signal(int, QPixmap)

    def __init__(self, fetch: Callable[[int], bytes], workers: Workers, parallel: int = 2,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._workers = workers
        self._parallel = parallel
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._queue: list[int] = []
        self._running: set[int] = set()
        self._failed: set[int] = set()

    def cached(self, listing_id: int) -> QPixmap | None:
        return self._pixmaps.get(listing_id)

    def want(self, listing_id: int) -> None:
        """Ask for a thumbnail; `loaded` fires once it is here (at once if it already is)."""
        if listing_id in self._pixmaps:
            self.loaded.emit(listing_id, self._pixmaps[listing_id])
        elif listing_id not in self._running and listing_id not in self._queue and listing_id not in self._failed:
            self._queue.append(listing_id)
            self._pump()

    def forget_queue(self) -> None:
        """A new search replaced the cards: drop requests nobody will look at."""
        self._queue.clear()

    @property
    def busy(self) -> bool:
        return bool(self._queue or self._running)

    def _pump(self) -> None:
        while self._queue and len(self._running) < self._parallel:
            listing_id = self._queue.pop(0)
            self._running.add(listing_id)
            self._workers.submit(
                "thumbnail", lambda task, i=listing_id: self._decode(i, task),
                on_done=lambda image, i=listing_id: self._done(i, image),
                on_error=lambda exc, i=listing_id: self._fail(i, exc), show=False)

    def _decode(self, listing_id: int, task: Task) -> QImage:
        task.check()
        image = QImage.fromData(self._fetch(listing_id))
        if image.isNull():
            raise ValueError(f"thumbnail of listing {listing_id} is not an image")
        return image

    def _done(self, listing_id: int, image: QImage) -> None:
        self._running.discard(listing_id)
        pixmap = QPixmap.fromImage(image)
        self._pixmaps[listing_id] = pixmap
        while len(self._pixmaps) > MEMORY_ITEMS:
            self._pixmaps.popitem(last=False)
        self.loaded.emit(listing_id, pixmap)
        self._pump()

    def _fail(self, listing_id: int, exc: BaseException) -> None:
        # a missing picture is not worth a dialog: the card keeps its placeholder
        log.info("no thumbnail for listing %s: %s", listing_id, exc)
        self._running.discard(listing_id)
        self._failed.add(listing_id)
        self._pump()
