"""HubClient: the one object the app (or CLI) builds per hub, wiring transport, session, caches,
outbox and the typed APIs together. Pass it down; there is no global instance."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
from hishel import CacheOptions, SqliteStorage
from hishel.httpx import CacheTransport

from core.paths import cache_dir, data_dir
from sync_client.api.market import Market
from sync_client.api.projects import Projects
from sync_client.auth import Session
from sync_client.models import User, parse
from sync_client.outbox import Outbox
from sync_client.publish_queue import PublishQueue
from sync_client.sync import SyncEngine
from sync_client.transport import RetryPolicy, Transport
from sync_client.tus import Uploader

DEFAULT_CACHE_BYTES = 200 * 1024 * 1024


class HubClient:
    def __init__(self, base_url: str, *, state_dir: Path | None = None, cache_bytes: int = DEFAULT_CACHE_BYTES,
                 retry: RetryPolicy | None = None, timeout: float = 20.0, profile: str = "default") -> None:
        """`profile` separates several accounts on one hub (their refresh tokens and outboxes)."""
        self.base_url = base_url.rstrip("/")
        key = hashlib.sha256(f"{profile}@{self.base_url}".encode()).hexdigest()[:16]
        folder = state_dir or data_dir() / "hub-client"
        cache_folder = state_dir or cache_dir()
        cache_folder.mkdir(parents=True, exist_ok=True)
        self._storage = SqliteStorage(database_path=cache_folder / f"http-cache-{key}.sqlite", max_size=cache_bytes)
        cached = CacheTransport(httpx.HTTPTransport(), storage=self._storage, rfc=CacheOptions(shared=False))
        self.session = Session(self.base_url, http=httpx.Client(timeout=timeout), profile=profile)
        self.transport = Transport(self.base_url, self.session, http=httpx.Client(transport=cached, timeout=timeout),
                                   retry=retry)
        self.outbox = Outbox(folder / f"outbox-{key}.sqlite")
        self.market = Market(self.transport, Uploader(self.transport, self.outbox))
        self.projects = Projects(self.transport)
        self.sync = SyncEngine(self.projects, self.outbox)
        self.publications = PublishQueue(folder / f"queued-{key}")  # send with publications.send(self.market)

    def register(self, username: str, password: str, display_name: str = "") -> User:
        return parse(User, self.transport.json("POST", "/users", auth=False, json_body={
            "username": username, "password": password, "display_name": display_name}))

    def me(self) -> User:
        return parse(User, self.transport.json("GET", "/me"))

    def close(self) -> None:
        self.transport.close()
        self.session.http.close()
        self.outbox.close()
        self._storage.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
