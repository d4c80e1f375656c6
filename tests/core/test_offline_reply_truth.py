"""A reply states only what the built model has (issue 13: "the reply must match the built model").

Each size the reply names ("<parameter label> 70 mm") must be that parameter's value in the document, and
changing that parameter must change the mesh: a jar lid built from its Mason finish must not be described
by the ISO-only "thread diameter". The lid itself is measured: a lid for a 48 mm jar is about 55 mm across,
not the 77 mm of a Mason lid.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.document.document import Document
from core.geometry.build import Evaluator

_NUMBER = r"(?:[\d.,]+ mm → )?(\d+(?:[.,]\d+)?) mm"  # an edit's "86 mm → 62.6 mm" states the new value


def stated_sizes(reply: str, doc: Document) -> list[tuple[str, float]]:
    """(parameter, number) for each "<label> N mm" in the reply, longest labels first ("jar thread diameter"
    is not "thread diameter")."""
    labels = sorted(((label.lower(), name) for name, p in doc.params.items()
                     for label in (p.label, p.label_pt) if label), key=lambda item: -len(item[0]))
    text = reply.lower()
    taken = [False] * len(text)
    found = []
    for label, name in labels:
        for m in re.finditer(rf"\b{re.escape(label)} {_NUMBER}", text):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                found.append((name, float(m.group(1).replace(",", "."))))
    return found


def shape(doc: Document) -> tuple[float, ...]:
    mesh = Evaluator().mesh(doc)
    return (*np.round(mesh.bounds.ravel(), 3), round(float(mesh.volume), 1))


@pytest.mark.parametrize("prompts", [
    ["lid for a 70 mm jar"],
    ["lid for a 48 mm jar"],
    ["tampa para pote de 40 mm"],
    ["replacement lid for a wide mouth mason jar"],
    ["a jar lid"],
    ["lid for a wide mouth mason jar", "make the thread 63 mm"],
    ["a 20 mm cube"],  # a box keeps its 20 mm as the diameter for a later "make it a cylinder": not stated
    ["a 20 mm cube", "make it 50% bigger"],
])
def test_every_size_the_reply_states_is_one_the_built_model_has(prompts: list[str]) -> None:
    session = DesignSession(OfflinePlanner())
    for prompt in prompts:
        reply = session.send(prompt)
    doc = session.doc
    values = doc.values()
    before = shape(doc)
    stated = stated_sizes(reply.text, doc)
    for name, number in stated:
        assert abs(float(values[name]) - number) <= 0.05, (name, reply.text)
        if doc.params[name].expr is None:
            trial = doc.copy()
            trial.set_param_value(name, float(values[name]) + 2)
            assert shape(trial) != before, f"the reply states {name} {number} mm, which the model does not use"


@pytest.mark.parametrize(("prompt", "jar"), [("lid for a 70 mm jar", 70.0), ("lid for a 48 mm jar", 47.6),
                                             ("tampa para pote de 40 mm", 40.0)])
def test_a_lid_asked_for_a_jar_size_fits_that_jar(prompt: str, jar: float) -> None:
    session = DesignSession(OfflinePlanner())
    reply = session.send(prompt)
    values = session.doc.values()
    mesh = Evaluator().mesh(session.doc)
    across = float(mesh.extents[0])
    rim = 2 * (float(values["lid_clearance"]) + float(values["wall"])) + (2 if values["ridges"] else 0)
    assert abs(across - (jar + rim)) <= 0.5, (across, reply.text)
    assert f"{jar:g}" in reply.text.replace(",", "."), reply.text
