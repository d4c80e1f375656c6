"""The node tree: primitives, 2D-profile solids, transforms, patterns, CSG and imported meshes.

A node's `props` hold literals or expressions; a string that starts with "=" is an expression over
the document's parameters ("=height * 0.2"). `enabled` may be an expression too, so a feature such
as a lid or a saucer is a node switched on and off by a parameter, and the tree never has to be
rebuilt when the user toggles it. The geometric meaning of each type lives in core/geometry/build.py.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.document.expressions import Number, parse
from core.errors import DocumentError
from core.tasks import Phrase

PRIMITIVES = frozenset({"box", "cylinder", "cone", "sphere", "torus", "extrude", "revolve", "mesh"})
OPERATIONS = frozenset({"union", "difference", "intersection", "hull", "group"})
TRANSFORMS = frozenset({"transform", "polar_array", "linear_array", "mirror"})
NODE_TYPES = PRIMITIVES | OPERATIONS | TRANSFORMS
MAX_DEPTH = 100
"""Deeper than any design a person makes; a document nested 100k deep (from a file, the hub or an LLM) is
refused with a message instead of ending in a RecursionError while reading, building or saving it."""

_ids = itertools.count(1)

PART_NAMES_PT = {
    "Axle": "Eixo", "Back plate": "Placa traseira", "Base": "Base", "Block": "Bloco", "Box": "Caixa",
    "Box with lid": "Caixa com tampa", "Cable clip": "Presilha de cabo", "Cable holes": "Furos para cabos",
    "Cable slot": "Passagem do cabo", "Cells": "Compartimentos", "Cheek windows": "Janelas laterais",
    "Clip": "Presilha",
    "Coaster": "Porta-copos", "Cradle": "Berço", "Cup": "Copo", "Device enclosure": "Caixa para eletrônicos",
    "Dividers": "Divisórias", "Drain slots": "Fendas de drenagem", "Drainage holes": "Furos de drenagem",
    "Drawer organizer": "Organizador de gaveta", "Enclosure": "Caixa", "Gear": "Engrenagem", "Model": "Modelo",
    "Grip ridges": "Ranhuras de pega", "Gusset": "Reforço", "Hook": "Gancho", "Hooks": "Ganchos", "Hub": "Cubo",
    "Inside": "Interior", "Knob": "Botão", "Lid": "Tampa", "Name tag": "Chaveiro", "Open middle": "Vão central",
    "Pattern": "Padrão", "Pen cup": "Porta-canetas", "Phone stand": "Suporte de celular", "Plant pot": "Vaso de planta",
    "Pot": "Vaso", "Ribs": "Nervuras", "Saucer": "Pratinho", "Screw bosses": "Torres de parafuso",
    "Screw holes": "Furos de parafuso", "Set screw hole": "Furo do parafuso de fixação", "Shaft hole": "Furo do eixo",
    "Shelf arm": "Braço da prateleira", "Shelf bracket": "Mão francesa", "Soap dish": "Saboneteira",
    "Spacer": "Espaçador", "Spool holder": "Suporte de carretel", "Spur gear": "Engrenagem", "Stand": "Suporte",
    "Tag": "Etiqueta", "Text": "Texto", "Vase": "Vaso decorativo", "Vase body": "Corpo do vaso", "Vents": "Ventilação",
    "Wall arm": "Braço de parede", "Wall hook": "Gancho de parede", "Wall-mount ears": "Abas de fixação na parede",
}
"""The templates' part names in Brazilian Portuguese (a name the user typed is shown as typed)."""


def new_id(prefix: str = "n") -> str:
    return f"{prefix}{next(_ids)}"


@dataclass
class Node:
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    name: str = ""
    id: str = ""
    enabled: bool | str = True

    def __post_init__(self) -> None:
        if self.type not in NODE_TYPES:
            raise DocumentError(Phrase("Unknown node type '{0}'.", self.type))
        if not self.id:
            self.id = new_id(self.type[:3])
        if self.type in PRIMITIVES and self.children:
            raise DocumentError(Phrase("A {0} node cannot have children.", self.type))
        for expr in _expressions(self.props):
            parse(expr)
        if isinstance(self.enabled, str):
            parse(_strip(self.enabled))

    @property
    def label(self) -> str:
        return self.name or self.type.replace("_", " ")

    @property
    def part(self) -> str:
        """The node's label for a message: a template's part name as a Phrase, which a UI translates
        (resources/i18n/update_ts.py puts PART_NAMES_PT in the "Core" catalogue)."""
        return Phrase(self.name) if self.name in PART_NAMES_PT else self.label

    def name_in(self, lang: str) -> str:
        """The node's name in `lang` ("en" or "pt"): a template's part name is translated, one the user
        gave is theirs and stays as it is."""
        return PART_NAMES_PT.get(self.name, self.name) if lang == "pt" else self.name

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def parameter_names(self) -> set[str]:
        """Parameters this node reads directly (not its children)."""
        names: set[str] = set()
        for expr in _expressions(self.props):
            names |= parse(expr).names
        if isinstance(self.enabled, str):
            names |= parse(_strip(self.enabled)).names
        return names

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.name:
            data["name"] = self.name
        if self.enabled is not True:
            data["enabled"] = self.enabled
        if self.props:
            data["props"] = copy.deepcopy(self.props)
        if self.children:
            data["children"] = [c.to_json() for c in self.children]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any], depth: int = 0) -> Node:
        if depth > MAX_DEPTH:
            raise DocumentError(Phrase("Parts are nested more than {0} deep.", MAX_DEPTH))
        if not isinstance(data, Mapping) or "type" not in data:
            raise DocumentError(Phrase("A node must be an object with a 'type'."))
        children = data.get("children", [])
        if not isinstance(children, list):
            raise DocumentError(Phrase("Node children must be a list."))
        props = data.get("props", {})
        if not isinstance(props, dict):
            raise DocumentError(Phrase("Node props must be an object."))
        return cls(
            type=str(data["type"]),
            props=copy.deepcopy(props),
            children=[cls.from_json(c, depth + 1) for c in children],
            name=str(data.get("name", "")),
            id=str(data.get("id", "")),
            enabled=data.get("enabled", True),
        )

    def clone(self) -> Node:
        return Node.from_json(self.to_json())


def is_expression(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _strip(value: str) -> str:
    return value[1:] if value.startswith("=") else value


def _expressions(value: Any) -> Iterator[str]:
    if is_expression(value):
        yield value[1:]
    elif isinstance(value, dict):
        for v in value.values():
            yield from _expressions(v)
    elif isinstance(value, list):
        for v in value:
            yield from _expressions(v)


def resolve_value(value: Any, values: Mapping[str, Number]) -> Any:
    """Replace every "=expr" inside a props value by its value (a number, or the string of a text
    parameter: {"kind": "text", "text": "=text"} prints the parameter)."""
    if is_expression(value):
        return parse(value[1:]).evaluate(values)
    if isinstance(value, dict):
        return {k: resolve_value(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_value(v, values) for v in value]
    return value


def resolve_enabled(node: Node, values: Mapping[str, Number]) -> bool:
    if isinstance(node.enabled, str):
        return bool(parse(_strip(node.enabled)).evaluate(values))
    return bool(node.enabled)
