"""Listing search: full-text match (SQLite FTS5 / PostgreSQL tsvector), filters, sorts and cursors.

User text never reaches the FTS grammar: it is cut into word tokens and each becomes a quoted
prefix term, so `"pla` or `AND(` cannot produce a syntax error (a 500) and typing-as-you-go matches
word beginnings. Sorted pages use keyset cursors (value + id) so a page never repeats or skips a
row while new listings arrive; relevance pages use an offset, since a rank is not a stable key.

A cursor comes back from the client, so it is untrusted input: every field is checked for its type
and range before it reaches SQL (a float offset of 1e30 or an id past the column's range was a 500
on both databases), and anything else is a 400 telling the client to start from the first page.

A search the result cache has not seen is the hub's commonest real work, so its CPU is kept low
(bench/RESULTS.md, issue 14): the SQL is Core over the tables, not the ORM; each shape of query (which
filters, which sort) is built once per process and then only its values change, as bound
parameters; relevance pages rank the matching ids alone and fetch the columns of one page's rows; the
category tree is read once a minute, not on every search.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Row, Select, and_, bindparam, case, func, literal_column, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from hub.errors import ApiError
from hub.models import Category, Listing, ListingTag, User
from hub.params import MAX_ID
from hub.schemas import Licence, Sort

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8


@dataclass(frozen=True)
class Query:
    q: str = ""
    category: str | None = None
    tag: str | None = None
    licence: Licence | None = None
    price: str | None = None  # "free" | "paid"
    creator: str | None = None
    has_parameters: bool | None = None
    sort: Sort = Sort.RELEVANCE
    cursor: str | None = None
    limit: int = 24


LISTINGS = Listing.__table__
USERS = User.__table__
# Only what a result card shows: loading whole Listing objects cost more than the query itself
# (ORM identity bookkeeping, and JSON-decoding every row's parametric document and image list).
SUMMARY_COLUMNS = (*(LISTINGS.c[name] for name in (
    "id", "slug", "title", "category", "licence", "price_cents", "tags_text", "has_parameters", "thumbnail_sha",
    "downloads", "likes", "makes", "created_at")), USERS.c.username)
CATEGORY_TTL = 60.0  # seconds a process trusts its copy of the category tree (seeded at start, rarely changed)


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: `offset` for relevance pages, `value` + `last_id` for sorted ones;
    `total` is the first page's count, carried along."""

    offset: int = 0
    value: int | datetime | None = None
    last_id: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class Page:
    total: int
    rows: list[Row[Any]]  # SUMMARY_COLUMNS, read by attribute (row.title, row.username)
    next_cursor: str | None


def _terms(q: str) -> list[str]:
    return [w.lower() for w in WORD.findall(q)][:MAX_TERMS]


def _encode(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


RELEVANCE_KEYS = frozenset({"o", "t"})
SORTED_KEYS = frozenset({"v", "id", "t"})


class BadCursor(ApiError):
    def __init__(self) -> None:
        super().__init__(400, "bad_cursor", "The page cursor is not valid; start from the first page.")


def _count(data: dict[str, Any], key: str) -> int | None:
    """None when absent, else a whole number 0..MAX_ID (what the id and counter columns hold), never a
    bool, a float or text."""
    value = data.get(key)
    if value is not None and (type(value) is not int or not 0 <= value <= MAX_ID):
        raise BadCursor()
    return value


def _decode(cursor: str, sort: Sort) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError):
        raise BadCursor() from None
    relevance = sort is Sort.RELEVANCE
    if not isinstance(data, dict) or not set(data) <= (RELEVANCE_KEYS if relevance else SORTED_KEYS):
        raise BadCursor()  # not ours, or made for another sort
    total = _count(data, "t")
    if relevance:
        return Cursor(offset=_count(data, "o") or 0, total=total)
    last_id = _count(data, "id")
    if last_id is None:
        raise BadCursor()
    if sort is not Sort.NEWEST:
        return Cursor(value=_count(data, "v"), last_id=last_id, total=total)
    try:
        when = datetime.fromisoformat(data["v"])
        when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    except (KeyError, TypeError, ValueError, OverflowError):
        raise BadCursor() from None
    return Cursor(value=when, last_id=last_id, total=total)




class _CategoryTrees:
    """Each database's category parents, read at most once a CATEGORY_TTL per process (it was a query
    on every filtered search). Categories are seeded when the hub starts; a slug this copy does not know
    makes it read the tree again at once, so a category added since is found, not refused, and a
    listing in a new subcategory shows under its parent within CATEGORY_TTL."""

    def __init__(self) -> None:
        self._trees: WeakKeyDictionary[Engine, tuple[float, dict[str, str | None]]] = WeakKeyDictionary()
        self._lock = threading.Lock()

    def parents(self, conn: Connection, slug: str) -> dict[str, str | None]:
        engine = conn.engine
        with self._lock:
            read_at, tree = self._trees.get(engine, (0.0, {}))
        if slug in tree and time.monotonic() - read_at < CATEGORY_TTL:
            return tree
        tree = {row.slug: row.parent for row in conn.execute(select(Category.slug, Category.parent))}
        with self._lock:
            self._trees[engine] = (time.monotonic(), tree)
        return tree


CATEGORY_TREES = _CategoryTrees()


def _descendants(conn: Connection, slug: str) -> list[str]:
    parents = CATEGORY_TREES.parents(conn, slug)
    if slug not in parents:
        raise ApiError(422, "unknown_category", f"There is no category '{slug}'.")
    found = [slug]
    for candidate in parents:
        node: str | None = candidate
        while node is not None and node not in found:
            node = parents.get(node)
        if node in found and candidate not in found:
            found.append(candidate)
    return found


@dataclass(frozen=True)
class _Shape:
    """What decides a search's SQL text; the values themselves are bound parameters."""

    sqlite: bool
    text: int  # how many words the user typed (each its own prefix term on PostgreSQL)
    category: bool
    tag: bool
    licence: bool
    price: str | None
    creator: bool
    has_parameters: bool
    sort: Sort
    keyset: bool  # a sorted page after the first
    count_in_pass: bool


SORT_COLUMNS = {Sort.NEWEST: LISTINGS.c.created_at, Sort.POPULAR: LISTINGS.c.likes,
                Sort.DOWNLOADS: LISTINGS.c.downloads}
FTS_MATCH = "listings_fts MATCH :match"  # SQLite's full-text index, as every query here asks it


def _filters(shape: _Shape) -> list[ColumnElement[bool]]:
    """Conditions on listings alone (no join), shared by the count and the page query."""
    c = LISTINGS.c
    where: list[ColumnElement[bool]] = [c.unlisted_at.is_(None)]  # unlisted: reachable by link, never found
    if shape.category:
        where.append(c.category.in_(bindparam("categories", expanding=True)))
    if shape.tag:
        where.append(c.id.in_(select(ListingTag.listing_id).where(ListingTag.tag == bindparam("tag"))))
    if shape.licence:
        where.append(c.licence == bindparam("licence"))
    if shape.price == "free":
        where.append(c.price_cents == 0)
    elif shape.price == "paid":
        where.append(c.price_cents > 0)
    if shape.creator:
        where.append(c.creator_id.in_(select(USERS.c.id).where(USERS.c.username == bindparam("creator"))))
    if shape.has_parameters:
        where.append(c.has_parameters == bindparam("has_parameters"))
    if shape.text:
        if shape.sqlite:
            where.append(c.id.in_(text(f"SELECT rowid FROM listings_fts WHERE {FTS_MATCH}")))
        else:
            where.append(literal_column("listings.search").op("@@")(_tsquery(shape.text)))
    return where


def _tsquery(words: int) -> Any:
    """Every word as an English prefix term, or as a plain one when English drops it as a stop word: someone
    typing "me" on the way to "melon" would otherwise find nothing (SQLite's index keeps every word)."""
    terms = []
    for i in range(words):
        english = func.to_tsquery("english", bindparam(f"term{i}"))
        terms.append(case((func.numnode(english) > 0, english), else_=func.to_tsquery("simple", bindparam(f"term{i}"))))
    query = terms[0]
    for term in terms[1:]:
        query = query.op("&&")(term)
    return query


def _with_columns(ranked: Any) -> Select[Any]:
    """One page's columns for the ids (and ranks) a narrower query ordered and cut."""
    stmt = select(*SUMMARY_COLUMNS, *(ranked.c.matches,) if "matches" in ranked.c else ())
    return (stmt.select_from(ranked.join(LISTINGS, LISTINGS.c.id == ranked.c.id)
                             .join(USERS, USERS.c.id == LISTINGS.c.creator_id))
            .order_by(ranked.c.rank, ranked.c.id.desc()))


@lru_cache(maxsize=256)
def _page(shape: _Shape) -> Select[Any]:
    """The page query of one shape, built once: rank the matching ids alone (narrow rows), then fetch
    the columns of the page's rows (ranking whole rows cost PostgreSQL a third more, measured)."""
    if shape.sort is Sort.RELEVANCE:
        if shape.sqlite:  # bm25 is lower for better matches; title, tags, description weighted 10:1:4
            hits = (text("SELECT rowid AS id, bm25(listings_fts, 10.0, 1.0, 4.0) AS rank "
                         f"FROM listings_fts WHERE {FTS_MATCH}")
                    .columns(literal_column("id"), literal_column("rank")).subquery("hits"))
            rank: Any = hits.c.rank
            ids = select(LISTINGS.c.id, rank.label("rank")).join(hits, hits.c.id == LISTINGS.c.id)
            where = _filters(replace(shape, text=0))  # the join already keeps the matches alone
        else:
            where = _filters(shape)
            rank = -func.ts_rank(literal_column("listings.search"), _tsquery(shape.text))
            ids = select(LISTINGS.c.id, rank.label("rank"))
        if shape.count_in_pass:
            ids = ids.add_columns(func.count().over().label("matches"))
        ranked = (ids.where(*where).order_by(rank, LISTINGS.c.id.desc())
                  .offset(bindparam("offset")).limit(bindparam("limit")).subquery("ranked"))
        return _with_columns(ranked)
    column = SORT_COLUMNS[shape.sort]
    where = _filters(shape)
    if shape.keyset:
        after = bindparam("after_value", type_=column.type)
        where.append(or_(column < after, and_(column == after, LISTINGS.c.id < bindparam("after_id"))))
    return (select(*SUMMARY_COLUMNS).join(USERS, USERS.c.id == LISTINGS.c.creator_id).where(*where)
            .order_by(column.desc(), LISTINGS.c.id.desc()).limit(bindparam("limit")))


@lru_cache(maxsize=256)
def _count_query(shape: _Shape) -> Select[Any]:
    filtered = any((shape.category, shape.tag, shape.licence, shape.price, shape.creator, shape.has_parameters))
    if shape.sqlite and shape.text and not filtered:
        # FTS5 counts its own matches five times faster than through the listings; its index holds the listed
        # listings alone (migration 0004's triggers), so the count is the same
        return select(func.count()).select_from(text("listings_fts")).where(text(FTS_MATCH))
    return select(func.count()).select_from(LISTINGS).where(*_filters(shape))


def search(conn: Connection, query: Query) -> Page:
    sqlite = conn.dialect.name == "sqlite"
    terms = _terms(query.q)
    sort = query.sort if (query.sort is not Sort.RELEVANCE or terms) else Sort.NEWEST
    cursor = _decode(query.cursor, sort) if query.cursor else None
    values: dict[str, Any] = {"limit": query.limit + 1}
    if terms:  # quoted prefix terms, so no user text is FTS grammar
        if sqlite:
            values["match"] = " ".join(f'"{t}"*' for t in terms)
        else:
            values.update({f"term{i}": f"{t}:*" for i, t in enumerate(terms)})
    if query.category:
        values["categories"] = _descendants(conn, query.category)
    if query.tag:
        values["tag"] = query.tag.lower()
    if query.licence:
        values["licence"] = query.licence.value
    if query.creator:
        values["creator"] = query.creator.lower()
    if query.has_parameters is not None:
        values["has_parameters"] = query.has_parameters
    # PostgreSQL ranks by reading every match, so counting them in that pass is free, where a separate
    # COUNT(*) reads them again. SQLite's FTS5 counts from its index cheaper than it can carry a window
    # function through the join (measured: 0.2 ms vs +0.4 ms).
    in_pass = sort is Sort.RELEVANCE and cursor is None and not sqlite
    if sort is not Sort.RELEVANCE and cursor is not None:
        if cursor.value is None:
            raise BadCursor()
        values["after_value"], values["after_id"] = cursor.value, cursor.last_id
    shape = _Shape(sqlite, len(terms), bool(query.category), bool(query.tag), bool(query.licence), query.price,
                   bool(query.creator), query.has_parameters is not None, sort,
                   cursor is not None and sort is not Sort.RELEVANCE, in_pass)
    offset = cursor.offset if cursor and sort is Sort.RELEVANCE else 0
    if sort is Sort.RELEVANCE:
        values["offset"] = offset
    rows = list(conn.execute(_page(shape), values).all())
    total = rows[0].matches if in_pass and rows else _total(conn, shape, values, cursor, rows, query.limit)
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    if not more:
        return Page(total, rows, None)
    if sort is Sort.RELEVANCE:
        return Page(total, rows, _encode({"o": offset + query.limit, "t": total}))
    raw = getattr(rows[-1], SORT_COLUMNS[sort].key)
    return Page(total, rows, _encode({"v": raw.isoformat() if isinstance(raw, datetime) else raw,
                                      "id": rows[-1].id, "t": total}))


def _total(conn: Connection, shape: _Shape, values: dict[str, Any], cursor: Cursor | None, rows: list[Row[Any]],
           limit: int) -> int:
    """How many listings match, without a COUNT(*) where it is already known: a first page that is
    not full holds them all, and later pages carry the first page's total in their cursor (it may
    be a few listings off while people publish; the pages themselves never skip or repeat)."""
    if cursor is None and len(rows) <= limit:
        return len(rows)
    if cursor is not None and cursor.total is not None:
        return cursor.total
    counted = {k: v for k, v in values.items() if k not in ("limit", "offset", "after_value", "after_id")}
    return conn.execute(_count_query(replace(shape, sort=Sort.RELEVANCE, keyset=False, count_in_pass=False)),
                        counted).scalar() or 0
