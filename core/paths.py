"""Where the app keeps its files. POTSTUDIO_HOME overrides everything (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "potstudio"
APP_AUTHOR = "3DPot"


def _root(kind: str) -> Path:
    home = os.environ.get("POTSTUDIO_HOME")
    if home:
        path = Path(home) / kind
    elif kind == "data":
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    elif kind == "config":
        path = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    elif kind == "cache":
        path = Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    else:
        path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _root("data")


def config_dir() -> Path:
    return _root("config")


def cache_dir() -> Path:
    return _root("cache")


def log_dir() -> Path:
    return _root("log")
