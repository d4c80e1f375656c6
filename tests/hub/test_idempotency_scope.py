"""An Idempotency-Key is looked up within its project: the same author may reuse a key in another project (clients
number their ops per project) and both edits apply (issue 16: a lookup across projects answered the second with the
first project's op and dropped the edit, and no test noticed)."""

from __future__ import annotations

import httpx

from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def test_the_same_key_in_two_projects_applies_in_both(hub: HubProcess, make_client: MakeClient) -> None:
    alice = make_client(hub)
    first, second = (alice.projects.create(name, planter_json()).id for name in ("Kitchen", "Garden"))
    answers = [httpx.post(f"{hub.url}/projects/{project_id}/ops", timeout=30,
                          json={"base_rev": 0, "kind": "set_param", "args": {"name": "width", "value": 120}},
                          headers={"Authorization": f"Bearer {alice.session.access_token()}",
                                   "Idempotency-Key": "op-1"})
               for project_id in (first, second)]
    assert [a.status_code for a in answers] == [201, 201]
    for project_id in (first, second):
        head = alice.projects.head(project_id)
        width = next(p["value"] for p in head.document["parameters"] if p["name"] == "width")
        assert (head.rev, width) == (1, 120)
