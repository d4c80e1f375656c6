"""A self-hosted hub on several worker processes (`--workers`): one database, one signing secret,
and every request answered whichever process takes it."""

from __future__ import annotations

from pathlib import Path

import httpx

from core.document.document import Document
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def test_two_workers_share_the_database_and_the_signing_secret(tmp_path: Path, make_client: MakeClient) -> None:
    hub = HubProcess(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path / "data", extra=["--workers", "2"]).start()
    try:
        assert hub.proc is not None
        workers = Path(f"/proc/{hub.proc.pid}/task/{hub.proc.pid}/children").read_text().split()
        assert len(workers) >= 2  # the uvicorn supervisor's worker processes
        owner = make_client(hub)
        project = owner.projects.create("Workshop pot", planter_json())
        token = owner.session.access_token()
        # fresh connections are spread over the workers by the kernel: a token signed by one process
        # and ops written through another must all be accepted and land in order
        for width in range(110, 130):
            answer = httpx.post(f"{hub.url}/projects/{project.id}/ops", headers={
                "Authorization": f"Bearer {token}", "Idempotency-Key": f"w{width}"},
                json={"base_rev": width - 110, "kind": "set_param", "args": {"name": "width", "value": width}})
            assert answer.status_code == 201, answer.text
        head = owner.projects.head(project.id)
        assert head.rev == 20 and Document.from_json(head.document).values()["width"] == 129
    finally:
        hub.stop()
