"""Idempotency-Key on project ops, per the IETF draft: a key belongs to its author within the project, a
resend of the same op gets the first answer, and the same key with a different op is refused (422
problem) instead of silently answering with the first op and dropping the edit. On SQLite and
PostgreSQL, whose unique constraints migration 0005 changed."""

from __future__ import annotations

import httpx

from sync_client.client import HubClient
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def _post(hub: HubProcess, client: HubClient, project_id: int, key: str, body: dict[str, object]) -> httpx.Response:
    return httpx.post(f"{hub.url}/projects/{project_id}/ops", json=body, timeout=30, headers={
        "Authorization": f"Bearer {client.session.access_token()}", "Idempotency-Key": key})


def _width(client: HubClient, project_id: int) -> object:
    params = client.projects.head(project_id).document["parameters"]
    return next(p["value"] for p in params if p["name"] == "width")


def test_the_same_key_with_another_op_is_refused(hub: HubProcess, make_client: MakeClient) -> None:
    alice = make_client(hub)
    project_id = alice.projects.create("Keys", planter_json()).id
    first = _post(hub, alice, project_id, "op-1", {"base_rev": 0, "kind": "set_param",
                                                   "args": {"name": "width", "value": 120}})
    assert first.status_code == 201
    # a resend of the same op (its members in another order) gets the first answer ...
    again = _post(hub, alice, project_id, "op-1", {"args": {"value": 120, "name": "width"}, "kind": "set_param",
                                                   "base_rev": 0})
    assert again.status_code == 200 and again.json()["rev"] == first.json()["rev"] == 1
    # ... another op under the same key is refused, not answered with the first one and dropped
    reused = _post(hub, alice, project_id, "op-1", {"base_rev": 0, "kind": "set_param",
                                                    "args": {"name": "width", "value": 150}})
    assert reused.status_code == 422
    assert reused.headers["content-type"].startswith("application/problem+json")
    problem = reused.json()
    assert problem["status"] == 422 and problem["error"]["code"] == "idempotency_key_reused"
    assert "different op" in problem["detail"]
    assert (alice.projects.head(project_id).rev, _width(alice, project_id)) == (1, 120)


def test_keys_belong_to_their_author(hub: HubProcess, make_client: MakeClient) -> None:
    """Two members whose clients happen to pick the same key both get their edit applied."""
    alice, bob = make_client(hub), make_client(hub)
    project_id = alice.projects.create("Two authors", planter_json()).id
    invitation = alice.projects.invite(project_id, bob.username, "editor")  # type: ignore[attr-defined]
    bob.projects.answer(invitation.id, accept=True)
    mine = _post(hub, alice, project_id, "same-key", {"base_rev": 0, "kind": "set_param",
                                                      "args": {"name": "width", "value": 120}})
    theirs = _post(hub, bob, project_id, "same-key", {"base_rev": 1, "kind": "set_param",
                                                      "args": {"name": "height", "value": 70}})
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert theirs.json()["rev"] == 2
    authors = [op.author for op in alice.projects.feed(project_id, 0).ops]
    assert authors == [alice.username, bob.username]  # type: ignore[attr-defined]
