"""Answers to questions about the current model: its size, its filament, whether it fits the
printer, what can be changed. Measured on the built mesh, so the answer matches what will print."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from core.assistant.base import PrinterContext
from core.assistant.offline.intents import Intent
from core.assistant.offline.machines import machine_named
from core.assistant.offline.replies import join, param_name, say
from core.assistant.offline.text import Lang
from core.document.document import Document
from core.document.expressions import Number
from core.geometry.build import Evaluator
from core.geometry.printability import analyse
from core.materials import MATERIALS

if TYPE_CHECKING:
    import trimesh

_FILAMENT_WALL_SAMPLES = 64  # the wall estimate is not part of this answer; keep the call cheap


def _dims(size: tuple[float, ...]) -> str:
    return " × ".join(f"{v:.0f}" for v in size)


def material_named(folded: str) -> str | None:
    """"how much filament in PETG?": the material the question is about, if it names one."""
    return next((name for name in MATERIALS if re.search(rf"\b{name.lower()}\b", folded)), None)


def answer(intent: Intent, doc: Document, context: PrinterContext, evaluator: Evaluator, lang: Lang,
           folded: str = "") -> str:
    material = material_named(folded)
    if material is not None:
        context = replace(context, material=material)
    if intent is Intent.PARAMETERS:
        items = [f"{param_name(p, lang)} "
                 f"({p.choice_label(int(p.value), lang) if p.kind == 'choice' else _value(p.value, p.unit)})"
                 for p in doc.params.values() if p.expr is None]
        return say("parameters", lang, items=join(items, lang))
    mesh = evaluator.mesh(doc)
    if intent is Intent.SIZE:
        x, y, z = (float(v) for v in mesh.extents)
        return say("size", lang, x=f"{x:.0f}", y=f"{y:.0f}", z=f"{z:.0f}")
    if intent is Intent.WATERTIGHT:
        return _watertight(mesh, doc, lang)
    if intent is Intent.WALL:
        return _wall(mesh, doc, context, lang)
    if intent in (Intent.FILAMENT, Intent.TIME):
        return _filament(mesh, context, lang, "time" if intent is Intent.TIME else "filament", folded)
    return _fit(mesh, context, lang, machine_named(folded))


def _value(value: Number, unit: str) -> str:
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return f"“{value}”" if isinstance(value, str) else f"{round(value, 2):g} {unit}".strip()


def _watertight(mesh: trimesh.Trimesh, doc: Document, lang: Lang) -> str:
    """Closed mesh (what a slicer needs) and, separately, whether water could run out of it."""
    text = say("watertight_yes" if mesh.is_watertight else "watertight_no", lang)
    values = doc.values()
    if any("drain" in name and values[name] for name in values):
        text += " " + say("drains", lang)
    return text


def _wall(mesh: trimesh.Trimesh, doc: Document, context: PrinterContext, lang: Lang) -> str:
    walls = [p for p in doc.params.values() if p.name == "wall" or p.name.endswith("_wall")]
    if walls:
        return say("wall", lang, items=join([f"{param_name(p, lang)} {_value(p.value, p.unit)}" for p in walls],
                                            lang), nozzle=f"{context.nozzle:g}",
                   lines=f"{round(float(walls[0].value) / context.nozzle, 1):g}")
    report = analyse(mesh, None, context.material, samples=_FILAMENT_WALL_SAMPLES)
    if report.min_wall_mm is None:
        return say("wall_unknown", lang)
    return say("wall_measured", lang, wall=f"{report.min_wall_mm:.1f}")


_COPIES = re.compile(r"\b(\d+) (?:of them|copies|pieces|units|sets|of these|pecas|unidades|copias|deles|delas)\b")


def _filament(mesh: trimesh.Trimesh, context: PrinterContext, lang: Lang, key: str = "filament",
              folded: str = "") -> str:
    """Filament, cost and time of one print, and of N when the question asks about "4 of them"."""
    report = analyse(mesh, context.bed, context.material, samples=_FILAMENT_WALL_SAMPLES)
    copies = int(m.group(1)) if (m := _COPIES.search(folded)) and 1 < int(m.group(1)) <= 1000 else 1
    hours, rest = divmod(round(report.print_time_s * copies), 3600)
    time = f"{hours} h {rest // 60:02d} min" if hours else f"{max(1, rest // 60)} min"
    text = say(key, lang, grams=report.filament_g * copies, material=report.material,
               metres=report.filament_m * copies, cost=report.cost * copies, currency=report.currency,
               infill=report.infill, time=time)
    return say("copies", lang, n=copies, text=text[0].lower() + text[1:]) if copies > 1 else text


def _fit(mesh: trimesh.Trimesh, context: PrinterContext, lang: Lang,
         machine: tuple[str, tuple[float, float, float]] | None) -> str:
    """Against the printer the question names ("will it fit a Prusa MINI?"), else the user's own."""
    size = tuple(float(v) for v in mesh.extents)
    bed = machine[1] if machine is not None else context.bed
    fields = {"bed": _dims(bed), "size": _dims(size), "printer": machine[0] if machine is not None else ""}
    named = "_named" if machine is not None else ""
    if all(s <= b + 0.01 for s, b in zip(size, bed, strict=True)):
        return say(f"fits{named}", lang, **fields)
    if size[0] <= bed[1] + 0.01 and size[1] <= bed[0] + 0.01 and size[2] <= bed[2] + 0.01:
        return say(f"fits_rotated{named}", lang, **fields)
    ratio = min(b / s for s, b in zip(size, bed, strict=True))
    percent = max(1, math.ceil((1 - ratio) * 100))
    return say(f"no_fit{named}", lang, percent=percent, **fields)
