"""A key → JSON value table; the desktop's typed (pydantic) settings layer sits on top of it.

Secrets never land here: keys that look like one are refused with a pointer to core.secrets, so a
careless caller finds out at once instead of leaking a token into a plain SQLite file.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from sqlalchemy import select

from core.errors import StoreError
from core.store.database import Database
from core.store.models import SettingRow

_SECRET_KEY = re.compile(r"password|passwd|secret|token|api[_-]?key|access[_-]?code|credential", re.IGNORECASE)


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self._db.read() as session:
            row = session.get(SettingRow, key)
            return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        if not key or len(key) > 200:
            raise StoreError("A setting needs a name of 1 to 200 characters.")
        if _SECRET_KEY.search(key):
            raise StoreError(f"'{key}' looks like a secret; secrets go to the OS keyring (core.secrets), not here.")
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"The value of setting '{key}' must be plain JSON: {exc}.") from None
        with self._db.write() as session:
            session.merge(SettingRow(key=key, value=value, updated_at=time.time()))

    def delete(self, key: str) -> None:
        with self._db.write() as session:
            row = session.get(SettingRow, key)
            if row is not None:
                session.delete(row)

    def all(self) -> dict[str, Any]:
        with self._db.read() as session:
            return {row.key: row.value for row in session.scalars(select(SettingRow).order_by(SettingRow.key))}
