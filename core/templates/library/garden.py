"""A self-watering planter: a water reservoir, a pot that hangs in it, and a wick basket.

The pot's top flares out at 45° to the reservoir's outside diameter and rests on its rim; its floor has a
hole the wick basket drops into (the basket's collar sits on the floor around it, the basket reaches down
to 2 mm above the reservoir's floor, so soil in it wicks water up). A notch in the reservoir's rim is
where the water goes in. Three parts on the plate, each printable without supports: the reservoir and
the pot upright (the flare is 45°), the basket upside down on its collar (its closed end a short bridge).

With D = diameter, Hr = reservoir height, Hp = pot height, flare f = wall + FIT: the pot hangs Hp − f into
the reservoir; the basket is Hr − (Hp − f) − wall − 2 long. The reservoir and the pot lie side by side, the basket in
front of them: box X = 2·D + 10, Y = D + 10 + wick + 6,
Z = max(Hr, Hp, basket + 2); three bodies.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import PLATE_GAP, at, box, by_values, f, flag, length, wall
from core.templates.registry import register

FIT = 1.0  # mm between the pot's straight side and the reservoir's inside
COLLAR = 2.0  # mm: the basket's collar thickness
_FLARE = f"(wall + {FIT})"
_RP = f"(diameter / 2 - {_FLARE})"  # the pot's outside radius below the flare
_BASKET = f"(reservoir_height - (pot_height - {_FLARE}) - wall - 2)"
_BASKET_W = "(wick_diameter + 6)"
_DEPTH = f"(diameter + {PLATE_GAP:g} + {_BASKET_W})"  # the plate's Y: the basket lies in front


def _params() -> list[Parameter]:
    return [
        length("diameter", 110, 60, 240, "Diameter", "Outside diameter of the reservoir (and the pot's rim).",
               pt="Diâmetro"),
        length("reservoir_height", 110, 40, 240, "Reservoir height", "Height of the water reservoir.",
               pt="Altura do reservatório"),
        length("pot_height", 80, 30, 240, "Pot height", "Height of the pot that holds the soil.",
               pt="Altura do vaso"),
        wall(value=2.0, hi=6),
        length("wick_diameter", 24, 12, 50, "Wick basket diameter", "Outside diameter of the wick basket.",
               pt="Diâmetro do cesto do pavio"),
        flag("fill_notch", True, "Fill notch", "A notch in the reservoir's rim to pour the water in.",
             pt="Entrada de água"),
    ]


def _reservoir() -> Node:
    cup = [[0, 0], ["=diameter / 2", 0], ["=diameter / 2", "=reservoir_height"],
           ["=diameter / 2 - wall", "=reservoir_height"], ["=diameter / 2 - wall", "=wall"], [0, "=wall"]]
    return Node("difference", id="reservoir", name="Base", children=[
        Node("revolve", {"profile": cup}, id="reservoir_cup"),
        at(box("reservoir_notch", 20, "=wall * 4", 16), y="=diameter / 2", z="=reservoir_height - 15",
           node_id="reservoir_notch_at", enabled="=fill_notch"),
    ])


def _pot() -> Node:
    top, bend = "pot_height", f"pot_height - {_FLARE}"
    # The wick hole is on the axis: the revolved profile starts at its radius (one revolve, no boolean).
    hole = "(wick_diameter + 0.4) / 2"
    profile = [[f"={hole}", 0], [f"={_RP}", 0], [f"={_RP}", f"={bend}"], ["=diameter / 2", f"={top}"],
               ["=diameter / 2 - wall * 1.42", f"={top}"], [f"={_RP} - wall", f"={bend}"],
               [f"={_RP} - wall", "=wall"], [f"={hole}", "=wall"]]
    return Node("revolve", {"profile": profile}, id="pot", name="Pot")


def _basket() -> Node:
    slots = Node("union", id="basket_slots", children=[
        at(box("basket_slot", "=wick_diameter + 2", 2, f"={_BASKET} - 10"), z=COLLAR + 4,
           node_id="basket_slot_at"),
        at(box("basket_slot_cross", 2, "=wick_diameter + 2", f"={_BASKET} - 10"), z=COLLAR + 4,
           node_id="basket_slot_cross_at"),
    ])
    # Collar, tube and bore are one revolved profile; only the slots are cut in 3D.
    length_ = f"{_BASKET} + {COLLAR}"
    profile = [["=wick_diameter / 2 - wall", 0], [f"={_BASKET_W} / 2", 0], [f"={_BASKET_W} / 2", COLLAR],
               ["=wick_diameter / 2", COLLAR], ["=wick_diameter / 2", f"={length_}"], [0, f"={length_}"],
               [0, f"={length_} - wall"], ["=wick_diameter / 2 - wall", f"={length_} - wall"]]
    return Node("difference", id="basket", name="Inside", children=[
        Node("revolve", {"profile": profile}, id="basket_solid"), slots,
    ])


def _build() -> Node:
    row_y = f"={_DEPTH} / 2 - diameter / 2"
    return Node("group", id="root", name="Plant pot", children=[
        at(_reservoir(), x=f"=-(diameter + {PLATE_GAP:g}) / 2", y=row_y, node_id="reservoir_at"),
        at(_pot(), x=f"=(diameter + {PLATE_GAP:g}) / 2", y=row_y, node_id="pot_at"),
        at(_basket(), y=f"=-{_DEPTH} / 2 + {_BASKET_W} / 2", node_id="basket_at"),
    ])


def _extent(v: Mapping[str, Number]) -> Extent:
    d, w = f(v, "diameter"), f(v, "wall")
    basket = f(v, "reservoir_height") - (f(v, "pot_height") - (w + FIT)) - w - 2
    y = d + PLATE_GAP + f(v, "wick_diameter") + 6
    return Extent(2 * d + PLATE_GAP, y, max(f(v, "reservoir_height"), f(v, "pot_height"), basket + COLLAR), bodies=3)


register(TemplateSpec(
    id="self_watering_planter", title="Self-watering planter", title_pt="Vaso autoirrigável", category="planters",
    local_edit=LocalEdit("wick_diameter"),
    description="A self-watering planter: a water reservoir, a pot that hangs in it and a wick basket that "
                "dips into the water.",
    description_pt="Um vaso autoirrigável: um reservatório de água, um vaso que fica pendurado nele e um cesto de "
                   "pavio que mergulha na água.",
    params=_params, build=_build, extent=by_values(_extent),
    synonyms_en=("self-watering planter", "self watering planter", "self-watering pot", "self watering pot",
                 "wicking planter", "planter with reservoir", "sub-irrigated planter"),
    synonyms_pt=("vaso autoirrigável", "vaso auto irrigável", "vaso com reservatório", "vaso autoirrigavel",
                 "vaso com pavio"),
    roles={"diameter": "diameter", "width": "diameter", "size": "diameter", "height": "reservoir_height",
           "wall": "wall", "hole_diameter": "wick_diameter"},
    features={"fill_notch": Feature("fill_notch", 1, 0, ("fill notch", "water inlet"), ("entrada de água",))},
    checks=(
        Check(f"{_BASKET} >= 15", "The pot reaches too deep into the reservoir for a wick basket: make the "
              "reservoir taller or the pot shorter.",
              pt="O vaso entra fundo demais no reservatório para o cesto do pavio: aumente o reservatório ou "
                 "diminua o vaso."),
        Check(f"wick_diameter + 6 <= 2 * ({_RP} - wall) - 10", "The wick basket is too wide for the pot's floor.",
              pt="O cesto do pavio é largo demais para o fundo do vaso."),
        Check("wick_diameter >= 2 * wall + 8", "The wick basket is too narrow for its walls.",
              pt="O cesto do pavio é estreito demais para as paredes."),
    ),
    tags=("garden", "planter"),
))
