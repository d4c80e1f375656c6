"""Browsing the marketplace from a machine with no OS keyring at all (a server, a container, CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.services import HubProcess

NO_KEYRING = "keyring.backends.fail.Keyring"


@pytest.fixture
def seeded_hub(tmp_path: Path) -> Iterator[HubProcess]:
    process = HubProcess(f"sqlite:///{tmp_path / 'seeded.db'}", tmp_path / "seeded",
                         extra=["--seed", "--seed-count", "3"]).start()
    yield process
    process.stop()


def _potstudio(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POTSTUDIO_HOME": str(home), "XDG_DATA_HOME": str(home / "xdg"),
           "PYTHON_KEYRING_BACKEND": NO_KEYRING}
    return subprocess.run([sys.executable, "-m", "core.cli.main", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_anonymous_search_and_download_need_no_keyring(seeded_hub: HubProcess, tmp_path: Path) -> None:
    found = _potstudio("market", "search", "--json", "--server", seeded_hub.url, home=tmp_path / "home")
    assert found.returncode == 0, found.stderr
    items = json.loads(found.stdout)["items"]
    assert len(items) == 3
    free = next(item for item in items if not item["price"])

    got = _potstudio("market", "get", str(free["id"]), "-o", str(tmp_path / "out"), "--server", seeded_hub.url,
                     home=tmp_path / "home")
    assert got.returncode == 0, got.stderr
    saved = [Path(line) for line in got.stdout.splitlines()]
    assert saved and all(path.stat().st_size > 0 for path in saved)

    login = _potstudio("sync", "login", "--server", seeded_hub.url, home=tmp_path / "home")
    assert login.returncode == 2 and "keyring" in login.stderr  # told before any code is shown to approve
    assert "Open " not in login.stdout and "Traceback" not in login.stderr
