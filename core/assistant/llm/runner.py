"""Executing the model's tool calls: commands tried on a copy of the document, then built and checked.

Each call becomes a list of core.commands Commands. They are first done on a private working copy
and the result is built with the Evaluator and checked (non-empty, watertight, inside the printer's
build volume, the template's printability rules); only calls that pass are kept. The user's document
is not touched here: `command()` hands the session fresh command objects for its undo stack, so
"undo" takes back the whole AI turn in one step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from core.assistant.base import PrinterContext
from core.assistant.llm.client import ToolCall
from core.assistant.llm.tools import ToolArgumentError, check_resolved, check_update, parse_arguments
from core.commands import AddNode, Command, Group, RemoveNode, ReplaceDocument, SetParameters, UpdateNode
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import CancelledError, GeometryError, PotStudioError
from core.geometry.build import Evaluator
from core.tasks import NULL_TASK, Task
from core.templates.registry import get_template, load_all

log = logging.getLogger(__name__)
_LISTED_PARTS = 40  # enough for the model to refer to parts by id, short enough for its context
Plan = Callable[[], list[Command]]  # makes fresh commands each call: one set for the trial, one for the stack


@dataclass
class ToolOutcome:
    ok: bool
    message: str  # sent back to the model as the tool result, and kept in the conversation


class ToolRunner:
    def __init__(self, doc: Document | None, context: PrinterContext, evaluator: Evaluator,
                 tools: list[dict[str, Any]]) -> None:
        self.working = doc.copy() if doc is not None else None
        self.context = context
        self.evaluator = evaluator
        self.tools = tools
        self._plans: list[Plan] = []
        self.labels: list[str] = []

    @property
    def changed(self) -> bool:
        return bool(self._plans)

    def run(self, call: ToolCall, task: Task = NULL_TASK) -> ToolOutcome:
        """Try one call; a failure leaves the working copy as it was and says why."""
        try:
            args = parse_arguments(call.name, call.arguments, self.tools)
            planners = {"create_from_template": self._plan_create_from_template,
                        "create_scene": self._plan_create_scene,
                        "edit_scene": self._plan_edit_scene,
                        "set_parameters": self._plan_set_parameters}
            label, plan = planners[call.name](args)  # parse_arguments admitted only these names
            trial = self.working.copy() if self.working is not None else Document()
            for cmd in plan():
                cmd.do(trial)
            report = self._check(trial, task)
        except CancelledError:
            raise
        except ToolArgumentError as exc:
            return ToolOutcome(False, f"Error: {exc}")
        except (PotStudioError, ValueError, TypeError, ArithmeticError) as exc:
            log.info("tool %s failed: %s", call.name, exc)
            return ToolOutcome(False, f"Error in {call.name}: {exc}")
        self.working = trial
        self._plans.append(plan)
        self.labels.append(label)
        return ToolOutcome(True, f"OK: {label}. {report}")

    def command(self) -> Command | None:
        """Fresh commands for the user's stack, grouped as one undo step labelled with what the AI did."""
        commands = [cmd for plan in self._plans for cmd in plan()]
        if not commands:
            return None
        return Group(commands, label="AI: " + "; ".join(self.labels))

    # --- one planner per tool (looked up by name) -------------------------------------------------
    def _plan_create_from_template(self, args: Mapping[str, Any]) -> tuple[str, Plan]:
        spec = get_template(args["template"])
        doc = spec.make(args.get("parameters") or {}, name=args.get("name") or None)
        return f"made a {spec.title}", lambda: [ReplaceDocument(doc.copy(), label=spec.title)]

    def _plan_create_scene(self, args: Mapping[str, Any]) -> tuple[str, Plan]:
        params = [Parameter.from_json(p) for p in args.get("parameters", [])]
        root = Node.from_json({"id": "root", **args["root"]})
        name = args.get("name") or "AI model"
        doc = Document(name=name, params=params, root=root, metadata={"source": "assistant"})
        doc.values()  # expressions between parameters resolve (or raise) before anything is built
        return f"made the scene '{name}'", lambda: [ReplaceDocument(doc.copy(), label=name)]

    def _plan_edit_scene(self, args: Mapping[str, Any]) -> tuple[str, Plan]:
        types = {n.id: n.type for n in self._model("edit_scene").root.walk()}  # grows with parts added by this call
        makers: list[Callable[[], Command]] = []
        done: list[str] = []
        for i, op in enumerate(args["operations"]):
            makers.append(self._edit(i, op, types))
            done.append(f"{op['op']} {op.get('id') or op.get('node', {}).get('type', '')}".strip())
        return "edited " + ", ".join(done), lambda: [make() for make in makers]

    def _edit(self, index: int, op: Mapping[str, Any], types: dict[str, str]) -> Callable[[], Command]:
        where = f"operations/{index}"
        missing = [k for k in {"add": ("parent", "node"), "remove": ("id",), "update": ("id",)}[op["op"]]
                   if k not in op]
        if missing:
            raise ToolArgumentError(f"{where}: '{op['op']}' needs {' and '.join(missing)}.")
        if op["op"] == "add":
            node = Node.from_json(op["node"])  # ids fixed now, so later calls can refer to them
            types.update({n.id: n.type for n in node.walk()})
            parent, position = str(op["parent"]), op.get("index")
            return lambda: AddNode(parent, node, position, label=f"Add {node.label}")
        node_id = str(op["id"])
        if node_id not in types:
            raise ToolArgumentError(f"{where}: there is no part with id '{node_id}'.")
        if op["op"] == "remove":
            return lambda: RemoveNode(node_id)
        fields = {k: op[k] for k in ("name", "enabled") if k in op}
        props = dict(op.get("props") or {})
        if not props and not fields:
            raise ToolArgumentError(f"{where}: 'update' needs props, name or enabled.")
        problems = check_update(types[node_id], props, f"{where}/{node_id}")
        if problems:
            raise ToolArgumentError("Invalid arguments for edit_scene: " + "; ".join(problems) + ".")
        return lambda: UpdateNode(node_id, dict(props), dict(fields))

    def _plan_set_parameters(self, args: Mapping[str, Any]) -> tuple[str, Plan]:
        self._model("set_parameters")
        values = dict(args["values"])
        text = ", ".join(f"{k} = {v}" for k, v in values.items())
        return f"set {text}", lambda: [SetParameters(dict(values))]

    def _model(self, tool: str) -> Document:
        if self.working is None:
            raise ToolArgumentError(
                f"There is no model yet, so {tool} has nothing to change: use create_from_template or create_scene."
            )
        return self.working

    # --- the check every result must pass ---------------------------------------------------------
    def _check(self, doc: Document, task: Task) -> str:
        check_resolved(doc)
        mesh = self.evaluator.mesh(doc, task=task)
        if len(mesh.faces) == 0:
            raise GeometryError("The model is empty (a difference removed everything, or all parts are disabled).")
        if not mesh.is_watertight:
            raise GeometryError("The model is not a closed solid; parts must overlap or touch properly.")
        size = [float(v) for v in mesh.extents]
        bed = self.context.bed
        if any(s > b + 1e-6 for s, b in zip(size, bed, strict=True)):
            raise GeometryError(
                f"The model is {_dims(size)} mm, larger than the printer's {_dims(bed)} mm build volume."
            )
        if doc.template and doc.template in load_all():
            get_template(doc.template).validate(doc)
        values = ", ".join(f"{k}={_short(v)}" for k, v in doc.values().items())
        parts = ", ".join(f"{n.id} ({n.type})" for n in list(doc.root.walk())[:_LISTED_PARTS])
        return (f"Result: {_dims(size)} mm, volume {mesh.volume / 1000:.1f} cm³, watertight, "
                f"{mesh.body_count} body(ies). Parameters: {values or 'none'}. Parts: {parts}.")


def _dims(size: Any) -> str:
    return " × ".join(f"{float(v):.1f}" for v in size)


def _short(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
