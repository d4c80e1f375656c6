"""The hub's search-result cache never serves an answer older than the last publish."""

from __future__ import annotations

from hub.results_cache import ResultCache


def test_an_answer_computed_before_a_publish_is_not_kept_after_it() -> None:
    cache = ResultCache()
    started = cache.lookup("q=planter").generation  # a search misses the cache and reads the database
    cache.clear()  # meanwhile a listing is published
    cache.put("q=planter", b'{"total": 0}', started)  # the search ends with what it read before
    assert cache.lookup("q=planter").body is None, "the next search must see the new listing, not a stale 0"
    fresh = cache.lookup("q=planter").generation
    cache.put("q=planter", b'{"total": 1}', fresh)
    assert cache.lookup("q=planter").body == b'{"total": 1}'


def test_answers_expire_after_their_ttl() -> None:
    cache = ResultCache(ttl=0.0)
    cache.put("q=vase", b"{}", cache.lookup("q=vase").generation)
    assert cache.lookup("q=vase").body is None
