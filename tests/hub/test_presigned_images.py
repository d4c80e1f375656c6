"""A hosted hub reuses an image's presigned URL for half its life (hub.storage_s3.PresignedImages):
signing was most of a thumbnail's CPU, and a URL that stays the same lets browsers cache the image."""

from __future__ import annotations

import itertools

from hub.storage_s3 import PRESIGN_SECONDS, SHARED_IMAGE_URLS, PresignedImages


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_image_url_is_reused_for_half_its_life_then_signed_again() -> None:
    clock, counter = Clock(), itertools.count(1)
    images = PresignedImages(clock)

    def sign() -> str:
        return f"https://store/blobs/a?sig={next(counter)}"

    first = images.get("blobs/a", "image/png", sign)
    clock.now += PRESIGN_SECONDS / 2 - 1
    assert images.get("blobs/a", "image/png", sign) == first, "still has more than half its life left"
    clock.now += 2
    renewed = images.get("blobs/a", "image/png", sign)
    assert renewed != first, "past half its life a client could be handed a URL about to expire"
    assert images.get("blobs/a", "image/png", sign) == renewed


def test_each_image_and_type_has_its_own_url_and_the_cache_is_bounded() -> None:
    clock = Clock()
    images = PresignedImages(clock)
    urls = {images.get(f"blobs/{i}", "image/png", lambda i=i: f"u{i}") for i in range(SHARED_IMAGE_URLS)}
    assert len(urls) == SHARED_IMAGE_URLS
    assert images.get("blobs/0", "image/jpeg", lambda: "jpeg") == "jpeg"  # the type is signed into the URL
    # the store was full: it starts again rather than growing without end
    assert images.get("blobs/1", "image/png", lambda: "fresh") == "fresh"
