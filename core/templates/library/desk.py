"""Desk things: phone stands, coasters and trays.

phone_stand — a side profile extruded across the width: a base on the bed, a front lip, a ledge
    for the phone's edge and a solid wedge whose front face leans back at `angle` from horizontal.
    Let ys = −depth/2 + thickness + ledge, and the rest top T = (ys + rest_length·cos a,
    thickness + rest_length·sin a). Bounding box: X = width, Y = depth,
    Z = max(thickness + lip_height, T.z). Optional slot + channel for a charging cable.
coaster — a coaster (flat) or tray (raised rim), round, square or hex, with optional decorative
    radial grooves (0.8 mm deep) on top. Bounding box: round: width × width; square: width × depth; hex (corner on X):
    width × width·√3/2; Z = thickness (+ rim_height for a tray).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, TemplateSpec
from core.templates.library._kit import SQRT3_2, angle, at, box, by_values, choice, f, flag, length, wall
from core.templates.registry import register

_YS = "(-depth / 2 + thickness + ledge)"
_TY = f"({_YS} + rest_length * cos(angle))"
_TZ = "(thickness + rest_length * sin(angle))"


def _stand_params() -> list[Parameter]:
    return [
        length("width", 75, 40, 200, "Width", "Width of the stand (X).", pt="Largura"),
        length("depth", 90, 60, 200, "Depth", "Footprint front to back (Y).", pt="Profundidade"),
        angle("angle", 65, 45, 80, "Angle", "Lean of the phone from horizontal.", pt="Ângulo"),
        length("lip_height", 12, 4, 30, "Lip height", "Height of the front lip that stops the phone sliding.",
               pt="Altura da borda frontal"),
        length("ledge", 12, 6, 25, "Ledge", "Room for the phone's thickness (with case) between lip and rest.",
               pt="Apoio"),
        length("rest_length", 90, 40, 200, "Back height", "Length of the leaning back rest.", pt="Altura do encosto"),
        length("thickness", 4, 2.4, 10, "Thickness", "Thickness of base, lip and rest.", 0.4, pt="Espessura"),
        flag("cable_slot", True, "Cable slot", "A slot and channel for a charging cable.", pt="Passagem de cabo"),
    ]


def _stand_build() -> Node:
    back = (f"={_TY} + thickness * sin(angle)", f"={_TZ} - thickness * cos(angle)")
    profile = [
        ["=-depth / 2", 0], ["=depth / 2", 0], ["=depth / 2", "=thickness"], list(back), [f"={_TY}", f"={_TZ}"],
        [f"={_YS}", "=thickness"], ["=-depth / 2 + thickness", "=thickness"],
        ["=-depth / 2 + thickness", "=thickness + lip_height"], ["=-depth / 2", "=thickness + lip_height"],
    ]
    side = Node("extrude", {"shape": {"kind": "polygon", "points": profile}, "height": "=width"}, id="stand_profile")
    body = at(side,
              x="=-width / 2", rotate=[90, 0, 90], node_id="stand_profile_at", name="Stand")
    slot = Node("union", id="cable_slot", name="Cable slot", enabled="=cable_slot", children=[
        at(box("cable_hole", 12, "=ledge - 2", "=thickness + 2"), y=f"={_YS} - ledge / 2", z=-1,
           node_id="cable_hole_at"),
        at(box("cable_channel", 12, f"=depth / 2 - {_YS} + ledge / 2 + 1", 7),
           y=f"=({_YS} - ledge / 2 + depth / 2 + 1) / 2",
           z=-1, node_id="cable_channel_at"),
    ])
    return Node("difference", id="root", name="Phone stand", children=[body, slot])


def _stand_extent(v: Mapping[str, Number]) -> Extent:
    a = math.radians(f(v, "angle"))
    t = f(v, "thickness")
    return Extent(f(v, "width"), f(v, "depth"), max(t + f(v, "lip_height"), t + f(v, "rest_length") * math.sin(a)))


register(TemplateSpec(
    id="phone_stand", title="Phone stand", title_pt="Suporte de celular", category="desk",
    description="A desk stand that holds a phone or small tablet at an angle, with a cable slot.",
    params=_stand_params, build=_stand_build, extent=by_values(_stand_extent),
    synonyms_en=("phone stand", "phone holder", "phone dock", "tablet stand", "smartphone stand", "mobile stand",
                 "something to hold my phone on the desk", "stand for my phone", "cell phone holder"),
    synonyms_pt=("suporte de celular", "suporte para celular", "apoio de celular", "suporte para telefone",
                 "suporte de tablet", "dock de celular", "algo para segurar o celular na mesa"),
    roles={"width": "width", "depth": "depth", "angle": "angle", "thickness": "thickness", "height": "rest_length",
           "size": "rest_length",
           "length": "rest_length", "device_height": "ledge"},
    features={"cable_slot": Feature("cable_slot", 1, 0, ("cable slot", "charging cable", "cable hole", "charger slot"),
                                    ("passagem de cabo", "furo para cabo", "cabo do carregador"))},
    checks=(
        Check(f"{_TY} + thickness * sin(angle) <= depth / 2",
              "The back rest overhangs the base at this angle; make the stand deeper or the rest shorter."),
        Check(f"{_TZ} >= thickness + lip_height + 5", "The back rest must rise above the lip."),
    ),
    tags=("desk", "phone"),
))

_ROUNDISH = "shape != 1"
_SQUARE = "shape == 1"
_TRAY = "kind == 1"
GROOVES = 12


def _coaster_params() -> list[Parameter]:
    return [
        choice("kind", ["coaster", "tray"], "Kind", "A flat coaster or a tray with a raised rim.", pt="Tipo"),
        choice("shape", ["round", "square", "hex"], "Shape", "Outline seen from above.", pt="Formato"),
        length("width", 100, 40, 400, "Width", "Diameter (round), X size (square) or corner to corner (hex).",
               pt="Largura"),
        length("depth", 100, 40, 400, "Depth", "Y size of a square coaster or tray.", pt="Profundidade"),
        length("thickness", 4, 1.6, 15, "Thickness", "Thickness of the base.", 0.4, pt="Espessura"),
        length("rim_height", 3, 1, 40, "Rim height", "Height of a tray's rim above the base.", pt="Altura da borda"),
        wall("rim_wall", 2.4, 8, "Rim wall", pt="Parede da borda"),
        flag("pattern", True, "Pattern", "Decorative radial grooves on top.", pt="Padrão"),
    ]


def _outline(node_id: str, inset: str, height: str, z: str = "0", enabled: bool | str = True) -> Node:
    """Round/hex and square variants of the outline, shrunk by `inset` on every side."""
    polygon = {"kind": "regular", "sides": "=64 if shape == 0 else 6", "start_angle": 0,
               "r": f"=width / 2 - {inset} / (cos(30) if shape == 2 else 1)"}
    square = {"kind": "rect", "size": [f"=width - 2 * {inset}", f"=depth - 2 * {inset}"],
              "radius": f"=max(3 - {inset}, 0)"}
    return at(Node("union", id=node_id, children=[
        Node("extrude", {"shape": polygon, "height": height}, id=f"{node_id}_poly", enabled=f"={_ROUNDISH}"),
        Node("extrude", {"shape": square, "height": height}, id=f"{node_id}_square", enabled=f"={_SQUARE}"),
    ]), z=z, node_id=f"{node_id}_at", enabled=enabled)


def _coaster_build() -> Node:
    inner = "(min(width, depth if shape == 1 else width) / 2 * (cos(30) if shape == 2 else 1) - rim_wall * kind)"
    # Radial grooves rather than concentric rings: a ring-shaped cut costs manifold3d ~10 ms
    # per ring at 64 facets, twelve straight grooves cost ~3 ms in all.
    groove = at(box("groove", f"=0.6 * {inner}", 1.2, 2), x=f"=0.55 * {inner}", node_id="groove_at")
    grooves = Node("polar_array", {"count": GROOVES, "radius": 0, "start_angle": 15}, [groove], id="grooves")
    return Node("difference", id="root", name="Coaster", children=[
        _outline("coaster_body", "0", f"=thickness + (rim_height if {_TRAY} else 0)"),
        _outline("tray_cavity", "rim_wall", "=rim_height + 1", "=thickness", enabled=f"={_TRAY}"),
        at(grooves, z="=thickness - 0.8", node_id="grooves_at",
           name="Pattern", enabled="=pattern"),
    ])


def _coaster_extent(v: Mapping[str, Number]) -> Extent:
    w = f(v, "width")
    y = {0: w, 1: f(v, "depth"), 2: w * SQRT3_2}[int(v["shape"])]
    return Extent(w, y, f(v, "thickness") + (f(v, "rim_height") if v["kind"] == 1 else 0))


register(TemplateSpec(
    id="coaster", title="Coaster / tray", title_pt="Porta-copos / bandeja", category="desk",
    description="A round, square or hex coaster, or a tray with a raised rim, with optional grooves.",
    params=_coaster_params, build=_coaster_build, extent=by_values(_coaster_extent),
    synonyms_en=("coaster", "drink coaster", "cup coaster", "tray", "serving tray", "trinket tray", "valet tray",
                 "key tray", "something to put my mug on", "dish"),
    synonyms_pt=("porta-copos", "porta copos", "bandeja", "descanso de copo", "pratinho", "bandejinha",
                 "porta-chaves de mesa"),
    roles={"width": "width", "diameter": "width", "size": "width,depth", "depth": "depth", "thickness": "thickness",
           "height": "rim_height", "wall": "rim_wall"},
    features={
        "tray": Feature("kind", 1, 0, ("tray", "rim", "raised edge"), ("bandeja", "borda")),
        "pattern": Feature("pattern", 1, 0, ("pattern", "grooves", "decoration"), ("padrão", "ranhuras", "decorado")),
        "square": Feature("shape", 1, 0, ("square",), ("quadrado",)),
        "hex": Feature("shape", 2, 0, ("hexagonal", "hex"), ("hexagonal", "sextavado")),
    },
    checks=(
        Check("not pattern or thickness >= 2.4", "Grooves need a base at least 2.4 mm thick."),
        Check("kind == 0 or min(width, depth if shape == 1 else width) >= 4 * rim_wall + 20",
              "The tray is too small for its rim."),
        Check("kind == 0 or not pattern or rim_height >= 1", "The tray's rim must be at least 1 mm tall."),
    ),
    tags=("desk", "kitchen"),
))
