"""Holders and small hardware for the workshop and the home.

bit_holder — a block with a grid of hexagonal sockets for 1/4" screwdriver bits (6.35 mm across flats)
    or hex keys, `gap` of material between them. With pitch = (bit + 0.3)/cos 30° + gap: box
    (cols·pitch + 4) × (rows·pitch + 4) × height.
sd_card_holder — a block with a row of SD slots (24 × 2.1 mm cards) and a row of microSD slots
    (11 × 1 mm). Box: max(SD·5, microSD·3.5) + 8 × 52 × height.
cable_comb — a comb for lacing cable bundles: round seats with snap-in throats and screw holes at the
    ends. Box: (n·(d + 3) + 2·END) × (d + 8) × thickness.
drawer_pull — a bar handle printed upside down (grip on the bed, posts up, pilot holes at the top), so it
    needs no supports. Box: length × max(grip width, post) × (grip + post height).
plant_label — a garden stake lying flat: a label with raised or engraved text over a pointed spike.
    Box: width × (label + stake) × (thickness + relief of raised text).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.geometry.font import CHARACTERS
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import (
    COARSE,
    at,
    box,
    by_values,
    choice,
    cylinder,
    f,
    integer,
    length,
)
from core.templates.registry import register


def _bits_params() -> list[Parameter]:
    return [
        integer("columns", 6, 1, 20, "Columns", "Sockets along X.", pt="Colunas"),
        integer("rows", 2, 1, 10, "Rows", "Sockets along Y.", pt="Fileiras"),
        length("bit_size", 6.35, 1.5, 20, "Bit size across flats", "Across-flats size of the bits or hex keys "
               "(1/4\" bits: 6.35 mm); the sockets are 0.3 mm larger.", 0.05, pt="Tamanho do bit"),
        length("gap", 2.6, 0.8, 20, "Wall between sockets", "Material left between neighbouring sockets.", 0.2,
               pt="Parede entre encaixes"),
        length("height", 15, 6, 60, "Height", "Height of the block.", pt="Altura"),
        length("floor", 5, 1.2, 30, "Floor", "Material under the sockets.", 0.2, pt="Fundo"),
    ]


_PITCH = "((bit_size + 0.3) / cos(30) + gap)"  # centre-to-centre distance of the sockets


def _bits_pitch(v: Mapping[str, Number]) -> float:
    return (f(v, "bit_size") + 0.3) / math.cos(math.radians(30)) + f(v, "gap")


def _bits_build() -> Node:
    hexagon = {"kind": "regular", "sides": 6, "r": "=(bit_size + 0.3) / 2 / cos(30)", "start_angle": 0}
    block = {"kind": "rect", "size": [f"=columns * {_PITCH} + 4", f"=rows * {_PITCH} + 4"], "radius": 2}
    sockets = {"kind": "array", "shape": hexagon, "count": ["=columns", "=rows"], "spacing": [f"={_PITCH}"] * 2}
    # The floor, then the block with its grid of sockets: two stacked layers meshed without a boolean.
    return Node("extrude", {"layers": [{"shape": block, "height": "=floor"},
                                       {"shape": {**block, "holes": [sockets]}, "height": "=height - floor"}]},
                id="root", name="Model")


register(TemplateSpec(
    id="bit_holder", title="Bit / hex key holder", title_pt="Suporte de bits / chaves allen", category="workshop",
    local_edit=LocalEdit("floor"),
    description="A block with a grid of hexagonal sockets for screwdriver bits or hex keys.",
    description_pt="Um bloco com uma grade de encaixes sextavados para bits de parafusadeira ou chaves allen.",
    params=_bits_params, build=_bits_build,
    extent=by_values(lambda v: Extent(f(v, "columns") * _bits_pitch(v) + 4, f(v, "rows") * _bits_pitch(v) + 4,
                                      f(v, "height"))),
    synonyms_en=("bit holder", "screwdriver bit holder", "hex key holder", "allen key holder", "bit organizer",
                 "hex bit holder", "driver bit holder", "bit rack"),
    synonyms_pt=("suporte de bits", "porta bits", "suporte para chaves allen", "organizador de bits",
                 "suporte de pontas", "porta chave allen"),
    roles={"count": "columns", "width": "columns", "height": "height", "size": "bit_size",
           "hole_diameter": "bit_size", "floor": "floor", "wall": "gap"},
    checks=(
        Check("floor <= height - 3", "The sockets must be at least 3 mm deep; lower the floor or raise the block.",
              pt="Os encaixes precisam ter pelo menos 3 mm de profundidade; diminua o fundo ou aumente o bloco."),
    ),
    tags=("workshop", "organizer"),
))

SD = (24.6, 2.6)  # an SD card (24 × 2.1 mm) with play
MICRO = (11.6, 1.4)  # a microSD card (11 × 1 mm) with play
SD_PITCH, MICRO_PITCH = 5.0, 3.5
_SD_W = f"(max(sd_slots * {SD_PITCH}, microsd_slots * {MICRO_PITCH}) + 8)"
_SD_D = 52.0


def _sd_params() -> list[Parameter]:
    return [
        integer("sd_slots", 6, 0, 40, "SD slots", "Slots for full-size SD cards.", pt="Fendas SD"),
        integer("microsd_slots", 8, 0, 60, "microSD slots", "Slots for microSD cards.", pt="Fendas microSD"),
        length("height", 22, 12, 40, "Height", "Height of the block.", pt="Altura"),
        length("sd_depth", 15, 8, 30, "SD slot depth", "How deep the SD cards sit (they are 32 mm tall).",
               pt="Profundidade da fenda SD"),
    ]


def _sd_build() -> Node:
    sd = Node("linear_array", {"count": ["=sd_slots", 1, 1], "spacing": [SD_PITCH, 0, 0]}, [
        at(box("sd_slot", SD[1], SD[0], "=sd_depth + 1"), z="=height - sd_depth", node_id="sd_slot_at")],
        id="sd_row", enabled="=sd_slots > 0")
    micro = Node("linear_array", {"count": ["=microsd_slots", 1, 1], "spacing": [MICRO_PITCH, 0, 0]}, [
        at(box("microsd_slot", MICRO[1], MICRO[0], 9), z="=height - 8", node_id="microsd_slot_at")],
        id="microsd_row", enabled="=microsd_slots > 0")
    return Node("difference", id="root", name="Model", children=[
        box("sd_block", f"={_SD_W}", _SD_D, "=height", 2),
        at(sd, y=_SD_D / 2 - 3 - SD[0] / 2, node_id="sd_row_at"),
        at(micro, y=-_SD_D / 2 + 3 + MICRO[0] / 2, node_id="microsd_row_at"),
    ])


register(TemplateSpec(
    id="sd_card_holder", title="SD card holder", title_pt="Porta cartões SD", category="organizers",
    local_edit=LocalEdit("sd_depth"),
    description="A block with slots for SD and microSD cards.",
    description_pt="Um bloco com fendas para cartões SD e microSD.",
    params=_sd_params, build=_sd_build,
    extent=by_values(lambda v: Extent(max(f(v, "sd_slots") * SD_PITCH, f(v, "microsd_slots") * MICRO_PITCH) + 8,
                                      _SD_D, f(v, "height"))),
    synonyms_en=("sd card holder", "microsd holder", "micro sd card holder", "memory card holder", "sd card organizer",
                 "card holder for sd cards", "sd holder"),
    synonyms_pt=("porta cartões sd", "suporte de cartão sd", "porta micro sd", "organizador de cartões de memória",
                 "porta cartão de memória"),
    roles={"count": "sd_slots", "height": "height", "size": "sd_slots", "depth": "sd_depth"},
    features={"microsd": Feature("microsd_slots", 8, 0, ("microsd", "micro sd"), ("microsd", "micro sd"))},
    checks=(
        Check("sd_slots + microsd_slots >= 1", "The holder needs at least one slot.",
              pt="O porta cartões precisa de pelo menos uma fenda."),
        Check("sd_depth <= height - 1.2 and height >= 10", "The SD slots must leave a 1.2 mm floor.",
              pt="As fendas SD precisam deixar um fundo de 1.2 mm."),
    ),
    tags=("organizer", "electronics"),
))

COMB_END = 8.0  # mm at each end holding a screw hole


def _comb_params() -> list[Parameter]:
    return [
        integer("cable_count", 6, 1, 30, "Cables", "How many cables the comb holds.", pt="Cabos"),
        length("cable_diameter", 6, 2, 20, "Cable diameter", "Diameter of each cable.", 0.1, pt="Diâmetro do cabo"),
        length("thickness", 5, 2, 20, "Thickness", "Thickness of the comb.", 0.2, pt="Espessura"),
        length("hole_diameter", 0, 0, 5, "Screw holes", "Screw holes at both ends (0 = none).", 0.1,
               pt="Furos para parafuso"),
    ]


def _comb_build() -> Node:
    """The comb is a prism: its outline with the seats and screw holes cut in 2D, extruded once (cutting the
    same seats from a 3D body took a manifold3d boolean of ~10 ms for six cables)."""
    pitch = "(cable_diameter + 3)"
    seat = {"kind": "union", "shapes": [
        {"kind": "circle", "r": "=cable_diameter / 2", "segments": COARSE},
        {"kind": "rect", "size": ["=cable_diameter * 0.75", "=cable_diameter"],
         "translate": [0, "=cable_diameter / 2"]},
    ]}
    seats = {"kind": "array", "shape": seat, "count": ["=cable_count", 1], "spacing": [f"={pitch}", 0],
             "translate": [0, 1]}
    screws = {"kind": "array", "shape": {"kind": "circle", "r": "=max(hole_diameter, 0.1) / 2", "segments": COARSE},
              "count": ["=2 if hole_diameter > 0 else 0", 1], "spacing": [f"=cable_count * {pitch} + {COMB_END}", 0]}
    outline = {"kind": "rect", "size": [f"=cable_count * {pitch} + {2 * COMB_END}", "=cable_diameter + 8"],
               "radius": 1.5, "holes": [seats, screws]}
    return Node("extrude", {"shape": outline, "height": "=thickness"}, id="root", name="Model")


register(TemplateSpec(
    id="cable_comb", title="Cable comb", title_pt="Pente de cabos", category="organizers",
    local_edit=LocalEdit("hole_diameter", {"hole_diameter": 3}),
    description="A cable comb that keeps a bundle of cables parallel; the cables snap into their seats.",
    description_pt="Um pente que mantém um feixe de cabos alinhado; os cabos encaixam nos assentos.",
    params=_comb_params, build=_comb_build,
    extent=by_values(lambda v: Extent(f(v, "cable_count") * (f(v, "cable_diameter") + 3) + 2 * COMB_END,
                                      f(v, "cable_diameter") + 8, f(v, "thickness"))),
    synonyms_en=("cable comb", "cable organizer", "wire comb", "cable management comb", "cable guide",
                 "cable lacing comb", "wire organizer"),
    synonyms_pt=("pente de cabos", "organizador de cabos", "pente para fios", "guia de cabos", "organizador de fios"),
    roles={"count": "cable_count", "diameter": "cable_diameter", "hole_diameter": "hole_diameter",
           "thickness": "thickness", "height": "thickness", "size": "cable_diameter"},
    features={"screw_holes": Feature("hole_diameter", 3.4, 0, ("screw holes", "mounting holes"),
                                     ("furos para parafuso", "furos de fixação"))},
    checks=(Check(f"hole_diameter <= {COMB_END} - 2.4", "The screw holes are too large for the comb's ends.",
                  pt="Os furos para parafuso são grandes demais para as pontas do pente."),),
    tags=("organizer", "cable"),
))


def _pull_params() -> list[Parameter]:
    return [
        length("center_distance", 96, 32, 256, "Hole spacing", "Distance between the screw holes (64, 96 and 128 "
               "mm are common).", pt="Distância entre furos"),
        length("length", 116, 40, 280, "Length", "Overall length of the grip.", pt="Comprimento"),
        length("grip_width", 12, 8, 40, "Grip width", "Width of the grip bar.", pt="Largura da pega"),
        length("grip_thickness", 8, 4, 30, "Grip thickness", "Thickness of the grip bar.", pt="Espessura da pega"),
        length("post_height", 25, 10, 60, "Projection", "How far the grip stands off the door (post height).",
               pt="Altura das colunas"),
        length("post_diameter", 12, 8, 30, "Post diameter", "Diameter of the two posts.", pt="Diâmetro das colunas"),
        length("hole_diameter", 3.3, 2, 6, "Pilot hole", "Pilot hole for the screw (M4 machine screw: 3.3 mm).", 0.1,
               pt="Furo guia"),
    ]


def _pull_build() -> Node:
    top = "grip_thickness + post_height"
    return Node("difference", id="root", name="Model", children=[
        Node("union", id="pull_body", children=[
            box("pull_grip", "=length", "=grip_width", "=grip_thickness", "=grip_width / 2 - 0.01"),
            Node("linear_array", {"count": [2, 1, 1], "spacing": ["=center_distance", 0, 0]}, [
                at(cylinder("pull_post", "post_diameter", "=post_height + 0.01"), z="=grip_thickness - 0.01",
                   node_id="pull_post_at")], id="pull_posts"),
        ]),
        Node("linear_array", {"count": [2, 1, 1], "spacing": ["=center_distance", 0, 0]}, [
            at(cylinder("pull_pilot", "hole_diameter", "=min(15, post_height) + 1", COARSE),
               z=f"={top} - min(15, post_height)", node_id="pull_pilot_at")], id="pull_pilots", name="Screw holes"),
    ])


register(TemplateSpec(
    id="drawer_pull", title="Drawer pull / cabinet handle", title_pt="Puxador de gaveta", category="home",
    local_edit=LocalEdit("hole_diameter"),
    description="A bar handle for drawers and cabinet doors, with pilot holes for two screws at standard spacing.",
    description_pt="Um puxador de barra para gavetas e portas de armário, com furos guia para dois parafusos na "
                   "distância padrão.",
    params=_pull_params, build=_pull_build,
    extent=by_values(lambda v: Extent(f(v, "length"), max(f(v, "grip_width"), f(v, "post_diameter")),
                                      f(v, "grip_thickness") + f(v, "post_height"))),
    synonyms_en=("drawer pull", "cabinet handle", "drawer handle", "cupboard handle", "door pull", "bar handle",
                 "pull handle", "handle"),
    synonyms_pt=("puxador de gaveta", "puxador", "puxador de armário", "alça de gaveta", "puxador de porta"),
    roles={"length": "length", "width": "length", "size": "length", "height": "post_height",
           "hole_diameter": "hole_diameter", "diameter": "post_diameter", "thickness": "grip_thickness"},
    checks=(
        Check("center_distance + post_diameter <= length", "The posts stick out past the ends of the grip.",
              pt="As colunas passam das pontas da pega."),
        Check("hole_diameter <= post_diameter - 3.2", "The pilot hole is too large for the posts.",
              pt="O furo guia é grande demais para as colunas."),
    ),
    tags=("home", "hardware"),
))


def _label_params() -> list[Parameter]:
    return [
        Parameter("text", "Basil", unit="", kind="text", min=1, max=16, charset=CHARACTERS, label="Text",
                  description="What the label says.", label_pt="Texto"),
        length("text_height", 8, 5.5, 25, "Letter height",
               "Height of the capital letters (at least 5.5 mm, so strokes stay 0.8 mm wide).", pt="Altura das letras"),
        length("width", 60, 20, 150, "Label width", "Width of the label.", pt="Largura da etiqueta"),
        length("label_height", 20, 10, 60, "Label height", "Height of the label above the stake.",
               pt="Altura da etiqueta"),
        length("stake_length", 100, 30, 200, "Stake length", "Length of the pointed stake.", pt="Comprimento da haste"),
        length("thickness", 2.4, 1.6, 6, "Thickness", "Thickness of the label.", 0.2, pt="Espessura"),
        choice("style", ["raised", "engraved"], "Text style", "Letters standing up from the label or cut into it.",
               pt="Estilo do texto"),
        length("relief", 0.8, 0.4, 3, "Relief", "How far raised letters stand up, or how deep engraved ones are cut.",
               0.2, pt="Relevo"),
    ]


def _label_build() -> Node:
    total = "(label_height + stake_length)"
    label_y = f"={total} / 2 - label_height / 2"
    stake = {"kind": "polygon", "points": [[-5, 0.01], [5, 0.01], [5, "=-stake_length + 10"], [0, "=-stake_length"],
                                            [-5, "=-stake_length + 10"]]}
    text = {"kind": "text", "text": "=text", "size": "=text_height"}
    return Node("union", id="root", name="Tag", children=[
        Node("difference", id="label_plate", children=[
            Node("union", id="label_body", children=[
                at(box("label_face", "=width", "=label_height", "=thickness", 2), y=label_y, node_id="label_face_at"),
                at(Node("extrude", {"shape": stake, "height": "=thickness"}, id="label_stake"),
                   y=f"={total} / 2 - label_height", node_id="label_stake_at"),
            ]),
            at(Node("extrude", {"shape": text, "height": "=relief + 1"}, id="label_engraving"), y=label_y,
               z="=thickness - relief", node_id="label_engraving_at", enabled="=style == 1"),
        ]),
        at(Node("extrude", {"shape": text, "height": "=relief + 0.01"}, id="label_letters", name="Text"), y=label_y,
           z="=thickness - 0.01", node_id="label_letters_at", enabled="=style == 0"),
    ])


def _label_extent(v: Mapping[str, Number]) -> Extent:
    return Extent(f(v, "width"), f(v, "label_height") + f(v, "stake_length"),
                  f(v, "thickness") + (f(v, "relief") if v["style"] == 0 else 0))


register(TemplateSpec(
    id="plant_label", title="Plant label", title_pt="Etiqueta de planta", category="garden",
    local_edit=LocalEdit("stake_length"),
    description="A garden stake with the plant's name in raised or engraved letters, printed flat.",
    description_pt="Uma estaca de jardim com o nome da planta em letras em relevo ou gravadas, impressa deitada.",
    params=_label_params, build=_label_build, extent=by_values(_label_extent),
    synonyms_en=("plant label", "plant marker", "garden marker", "plant tag", "garden stake", "seedling label",
                 "herb marker"),
    synonyms_pt=("etiqueta de planta", "placa de planta", "marcador de jardim", "plaquinha de horta",
                 "identificador de planta", "estaca de jardim"),
    roles={"text": "text", "width": "width", "size": "width", "length": "stake_length", "height": "label_height",
           "thickness": "thickness"},
    features={"engraved": Feature("style", 1, 0, ("engraved", "carved"), ("gravado", "baixo relevo")),
              "raised": Feature("style", 0, 1, ("raised", "embossed"), ("em relevo", "alto relevo"))},
    checks=(
        Check("(6 * len(text) - 1) * text_height / 7 <= width - 4", "The text is wider than the label; use fewer or "
              "smaller letters or a wider label.",
              pt="O texto é mais largo que a etiqueta; use menos letras, letras menores ou uma etiqueta mais larga."),
        Check("text_height <= label_height - 4", "The letters are taller than the label.",
              pt="As letras são mais altas que a etiqueta."),
        Check("style == 0 or relief <= thickness - 0.8", "Engraving must leave at least 0.8 mm of label.",
              pt="A gravação precisa deixar pelo menos 0.8 mm de etiqueta."),
        Check("width >= 12", "The label must be wider than its stake.", pt="A etiqueta precisa ser mais larga que a "
              "haste."),
    ),
    tags=("garden", "text"),
))
