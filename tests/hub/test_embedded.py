"""The hub the desktop app embeds when no server is configured."""

from __future__ import annotations

from pathlib import Path

from hub.embedded import EmbeddedHub
from sync_client.client import HubClient


def test_embedded_hub_serves_a_seeded_market_and_a_local_account(tmp_path: Path) -> None:
    hub = EmbeddedHub(tmp_path / "hub", seed_count=4)
    url = hub.start()
    try:
        assert url.startswith("http://127.0.0.1:")
        assert hub.seeded.wait(60)
        client = HubClient(url, state_dir=tmp_path / "client")
        username, password = hub.local_credentials()
        client.session.sign_in_password(username, password)
        assert client.me().username == "local"
        assert client.market.search().total == 4
        client.close()
    finally:
        hub.stop()

    again = EmbeddedHub(tmp_path / "hub", seed_count=4)  # next app start: same data, same account
    again.start()
    try:
        client = HubClient(again.url, state_dir=tmp_path / "client2")
        client.session.sign_in_password(*again.local_credentials())
        assert again.seeded.wait(30) and client.market.search().total == 4
        client.close()
    finally:
        again.stop()
