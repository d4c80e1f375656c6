"""The zip package (OPC, Open Packaging Conventions) a 3MF is: its members, read with the defences a zip from
anywhere needs, and its relationships. What the package holds (the 3MF model) is threemf.py's.

A package is a zip of XML from anywhere, so reading it is defensive: member names must be relative paths,
declared sizes and compression ratios are capped before anything is inflated, and zipfile inflates a member
only up to its declared size (a lying header ends in a CRC error, not in more bytes); XML is searched for a DTD
before it is parsed, and parsed with entities, DTDs and network access off. Its errors speak of 3MF: that is
the only package a user opens.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import IO, TYPE_CHECKING, Any, cast

from isal import isal_zlib

from core.errors import MeshFileError
from core.tasks import Phrase

if TYPE_CHECKING:
    from lxml import etree

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_MEMBERS = 2_000
MAX_TOTAL_BYTES = 1 << 30
MAX_RATIO = 200
"""Real model XML deflates 5-20×; a ratio above this is a zip bomb, not a mesh."""
MAX_SMALL_PART = 64 << 20
"""Relationships and our embedded document are read whole; nothing honest in them comes near this."""
CHUNK = 1 << 20
_ISAL_ERROR = cast("type[Exception]", isal_zlib.error)  # its stubs declare the class as an instance


class Package:
    """The zip's members after the bomb and path checks; reads are bounded by the declared sizes."""

    def __init__(self, archive: zipfile.ZipFile, source: str) -> None:
        self._archive = archive
        self._source = source
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise MeshFileError(Phrase(
                "'{0}' has {1} parts; a 3MF with more than {2} is refused.",
                source, len(infos), MAX_MEMBERS,
            ))
        total = 0
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            _check_name(info.filename, source)
            total += info.file_size
            if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise MeshFileError(Phrase(
                    "'{0}': part '{1}' inflates {2}× — this looks like a zip bomb, not a model.",
                    source, info.filename, ratio,
                ))
            self._members[info.filename.lower()] = info
        if total > MAX_TOTAL_BYTES:
            raise MeshFileError(Phrase(
                "'{0}' would inflate to {1} MB; the limit is {2} MB.",
                source, total >> 20, MAX_TOTAL_BYTES >> 20,
            ))

    def has(self, part: str) -> bool:
        return part.lower() in self._members

    def open(self, part: str) -> Inflating:
        """A part as a stream, for parsers that read as they go: a model of hundreds of MB is never held whole."""
        info = self._members.get(part.lower())
        if info is None:
            raise MeshFileError(Phrase("'{0}' is not a 3MF model: it has no '{1}' part.", self._source, part))
        if info.flag_bits & 0x1:
            raise MeshFileError(Phrase(
                "'{0}': part '{1}' is encrypted; a 3MF part must open without a password.", self._source, part))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):  # OPC allows these two only
            raise MeshFileError(Phrase("'{0}': part '{1}' is compressed with method {2}; a 3MF part is stored or "
                                       "deflated.", self._source, part, info.compress_type))
        try:
            member = self._archive.open(info)
            if info.compress_type == zipfile.ZIP_DEFLATED and hasattr(member, "_decompressor"):  # pragma: no mutate
                # ISA-L inflates the same raw deflate stream twice as fast as zlib (a 0.9 GiB part: 4.5 → 2.4 s
                # CPU); zipfile still reads, bounds and CRC-checks the member around it.
                member._decompressor = isal_zlib.decompressobj(-15)
            return Inflating(self._source, member, info.file_size, part)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
            raise MeshFileError(Phrase("'{0}': part '{1}' cannot be read ({2}).", self._source, part, exc)) from None

    def read(self, part: str, limit: int = MAX_SMALL_PART) -> bytes:
        """A small part (relationships, our document) whole, up to `limit` inflated bytes."""
        with self.open(part) as stream:
            if stream.size > limit:
                raise MeshFileError(Phrase("'{0}': part '{1}' is over {2} MB.", self._source, part, limit >> 20))
            return b"".join(iter(stream.read, b""))

    def relationships(self) -> dict[str, str]:
        """Relationship type → target part (without the leading slash) from _rels/.rels."""
        if not self.has("_rels/.rels"):
            return {}
        root = parse_xml(self.read("_rels/.rels"), self._source)
        found: dict[str, str] = {}
        for rel in root.iter(f"{{{RELS_NS}}}Relationship"):
            target, kind = rel.get("Target"), rel.get("Type")
            if target and kind and kind not in found:
                found[kind] = part_name(target, self._source)
        return found


class Inflating(io.RawIOBase):
    """One part inflating as it is read, a chunk at most per read: zipfile stops at the declared size (whose
    sum and ratio the package checked), so nothing past it is inflated, and nothing is held: the model parser
    reads from here. Every chunk is also searched for a DTD in UTF-8, UTF-16 and UTF-32, so a UTF-16 model
    cannot hide `<!ENTITY`, until the parser says the root element has begun: a DTD can only stand before it
    (after it, it is broken XML, which the parser refuses), and searching the rest took 2 of the 10 s of
    reading a 0.9 GiB part."""

    def __init__(self, source: str, member: IO[bytes], size: int, part: str) -> None:
        super().__init__()
        self._source = source
        self._member = member
        self.size = size
        """Inflated bytes the zip directory declares: what progress is measured against."""
        self._part = part
        self._tail = b""  # the end of the last chunk, so a marker split across two chunks is still seen
        self.in_prolog = True
        """Until the parser reading this sets it False, on the root element's start: chunks are searched for a DTD."""

    def readable(self) -> bool:
        return True

    def read(self, size: int = CHUNK) -> bytes:
        try:
            data = self._member.read(min(size, CHUNK) if size >= 0 else CHUNK)
        except (zipfile.BadZipFile, zlib.error, _ISAL_ERROR, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as exc:  # zlib.error: a deflate stream that does not inflate (bad block type)
            raise MeshFileError(Phrase("'{0}': part '{1}' is damaged ({2}).", self._source, self._part, exc)) from None
        if self.in_prolog:
            refuse_dtd(self._tail + data, self._source)
            self._tail = data[-_MARKER_SPAN:]
        return data

    def close(self) -> None:
        self._member.close()
        super().close()


def _check_name(name: str, source: str) -> None:
    """No absolute, drive-letter or parent-directory names (zipfile already cuts a name at a NUL, and XML
    cannot hold one)."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or name[1:2] == ":":
        raise MeshFileError(Phrase("'{0}' contains an unsafe part name '{1}'; refusing to read it.", source, name))


def part_name(target: str, source: str) -> str:
    """The part a reference inside the package names (a relationship's target, a component's path), checked."""
    name = posixpath.normpath("/" + target).lstrip("/")
    _check_name(name, source)
    return name


def parse_xml(data: bytes, source: str) -> etree._Element:
    from lxml import etree  # imported on the first 3MF, not with every mesh module

    refuse_dtd(data, source)
    parser = etree.XMLParser(**SAFE_XML)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise MeshFileError(Phrase("'{0}' has broken XML ({1}).", source, exc.msg)) from None


SAFE_XML: dict[str, Any] = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}
"""Behind refuse_dtd, which lets no DTD through, these keep a parser from expanding, fetching or nesting
past libxml2's limits should a DTD ever reach it."""
_MARKERS = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
                 for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_MARKER_SPAN = max(len(m) for m in _MARKERS)


def refuse_dtd(data: bytes, source: str) -> None:
    """3MF never uses a DTD; one in a package can only be an entity-expansion or external-entity attack."""
    if any(marker in data for marker in _MARKERS):
        raise MeshFileError(Phrase(
            "'{0}' contains XML entity declarations, which 3MF never uses; refusing it.",
            source,
        ))
