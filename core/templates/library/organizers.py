"""Trays that sort things: drawer organizers and soap dishes.

drawer_organizer — a tray split into columns × rows equal cells by walls of the same thickness as
    the outside. Bounding box: width × depth × height.
soap_dish — a shallow dish with drain slots through the floor and ribs that keep the soap out of
    the water. Bounding box: width × depth × height.
"""

from __future__ import annotations

from core.document.nodes import Node
from core.document.parameters import Parameter
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import COARSE, by_values, f, flag, integer, length, wall
from core.templates.registry import register

_CELL_X = "((width - wall) / columns - wall)"
_CELL_Y = "((depth - wall) / rows - wall)"
_CELL_R = "min(max(corner_radius - wall, 0), 3)"


def _organizer_params() -> list[Parameter]:
    return [
        length("width", 150, 30, 400, "Width", "Outside size along X (measure your drawer).", pt="Largura"),
        length("depth", 100, 30, 400, "Depth", "Outside size along Y.", pt="Profundidade"),
        length("height", 40, 10, 150, "Height", "Outside height.", pt="Altura"),
        wall(value=1.6, hi=6),
        length("floor", 1.2, 0.8, 6, "Floor", "Thickness of the bottom.", 0.4, pt="Fundo"),
        integer("columns", 3, 1, 12, "Columns", "Cells along X.", pt="Colunas"),
        integer("rows", 2, 1, 12, "Rows", "Cells along Y.", pt="Linhas"),
        length("corner_radius", 2, 0, 20, "Corner radius", "Rounding of the outside vertical edges.",
               pt="Raio dos cantos"),
    ]


def _organizer_build() -> Node:
    """The floor, then the walls and dividers: two stacked layers drawn in 2D and meshed without a boolean. The
    cells' inside corners (3 mm at most) take as few facets as keep them 0.03 mm from the arc (π·√(r / 0.06) per
    circle, 8 to COARSE): a grid of 144 cells is thousands of corners."""
    outline = {"kind": "rect", "size": ["=width", "=depth"], "radius": "=corner_radius"}
    cell = {"kind": "rect", "size": [f"={_CELL_X}", f"={_CELL_Y}"], "radius": f"={_CELL_R}",
            "segments": f"=max(8, min({COARSE}, 4 * ceil(3.2 * sqrt({_CELL_R}))))"}
    cells = {"kind": "array", "shape": cell, "count": ["=columns", "=rows"],
             "spacing": ["=(width - wall) / columns", "=(depth - wall) / rows"]}
    return Node("extrude", {"layers": [{"shape": outline, "height": "=floor"},
                                       {"shape": {**outline, "holes": [cells]}, "height": "=height - floor"}]},
                id="root", name="Drawer organizer")


register(TemplateSpec(
    id="drawer_organizer", title="Drawer organizer", title_pt="Organizador de gaveta", category="containers",
    local_edit=LocalEdit("floor"),
    description="A tray divided into a grid of equal compartments, sized to a drawer.",
    description_pt="Uma bandeja dividida em compartimentos iguais, no tamanho da gaveta.",
    params=_organizer_params, build=_organizer_build,
    extent=by_values(lambda v: Extent(f(v, "width"), f(v, "depth"), f(v, "height"))),
    synonyms_en=("drawer organizer", "drawer divider", "compartment tray", "grid tray", "parts tray",
                 "something to sort screws in a drawer", "cutlery tray", "sorting tray"),
    synonyms_pt=("organizador de gaveta", "divisor de gaveta", "bandeja com divisórias", "porta-talheres",
                 "organizador de parafusos", "caixa organizadora"),
    roles={"width": "width", "depth": "depth", "height": "height", "length": "width", "size": "width,depth",
           "wall": "wall",
           "floor": "floor", "count": "columns", "corner_radius": "corner_radius"},
    features={
        "compartments": Feature("columns", 3, 1, ("compartments", "dividers", "sections"),
                                ("compartimentos", "divisórias")),
        "rounded": Feature("corner_radius", 4, 0, ("rounded corners", "rounded"), ("cantos arredondados",)),
    },
    checks=(
        Check(f"{_CELL_X} >= 8 and {_CELL_Y} >= 8",
              "The cells would be narrower than 8 mm; use fewer rows or columns.",
              pt="Os compartimentos ficariam com menos de 8 mm; use menos linhas ou colunas."),
        Check("floor <= height - 5", "The floor must be at least 5 mm below the rim.",
              pt="O fundo precisa ficar pelo menos 5 mm abaixo da borda."),
        Check("corner_radius < min(width, depth) / 2", "The corner radius must be less than half the tray.",
              pt="O raio dos cantos precisa ser menor que a metade da bandeja."),
    ),
    tags=("storage", "workshop", "kitchen"),
))

RIB = 1.6  # width of the ribs the soap rests on
RIB_HEIGHT = 2.0


def _soap_params() -> list[Parameter]:
    return [
        length("width", 110, 60, 200, "Width", "Outside size along X.", pt="Largura"),
        length("depth", 80, 40, 160, "Depth", "Outside size along Y.", pt="Profundidade"),
        length("height", 20, 8, 50, "Height", "Outside height, rim included.", pt="Altura"),
        wall(),
        length("floor", 2, 1.2, 6, "Floor", "Thickness of the bottom.", 0.4, pt="Fundo"),
        flag("drain_slots", True, "Drain slots", "Slots through the floor so water runs off.", pt="Fendas de drenagem"),
        integer("slots", 6, 1, 20, "Slots", "Number of drain slots (and ribs between them).", pt="Fendas"),
        length("corner_radius", 10, 0, 30, "Corner radius", "Rounding of the outside vertical edges.",
               pt="Raio dos cantos"),
    ]


def _soap_build() -> Node:
    """Three stacked layers drawn in 2D and meshed without a boolean: the floor with its drain slots (clipped to
    the inside, so a large corner radius does not slit the wall), the rim with the ribs standing on the floor, and
    the rim alone."""
    pitch = "(width - 2 * wall - 10) / slots"
    row = {"count": ["=slots", 1], "spacing": [f"={pitch}", 0]}
    slots = {"kind": "array", "shape": {"kind": "rect", "size": [f"=min(3, {pitch} - {RIB} - 1)",
                                                                 "=depth - 2 * wall - 10"]},
             **row, "count": ["=slots if drain_slots else 0", 1]}
    # One rib fewer than slots, centred the same way: each rib falls halfway between two slots.
    ribs = {"kind": "array", "shape": {"kind": "rect", "size": [RIB, "=depth - 2 * wall - 2"]},
            **row, "count": ["=slots - 1", 1]}
    outline = {"kind": "rect", "size": ["=width", "=depth"], "radius": "=corner_radius"}
    cavity = {"kind": "rect", "size": ["=width - 2 * wall", "=depth - 2 * wall"],
              "radius": "=max(corner_radius - wall, 0)"}
    rim = {**outline, "holes": [cavity]}
    return Node("extrude", {"layers": [
        {"shape": {**outline, "holes": [{"kind": "intersection", "shapes": [slots, cavity]}]}, "height": "=floor"},
        {"shape": {"kind": "union", "shapes": [rim, ribs]}, "height": RIB_HEIGHT},
        {"shape": rim, "height": f"=height - floor - {RIB_HEIGHT}"},
    ]}, id="root", name="Soap dish")


register(TemplateSpec(
    id="soap_dish", title="Soap dish", title_pt="Saboneteira", category="household",
    local_edit=LocalEdit("slots"),
    description="A soap dish with drain slots and ribs that keep the soap dry.",
    description_pt="Uma saboneteira com fendas de escoamento e nervuras que mantêm o sabonete seco.",
    params=_soap_params, build=_soap_build,
    extent=by_values(lambda v: Extent(f(v, "width"), f(v, "depth"), f(v, "height"))),
    synonyms_en=("soap dish", "soap holder", "soap tray", "sponge holder", "something for the soap"),
    synonyms_pt=("saboneteira", "porta-sabonete", "porta sabonete", "suporte de sabonete", "porta-esponja"),
    roles={"width": "width", "depth": "depth", "height": "height", "size": "width", "wall": "wall", "floor": "floor",
           "count": "slots", "corner_radius": "corner_radius"},
    features={
        "drain_slots": Feature("drain_slots", 1, 0, ("drain slots", "drainage", "drain holes"),
                               ("furos de drenagem", "drenagem", "ralo")),
        "rounded": Feature("corner_radius", 10, 0, ("rounded corners", "rounded"), ("cantos arredondados",)),
    },
    checks=(
        Check(f"(width - 2 * wall - 10) / slots >= {RIB} + 3", "Too many slots for this width; use fewer slots.",
              pt="Fendas demais para esta largura; use menos fendas."),
        Check(f"height >= floor + {RIB_HEIGHT} + 4", "The dish is too shallow for its ribs.",
              pt="A saboneteira é rasa demais para as nervuras."),
        Check("corner_radius < min(width, depth) / 2 - wall", "The corner radius is too large for the dish.",
              pt="O raio dos cantos é grande demais para a saboneteira."),
    ),
    tags=("bathroom", "kitchen"),
))
