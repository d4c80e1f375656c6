"""A request set of hostile page cursors and project documents (issue 11, item 7): what an attacker or
a broken client sends where the hub expects something it made itself (a cursor) or a design.

Each cursor is the JSON inside the base64 (or raw text that is not a cursor at all); each document
names the shape it breaks. The hub must answer each with a 4xx that says what is wrong, never a 500.
"""

from __future__ import annotations

import base64
import json
from typing import Any

HUGE = 10**30
MAX_BIGINT = 2**63 - 1


def encode(payload: Any) -> str:
    """A cursor the way the hub makes one: URL-safe base64 of compact JSON, without padding."""
    raw = payload if isinstance(payload, bytes) else json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# the JSON inside a cursor; they reach every sort (relevance pages read "o", sorted pages "v" and "id")
CURSOR_PAYLOADS: list[tuple[str, Any]] = [
    ("offset is text", {"o": "x"}),
    ("offset is a huge float", {"o": 1e30}),
    ("offset past bigint", {"o": HUGE}),
    ("offset negative", {"o": -5}),
    ("offset is a list", {"o": [1]}),
    ("offset is a bool", {"o": True}),
    ("offset is 1e300 in the JSON text", b'{"o":1e300}'),
    ("offset is NaN", b'{"o":NaN}'),
    ("offset is Infinity", b'{"o":Infinity}'),
    ("id past bigint", {"v": 1, "id": HUGE, "o": 0}),
    ("id at bigint max", {"v": 1, "id": MAX_BIGINT, "o": 0}),
    ("id is a float", {"v": 1, "id": 1.5, "o": 0}),
    ("value past bigint", {"v": HUGE, "id": 1, "o": 0}),
    ("value is a list", {"v": [1], "id": 1, "o": 0}),
    ("value is an object", {"v": {"a": 1}, "id": 1, "o": 0}),
    ("value is text", {"v": "x", "id": 1, "o": 0}),
    ("value is a huge float", {"v": 1e308, "id": 1, "o": 0}),
    ("date out of range", {"v": "0001-01-01T00:00:00+14:00", "id": 1, "o": 0}),
    ("total past bigint", {"v": 1, "id": 1, "o": 0, "t": HUGE}),
    ("total is text", {"v": 1, "id": 1, "o": 0, "t": "x"}),
    ("a list", [1, 2]),
    ("a string", "x"),
    ("a number", 5),
    ("null", None),
    ("not UTF-8", b"\xff\xfe\x00"),
    ("not JSON", b"not json"),
]
RAW_CURSORS: list[tuple[str, str]] = [
    ("not base64", "!!!!"),
    ("percent signs", "%%%"),
    ("one character", "a"),
    ("only padding", "===="),
]


def cursors() -> list[tuple[str, str]]:
    return [(name, encode(payload)) for name, payload in CURSOR_PAYLOADS] + RAW_CURSORS


def design(**fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {"format": "potstudio.document", "schema_version": 1, "name": "Pot",
                                "parameters": [{"name": "w", "value": 10}],
                                "root": {"type": "box", "props": {"size": ["=w", 10, 10]}}}
    document.update(fields)
    return document


def _box(**node: Any) -> dict[str, Any]:
    return {"type": "box", "props": {"size": [10, 10, 10]}, **node}


# (what is wrong, the document, a word the 422 message must contain)
DOCUMENTS: list[tuple[str, Any, str]] = [
    ("parameter name is a number", design(parameters=[{"name": 5}]), "parameter"),
    ("parameter name is a number, with a value", design(parameters=[{"name": 5, "value": 1}]), "name"),
    ("parameters is an object", design(parameters={"w": 1}), "parameters"),
    ("parameters is text", design(parameters="w"), "parameters"),
    ("a parameter is null", design(parameters=[None]), "parameter"),
    ("a parameter has no name", design(parameters=[{"value": 1}]), "name"),
    ("a value is a list", design(parameters=[{"name": "w", "value": [1]}]), "number"),
    ("a minimum is text", design(parameters=[{"name": "w", "value": 1, "min": "a"}]), "min"),
    ("choices is a number", design(parameters=[{"name": "w", "value": 1, "choices": 5}]), "choices"),
    ("root is null", design(root=None), "node"),
    ("root is a list", design(root=[]), "node"),
    ("node type is a number", design(root={"type": 5}), "type"),
    ("props is a list", design(root=_box(props=[1])), "props"),
    ("children is an object", design(root={"type": "union", "children": {"a": 1}}), "children"),
    ("a child is a number", design(root={"type": "union", "children": [1]}), "node"),
    ("schema version is text", design(schema_version="1"), "schema"),
    ("schema version from the future", design(schema_version=10**30), "newer"),
    ("not a document at all", {}, "document"),
    ("an expression that does not parse", design(root=_box(props={"size": "=(("})), "expression"),
    ("a parameter name with a NUL", design(parameters=[{"name": "\u0000", "value": 1}]), "name"),
]
