"""Shared pieces of the LLM tests: a small template registered for the test, a stand-in offline
planner (the fallback is any Provider; the real planner has its own tests), and the key setup."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from core.assistant.base import AssistantReply, Conversation, PrinterContext, TokenCallback
from core.commands import SetParameters
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.tasks import NULL_TASK, Task
from core.templates.base import Check, TemplateSpec
from core.templates.registry import TEMPLATES, load_all, register

CUP_ID = "llm_test_cup"


def _cup_params() -> list[Parameter]:
    return [
        Parameter("diameter", 60.0, min=20, max=200, description="outer diameter"),
        Parameter("height", 80.0, min=10, max=250, description="total height"),
        Parameter("wall", 2.0, min=0.8, max=10, description="wall and floor thickness"),
    ]


def _cup_tree() -> Node:
    outer = Node("cylinder", {"h": "=height", "r": "=diameter / 2"}, id="outer")
    inner = Node("cylinder", {"h": "=height", "r": "=diameter / 2 - wall"}, id="inner")
    cavity = Node("transform", {"translate": [0, 0, "=wall"]}, [inner], id="cavity")
    return Node("difference", children=[outer, cavity], id="root")


CUP = TemplateSpec(
    id=CUP_ID, title="Test cup", title_pt="Copo de teste", description="A round open cup.",
    category="test", params=_cup_params, build=_cup_tree,
    checks=(Check("wall * 4 < diameter", "The walls are too thick for such a narrow cup."),),
)


@contextmanager
def cup_template() -> Iterator[TemplateSpec]:
    load_all()
    register(CUP)
    try:
        yield CUP
    finally:
        TEMPLATES.pop(CUP_ID, None)


class StandInPlanner:
    """Answers every request the same recognisable way, so a test can tell who answered."""

    name = "offline"

    def __init__(self) -> None:
        self.calls = 0

    def respond(self, conversation: Conversation, doc: Document | None, context: PrinterContext,
                on_token: TokenCallback | None = None, task: Task = NULL_TASK) -> AssistantReply:
        self.calls += 1
        request = conversation.messages[-1].text
        command = SetParameters({"height": 100.0}) if doc is not None else None
        return AssistantReply(text=f"Offline answer to: {request}", command=command, provider=self.name)
