"""Text mesh files (ASCII STL, OBJ): their size cap and the chunked number conversion both readers share."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.errors import MeshFileError
from core.tasks import Phrase

MAX_TEXT_BYTES = 1 << 30
"""ASCII STL/OBJ larger than this would hold more than MAX_TRIANGLES anyway; refuse before reading."""
PROGRESS_EVERY = 10_000


class Numbers:
    """Number tokens converted in chunks, so a big text file costs array memory, not millions of objects."""

    def __init__(self, dtype: type[np.floating], source: str) -> None:
        self._dtype = dtype
        self._source = source
        self._pending: list[bytes] = []
        self._done: list[np.ndarray] = []
        self.count = 0

    def extend(self, tokens: list[bytes] | tuple[bytes, ...]) -> None:
        self._pending.extend(tokens)
        self.count += len(tokens)
        if len(self._pending) >= 1 << 20:
            self._flush()

    def array(self) -> np.ndarray:
        self._flush()
        return np.concatenate(self._done) if self._done else np.empty(0, dtype=self._dtype)

    def _flush(self) -> None:
        if not self._pending:
            return
        try:
            self._done.append(np.array(self._pending).astype(self._dtype))
        except ValueError:
            raise MeshFileError(Phrase("'{0}' has a coordinate that is not a number.", self._source)) from None
        self._pending = []


def read_text(p: Path, size: int) -> bytes:
    if size > MAX_TEXT_BYTES:
        raise MeshFileError(Phrase(
            "'{0}' is {1} MB; text mesh files over {2} MB are not supported (export a binary STL or 3MF instead).",
            p.name, size >> 20, MAX_TEXT_BYTES >> 20,
        ))
    return p.read_bytes()
