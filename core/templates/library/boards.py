"""A case for a named board with its port cutouts where the board's published drawing puts them.

Coordinates are the board's own (origin at its lower-left corner, X along the long edge), in mm:
- Raspberry Pi 4 B (rpi_MECH_4b_4p0 mechanical drawing): 85 × 56, M2.5 holes at (3.5, 3.5) + 58 × 49; on
  the Y = 0 edge USB-C at x 11.2, micro-HDMI at 26.0 and 39.5, audio at 53.5; on the X = 85 edge USB at
  y 9.0 and 27.0, Ethernet at 45.75.
- Raspberry Pi 5 (raspberry-pi-5-mechanical-drawing): the same outline and holes; USB-C at x 11.2,
  micro-HDMI at 25.8 and 39.2; on the X = 85 edge Ethernet at y 10.2, USB at 29.1 and 47.0.
- Arduino Uno R3 (Arduino's board drawing): 68.6 × 53.3, holes at (14.0, 2.5), (15.3, 50.7), (66.1, 7.6),
  (66.1, 35.5); on the X = 0 edge the barrel jack spans y 3.3–12.2 and USB-B y 31.7–43.7, both 10.9 mm tall.
Cutouts are the connector's body plus about 1.5 mm all round (room for the plug's moulding) and open to the
rim, so the board drops in with its connectors through the wall; the lid's lip closes them from above.

Inside: board + 2·clearance; the board sits on standoffs STANDOFF tall. Outside W × L × H with
H = wall + height. A lid (a plate with a lip lid_clearance smaller than the opening all round) lies beside
the case: box X = 2·W + 10, Y = L, Z = H; two bodies.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    PLATE_GAP,
    at,
    box,
    by_values,
    choice,
    cylinder,
    f,
    length,
    side_by_side,
    wall,
)
from core.templates.registry import register

STANDOFF = 4.0
LIP = 4.0
# board: (size X, size Y, thickness, holes, ports); a port: (edge "x0"/"y0"/"x1", centre along the edge,
# opening width, opening height, height of its centre above the board's top).
Port = tuple[str, float, float, float, float]
BOARDS: dict[str, tuple[float, float, float, tuple[tuple[float, float], ...], tuple[Port, ...]]] = {
    "Raspberry Pi 4": (85.0, 56.0, 1.4, ((3.5, 3.5), (61.5, 3.5), (3.5, 52.5), (61.5, 52.5)), (
        ("y0", 11.2, 12.0, 7.0, 1.6), ("y0", 26.0, 10.0, 7.0, 1.5), ("y0", 39.5, 10.0, 7.0, 1.5),
        ("y0", 53.5, 8.0, 8.0, 3.0), ("x1", 9.0, 16.0, 19.0, 8.0), ("x1", 27.0, 16.0, 19.0, 8.0),
        ("x1", 45.75, 19.0, 16.5, 6.75))),
    "Raspberry Pi 5": (85.0, 56.0, 1.4, ((3.5, 3.5), (61.5, 3.5), (3.5, 52.5), (61.5, 52.5)), (
        ("y0", 11.2, 12.0, 7.0, 1.6), ("y0", 25.8, 10.0, 7.0, 1.5), ("y0", 39.2, 10.0, 7.0, 1.5),
        ("x1", 10.2, 19.0, 16.5, 6.75), ("x1", 29.1, 16.0, 19.0, 8.0), ("x1", 47.0, 16.0, 19.0, 8.0))),
    "Arduino Uno": (68.6, 53.3, 1.6, ((14.0, 2.5), (15.3, 50.7), (66.1, 7.6), (66.1, 35.5)), (
        ("x0", 7.75, 12.0, 14.0, 5.45), ("x0", 37.7, 15.0, 14.0, 5.45))),
}
NAMES = list(BOARDS)


def _pick(values: list[float]) -> str:
    """An expression giving values[board] (the last value for the last board)."""
    expr = f"{values[-1]:g}"
    for index in reversed(range(len(values) - 1)):
        expr = f"{values[index]:g} if board == {index} else ({expr})"
    return f"({expr})"


_BX = _pick([b[0] for b in BOARDS.values()])
_BY = _pick([b[1] for b in BOARDS.values()])
_NEEDS = _pick([round(max(p[3] / 2 + p[4] for p in b[4]) + b[2], 1) for b in BOARDS.values()])
_IW = f"({_BX} + 2 * clearance)"
_IL = f"({_BY} + 2 * clearance)"
_W = f"({_IW} + 2 * wall)"
_L = f"({_IL} + 2 * wall)"
_H = "(wall + height)"


def _params() -> list[Parameter]:
    return [
        choice("board", NAMES, "Board", "The board the case is for; its ports are cut where its drawing puts them.",
               pt="Placa"),
        length("height", 30, 15, 80, "Inside height", "Height inside the case, from the floor.", pt="Altura interna"),
        wall(),
        length("clearance", 1, 0.3, 5, "Clearance", "Room around the board on every side.", 0.1, pt="Folga"),
        length("lid_clearance", 0.3, 0.1, 1.0, "Lid clearance", "Play between the lid and the box: more if the lid "
               "is too tight, less if it is loose.", 0.05, pt="Folga da tampa"),
    ]


def _board_parts(index: int, name: str) -> Node:
    sx, sy, thick, holes, ports = BOARDS[name]
    top = f"wall + {STANDOFF} + {thick}"  # the board's top surface
    parts: list[Node] = []
    for k, (hx, hy) in enumerate(holes):
        standoff = Node("difference", id=f"standoff_{index}_{k}", children=[
            cylinder(f"standoff_{index}_{k}_body", "6", f"={STANDOFF} + 0.01", COARSE),
            at(cylinder(f"standoff_{index}_{k}_pilot", "2.2", STANDOFF + 1, COARSE), z=0.5,
               node_id=f"standoff_{index}_{k}_pilot_at"),
        ])
        parts.append(at(standoff, x=f"={hx - sx / 2:g}", y=f"={hy - sy / 2:g}", z="=wall - 0.01",
                        node_id=f"standoff_{index}_{k}_at"))
    cuts: list[Node] = []
    for k, (edge, along, width, tall, rise) in enumerate(ports):
        bottom = f"{top} + {rise - tall / 2:g}"
        size_z = f"={_H} - ({bottom}) + 1"
        if edge == "y0":
            cutter = box(f"port_{index}_{k}", width, "=wall + clearance + 2", size_z)
            placed = at(cutter, x=f"={along - sx / 2:g}", y=f"=-{_IL} / 2 - wall / 2 + 0.5", z=f"={bottom}",
                        node_id=f"port_{index}_{k}_at")
        else:
            cutter = box(f"port_{index}_{k}", "=wall + clearance + 2", width, size_z)
            sign = "" if edge == "x1" else "-"
            placed = at(cutter, x=f"={sign}({_IW} / 2 + wall / 2 - 0.5)", y=f"={along - sy / 2:g}", z=f"={bottom}",
                        node_id=f"port_{index}_{k}_at")
        cuts.append(placed)
    return Node("union", id=f"board_{index}", enabled=f"=board == {index}", children=[
        Node("union", id=f"standoffs_{index}", children=parts),
        Node("union", id=f"ports_{index}", name="Cable holes", children=cuts),
    ])


def _case() -> Node:
    boards = [_board_parts(i, name) for i, name in enumerate(NAMES)]
    outline = {"kind": "rect", "size": [f"={_W}", f"={_L}"], "radius": 2}
    walls = {**outline, "holes": [{"kind": "rect", "size": [f"={_IW}", f"={_IL}"]}]}
    return Node("difference", id="case", name="Enclosure", children=[
        Node("union", id="case_solid", children=[
            # The floor, then the walls: two stacked layers meshed without a boolean.
            Node("extrude", {"layers": [{"shape": outline, "height": "=wall"},
                                        {"shape": walls, "height": f"={_H} - wall"}]}, id="case_shell"),
            *[Node("union", id=f"case_standoffs_{i}", enabled=f"=board == {i}", children=[b.children[0]])
              for i, b in enumerate(boards)],
        ]),
        *[Node("union", id=f"case_ports_{i}", enabled=f"=board == {i}", children=[b.children[1]])
          for i, b in enumerate(boards)],
    ])


def _lid() -> Node:
    lip_x, lip_y = f"({_IW} - 2 * lid_clearance)", f"({_IL} - 2 * lid_clearance)"
    # The plate, then the lip ring on it: two stacked layers meshed without a boolean.
    lip = {"kind": "rect", "size": [f"={lip_x}", f"={lip_y}"],
           "holes": [{"kind": "rect", "size": [f"={lip_x} - 3.2", f"={lip_y} - 3.2"]}]}
    return Node("extrude", {"layers": [
        {"shape": {"kind": "rect", "size": [f"={_W}", f"={_L}"], "radius": 2}, "height": "=max(wall, 1.6)"},
        {"shape": lip, "height": LIP},
    ]}, id="lid", name="Lid")


def _build() -> Node:
    case_x, lid_x = side_by_side(_W, _W, "1")
    return Node("group", id="root", name="Device enclosure", children=[
        at(_case(), x=case_x, node_id="case_at", name="Enclosure"),
        at(_lid(), x=lid_x, node_id="lid_at", name="Lid"),
    ])


def _extent(v: Mapping[str, Number]) -> Extent:
    sx, sy, *_ = BOARDS[NAMES[int(v["board"])]]
    c, w = f(v, "clearance"), f(v, "wall")
    width, depth = sx + 2 * c + 2 * w, sy + 2 * c + 2 * w
    return Extent(2 * width + PLATE_GAP, depth, w + f(v, "height"), bodies=2)


register(TemplateSpec(
    id="board_case", title="Board case", title_pt="Case para placa", category="enclosures",
    local_edit=LocalEdit("lid_clearance"),
    description="A case for a Raspberry Pi 4, Raspberry Pi 5 or Arduino Uno with its ports cut where the board's "
                "drawing puts them (USB-C, micro-HDMI, USB-A, Ethernet; USB-B and barrel jack), and a lid.",
    description_pt="Uma caixa para Raspberry Pi 4, Raspberry Pi 5 ou Arduino Uno com os recortes das portas onde o "
                   "desenho da placa indica (USB-C, micro-HDMI, USB-A, Ethernet; USB-B e conector P4), e tampa.",
    params=_params, build=_build, extent=by_values(_extent),
    synonyms_en=("board case", "raspberry pi 4 case", "raspberry pi 5 case", "pi 4 case", "pi 5 case",
                 "arduino uno case", "uno case", "case with port cutouts", "rpi 4 case", "rpi 5 case"),
    synonyms_pt=("case para raspberry pi 4", "case para raspberry pi 5", "caixa para raspberry pi 4",
                 "caixa para raspberry pi 5", "case do arduino uno", "caixa para arduino uno",
                 "case com recortes das portas"),
    roles={"height": "height", "size": "height", "wall": "wall", "clearance": "clearance",
           "lid_clearance": "lid_clearance"},
    features={
        "pi4": Feature("board", 0, 0, ("raspberry pi 4", "pi 4", "rpi 4", "rpi4", "pi4"),
                       ("raspberry pi 4", "pi 4", "rpi 4")),
        "pi5": Feature("board", 1, 0, ("raspberry pi 5", "pi 5", "rpi 5", "rpi5", "pi5"),
                       ("raspberry pi 5", "pi 5", "rpi 5")),
        "uno": Feature("board", 2, 0, ("arduino uno", "arduino", "uno"), ("arduino uno", "arduino", "uno")),
    },
    checks=(Check(f"height >= {STANDOFF} + {_NEEDS} + 2",
                  "The case is too low for the board's tallest connector; make the inside taller.",
                  pt="A caixa é baixa demais para o conector mais alto da placa; aumente a altura interna."),),
    tags=("enclosure", "electronics"),
))
