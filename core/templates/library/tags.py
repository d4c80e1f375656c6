"""Name tags and keychains.

name_tag — a plate sized to its text, with raised or engraved letters and an optional key-ring
    hole. The text is the text parameter "text" (kind "text": at most MAX_TEXT characters the font
    can draw), so a SetParameters({"text": "Bob"}) edits it like any other value and it shows in
    --json, the 3MF document and the Parameters panel; the plate follows, its width computed from
    the text.

    The plate and the letters are two extrusions of the same text spec (its "plate" and "letters"
    layers, see core/geometry/font.py): raised letters stand on the plate from 0.01 mm inside it (one
    union without coplanar faces), engraved ones are cut `depth` into it (one difference).

    With n characters and W = (6n − 1)·text_height/7: bounding box X = W + 2·margin (+ ring +
    ring_wall with the ring), Y = max(text_height + 2·margin, ring + 2·ring_wall if ring),
    Z = thickness (+ relief when raised). Lower case and accents print as typed ("João").
"""

from __future__ import annotations

from collections.abc import Mapping

from core.document.expressions import Number
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.geometry.font import CHARACTERS, normalise, text_width
from core.templates.base import Check, Extent, Feature, LocalEdit, TemplateSpec
from core.templates.library._kit import at, by_values, choice, f, flag, length
from core.templates.registry import register

DEFAULT_TEXT = "Name"
MAX_TEXT = 32
MAX_PLATE = 250.0  # mm of lettering plus margins: longer would not fit common beds


def _tag_params() -> list[Parameter]:
    return [
        Parameter("text", DEFAULT_TEXT, unit="", kind="text", min=1, max=MAX_TEXT, charset=CHARACTERS, label="Text",
                  description="What the tag says.", label_pt="Texto"),
        length("text_height", 8, 5.5, 40, "Letter height",
               "Height of the capital letters (at least 5.5 mm, so strokes stay 0.8 mm wide).",
               pt="Altura das letras"),
        length("margin", 3, 1.5, 20, "Margin", "Plate border around the text.", pt="Margem"),
        length("thickness", 3, 1.2, 10, "Thickness", "Thickness of the plate.", 0.4, pt="Espessura"),
        choice("style", ["raised", "engraved"], "Text style", "Letters standing up from the plate or cut into it.",
               pt="Estilo do texto"),
        length("relief", 1, 0.4, 5, "Relief", "How far raised letters stand up.", 0.2, pt="Relevo"),
        length("depth", 0.8, 0.4, 5, "Engraving depth", "How deep engraved letters are cut.", 0.2,
               pt="Profundidade da gravação"),
        flag("ring", True, "Key-ring hole", "A tab with a hole for a key ring.", pt="Furo para argola"),
        length("ring_diameter", 5, 2.5, 15, "Ring hole diameter", "Diameter of the key-ring hole.",
               pt="Diâmetro do furo da argola"),
        length("corner_radius", 2, 0, 10, "Corner radius", "Rounding of the plate's corners.", pt="Raio dos cantos"),
    ]


def _tag_build() -> Node:
    def layer(name: str) -> dict[str, object]:
        return {"kind": "text", "text": "=text", "size": "=text_height", "layer": name,
                "frame": {"margin": "=margin", "radius": "=corner_radius", "ring": "=ring_diameter if ring else 0",
                          "ring_wall": 2.0}}

    def plate(node_id: str) -> Node:
        return Node("extrude", {"shape": layer("plate"), "height": "=thickness"}, id=node_id)

    raised = Node("union", id="tag_raised", enabled="=style == 0", children=[
        plate("tag_plate"),
        at(Node("extrude", {"shape": layer("letters"), "height": "=relief + 0.01"}, id="tag_text", name="Text"),
           z="=thickness - 0.01", node_id="tag_text_at"),
    ])
    engraved = Node("difference", id="tag_engraved", enabled="=style == 1", children=[
        plate("tag_plate_engraved"),
        at(Node("extrude", {"shape": layer("letters"), "height": "=depth + 1"}, id="tag_engraving", name="Text"),
           z="=thickness - depth", node_id="tag_engraving_at"),
    ])
    return Node("union", id="root", name="Name tag", children=[raised, engraved])


def tag_extent(values: Mapping[str, Number]) -> Extent:
    chars = len(normalise(str(values["text"])))
    size, margin = f(values, "text_height"), f(values, "margin")
    w, h = text_width(chars, size) + 2 * margin, size + 2 * margin
    if values["ring"]:
        ring = f(values, "ring_diameter")
        w, h = w + ring + 2.0, max(h, ring + 4.0)
    return Extent(w, h, f(values, "thickness") + (f(values, "relief") if values["style"] == 0 else 0))


register(TemplateSpec(
    id="name_tag", title="Name tag / keychain", title_pt="Chaveiro / etiqueta com nome", category="tags",
    local_edit=LocalEdit("ring_diameter"),
    description="A keychain or name tag with raised or engraved text and a key-ring hole.",
    description_pt="Um chaveiro ou etiqueta com nome, com letras em relevo ou gravadas e furo para argola.",
    params=_tag_params, build=_tag_build, extent=by_values(tag_extent),
    synonyms_en=("name tag", "keychain", "key chain", "key fob", "key tag", "name plate", "label", "luggage tag",
                 "bag tag", "dog tag", "pet tag", "collar tag", "something with my name on it"),
    synonyms_pt=("chaveiro", "chaveiro com nome", "etiqueta com nome", "plaquinha", "placa com nome", "tag de mala",
                 "plaquinha de pet", "plaquinha de coleira", "etiqueta", "crachá"),
    roles={"text": "text", "height": "text_height", "size": "text_height", "thickness": "thickness",
           "hole_diameter": "ring_diameter", "corner_radius": "corner_radius"},
    features={
        "ring": Feature("ring", 1, 0, ("ring hole", "key ring", "keyring", "hole"), ("argola", "furo", "chaveiro")),
        "engraved": Feature("style", 1, 0, ("engraved", "carved", "cut in"), ("gravado", "entalhado", "baixo relevo")),
        "raised": Feature("style", 0, 1, ("raised", "embossed"), ("alto relevo", "em relevo")),
    },
    checks=(
        Check("style == 0 or depth <= thickness - 0.8", "Engraving must leave at least 0.8 mm of plate.",
              pt="A gravação precisa deixar pelo menos 0.8 mm de placa."),
        Check(f"(6 * len(text) - 1) * text_height / 7 + 2 * margin <= {MAX_PLATE}",
              f"The tag would be longer than {MAX_PLATE:g} mm; use fewer or smaller letters.",
              pt=f"A etiqueta ficaria com mais de {MAX_PLATE:g} mm; use menos letras ou letras menores."),
    ),
    tags=("tag", "text", "gift"),
))
