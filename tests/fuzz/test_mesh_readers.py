"""The STL (binary and ASCII), OBJ and 3MF readers, fuzzed: whatever the bytes, `load_mesh` (and the weld that
`check` runs next) ends with a mesh or a MeshFileError, in bounded time."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.hostile_corpus import RELS, TRIANGLE, _model
from core.errors import MeshFileError
from core.geometry.meshio import load_mesh
from tests.fuzz import targets
from tests.fuzz.profiles import FUZZ
from tests.fuzz.seeds import seeds
from tests.fuzz.strategies import NUMBERS, mutated

_floats = st.floats(width=32, allow_nan=True, allow_infinity=True)
_number = st.sampled_from(NUMBERS) | st.floats().map(lambda f: repr(f).encode()) | st.integers().map(
    lambda i: str(i).encode())
_index = st.integers(-5, 8) | st.sampled_from([10**20, -10**20, 2**31, 2**63])


@FUZZ
@given(st.lists(st.tuples(_floats, _floats, _floats), max_size=40), st.integers(-3, 3), st.binary(max_size=80))
def test_binary_stl(corners: list[tuple[float, float, float]], lie: int, header: bytes) -> None:
    """Any coordinates, and a triangle count that may disagree with the records that follow."""
    count = len(corners) // 3
    records = b"".join(struct.pack("<12fH", 0, 0, 1, *corners[i], *corners[i + 1], *corners[i + 2], 0)
                       for i in range(0, count * 3, 3))
    targets.stl(header.ljust(80, b" ")[:80] + struct.pack("<I", max(0, count + lie)) + records)


_stl_token = st.sampled_from([b"solid", b"facet", b"normal", b"outer", b"loop", b"vertex", b"endloop", b"endfacet",
                              b"endsolid", b"\n", b"\r\n", b"\t", b" "]) | _number


@FUZZ
@given(st.lists(st.lists(st.tuples(_number, _number, _number), min_size=2, max_size=4), max_size=12),
       st.lists(_stl_token, max_size=12), st.text(max_size=20).map(str.encode))
def test_ascii_stl(facets: list[list[tuple[bytes, bytes, bytes]]], noise: list[bytes], name: bytes) -> None:
    """Well-formed facets of any numbers and corner counts, then tokens out of order."""
    body = b"".join(b"facet normal 0 0 1\nouter loop\n" + b"".join(b"vertex " + b" ".join(c) + b"\n" for c in facet)
                    + b"endloop\nendfacet\n" for facet in facets)
    targets.stl(b"solid " + name + b"\n" + body + b" ".join(noise) + b"\nendsolid\n")


@FUZZ
@given(st.lists(st.one_of(
    st.tuples(_number, _number, _number).map(lambda v: b"v " + b" ".join(v)),
    st.lists(_index.map(lambda i: str(i).encode()) | _number, max_size=6).map(lambda f: b"f " + b" ".join(f)),
    st.lists(st.tuples(_index, _index, _index), max_size=4).map(
        lambda f: b"f " + b" ".join(b"%d/%d/%d" % c for c in f)),
    st.sampled_from([b"# comment", b"o part\x1b[2J", b"vt 0 0", b"vn 0 0 1", b"g", b"usemtl x", b"s off", b"",
                     b"v", b"f", b"mtllib ../../etc/passwd"])), max_size=30))
def test_obj(lines: list[bytes]) -> None:
    targets.obj(b"\n".join(lines))


def _3mf(model: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("3D/3dmodel.model", model)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


_attr = _number.map(lambda b: b.decode("latin-1"))
_vertex = st.tuples(_attr, _attr, _attr).map(lambda v: '<vertex x="{}" y="{}" z="{}"/>'.format(*v))
_triangle = st.tuples(_index, _index, _index).map(lambda t: '<triangle v1="{}" v2="{}" v3="{}"/>'.format(*t))
_object = st.builds(
    lambda oid, vs, ts, comps, name: (
        f'<object id="{oid}" type="model" name="{name}">'
        + (f'<components>{"".join(comps)}</components>' if comps else
           f"<mesh><vertices>{''.join(vs)}</vertices><triangles>{''.join(ts)}</triangles></mesh>")
        + "</object>"),
    st.integers(-1, 4), st.lists(_vertex, max_size=6), st.lists(_triangle, max_size=6),
    st.lists(st.tuples(st.integers(-1, 5), st.sampled_from(["", ' transform="1 0 0 0 1 0 0 0 1 5 5 5"',
                                                           ' transform="nan"', ' transform="1 2"']))
             .map(lambda c: f'<component objectid="{c[0]}"{c[1]}/>'), max_size=3),
    st.sampled_from(["part", "..\\..\\evil", "a\nb", "\x1b[31mred", ""]))


@FUZZ
@given(st.lists(_object, min_size=1, max_size=4), st.lists(st.integers(-1, 5), max_size=3),
       st.sampled_from([b"", b'{"format": "potstudio.document"}', b"[" * 5000, b"\xff\xfe"]))
def test_3mf_models(objects: list[str], items: list[int], design: bytes) -> None:
    """Models of any objects, components (loops and dangling references included) and build items."""
    model = _model("".join(objects), "".join(f'<item objectid="{i}"/>' for i in items)).encode()
    targets.threemf(_3mf(model, {"Metadata/potstudio_document.json": design} if design else None))


@FUZZ
@given(st.data())
def test_3mf_xml_mutated(data: st.DataObject) -> None:
    """The model part's XML mutated inside a well-formed package (mutating the zip itself mostly fails its CRC)."""
    xml = _model('<object id="1" type="model"><mesh><vertices><vertex x="0" y="0" z="0"/><vertex x="1" y="0" z="0"/>'
                 '<vertex x="0" y="1" z="0"/></vertices><triangles><triangle v1="0" v2="1" v3="2"/></triangles>'
                 '</mesh></object>').encode()
    tokens = [b"<!DOCTYPE m [<!ENTITY x 'y'>]>", b"&x;", b"<component objectid=\"1\"/>", b"<![CDATA[", b"\x00",
              b'<?xml version="1.0" encoding="UTF-16"?>', b"</model>", b"<item objectid=\"1\"/>"]
    targets.threemf(_3mf(data.draw(mutated([xml], tokens))))


@FUZZ
@given(st.data())
def test_seeds_mutated(data: st.DataObject) -> None:
    """Valid files of each format and the hostile corpus, mutated byte by byte."""
    kind = data.draw(st.sampled_from(["stl", "obj", "3mf"]))
    targets.TARGETS[kind](data.draw(mutated(seeds(kind), [b"solid", b"facet", b"vertex", b"v ", b"f ", b"PK\x03\x04"])))


def test_a_part_whose_deflate_stream_is_broken_is_a_damaged_part() -> None:
    """Found by the fuzzer: a model part whose compressed bytes do not inflate escaped as zlib.error."""
    data = bytearray(_3mf(_model(TRIANGLE.format(v3=2)).encode()))
    data[data.find(b"3D/3dmodel.model") + len(b"3D/3dmodel.model")] = 0xFF  # an invalid deflate block type
    path = targets.WORK / "inflate.3mf"
    path.write_bytes(bytes(data))
    with pytest.raises(MeshFileError, match="part '3D/3dmodel.model' is damaged"):
        load_mesh(path)


def test_every_seed_reads_or_is_refused() -> None:
    """The seed corpus itself, valid files and hostile cases alike, keeps the property."""
    for kind in ("stl", "obj", "3mf"):
        assert seeds(kind), kind
        for seed in seeds(kind):
            targets.TARGETS[kind](seed)
