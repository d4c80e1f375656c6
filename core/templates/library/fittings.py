"""Fittings that move or seal: a print-in-place hinge, a hose adapter, a threaded jar lid.

hinge — two leaves lying flat, interleaved knuckles around a pin printed in place: leaf A carries the
    odd knuckles and the pin, leaf B's knuckles turn on it with `clearance` all round. Two bodies by
    design. Box: length × 2·leaf width × knuckle diameter.
hose_adapter — a step-down between two hose sizes: two spigots (with barbs) joined by a 45° cone, the
    bore following each end. Box: (max(d_a, d_b) + 2·barb) squared × (len_a + cone + len_b).
jar_lid — a screw lid printed top down, its internal thread the thread's cross-section
    (core/templates/library/_kit.thread_section) bored through the skirt, turning as it rises. Finishes: GPI 400
    (one turn, 6 threads per inch; T is the thread's outside diameter), Mason regular and wide (70 and 86 mm, a
    1/4" pitch lid thread) and ISO metric (its basic profile: internal thread depth 5/8 H = 0.541 × pitch).
    Box: OD × OD × (top + skirt), OD = T + 2·(lid_clearance + wall) (+ 2 with grip ridges).
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    at,
    box,
    by_values,
    choice,
    cylinder,
    f,
    flag,
    integer,
    length,
    thread_section,
    wall,
)
from core.templates.registry import register

_SEG = "((length - (knuckles - 1) * clearance) / knuckles)"  # one knuckle's length
_STEP = f"(2 * ({_SEG} + clearance))"


def _hinge_params() -> list[Parameter]:
    return [
        length("length", 40, 15, 200, "Length", "Length along the pin.", pt="Comprimento"),
        length("leaf_width", 20, 8, 80, "Leaf width", "Width of each leaf from the pin.", pt="Largura da aba"),
        length("thickness", 3, 1.6, 8, "Leaf thickness", "Thickness of the leaves.", 0.2, pt="Espessura da aba"),
        length("knuckle_diameter", 8, 5, 20, "Knuckle diameter", "Outside diameter of the knuckles.",
               pt="Diâmetro do nó"),
        integer("knuckles", 5, 3, 11, "Knuckles", "Number of knuckles (odd).", pt="Nós"),
        length("clearance", 0.4, 0.3, 0.8, "Clearance", "Gap between the moving parts printed in place.", 0.05,
               pt="Folga"),
    ]


def _knuckles(node_id: str, count: str, children: list[Node]) -> Node:
    return Node("linear_array", {"count": [f"={count}", 1, 1], "spacing": [f"={_STEP}", 0, 0]}, children,
                id=node_id)


def _hinge_build() -> Node:
    r = "knuckle_diameter / 2"
    pin = "(knuckle_diameter / 2)"
    leaf_y = f"({r} + clearance)"  # where each leaf's plate starts, clear of the other's knuckles

    def knuckle(node_id: str) -> Node:
        return at(cylinder(node_id, "knuckle_diameter", f"={_SEG}", 32, center=True), z=f"={r}", rotate=[0, 90, 0],
                  node_id=f"{node_id}_at")

    def connector(node_id: str, sign: str) -> Node:
        return at(box(node_id, f"={_SEG}", f"={leaf_y} + 0.01", "=thickness"), y=f"={sign}{leaf_y} / 2",
                  node_id=f"{node_id}_at")

    leaf_a = Node("union", id="leaf_a", children=[
        at(box("leaf_a_plate", "=length", f"=leaf_width - {leaf_y}", "=thickness"),
           y=f"=-(leaf_width + {leaf_y}) / 2", node_id="leaf_a_plate_at"),
        _knuckles("leaf_a_knuckles", "(knuckles + 1) / 2", [knuckle("knuckle_a"), connector("connector_a", "-")]),
        at(cylinder("hinge_pin", pin, "=length - 0.02", COARSE, center=True), z=f"={r}", rotate=[0, 90, 0],
           node_id="hinge_pin_at"),
    ])
    leaf_b = Node("difference", id="leaf_b", children=[
        Node("union", id="leaf_b_solid", children=[
            at(box("leaf_b_plate", "=length", f"=leaf_width - {leaf_y}", "=thickness"),
               y=f"=(leaf_width + {leaf_y}) / 2", node_id="leaf_b_plate_at"),
            _knuckles("leaf_b_knuckles", "(knuckles - 1) / 2", [knuckle("knuckle_b"), connector("connector_b", "")]),
        ]),
        at(cylinder("hinge_bore", f"{pin} + 2 * clearance", "=length", COARSE, center=True), z=f"={r}",
           rotate=[0, 90, 0], node_id="hinge_bore_at"),
    ])
    return Node("group", id="root", name="Model", children=[leaf_a, leaf_b])


register(TemplateSpec(
    id="hinge", title="Print-in-place hinge", title_pt="Dobradiça impressa montada", category="mechanical",
    local_edit=LocalEdit("clearance"),
    description="A hinge printed in one go, its pin inside the knuckles: two leaves that turn without assembly.",
    description_pt="Uma dobradiça impressa de uma vez, com o pino dentro dos nós: duas abas que giram sem montagem.",
    params=_hinge_params, build=_hinge_build,
    extent=by_values(lambda v: Extent(f(v, "length"), 2 * f(v, "leaf_width"), f(v, "knuckle_diameter"), bodies=2)),
    synonyms_en=("hinge", "print-in-place hinge", "print in place hinge", "butt hinge", "door hinge", "living hinge"),
    synonyms_pt=("dobradiça", "dobradiça impressa", "dobradiça montada", "charneira"),
    roles={"length": "length", "size": "length", "width": "leaf_width", "thickness": "thickness",
           "diameter": "knuckle_diameter", "count": "knuckles", "clearance": "clearance"},
    checks=(
        Check("knuckles % 2 == 1", "A hinge needs an odd number of knuckles (3, 5, 7...).",
              pt="Uma dobradiça precisa de um número ímpar de nós (3, 5, 7...)."),
        Check(f"{_SEG} >= 3", "The knuckles are shorter than 3 mm: use fewer or a longer hinge.",
              pt="Os nós ficam com menos de 3 mm: use menos nós ou uma dobradiça mais comprida."),
        Check("thickness <= knuckle_diameter and knuckle_diameter / 2 + 2 * clearance <= knuckle_diameter - 1.6",
              "The leaves must be no thicker than the knuckles, and the knuckles wide enough around the pin.",
              pt="As abas não podem ser mais grossas que os nós, e os nós precisam ser largos o bastante em volta "
                 "do pino."),
        Check("leaf_width >= knuckle_diameter / 2 + clearance + 4", "The leaves are too narrow for the knuckles.",
              pt="As abas são estreitas demais para os nós."),
    ),
    tags=("mechanical", "hinge"),
))

BARBS = 3
# Points around the thread section; the extrusion turns by one point per slice, so the flanks are true helices
# between slices (turning further per slice leaves ruled slivers 0.02 mm thin).
THREAD_POINTS = 32


def _hose_params() -> list[Parameter]:
    return [
        length("diameter_a", 12, 4, 60, "End A diameter", "Outside diameter of the bottom spigot (the hose's inside).",
               0.1, pt="Diâmetro da ponta A"),
        length("diameter_b", 8, 4, 60, "End B diameter", "Outside diameter of the top spigot.", 0.1,
               pt="Diâmetro da ponta B"),
        length("length_a", 20, 8, 60, "End A length", "Length of the bottom spigot.", pt="Comprimento da ponta A"),
        length("length_b", 20, 8, 60, "End B length", "Length of the top spigot.", pt="Comprimento da ponta B"),
        wall(value=1.6, hi=6),
        flag("barbs", True, "Barbs", "Barbs that keep the hoses from slipping off.", pt="Farpas"),
        length("barb_height", 0.8, 0.4, 2, "Barb height", "How far each barb stands out.", 0.1, pt="Altura da farpa"),
    ]


_CONE = "(abs(diameter_a - diameter_b) / 2 + 2)"


def _teeth(r: str, z0: str, span: str, rising: bool) -> list[list[object]]:
    """Outline points of BARBS sawtooth barbs on a spigot of radius r over z0..z0+span (1 mm plain at each
    end): each a ramp the hose slides over and a step that holds it, the step towards the cone."""
    height = "(barb_height if barbs else 0)"
    pts: list[list[object]] = []
    for k in range(BARBS):
        a = f"{z0} + 1 + ({span} - 2) * {k / BARBS:.6f}"
        b = f"{z0} + 1 + ({span} - 2) * {(k + 1) / BARBS:.6f}"
        if rising:  # bottom spigot: the hose comes from below, up the ramp, and the step faces up
            pts += [[f"={r}", f"={a}"], [f"={r} + {height}", f"={b}"], [f"={r}", f"={b}"]]
        else:  # top spigot: the hose comes from above
            pts += [[f"={r}", f"={a}"], [f"={r} + {height}", f"={a}"], [f"={r}", f"={b}"]]
    return pts


def _hose_build() -> Node:
    """The wall, barbs included, is one revolved outline: up the outside and its barbs, down the bore. (Unioning
    separate barb rings onto the spigots cost 20× more than revolving them in place, and cutting the bore from
    the revolved body was one boolean more.)"""
    ra, rb, la, lb = "diameter_a / 2", "diameter_b / 2", "length_a", "length_b"
    cone_top = f"{la} + {_CONE}"
    top = f"{cone_top} + {lb}"
    outline: list[list[object]] = [
        [f"={ra} - wall", 0], [f"={ra}", 0], *_teeth(ra, "0", la, True), [f"={ra}", f"={la}"],
        [f"={rb}", f"={cone_top}"], *_teeth(rb, cone_top, lb, False), [f"={rb}", f"={top}"],
        [f"={rb} - wall", f"={top}"], [f"={rb} - wall", f"={cone_top}"], [f"={ra} - wall", f"={la}"],
    ]
    return Node("revolve", {"profile": outline}, id="root", name="Model")


def _hose_extent(v: Mapping[str, Number]) -> Extent:
    d = max(f(v, "diameter_a"), f(v, "diameter_b")) + (2 * f(v, "barb_height") if v["barbs"] else 0)
    cone = abs(f(v, "diameter_a") - f(v, "diameter_b")) / 2 + 2
    return Extent(d, d, f(v, "length_a") + cone + f(v, "length_b"))


register(TemplateSpec(
    id="hose_adapter", title="Hose adapter", title_pt="Adaptador de mangueira", category="mechanical",
    local_edit=LocalEdit("barb_height"),
    description="A step-down adapter joining two hoses or tubes of different sizes, with barbs.",
    description_pt="Um adaptador de redução que une duas mangueiras ou tubos de tamanhos diferentes, com farpas.",
    params=_hose_params, build=_hose_build, extent=by_values(_hose_extent),
    synonyms_en=("hose adapter", "tube adapter", "hose reducer", "barbed fitting", "hose barb", "step-down adapter",
                 "hose connector", "tubing adapter", "vacuum hose adapter"),
    synonyms_pt=("adaptador de mangueira", "redução de mangueira", "conector de mangueira", "espigão",
                 "adaptador de tubo", "emenda de mangueira"),
    roles={"diameter": "diameter_a", "top_diameter": "diameter_b", "bottom_diameter": "diameter_a",
           "size": "diameter_a", "length": "length_a", "wall": "wall", "height": "length_a"},
    features={"barbs": Feature("barbs", 1, 0, ("barbs", "barbed"), ("farpas", "com farpas"))},
    checks=(
        Check("2 * wall + 2 <= min(diameter_a, diameter_b)", "The walls leave no bore through the smaller end.",
              pt="As paredes não deixam passagem na ponta menor."),
    ),
    tags=("mechanical", "garden", "workshop"),
))

# (name, T: thread outside diameter mm, pitch mm, thread depth mm). GPI 400 finishes: T from the GPI/SPI
# finish tables (nominal), 6 threads per inch; Mason jars: ~70 and ~86 mm threads, 1/4" pitch.
FINISHES = (
    ("38-400", 37.9, 4.233, 1.2), ("48-400", 47.6, 4.233, 1.2), ("53-400", 52.8, 4.233, 1.2),
    ("63-400", 62.6, 4.233, 1.2), ("70-400", 69.7, 4.233, 1.2), ("89-400", 88.6, 4.233, 1.2),
    ("Mason regular", 70.0, 6.35, 1.5), ("Mason wide", 86.0, 6.35, 1.5),
)
ISO = len(FINISHES)


def _table(column: int, custom: str) -> str:
    expr = custom
    for index in reversed(range(ISO)):
        expr = f"{FINISHES[index][column]:g} if finish == {index} else ({expr})"
    return expr


def _lid_params() -> list[Parameter]:
    return [
        choice("finish", [name for name, *_ in FINISHES] + ["ISO metric"], "Thread", "The jar's or bottle's thread: "
               "a GPI finish, a Mason jar mouth, or ISO metric (thread diameter and pitch).", value=6, pt="Rosca"),
        length("thread_diameter", 30, 8, 120, "Thread diameter", "ISO metric: the outside diameter of the thread the "
               "lid screws onto.", 0.1, pt="Diâmetro da rosca"),
        length("pitch", 2, 0.75, 6, "Pitch", "ISO metric: distance between threads.", 0.05, pt="Passo"),
        length("lid_clearance", 0.4, 0.1, 1.0, "Lid clearance", "Play between the lid's thread and the jar's: more if "
               "the lid is too tight, less if it is loose.", 0.05, pt="Folga da tampa"),
        length("height", 12, 6, 30, "Skirt height", "Height of the threaded skirt.", pt="Altura da saia"),
        length("top", 2, 1.2, 6, "Top thickness", "Thickness of the lid's top.", 0.2, pt="Espessura do topo"),
        wall(value=2.0, hi=6),
        integer("ridges", 24, 0, 60, "Grip ridges", "Ridges around the outside for grip (0 = smooth).",
                pt="Estrias"),
        Parameter("thread_major", 70, unit="mm", min=0, max=200, expr=_table(1, "thread_diameter"),
                  label="Jar thread diameter", label_pt="Diâmetro da rosca do pote",
                  description="Computed: the outside diameter of the jar's thread for the chosen finish."),
        Parameter("thread_pitch", 6.35, unit="mm", min=0, max=10, expr=_table(2, "pitch"),
                  label="Thread pitch", label_pt="Passo da rosca",
                  description="Computed: the pitch of the chosen finish."),
        Parameter("thread_depth", 1.5, unit="mm", min=0, max=5, expr=_table(3, "pitch * 0.541"),
                  label="Thread depth", label_pt="Profundidade da rosca",
                  description="Computed: how deep the chosen finish's thread is."),
    ]


_OD = "(thread_major + 2 * (lid_clearance + wall))"


def _lid_build() -> Node:
    """The lid as one stack of layers (core/geometry/loft.py): the top, then the skirt with the thread's section
    bored through it and turning 360° per pitch, meshed at once. The grip ridges stop 1 mm short of the skirt's
    rim, so the last millimetre is a layer of its own, its bore starting where the skirt's stopped. Cutting the
    twisted thread from the ridged body was one boolean of ~20 ms for every edit."""
    void_r = "(thread_major / 2 - thread_depth + lid_clearance)"
    section = thread_section(void_r, "thread_depth", THREAD_POINTS)
    ridges = {"kind": "polar", "count": "=ridges", "radius": f"={_OD} / 2",
              "shape": {"kind": "circle", "r": 1, "segments": 12}}
    gripped = {"kind": "union", "shapes": [{"kind": "circle", "r": f"={_OD} / 2"}, ridges]}
    skirt_twist = "360 * (height - 1) / thread_pitch"
    rim_twist = "360 / thread_pitch"

    def bore(start: str, twist: str) -> dict[str, object]:
        return {"shape": section, "start": f"={start}", "twist": f"={twist}",
                "slices": f"=ceil({twist} / {360 / THREAD_POINTS:g})"}

    return Node("extrude", {"layers": [
        {"shape": gripped, "height": "=top"},
        {"shape": gripped, "height": "=height - 1", "bore": bore("0", skirt_twist)},
        {"shape": {"kind": "circle", "r": f"={_OD} / 2"}, "height": 1, "bore": bore(skirt_twist, rim_twist)},
    ]}, id="root", name="Lid")


def _lid_extent(v: Mapping[str, Number]) -> Extent:
    finish = int(v["finish"])
    major = FINISHES[finish][1] if finish < ISO else f(v, "thread_diameter")
    od = major + 2 * (f(v, "lid_clearance") + f(v, "wall")) + (2 if v["ridges"] else 0)
    return Extent(od, od, f(v, "top") + f(v, "height"), exact=int(v["ridges"]) % 4 == 0)


register(TemplateSpec(
    id="jar_lid", title="Jar lid", title_pt="Tampa de pote", category="kitchen",
    local_edit=LocalEdit("ridges"),
    description="A screw-on lid with a real thread for Mason jars, GPI 400 bottles and jars, or ISO metric threads.",
    description_pt="Uma tampa de rosca de verdade para potes Mason, frascos e garrafas GPI 400 ou roscas métricas "
                   "ISO.",
    params=_lid_params, build=_lid_build, extent=by_values(_lid_extent),
    synonyms_en=("jar lid", "mason jar lid", "bottle cap", "screw lid", "screw cap", "threaded lid", "lid for a jar",
                 "replacement lid", "cap"),
    synonyms_pt=("tampa de pote", "tampa de rosca", "tampa para pote", "tampa de vidro", "tampa de garrafa",
                 "tampinha de garrafa", "tampa mason"),
    roles={"diameter": "thread_diameter", "size": "thread_diameter", "height": "height", "wall": "wall",
           "clearance": "lid_clearance", "lid_clearance": "lid_clearance", "thickness": "top", "count": "ridges"},
    features={
        "mason_regular": Feature("finish", 6, 6, ("mason jar", "regular mouth"), ("pote mason", "boca normal")),
        "mason_wide": Feature("finish", 7, 6, ("wide mouth", "wide-mouth"), ("boca larga",)),
        "metric": Feature("finish", ISO, 6, ("metric thread", "iso thread"), ("rosca métrica",)),
        "ridges": Feature("ridges", 24, 0, ("grip", "knurled", "ridges"), ("estrias", "serrilhado")),
        # "a cap for a 63-400 bottle": each GPI finish by its printed name (the assistant reads the number)
        **{f"gpi_{name[:2]}": Feature("finish", i, 6, (name,), (name,))
           for i, (name, *_) in enumerate(FINISHES) if name.endswith("-400")},
    },
    checks=(
        Check("thread_depth <= thread_pitch * 0.6", "The thread is deeper than 0.6 of its pitch.",
              pt="A rosca é mais funda que 0.6 do passo."),
        Check("finish != 8 or thread_diameter >= 4 * pitch", "The pitch is too coarse for that thread diameter.",
              pt="O passo é grosso demais para esse diâmetro de rosca."),
    ),
    tags=("kitchen", "thread", "lid"),
))
