"""The printers the user added, persisted as JSON in the data dir; their access codes and passwords go to the
keyring through core.secrets, never into this file."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from core import secrets
from core.atomic import atomic_write_text
from core.events import Signal
from core.paths import data_dir
from printers.base import PrinterConfig
from printers.errors import PrinterConfigError

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1


class PrinterBook:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "printers.json"
        self.changed: Signal[[]] = Signal()
        self._lock = threading.Lock()
        self._printers: dict[str, PrinterConfig] = self._load()

    def _load(self) -> dict[str, PrinterConfig]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text())
            return {item["name"]: PrinterConfig.from_dict(item) for item in data["printers"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise PrinterConfigError(f"The printer list {self.path} is damaged ({exc}); fix or remove it.") from exc

    def _save(self) -> None:
        body = {"schema_version": SCHEMA_VERSION, "printers": [p.to_dict() for p in self._printers.values()]}
        atomic_write_text(self.path, json.dumps(body, indent=2))

    def list(self) -> list[PrinterConfig]:
        with self._lock:
            return list(self._printers.values())

    def get(self, name: str) -> PrinterConfig:
        with self._lock:
            if name not in self._printers:
                known = ", ".join(self._printers) or "none yet"
                raise PrinterConfigError(f"No printer named '{name}' (known: {known}).")
            return self._printers[name]

    def add(self, config: PrinterConfig, secret: str | None = None) -> None:
        if not config.name.strip():
            raise PrinterConfigError("A printer needs a name.")
        if config.kind == "bambu" and (not config.serial or not secret):
            raise PrinterConfigError("A Bambu printer needs its serial number and LAN access code.")
        if secret:
            secrets.set_secret(config.secret_key, secret)
        with self._lock:
            self._printers[config.name] = config
            self._save()
        self.changed.emit()

    def remove(self, name: str) -> None:
        config = self.get(name)
        secrets.delete_secret(config.secret_key)
        with self._lock:
            del self._printers[name]
            self._save()
        self.changed.emit()

    def secret(self, config: PrinterConfig) -> str | None:
        return secrets.get_secret(config.secret_key)
