"""What an operator of a hosted hub relies on, over real HTTP against `python -m hub --profile hosted`:
liveness and readiness (Redis gone: not ready, saying why), Prometheus metrics by route template,
JSON log lines carrying the request id, and a shutdown that tells open live-update streams to
reconnect instead of cutting them."""

from __future__ import annotations

import json
import signal
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert

from hub.db import make_engine, utcnow
from hub.db import migrate as migrate_schema
from hub.models import Listing, User
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess, Postgres, Redis, S3Server
from tests.hub.sse import EventReader
from tests.hub.test_hosted_shared import hosted, migrate
from tests.sync_client.samples import planter_json


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[Redis]:
    server = Redis(Path(tempfile.mkdtemp(prefix="potstudio-redis-", dir=tmp_path))).start()
    yield server
    server.stop()


@pytest.fixture
def hosted_hub(postgres: Postgres, own_redis: Redis, s3_server: S3Server, tmp_path: Path) -> Iterator[HubProcess]:
    db_url = postgres.create_database()
    migrate(db_url)
    process = hosted(db_url, tmp_path / "hub", own_redis, s3_server).start()
    yield process
    process.stop()


def _samples(metrics_text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    found = {}
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


def test_health_and_readiness_say_what_is_missing(hosted_hub: HubProcess, own_redis: Redis) -> None:
    assert httpx.get(f"{hosted_hub.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{hosted_hub.url}/readyz", timeout=30)
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "object_store": "ok", "redis": "ok"}
    own_redis.stop()
    not_ready = httpx.get(f"{hosted_hub.url}/readyz", timeout=30)
    assert not_ready.status_code == 503
    checks = not_ready.json()["checks"]
    assert checks["database"] == "ok" and checks["redis"].startswith("unreachable")
    assert httpx.get(f"{hosted_hub.url}/healthz").status_code == 200  # alive, just not ready


def test_metrics_count_requests_by_route_template_and_logs_carry_the_request_id(
        hosted_hub: HubProcess, make_client: MakeClient) -> None:
    for listing_id in (101, 102, 103):
        assert httpx.get(f"{hosted_hub.url}/listings/{listing_id}").status_code == 404
    for _ in range(2):
        httpx.get(f"{hosted_hub.url}/listings", params={"q": "vase"})
    request_id = f"req-{uuid.uuid4().hex}"
    answered = httpx.get(f"{hosted_hub.url}/categories", headers={"X-Request-ID": request_id})
    assert answered.headers["x-request-id"] == request_id
    made = httpx.get(f"{hosted_hub.url}/categories")
    assert len(made.headers["x-request-id"]) == 32  # one of the hub's own when the client sends none

    text = httpx.get(f"{hosted_hub.url}/metrics").text
    requests = _samples(text, "hub_http_requests_total")
    by_template = (("method", "GET"), ("route", "/listings/{listing_id}"), ("status", "404"))
    assert requests[by_template] == 3  # one series for every listing id, not one per id
    assert not any("/listings/101" in dict(labels)["route"] for labels in requests)
    assert _samples(text, "hub_search_cache_lookups_total") == {(("result", "hit"),): 1.0, (("result", "miss"),): 1.0}
    assert (("method", "GET"), ("route", "/categories")) in _samples(text, "hub_http_request_duration_seconds_count")

    lines = [json.loads(line) for line in hosted_hub.log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("request_id") == request_id]
    assert access and access[0]["route"] == "/categories" and access[0]["status"] == 200


def test_shutdown_tells_open_streams_to_reconnect(hosted_hub: HubProcess, make_client: MakeClient) -> None:
    owner = make_client(hosted_hub)
    project = owner.projects.create("Drained planter", planter_json())
    headers = {"Authorization": f"Bearer {owner.session.access_token()}", "Accept": "text/event-stream"}
    with httpx.stream("GET", f"{hosted_hub.url}/projects/{project.id}/events", headers=headers,
                      timeout=30) as response:
        reader = EventReader(response)
        assert reader.next_named("presence") is not None
        opened = httpx.get(f"{hosted_hub.url}/metrics").text
        assert _samples(opened, "hub_sse_streams_open")[()] == 1
        assert hosted_hub.proc is not None
        hosted_hub.proc.send_signal(signal.SIGTERM)
        hint = reader.next_named("reconnect")
        assert hint is not None and hint.data == {"reason": "shutting_down", "retry_ms": 250}
        assert reader.next() is None  # and the stream ended, well before uvicorn's grace period
    hosted_hub.proc.wait(30)  # and the process is gone (uvicorn ends by re-raising the SIGTERM it handled)


def test_a_hosted_hub_takes_its_settings_from_the_environment(postgres: Postgres, own_redis: Redis,
                                                             s3_server: S3Server, tmp_path: Path) -> None:
    """As deploy/compose.yaml and the systemd units start it: POTSTUDIO_HUB_<OPTION>, no options."""
    db_url = postgres.create_database()
    migrate(db_url)
    process = HubProcess(db_url, tmp_path / "env-hub", env={
        **S3Server.ENV, "POTSTUDIO_HUB_PROFILE": "hosted", "POTSTUDIO_HUB_REDIS_URL": own_redis.url,
        "POTSTUDIO_HUB_S3_URL": s3_server.bucket_url(f"env-{uuid.uuid4().hex[:10]}")}).start()
    try:
        ready = httpx.get(f"{process.url}/readyz", timeout=30)
        assert ready.status_code == 200 and ready.json()["checks"]["redis"] == "ok"
    finally:
        process.stop()


def test_metrics_add_up_every_worker_process(tmp_path: Path) -> None:
    """--workers 2 on one port: a scrape reaches one worker, and must still count what both answered."""
    hub = HubProcess(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path / "data", extra=["--workers", "2"]).start()
    try:
        with httpx.Client() as fresh:  # new connections, spread over the workers by the kernel
            for listing_id in range(40):
                fresh.get(f"{hub.url}/listings/{listing_id + 1}", headers={"Connection": "close"})
        text = httpx.get(f"{hub.url}/metrics").text
        requests = _samples(text, "hub_http_requests_total")
        assert requests[(("method", "GET"), ("route", "/listings/{listing_id}"), ("status", "404"))] == 40
    finally:
        hub.stop()


def test_searches_are_read_from_the_replica_when_one_is_set(postgres: Postgres, tmp_path: Path) -> None:
    """--db-replica-url: searches (most of the traffic) go to the replica, everything else to the primary.
    Here the "replica" is a database holding a listing the primary lacks, so where each answer came
    from shows."""
    primary, replica = postgres.create_database(), postgres.create_database()
    engine = make_engine(replica)
    migrate_schema(engine)
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(insert(User), [{"id": 1, "username": "replicamaker", "display_name": "R", "password_hash": "!",
                                     "created_at": now}])
        conn.execute(insert(Listing), [{
            "id": 1, "slug": "only-on-the-replica", "title": "Replicated lantern", "description": "A lantern.",
            "creator_id": 1, "category": "vases", "licence": "CC0", "price_cents": 0, "tags_text": "lantern",
            "has_parameters": False, "images": [], "downloads": 0, "likes": 0, "makes": 0, "created_at": now,
            "updated_at": now}])
    engine.dispose()
    hub = HubProcess(primary, tmp_path / "data", extra=["--db-replica-url", replica]).start()
    try:
        found = httpx.get(f"{hub.url}/listings", params={"q": "lantern"}).json()["items"]
        assert [item["title"] for item in found] == ["Replicated lantern"]
        assert httpx.get(f"{hub.url}/listings/1").status_code == 404  # a listing page reads the primary
    finally:
        hub.stop()
