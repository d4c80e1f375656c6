"""`potstudio market ...` and `potstudio sync status` as a user runs them, against a real hub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sync_client.api.market import Publication
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
