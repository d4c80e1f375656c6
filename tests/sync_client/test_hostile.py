"""A broken or hostile hub: wrong types, huge bodies, traversal in file names, flaky status codes.

The fake hub is a real HTTP server on 127.0.0.1 speaking plain HTTP/1.1; each test scripts its
answers. Nothing it sends may crash the client or write outside the chosen folder.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sync_client.client import HubClient
from sync_client.errors import BadResponse, NotFound
from sync_client.transport import RetryPolicy, Transport

Answer = tuple[int, dict[str, str], bytes]


class FakeHub:
    def __init__(self) -> None:
        self.routes: dict[str, Callable[[], Answer]] = {}
        self.hits: dict[str, int] = {}
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                hub.hits[path] = hub.hits.get(path, 0) + 1
                status, headers, body = hub.routes.get(path, lambda: (404, {}, b""))()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def json(self, path: str, data: object, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.routes[path] = lambda: (status, {"Content-Type": "application/json", **(headers or {})},
                                     json.dumps(data).encode())


@pytest.fixture
def fake() -> Iterator[FakeHub]:
    hub = FakeHub()
    yield hub
    hub.server.shutdown()
    hub.server.server_close()


@pytest.fixture
def client(fake: FakeHub, tmp_path: Path) -> Iterator[HubClient]:
    c = HubClient(fake.url, state_dir=tmp_path / "state", retry=RetryPolicy(attempts=3, base=0.01, cap=0.05))
    yield c
    c.close()


LISTING = {"id": 7, "slug": "pot-7", "title": "Pot", "creator": "eve", "category": "planters", "licence": "CC0",
           "price_cents": 0, "tags": [], "has_parameters": False, "thumbnail_url": None, "downloads": 0,
           "likes": 0, "makes": 0, "created_at": "2026-01-01T00:00:00Z", "description": "", "images": [],
           "remix_of": None, "remix_allowed": True, "purchased": False}


def test_wrong_types_are_refused(fake: FakeHub, client: HubClient) -> None:
    fake.json("/listings", {"total": "many", "items": [], "next_cursor": None})
    with pytest.raises(BadResponse, match=r"SearchPage\.total"):
        client.market.search("pot")
    fake.json("/listings/7", [1, 2, 3])
    with pytest.raises(BadResponse, match="malformed"):
        client.market.listing(7)
    fake.json("/listings/7/remixes", [8, "../../etc", True])
    with pytest.raises(BadResponse, match="remixes is malformed"):
        client.market.remixes(7)
    fake.routes["/categories"] = lambda: (200, {"Content-Type": "application/json"}, b"{not json")
    with pytest.raises(BadResponse, match="not valid JSON"):
        client.market.categories()


def test_a_50_mb_answer_is_not_read(fake: FakeHub, client: HubClient) -> None:
    huge = b'{"total": 1, "items": [' + b'{"x": 1},' * (50 * 1024 * 1024 // 9) + b'{}]}'
    fake.routes["/listings"] = lambda: (200, {"Content-Type": "application/json"}, huge)
    started = time.monotonic()
    with pytest.raises(BadResponse, match="larger than|bytes where at most"):
        client.market.search("pot")
    assert time.monotonic() - started < 5
    chunked = iter([b"[" + b"0," * (5 * 1024 * 1024)] * 3)

    def streamed() -> Answer:  # no Content-Length: the cap must hold while reading
        return 200, {"Content-Type": "application/json", "Connection": "close"}, b"".join(chunked)

    fake.routes["/categories"] = streamed
    with pytest.raises(BadResponse, match="larger than|bytes where at most"):
        client.transport.json("GET", "/categories", limit=1024 * 1024)


def test_path_traversal_in_file_names_is_refused(fake: FakeHub, client: HubClient, tmp_path: Path) -> None:
    for evil in ["../../evil.stl", "/etc/cron.d/evil.stl", "..\\..\\evil.stl", ".hidden.stl", "evil.sh"]:
        fake.json("/listings/7", LISTING | {"files": [{"name": evil, "kind": "stl", "size": 3, "sha256": "a" * 64,
                                                       "url": f"{fake.url}/blob"}]})
        fake.routes["/blob"] = lambda: (200, {}, b"abc")
        with pytest.raises(BadResponse, match="unsafe name"):
            client.market.get(7, tmp_path / "out")
    assert not any(tmp_path.parent.rglob("evil*"))
    assert fake.hits.get("/blob") is None  # refused before a byte was fetched


def test_damaged_download_is_discarded(fake: FakeHub, client: HubClient, tmp_path: Path) -> None:
    fake.json("/listings/7", LISTING | {"files": [{"name": "pot.stl", "kind": "stl", "size": 3, "sha256": "a" * 64,
                                                   "url": f"{fake.url}/blob"}]})
    fake.routes["/blob"] = lambda: (200, {}, b"abc")
    with pytest.raises(BadResponse, match="damaged"):
        client.market.get(7, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_retries_honour_retry_after_and_skip_plain_4xx(fake: FakeHub) -> None:
    answers = iter([(503, {"Retry-After": "1"}, b""), (429, {"Retry-After": "2"}, b""),
                    (200, {"Content-Type": "application/json"}, b"[]")])
    fake.routes["/categories"] = lambda: next(answers)
    slept: list[float] = []
    transport = Transport(fake.url, retry=RetryPolicy(attempts=5), sleep=slept.append)
    assert transport.json("GET", "/categories") == []
    assert slept == [1.0, 2.0] and fake.hits["/categories"] == 3

    fake.json("/listings/9", {"error": {"code": "not_found", "message": "This listing was not found."}}, 404)
    with pytest.raises(NotFound, match="This listing was not found"):
        transport.json("GET", "/listings/9")
    assert fake.hits["/listings/9"] == 1 and len(slept) == 2

    fake.routes["/listings"] = lambda: (500, {}, b"oops")
    jitter = Transport(fake.url, retry=RetryPolicy(attempts=4, base=1.0, cap=3.0), sleep=slept.append)
    with pytest.raises(Exception, match="500"):
        jitter.json("GET", "/listings")
    backoff = slept[2:]
    assert len(backoff) == 3 and all(0 <= s <= min(3.0, 2**i) for i, s in enumerate(backoff))
    transport.close()
    jitter.close()
