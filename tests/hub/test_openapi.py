"""The hub's contract: one error shape, and sync_client's typed models are checked against the OpenAPI
document so client and server cannot drift apart (schemathesis runs every check in test_schemathesis.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync_client import models
from tests.hub.fixtures import signed_in_token
from tests.hub.services import HubProcess


@pytest.fixture(scope="module")
def fuzz_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubProcess, str]]:
    folder = tmp_path_factory.mktemp("fuzz-hub")
    hub = HubProcess(f"sqlite:///{folder / 'hub.db'}", folder).start()
    yield hub, signed_in_token(hub, folder)
    hub.stop()


def test_error_bodies_have_one_shape(fuzz_hub: tuple[HubProcess, str]) -> None:
    hub, _ = fuzz_hub
    answers = [httpx.get(f"{hub.url}/listings/999999"), httpx.get(f"{hub.url}/nowhere"),
               httpx.get(f"{hub.url}/listings", params={"limit": "lots"}), httpx.post(f"{hub.url}/projects", json={})]
    assert [a.status_code for a in answers] == [404, 404, 422, 401]
    for answer in answers:
        body = answer.json()
        assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
        assert body["error"]["message"].endswith(".")


CLIENT_MODELS = {
    models.ListingSummary: "ListingSummary", models.Listing: "ListingDetail", models.SearchPage: "SearchPage",
    models.Project: "ProjectOut", models.OpAccepted: "OpAccepted", models.RemoteOp: "OpOut", models.Feed: "Feed",
    models.Head: "Head", models.Version: "VersionOut", models.VersionDetail: "VersionDetail",
    models.ProjectComment: "ProjectCommentOut", models.Comment: "CommentOut", models.Review: "ReviewOut",
    models.Collection: "CollectionOut", models.Invitation: "InvitationOut", models.Member: "MemberOut",
    models.User: "UserOut", models.FileInfo: "FileOut", models.Category: "CategoryOut", models.Checkout: "Checkout",
    models.Purchase: "PurchaseOut", models.Presence: "PresenceOut", models.Mention: "MentionOut",
}


def test_client_models_match_the_openapi_document(tmp_path: Path) -> None:
    from hub.app import create_app
    from hub.config import HubConfig

    app = create_app(HubConfig(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "blobs", "s" * 40))
    components = app.openapi()["components"]["schemas"]
    for model, name in CLIENT_MODELS.items():
        server = components[name]
        client_fields = set(model.model_fields)
        assert client_fields <= set(server["properties"]), (name, client_fields - set(server["properties"]))
        required = {f for f, info in model.model_fields.items() if info.is_required()}
        assert required <= set(server.get("required", [])), (name, required - set(server.get("required", [])))
