"""`.potproj` files (Save As / Open): one JSON file with the document, the conversation and metadata.

A project file travels between machines and app versions, so it carries its own format tag and
schema version: an older file is migrated on load, a newer one is refused with a message telling
the user to update, and nothing in the file is trusted before it has been checked.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.assistant.base import Conversation
from core.atomic import atomic_write_text
from core.document.document import Document
from core.errors import PotStudioError, StoreError

FORMAT = "potstudio.project"
SCHEMA_VERSION = 1
EXTENSION = ".potproj"
MAX_BYTES = 512 * 1024 * 1024  # documents embed imported meshes; beyond this it is not ours


class ProjectFileError(StoreError):
    """A .potproj file that cannot be read."""


@dataclass
class ProjectFile:
    document: Document
    conversation: Conversation = field(default_factory=Conversation)
    metadata: dict[str, Any] = field(default_factory=dict)
    saved_at: float = 0.0

    @property
    def name(self) -> str:
        return self.document.name


def save_project_file(path: str | os.PathLike[str], project: ProjectFile) -> Path:
    """Write atomically (a crash mid-save keeps the previous file); adds .potproj when missing."""
    target = Path(path)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    payload = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "saved_at": time.time(),
        "metadata": project.metadata,
        "document": project.document.to_json(),
        "conversation": project.conversation.to_json(),
    }
    try:
        text = json.dumps(payload, indent=1, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ProjectFileError(f"The project cannot be saved: its metadata is not plain JSON ({exc}).") from None
    try:
        atomic_write_text(target, text)
    except OSError as exc:
        raise ProjectFileError(f"Cannot write '{target}': {exc.strerror or exc}.") from None
    return target


def load_project_file(path: str | os.PathLike[str]) -> ProjectFile:
    source = Path(path)
    try:
        if source.stat().st_size > MAX_BYTES:
            raise ProjectFileError(f"'{source.name}' is larger than {MAX_BYTES >> 20} MB; it is not a project file.")
        raw = source.read_bytes()
    except OSError as exc:
        raise ProjectFileError(f"Cannot open '{source}': {exc.strerror or exc}.") from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ProjectFileError(f"'{source.name}' is not a 3D Pot Studio project (it is not valid JSON).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectFileError(f"'{source.name}' is not a 3D Pot Studio project file.")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFileError(f"'{source.name}' has no valid schema version.")
    if version > SCHEMA_VERSION:
        raise ProjectFileError(
            f"'{source.name}' was saved by a newer 3D Pot Studio (project schema {version}, this app reads up to "
            f"{SCHEMA_VERSION}); please update the app to open it."
        )
    try:
        document = Document.from_json(data.get("document"))
        conversation = Conversation.from_json(_list(data.get("conversation", [])))
    except PotStudioError as exc:
        raise ProjectFileError(f"'{source.name}' is damaged: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProjectFileError(f"'{source.name}' is damaged: a message is malformed ({exc}).") from None
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ProjectFileError(f"'{source.name}' is damaged: its metadata is not an object.")
    saved_at = data.get("saved_at")
    return ProjectFile(document, conversation, metadata, float(saved_at) if isinstance(saved_at, int | float) else 0.0)


def _list(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(m, dict) for m in value):
        raise ValueError("the conversation is not a list of messages")
    return value
