"""Kitchen and everyday small parts: bowl, funnel, bag clip, bottle-opener keychain.

bowl — revolved, its side a quarter-sine curve from the foot to the rim (the steepest overhang is at the
    foot, ~45° at the default proportions). Box: D × D × height.
funnel — printed standing on its mouth: a cone up to the spout (no steeper than 45°, so no supports), a
    stiffening bead outside the mouth. Box: (D + 2·bead) squared × (cone + spout).
bag_clip — a U-shaped spring clip lying flat: two arms closed at one end, the gap narrower than a folded
    bag so the arms pinch it. Box: length × (2·arm + gap) × height.
bottle_opener — a flat keychain with a cap-lifting window at one end and a key-ring hole at the other.
    Box: length × width × thickness.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import at, box, by_values, f, flag, length, through_z, wall
from core.templates.registry import register

BOWL_POINTS = 16


def _bowl_params() -> list[Parameter]:
    return [
        length("diameter", 150, 40, 300, "Diameter", "Outside diameter at the rim.", pt="Diâmetro"),
        length("bottom_diameter", 70, 20, 300, "Foot diameter", "Diameter of the flat foot.",
               pt="Diâmetro do pé"),
        length("height", 60, 15, 200, "Height", "Height of the bowl.", pt="Altura"),
        wall(value=2.4, hi=8),
        length("floor", 2.4, 1.2, 10, "Floor", "Thickness of the bottom.", 0.2, pt="Fundo"),
        length("hole_diameter", 0, 0, 20, "Drain hole", "A hole in the middle of the floor (0 = none).", 0.5,
               pt="Furo de drenagem"),
    ]


def _bowl_build() -> Node:
    def curve(r0: str, r1: str, z0: str, k: int) -> list[str]:
        t = k / BOWL_POINTS
        return [f"={r0} + ({r1} - {r0}) * {math.sin(t * math.pi / 2):.6f}", f"={z0} + (height - {z0}) * {t:.6f}"]

    outer = [curve("bottom_diameter / 2", "diameter / 2", "0", k) for k in range(BOWL_POINTS + 1)]
    inner = [curve("bottom_diameter / 2 - wall * 1.4", "diameter / 2 - wall", "floor", k)
             for k in range(BOWL_POINTS, -1, -1)]
    # The drain hole is on the axis, so it is part of the revolved profile (which then starts at its radius):
    # one revolve and no boolean; cutting it from the revolved bowl took twice the revolve's time.
    profile = [["=hole_diameter / 2", 0], *outer, *inner, ["=hole_diameter / 2", "=floor"]]
    return Node("revolve", {"profile": profile}, id="root", name="Cup")


register(TemplateSpec(
    id="bowl", title="Bowl", title_pt="Tigela", category="kitchen",
    local_edit=LocalEdit("hole_diameter", {"hole_diameter": 5}),
    description="A round bowl with a flat foot and curved sides, optionally with a drain hole.",
    description_pt="Uma tigela redonda com pé plano e laterais curvas, com furo de drenagem opcional.",
    params=_bowl_params, build=_bowl_build,
    extent=by_values(lambda v: Extent(f(v, "diameter"), f(v, "diameter"), f(v, "height"))),
    synonyms_en=("bowl", "dish bowl", "fruit bowl", "key bowl", "catch-all bowl", "snack bowl", "trinket bowl"),
    synonyms_pt=("tigela", "cumbuca", "bowl", "fruteira", "saladeira", "pote redondo", "vasilha"),
    roles={"diameter": "diameter", "width": "diameter", "size": "diameter", "top_diameter": "diameter",
           "bottom_diameter": "bottom_diameter", "height": "height", "depth": "height", "wall": "wall",
           "floor": "floor", "hole_diameter": "hole_diameter"},
    features={"drain": Feature("hole_diameter", 6, 0, ("drain hole", "drainage"), ("furo de drenagem", "drenagem"))},
    checks=(
        Check("bottom_diameter <= diameter", "The foot cannot be wider than the rim.",
              pt="O pé não pode ser mais largo que a borda."),
        Check("bottom_diameter >= 2 * wall * 1.4 + hole_diameter + 10",
              "The foot is too small for the walls (and the drain hole).",
              pt="O pé é pequeno demais para as paredes (e o furo de drenagem)."),
        Check("floor <= height - 5", "The floor is thicker than the bowl is deep.",
              pt="O fundo é mais grosso do que a tigela é funda."),
    ),
    tags=("kitchen", "home"),
))


def _funnel_params() -> list[Parameter]:
    return [
        length("diameter", 100, 30, 250, "Mouth diameter", "Outside diameter of the wide end.", pt="Diâmetro da boca"),
        length("spout_diameter", 12, 5, 60, "Spout diameter", "Outside diameter of the spout.",
               pt="Diâmetro do bico"),
        length("height", 60, 15, 250, "Cone height", "Height of the cone from the mouth to the spout.",
               pt="Altura do cone"),
        length("spout_length", 30, 5, 150, "Spout length", "Length of the spout.", pt="Comprimento do bico"),
        wall(value=1.6, hi=5),
        length("rim_width", 3, 0, 10, "Rim bead", "Width of the stiffening bead around the mouth (0 = none).",
               pt="Reforço da borda"),
    ]


def _funnel_build() -> Node:
    # A cone wall `wall` thick measured square to its surface is wall × sqrt(1 + slope²) wide horizontally.
    w = "(wall * sqrt(1 + ((diameter - spout_diameter) / 2 / height)**2))"
    top = "height + spout_length"
    profile = [["=diameter / 2", 0], ["=spout_diameter / 2", "=height"], ["=spout_diameter / 2", f"={top}"],
               ["=spout_diameter / 2 - wall", f"={top}"], ["=spout_diameter / 2 - wall", "=height"],
               [f"=diameter / 2 - {w}", 0]]
    bead_h = "min(3, height / 4)"
    bead = [["=diameter / 2 - 0.5", 0], ["=diameter / 2 + rim_width", 0], ["=diameter / 2 + rim_width", f"={bead_h}"],
            ["=diameter / 2 - 0.5", f"={bead_h}"]]
    # One revolve of the body's and the bead's profiles unioned in 2D, instead of a 3D union of two revolves.
    return Node("revolve", {"shape": {"kind": "union", "shapes": [
        {"kind": "polygon", "points": profile},
        {"kind": "array", "count": ["=1 if rim_width > 0 else 0", 1], "shape": {"kind": "polygon", "points": bead}},
    ]}}, id="root", name="Model")


def _funnel_extent(v: Mapping[str, Number]) -> Extent:
    d = f(v, "diameter") + 2 * f(v, "rim_width")
    return Extent(d, d, f(v, "height") + f(v, "spout_length"))


register(TemplateSpec(
    id="funnel", title="Funnel", title_pt="Funil", category="kitchen",
    local_edit=LocalEdit("rim_width"),
    description="A funnel printed on its mouth: a cone no steeper than 45° to a straight spout.",
    description_pt="Um funil impresso apoiado na boca: um cone de no máximo 45° até um bico reto.",
    params=_funnel_params, build=_funnel_build,
    extent=by_values(_funnel_extent),
    synonyms_en=("funnel", "kitchen funnel", "filling funnel", "oil funnel", "powder funnel"),
    synonyms_pt=("funil", "funil de cozinha", "funil para óleo", "afunilador"),
    roles={"diameter": "diameter", "width": "diameter", "size": "diameter", "top_diameter": "diameter",
           "bottom_diameter": "spout_diameter", "hole_diameter": "spout_diameter", "height": "height",
           "length": "spout_length", "wall": "wall"},
    features={"rim": Feature("rim_width", 3, 0, ("rim", "bead", "reinforced rim"), ("borda reforçada", "reforço"))},
    checks=(
        Check("spout_diameter <= diameter - 10", "The spout must be narrower than the mouth.",
              pt="O bico precisa ser mais estreito que a boca."),
        Check("height >= (diameter - spout_diameter) / 2",
              "The cone would be flatter than 45° and need supports; make it taller or the mouth narrower.",
              pt="O cone ficaria mais inclinado que 45° e precisaria de suporte; aumente a altura ou diminua a boca."),
        Check("spout_diameter >= 2 * wall + 2", "The spout is too narrow for its walls.",
              pt="O bico é estreito demais para as paredes."),
    ),
    tags=("kitchen", "tool"),
))

CLIP_END = 8.0  # mm of solid closed end


def _clip_params() -> list[Parameter]:
    return [
        length("length", 80, 30, 200, "Length", "Length of the clip's arms.", pt="Comprimento"),
        length("arm", 3, 1.6, 8, "Arm thickness", "Thickness of each arm (thicker grips harder).", 0.2,
               pt="Espessura do braço"),
        length("gap", 0.6, 0.2, 3, "Gap", "Opening between the arms; narrower than the folded bag.", 0.1,
               pt="Abertura"),
        length("height", 10, 4, 30, "Height", "How tall the clip is (its width on the bag).", pt="Altura"),
        length("hole_diameter", 0, 0, 6, "Hanging hole", "A hole in the closed end to hang it (0 = none).", 0.5,
               pt="Furo para pendurar"),
    ]


def _clip_build() -> Node:
    width = "(2 * arm + gap)"
    return Node("difference", id="root", name="Clip", children=[
        box("clip_body", "=length", f"={width}", "=height", "=min(arm, 3)"),
        at(box("clip_slot", f"=length - {CLIP_END} + 1", "=gap", "=height + 2"), x=f"={CLIP_END} / 2 + 0.5", z=-1,
           node_id="clip_slot_at"),
        at(through_z("clip_hole", "hole_diameter", "height"), x=f"=-length / 2 + {CLIP_END} / 2",
           node_id="clip_hole_at", enabled="=hole_diameter > 0"),
    ])


register(TemplateSpec(
    id="bag_clip", title="Bag clip", title_pt="Prendedor de saco", category="kitchen",
    local_edit=LocalEdit("hole_diameter", {"hole_diameter": 3}),
    description="A U-shaped spring clip that pinches a folded bag shut, printed flat.",
    description_pt="Um prendedor em U que aperta a boca de um saco dobrado, impresso deitado.",
    params=_clip_params, build=_clip_build,
    extent=by_values(lambda v: Extent(f(v, "length"), 2 * f(v, "arm") + f(v, "gap"), f(v, "height"))),
    synonyms_en=("bag clip", "chip clip", "bag sealer", "snack clip", "bread bag clip", "food clip"),
    synonyms_pt=("prendedor de saco", "prendedor de pacote", "fecha pacote", "clipe de saco", "pregador de saco"),
    roles={"length": "length", "width": "length", "size": "length", "height": "height", "thickness": "arm",
           "clearance": "gap", "hole_diameter": "hole_diameter"},
    features={"hole": Feature("hole_diameter", 4, 0, ("hanging hole", "hole to hang"), ("furo para pendurar",))},
    checks=(
        Check(f"hole_diameter <= min(2 * arm + gap, {CLIP_END}) - 1.6",
              "The hanging hole is too large for the clip's closed end.",
              pt="O furo para pendurar é grande demais para a ponta fechada do prendedor."),
    ),
    tags=("kitchen", "clip"),
))


def _opener_params() -> list[Parameter]:
    return [
        length("length", 65, 50, 120, "Length", "Overall length.", pt="Comprimento"),
        length("width", 30, 28, 60, "Width", "Overall width (the window is 24 mm wide for a crown cap).",
               pt="Largura"),
        length("thickness", 5, 3, 10, "Thickness", "Thickness of the opener.", 0.2, pt="Espessura"),
        flag("ring", True, "Key-ring hole", "A tab with a hole for a key ring.", pt="Furo para argola"),
        length("ring_diameter", 5, 3, 10, "Ring hole diameter", "Diameter of the key-ring hole.",
               pt="Diâmetro do furo da argola"),
    ]


def _opener_build() -> Node:
    return Node("difference", id="root", name="Model", children=[
        box("opener_body", "=length", "=width", "=thickness", "=width / 2 - 0.01"),
        # The window's far edge is the lip that catches under a crown cap (26 mm across, 6 mm tall skirt).
        at(box("opener_window", 24, 12, "=thickness + 2", 3), x="=length / 2 - width / 2 - 4", z=-1,
           node_id="opener_window_at"),
        at(through_z("opener_ring", "ring_diameter", "thickness"), x="=-length / 2 + width / 4 + 1",
           node_id="opener_ring_at", enabled="=ring"),
    ])


register(TemplateSpec(
    id="bottle_opener", title="Bottle opener keychain", title_pt="Chaveiro abridor de garrafa", category="kitchen",
    local_edit=LocalEdit("ring_diameter"),
    description="A flat keychain bottle opener: a window whose edge lifts a crown cap, and a key-ring hole.",
    description_pt="Um chaveiro abridor de garrafa: uma janela cuja borda levanta a tampinha, e um furo para argola.",
    params=_opener_params, build=_opener_build,
    extent=by_values(lambda v: Extent(f(v, "length"), f(v, "width"), f(v, "thickness"))),
    synonyms_en=("bottle opener", "bottle opener keychain", "beer opener", "cap opener", "opener keychain"),
    synonyms_pt=("abridor de garrafa", "abridor", "chaveiro abridor", "abridor de cerveja", "abre garrafa"),
    roles={"length": "length", "width": "width", "size": "length", "thickness": "thickness", "height": "thickness",
           "hole_diameter": "ring_diameter"},
    features={"ring": Feature("ring", 1, 0, ("key ring", "keyring", "keychain hole"), ("argola", "chaveiro"))},
    checks=(
        Check("length >= width + 24", "The opener must be at least 24 mm longer than wide to hold its window.",
              pt="O abridor precisa ser pelo menos 24 mm mais comprido que largo para caber a janela."),
        Check("not ring or ring_diameter <= width / 2 - 3", "The key-ring hole is too large for the opener.",
              pt="O furo da argola é grande demais para o abridor."),
    ),
    tags=("kitchen", "keychain", "gift"),
))
