"""Account panel and the embedded hub: browser sign-in (PKCE loopback) and sign-out against a real
hub; the built-in hub starts on 127.0.0.1 with the seed catalogue and signs into a local account."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop.embedded_hub import EmbeddedHub, local_username, open_embedded, sign_in_locally
from desktop.panels.account import AccountPanel
from sync_client.client import HubClient
from tests.desktop.market_support import market_hub_fixture, workers_fixture  # noqa: F401
from tests.hub.fixtures import FAST_RETRY, PASSWORD
from tests.hub.services import HubProcess

pytestmark = pytest.mark.gui


def browser_for(username: str, password: str) -> tuple[list[str], object]:
    """Stands in for the user's browser (none runs here): the same HTTP a person's clicks send."""
    opened: list[str] = []

    def open_url(url: str) -> None:
        opened.append(url)

        def click_through() -> None:
            with httpx.Client() as web:
                assert web.get(url).status_code == 200  # the hub's sign-in page
                form = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
                answer = web.post(url.split("?")[0], data=form | {"username": username, "password": password})
                web.get(answer.headers["location"])  # the redirect lands on the app's loopback server

        threading.Thread(target=click_through, daemon=True).start()

    return opened, open_url


def test_browser_sign_in_then_sign_out(qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    username = f"u{uuid.uuid4().hex[:10]}"
    client = HubClient(market_hub.url, state_dir=tmp_path / "c", profile=username, retry=FAST_RETRY)
    client.register(username, PASSWORD)
    opened, browser = browser_for(username, PASSWORD)
    panel = AccountPanel(client, workers, server_url=market_hub.url, open_url=browser)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.custom.isChecked() and panel.url.text() == market_hub.url
    assert "Not signed in" in panel.status.text() and not panel.sign_out_button.isEnabled()

    with qtbot.waitSignal(panel.signed_in, timeout=30_000) as signed:
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    assert signed.args[0].username == username
    assert opened and "code_challenge_method=S256" in opened[0] and "redirect_uri=http%3A%2F%2F127.0.0.1" in opened[0]
    assert username in panel.status.text() and panel.sign_out_button.isEnabled()
    assert client.me().username == username

    with qtbot.waitSignal(panel.signed_out, timeout=20_000):
        qtbot.mouseClick(panel.sign_out_button, Qt.MouseButton.LeftButton)
    assert not client.session.signed_in and "Not signed in" in panel.status.text()
    client.close()


def test_browser_sign_in_can_be_cancelled(qtbot, market_hub: HubProcess, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = HubClient(market_hub.url, state_dir=tmp_path / "c", profile="walked-away", retry=FAST_RETRY)
    opened: list[str] = []  # the browser opens, but the person never signs in
    panel = AccountPanel(client, workers, server_url=market_hub.url, open_url=opened.append)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert panel.cancel_button.isVisible() and not panel.sign_in_button.isEnabled()
    assert "browser" in panel.status.text()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not workers.busy, timeout=10_000)  # the pool thread is free again
    assert not panel.cancel_button.isVisible() and panel.sign_in_button.isEnabled()
    assert "Not signed in" in panel.status.text() and not client.session.signed_in
    client.close()


def test_custom_server_must_be_https(qtbot, workers) -> None:  # type: ignore[no-untyped-def]
    panel = AccountPanel(None, workers)
    qtbot.addWidget(panel)
    assert panel.embedded.isChecked() and panel.chosen_url() == ""
    panel.custom.setChecked(True)
    panel.url.setText("http://hub.example.org")
    with qtbot.assertNotEmitted(panel.server_changed):
        panel.apply.click()
    assert "https://" in panel.status.text()
    panel.url.setText("https://hub.example.org/")
    with qtbot.waitSignal(panel.server_changed) as changed:
        panel.apply.click()
    assert changed.args == ["https://hub.example.org"]


def test_embedded_hub_seeds_and_signs_into_a_local_account(qtbot, workers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub = EmbeddedHub(root=tmp_path / "hub", port=0, seed_count=6)
    opened: list[HubClient] = []
    # on a worker, as the app does: start, seed, connect, sign in to the local account
    job = workers.submit("start hub", lambda task: open_embedded(hub, tmp_path / "first", task), opened.append)
    qtbot.waitUntil(lambda: not job.running, timeout=180_000)
    try:
        assert hub.running and hub.url.startswith("http://127.0.0.1:")
        first = opened[0]
        assert first.me().username == local_username()
        assert first.market.search().total == 6  # the seed catalogue is there on first start
        first.close()
        client = HubClient(hub.url, state_dir=tmp_path / "client", profile="pat")
        user = sign_in_locally(client, "pat")
        assert user.username == "pat"
        again = HubClient(hub.url, state_dir=tmp_path / "client", profile="pat")  # the next start of the app
        assert sign_in_locally(again, "pat").username == "pat"
        taken = sign_in_locally(HubClient(hub.url, state_dir=tmp_path / "other", profile="x"), "potstudio")
        assert taken.username == "potstudio.studio"  # a seed creator's name is not ours: a variant is made
        for c in (client, again):
            c.close()
    finally:
        hub.stop()
    assert not hub.running
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{hub.url}/categories", timeout=2)
