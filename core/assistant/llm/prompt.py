"""What the model is told: the rules, the template library and the current model, in plain text.

The document summary is what lets the model edit by part id and parameter name in later turns, so
tool messages of earlier turns need not be replayed; it is capped so a huge imported model cannot
blow the context window.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from core.assistant.base import Conversation, PrinterContext
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import AssistantError
from core.templates.base import TemplateSpec

MAX_SUMMARY_NODES = 60
MAX_PROPS_CHARS = 160

RULES = """You are the design assistant of 3D Pot Studio and design 3D-printable objects.
Act only through the tools; never write program code. Prefer create_from_template whenever a template
fits the request; otherwise use create_scene. To change the current model use set_parameters
(its named parameters) or edit_scene (its parts, by id). All lengths are in millimetres.
If a tool returns an error, fix the arguments and call it again.
When the model is made, answer in one or two sentences in the user's language, with its main dimensions.
If the request is unclear, ask one short question instead of calling a tool."""


def _param_line(p: Parameter) -> str:
    if p.kind == "choice":
        kind = f"choice: {'|'.join(p.choices)}; default {p.choice}"
    elif p.kind == "text":
        kind = f"text; default {str(p.value)!r}"
    else:
        span = f", {p.min:g}–{p.max:g}" if p.min is not None and p.max is not None else ""
        unit = f" {p.unit}" if p.unit else ""
        kind = f"{p.kind}{unit}{span}; default {p.value:g}" if p.kind != "bool" else f"bool; default {p.value}"
    derived = f"; computed = {p.expr}" if p.expr else ""
    text = f": {p.description}" if p.description else ""
    return f"{p.name} ({kind}{derived}){text}"


def templates_text(templates: Mapping[str, TemplateSpec]) -> str:
    if not templates:
        return "No templates are installed: build models with create_scene."
    lines = ["Templates (id, what it is, parameters):"]
    for spec in sorted(templates.values(), key=lambda s: s.id):
        params = "; ".join(_param_line(p) for p in spec.parameters() if p.expr is None)
        lines.append(f"- {spec.id}: {spec.title} — {spec.description} Parameters: {params}")
    return "\n".join(lines)


def _node_line(node: Node, depth: int) -> str:
    props = json.dumps(node.props, separators=(",", ":"))
    if len(props) > MAX_PROPS_CHARS:
        props = props[:MAX_PROPS_CHARS] + "…"
    enabled = "" if node.enabled is True else f" enabled={node.enabled}"
    name = f" '{node.name}'" if node.name else ""
    return f"{'  ' * depth}- {node.id}: {node.type}{name}{enabled} {props if node.props else ''}".rstrip()


def document_text(doc: Document | None) -> str:
    if doc is None:
        return "Current model: none yet."
    values = doc.values()
    lines = [f"Current model: '{doc.name}'" + (f", made from template {doc.template}" if doc.template else "")]
    if doc.params:
        lines.append("Parameters: " + ", ".join(
            f"{p.name}={p.choice if p.kind == 'choice' else values[p.name]}{'' if p.expr is None else ' (computed)'}"
            for p in doc.params.values()))
    lines.append("Parts:")
    shown = 0

    def visit(node: Node, depth: int) -> None:
        nonlocal shown
        if shown >= MAX_SUMMARY_NODES:
            return
        shown += 1
        lines.append(_node_line(node, depth))
        for child in node.children:
            visit(child, depth + 1)

    visit(doc.root, 0)
    total = sum(1 for _ in doc.root.walk())
    if total > shown:
        lines.append(f"  … and {total - shown} more parts")
    return "\n".join(lines)


def system_prompt(templates: Mapping[str, TemplateSpec], doc: Document | None, context: PrinterContext) -> str:
    x, y, z = context.bed
    printer = (f"Printer: build volume {x:g} × {y:g} × {z:g} mm, {context.material}, nozzle {context.nozzle:g} mm "
               f"(walls at least {2 * context.nozzle:g} mm). The user prefers {context.units}.")
    return "\n\n".join((RULES, printer, templates_text(templates), document_text(doc)))


def history(conversation: Conversation, limit: int) -> list[dict[str, Any]]:
    """The last user/assistant turns as chat messages (tool traffic of past turns is summarised by
    the current-model text instead). The last message must be the user's new request."""
    turns = [m for m in conversation.messages if m.role in ("user", "assistant") and m.text]
    if not turns or turns[-1].role != "user":
        raise AssistantError("There is no new request to answer.")
    return [{"role": m.role, "content": m.text} for m in turns[-limit:]]
