"""The hostile corpus: one crafted input per class of attack found on our readers (issue 16), written on
demand into a folder, so the benchmark runs each at full size and the tests run each at a size CI can afford.

Each case names the command a user would run on it and the words the clear error must contain. Sizes are
`scale`-d: 1.0 is the size of the original finding (a 1 GiB inflating 3MF, 200M blank lines); tests use
small scales, where the same code paths refuse the same way.
"""

from __future__ import annotations

import json
import os
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORE_NS = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02"
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Target="/3D/3dmodel.model" Id="r0" '
        'Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>')
TRIANGLE = ('<object id="1" type="model"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="1" y="0" z="0"/>'
            '<vertex x="0" y="1" z="0"/></vertices><triangles><triangle v1="0" v2="1" v3="{v3}"/></triangles>'
            "</mesh></object>")
DOCUMENT_PART = "Metadata/potstudio_document.json"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    command: str  # "check" or "export"
    expect: str  # words of the error a user gets (empty: the file is valid and must be read)
    write: Callable[[Path, float], None]


def _model(resources: str, build: str = '<item objectid="1"/>') -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><model unit="millimeter" xmlns="{CORE_NS}">'
            f"<resources>{resources}</resources><build>{build}</build></model>")


def _package(path: Path, model: str | bytes, extra: dict[str, str | bytes] | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("3D/3dmodel.model", model)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)


def _design(root: dict[str, object], parameters: list[object] | None = None) -> str:
    return json.dumps({"format": "potstudio.document", "schema_version": 1, "name": "hostile",
                       "parameters": parameters or [], "root": root})


def _with_design(text: str) -> Callable[[Path, float], None]:
    def write(path: Path, scale: float) -> None:
        _package(path, _model(TRIANGLE.format(v3=2)), {DOCUMENT_PART: text})
    return write


def _fan_out(path: Path, scale: float) -> None:
    """1.5 KB at any scale: 100 × 100 × 100 copies of one triangle."""
    width = 100
    objects = [TRIANGLE.format(v3=2)]
    for level in range(2, 5):
        refs = f'<component objectid="{level - 1}"/>' * width
        objects.append(f'<object id="{level}" type="model"><components>{refs}</components></object>')
    _package(path, _model("".join(objects), '<item objectid="4"/>'))


def _padded_3mf(path: Path, scale: float) -> None:
    """A model part inflating to 0.9 GiB at full scale (under the 1 GiB package cap, so it must be read, as a
    stream), padded with comments so the zip ratio looks harmless; it was held whole and copied (2.1 GB)."""
    head, tail = _model(TRIANGLE.format(v3=2)).split("<build>")
    noise = os.urandom(1 << 19).hex().encode()  # 1 MB of text that deflates about 2:1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", RELS)
        with archive.open("3D/3dmodel.model", "w", force_zip64=True) as part:
            part.write(head.encode())
            for _ in range(max(1, int(900 * scale))):
                part.write(b"".join(b"<!-- " + noise[i:i + 1000] + b" -->" for i in range(0, len(noise), 1000)))
            part.write(b"<build>" + tail.encode())


def _tetrahedra(path: Path, scale: float) -> None:
    import numpy as np

    n = max(10, int(100_000 * scale))
    corners = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], np.float32)
    faces = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]]
    offsets = np.stack([np.arange(n) % 300 * 2, np.arange(n) // 300 * 2, np.zeros(n)], 1).astype(np.float32)
    triangles = (corners[None] + offsets[:, None])[:, faces].reshape(-1, 3, 3)
    records = np.zeros(len(triangles), dtype=[("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
    records["v"] = triangles
    path.write_bytes(b"swarm".ljust(80) + struct.pack("<I", len(records)) + records.tobytes())


def _blank_stl(path: Path, scale: float) -> None:
    with path.open("wb") as fh:
        fh.write(b"solid blank\n")
        for _ in range(max(1, int(200 * scale))):
            fh.write(b"\n" * 1_000_000)


def _huge_face(path: Path, scale: float) -> None:
    with path.open("wb") as fh:
        fh.write(b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf")
        for _ in range(max(1, int(39 * scale))):
            fh.write(b" 1 2 3" * 333_334)
        fh.write(b"\n")


def _many_vertices(path: Path, scale: float) -> None:
    """10M vertices at any scale (the count is what is refused, before parsing): 76 MB, written in 1M-line runs."""
    with path.open("wb") as fh:
        for _ in range(10):
            fh.write(b"v 1 2 3\n" * 1_000_000)
        fh.write(b"f 1 2 3\n")


def _zip_member(compress_type: int, flag_bits: int) -> Callable[[Path, float], None]:
    def write(path: Path, scale: float) -> None:
        _package(path, _model(TRIANGLE.format(v3=2)))
        data = bytearray(path.read_bytes())
        name = b"3D/3dmodel.model"
        for header in (b"PK\x03\x04", b"PK\x01\x02"):  # the local and the central header of that member
            at = data.find(header)
            while at >= 0:
                name_at = at + (30 if header == b"PK\x03\x04" else 46)
                if data[name_at:name_at + len(name)] == name:
                    flags_at = at + (6 if header == b"PK\x03\x04" else 8)
                    flags = int.from_bytes(data[flags_at:flags_at + 2], "little") | flag_bits
                    data[flags_at:flags_at + 2] = flags.to_bytes(2, "little")
                    data[flags_at + 2:flags_at + 4] = compress_type.to_bytes(2, "little")
                at = data.find(header, at + 4)
        path.write_bytes(bytes(data))
    return write


def _text(text: str | bytes) -> Callable[[Path, float], None]:
    def write(path: Path, scale: float) -> None:
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return write


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


CASES = [
    Case("3MF component fanned out 10^6 times", "fan.3mf", "check", "copies of its objects", _fan_out),
    Case("3MF padded to inflate 0.9 GiB", "padded.3mf", "check", "", _padded_3mf),
    Case("3MF vertex index 10^20", "index.3mf", "check", "vertex index too large",
         lambda p, s: _package(p, _model(TRIANGLE.format(v3=10**20)))),
    Case("3MF encrypted member", "encrypted.3mf", "check", "is encrypted", _zip_member(8, 0x1)),
    Case("3MF compression method 99", "method99.3mf", "check", "is compressed with method 99", _zip_member(99, 0)),
    Case("3MF UTF-16 entity declaration", "utf16.3mf", "check", "entity declarations",
         lambda p, s: _package(p, ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE m [<!ENTITY x "y">]>'
                                   + _model(TRIANGLE.format(v3=2)).split("?>", 1)[1]).encode("utf-16"))),
    Case("STL of 100k separate tetrahedra", "swarm.stl", "check", "", _tetrahedra),
    Case("ASCII STL header and 200M blank lines", "blank.stl", "check", "contains no triangles", _blank_stl),
    Case("OBJ face with 39M corners", "face.obj", "check", "longer than 1 MB", _huge_face),
    Case("OBJ with 10M vertices", "vertices.obj", "check", "vertices; the limit", _many_vertices),
    Case("OBJ vertex index 10^20", "index.obj", "check", "out of range",
         _text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 100000000000000000000\n")),
    Case("OBJ coordinates of 1e308", "far.obj", "check", "coordinates too large",
         _text("v 0 0 0\nv 1e308 0 0\nv 0 1e308 0\nf 1 2 3\n")),
    Case("design: ((((9**64)**64)**64)**64)**64", "power.3mf", "export", "too large",
         _with_design(_design({"type": "box", "props": {"size": ["=((((9**64)**64)**64)**64)**64", 1, 1]}}))),
    Case("design: sphere of 10^6 segments", "segments.3mf", "export", "segments",
         _with_design(_design({"type": "sphere", "props": {"r": 10, "segments": 1_000_000}}))),
    Case("design: three nested 1000-copy arrays", "arrays.3mf", "export", "triangles, more than the limit",
         _with_design(_design(json.loads(
             '{"type": "linear_array", "props": {"count": [10, 10, 10]}, "children": [' * 3
             + '{"type": "box", "props": {"size": [1, 1, 1]}}' + "]}" * 3)))),
    Case("design: JSON nested 100k deep", "deep.json", "export", "nested too deeply", _text(_nested(100_000))),
    Case("design: parameters [5]", "params.json", "export", "must be an object",
         _text(_design({"type": "box", "props": {"size": [1, 1, 1]}}, [5]))),
    Case("design: no root", "noroot.json", "export", "no root",
         _text(json.dumps({"format": "potstudio.document", "schema_version": 1, "parameters": []}))),
    Case("design: 5,000-parameter dependency chain", "chain.json", "export", "",
         _text(_design({"type": "box", "props": {"size": ["=p0", 1, 1]}},
                       [{"name": f"p{i}", "value": 1, "expr": f"p{i + 1} * 1"} for i in range(5000)]
                       + [{"name": "p5000", "value": 10}]))),
]
