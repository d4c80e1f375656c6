"""Atomic file writes: a crash mid-save leaves either the old file or the new one, never half.

mkstemp creates its file with mode 0600; left that way, every exported STL or 3MF would be unreadable
to a NAS share or a web server. A new file therefore gets the mode `open()` would have given it
(0666 minus the umask), and a replaced file keeps the mode its owner chose.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def _target_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes,
                       verify: Callable[[Path], None] | None = None) -> None:
    """`verify` reads the written temporary file (same extension as the target) and raises if it is not what
    was meant to be written: then the target is left as it was."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if verify is not None:
            verify(Path(tmp))
        os.replace(tmp, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
