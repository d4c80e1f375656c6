"""Compute what changed between two snapshots, the way firmware sends partial updates (P1 pushes, Klipper status)."""

from __future__ import annotations

import copy
from typing import Any


def _id_keyed(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(i, dict) and "id" in i for i in items)


def changed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Keys of `new` whose value differs from `old`, recursing into dicts and into id-keyed lists."""
    delta: dict[str, Any] = {}
    for key, value in new.items():
        before = old.get(key)
        if isinstance(value, dict) and isinstance(before, dict):
            sub = changed(before, value)
            if sub:
                delta[key] = sub
        elif isinstance(value, list) and isinstance(before, list) and _id_keyed(value) and _id_keyed(before):
            by_id = {i["id"]: i for i in before}
            items = [{"id": item["id"], **sub} for item in value if (sub := changed(by_id.get(item["id"], {}), item))]
            if items:
                delta[key] = items
        elif value != before:
            delta[key] = copy.deepcopy(value)
    return delta
