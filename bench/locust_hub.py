"""The locust users of bench/bench_load.py: a marketplace-and-collaboration mix against one hub.

Run by bench_load as `locust -f bench/locust_hub.py --headless ...`; BENCH_LOAD_FIXTURE names a JSON
file with the tokens and project ids it prepared. Browsers: search with filters and a second page by
cursor, listing pages, thumbnails, file downloads (a redirect to a presigned URL on the hosted profile,
not followed: the object store, not the hub, would send the bytes). Designers: op pushes to their own
project. Refreshers: an app renewing its access token with its (rotating) refresh token. Watchers: one
live-update stream each, read for the whole run. Searchers (run on their own): searches only, for the
hub's CPU per search.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from typing import Any

import requests
from locust import HttpUser, between, task

FIXTURE: dict[str, Any] = json.loads(open(os.environ["BENCH_LOAD_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
NOUNS = ["planter", "pot", "vase", "hook", "bracket", "box", "lid", "stand", "holder", "clip", "gear", "tray"]
CATEGORIES = ["planters", "vases", "kitchen", "storage", "organisers", "brackets"]


def _search(user: HttpUser) -> None:
    params: dict[str, Any] = {"q": random.choice(NOUNS)}
    if random.random() < 0.4:
        params["category"] = random.choice(CATEGORIES)
    if random.random() < 0.3:
        params["sort"] = random.choice(["newest", "popular"])
    with user.client.get("/listings", params=params, name="/listings?q", catch_response=True) as answer:
        cursor = answer.json().get("next_cursor") if answer.status_code == 200 else None
    if cursor and random.random() < 0.3:
        user.client.get("/listings", params={**params, "cursor": cursor}, name="/listings?cursor")


class Browser(HttpUser):
    weight = 8
    wait_time = between(0.5, 1.5)  # a person reading results between clicks

    @task(5)
    def search(self) -> None:
        _search(self)

    @task(2)
    def listing_page(self) -> None:
        self.client.get(f"/listings/{random.randint(1, FIXTURE['listings'])}", name="/listings/{id}")

    @task(2)
    def thumbnail(self) -> None:
        self.client.get(f"/listings/{random.randint(1, FIXTURE['listings'])}/thumbnail", allow_redirects=False,
                        name="/listings/{id}/thumbnail")

    @task(1)
    def download(self) -> None:
        listing = random.randint(1, FIXTURE["free_listings"])  # the first ones are free
        self.client.get(f"/listings/{listing}/files/{listing}", allow_redirects=False,
                        name="/listings/{id}/files/{id}")


class Designer(HttpUser):
    weight = 2
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.project, self.token = random.choice(FIXTURE["designers"])

    @task
    def push_op(self) -> None:
        self.client.post(f"/projects/{self.project}/ops", name="/projects/{id}/ops", json={
            "base_rev": 0, "kind": "set_param", "args": {"name": "width", "value": random.randint(100, 160)}},
            headers={"Authorization": f"Bearer {self.token}", "Idempotency-Key": uuid.uuid4().hex})


class Refresher(HttpUser):
    """An app whose access token ran out: a refresh-token grant, rotating the token as the hub asks."""

    weight = 1
    wait_time = between(2, 4)

    def on_start(self) -> None:
        self.refresh = FIXTURE["sessions"].pop(random.randrange(len(FIXTURE["sessions"])))

    @task
    def refresh_token(self) -> None:
        with self.client.post("/oauth/token", name="/oauth/token (refresh)", catch_response=True, data={
                "grant_type": "refresh_token", "refresh_token": self.refresh, "client_id": FIXTURE["client_id"]}) \
                as answer:
            if answer.status_code == 200:
                self.refresh = answer.json()["refresh_token"]


class Searcher(HttpUser):
    """Searches only: run on its own (bench_load names the classes), never part of the mix."""

    wait_time = between(0.5, 1.5)

    @task
    def search(self) -> None:
        _search(self)


class Watcher(HttpUser):
    """Holds one live-update stream open for the whole run."""

    weight = 1
    wait_time = between(1, 2)

    def on_start(self) -> None:
        self.project, self.token = random.choice(FIXTURE["designers"])

    @task
    def watch(self) -> None:
        # outside locust's statistics: a stream's "latency" is the run's length, it would swamp the percentiles
        try:
            headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
            with requests.get(f"{self.host}/projects/{self.project}/events", stream=True, timeout=3600,
                              headers=headers) as answer:
                for _line in answer.iter_lines():
                    pass
        except requests.RequestException:  # the run ending cuts the stream; that is its normal end
            pass
