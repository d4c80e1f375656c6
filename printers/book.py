"""The printers the user added, persisted as JSON in the data dir; their access codes and passwords go to the
keyring through core.secrets, never into this file. core.secrets (keyring and its backends, ~4 MB) is imported by the
methods that touch a secret: the window reads the book at start-up to know whether printers are configured."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

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
        self.broken: dict[str, str] = {}  # entries that could not be read, with the reason; kept in the file
        self._broken_raw: dict[str, Any] = {}
        self._printers: dict[str, PrinterConfig] = self._load()

    def _load(self) -> dict[str, PrinterConfig]:
        """One unreadable entry (hand-edited, or written by a newer version) must not hide the other printers;
        it is reported in `broken` and written back unchanged, so nothing the user had is lost."""
        if not self.path.exists():
            return {}
        try:
            items = json.loads(self.path.read_text())["printers"]
            if not isinstance(items, list):
                raise TypeError("'printers' is not a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise PrinterConfigError(f"The printer list {self.path} is damaged ({exc}); fix or remove it.") from exc
        printers: dict[str, PrinterConfig] = {}
        for index, item in enumerate(items, 1):
            label = str(item.get("name") or f"entry {index}") if isinstance(item, dict) else f"entry {index}"
            try:
                if not isinstance(item, dict):
                    raise TypeError("not an object")
                printers[item["name"]] = PrinterConfig.from_dict(item)
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("printer %s in %s is unreadable: %s", label, self.path, exc)
                self.broken[label] = f"The saved settings of printer '{label}' are unreadable ({exc}); edit " \
                                     f"{self.path} or remove this printer and add it again."
                self._broken_raw[label] = item
        return printers

    def _save(self) -> None:
        items = [p.to_dict() for p in self._printers.values()] + list(self._broken_raw.values())
        atomic_write_text(self.path, json.dumps({"schema_version": SCHEMA_VERSION, "printers": items}, indent=2))

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
        from core import secrets

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

    def replace(self, old_name: str, config: PrinterConfig, secret: str | None = None) -> None:
        """Save edited settings (possibly renamed); without a new secret the stored one is kept."""
        from core import secrets

        old = self.get(old_name)
        if not config.name.strip():
            raise PrinterConfigError("A printer needs a name.")
        if config.name != old_name and config.name in {p.name for p in self.list()}:
            raise PrinterConfigError(f"There is already a printer named '{config.name}'.")
        kept = secret or self.secret(old)
        if config.kind == "bambu" and (not config.serial or not kept):
            raise PrinterConfigError("A Bambu printer needs its serial number and LAN access code.")
        if kept:
            secrets.set_secret(config.secret_key, kept)
        if config.secret_key != old.secret_key:
            secrets.delete_secret(old.secret_key)
        with self._lock:
            self._printers = {(config.name if n == old_name else n): (config if n == old_name else p)
                              for n, p in self._printers.items()}
            self._save()
        self.changed.emit()

    def remove(self, name: str) -> None:
        from core import secrets

        with self._lock:
            raw = self._broken_raw.pop(name, None)
            if raw is not None:
                del self.broken[name]
                self._save()
        if raw is not None:
            if isinstance(raw, dict) and isinstance(raw.get("kind"), str):  # its secret, if it ever had one
                secrets.delete_secret(PrinterConfig(name=name, kind=raw["kind"]).secret_key)
            self.changed.emit()
            return
        config = self.get(name)
        secrets.delete_secret(config.secret_key)
        with self._lock:
            del self._printers[name]
            self._save()
        self.changed.emit()

    def secret(self, config: PrinterConfig) -> str | None:
        from core import secrets

        return secrets.get_secret(config.secret_key)
