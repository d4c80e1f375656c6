"""The size limit the hub and the client share: the client refuses a change over it before sending,
turns the hub's 413 into a typed error the desktop can show, and keeps a too-large edit as failed."""

from __future__ import annotations

import pytest

from core.limits import MAX_JSON_BYTES
from sync_client.errors import TooLarge
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json

MIB = 1024 * 1024


def test_a_document_over_the_limit_never_leaves_the_client(hub: HubProcess, make_client: MakeClient) -> None:
    alice = make_client(hub)
    document = planter_json()
    document["metadata"] = {"notes": "n" * (12 * MIB)}
    with pytest.raises(TooLarge) as refused:
        alice.projects.create("Too big to share", document)
    assert str(refused.value) == "This change is too large to share (12.0 MB; limit 8 MB)."
    assert refused.value.size is not None and refused.value.size > 12 * MIB
    assert refused.value.limit == MAX_JSON_BYTES
    assert alice.projects.mine() == []  # nothing reached the hub


def test_the_hubs_413_is_a_typed_error(hub: HubProcess, make_client: MakeClient) -> None:
    """A body the client did not build itself (or a hub with a smaller limit) still ends as TooLarge."""
    alice = make_client(hub)
    with pytest.raises(TooLarge) as refused:
        alice.transport.send("POST", "/projects", content=b"[" + b"0," * (5 * MIB) + b"0]",
                             headers={"Content-Type": "application/json"})
    assert (refused.value.status, refused.value.code, refused.value.size) == (413, "too_large", 10 * MIB + 3)
    assert str(refused.value) == "This change is too large to share (10.0 MB; limit 8 MB)."


def test_a_too_large_edit_is_kept_as_failed_with_the_reason(hub: HubProcess, make_client: MakeClient) -> None:
    alice = make_client(hub)
    project_id = alice.projects.create("Shared", planter_json()).id
    alice.sync.sync([project_id])
    alice.sync.record(project_id, "replace", {"document": {**planter_json(), "metadata": {"notes": "n" * (9 * MIB)}}})
    status = alice.sync.sync()
    assert (status.pending, status.failed) == (0, 1)
    (failed,) = alice.outbox.ops(project_id, state="failed")
    assert "This change is too large to share (9.0 MB; limit 8 MB)." in failed.error
    assert alice.projects.head(project_id).rev == 0
