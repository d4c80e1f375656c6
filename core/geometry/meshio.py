"""Mesh files in and out: STL (binary and ASCII), OBJ and 3MF (see threemf.py), chosen by extension.

Files come from strangers, so every reader checks sizes before it allocates, refuses NaN/inf
coordinates and out-of-range indices, and caps the triangle count: a hostile file ends in a
MeshFileError naming the problem, never in a hang or an exhausted machine. We parse STL and OBJ
ourselves rather than through trimesh's loaders because those accept such files silently (a header
declaring 10⁸ triangles is trusted) and because copying the corners straight out of a mapping of
the file keeps binary STL import at the cost of reading the bytes (bench/bench_stl_import.py).

An STL import stops at the checked triangle soup, which can be drawn at once; the indexed, welded
mesh that topology needs is made on first use (LoadedModel.mesh, see weld.py).
"""

from __future__ import annotations

import io
import os
import re
import threading
import unicodedata
from array import array
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING, TypeAlias

import numpy as np

from core.atomic import atomic_write_bytes
from core.document.nodes import Node
from core.errors import MeshFileError
from core.geometry import threemf
from core.geometry.meshdata import MAX_TRIANGLES, encode_mesh
from core.geometry.weld import TriangleSoup, weld
from core.tasks import NULL_TASK, Phrase, Task

if TYPE_CHECKING:
    import trimesh

FORMATS = (".stl", ".obj", ".3mf")
MAX_TEXT_BYTES = 1 << 30
MAX_VERTICES = MAX_TRIANGLES
"""A closed mesh has about half as many vertices as triangles, so a model within the triangle limit has fewer
vertices than this. OBJ files are counted before they are parsed: 10M vertices took 68 s to be accepted."""
MAX_COORDINATE = float(np.finfo(np.float32).max)
"""Coordinates must survive a 32-bit STL and the float64 sums of volume and area: past this, 1e308 in an OBJ
became infinity when exported and NaN in `check --json`."""
MAX_LINE_BYTES = 1 << 20
MAX_FACE_CORNERS = 4096
"""An OBJ line or polygon past these is an attack (a 39M-corner face took 3.6 GB), not a model."""
MAX_NAME_CHARS = 120
"""ASCII STL/OBJ larger than this would hold more than MAX_TRIANGLES anyway; refuse before reading."""

STL_DTYPE = np.dtype([("normal", "<f4", (3,)), ("v", "<f4", (3, 3)), ("attr", "<u2")])
_PROGRESS_EVERY = 10_000


class LoadedModel:
    """A mesh file as read: `display` is ready at once, `mesh` (indexed and welded) is made when first asked.

    Watertightness, bodies, volume, booleans and exports need `mesh`; drawing needs only `display`. An
    STL arrives as a soup, so its first `mesh` welds it (~0.15 s per million triangles here): do that
    on a worker (`welded(task)` can be cancelled). The result is kept, and a lock makes two threads
    asking at once weld it once. OBJ and 3MF files are indexed already, so for them both are the same.
    """

    def __init__(self, name: str, source: str, display: TriangleSoup | trimesh.Trimesh, *,
                 document_json: str | None = None, warnings: Sequence[str] = ()) -> None:
        self.name = name
        self.document_json = document_json
        """Our parametric document when the file is a 3MF we wrote; reopening it restores every parameter."""
        self.display = display
        self._source = source
        self._warnings = list(warnings)
        self._welded: trimesh.Trimesh | None = None
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()

    @property
    def mesh(self) -> trimesh.Trimesh:
        return self.welded()

    def welded(self, task: Task = NULL_TASK) -> trimesh.Trimesh:
        if not isinstance(self.display, TriangleSoup):
            return self.display
        vertices, faces = self.weld_arrays(task)
        with self._lock:
            if self._welded is None:
                self._welded = build_mesh(vertices, faces, self._source, self._warnings)
            return self._welded

    def weld_arrays(self, task: Task = NULL_TASK) -> tuple[np.ndarray, np.ndarray]:
        """The soup's welded (vertices, faces), made once: the start-up preview draws them before trimesh is
        loaded, and `welded()` then builds its mesh from the same arrays instead of welding again."""
        if not isinstance(self.display, TriangleSoup):
            return np.asarray(self.display.vertices), np.asarray(self.display.faces)
        with self._lock:
            if self._arrays is None:
                self._arrays = weld(self.display.corners, task)
            return self._arrays

    @property
    def warnings(self) -> list[str]:
        """What the reader noticed, including what welding found (degenerate triangles): asking welds."""
        self.welded()
        return list(self._warnings)


def load_mesh(path: str | os.PathLike[str], task: Task = NULL_TASK) -> LoadedModel:
    p = Path(path)
    ext = _extension(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot open '{0}': {1}.", p.name, exc.strerror or exc)) from None
    if size == 0:
        raise MeshFileError(Phrase("'{0}' is empty.", p.name))
    task.progress(0.0, Phrase("Reading {0}", p.name))
    try:
        if ext == ".stl":
            corners, solid_name = _read_stl(p, size, task)
            if len(corners) == 0:
                raise MeshFileError(Phrase("'{0}' contains no triangles.", p.name))
            loaded = LoadedModel(display_name(solid_name) or p.stem, p.name, TriangleSoup(corners))
        else:
            document_json: str | None = None
            if ext == ".obj":
                vertices, faces = _read_obj(_read_text(p, size), p.name, task)
                name, warnings = p.stem, []
            else:
                part = threemf.read_3mf(p, task)
                vertices, faces, document_json = part.vertices, part.faces, part.document_json
                name, warnings = display_name(part.name or "") or p.stem, list(part.warnings)
            mesh = build_mesh(vertices, faces, p.name, warnings)
            loaded = LoadedModel(name, p.name, mesh, document_json=document_json, warnings=warnings)
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot read '{0}': {1}.", p.name, exc.strerror or exc)) from None
    # len(corners), not len(faces): a soup's index array is made when a viewer first asks for it.
    count = len(loaded.display.corners) if isinstance(loaded.display, TriangleSoup) else len(loaded.display.faces)
    task.progress(1.0, Phrase("Read {0} triangles", count))
    return loaded


Parts: TypeAlias = "trimesh.Trimesh | trimesh.Scene | Sequence[tuple[str, trimesh.Trimesh]]"
"""What save_mesh writes: one mesh, or named parts (a list, or a Scene whose geometry names are the
part names) that a 3MF keeps as separate objects and STL/OBJ join into one mesh."""


def save_mesh(
    mesh: Parts,
    path: str | os.PathLike[str],
    document_json: str | None = None,
    name: str = "",
    *,
    stl_ascii: bool = False,
    task: Task = NULL_TASK,
) -> None:
    """Write atomically, so a failed or cancelled export never leaves half a file behind."""
    import trimesh  # scipy & co. come with it: not at start-up (see core.geometry.build)

    p = Path(path)
    ext = _extension(p)
    parts = _named_parts(mesh, name or p.stem)
    for part in parts:
        if not np.isfinite(part.vertices).all():
            raise MeshFileError(Phrase("The model has NaN or infinite coordinates and cannot be exported."))
        if len(part.vertices) and np.abs(part.vertices).max() > MAX_COORDINATE:
            raise MeshFileError(Phrase("The model has coordinates too large for a mesh file and cannot be exported."))
    if sum(len(part.faces) for part in parts) == 0:
        raise MeshFileError(Phrase("There is nothing to export: the model has no triangles."))
    if document_json is not None and ext != ".3mf":
        raise MeshFileError(Phrase("Only 3MF files can carry the parametric document, not {0}.", ext.upper()[1:]))
    label = display_name(name) or display_name(p.stem) or "model"
    task.progress(0.0, Phrase("Writing {0}", p.name))
    offsets = np.cumsum([0, *(len(pt.vertices) for pt in parts)])
    vertices = np.concatenate([pt.vertices for pt in parts])
    faces = np.concatenate([pt.faces + offset for pt, offset in zip(parts, offsets, strict=False)])
    joined = trimesh.Trimesh(vertices, faces, process=False)
    if ext == ".3mf":
        data = threemf.write_3mf([pt for pt in parts if len(pt.faces)], label, document_json, task)
    elif ext == ".obj":
        data = _obj_bytes(vertices, faces, label)
    elif stl_ascii:
        data = _ascii_stl_bytes(vertices[faces], np.asarray(joined.face_normals), label)
    else:
        data = binary_stl_bytes(vertices[faces], np.asarray(joined.face_normals), label)
    task.check()
    kept = len(faces) if ext == ".stl" else int(np.count_nonzero(
        (faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])))
    try:
        atomic_write_bytes(p, data, verify=lambda tmp: _reads_back(tmp, p.name, kept, document_json is not None))
    except OSError as exc:
        raise MeshFileError(Phrase("Cannot write '{0}': {1}.", p, exc.strerror or exc)) from None
    task.progress(1.0, Phrase("Wrote {0}", p.name))


def _reads_back(written: Path, name: str, triangles: int, with_document: bool) -> None:
    """Nothing is written that we could not open again: the file is read back before it replaces the target."""
    try:
        loaded = load_mesh(written)
    except MeshFileError as exc:
        raise MeshFileError(Phrase("'{0}' did not read back as written ({1}); nothing was written.", name, exc)) \
            from None
    display = loaded.display
    count = len(display.corners) if isinstance(display, TriangleSoup) else len(display.faces)
    if count != triangles:
        raise MeshFileError(Phrase(
            "'{0}' read back with {1} triangles instead of {2}; nothing was written.", name, count, triangles))
    if with_document and loaded.document_json is None:
        raise MeshFileError(Phrase("'{0}' read back without its design ({1}); nothing was written.",
                                   name, " ".join(loaded.warnings) or "it was not there"))


def _named_parts(mesh: Parts, name: str) -> list[threemf.Part]:
    import trimesh

    if isinstance(mesh, trimesh.Trimesh):
        named: list[tuple[str, trimesh.Trimesh]] = [(name, mesh)]
    elif isinstance(mesh, trimesh.Scene):
        named = []
        for node in mesh.graph.nodes_geometry:
            transform, geometry = mesh.graph[node]
            part = mesh.geometry[geometry]
            if isinstance(part, trimesh.Trimesh):
                named.append((str(geometry), part.copy().apply_transform(transform)))
    else:
        named = list(mesh)
    if not named:
        raise MeshFileError(Phrase("There is nothing to export: the model has no parts."))
    return [threemf.Part(part_name, np.asarray(m.vertices, dtype=np.float64), np.asarray(m.faces, dtype=np.int64))
            for part_name, m in named]


def mesh_node(mesh: trimesh.Trimesh, name: str) -> Node:
    """An imported mesh as a document node, so it can take part in booleans like any primitive."""
    props = encode_mesh(np.asarray(mesh.vertices), np.asarray(mesh.faces), name)
    return Node(type="mesh", props=props, name=name)


def display_name(raw: str) -> str:
    """A file's object name made safe to show and to write back: one line, no control or escape codes
    (an ESC in a 3MF name reached the terminal; a newline in an OBJ name wrote a broken line), bounded."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[: MAX_NAME_CHARS * 4])
    return " ".join(kept.split())[:MAX_NAME_CHARS]


def build_mesh(vertices: np.ndarray, faces: np.ndarray, source: str, warnings: list[str]) -> trimesh.Trimesh:
    """The checks every format shares; degenerate triangles are dropped with a warning, not an error."""
    import trimesh

    vertices = np.asarray(vertices, dtype=np.float64).reshape(-1, 3)
    faces = np.asarray(faces, dtype=np.int64).reshape(-1, 3)
    if len(faces) == 0:
        raise MeshFileError(Phrase("'{0}' contains no triangles.", source))
    if len(faces) > MAX_TRIANGLES:
        raise MeshFileError(Phrase("'{0}' has {1} triangles; the limit is {2}.", source, len(faces), MAX_TRIANGLES))
    if len(vertices) > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' has {1} vertices; the limit is {2}.", source, len(vertices), MAX_VERTICES))
    if not np.isfinite(vertices).all():
        raise MeshFileError(Phrase("'{0}' has NaN or infinite coordinates; the file is damaged.", source))
    if np.abs(vertices).max() > MAX_COORDINATE:
        raise MeshFileError(Phrase("'{0}' has coordinates too large to be a model (past 3.4e38).", source))
    if faces.min() < 0 or faces.max() >= len(vertices):
        raise MeshFileError(Phrase(
            "'{0}' has triangles that refer to vertices it does not have ({1} vertices).",
            source, len(vertices),
        ))
    degenerate = (faces[:, 0] == faces[:, 1]) | (faces[:, 1] == faces[:, 2]) | (faces[:, 0] == faces[:, 2])
    if degenerate.any():
        warnings.append(f"Removed {int(degenerate.sum())} degenerate triangles (repeated corners).")
        faces = faces[~degenerate]
        if len(faces) == 0:
            raise MeshFileError(Phrase("'{0}' contains only degenerate triangles.", source))
    return trimesh.Trimesh(vertices=vertices, faces=faces, process=False)


def binary_stl_bytes(triangles: np.ndarray, normals: np.ndarray, name: str) -> bytes:
    records = np.zeros(len(triangles), dtype=STL_DTYPE)
    records["v"] = triangles
    records["normal"] = normals
    header = f"potstudio {name}".encode("ascii", "replace")[:80].ljust(80, b" ")
    return header + np.uint32(len(triangles)).tobytes() + records.tobytes()


def _extension(p: Path) -> str:
    ext = p.suffix.lower()
    if ext not in FORMATS:
        raise MeshFileError(Phrase("'{0}': unsupported file type; use one of {1}.", p.name, ", ".join(FORMATS)))
    return ext


def _read_stl(p: Path, size: int, task: Task) -> tuple[np.ndarray, str]:
    with p.open("rb") as fh:
        head = fh.read(84)
    looks_ascii = head.lstrip().startswith(b"solid")
    if len(head) < 84:
        if looks_ascii:
            return _read_ascii_stl(_read_text(p, size), p.name, task)
        raise MeshFileError(Phrase("'{0}' is too short ({1} bytes) to be an STL file.", p.name, size))
    declared = int(np.frombuffer(head, dtype="<u4", count=1, offset=80)[0])
    expected = 84 + 50 * declared
    if size == expected:
        if declared > MAX_TRIANGLES:
            raise MeshFileError(Phrase("'{0}' has {1} triangles; the limit is {2}.", p.name, declared, MAX_TRIANGLES))
        task.check()
        return _binary_stl_corners(p, declared, task), ""
    if looks_ascii:
        return _read_ascii_stl(_read_text(p, size), p.name, task)
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


def _read_ascii_stl(data: bytes, source: str, task: Task) -> tuple[np.ndarray, str]:
    """A strict grammar walk: anything that is not a well-formed facet is reported with its line."""
    numbers = _Numbers(np.float32, source)
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
            if numbers.count % (9 * _PROGRESS_EVERY) == 0:
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


class _Numbers:
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


def _read_text(p: Path, size: int) -> bytes:
    if size > MAX_TEXT_BYTES:
        raise MeshFileError(Phrase(
            "'{0}' is {1} MB; text mesh files over {2} MB are not supported (export a binary STL or 3MF instead).",
            p.name, size >> 20, MAX_TEXT_BYTES >> 20,
        ))
    return p.read_bytes()


_OBJ_LINE = re.compile(rb"[^\r\n]+")


def _read_obj(data: bytes, source: str, task: Task) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and polygon faces (fan-triangulated); normals, UVs, groups and materials are ignored.

    Lines are found by a regex over the bytes, so blank lines cost nothing (200M newlines took 2 GB as a
    list of empty lines), and each line is measured before it is split."""
    declared = data.count(b"\nv ") + data.count(b"\nv\t") + data.startswith((b"v ", b"v\t"))
    if declared > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' has {1} vertices; the limit is {2}.", source, declared, MAX_VERTICES))
    coords = _Numbers(np.float64, source)
    faces = array("q")
    lineno, counted = 1, 0
    for seen, line in enumerate(_OBJ_LINE.finditer(data), 1):
        lineno += data.count(b"\n", counted, line.start())  # in C, once over the file: the line number for errors
        counted = line.start()
        if seen % _PROGRESS_EVERY == 0:
            task.progress(line.start() / len(data))
        if line.end() - line.start() > MAX_LINE_BYTES:
            raise MeshFileError(Phrase(
                "'{0}': a line at byte {1} is longer than {2} MB.", source, line.start(), MAX_LINE_BYTES >> 20))
        parts = line.group().split()
        if not parts:
            continue
        if parts[0] == b"v":
            if len(parts) < 4:
                raise MeshFileError(Phrase("'{0}' line {1}: a vertex needs three coordinates.", source, lineno))
            coords.extend(parts[1:4])
            if coords.count > 3 * MAX_VERTICES:
                raise MeshFileError(Phrase("'{0}' has more than {1} vertices (the limit).", source, MAX_VERTICES))
        elif parts[0] == b"f":
            if len(parts) - 1 > MAX_FACE_CORNERS:
                raise MeshFileError(Phrase(
                    "'{0}' line {1}: a face with {2} corners (the limit is {3}).",
                    source, lineno, len(parts) - 1, MAX_FACE_CORNERS,
                ))
            corners = [_obj_index(c, coords.count // 3, source, lineno) for c in parts[1:]]
            if len(corners) < 3:
                raise MeshFileError(Phrase("'{0}' line {1}: a face needs at least three corners.", source, lineno))
            for i in range(1, len(corners) - 1):
                faces.extend((corners[0], corners[i], corners[i + 1]))
            if len(faces) > 3 * MAX_TRIANGLES:
                raise MeshFileError(Phrase("'{0}' has more than {1} triangles (the limit).", source, MAX_TRIANGLES))
    vertices = coords.array().reshape(-1, 3)
    index = np.frombuffer(faces, dtype=np.int64).reshape(-1, 3)
    if len(index) and index.max() >= len(vertices):
        raise MeshFileError(Phrase(
            "'{0}' has a face that refers to vertex {1}, but the file defines only {2} vertices.",
            source, int(index.max()) + 1, len(vertices),
        ))
    return vertices, index


def _obj_index(token: bytes, count: int, source: str, lineno: int) -> int:
    """OBJ indices are 1-based, or negative to count back from the last vertex read so far."""
    try:
        value = int(token.split(b"/", 1)[0])
    except ValueError:
        raise MeshFileError(Phrase(
            "'{0}' line {1}: '{2}' is not an index.",
            source, lineno, token.decode(errors="replace"),
        )) from None
    if value == 0 or value < -count or value > MAX_VERTICES:
        raise MeshFileError(Phrase("'{0}' line {1}: vertex index {2} is out of range.", source, lineno, value))
    return value - 1 if value > 0 else count + value


def _obj_bytes(vertices: np.ndarray, faces: np.ndarray, name: str) -> bytes:
    """`name` is one line already (display_name): a newline in it would start a line of its own."""
    head = f"# 3D Pot Studio\no {name}\n"
    body = ("v %.9g %.9g %.9g\n" * len(vertices)) % tuple(vertices.ravel())
    body += ("f %d %d %d\n" * len(faces)) % tuple((faces + 1).ravel())
    return (head + body).encode("utf-8")


def _ascii_stl_bytes(triangles: np.ndarray, normals: np.ndarray, name: str) -> bytes:
    facet = (
        "  facet normal %.7g %.7g %.7g\n    outer loop\n"
        "      vertex %.9g %.9g %.9g\n      vertex %.9g %.9g %.9g\n      vertex %.9g %.9g %.9g\n"
        "    endloop\n  endfacet\n"
    )
    label = " ".join(name.split()) or "model"
    values = np.concatenate([normals.reshape(-1, 3), triangles.reshape(-1, 9)], axis=1)
    return (f"solid {label}\n" + (facet * len(values)) % tuple(values.ravel()) + f"endsolid {label}\n").encode()
