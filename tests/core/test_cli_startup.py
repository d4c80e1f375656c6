"""`potstudio COMMAND` builds one parser holding every command family's options, so whatever a family's
register function imports, every command pays for at start-up: `potstudio check model.stl` must not wait
for the HTTP client, the settings models, the simulated printers' broker or the hub's server."""

from __future__ import annotations

import json
import subprocess
import sys

# The heavy libraries the commands use when they run: none is needed to parse a command line or print its help.
HEAVY = ("httpx", "pydantic", "amqtt", "redis", "hishel", "trimesh", "fastapi", "sqlalchemy", "paho", "keyring",
         "uvicorn", "starlette", "cryptography", "numpy", "lxml", "PySide6")
COMMANDS = {"check", "export", "generate", "hub", "market", "print", "printer-sim", "printers", "projects", "sync",
            "templates"}

PROBE = f"""
import argparse, json, sys
from core.cli.main import build_parser

def helps(parser):
    # what `potstudio COMMAND [ACTION] --help` prints, for every command and action
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                sub.format_help()
                helps(sub)

parser = build_parser()
helps(parser)
commands = [a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)][0]
print(json.dumps({{"commands": sorted(commands),
                  "heavy": sorted({{m for m in sys.modules if m.split(".")[0] in {HEAVY!r}}})}}))
"""


def test_building_the_command_line_loads_no_heavy_library() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(proc.stdout)
    assert set(found["commands"]) == COMMANDS  # every family registered: a broken one would load nothing
    assert found["heavy"] == []
