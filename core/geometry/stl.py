"""STL in and out: binary records copied straight from the file by a few threads, and ASCII read by a strict
grammar walk that says which line is wrong. Nothing trusts the header: sizes are checked before allocating."""

from __future__ import annotations

import io
import os
import re
import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from queue import SimpleQueue

import numpy as np

from core.errors import MeshFileError
from core.geometry.meshdata import MAX_TRIANGLES
from core.geometry.text_tokens import PROGRESS_EVERY, Numbers, read_text
from core.tasks import Phrase, Task

STL_DTYPE = np.dtype([("normal", "<f4", (3,)), ("v", "<f4", (3, 3)), ("attr", "<u2")])


def binary_stl_bytes(triangles: np.ndarray, normals: np.ndarray, name: str) -> bytes:
    records = np.zeros(len(triangles), dtype=STL_DTYPE)
    records["v"] = triangles
    records["normal"] = normals
    header = f"potstudio {name}".encode("ascii", "replace")[:80].ljust(80, b" ")
    return header + np.uint32(len(triangles)).tobytes() + records.tobytes()


def read_stl(p: Path, size: int, task: Task) -> tuple[np.ndarray, str]:
    with p.open("rb") as fh:
        head = fh.read(84)
    looks_ascii = head.lstrip().startswith(b"solid")
    if len(head) < 84:
        if looks_ascii:
            return read_ascii_stl(read_text(p, size), p.name, task)
        raise MeshFileError(Phrase("'{0}' is too short ({1} bytes) to be an STL file.", p.name, size))
    declared = int(np.frombuffer(head, dtype="<u4", count=1, offset=80)[0])
    expected = 84 + 50 * declared
    if size == expected:
        if declared > MAX_TRIANGLES:
            raise MeshFileError(Phrase("'{0}' has {1} triangles; the limit is {2}.", p.name, declared, MAX_TRIANGLES))
        task.check()
        return _binary_stl_corners(p, declared, task), ""
    if looks_ascii:
        return read_ascii_stl(read_text(p, size), p.name, task)
    if size < expected:
        raise MeshFileError(Phrase(
            "'{0}' declares {1} triangles ({2} bytes) but has only {3} bytes: it is truncated or not an STL file.",
            p.name, declared, expected, size,
        ))
    raise MeshFileError(Phrase(
        "'{0}' has {1} bytes more than its {2} declared triangles need; it is damaged or not a binary STL.",
        p.name, size - expected, declared,
    ))


def _binary_stl_corners(p: Path, count: int, task: Task) -> np.ndarray:
    """The corners of `count` records, read in chunks of records that stay in the CPU cache, by a few
    threads at once.

    Only the 36 bytes of each 50-byte record that we keep are gathered from a chunk into the array
    the soup keeps. Chunks are independent (positional reads of one open file), so while one thread
    waits on a read another gathers and checks its chunk: on two cores the whole import takes about as
    long as one np.fromfile of the records (bench/bench_stl_import.py). Plain reads, not a
    mapping: a file cut short by another program while we read gives a clear error instead of faulting
    the process, and a huge file can be cancelled between chunks.
    """
    corners = np.empty((count, 3, 3), dtype="<f4")
    gathered = corners.reshape(-1).view("V36")
    record = STL_DTYPE.itemsize

    pool, in_flight = _readers()
    # One buffer per chunk in flight, for this file only: reused chunk after chunk (so it stays in the
    # cache) and freed with the call, rather than kept by idle reader threads.
    free: SimpleQueue[bytearray] = SimpleQueue()
    for _ in range(min(in_flight, -(-count // _CHUNK_RECORDS))):
        free.put(bytearray(_CHUNK_RECORDS * record))

    def read_chunk(fh: io.FileIO, first: int) -> None:
        n = min(_CHUNK_RECORDS, count - first)
        chunk = free.get()
        try:
            _read_at(fh, memoryview(chunk)[: n * record], 84 + first * record, p)
            gathered[first : first + n] = np.ndarray((n,), dtype="V36", buffer=chunk, offset=12,
                                                     strides=(record,))
            _check_finite(corners[first : first + n], p.name)  # while the chunk is still in the cache
        finally:
            free.put(chunk)

    pending: deque[Future[None]] = deque()
    with p.open("rb", buffering=0) as fh:
        try:
            for first in range(0, count, _CHUNK_RECORDS):
                task.check()  # between chunks, on the caller's thread: a cancel stops the reading at once
                if len(pending) >= in_flight:
                    pending.popleft().result()  # re-raises a chunk's error (truncated, NaN) here
                pending.append(pool.submit(read_chunk, fh, first))
            for done in pending:
                done.result()
        finally:
            for left in pending:  # after an error: no reader may still use the file once it is closed
                if not left.cancel():
                    left.exception()  # waits for a running one; its error, if any, is the first one's echo
    return corners


def _check_finite(corners: np.ndarray, name: str) -> None:
    # max and min are NaN as soon as one coordinate is, and ±inf for an infinite one; unlike
    # isfinite(...).all() they need no temporary array.
    if corners.size and not (np.isfinite(corners.max()) and np.isfinite(corners.min())):
        raise MeshFileError(Phrase("'{0}' has NaN or infinite coordinates; the file is damaged.", name))


_CHUNK_RECORDS = 1 << 16  # 3.3 MB of records: a few cache-sized reads per reader, few enough to pay little per chunk
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _forget_pool() -> None:
    """A forked child has the pool but not its threads: reading an STL there would wait forever for a reader."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_pool)


def _readers() -> tuple[ThreadPoolExecutor, int]:
    """The shared reader threads, and how many chunks to keep in flight (one more than them, so none waits)."""
    global _pool
    workers = min(4, (os.cpu_count() or 1) + 1)  # one more than the cores: a reader is often waiting on a page fault
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stl-read")
        return _pool, workers + 1


def _read_at(fh: io.FileIO, into: memoryview, offset: int, p: Path) -> None:
    """Fill `into` from byte `offset`: os.preadv where the system has it (the readers share one file and
    none moves its position), else through a handle of this reader's own."""
    if not hasattr(os, "preadv"):  # Windows
        with p.open("rb", buffering=0) as own:
            own.seek(offset)
            _read_exactly(own, into, p.name)
        return
    got = 0
    while got < len(into):
        n = os.preadv(fh.fileno(), [into[got:]], offset + got)
        if not n:
            raise MeshFileError(Phrase("'{0}' got shorter while it was being read; try again once it is complete.",
                                       p.name))
        got += n


def _read_exactly(fh: io.FileIO, into: memoryview, name: str) -> None:
    got = 0
    while got < len(into):
        n = fh.readinto(into[got:])
        if not n:
            raise MeshFileError(Phrase(
                "'{0}' got shorter while it was being read; try again once it is complete.",
                name,
            ))
        got += n


_NUM = rb"([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|inf(?:inity)?))"
_GAP = rb"\s{1,4096}"  # between tokens; bounded so a hostile run of blanks fails at once (see _skip_blanks)
_FACET_LINE = rb"facet(?:" + _GAP + rb"normal" + _GAP + _NUM + _GAP + _NUM + _GAP + _NUM + rb")?"
_VERTEX_LINE = rb"vertex" + _GAP + _NUM + _GAP + _NUM + _GAP + _NUM
_FACET = re.compile(
    rb"\s{0,4096}" + _FACET_LINE + _GAP + rb"outer" + _GAP + rb"loop" + (_GAP + _VERTEX_LINE) * 3
    + _GAP + rb"endloop" + _GAP + rb"endfacet\b",
    re.IGNORECASE,
)
_SOLID = re.compile(rb"solid(?:[ \t]+([^\r\n]*))?(?:\r?\n|$)", re.IGNORECASE)
_ENDSOLID = re.compile(rb"endsolid[^\r\n]*", re.IGNORECASE)
_IS_BLANK = np.zeros(256, dtype=bool)
_IS_BLANK[list(b" \t\r\n\f\v")] = True


def _skip_blanks(data: bytes, pos: int) -> int:
    """The position of the next non-blank byte (or the end). A regex `\\s*` walks a run of 200M newlines at
    Python-regex speed (25 s); numpy looks at a megabyte at a time. Short runs take the bytes fast path."""
    window = data[pos:pos + 64]
    rest = window.lstrip()
    if rest or len(window) < 64:
        return pos + len(window) - len(rest)
    view = np.frombuffer(data, dtype=np.uint8)
    for start in range(pos, len(data), 1 << 20):
        blank = _IS_BLANK[view[start:start + (1 << 20)]]
        if not blank.all():
            return start + int(np.argmin(blank))
    return len(data)


def read_ascii_stl(data: bytes, source: str, task: Task) -> tuple[np.ndarray, str]:
    """A strict grammar walk: anything that is not a well-formed facet is reported with its line."""
    numbers = Numbers(np.float32, source)
    name = ""
    pos, end = 0, len(data)
    while (solid := _SOLID.match(data, pos := _skip_blanks(data, pos))) is not None:
        if not name and solid.group(1):
            name = solid.group(1).decode("utf-8", "replace").strip()
        pos = solid.end()
        while True:
            facet = _FACET.match(data, pos)
            if facet is None:
                pos = _skip_blanks(data, pos)  # past a run of blanks too long for the facet pattern's bound
                if (facet := _FACET.match(data, pos)) is None:
                    break
            numbers.extend(facet.groups()[3:])
            pos = facet.end()
            if numbers.count % (9 * PROGRESS_EVERY) == 0:
                task.progress(pos / end)
            if numbers.count > 9 * MAX_TRIANGLES:
                raise MeshFileError(Phrase("'{0}' has more than {1} triangles (the limit).", source, MAX_TRIANGLES))
        closing = _ENDSOLID.match(data, pos)
        if closing is None:
            break
        pos = closing.end()
    if _skip_blanks(data, pos) < end:
        raise _ascii_error(data, pos, source)
    corners = numbers.array().reshape(-1, 3, 3)
    _check_finite(corners, source)
    return corners, name


_STEPS = [  # the lines of one facet, in order, for saying which line is wrong (the grammar of _FACET)
    (re.compile(_FACET_LINE, re.IGNORECASE), "facet normal nx ny nz"),
    (re.compile(rb"outer\s+loop", re.IGNORECASE), "outer loop"),
    *[(re.compile(_VERTEX_LINE, re.IGNORECASE), "vertex x y z")] * 3,
    (re.compile(rb"endloop", re.IGNORECASE), "endloop"),
    (re.compile(rb"endfacet", re.IGNORECASE), "endfacet"),
]


def _ascii_error(data: bytes, pos: int, source: str) -> MeshFileError:
    """Say what is wrong where the facets stop: a file cut off inside a triangle is truncated, a
    misspelt or short line is named with what should be there. The facet grammar above only knows
    where the last good facet ended, which for a file cut short is lines before the damage.

    Lines are visited from blank-skip to newline, never split into a list: a hostile file is 200M blank lines."""
    first = lineno = last = data.count(b"\n", 0, pos) + 1
    counted = pos
    step = 0
    misfit: tuple[int, bytes, str] | None = None  # inside a facet: an error, unless it is the file's last line
    at = pos
    while (at := _skip_blanks(data, at)) < len(data):
        stop = data.find(b"\n", at)
        stop = len(data) if stop < 0 else stop
        lineno += data.count(b"\n", counted, at)
        counted = at
        text, at = data[at:stop].strip(), stop
        last = lineno
        if misfit is not None:
            at, shown, wanted = misfit
            return MeshFileError(Phrase("'{0}' is not a valid ASCII STL: line {1} reads '{2}' where '{3}' should be.",
                                        source, at, shown.decode("utf-8", "replace"), wanted))
        pattern, wanted = _STEPS[step]
        if pattern.fullmatch(text) is not None:
            step = (step + 1) % len(_STEPS)
            continue
        if step == 0:
            return MeshFileError(Phrase("'{0}' is not a valid ASCII STL: line {1} reads '{2}' where a facet or "
                                        "'endsolid' should start.", source, lineno,
                                        text[:40].decode("utf-8", "replace")))
        misfit = (lineno, text[:40], wanted)
    if misfit is not None:  # the last line, cut off before its end
        return MeshFileError(Phrase("'{0}' is truncated: it ends in the middle of a triangle (line {1}).",
                                    source, misfit[0]))
    if step == 0:  # line by line every facet is whole: an odd layout the grammar does not take
        return MeshFileError(Phrase("'{0}' is not a valid ASCII STL: unexpected text at line {1}.", source, first))
    return MeshFileError(Phrase("'{0}' is truncated: it ends in the middle of a triangle (line {1}).", source, last))


def ascii_stl_bytes(triangles: np.ndarray, normals: np.ndarray, name: str) -> bytes:
    facet = (
        "  facet normal %.7g %.7g %.7g\n    outer loop\n"
        "      vertex %.9g %.9g %.9g\n      vertex %.9g %.9g %.9g\n      vertex %.9g %.9g %.9g\n"
        "    endloop\n  endfacet\n"
    )
    label = " ".join(name.split()) or "model"
    values = np.concatenate([normals.reshape(-1, 3), triangles.reshape(-1, 9)], axis=1)
    return (f"solid {label}\n" + (facet * len(values)) % tuple(values.ravel()) + f"endsolid {label}\n").encode()
