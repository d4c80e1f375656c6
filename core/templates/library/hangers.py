"""Hangers and stands drawn as a side profile: headphone hanger, pegboard hook, tablet stand.

The hanger and the hook are printed on their side (their profile flat on the bed, extruded by their
width), so arms and hooks need no supports and the layers run along the load. Their boxes:
headphone_hanger max(jaw, arm) × total height × width; pegboard_hook (board + peg + arm) × back height ×
peg width. The tablet stand stands on its base; its back leans back at `angle`, so its underside
overhangs by 90° − angle (≤ 40°). Box: depth × width × max(lip, thickness + back · sin(angle)).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import COARSE, angle, at, box, by_values, choice, cylinder, f, length
from core.templates.registry import register


def _rect(node_id: str, x0: str, x1: str, y0: str, y1: str, z: str, enabled: bool | str = True) -> Node:
    """A box spanning x0..x1, y0..y1 (expressions) and 0..z."""
    return at(box(node_id, f"={x1} - ({x0})", f"={y1} - ({y0})", f"={z}"), x=f"=({x0} + {x1}) / 2",
              y=f"=({y0} + {y1}) / 2", node_id=f"{node_id}_at", enabled=enabled)


_HANG_H = "(drop + (desk_thickness + 2 * thickness if mount == 0 else thickness))"
_HANG_X = "max(mount_length, arm_length)"


def _hanger_params() -> list[Parameter]:
    return [
        choice("mount", ["desk clamp", "under-desk"], "Mount", "Clamp onto the desk's edge, or screw under the desk.",
               pt="Fixação"),
        length("desk_thickness", 25, 10, 60, "Desk thickness", "Thickness of the desk top the clamp grips.", 0.5,
               pt="Espessura da mesa"),
        length("mount_length", 50, 30, 120, "Jaw length", "How far the clamp's jaws (or the screw plate) reach.",
               pt="Comprimento da garra"),
        length("drop", 40, 15, 150, "Drop", "How far below the desk the hook hangs.", pt="Altura de queda"),
        length("arm_length", 50, 30, 120, "Arm length", "Length of the arm the headphones rest on.",
               pt="Comprimento do braço"),
        length("width", 25, 10, 60, "Width", "Width of the hanger (its band rest).", pt="Largura"),
        length("thickness", 5, 3, 12, "Thickness", "Thickness of the jaws, spine and arm.", 0.2, pt="Espessura"),
        length("hole_diameter", 4, 2.5, 6, "Screw hole diameter", "Screw holes of the under-desk plate.", 0.1,
               pt="Diâmetro do furo do parafuso"),
    ]


def _hanger_build() -> Node:
    h, t, x0 = _HANG_H, "thickness", f"-{_HANG_X} / 2"
    top = f"{h} / 2"
    bottom = f"-{h} / 2"

    def rx(a: str) -> str:
        return f"{x0} + {a}"

    jaw_low = f"{top} - 2 * {t} - desk_thickness"
    holes = Node("linear_array", {"count": [2, 1, 1], "spacing": ["=mount_length * 0.4", 0, 0]}, [
        cylinder("hanger_screw", "hole_diameter", f"={t} + 2", COARSE)], id="hanger_screws")
    return Node("difference", id="root", name="Hook", children=[
        Node("union", id="hanger_body", children=[
            _rect("hanger_spine", x0, rx(t), bottom, top, "width"),
            _rect("hanger_top", x0, rx("mount_length"), f"{top} - {t}", top, "width"),
            _rect("hanger_jaw", x0, rx("mount_length"), jaw_low, f"{jaw_low} + {t}", "width", enabled="=mount == 0"),
            _rect("hanger_arm", x0, rx("arm_length"), bottom, f"{bottom} + {t}", "width"),
            _rect("hanger_tip", rx(f"arm_length - {t}"), rx("arm_length"), bottom, f"{bottom} + {t} + 8", "width"),
        ]),
        at(holes, x=f"={rx('mount_length * 0.6')}", y=f"={top} + 1", z="=width / 2", rotate=[90, 0, 0],
           node_id="hanger_screws_at", name="Screw holes", enabled="=mount == 1"),
    ])


def _hanger_extent(v: Mapping[str, Number]) -> Extent:
    t = f(v, "thickness")
    h = f(v, "drop") + (f(v, "desk_thickness") + 2 * t if v["mount"] == 0 else t)
    return Extent(max(f(v, "mount_length"), f(v, "arm_length")), h, f(v, "width"))


register(TemplateSpec(
    id="headphone_hanger", title="Headphone hanger", title_pt="Suporte de fone de ouvido", category="home",
    local_edit=LocalEdit("hole_diameter", {"mount": "under-desk"}),
    description="A headphone hook that clamps onto a desk's edge or screws under the desk, printed on its side.",
    description_pt="Um gancho para fone de ouvido que prende na borda da mesa ou parafusa embaixo dela, impresso "
                   "de lado.",
    params=_hanger_params, build=_hanger_build, extent=by_values(_hanger_extent),
    synonyms_en=("headphone hanger", "headphone holder", "headset hanger", "headphone hook", "headset holder",
                 "under desk headphone hook", "desk clamp headphone holder"),
    synonyms_pt=("suporte de fone de ouvido", "suporte para headset", "gancho para fone", "porta fone",
                 "suporte de fone embaixo da mesa"),
    roles={"length": "arm_length", "width": "width", "height": "drop", "thickness": "thickness",
           "hole_diameter": "hole_diameter", "size": "arm_length", "depth": "desk_thickness"},
    features={
        "clamp": Feature("mount", 0, 1, ("desk clamp", "clamp", "clamps onto the desk"), ("grampo", "prende na mesa",
                                                                                           "de prender")),
        "under_desk": Feature("mount", 1, 0, ("under-desk", "under desk", "screw under", "under the desk"),
                              ("embaixo da mesa", "sob a mesa", "parafusado")),
    },
    checks=(Check("hole_diameter <= width - 3.2", "The screw holes are too large for the hanger's width.",
                  pt="Os furos de parafuso são grandes demais para a largura do suporte."),),
    tags=("home", "desk", "hook"),
))

BOARDS = ["IKEA Skådis", "1-inch pegboard"]
# IKEA Skådis: 5 × 15 mm slots in a 5 mm board; 1" pegboard: 1/4" (6.35 mm) holes in a 1/4" board.
_BOARD_T = "(5.0 if board == 0 else 6.35)"
_PEG = "(4.5 if board == 0 else 4.4)"  # square pegs: a 4.4 mm square's diagonal (6.2) passes a 6.35 mm hole
HOOK_DROP = 6.0


def _hook_params() -> list[Parameter]:
    return [
        choice("board", BOARDS, "Board", "IKEA Skådis (slots) or standard 1\" pegboard (1/4\" holes).",
               pt="Painel"),
        length("arm_length", 40, 15, 120, "Arm length", "How far the hook reaches out from the board.",
               pt="Comprimento do braço"),
        length("back_height", 40, 20, 100, "Back height", "Height of the back resting on the board.",
               pt="Altura do encosto"),
        length("thickness", 6, 3, 12, "Arm thickness", "Thickness of the back and the arm.", 0.2, pt="Espessura"),
        length("lip", 10, 2, 40, "Lip height", "The upturned tip that keeps things on the arm.", pt="Altura da ponta"),
    ]


def _hook_build() -> Node:
    """The hook is one outline (a single polygon: pieces unioned side by side left slivers where their faces
    met), and the lip a second one overlapping the arm's end, so changing the lip rebuilds only the lip."""
    peg, board, t = _PEG, _BOARD_T, "thickness"
    x_min = f"-({board} + {peg})"
    cx = f"(({x_min}) + arm_length) / 2"  # centre of the X extent
    cy = f"max(back_height, {t} + lip) / 2"
    hook = [("0", "0"), (f"arm_length - {t} / 2", "0"), (f"arm_length - {t} / 2", t), (t, t), (t, "back_height"),
            (x_min, "back_height"), (x_min, f"back_height - {peg} - {HOOK_DROP}"),
            (f"-{board}", f"back_height - {peg} - {HOOK_DROP}"), (f"-{board}", f"back_height - {peg}"),
            ("0", f"back_height - {peg}")]
    lip = [(f"arm_length - {t}", "0"), ("arm_length", "0"), ("arm_length", f"{t} + lip"),
           (f"arm_length - {t}", f"{t} + lip")]

    def outline(node_id: str, corners: list[tuple[str, str]]) -> Node:
        points: list[list[object]] = [[f"={x} - {cx}", f"={y} - {cy}"] for x, y in corners]
        return Node("extrude", {"shape": {"kind": "polygon", "points": points}, "height": f"={peg}"}, id=node_id)

    return Node("union", id="root", name="Hook", children=[outline("peg_hook", hook), outline("peg_lip", lip)])


def _hook_extent(v: Mapping[str, Number]) -> Extent:
    board, peg = (5.0, 4.5) if v["board"] == 0 else (6.35, 4.4)
    return Extent(board + peg + f(v, "arm_length"), max(f(v, "back_height"), f(v, "thickness") + f(v, "lip")), peg)


register(TemplateSpec(
    id="pegboard_hook", title="Pegboard hook", title_pt="Gancho para painel perfurado", category="workshop",
    local_edit=LocalEdit("lip"),
    description="A hook for IKEA Skådis or 1\" pegboard, printed on its side so the peg is strong.",
    description_pt="Um gancho para IKEA Skådis ou painel perfurado de 1\", impresso de lado para o pino ficar forte.",
    params=_hook_params, build=_hook_build, extent=by_values(_hook_extent),
    synonyms_en=("pegboard hook", "skadis hook", "skådis hook", "ikea skadis hook", "peg hook", "pegboard holder",
                 "peg board hook", "skadis"),
    synonyms_pt=("gancho para painel perfurado", "gancho skadis", "gancho para skådis", "gancho de painel",
                 "gancho para pegboard", "painel perfurado"),
    roles={"length": "arm_length", "size": "arm_length", "height": "back_height", "thickness": "thickness",
           "width": "arm_length"},
    features={
        "skadis": Feature("board", 0, 0, ("skadis", "skådis", "ikea"), ("skadis", "skådis", "ikea")),
        "pegboard": Feature("board", 1, 0, ("1 inch pegboard", "1\" pegboard", "standard pegboard"),
                            ("painel perfurado de 1 polegada", "pegboard padrão")),
    },
    checks=(Check("lip <= back_height + 20", "The lip is taller than the hook can hold.",
                  pt="A ponta é mais alta do que o gancho suporta."),
            Check("thickness <= arm_length - 5",
                  "The arm is too short for its thickness.",
                  pt="O braço é curto demais para a espessura.")),
    tags=("workshop", "hook", "organizer"),
))


def _stand_params() -> list[Parameter]:
    return [
        length("width", 120, 40, 250, "Width", "Width of the stand (Y).", pt="Largura"),
        length("depth", 100, 50, 200, "Base depth", "Depth of the base (X).", pt="Profundidade da base"),
        angle("angle", 65, 50, 80, "Angle", "Angle of the back rest from the desk.", pt="Ângulo"),
        length("back_length", 90, 30, 200, "Back rest length", "Length of the back rest.",
               pt="Comprimento do encosto"),
        length("device_thickness", 12, 6, 30, "Device thickness", "Thickness of the tablet in its case (slot width).",
               0.5, pt="Espessura do aparelho"),
        length("lip_height", 15, 6, 40, "Lip height", "Height of the front lip that holds the tablet.",
               pt="Altura da aba"),
        length("thickness", 5, 2, 12, "Thickness", "Thickness of the base, lip and back.", 0.2, pt="Espessura"),
    ]


def _stand_build() -> Node:
    t, xb = "thickness", "(-depth / 2 + thickness + device_thickness)"
    c, s = "cos(angle)", "sin(angle)"
    length_ = "back_length"
    back: list[list[object]] = [[f"={xb}", f"={t}"], [f"={xb} + {length_} * {c}", f"={t} + {length_} * {s}"],
            [f"={xb} + {length_} * {c} + {t} * {s}", f"={t} + {length_} * {s} - {t} * {c}"],
            [f"={xb} + {t} * {s}", f"={t} - {t} * {c}"], [f"={xb} + {t} * {s}", 0], [f"={xb}", 0]]
    px = f"{xb} + 0.6 * {length_} * {c} + {t} * {s}"  # where the brace meets the back's underside
    pz = f"{t} + 0.6 * {length_} * {s} - {t} * {c}"
    sink = f"{t} / {c} / 2"  # half the back's vertical thickness: the brace reaches into it, never just touching
    brace: list[list[object]] = [[f"={px} - {t}", 0], [f"={px}", 0], [f"={px}", f"={pz} + {sink}"],
                                 [f"={px} - {t}", f"={pz} - {t} * {s} / {c} + {sink}"]]

    def piece(node_id: str, pts: list[list[object]]) -> Node:
        return at(Node("extrude", {"shape": {"kind": "polygon", "points": pts}, "height": "=width"}, id=node_id),
                  y="=width / 2", rotate=[90, 0, 0], node_id=f"{node_id}_at")

    return Node("union", id="root", name="Stand", children=[
        box("stand_base", "=depth", "=width", f"={t}"),
        at(box("stand_lip", f"={t}", "=width", "=lip_height"), x=f"=-depth / 2 + {t} / 2", node_id="stand_lip_at"),
        piece("stand_back", back),
        piece("stand_brace", brace),
    ])


def _stand_extent(v: Mapping[str, Number]) -> Extent:
    import math

    a = math.radians(f(v, "angle"))
    top = f(v, "thickness") + f(v, "back_length") * math.sin(a)
    return Extent(f(v, "depth"), f(v, "width"), max(f(v, "lip_height"), top))


register(TemplateSpec(
    id="tablet_stand", title="Tablet stand", title_pt="Suporte de tablet", category="desk",
    local_edit=LocalEdit("lip_height"),
    description="A sturdy tablet or book stand: a base with a front lip, a back rest at an angle and a brace.",
    description_pt="Um suporte firme para tablet ou livro: uma base com aba frontal, um encosto inclinado e um "
                   "reforço.",
    params=_stand_params, build=_stand_build, extent=by_values(_stand_extent),
    synonyms_en=("tablet stand", "ipad stand", "tablet holder", "book stand", "cookbook stand", "e-reader stand",
                 "kindle stand"),
    synonyms_pt=("suporte de tablet", "suporte para ipad", "apoio de tablet", "suporte de livro",
                 "suporte para kindle", "porta tablet"),
    roles={"width": "width", "depth": "depth", "length": "back_length", "height": "back_length", "size": "width",
           "angle": "angle", "thickness": "thickness", "device_height": "device_thickness"},
    checks=(
        Check("-depth / 2 + thickness + device_thickness + back_length * cos(angle) + thickness * sin(angle) "
              "<= depth / 2",
              "The back rest leans past the end of the base; make the base deeper, the back shorter or the angle "
              "steeper.",
              pt="O encosto passa do fim da base; aumente a profundidade da base, encurte o encosto ou deixe o "
                 "ângulo mais em pé."),
    ),
    tags=("desk", "stand"),
))

