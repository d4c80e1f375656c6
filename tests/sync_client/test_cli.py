"""`potstudio market ...` and `potstudio sync status` as a user runs them, against a real hub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import Settings
from sync_client.api.market import Publication
from sync_client.cli import EMBEDDED_HUB, default_server
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter, png_file, stl_file


def _potstudio(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POTSTUDIO_HOME": str(env_home), "XDG_DATA_HOME": str(env_home / "xdg"),
           "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
    return subprocess.run([sys.executable, "-m", "core.cli.main", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_market_search_json_and_get(sqlite_hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    maker = make_client(sqlite_hub)
    listing = maker.market.publish(Publication(
        title="Herb planter trio", category="planters", licence="CC0", files=[stl_file(tmp_path / "src")],
        thumbnail=png_file(tmp_path / "src"), document=planter().to_json(), tags=["herbs"]))
    paid = maker.market.publish(Publication(title="Herb planter deluxe", category="planters", licence="commercial",
                                            files=[stl_file(tmp_path / "src2")], price_cents=350))

    found = _potstudio("market", "search", "herb", "--json", "--server", sqlite_hub.url, env_home=tmp_path / "h")
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["total"] == 2
    by_id = {item["id"]: item for item in data["items"]}
    assert by_id[listing.id]["title"] == "Herb planter trio" and by_id[listing.id]["price"] == 0
    assert by_id[paid.id]["price"] == 3.5 and by_id[paid.id]["creator"] == maker.username
    assert {"id", "title", "creator", "licence", "price"} <= set(by_id[paid.id])

    got = _potstudio("market", "get", str(listing.id), "-o", str(tmp_path / "out"), "--server", sqlite_hub.url,
                     env_home=tmp_path / "h")
    assert got.returncode == 0, got.stderr
    assert (tmp_path / "out" / "planter.stl").read_bytes() == (tmp_path / "src" / "planter.stl").read_bytes()
    assert (tmp_path / "out" / "document.potstudio.json").exists()

    refused = _potstudio("market", "get", str(paid.id), "-o", str(tmp_path / "paid"), "--server", sqlite_hub.url,
                         env_home=tmp_path / "h")
    assert refused.returncode == 3 and f"/checkout/{paid.id}" in refused.stderr


def test_market_publish_and_sync_status(sqlite_hub: HubProcess, make_client: MakeClient, tmp_path: Path) -> None:
    project = tmp_path / "pot.potstudio.json"
    project.write_text(planter().dumps())
    home = tmp_path / "home"
    anonymous = _potstudio("market", "publish", str(project), "--server", sqlite_hub.url, env_home=home)
    assert anonymous.returncode == 2 and "Sign in" in anonymous.stderr

    # sign in the way `potstudio sync login` does, with the CLI's keyring in `home`
    env = {"POTSTUDIO_HOME": str(home), "XDG_DATA_HOME": str(home / "xdg")}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        user = make_client(sqlite_hub, sign_in=False)
        from sync_client.client import HubClient

        user.register(user.username, "correct horse battery")
        cli_side = HubClient(sqlite_hub.url)
        cli_side.session.sign_in_password(user.username, "correct horse battery")
        cli_side.close()
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    published = _potstudio("market", "publish", str(project), "--category", "planters", "--tag", "herbs",
                           "--server", sqlite_hub.url, env_home=home)
    assert published.returncode == 0, published.stderr
    assert "published #" in published.stdout
    search = json.loads(_potstudio("market", "search", "planter", "--json", "--server", sqlite_hub.url,
                                   env_home=home).stdout)
    assert search["total"] == 1 and search["items"][0]["creator"] == user.username

    status = _potstudio("sync", "status", "--json", "--server", sqlite_hub.url, env_home=home)
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert (report["state"], report["pending"], report["failed"]) == ("synced", 0, [])


def test_without_server_the_hub_comes_from_env_then_the_app_setting_then_the_built_in_one(
        sqlite_hub: HubProcess, make_client: MakeClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POTSTUDIO_HUB_URL", raising=False)
    maker = make_client(sqlite_hub)
    maker.market.publish(Publication(title="Settings marigold planter", category="planters", licence="CC0",
                                     files=[stl_file(tmp_path / "src")]))
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    settings = home / "config" / "settings.json"
    settings.write_text(Settings(hub_url=sqlite_hub.url).model_dump_json())

    found = _potstudio("market", "search", "marigold", "--json", env_home=home)  # the hub chosen in the app
    assert found.returncode == 0, found.stderr
    assert [i["title"] for i in json.loads(found.stdout)["items"]] == ["Settings marigold planter"]

    monkeypatch.setenv("POTSTUDIO_HUB_URL", "http://127.0.0.1:1")  # the environment wins over the setting
    assert _potstudio("market", "search", "marigold", "--json", env_home=home).returncode != 0
    monkeypatch.delenv("POTSTUDIO_HUB_URL")

    bad = json.dumps({**json.loads(Settings().model_dump_json()), "hub_url": "ftp://nowhere"})
    settings.write_text(bad)  # a broken setting is named, and the file left as the user wrote it
    broken = _potstudio("market", "search", "marigold", "--json", env_home=home)
    assert broken.returncode != 0 and "hub_url" in broken.stderr and "Traceback" not in broken.stderr
    assert settings.read_text() == bad

    monkeypatch.setenv("POTSTUDIO_HOME", str(home))
    settings.write_text(Settings().model_dump_json())  # no hub set: the built-in hub's address
    assert default_server() == EMBEDDED_HUB
