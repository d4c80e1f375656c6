"""Prompts in, model out, without a window: the engine behind `potstudio generate`, the acceptance
set and the prompt benchmark. It drives a real DesignSession, so the CLI exercises exactly the path
the chat dock takes (commands on the undo stack, versions, clarifying questions).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.assistant.base import AssistantReply, PrinterContext, Provider, TokenCallback
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, save_mesh
from core.geometry.parts import plate_parts
from core.geometry.printability import body_count
from core.tasks import NULL_TASK, Task

if TYPE_CHECKING:
    import trimesh

log = logging.getLogger(__name__)


@dataclass
class GenerateResult:
    document: Document | None
    mesh: trimesh.Trimesh | None
    replies: list[AssistantReply] = field(default_factory=list)
    written: trimesh.Trimesh | None = None  # the mesh read back from the file `save` wrote
    turns: list[dict[str, Any]] = field(default_factory=list)
    """Each turn as it happened ({prompt, reply, template, parameters}), so a wrong intermediate step shows."""

    @property
    def questions(self) -> list[str]:
        return list(self.replies[-1].questions) if self.replies else []

    @property
    def message(self) -> str:
        """What the user needs to read: the last reply, or, when no model came out of the
        conversation, the error or question that stopped it (not "there is no model yet")."""
        if not self.replies:
            return ""
        if self.mesh is None:
            stop = next((r for r in reversed(self.replies) if r.questions or "error" in r.notes), None)
            if stop is not None:
                return stop.text
        return self.replies[-1].text

    def to_json(self) -> dict[str, Any]:
        """The one object `potstudio generate --json` prints, measured on the written file when
        there is one (so it reports exactly what the slicer will read)."""
        doc, mesh = self.document, self.written if self.written is not None else self.mesh
        return {
            "template": doc.template if doc is not None else None,
            "parameters": _parameters(doc) if doc is not None else {},
            "reply": self.message,
            "bbox_mm": [_round(v) for v in mesh.extents] if mesh is not None else None,
            "volume_mm3": _round(abs(mesh.volume)) if mesh is not None else None,
            "watertight": bool(mesh.is_watertight) if mesh is not None else None,
            "bodies": body_count(mesh) if mesh is not None else 0,
            "questions": self.questions,
            "turns": self.turns,
        }

    def save(self, path: Path) -> None:
        """Write the mesh (a 3MF also carries the parametric document so it reopens editable) and
        read it back, so the reported numbers are the file's."""
        if self.mesh is None or self.document is None:
            raise ValueError("no model to save")
        is_3mf = path.suffix.lower() == ".3mf"
        document_json = json.dumps(self.document.to_json()) if is_3mf else None
        # A 3MF keeps a plate's parts (pot + saucer, box + lid) as separate objects for the slicer.
        model = plate_parts(self.document) if is_3mf else self.mesh
        save_mesh(model, path, document_json=document_json, name=self.document.name)
        self.written = load_mesh(path).mesh


def run_prompts(
    prompts: Sequence[str],
    provider: Provider | None = None,
    context: PrinterContext | None = None,
    evaluator: Evaluator | None = None,
    on_token: TokenCallback | None = None,
    task: Task = NULL_TASK,
) -> GenerateResult:
    """Send each prompt in turn; the result holds the final model (None if there is none)."""
    evaluator = evaluator or Evaluator()
    session = DesignSession(provider or OfflinePlanner(evaluator=evaluator), context=context)
    replies = []
    turns: list[dict[str, Any]] = []
    for i, prompt in enumerate(prompts):
        task.progress(i / max(1, len(prompts)), prompt)
        replies.append(session.send(prompt, on_token=on_token, task=task))
        turns.append({"prompt": prompt, "reply": replies[-1].text,
                      "template": session.doc.template if session.has_model else None,
                      "parameters": _parameters(session.doc) if session.has_model else {}})
    if not session.has_model:
        return GenerateResult(None, None, replies, turns=turns)
    mesh = evaluator.mesh(session.doc, task=task)
    task.progress(1.0)
    return GenerateResult(session.doc, mesh, replies, turns=turns)


def _round(value: float) -> float:
    """Millimetre values to 0.01, so 76.19999999999999 reads 76.2."""
    return round(float(value), 2) + 0.0


def _parameters(doc: Document) -> dict[str, Any]:
    values = doc.values()
    out: dict[str, Any] = {}
    for name, param in doc.params.items():
        value = values[name]
        if param.kind == "choice":
            out[name] = param.choices[int(value)]
        elif param.kind == "float":
            out[name] = _round(float(value))
        else:
            out[name] = value
    return out
