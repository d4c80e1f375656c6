"""Answers to questions about the current model: its size, its filament, whether it fits the
printer, what can be changed. Measured on the built mesh, so the answer matches what will print."""

from __future__ import annotations

import math

import trimesh

from core.assistant.base import PrinterContext
from core.assistant.offline.intents import Intent
from core.assistant.offline.replies import choice_name, join, param_name, say
from core.assistant.offline.text import Lang
from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.printability import analyse

_FILAMENT_WALL_SAMPLES = 64  # the wall estimate is not part of this answer; keep the call cheap


def _dims(size: tuple[float, ...]) -> str:
    return " × ".join(f"{v:.0f}" for v in size)


def answer(intent: Intent, doc: Document, context: PrinterContext, evaluator: Evaluator, lang: Lang) -> str:
    if intent is Intent.PARAMETERS:
        items = [f"{param_name(p, lang)} "
                 f"({choice_name(p, int(p.value), lang) if p.kind == 'choice' else _value(p.value, p.unit)})"
                 for p in doc.params.values() if p.expr is None]
        return say("parameters", lang, items=join(items, lang))
    mesh = evaluator.mesh(doc)
    if intent is Intent.SIZE:
        x, y, z = (float(v) for v in mesh.extents)
        return say("size", lang, x=f"{x:.0f}", y=f"{y:.0f}", z=f"{z:.0f}")
    if intent is Intent.FILAMENT:
        return _filament(mesh, context, lang)
    return _fit(mesh, context, lang)


def _value(value: float | int | bool, unit: str) -> str:
    return f"{value:g} {unit}".strip() if not isinstance(value, bool) else ("✓" if value else "✗")


def _filament(mesh: trimesh.Trimesh, context: PrinterContext, lang: Lang) -> str:
    report = analyse(mesh, context.bed, context.material, samples=_FILAMENT_WALL_SAMPLES)
    hours, rest = divmod(round(report.print_time_s), 3600)
    time = f"{hours} h {rest // 60:02d} min" if hours else f"{max(1, rest // 60)} min"
    return say("filament", lang, grams=report.filament_g, material=report.material, metres=report.filament_m,
               cost=report.cost, currency=report.currency, infill=report.infill, time=time)


def _fit(mesh: trimesh.Trimesh, context: PrinterContext, lang: Lang) -> str:
    size = tuple(float(v) for v in mesh.extents)
    bed = context.bed
    fields = {"bed": _dims(bed), "size": _dims(size)}
    if all(s <= b + 0.01 for s, b in zip(size, bed, strict=True)):
        return say("fits", lang, **fields)
    if size[0] <= bed[1] + 0.01 and size[1] <= bed[0] + 0.01 and size[2] <= bed[2] + 0.01:
        return say("fits_rotated", lang, **fields)
    ratio = min(b / s for s, b in zip(size, bed, strict=True))
    percent = max(1, math.ceil((1 - ratio) * 100))
    return say("no_fit", lang, percent=percent, **fields)
