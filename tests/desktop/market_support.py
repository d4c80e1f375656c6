"""Shared pieces of the marketplace/collaboration GUI tests: a real hub (uvicorn subprocess on
127.0.0.1), signed-in sync clients, and the desktop worker pool torn down after each test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.workers import Workers
from sync_client.api.market import Publication
from sync_client.client import HubClient
from sync_client.models import Listing
from tests.hub.fixtures import FAST_RETRY, PASSWORD
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json, png_file, stl_file


@pytest.fixture(scope="module", name="market_hub")
def market_hub_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    folder = tmp_path_factory.mktemp("market-hub")
    process = HubProcess(f"sqlite:///{folder / 'hub.db'}", folder, extra=["--payments", "test"]).start()
    yield process
    process.stop()


def signed_in(hub_url: str, folder: Path, name: str | None = None) -> HubClient:
    username = name or f"u{uuid.uuid4().hex[:10]}"
    client = HubClient(hub_url, state_dir=folder / username, profile=username, retry=FAST_RETRY)
    client.register(username, PASSWORD)
    client.session.sign_in_password(username, PASSWORD)
    return client


def publish_planter(client: HubClient, folder: Path, title: str, **changes: object) -> Listing:
    pub = Publication(title=title, category="planters", licence="CC-BY", files=[stl_file(folder)],
                      description="A sturdy square planter for kitchen herbs.", tags=["herbs", "kitchen"],
                      thumbnail=png_file(folder), document=planter_json())
    for key, value in changes.items():
        setattr(pub, key, value)
    return client.market.publish(pub)


@pytest.fixture(name="workers")
def workers_fixture(qtbot) -> Iterator[Workers]:  # type: ignore[no-untyped-def]
    errors: list[tuple[str, BaseException]] = []
    pool = Workers(on_error=lambda label, exc: errors.append((label, exc)), threads=3)
    yield pool
    assert pool.shutdown(), "a worker outlived the test"
    assert not errors, f"unhandled worker errors: {errors}"

