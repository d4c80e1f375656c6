"""The `.gcode.3mf` container Bambu printers print from: write one from plain G-code, or check a user's.

A printer handed a plain .gcode or a 3MF without `Metadata/plate_N.gcode` "starts" and then does nothing,
the most common complaint about third-party senders; so we refuse such files before uploading.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from printers.errors import AmsMappingError, PrinterError
from printers.state import Tray

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
 <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
 <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
 <Default Extension="gcode" ContentType="text/x.gcode"/>
</Types>
"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
 <Relationship Target="/3D/3dmodel.model" Id="rel-1"
  Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
</Relationships>
"""
_MODEL = """<?xml version="1.0" encoding="UTF-8"?>
<model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">
 <metadata name="Application">3D Pot Studio</metadata>
 <resources/>
 <build/>
</model>
"""


AMS_HT_FIRST = 128


@dataclass(frozen=True)
class ProjectInfo:
    plate: int
    gcode_name: str
    filament_count: int
    gcode_md5: str


def _slice_info(plate: int, filaments: list[tuple[str, str]], layers: int, seconds: int) -> str:
    rows = "\n".join(f'  <filament id="{i + 1}" type="{kind}" color="{color}"/>'
                     for i, (kind, color) in enumerate(filaments))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<config>\n <plate>\n'
            f'  <metadata key="index" value="{plate}"/>\n  <metadata key="prediction" value="{seconds}"/>\n'
            f'  <metadata key="layer_count" value="{layers}"/>\n{rows}\n </plate>\n</config>\n')


def package(gcode: Path, out: Path, *, layers: int, seconds: int = 0, material: str = "PLA",
            color: str = "#FFFFFF") -> Path:
    """Wrap sliced G-code into a single-plate `.gcode.3mf` with its md5 and slice_info."""
    data = gcode.read_bytes()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("3D/3dmodel.model", _MODEL)
        zf.writestr("Metadata/plate_1.gcode", data)
        zf.writestr("Metadata/plate_1.gcode.md5", hashlib.md5(data).hexdigest().upper())
        zf.writestr("Metadata/slice_info.config", _slice_info(1, [(material, color)], layers, seconds))
    return out


def inspect_project(path: Path, plate: int = 1) -> ProjectInfo:
    """Check a `.gcode.3mf` (ours or Bambu Studio's) is printable: plate G-code present and its md5 right."""
    if not path.name.lower().endswith(".gcode.3mf"):
        raise PrinterError(f"{path.name} is not a sliced .gcode.3mf; Bambu printers cannot print it. "
                           "Slice it first (Send to printer does this) or export 'plate sliced file' in Bambu Studio.")
    name = f"Metadata/plate_{plate}.gcode"
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if name not in names:
                raise PrinterError(f"{path.name} has no {name}: slice plate {plate} before sending it.")
            digest = hashlib.md5(zf.read(name)).hexdigest()
            declared = zf.read(name + ".md5").decode().strip().lower() if name + ".md5" in names else digest
            info = zf.read("Metadata/slice_info.config") if "Metadata/slice_info.config" in names else b""
    except (zipfile.BadZipFile, OSError) as exc:
        raise PrinterError(f"{path.name} is not a readable 3MF: {exc}") from exc
    if declared != digest:
        raise PrinterError(f"{path.name}: the plate G-code does not match its md5; the file is damaged.")
    return ProjectInfo(plate, name, _filament_count(info, plate), digest)


def _filament_count(info: bytes, plate: int) -> int:
    if not info:
        return 0
    try:
        root = ElementTree.fromstring(info)
    except ElementTree.ParseError:
        return 0
    for node in root.iter("plate"):
        index = next((m.get("value") for m in node.iter("metadata") if m.get("key") == "index"), "1")
        if index == str(plate):
            return len(list(node.iter("filament")))
    return 0


def mapping_id(tray: Tray) -> int:
    """A tray's number in `ams_mapping`, the one `tray_now` reports for it: unit * 4 + slot for a four-slot AMS,
    the unit id itself for an AMS HT (128, 129, ...), whose single tray BambuStudio and other LAN clients map by
    the unit (128 * 4 + 0 = 512 names no tray, and the printer would wait in "preparing AMS")."""
    return tray.unit if tray.unit >= AMS_HT_FIRST else tray.unit * 4 + tray.slot


def validate_ams_mapping(mapping: tuple[int, ...], filament_count: int, trays: tuple[Tray, ...]) -> None:
    """A wrong mapping leaves the printer stuck in 'preparing AMS'; refuse it while the user can still fix it."""
    if filament_count and len(mapping) != filament_count:
        raise AmsMappingError(f"The job uses {filament_count} filament(s) but the AMS mapping lists {len(mapping)}.")
    loaded = {mapping_id(t): t for t in trays if t.unit >= 0 and t.material}
    if not loaded:
        raise AmsMappingError("The printer reports no loaded AMS tray; print from the external spool (AMS off).")
    for index in mapping:
        if index not in loaded:
            slots = ", ".join(f"{i} ({t.material})" for i, t in sorted(loaded.items()))
            raise AmsMappingError(f"AMS slot {index} is empty or does not exist; loaded slots: {slots}.")
