"""The tools the language model may call, as JSON schemas, and the validation of its arguments.

The model never writes code: it fills in these schemas, and everything it sends is checked here
before anything is built — the JSON against the schema (jsonschema), every node's props against
the schema of its type, every number for finiteness and magnitude, and the tree for depth and
size, so a confused or hostile reply cannot make us allocate a million-segment sphere.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator

from core.document.document import Document
from core.document.nodes import NODE_TYPES, PRIMITIVES, Node, resolve_enabled, resolve_value
from core.errors import AssistantError
from core.geometry.budget import MAX_SEGMENTS
from core.geometry.shapes import SHAPES
from core.templates.base import TemplateSpec

MAX_DEPTH = 12
MAX_NODES = 200
MAX_ABS = 10_000.0  # mm (or degrees, counts): ten metres is far beyond any desktop printer
MAX_PARAMS = 50
MAX_OPERATIONS = 50
MAX_ARGUMENT_CHARS = 200_000
MAX_COPIES = 100
MAX_INSTANCES = 2_000  # primitives after patterns are expanded: nested arrays multiply


class ToolArgumentError(AssistantError):
    """The model's arguments break the schema or a limit; the message goes back to the model."""


# --- building blocks ------------------------------------------------------------------------------
NUM: dict[str, Any] = {"type": ["number", "string"], "pattern": "^=", "maxLength": 300}
VEC2: dict[str, Any] = {"type": "array", "items": NUM, "minItems": 2, "maxItems": 2}
VEC3: dict[str, Any] = {"type": "array", "items": NUM, "minItems": 3, "maxItems": 3}
BOOL: dict[str, Any] = {"type": "boolean"}
SEGMENTS: dict[str, Any] = {"type": "integer", "minimum": 3, "maximum": MAX_SEGMENTS}
VALUE: dict[str, Any] = {"type": ["number", "string", "boolean"]}
ID: dict[str, Any] = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,40}$"}
NAME: dict[str, Any] = {"type": "string", "maxLength": 80}
LLM_NODE_TYPES = sorted(NODE_TYPES - {"mesh"})  # mesh data comes from files, never from the model


def _props(required: tuple[str, ...] = (), **properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


def shape_schema(holes: bool = True) -> dict[str, Any]:
    """2D outlines for extrude/revolve; kinds come from the shapes registry, so new kinds just work.
    Holes are outlines themselves (one level deep: a hole with holes is not a thing we print)."""
    schema: dict[str, Any] = {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {"enum": sorted(SHAPES)},
            "r": NUM, "size": VEC2, "radius": NUM, "sides": {"type": "integer", "minimum": 3, "maximum": 64},
            "r_outer": NUM, "r_inner": NUM, "start_angle": NUM, "corner_radius": NUM, "offset": NUM,
            "points": {"type": "array", "items": VEC2, "minItems": 3, "maxItems": 500},
            "translate": VEC2, "rotate": NUM,
        },
    }
    if holes:
        schema["properties"]["holes"] = {"type": "array", "items": shape_schema(holes=False), "maxItems": 50}
    return schema


def prop_schemas() -> dict[str, dict[str, Any]]:
    """The props each node type accepts (the meaning lives in core/geometry/build.py)."""
    shape = shape_schema()
    round_solid = {"h": NUM, "r": NUM, "r1": NUM, "r2": NUM, "segments": SEGMENTS, "center": BOOL}
    empty = _props()
    return {
        "box": _props(("size",), size=VEC3, radius=NUM, center=BOOL),
        "cylinder": _props(("h",), **round_solid),
        "cone": _props(("h",), **round_solid),
        "sphere": _props(("r",), r=NUM, segments=SEGMENTS),
        "torus": _props(("R", "r"), R=NUM, r=NUM, segments=SEGMENTS),
        "extrude": _props(("height", "shape"), height=NUM, shape=shape, twist=NUM, scale_top=VEC2,
                          slices={"type": "integer", "minimum": 0, "maximum": 200}, center=BOOL),
        "revolve": _props((), shape=shape, profile={"type": "array", "items": VEC2, "minItems": 3, "maxItems": 500},
                          segments=SEGMENTS, angle=NUM),
        "union": empty, "group": empty, "difference": empty, "intersection": empty, "hull": empty,
        "transform": _props((), translate=VEC3, rotate=VEC3, scale=VEC3),
        "polar_array": _props(("count",), count={"type": "integer", "minimum": 1, "maximum": MAX_COPIES},
                              radius=NUM, start_angle=NUM, angle=NUM, rotate=BOOL),
        "linear_array": _props(("count",), count={"type": "array", "minItems": 3, "maxItems": 3, "items": {
            "type": "integer", "minimum": 1, "maximum": MAX_COPIES}}, spacing=VEC3, center=BOOL),
        "mirror": _props((), normal=VEC3, keep_original=BOOL),
    }


NODE: dict[str, Any] = {
    "type": "object",
    "required": ["type"],
    "additionalProperties": False,
    "properties": {
        "type": {"enum": LLM_NODE_TYPES},
        "id": ID,
        "name": NAME,
        "props": {"type": "object"},
        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}, "maxItems": MAX_NODES},
        "enabled": BOOL,
    },
}
PARAMETER: dict[str, Any] = {
    "type": "object",
    "required": ["name", "value"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,39}$"},
        "value": {"type": ["number", "boolean"]},
        "kind": {"enum": ["float", "int", "bool"]},
        "unit": {"type": "string", "maxLength": 10},
        "min": {"type": "number"}, "max": {"type": "number"}, "step": {"type": "number"},
        "description": {"type": "string", "maxLength": 200},
        "expr": {"type": "string", "maxLength": 300},
    },
}


def _vocabulary() -> str:
    """One line per node type listing its props (* = required), generated from prop_schemas()."""
    lines = []
    for node_type, schema in prop_schemas().items():
        required = set(schema.get("required", []))
        props = ", ".join(f"{k}{'*' if k in required else ''}" for k in schema.get("properties", {}))
        lines.append(f"{node_type}: {props or '(children only)'}")
    return "; ".join(lines) + f". 2D shape kinds: {', '.join(sorted(SHAPES))}."


def tool_definitions(templates: Mapping[str, TemplateSpec]) -> list[dict[str, Any]]:
    """The `tools` array of the chat request (OpenAI function-calling format)."""
    node_help = (
        "Lengths in mm, angles in degrees. box/cylinder/cone/extrude stand on z=0 centred in XY; sphere and "
        "torus are centred on the origin. A prop may be a number or '=expression' over parameters. "
        f"CSG: difference subtracts children 2..n from child 1. Props per type: {_vocabulary()}"
    )
    tools: list[tuple[str, str, dict[str, Any]]] = [
        ("create_scene", "Build a new model from primitives, transforms and CSG when no template fits. " + node_help,
         {"type": "object", "required": ["root"], "additionalProperties": False, "$defs": {"node": NODE},
          "properties": {"name": NAME, "root": {"$ref": "#/$defs/node"},
                         "parameters": {"type": "array", "items": PARAMETER, "maxItems": MAX_PARAMS}}}),
        ("edit_scene", "Add, remove or update parts of the current model by id. " + node_help,
         {"type": "object", "required": ["operations"], "additionalProperties": False, "$defs": {"node": NODE},
          "properties": {"operations": {"type": "array", "minItems": 1, "maxItems": MAX_OPERATIONS, "items": {
              "type": "object", "required": ["op"], "additionalProperties": False, "properties": {
                  "op": {"enum": ["add", "remove", "update"]}, "id": ID, "parent": ID,
                  "index": {"type": "integer", "minimum": 0}, "node": {"$ref": "#/$defs/node"},
                  "props": {"type": "object"}, "name": NAME, "enabled": BOOL}}}}}),
        ("set_parameters", "Change named parameters of the current model (e.g. its height).",
         {"type": "object", "required": ["values"], "additionalProperties": False, "properties": {
             "values": {"type": "object", "minProperties": 1, "maxProperties": MAX_PARAMS,
                        "additionalProperties": VALUE}}}),
    ]
    if templates:
        tools.insert(0, (
            "create_from_template",
            "Make a new model from a template of the library (preferred whenever one fits the request).",
            {"type": "object", "required": ["template"], "additionalProperties": False, "properties": {
                "template": {"enum": sorted(templates)},
                "parameters": {"type": "object", "additionalProperties": VALUE, "maxProperties": MAX_PARAMS},
                "name": NAME}},
        ))
    return [{"type": "function", "function": {"name": n, "description": d, "parameters": p}} for n, d, p in tools]


# --- validation -----------------------------------------------------------------------------------
def _errors(schema: Mapping[str, Any], value: Any, where: str) -> list[str]:
    found = sorted(Draft202012Validator(schema).iter_errors(value), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in (where, *e.absolute_path) if p != '') or 'arguments'}: {e.message[:200]}"
            for e in found[:4]]


def _numbers(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        if not math.isfinite(value):
            yield f"{path}: {value} is not a finite number"
        elif abs(value) > MAX_ABS:
            yield f"{path}: {value:g} is beyond the limit of ±{MAX_ABS:g}"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, f"{path}/{index}")


def check_tree(node: Mapping[str, Any], where: str) -> list[str]:
    """Props of every node against its type's schema, plus depth and size limits."""
    schemas = prop_schemas()
    problems: list[str] = []
    count = 0

    def visit(item: Mapping[str, Any], path: str, depth: int) -> None:
        nonlocal count
        count += 1
        if depth > MAX_DEPTH:
            problems.append(f"{path}: the tree is deeper than {MAX_DEPTH} levels")
            return
        label = f"{path} ({item['type']})"
        problems.extend(_errors(schemas[item["type"]], item.get("props", {}), f"{label}/props"))
        for index, child in enumerate(item.get("children", [])):
            visit(child, f"{path}/children/{index}", depth + 1)

    visit(node, where, 1)
    if count > MAX_NODES:
        problems.append(f"{where}: {count} parts is more than the limit of {MAX_NODES}")
    return problems


def check_update(node_type: str, props: Mapping[str, Any], where: str) -> list[str]:
    """The props an update sets, against the schema of the node's type (unchanged props are not
    re-checked: a template may use props the model is not offered)."""
    schema = dict(prop_schemas().get(node_type, _props()))
    schema["required"] = []
    return _errors(schema, dict(props), f"{where} ({node_type})/props")


def _copies(node_type: str, props: Mapping[str, Any]) -> int:
    if node_type == "polar_array":
        return int(props.get("count", 6))
    if node_type == "linear_array":
        count = props.get("count", 1)
        return math.prod(int(c) for c in count) if isinstance(count, list) else int(count) ** 3
    if node_type == "mirror":
        return 2 if props.get("keep_original", True) else 1
    return 1


def check_resolved(doc: Document) -> None:
    """Limits on the model as it will be built, after expressions are evaluated: an expression
    ("=1e9") or a parameter can hide a size or a twist that the argument check never saw."""
    values = doc.values()
    problems: list[str] = []

    def visit(node: Node, copies: int) -> int:
        if node.type == "mesh" or not resolve_enabled(node, values):
            return copies if node.type == "mesh" else 0
        props = resolve_value(node.props, values)
        problems.extend(_numbers(props, f"{node.id} ({node.type})"))
        if node.type in PRIMITIVES:
            return copies
        factor = copies * max(0, _copies(node.type, props))
        return sum(visit(child, factor) for child in node.children)

    instances = visit(doc.root, 1)
    if instances > MAX_INSTANCES:
        problems.append(f"the patterns expand to {instances} parts, more than the limit of {MAX_INSTANCES}")
    if problems:
        raise ToolArgumentError("The model is out of bounds: " + "; ".join(problems[:6]) + ".")


def parse_arguments(name: str, raw: str, tools: list[dict[str, Any]]) -> dict[str, Any]:
    """The validated arguments of one tool call, or ToolArgumentError saying exactly what is wrong."""
    schemas = {t["function"]["name"]: t["function"]["parameters"] for t in tools}
    if name not in schemas:
        raise ToolArgumentError(f"There is no tool '{name}'. Use one of: {', '.join(schemas)}.")
    if len(raw) > MAX_ARGUMENT_CHARS:
        raise ToolArgumentError(f"The arguments are longer than {MAX_ARGUMENT_CHARS} characters.")
    try:
        args = json.loads(raw or "{}")
    except ValueError as exc:
        raise ToolArgumentError(f"The arguments of {name} are not valid JSON ({exc}).") from None
    except RecursionError:
        raise ToolArgumentError(f"The arguments of {name} are nested too deeply.") from None
    problems = _errors(schemas[name], args, "")
    if not problems:
        problems = list(_numbers(args, "arguments"))
    if not problems:
        trees = [("root", args.get("root"))] + [
            (f"operations/{i}/node", op.get("node")) for i, op in enumerate(args.get("operations", []))
        ]
        for where, tree in trees:
            if tree is not None:
                problems.extend(check_tree(tree, where))
    if problems:
        raise ToolArgumentError(f"Invalid arguments for {name}: " + "; ".join(problems[:6]) + ".")
    return dict(args)
