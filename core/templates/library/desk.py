"""Desk things: phone stands, coasters and trays.

phone_stand — light and stiff rather than a solid wedge: two side cheeks (the side profile, CHEEK
    mm thick) carry a back rest plate leaning back at `angle` from horizontal, a front base strip
    with the lip and the ledge for the phone's edge, and a rear bar; the middle stays open. About
    30 g of PLA for a phone. `device` = tablet makes it at least TABLET_WIDTH wide with a
    TABLET_REST mm back rest (for an iPad) without changing the phone values. With W and R those
    effective width and rest: let ys = −depth/2 + thickness + ledge, and the rest top
    T = (ys + R·cos a, thickness + R·sin a). Bounding box: X = W, Y = depth,
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
from core.templates.base import Check, DerivedRole, Extent, Feature, LocalEdit, RoleSwitch, TemplateSpec
from core.templates.library._kit import SQRT3_2, angle, at, box, by_values, choice, f, flag, length, wall
from core.templates.registry import register

CHEEK = 4.0  # mm: each side cheek
WINDOW = 0.6  # the cheek's window is its inner triangle shrunk to this fraction
REST_FRAME = 8.0  # mm of back rest beside its window, inside each cheek
TABLET_WIDTH = 160.0
TABLET_REST = 130.0
_WIDE = f"(max(width, {TABLET_WIDTH:g}) if device == 1 else width)"
_REST = f"(max(rest_length, {TABLET_REST:g}) if device == 1 else rest_length)"
_YS = "(-depth / 2 + thickness + ledge)"
_TY = f"({_YS} + {_REST} * cos(angle))"
_TZ = f"(thickness + {_REST} * sin(angle))"
_BACK = (f"={_TY} + thickness * sin(angle)", f"={_TZ} - thickness * cos(angle)")  # the rest's top, behind


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
        choice("device", ["phone", "tablet"], "Device",
               f"A tablet makes the stand at least {TABLET_WIDTH:g} mm wide with a {TABLET_REST:g} mm back rest.",
               pt="Aparelho"),
    ]


def _across(node_id: str, points: list[list[object]], width: str, name: str = "") -> Node:
    """A side profile (Y, Z) extruded `width` along X, centred."""
    side = Node("extrude", {"shape": {"kind": "polygon", "points": points}, "height": f"={width}"}, id=node_id)
    return at(side, x=f"=-({width}) / 2", rotate=[90, 0, 90], node_id=f"{node_id}_at", name=name)


def _stand_build() -> Node:
    wedge: list[list[object]] = [
        ["=-depth / 2", 0], ["=depth / 2", 0], ["=depth / 2", "=thickness"], list(_BACK), [f"={_TY}", f"={_TZ}"],
        [f"={_YS}", "=thickness"], ["=-depth / 2 + thickness", "=thickness"],
        ["=-depth / 2 + thickness", "=thickness + lip_height"], ["=-depth / 2", "=thickness + lip_height"],
    ]
    rest_foot = f"{_YS} + thickness / sin(angle)"  # where the rest's back face meets the base
    foot = rest_foot
    # Between the cheeks everything behind the rest and above the rear bar is cut away, so one
    # difference of the solid side profile leaves cheeks, front, rest and rear bar without any
    # coplanar union seams.
    top = f"{_TZ} + 1"
    # The cut runs 0.2 mm behind the rest's back face: along it exactly, it would graze the profile's
    # corner and leave zero-area slivers there.
    rest_foot = f"{rest_foot} + 0.2 / sin(angle)"
    cavity: list[list[object]] = [
        [f"={rest_foot}", -1], ["=depth / 2 - 3 * thickness", -1], ["=depth / 2 - 3 * thickness", "=thickness"],
        [f"=max(depth / 2, {rest_foot} + ({top} - thickness) / tan(angle)) + 1", "=thickness"],
        [f"=max(depth / 2, {rest_foot} + ({top} - thickness) / tan(angle)) + 1", f"={top}"],
        [f"={rest_foot} + ({top} - thickness) / tan(angle)", f"={top}"], [f"={rest_foot}", "=thickness"],
    ]
    # Each cheek gets a window: the triangle between rest, base and back brace shrunk about its centre.
    corners = ((foot, "thickness"), ("depth / 2 - 3 * thickness", "thickness"), (_BACK[0][1:], _BACK[1][1:]))
    centre = [0, *(f"={1 - WINDOW:g} * ({' + '.join(f'({c[i]})' for c in corners)}) / 3" for i in (0, 1))]
    windows = Node("transform", {"scale": [1, WINDOW, WINDOW], "translate": centre}, [
        _across("stand_cheek_window", [[f"={y}", f"={z}"] for y, z in corners], f"{_WIDE} + 2"),
    ], id="stand_cheek_windows", name="Cheek windows")
    body = _across("stand_profile", wedge, _WIDE, "Stand")
    middle = _across("stand_cavity", cavity, f"{_WIDE} - {2 * CHEEK:g}", "Open middle")
    slot = Node("union", id="cable_slot", name="Cable slot", enabled="=cable_slot", children=[
        at(box("cable_hole", 12, "=ledge - 2", "=thickness + 2"), y=f"={_YS} - ledge / 2", z=-1,
           node_id="cable_hole_at"),
        at(box("cable_channel", 12, f"=depth / 2 - {_YS} + ledge / 2 + 1", 7),
           y=f"=({_YS} - ledge / 2 + depth / 2 + 1) / 2",
           z=-1, node_id="cable_channel_at"),
    ])
    # The rest is a frame too: the phone leans on its top band and sides, not on the middle.
    mid_y = f"=({_YS} + {_TY}) / 2 + thickness / 2 * sin(angle)"
    mid_z = f"=({_TZ} + thickness) / 2 - thickness / 2 * cos(angle)"
    rest_window = at(box("stand_rest_window", f"={_WIDE} - {2 * CHEEK + 2 * REST_FRAME:g}", f"={WINDOW} * {_REST}",
                         "=4 * thickness", center=True),
                     y=mid_y, z=mid_z, rotate=["=angle", 0, 0], node_id="stand_rest_window_at")
    return Node("difference", id="root", name="Phone stand", children=[body, middle, windows, slot, rest_window])


def _stand_extent(v: Mapping[str, Number]) -> Extent:
    a = math.radians(f(v, "angle"))
    t = f(v, "thickness")
    tablet = v["device"] == 1
    width = max(f(v, "width"), TABLET_WIDTH) if tablet else f(v, "width")
    rest = max(f(v, "rest_length"), TABLET_REST) if tablet else f(v, "rest_length")
    return Extent(width, f(v, "depth"), max(t + f(v, "lip_height"), t + rest * math.sin(a)))


register(TemplateSpec(
    id="phone_stand", title="Phone stand", title_pt="Suporte de celular", category="desk",
    local_edit=LocalEdit("lip_height"),
    description="A desk stand that holds a phone or small tablet at an angle, with a cable slot.",
    description_pt="Um suporte de mesa leve que segura o celular ou o tablet inclinado, com passagem para o cabo do"
                   " carregador.",
    params=_stand_params, build=_stand_build, extent=by_values(_stand_extent),
    synonyms_en=("phone stand", "phone holder", "phone dock", "tablet stand", "smartphone stand", "mobile stand",
                 "something to hold my phone on the desk", "stand for my phone", "cell phone holder"),
    synonyms_pt=("suporte de celular", "suporte para celular", "apoio de celular", "suporte para telefone",
                 "suporte de tablet", "dock de celular", "algo para segurar o celular na mesa"),
    roles={"width": "width", "depth": "depth", "angle": "angle", "thickness": "thickness", "size": "rest_length",
           "length": "rest_length", "device_height": "ledge"},
    # "10 mm taller" means the stand, not its leaning back rest: solved so the top rises by exactly that.
    derived={"height": DerivedRole(f"max(thickness + lip_height, {_TZ})",
                                   (("rest_length", "(target - thickness) / sin(angle)"),))},
    features={"cable_slot": Feature("cable_slot", 1, 0, ("cable slot", "charging cable", "cable hole", "charger slot"),
                                    ("passagem de cabo", "furo para cabo", "cabo do carregador")),
              "tablet": Feature("device", 1, 0, ("tablet", "ipad", "for a tablet", "for an ipad"),
                                ("tablet", "ipad", "para tablet"))},
    checks=(
        Check(f"{_TY} + thickness * sin(angle) <= depth / 2",
              "The back rest overhangs the base at this angle; make the stand deeper or the rest shorter.",
              pt="Neste ângulo o encosto passa da base; aumente a profundidade do suporte ou encurte o encosto."),
        Check(f"{_TZ} >= thickness + lip_height + 5", "The back rest must rise above the lip.",
              pt="O encosto precisa ficar mais alto que a borda frontal."),
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
    local_edit=LocalEdit("rim_height", {"kind": "tray"}),
    description="A round, square or hex coaster, or a tray with a raised rim, with optional grooves.",
    description_pt="Um porta-copos redondo, quadrado ou sextavado, ou uma bandeja com borda, com ranhuras "
                   "decorativas opcionais.",
    params=_coaster_params, build=_coaster_build, extent=by_values(_coaster_extent),
    synonyms_en=("coaster", "drink coaster", "cup coaster", "tray", "serving tray", "trinket tray", "valet tray",
                 "key tray", "something to put my mug on", "dish"),
    synonyms_pt=("porta-copos", "porta copos", "bandeja", "descanso de copo", "pratinho", "bandejinha",
                 "porta-chaves de mesa"),
    roles={"width": "width", "diameter": "width", "size": "width,depth", "depth": "depth", "thickness": "thickness",
           "height": "rim_height", "wall": "rim_wall"},
    # a flat coaster is only as tall as it is thick: "taller" there must not set a rim it does not have
    role_switches={"height": RoleSwitch("kind", {0: "thickness"})},
    features={
        "tray": Feature("kind", 1, 0, ("tray", "rim", "raised edge"), ("bandeja", "borda")),
        "pattern": Feature("pattern", 1, 0, ("pattern", "grooves", "decoration"), ("padrão", "ranhuras", "decorado")),
        "square": Feature("shape", 1, 0, ("square",), ("quadrado",)),
        "hex": Feature("shape", 2, 0, ("hexagonal", "hex"), ("hexagonal", "sextavado")),
    },
    checks=(
        Check("not pattern or thickness >= 2.4", "Grooves need a base at least 2.4 mm thick.",
              pt="As ranhuras precisam de uma base com pelo menos 2.4 mm de espessura."),
        Check("kind == 0 or min(width, depth if shape == 1 else width) >= 4 * rim_wall + 20",
              "The tray is too small for its rim.",
              pt="A bandeja é pequena demais para a borda."),
        Check("kind == 0 or not pattern or rim_height >= 1", "The tray's rim must be at least 1 mm tall.",
              pt="A borda da bandeja precisa ter pelo menos 1 mm de altura."),
    ),
    tags=("desk", "kitchen"),
))
