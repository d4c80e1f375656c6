"""`potstudio sync accept <link>` as a user runs it: the link names its hub, the terminal joins the
project with the link's role and the project starts syncing; a revoked link is refused with a clear
message and exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

from sync_client.client import HubClient
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json
from tests.sync_client.test_cli import _potstudio


def _signed_in_terminal(hub: HubProcess, make_client: MakeClient, home: Path) -> str:
    """Sign in the way `potstudio sync login` does, with the CLI's keyring in `home`; the username."""
    env = {"POTSTUDIO_HOME": str(home), "XDG_DATA_HOME": str(home / "xdg")}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        user = make_client(hub, sign_in=False)
        user.register(user.username, "correct horse battery")  # type: ignore[attr-defined]
        terminal = HubClient(hub.url)
        terminal.session.sign_in_password(user.username, "correct horse battery")  # type: ignore[attr-defined]
        terminal.close()
        return str(user.username)  # type: ignore[attr-defined]
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_sync_accept_joins_the_project_of_a_link(sqlite_hub: HubProcess, make_client: MakeClient,
                                                 tmp_path: Path) -> None:
    owner = make_client(sqlite_hub)
    project = owner.projects.create("Balcony planter", planter_json())
    link, text = owner.projects.create_link(project.id, "editor", expires_in_days=7)
    home = tmp_path / "home"
    me = _signed_in_terminal(sqlite_hub, make_client, home)

    joined = _potstudio("sync", "accept", text, env_home=home)  # no --server: the link names the hub
    assert joined.returncode == 0, joined.stderr
    assert f"joined 'Balcony planter' (#{project.id}) as editor, shared by {owner.username}" in joined.stdout  # type: ignore[attr-defined]
    assert {m.username: m.role for m in owner.projects.members(project.id)}[me] == "editor"
    status = _potstudio("sync", "status", "--now", "--server", sqlite_hub.url, env_home=home)
    assert status.returncode == 0 and "synced" in status.stdout, status.stderr

    owner.projects.revoke_link(project.id, link.id)
    _, other = owner.projects.create_link(project.id, "viewer")
    owner.projects.revoke_link(project.id, owner.projects.links(project.id)[0].id)
    refused = _potstudio("sync", "accept", other, env_home=home)
    assert refused.returncode == 2 and "share link was not found" in refused.stderr
