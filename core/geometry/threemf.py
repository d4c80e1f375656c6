"""3MF packages: a plain core-spec model that any slicer opens, plus our parametric document as an
extra part (Metadata/potstudio_document.json with its own relationship) that slicers ignore.

A 3MF is a zip of XML from anywhere. The zip itself (member names, sizes, bombs, DTDs) is opc.py's to defend;
here the model XML is parsed incrementally with the same safe parser settings, and component references are
resolved with a depth and triangle budget so a small file cannot instance itself into billions of triangles.
"""

from __future__ import annotations

import io
import json
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import MeshFileError
from core.geometry.opc import CHUNK, RELS_NS, SAFE_XML, Inflating, Package, part_name
from core.tasks import Phrase, Task

CORE_NS = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02"
PRODUCTION_NS = "http://schemas.microsoft.com/3dmanufacturing/production/2015/06"
MODEL_REL = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"
DOCUMENT_REL = "https://3dpot.app/schemas/2025/potstudio-document"
DOCUMENT_PART = "Metadata/potstudio_document.json"
DEFAULT_MODEL = "3D/3dmodel.model"

MAX_DEPTH = 8
MAX_INSTANCES = 100_000
"""Placed copies of objects after components expand: a plate of a thousand parts is real, a 1.5 KB file that
fans one triangle out 999k times is an attack that kept the reader busy for minutes."""
MAX_TRIANGLES = 5_000_000
_UNITS = {"micron": 0.001, "millimeter": 1.0, "centimeter": 10.0, "inch": 25.4, "foot": 304.8, "meter": 1000.0}


@dataclass
class ThreeMFContent:
    vertices: np.ndarray
    faces: np.ndarray
    name: str
    document_json: str | None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Object:
    id: str
    name: str
    mesh: tuple[np.ndarray, np.ndarray] | None = None
    """Vertices (mm) and triangles of a printed mesh object; None for a support or a component group."""
    components: list[tuple[str, str, np.ndarray]] = field(default_factory=list)
    """(model part, object id, 4×4 transform) of each component."""


@dataclass
class _Model:
    objects: dict[str, _Object] = field(default_factory=dict)
    build: list[tuple[str, np.ndarray]] = field(default_factory=list)
    title: str = ""


def read_3mf(path: Path, task: Task) -> ThreeMFContent:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise MeshFileError(Phrase("'{0}' is not a 3MF package (it is not a zip archive).", path.name)) from None
    except (NotImplementedError, ValueError, EOFError) as exc:  # a damaged directory: "zip file version 17.8"
        raise MeshFileError(Phrase("'{0}' is a damaged zip archive ({1}).", path.name, exc)) from None
    with archive:
        package = Package(archive, path.name)
        rels = package.relationships()
        root_part = rels.get(MODEL_REL, DEFAULT_MODEL)
        models: dict[str, _Model] = {}
        pending = [root_part]
        while pending:
            part = pending.pop()
            if part in models:
                continue
            with package.open(part) as stream:
                models[part] = _parse_model(stream, part, path.name, task)
            pending += [ref for obj in models[part].objects.values() for ref, _, _ in obj.components]
        vertices, faces = _resolve(models, root_part, path.name)
        warnings: list[str] = []
        document = _document(package, rels.get(DOCUMENT_REL, DOCUMENT_PART), warnings)
    root = models[root_part]
    name = root.title or next((o.name for o in root.objects.values() if o.name), "")
    return ThreeMFContent(vertices, faces, name, document, warnings)


@dataclass(frozen=True)
class Part:
    """One separately printable piece of a plate (a box, its lid): its own <object> and build item."""

    name: str
    vertices: np.ndarray
    faces: np.ndarray


_VERTEX_ROW = '     <vertex x="%.9g" y="%.9g" z="%.9g"/>\n'
_TRIANGLE_ROW = '     <triangle v1="%d" v2="%d" v3="%d"/>\n'
_ROWS_PER_FORMAT = 200_000


def _write_rows(out: list[str], rows: np.ndarray, row: str, done: int, total: int, task: Task) -> int:
    """Append one XML element per row, many rows per `%` (fast), with progress between chunks; returns `done`."""
    for start in range(0, len(rows), _ROWS_PER_FORMAT):
        chunk = rows[start : start + _ROWS_PER_FORMAT]
        out.append((row * len(chunk)) % tuple(chunk.ravel()))
        done += len(chunk)
        task.progress(0.8 * done / total, Phrase("Writing 3MF"))
    return done


def write_3mf(parts: list[Part], name: str, document_json: str | None, task: Task) -> bytes:
    """One object and one build item per part, millimetres: the subset every slicer reads the same way,
    and what lets a slicer arrange a box and its lid (or a pot and its saucer) on the plate itself."""
    from xml.sax.saxutils import escape, quoteattr  # with urllib and http: not at start-up

    parts_xml = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<model unit="millimeter" xml:lang="en-US" xmlns="{CORE_NS}">\n'
        f" <metadata name=\"Title\">{escape(name or 'model')}</metadata>\n"
        ' <metadata name="Application">3D Pot Studio</metadata>\n <resources>\n'
    ]
    total = sum(len(p.vertices) + len(p.faces) for p in parts)
    done = 0
    for object_id, part in enumerate(parts, start=1):
        label = quoteattr(part.name or name or "model")
        parts_xml.append(f'  <object id="{object_id}" type="model" name={label}>\n   <mesh>\n    <vertices>\n')
        done = _write_rows(parts_xml, part.vertices, _VERTEX_ROW, done, total, task)
        parts_xml.append("    </vertices>\n    <triangles>\n")
        done = _write_rows(parts_xml, part.faces, _TRIANGLE_ROW, done, total, task)
        parts_xml.append("    </triangles>\n   </mesh>\n  </object>\n")
    items = "".join(f'  <item objectid="{i}"/>\n' for i in range(1, len(parts) + 1))
    parts_xml.append(f" </resources>\n <build>\n{items} </build>\n</model>\n")
    rels = [f'<Relationship Target="/{DEFAULT_MODEL}" Id="rel0" Type="{MODEL_REL}"/>']
    if document_json is not None:
        rels.append(f'<Relationship Target="/{DOCUMENT_PART}" Id="rel1" Type="{DOCUMENT_REL}"/>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
        archive.writestr("[Content_Types].xml", _content_types())
        archive.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?>\n'
                         f'<Relationships xmlns="{RELS_NS}">{"".join(rels)}</Relationships>\n')
        archive.writestr(DEFAULT_MODEL, "".join(parts_xml))
        if document_json is not None:
            archive.writestr(DOCUMENT_PART, document_json)
    return buffer.getvalue()


def _content_types() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>'
        '<Default Extension="json" ContentType="application/json"/>'
        "</Types>\n"
    )


def _parse_model(stream: Inflating, part: str, source: str, task: Task) -> _Model:
    """One model part, element by element, each dropped once read: a model of hundreds of MB is never held.
    Vertices and triangles take the fast path (no defaults, no per-element checks); a value that fails there
    is looked at again to say which element, on which line, and what is wrong with it."""
    from lxml import etree

    model = _Model()
    current: _Object | None = None
    coords = array("d")
    corners = array("q")  # signed: a negative index is refused by the range check, not as an overflow
    parsed = 0
    elem: Any = None
    try:
        events = _events(stream, task)
        _, elem = next(events)
        scale = _unit_scale(elem, part, source)
        for event, elem in events:
            tag = elem.tag.rpartition("}")[2]
            if event == "start":
                if tag == "object":
                    current = _Object(_required(elem, "id", source), elem.get("name") or "")
                    coords, corners = array("d"), array("q")
                continue
            if tag == "vertex":
                coords.extend((float(elem.get("x")), float(elem.get("y")), float(elem.get("z"))))
            elif tag == "triangle":
                corners.extend((int(elem.get("v1")), int(elem.get("v2")), int(elem.get("v3"))))
                parsed += 1
                if parsed > MAX_TRIANGLES:
                    raise MeshFileError(Phrase("'{0}' has more than {1} triangles (the limit).", source, MAX_TRIANGLES))
            elif tag == "component" and current is not None:
                ref = elem.get(f"{{{PRODUCTION_NS}}}path")
                target = part_name(ref, source) if ref else part
                current.components.append((target, _required(elem, "objectid", source), _transform(elem, source)))
            elif tag == "object" and current is not None:
                if corners and elem.get("type") not in ("support", "other"):  # not printed parts
                    current.mesh = _mesh(coords, corners, scale, current.id, source)
                model.objects[current.id] = current
                current, coords, corners = None, array("d"), array("q")  # its triangles may share `corners`' memory
            elif tag == "item":
                model.build.append((_required(elem, "objectid", source), _transform(elem, source)))
            elif tag == "metadata" and elem.get("name") == "Title":
                model.title = (elem.text or "").strip()
            elem.clear()
            if tag != "model":  # the root's siblings are the document's own (a processing instruction before it)
                while elem.getprevious() is not None:  # drop finished siblings, or memory grows with the file
                    del elem.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise MeshFileError(Phrase("'{0}': the model XML is broken ({1}).", source, exc.msg)) from None
    except OverflowError:  # array('q') refuses 10**20 as an index
        raise MeshFileError(Phrase(
            "'{0}', line {1}: a triangle refers to a vertex index too large to exist.", source, elem.sourceline,
        )) from None
    except (ValueError, TypeError):
        if elem is None or elem.tag.rpartition("}")[2] not in _NUMBERS:
            raise  # not a value of the file: a bug, shown as it is
        raise _bad_value(elem, source) from None
    for obj in model.objects.values():
        obj.components = [(p, i, _scaled(m, scale)) for p, i, m in obj.components]
    model.build = [(i, _scaled(m, scale)) for i, m in model.build]
    return model


def _unit_scale(root: Any, part: str, source: str) -> float:
    """Millimetres per unit of the model whose root element this is."""
    if not isinstance(root.tag, str) or root.tag.rpartition("}")[2] != "model":
        raise MeshFileError(Phrase("'{0}': part '{1}' is not a 3MF model (its root element is not <model>).",
                                   source, part))
    unit = root.get("unit", "millimeter")
    if unit not in _UNITS:
        raise MeshFileError(Phrase("'{0}' uses an unknown unit '{1}'.", source, unit))
    return _UNITS[unit]


def _required(elem: Any, name: str, source: str) -> str:
    value = elem.get(name)
    if value is None:
        raise MeshFileError(Phrase("'{0}', line {1}: a <{2}> has no '{3}'.",
                                   source, elem.sourceline, elem.tag.rpartition("}")[2], name))
    return str(value)


_NUMBERS = {"vertex": (("x", "y", "z"), float), "triangle": (("v1", "v2", "v3"), int)}


def _bad_value(elem: Any, source: str) -> MeshFileError:
    """What the fast path could not read, in words: the element, its line and the value."""
    tag = elem.tag.rpartition("}")[2]
    names, convert = _NUMBERS[tag]
    for name in names:
        text = _required(elem, name, source)
        try:
            convert(text)
        except ValueError:
            if tag == "vertex":
                return MeshFileError(Phrase("'{0}', line {1}: <vertex> {2}=\"{3}\" is not a number.",
                                            source, elem.sourceline, name, _shown(text)))
            return MeshFileError(Phrase("'{0}', line {1}: <triangle> {2}=\"{3}\" is not a vertex index.",
                                        source, elem.sourceline, name, _shown(text)))
    raise AssertionError(f"{tag} at line {elem.sourceline} reads fine")  # the fast path failed on something else


def _shown(text: str) -> str:
    """A value from the file as an error quotes it: short, and no escape codes reaching a terminal."""
    return "".join(ch if ch.isprintable() else "?" for ch in text[:40])


def _mesh(coords: array[float], corners: array[int], scale: float, object_id: str,
          source: str) -> tuple[np.ndarray, np.ndarray]:
    vertices = np.frombuffer(coords).reshape(-1, 3) * scale
    faces = np.frombuffer(corners, dtype=np.int64).reshape(-1, 3)
    if faces.min() < 0 or faces.max() >= len(vertices):
        raise MeshFileError(Phrase(
            "'{0}': object {1} has triangles that refer to vertices it does not have ({2} vertices).",
            source, repr(object_id), len(vertices),
        ))
    return vertices, faces


def _events(stream: Inflating, task: Task) -> Iterator[tuple[str, Any]]:
    """The parser's start and end events, fed a MB at a time (iterparse pulls 32 KB per read, and the zip
    reader's Python-level overhead per read was a tenth of reading a big part), with progress and the
    user's cancel between chunks."""
    from lxml import etree

    parser = etree.XMLPullParser(events=("start", "end"), remove_comments=True, **SAFE_XML)
    done = 0
    for chunk in _read_ahead(stream):
        done += len(chunk)
        task.progress(min(0.9, done / stream.size), Phrase("Reading 3MF"))
        parser.feed(chunk)
        for event in parser.read_events():
            stream.in_prolog = False  # the root element has begun
            yield event
    parser.close()
    yield from parser.read_events()


def _read_ahead(stream: Inflating) -> Iterator[bytes]:
    """The part's chunks, each inflated on another thread while the parser works on the one before: inflating
    lets go of the GIL, so on two cores the two overlap. One chunk in flight: memory stays bounded."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="3mf-inflate") as pool:
        ahead = pool.submit(stream.read, CHUNK)
        while chunk := ahead.result():
            ahead = pool.submit(stream.read, CHUNK)
            yield chunk


def _scaled(matrix: np.ndarray, scale: float) -> np.ndarray:
    """Translations are in the file's unit; vertices were already scaled to millimetres."""
    out = matrix.copy()
    out[:3, 3] *= scale
    return out


def _transform(elem: Any, source: str) -> np.ndarray:
    """3MF stores a 4×3 row-vector matrix "m00 m01 m02 m10 ... m32"; we use 4×4 column-vector ones."""
    matrix = np.eye(4)
    text = elem.get("transform")
    if text is None:
        return matrix
    try:
        values = [float(v) for v in text.split()]
    except ValueError:
        values = []
    if len(values) != 12 or not np.isfinite(values).all():
        raise MeshFileError(Phrase("'{0}', line {1}: the transform of a <{2}> is not 12 finite numbers.",
                                   source, elem.sourceline, elem.tag.rpartition("}")[2]))
    rows = np.array(values).reshape(4, 3)
    matrix[:3, :3] = rows[:3].T
    matrix[:3, 3] = rows[3]
    return matrix


def _resolve(models: dict[str, _Model], root_part: str, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Flatten build items and components into one mesh.

    The expanded size of every object (its triangles plus one per instance) is computed first,
    memoised, with a depth limit that also catches reference loops: a few kilobytes that instance an
    object 10⁸ times are refused before a single copy is made.
    """
    sizes: dict[tuple[str, str], int] = {}
    copies: dict[tuple[str, str], int] = {}

    def size(part: str, object_id: str, depth: int) -> int:
        """Triangles plus placements under one object; every reference is checked here, so placing needs none."""
        key = (part, object_id)
        if key not in sizes:
            if depth > MAX_DEPTH:
                raise MeshFileError(Phrase(
                    "'{0}' nests components more than {1} deep (or in a loop).", source, MAX_DEPTH))
            obj = models[part].objects.get(object_id)
            if obj is None:
                raise MeshFileError(Phrase(
                    "'{0}' refers to object {1} that it does not define.", source, repr(object_id)))
            own = 1 + (0 if obj.mesh is None else len(obj.mesh[1]))
            sizes[key] = own + sum(size(ref, child, depth + 1) for ref, child, _ in obj.components)
            copies[key] = 1 + sum(copies[(ref, child)] for ref, child, _ in obj.components)
        return sizes[key]

    build = models[root_part].build
    if not build:
        raise MeshFileError(Phrase("'{0}' has no build items: there is nothing to print in it.", source))
    if sum(size(root_part, object_id, 0) for object_id, _ in build) > MAX_TRIANGLES:
        raise MeshFileError(Phrase("'{0}' expands to more than {1} triangles (the limit).", source, MAX_TRIANGLES))
    if sum(copies[(root_part, object_id)] for object_id, _ in build) > MAX_INSTANCES:
        raise MeshFileError(Phrase(
            "'{0}' places more than {1} copies of its objects (the limit).", source, MAX_INSTANCES))
    vertices: list[np.ndarray] = []
    faces: list[np.ndarray] = []
    placed = 0  # vertices so far: summing the list at each copy made placement quadratic

    def place(part: str, object_id: str, matrix: np.ndarray) -> None:
        nonlocal placed
        obj = models[part].objects[object_id]
        if obj.mesh is not None:
            own_vertices, own_faces = obj.mesh
            faces.append(own_faces + placed)
            vertices.append(own_vertices @ matrix[:3, :3].T + matrix[:3, 3])
            placed += len(own_vertices)
        for ref, child, child_matrix in obj.components:
            place(ref, child, matrix @ child_matrix)

    for object_id, matrix in build:
        place(root_part, object_id, matrix)
    if not faces:
        raise MeshFileError(Phrase("'{0}' contains no triangles.", source))
    return np.concatenate(vertices), np.concatenate(faces)


def _document(package: Package, part: str, warnings: list[str]) -> str | None:
    """Our embedded document, checked to be JSON; a damaged one costs the parameters, not the mesh."""
    if not package.has(part):
        return None
    try:
        text = package.read(part).decode("utf-8")
        whole = isinstance(json.loads(text), dict)
    except (UnicodeDecodeError, ValueError, RecursionError):
        whole = False
    if not whole:
        warnings.append("The embedded 3D Pot Studio document is damaged; only the mesh was loaded.")
        return None
    return text
