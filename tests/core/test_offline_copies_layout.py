"""Copies lie in a row along the object's narrower side, so a few long parts fit the bed (issue 13 item 3:
"wall hooks for towels, I need 3 of them" laid out on the plate). Measured on the built mesh."""

from __future__ import annotations

from core.assistant.base import PrinterContext
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.geometry.build import Evaluator
from core.geometry.printability import body_count


def test_three_long_bag_clips_lie_side_by_side_across_their_length_and_fit_the_bed() -> None:
    session = DesignSession(OfflinePlanner())
    reply = session.send("bag clips for chip bags, 100 mm long, make 3")
    mesh = Evaluator().mesh(session.doc)
    bed = PrinterContext().bed
    assert body_count(mesh) == 3
    assert mesh.extents[0] <= bed[0] and mesh.extents[1] <= bed[1], (mesh.extents, reply.text)
    assert "will not fit" not in reply.text

    session.send("make it 150 mm long")  # the row keeps its direction: the clips grow, the row does not
    grown = Evaluator().mesh(session.doc)
    assert body_count(grown) == 3
    assert grown.extents[0] > mesh.extents[0] + 45 and abs(grown.extents[1] - mesh.extents[1]) < 1
