"""Slice with a real slicer CLI found on this machine; never write G-code ourselves.

PrusaSlicer (and SuperSlicer, same CLI) is driven with a machine profile from printers/profiles/ plus a material
profile, and per-printer overrides (bed, nozzle). OrcaSlicer and CuraEngine are detected so we can say what is
installed, but their CLIs need whole profile trees we do not ship yet; we tell the user so instead of guessing.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import trimesh

from core.tasks import NULL_TASK, Phrase, Task
from printers.base import PrinterConfig
from printers.drivers.bambu.project import package
from printers.errors import SlicerNotFoundError, SlicingError

log = logging.getLogger(__name__)
PROFILES = Path(__file__).with_name("profiles")
_CANDIDATES = {
    "prusaslicer": ("prusa-slicer", "PrusaSlicer", "prusaslicer", "superslicer", "SuperSlicer"),
    "orcaslicer": ("orca-slicer", "OrcaSlicer", "orcaslicer"),
    "curaengine": ("CuraEngine", "curaengine"),
}
INSTALL_HINT = ("No slicer is installed. Install PrusaSlicer (Debian/Ubuntu: `sudo apt install prusa-slicer`; "
                "Windows/macOS: download it from https://www.prusa3d.com/prusaslicer/), or set POTSTUDIO_SLICER to "
                "its executable. For Bambu printers you can also send a .gcode.3mf sliced in Bambu Studio.")


@dataclass(frozen=True)
class Slicer:
    kind: str
    path: str


@dataclass(frozen=True)
class SliceProfile:
    machine: str
    material: str = "PLA"
    bed: tuple[float, float, float] = (256.0, 256.0, 250.0)
    nozzle: float = 0.4
    layer_height: float = 0.2

    @classmethod
    def for_printer(cls, config: PrinterConfig) -> SliceProfile:
        if config.kind == "bambu":
            machine = "bambu_a1mini" if "mini" in config.model.lower() or config.model.upper() == "N1" else "bambu_x1c"
        else:
            machine = "klipper_generic"
        return cls(machine=machine, material=config.material or "PLA", bed=config.bed, nozzle=config.nozzle)


@dataclass(frozen=True)
class SliceResult:
    gcode: Path
    layers: int
    extents: tuple[tuple[float, float, float], tuple[float, float, float]]
    print_seconds: int
    filament_g: float | None


def find_slicers() -> list[Slicer]:
    found: list[Slicer] = []
    override = os.environ.get("POTSTUDIO_SLICER")
    if override and shutil.which(override):
        found.append(Slicer("prusaslicer", str(shutil.which(override))))
    for kind, names in _CANDIDATES.items():
        for name in names:
            path = shutil.which(name)
            if path and all(s.path != path for s in found):
                found.append(Slicer(kind, path))
                break
    return found


def _pick() -> Slicer:
    slicers = find_slicers()
    for slicer in slicers:
        if slicer.kind == "prusaslicer":
            return slicer
    if slicers:
        names = ", ".join(f"{s.kind} ({s.path})" for s in slicers)
        raise SlicerNotFoundError(f"Found {names}, but only PrusaSlicer's command line is supported so far. "
                                  + INSTALL_HINT.removeprefix("No slicer is installed. "))
    raise SlicerNotFoundError(INSTALL_HINT)


def _profile_file(name: str) -> Path:
    path = PROFILES / f"{name.lower()}.ini"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PROFILES.glob("*.ini")))
        raise SlicingError(f"No slicing profile '{name}'; available: {known}.")
    return path


def _check_fits(mesh: trimesh.Trimesh, bed: tuple[float, float, float]) -> None:
    size = mesh.extents
    if any(s > b for s, b in zip(size, bed, strict=True)):
        raise SlicingError(f"The model ({size[0]:.0f}×{size[1]:.0f}×{size[2]:.0f} mm) does not fit the "
                           f"{bed[0]:.0f}×{bed[1]:.0f}×{bed[2]:.0f} mm build volume; scale it down or pick another "
                           "printer.")


def slice_mesh(mesh: trimesh.Trimesh, profile: SliceProfile, out: Path, task: Task = NULL_TASK,
               timeout: float = 600.0) -> SliceResult:
    """Slice `mesh` to `out` (.gcode); the process is killed if the task is cancelled."""
    if mesh.is_empty:
        raise SlicingError("The model is empty; there is nothing to slice.")
    _check_fits(mesh, profile.bed)
    slicer = _pick()
    w, d, h = profile.bed
    with tempfile.TemporaryDirectory(prefix="potstudio-slice-") as tmp:
        stl = Path(tmp) / "model.stl"
        mesh.export(stl)
        cmd = [slicer.path, "--export-gcode", "--load", str(_profile_file(profile.machine)),
               "--load", str(_profile_file(profile.material)),
               "--bed-shape", f"0x0,{w:g}x0,{w:g}x{d:g},0x{d:g}", "--max-print-height", f"{h:g}",
               "--nozzle-diameter", f"{profile.nozzle:g}", "--layer-height", f"{profile.layer_height:g}",
               "--center", f"{w / 2:g},{d / 2:g}", "--output", str(out), str(stl)]
        task.progress(0.05, Phrase("Slicing with {0}", Path(slicer.path).name))
        _run(cmd, task, timeout)
    if not out.is_file() or out.stat().st_size == 0:
        raise SlicingError("The slicer finished without writing G-code.")
    task.progress(1.0, Phrase("Sliced"))
    return analyse(out)


def _run(cmd: list[str], task: Task, timeout: float) -> None:
    log.info("running %s", " ".join(cmd))
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env={**os.environ, "LC_ALL": "C"})
        deadline = time.monotonic() + timeout
        try:
            while proc.poll() is None:
                if time.monotonic() > deadline:
                    raise SlicingError(f"The slicer took longer than {timeout:.0f} s and was stopped.")
                task.check()
                time.sleep(0.05)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.returncode != 0:
            errors.seek(0)
            lines = [ln for ln in errors.read().decode(errors="replace").splitlines() if "[trace]" not in ln]
            raise SlicingError(f"The slicer failed (exit {proc.returncode}): {' '.join(lines[-3:])[:400]}")


_MOVE = re.compile(r"^G[01]\s")
_AXIS = re.compile(r"([XYZE])(-?(?:\d+\.?\d*|\.\d+))")


def analyse(gcode: Path) -> SliceResult:
    """Read back what will be printed: extents of extruding moves (skirt excluded), layers, time, filament."""
    lo = [float("inf")] * 3
    hi = [float("-inf")] * 3
    pos = {"X": 0.0, "Y": 0.0, "Z": 0.0}
    layers, seconds, grams = 0, 0, None
    skirt = False
    with gcode.open(errors="replace") as fh:
        for line in fh:
            if line.startswith(";"):
                if line.startswith(";LAYER_CHANGE"):
                    layers += 1
                elif line.startswith(";TYPE:"):
                    skirt = "Skirt" in line
                elif "estimated printing time (normal mode)" in line:
                    seconds = _seconds(line.split("=", 1)[1])
                elif line.startswith("; total filament used [g]") or line.startswith("; filament used [g]"):
                    grams = float(line.split("=", 1)[1])
                continue
            if not _MOVE.match(line):
                continue
            words = dict(_AXIS.findall(line.split(";", 1)[0]))
            for axis in "XYZ":
                if axis in words:
                    pos[axis] = float(words[axis])
            extruding = float(words.get("E", 0)) > 0 and ("X" in words or "Y" in words)  # not a bare unretract
            if layers and not skirt and extruding:
                for i, axis in enumerate("XYZ"):
                    lo[i], hi[i] = min(lo[i], pos[axis]), max(hi[i], pos[axis])
    if layers == 0 or lo[0] == float("inf"):
        raise SlicingError(f"{gcode.name} contains no printable layers.")
    return SliceResult(gcode, layers, ((lo[0], lo[1], lo[2]), (hi[0], hi[1], hi[2])), seconds, grams)


def _seconds(text: str) -> int:
    units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([dhms])", text))


def slice_for_printer(mesh: trimesh.Trimesh, config: PrinterConfig, out_dir: Path,
                      name: str = "model", task: Task = NULL_TASK) -> Path:
    """The file to send: `.gcode` for Klipper, `.gcode.3mf` (plate 1 + md5 + slice_info) for Bambu."""
    profile = SliceProfile.for_printer(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = slice_mesh(mesh, profile, out_dir / f"{name}.gcode", task)
    if config.kind != "bambu":
        return result.gcode
    return package(result.gcode, out_dir / f"{name}.gcode.3mf", layers=result.layers,
                   seconds=result.print_seconds, material=profile.material)
